//! `class-cautions-once`: a class-wide caution is written once, on the class,
//! and not repeated on a member treatment (the class's cautions, its
//! ancestors' included, come from [`Relations::class_cautions`]).

use std::collections::BTreeSet;

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::model::Id;
use crate::read::yaml::Document;
use crate::relations::Relations;

/// Class-wide cautions are written once, on the class, and not repeated on members.
pub(super) fn check(c: &Content, rel: &Relations, cx: &mut Cx) {
    for l in c.treatments.values() {
        let t = &l.item;
        let class = &t.category.0;
        repeated_cautions(
            cx,
            &l.doc,
            &l.file,
            &t.cautions,
            rel.class_cautions.get(class),
            class,
            "class-wide cautions are written once, on the class",
        );
    }
}

/// Reports cautions of `own` listed again where they already apply through
/// `class` (whose cautions, its ancestors' included, are `inherited`).
pub(super) fn repeated_cautions(
    cx: &mut Cx,
    doc: &Document,
    file: &str,
    own: &[Id],
    inherited: Option<&BTreeSet<String>>,
    class: &str,
    why: &str,
) {
    let Some(inherited) = inherited else {
        return;
    };
    for (i, caution) in own.iter().enumerate() {
        if inherited.contains(&caution.0) {
            let span = doc.locate(&format!("/cautions/{i}"));
            cx.push(
                Diagnostic::new(
                    file,
                    span.value.0,
                    Code::InvalidValue,
                    format!(
                        "the caution `{}` already applies through the class `{class}`",
                        caution.0
                    ),
                )
                .at_pointer(format!("/cautions/{i}"))
                .with_help(format!("remove it here: {why}")),
            );
        }
    }
}
