//! A semantic diff of two content trees, classified by the crate's semver
//! policy for content.
//!
//! [`diff`] compares two loaded [`Content`]s as typed models, field by field,
//! and classifies every change with one [`RuleId`] of the policy table
//! ([`RuleId::ALL`], rendered into README.md by [`rules_markdown`]). The result
//! is plain data ([`ContentDiff`], `serde::Serialize`) for any renderer.
//!
//! Clinical weight is flagged apart from semver, whatever the level: a
//! caution newly applied to or removed from a treatment (its *resolved*
//! cautions, its class's included); any change of a caution but its review
//! date and sources (its title, kind, explanation, text for the patient,
//! region, grade); of an indication (its note, the treatments it comes
//! after, its source); of a usage line; of a regulatory fact (every field,
//! its population's text and age included); of a code or a brand's regions;
//! of a decision not to apply a caution (`cautions_not_applied`); of the
//! disclaimer's text. Any other text is flagged when its word diff deletes
//! or inserts a negation or certainty word or a number with its unit
//! ([`Mark`], `marks.rs`): "may harm" → "can harm" is clinical in a summary
//! too. Which rules weigh this is the policy table's `review` column.
//! Review records are not content: they are never compared here. The verdict is stated even when nothing is flagged
//! ([`ClinicalVerdict::None`]), and every entity carries its title.
//!
//! The files: `policy.rs` is the table (one row per rule: name, level,
//! changelog, clinical review, the sentence that explains it); `report.rs`
//! the result types. Each kind of entity has one comparison function
//! (`treatment.rs`, with `regulatory.rs` and `codes.rs`; `class.rs`,
//! `mechanism.rs`, `caution.rs`, `source.rs`, `condition.rs`), which records
//! its changes in a `field::Fields` and says which of its fields are clinical.
//! `keyed.rs` matches every keyed list (added, removed, in both); `lookup.rs`
//! classifies names by the lookup keys they add or lose; `marks.rs` finds
//! and marks the words a clinician must not miss; `show.rs` writes values. A treatment's resolved cautions come from
//! [`Relations`], computed once per side.

mod caution;
mod class;
mod codes;
mod condition;
mod field;
mod keyed;
mod lookup;
mod marks;
mod mechanism;
mod policy;
mod reading;
mod regulatory;
mod report;
mod show;
mod source;
mod treatment;

use std::collections::BTreeMap;

use crate::load::{Content, Loaded};
use crate::relations::{CautionOrigin, Relations};

use field::Fields;
use keyed::{pair_up, Pair};
use lookup::{lost_keys, Keys};

pub use marks::{runs, Mark};
pub use policy::{Level, RuleId, RuleInfo};
pub use report::{
    ClinicalFlag, ClinicalVerdict, ContentDiff, Decision, EntityDiff, EntityKind, FieldChange, Op,
    Piece, PieceOp, Reading,
};

/// The policy table as Markdown, exactly as README.md carries it.
pub fn rules_markdown() -> String {
    let mut out = String::from("| change | release |\n|---|---|\n");
    for rule in RuleId::ALL {
        out.push_str(&format!("| {} | {} |\n", rule.change(), rule.release()));
    }
    out
}

/// The word diff of two texts, with each changed negation or certainty word
/// and number with its unit split off as a piece of its own and marked
/// ([`Mark`]).
pub fn word_diff(before: &str, after: &str) -> Vec<Piece> {
    marks::mark_pieces(word_diff_plain(before, after), before, after)
}

/// The word diff of two texts, runs of one op merged, nothing marked.
fn word_diff_plain(before: &str, after: &str) -> Vec<Piece> {
    let diff = similar::TextDiff::from_words(before, after);
    let mut out: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => PieceOp::Equal,
            similar::ChangeTag::Delete => PieceOp::Delete,
            similar::ChangeTag::Insert => PieceOp::Insert,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(Piece {
                op,
                text: change.value().to_string(),
                mark: None,
            }),
        }
    }
    out
}

/// What the comparisons need of one side beyond its files: its lookup keys
/// and its derived facts, computed once.
struct Side {
    keys: Keys,
    relations: Relations,
}

impl Side {
    fn of(content: &Content) -> Self {
        Side {
            keys: Keys::of(content),
            relations: Relations::of(content),
        }
    }

    /// Treatment `id`'s resolved cautions with their origins, each keyed by
    /// the caution, in caution order.
    fn cautions_of<'s>(
        &'s self,
        id: &str,
    ) -> impl Iterator<Item = (&'s String, (&'s String, &'s CautionOrigin))> {
        let cautions = self.relations.treatment_cautions.get(id);
        cautions.into_iter().flatten().map(|(c, o)| (c, (c, o)))
    }
}

/// Both sides, as every comparison sees them.
struct Cx {
    before: Side,
    after: Side,
}

/// Compares BASE with HEAD.
pub fn diff(before: &Content, after: &Content) -> ContentDiff {
    let cx = Cx {
        before: Side::of(before),
        after: Side::of(after),
    };
    let mut entities = Vec::new();
    let (b, a) = (before, after);
    use EntityKind as K;
    entities.extend(cx.entities(
        K::Treatment,
        &b.treatments,
        &a.treatments,
        |t| &t.name.0,
        treatment::treatment,
    ));
    entities.extend(cx.entities(
        K::Class,
        &b.classes,
        &a.classes,
        |x| &x.name.0,
        class::class,
    ));
    entities.extend(cx.entities(
        K::Mechanism,
        &b.mechanisms,
        &a.mechanisms,
        |x| &x.name.0,
        mechanism::mechanism,
    ));
    entities.extend(cx.entities(
        K::Caution,
        &b.cautions,
        &a.cautions,
        |x| &x.title.0,
        caution::caution,
    ));
    entities.extend(cx.entities(
        K::Source,
        &b.sources,
        &a.sources,
        |x| &x.title.0,
        source::source,
    ));
    let (bc, ac) = (&b.condition.item, &a.condition.item);
    let title = Some(ac.name.0.clone());
    entities.extend(cx.singleton(K::Condition, "lems", title, |f| {
        condition::condition(f, bc, ac)
    }));
    let (bd, ad) = (&b.disclaimer.item, &a.disclaimer.item);
    entities.extend(cx.singleton(K::Disclaimer, "disclaimer", None, |f| {
        condition::disclaimer(f, bd, ad)
    }));
    reading::annotate(&mut entities, before, after);
    summarise(entities)
}

impl Cx {
    /// The entities of one kind that were added, removed or changed, in id order.
    fn entities<T>(
        &self,
        kind: EntityKind,
        before: &BTreeMap<String, Loaded<T>>,
        after: &BTreeMap<String, Loaded<T>>,
        title: impl Fn(&T) -> &str,
        compare: impl Fn(&mut Fields, &T, &T),
    ) -> Vec<EntityDiff> {
        let (b, a) = (before.iter(), after.iter());
        let mut pairs = pair_up(
            b.map(|(id, l)| (id, (id, l))),
            a.map(|(id, l)| (id, (id, l))),
        );
        pairs.sort_by(|x, y| x.either().0.cmp(y.either().0));
        let mut out = Vec::new();
        for pair in pairs {
            let id = pair.either().0.as_str();
            // HEAD's title, or BASE's for a removed entity.
            let named = match &pair {
                Pair::Both(_, (_, l)) | Pair::Added((_, l)) | Pair::Removed((_, l)) => {
                    title(&l.item)
                }
            };
            let mut f = Fields::new(self, kind, id);
            let op = match pair {
                Pair::Removed(_) => {
                    let c = f.record("id", Some(id.to_string()), None, RuleId::RemovedId);
                    // The id's other keys (names, brands) go with it.
                    let lost = lost_keys(self, kind, id);
                    if !lost.is_empty() {
                        c.note = Some(format!("lookups no longer accept: {}", lost.join(", ")));
                    }
                    Op::Removed
                }
                Pair::Added(_) => {
                    f.record("id", None, Some(id.to_string()), RuleId::NewVariant);
                    Op::Added
                }
                Pair::Both((_, b), (_, a)) => {
                    compare(&mut f, &b.item, &a.item);
                    Op::Changed
                }
            };
            out.extend(entity(kind, id, Some(named.to_string()), op, f.finish()));
        }
        out
    }

    /// The changes of the condition or the disclaimer, if any.
    fn singleton(
        &self,
        kind: EntityKind,
        id: &str,
        title: Option<String>,
        compare: impl FnOnce(&mut Fields),
    ) -> Option<EntityDiff> {
        let mut f = Fields::new(self, kind, id);
        compare(&mut f);
        entity(kind, id, title, Op::Changed, f.finish())
    }
}

/// An entity's diff, when something changed.
fn entity(
    kind: EntityKind,
    id: &str,
    title: Option<String>,
    op: Op,
    changes: Vec<FieldChange>,
) -> Option<EntityDiff> {
    (!changes.is_empty()).then(|| EntityDiff {
        kind,
        id: id.to_string(),
        title,
        op,
        changes,
    })
}

fn summarise(entities: Vec<EntityDiff>) -> ContentDiff {
    let mut decision: Option<Decision> = None;
    let mut clinical_review = Vec::new();
    let mut changelog_required = false;
    for e in &entities {
        for c in &e.changes {
            if decision.as_ref().is_none_or(|d| c.level > d.level) {
                decision = Some(Decision {
                    level: c.level,
                    rule: c.rule.into(),
                    because: format!("{}: {} {}", e.label(), c.field, c.op.as_str()),
                });
            }
            changelog_required |= c.rule.changelog();
            if c.clinical {
                clinical_review.push(ClinicalFlag {
                    kind: e.kind,
                    id: e.id.clone(),
                    title: e.title.clone(),
                    field: c.field.clone(),
                    what: describe(c),
                });
            }
        }
    }
    ContentDiff {
        entities,
        decision,
        clinical_verdict: if clinical_review.is_empty() {
            ClinicalVerdict::None
        } else {
            ClinicalVerdict::Required
        },
        clinical_review,
        changelog_required,
    }
}

fn describe(c: &FieldChange) -> String {
    let mut s = match (c.op, &c.before, &c.after) {
        (Op::Added, _, Some(a)) => format!("{} added: {a}", c.field),
        (Op::Removed, Some(b), _) => format!("{} removed: {b}", c.field),
        (_, Some(b), Some(a)) => format!("{} changed: {b} → {a}", c.field),
        _ => format!("{} {}", c.field, c.op.as_str()),
    };
    if let Some(n) = &c.note {
        s.push_str(&format!(" ({n})"));
    }
    s
}

#[cfg(test)]
mod tests;
