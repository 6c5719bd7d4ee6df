//! `nothing-unused`: no mechanism or caution is left unused. Unused entities
//! are likely mistakes, but the rule only means something when every file
//! loaded, so it runs only when nothing else was reported. What uses what
//! comes from [`Relations`].

use std::collections::BTreeSet;

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::relations::Relations;

/// No mechanism or caution is left unused (checked once everything else is clean).
pub(super) fn check(c: &Content, rel: &Relations, cx: &mut Cx) {
    if cx.reported_anything() {
        return;
    }
    for (id, l) in &c.mechanisms {
        if !in_use(rel.mechanism_treatments.get(id)) {
            cx.push(
                Diagnostic::new(
                    &l.file,
                    l.doc.locate("/id").value.0,
                    Code::UnknownReference,
                    format!("no treatment uses the mechanism `{id}`"),
                )
                .at_pointer("/id")
                .with_help("list it under `mechanisms:` of a treatment, or delete the file"),
            );
        }
    }
    for (id, l) in &c.cautions {
        let listed =
            in_use(rel.caution_treatments.get(id)) || in_use(rel.caution_categories.get(id));
        if !listed {
            cx.push(
                Diagnostic::new(
                    &l.file,
                    l.doc.locate("/id").value.0,
                    Code::UnknownReference,
                    format!("no treatment or class lists the caution `{id}`"),
                )
                .at_pointer("/id")
                .with_help("list it under `cautions:` of a treatment or class, or delete the file"),
            );
        }
    }
}

/// Whether a set of users has any.
fn in_use(users: Option<&BTreeSet<String>>) -> bool {
    users.is_some_and(|u| !u.is_empty())
}
