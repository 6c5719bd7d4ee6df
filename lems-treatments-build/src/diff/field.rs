//! The field changes of one entity as a comparison finds them: [`Fields`]
//! records each change with its rule's level and, from the rule's row and the
//! field's [`Weight`], whether it needs clinical review.

use std::collections::BTreeSet;

use super::keyed::{pair_up, Pair};
use super::policy::Weight;
use super::show::Show;
use super::{word_diff, Cx, EntityKind, FieldChange, Op, RuleId};
use crate::model::{Citation, Id, Text};

/// The changes of one entity, recorded in the order they are found.
pub(super) struct Fields<'c> {
    /// Both sides and their derived facts.
    pub cx: &'c Cx,
    /// The kind of the compared entity.
    pub kind: EntityKind,
    /// Its id.
    pub id: &'c str,
    weight: Weight,
    out: Vec<FieldChange>,
}

impl<'c> Fields<'c> {
    /// No changes yet of entity `id`; fields are plain until [`Fields::clinical`] says otherwise.
    pub fn new(cx: &'c Cx, kind: EntityKind, id: &'c str) -> Self {
        Fields {
            cx,
            kind,
            id,
            weight: Weight::Plain,
            out: Vec::new(),
        }
    }

    /// The changes found.
    pub fn finish(self) -> Vec<FieldChange> {
        self.out
    }

    /// Compares clinical fields: every change `body` records is weighed [`Weight::Clinical`].
    pub fn clinical(&mut self, body: impl FnOnce(&mut Self)) {
        let was = std::mem::replace(&mut self.weight, Weight::Clinical);
        body(self);
        self.weight = was;
    }

    /// Records a change of `field` under `rule`: added when only `after` is there,
    /// removed when only `before` is, else changed.
    pub fn record(
        &mut self,
        field: &str,
        before: Option<String>,
        after: Option<String>,
        rule: RuleId,
    ) -> &mut FieldChange {
        let op = match (&before, &after) {
            (None, Some(_)) => Op::Added,
            (Some(_), None) => Op::Removed,
            _ => Op::Changed,
        };
        let change = FieldChange {
            field: field.to_string(),
            op,
            before,
            after,
            words: Vec::new(),
            note: None,
            reading: None,
            rule,
            level: rule.level(),
            clinical: rule.clinical(self.weight, false),
        };
        let at = self.out.len();
        self.out.push(change);
        &mut self.out[at]
    }

    /// A changed text under `rule`, with its word diff; nothing when it is the same.
    pub fn text_under(
        &mut self,
        field: &str,
        before: &str,
        after: &str,
        rule: RuleId,
    ) -> Option<&mut FieldChange> {
        if before == after {
            return None;
        }
        let weight = self.weight;
        let c = self.record(field, Some(before.into()), Some(after.into()), rule);
        c.words = word_diff(before, after);
        c.clinical = rule.clinical(weight, c.words.iter().any(|p| p.mark.is_some()));
        Some(c)
    }

    /// A changed text: word diff, rule `text`.
    pub fn text(&mut self, field: &str, before: &str, after: &str) {
        self.text_under(field, before, after, RuleId::Text);
    }

    /// A text that may be absent: added, removed or changed, rule `text`.
    pub fn opt_text(&mut self, field: &str, before: Option<&Text>, after: Option<&Text>) {
        match (before, after) {
            (Some(b), Some(a)) => self.text(field, &b.0, &a.0),
            (b, a) if b.is_some() || a.is_some() => {
                let show = |t: Option<&Text>| t.map(|t| t.0.clone());
                self.record(field, show(b), show(a), RuleId::Text);
            }
            _ => {}
        }
    }

    /// A changed value that is not wording.
    pub fn fact<T: PartialEq + Show>(&mut self, field: &str, before: &T, after: &T, rule: RuleId) {
        if before != after {
            self.record(field, Some(before.show()), Some(after.show()), rule);
        }
    }

    /// Compares citations: every change `body` records is weighed
    /// [`Weight::Plain`], even among a clinical fact's fields.
    fn plain(&mut self, body: impl FnOnce(&mut Self)) {
        let was = std::mem::replace(&mut self.weight, Weight::Plain);
        body(self);
        self.weight = was;
    }

    /// Where a fact's citation points in its source (its `at:`): a changed
    /// place is a changed citation, rule `text` (a patch), not clinical.
    pub fn place(&mut self, field: &str, before: Option<&Text>, after: Option<&Text>) {
        if before != after {
            let show = |t: Option<&Text>| t.map(|t| t.0.clone());
            self.plain(|f| {
                f.record(field, show(before), show(after), RuleId::Text);
            });
        }
    }

    /// A `sources:` list: each citation (a source, with its place when it
    /// names one: `lems_treatment_article § Immune therapy`) added or
    /// removed, rule `text` (a patch), not clinical. A citation moved to
    /// another place is the old one removed and the new one added.
    pub fn citations(&mut self, field: &str, before: &[Citation], after: &[Citation]) {
        let shown = |cs: &[Citation]| -> Vec<String> {
            cs.iter()
                .map(|c| match c.at() {
                    Some(at) => format!("{} § {}", c.source().0, at.0),
                    None => c.source().0.clone(),
                })
                .collect()
        };
        self.plain(|f| f.strings(field, shown(before), shown(after), RuleId::Text));
    }

    /// A list of places a source declares (its `outline:`): each added or
    /// removed, rule `text`, not clinical.
    pub fn places(&mut self, field: &str, before: &[Text], after: &[Text]) {
        let shown = |ts: &[Text]| ts.iter().map(|t| t.0.clone()).collect::<Vec<_>>();
        self.plain(|f| f.strings(field, shown(before), shown(after), RuleId::Text));
    }

    /// A list of ids: added and removed ids, each under `rule`.
    pub fn ids(&mut self, field: &str, before: &[Id], after: &[Id], rule: RuleId) {
        let shown = |ids: &[Id]| ids.iter().map(|i| i.0.clone()).collect::<Vec<_>>();
        self.strings(field, shown(before), shown(after), rule);
    }

    /// A set of values written as strings: each added or removed under `rule`.
    fn strings(&mut self, field: &str, before: Vec<String>, after: Vec<String>, rule: RuleId) {
        let b: BTreeSet<&str> = before.iter().map(String::as_str).collect();
        let a: BTreeSet<&str> = after.iter().map(String::as_str).collect();
        for pair in pair_up(b.into_iter().map(|i| (i, i)), a.into_iter().map(|i| (i, i))) {
            match pair {
                Pair::Removed(id) => self.record(field, Some(id.into()), None, rule),
                Pair::Added(id) => self.record(field, None, Some(id.into()), rule),
                Pair::Both(..) => continue,
            };
        }
    }

    /// Texts of a list (`usage`), aligned with a slice diff: replaced items are word-diffed.
    pub fn text_list(&mut self, field: &str, before: &[Text], after: &[Text]) {
        let b: Vec<&str> = before.iter().map(|t| t.as_str()).collect();
        let a: Vec<&str> = after.iter().map(|t| t.as_str()).collect();
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, &b, &a) {
            match op {
                similar::DiffOp::Equal { .. } => {}
                similar::DiffOp::Delete {
                    old_index, old_len, ..
                } => self.each(field, &b, old_index, old_len, Op::Removed),
                similar::DiffOp::Insert {
                    new_index, new_len, ..
                } => self.each(field, &a, new_index, new_len, Op::Added),
                similar::DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    let paired = old_len.min(new_len);
                    let olds = b.get(old_index..old_index + paired).unwrap_or_default();
                    let news = a.get(new_index..new_index + paired).unwrap_or_default();
                    for (k, (o, n)) in olds.iter().zip(news).enumerate() {
                        self.text(&format!("{field}[{}]", new_index + k + 1), o, n);
                    }
                    self.each(field, &b, old_index + paired, old_len - paired, Op::Removed);
                    self.each(field, &a, new_index + paired, new_len - paired, Op::Added);
                }
            }
        }
    }

    /// Items `start..start + len` of `items`, each one added or removed (numbered from 1).
    fn each(&mut self, field: &str, items: &[&str], start: usize, len: usize, op: Op) {
        let slice = items.get(start..start + len).unwrap_or_default();
        for (k, item) in slice.iter().enumerate() {
            let name = format!("{field}[{}]", start + k + 1);
            let (before, after) = match op {
                Op::Removed => (Some(item.to_string()), None),
                _ => (None, Some(item.to_string())),
            };
            self.record(&name, before, after, RuleId::Text);
        }
    }
}
