//! The reading level of each changed text that `check` measures
//! ([`crate::load::reading`]), before and after, so a reviewer sees what a
//! rewording did to it.

use std::collections::HashMap;

use super::report::{EntityDiff, EntityKind, Reading};
use crate::load::{reading::grades, Content};

/// Each measured text of `c` by (file, text): its grade and target.
fn graded(c: &Content) -> HashMap<(String, String), (f64, f64)> {
    grades(c)
        .into_iter()
        .map(|(file, g)| ((file, g.text), (g.measure.grade, g.audience.target())))
        .collect()
}

/// The file an entity is read from in `c`, when it has one there.
fn file_of(c: &Content, kind: EntityKind, id: &str) -> Option<String> {
    match kind {
        EntityKind::Treatment => c.treatments.get(id).map(|l| l.file.clone()),
        EntityKind::Class => c.classes.get(id).map(|l| l.file.clone()),
        EntityKind::Mechanism => c.mechanisms.get(id).map(|l| l.file.clone()),
        EntityKind::Caution => c.cautions.get(id).map(|l| l.file.clone()),
        EntityKind::Condition => Some(c.condition.file.clone()),
        EntityKind::Disclaimer => Some(c.disclaimer.file.clone()),
        EntityKind::Source => None,
    }
}

/// Sets [`super::FieldChange::reading`] on every change of a measured text.
pub(super) fn annotate(entities: &mut [EntityDiff], before: &Content, after: &Content) {
    let (gb, ga) = (graded(before), graded(after));
    for e in entities {
        let fb = file_of(before, e.kind, &e.id);
        let fa = file_of(after, e.kind, &e.id);
        for c in &mut e.changes {
            let look =
                |g: &HashMap<(String, String), (f64, f64)>,
                 f: &Option<String>,
                 t: &Option<String>| { g.get(&(f.clone()?, t.clone()?)).copied() };
            let b = look(&gb, &fb, &c.before);
            let a = look(&ga, &fa, &c.after);
            if let Some(target) = a.or(b).map(|(_, target)| target) {
                c.reading = Some(Reading {
                    before: b.map(|(g, _)| g),
                    after: a.map(|(g, _)| g),
                    target,
                });
            }
        }
    }
}
