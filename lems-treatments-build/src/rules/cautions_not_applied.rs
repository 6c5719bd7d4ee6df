//! `cautions-not-applied`: a caution recorded as not applied to a treatment
//! names a caution and a source that exist, and does not also apply (its own
//! or through its class, as [`Relations::treatment_cautions`] has it), and
//! is recorded once.

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::model::FileKind;
use crate::relations::Relations;

/// A caution recorded as not applied does not also apply, and is recorded once.
pub(super) fn check(c: &Content, rel: &Relations, cx: &mut Cx) {
    for (id, l) in &c.treatments {
        let applied = rel.treatment_cautions.get(id);
        for (i, n) in l.item.cautions_not_applied.iter().enumerate() {
            let pointer = format!("/cautions_not_applied/{i}/caution");
            let earlier = l.item.cautions_not_applied[..i]
                .iter()
                .position(|m| m.caution == n.caution);
            if let Some(first) = earlier {
                let span = l.doc.locate(&pointer);
                let first_line = l
                    .doc
                    .locate(&format!("/cautions_not_applied/{first}/caution"))
                    .value
                    .0
                    .line;
                cx.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::InvalidValue,
                        format!(
                            "the caution `{}` is recorded as not applied twice: `cautions_not_applied[{first}]` at line {first_line} already records it",
                            n.caution.0
                        ),
                    )
                    .until(span.value.1)
                    .at_pointer(pointer)
                    .with_help("keep one entry per caution: merge the two reasons into the first entry and remove this one"),
                );
                continue;
            }
            cx.reference(&l.file, &l.doc, &pointer, FileKind::Caution, &n.caution.0);
            let source = format!("/cautions_not_applied/{i}/source");
            cx.reference(&l.file, &l.doc, &source, FileKind::Source, &n.source.0);
            if applied.is_some_and(|a| a.contains_key(&n.caution.0)) {
                let span = l.doc.locate(&pointer);
                cx.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::InvalidValue,
                        format!(
                            "the caution `{}` is listed as not applied, but it applies to `{id}`",
                            n.caution.0
                        ),
                    )
                    .at_pointer(pointer)
                    .with_help("a caution either applies (under `cautions:`, or through the class) or is recorded as not applied, not both"),
                );
            }
        }
    }
}
