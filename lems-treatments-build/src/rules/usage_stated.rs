//! `usage-stated`: every treatment says how it is used.

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::relations::Relations;

/// Every treatment says how it is used.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    for (id, l) in &c.treatments {
        if l.item.usage.is_empty() {
            let span = l.doc.locate("/usage");
            cx.push(
                Diagnostic::new(
                    &l.file,
                    span.value.0,
                    Code::MissingField,
                    format!("the treatment `{id}` says nothing about how it is used"),
                )
                .at_pointer("/usage")
                .with_help("add at least one statement under `usage:`"),
            );
        }
    }
}
