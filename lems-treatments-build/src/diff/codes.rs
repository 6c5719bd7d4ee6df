//! The comparison of standard codes (a treatment's or the condition's),
//! matched by system and code.

use super::field::Fields;
use super::keyed::{pair_by, Pair};
use super::show::Show;
use super::{EntityKind, RuleId};
use crate::model::{ClosedSet, CodeEntry};

/// Codes: added, removed (with the treatment that has the code now, if another), or changed.
pub(super) fn codes(f: &mut Fields, before: &[CodeEntry], after: &[CodeEntry]) {
    let key = |c: &CodeEntry| (c.system, c.code.0.clone());
    for pair in pair_by(before, after, key) {
        match pair {
            Pair::Both(bc, ac) => {
                let field = format!("codes[{} {}]", bc.system.yaml(), bc.code.0);
                f.opt_text(
                    &format!("{field}.label"),
                    bc.label.as_ref(),
                    ac.label.as_ref(),
                );
                f.opt_text(&format!("{field}.note"), bc.note.as_ref(), ac.note.as_ref());
                f.fact(
                    &format!("{field}.grade"),
                    &bc.grade,
                    &ac.grade,
                    RuleId::ChangedFact,
                );
                f.fact(
                    &format!("{field}.source"),
                    &bc.source,
                    &ac.source,
                    RuleId::Text,
                );
            }
            Pair::Removed(bc) => {
                // `from_code` (or `has_code`) of the old code no longer finds it here.
                let other = (f.kind == EntityKind::Treatment)
                    .then(|| f.cx.after.keys.codes.get(&key(bc)))
                    .flatten()
                    .filter(|x| x.as_str() != f.id)
                    .map(|x| format!("now found on treatment {x}"));
                f.record("codes", Some(bc.show()), None, RuleId::RemovedCode)
                    .note = other;
            }
            Pair::Added(ac) => {
                f.record("codes", None, Some(ac.show()), RuleId::ChangedFact);
            }
        }
    }
}
