//! `used-with-both-sides`: "used with" names another treatment, and is
//! stated in both files, so each file tells the whole story.

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::relations::Relations;

/// "Used with" names another treatment and is stated on both sides.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    for (id, l) in &c.treatments {
        let t = &l.item;
        for (i, other) in t.used_with.iter().enumerate() {
            if &other.0 == id {
                let span = l.doc.locate(&format!("/used_with/{i}"));
                cx.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::UnknownReference,
                        "a treatment cannot be used with itself",
                    )
                    .at_pointer(format!("/used_with/{i}"))
                    .with_help("remove this item"),
                );
            }
        }
        for (i, other) in t.used_with.iter().enumerate() {
            let back = c
                .treatments
                .get(&other.0)
                .is_none_or(|o| o.item.used_with.iter().any(|x| &x.0 == id));
            if !back {
                let span = l.doc.locate(&format!("/used_with/{i}"));
                cx.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::UnknownReference,
                        format!(
                            "`{id}` is used with `{}`, but `{}` does not list `{id}`",
                            other.0, other.0
                        ),
                    )
                    .at_pointer(format!("/used_with/{i}"))
                    .with_help(format!(
                        "add `{id}` under `used_with:` in data/treatments/{}.yaml",
                        other.0
                    )),
                );
            }
        }
    }
}
