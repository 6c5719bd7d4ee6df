//! `disclaimer-dates`: the disclaimer states the date every dated source was
//! last updated, so readers know how old the sources are.

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::relations::Relations;

/// The disclaimer states how old the sources are.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    let d = &c.disclaimer;
    for l in c.sources.values() {
        let Some(date) = &l.item.last_updated else {
            continue;
        };
        if !d.item.text.0.contains(date.0.as_str()) {
            let span = d.doc.locate("/text");
            cx.push(
                Diagnostic::new(
                    &d.file,
                    span.value.0,
                    Code::InvalidValue,
                    format!(
                        "the disclaimer does not state the date of the source `{}` ({})",
                        l.item.id, date.0
                    ),
                )
                .at_pointer("/text")
                .with_help(format!(
                    "say in the disclaimer when the source was last updated: {}",
                    date.0
                )),
            );
        }
    }
}
