//! Lookup keys as the generated `FromStr` and `from_code` see them, and the
//! comparison of names, which lookups accept: a name change is classified by
//! what lookups lose or gain.

use std::collections::BTreeMap;

use super::field::Fields;
use super::keyed::{pair_up, Pair};
use super::{Cx, EntityKind, RuleId};
use crate::load::{Content, Loaded};
use crate::model::CodeSystem;
use crate::names::fold;

/// Lookup keys of one side: folded key → id.
pub(super) struct Keys {
    treatments: BTreeMap<String, String>,
    classes: BTreeMap<String, String>,
    mechanisms: BTreeMap<String, String>,
    cautions: BTreeMap<String, String>,
    sources: BTreeMap<String, String>,
    /// Each standard code (system and code) → the treatment that has it.
    pub codes: BTreeMap<(CodeSystem, String), String>,
}

fn named<T>(
    m: &BTreeMap<String, Loaded<T>>,
    name: impl Fn(&T) -> &str,
) -> BTreeMap<String, String> {
    // The same order as the generator: the id always wins, then the name.
    let mut keys = BTreeMap::new();
    for (id, l) in m {
        keys.insert(fold(id), id.clone());
        keys.entry(fold(name(&l.item)))
            .or_insert_with(|| id.clone());
    }
    keys
}

impl Keys {
    /// The keys of `c`.
    pub fn of(c: &Content) -> Keys {
        let mut treatments = BTreeMap::new();
        let mut codes = BTreeMap::new();
        for (id, l) in &c.treatments {
            treatments.insert(fold(id), id.clone());
            let t = &l.item;
            let names = std::iter::once(&t.name)
                .chain(&t.synonyms)
                .chain(t.brands.iter().map(|b| &b.name));
            for n in names {
                treatments.entry(fold(&n.0)).or_insert_with(|| id.clone());
            }
            for code in &t.codes {
                codes
                    .entry((code.system, code.code.0.clone()))
                    .or_insert_with(|| id.clone());
            }
        }
        Keys {
            treatments,
            classes: named(&c.classes, |x| &x.name.0),
            mechanisms: named(&c.mechanisms, |x| &x.name.0),
            cautions: named(&c.cautions, |x| &x.title.0),
            sources: named(&c.sources, |x| &x.title.0),
            codes,
        }
    }

    fn of_kind(&self, kind: EntityKind) -> Option<&BTreeMap<String, String>> {
        match kind {
            EntityKind::Treatment => Some(&self.treatments),
            EntityKind::Class => Some(&self.classes),
            EntityKind::Mechanism => Some(&self.mechanisms),
            EntityKind::Caution => Some(&self.cautions),
            EntityKind::Source => Some(&self.sources),
            EntityKind::Condition | EntityKind::Disclaimer => None,
        }
    }
}

/// Keys that found `id` in BASE and no longer find it in HEAD.
pub(super) fn lost_keys(cx: &Cx, kind: EntityKind, id: &str) -> Vec<String> {
    let (b, a) = (&cx.before.keys, &cx.after.keys);
    let (Some(b), Some(a)) = (b.of_kind(kind), a.of_kind(kind)) else {
        return Vec::new();
    };
    b.iter()
        .filter(|(k, v)| v.as_str() == id && a.get(*k).is_none_or(|x| x != id) && **k != fold(id))
        .map(|(k, _)| k.clone())
        .collect()
}

/// Whether a lookup key was removed or added.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyChange {
    /// BASE has the key: do lookups lose it?
    Removed,
    /// HEAD has the key: do lookups gain it?
    Added,
}

impl Fields<'_> {
    /// The rule for a lookup key `key` of this entity that was removed or added.
    fn key_rule(&self, key: &str, side: KeyChange) -> RuleId {
        let (b, a) = (&self.cx.before.keys, &self.cx.after.keys);
        let (Some(b), Some(a)) = (b.of_kind(self.kind), a.of_kind(self.kind)) else {
            return RuleId::Text;
        };
        let k = fold(key);
        let finds = |m: &BTreeMap<String, String>| m.get(&k).is_some_and(|x| x == self.id);
        match side {
            KeyChange::Removed if finds(b) && !finds(a) => RuleId::RemovedLookupKey,
            KeyChange::Added if finds(a) && !finds(b) => RuleId::NewLookupKey,
            _ => RuleId::Text,
        }
    }

    /// A changed name or title, which lookups accept.
    pub fn name(&mut self, field: &str, b: &str, a: &str) {
        let lost = self.key_rule(b, KeyChange::Removed);
        let rule = if lost == RuleId::RemovedLookupKey {
            lost
        } else {
            self.key_rule(a, KeyChange::Added)
        };
        if let Some(c) = self.text_under(field, b, a, rule) {
            if lost == RuleId::RemovedLookupKey {
                c.note = Some(format!("lookups no longer accept \"{b}\""));
            }
        }
    }

    /// Names in a list (synonyms, brands), matched ignoring case.
    pub fn name_list<'x>(
        &mut self,
        field: &str,
        before: impl Iterator<Item = &'x str>,
        after: impl Iterator<Item = &'x str>,
    ) {
        // Case-folded, the last of equal names counts (as a map keeps it).
        let b: BTreeMap<String, &str> = before.map(|s| (fold(s), s)).collect();
        let a: BTreeMap<String, &str> = after.map(|s| (fold(s), s)).collect();
        for pair in pair_up(b, a) {
            match pair {
                Pair::Both(old, new) => self.text(field, old, new),
                Pair::Removed(old) => {
                    let rule = self.key_rule(old, KeyChange::Removed);
                    let c = self.record(field, Some(old.to_string()), None, rule);
                    if rule == RuleId::RemovedLookupKey {
                        c.note = Some(format!("lookups no longer accept \"{old}\""));
                    }
                }
                Pair::Added(new) => {
                    let rule = self.key_rule(new, KeyChange::Added);
                    self.record(field, None, Some(new.to_string()), rule);
                }
            }
        }
    }
}
