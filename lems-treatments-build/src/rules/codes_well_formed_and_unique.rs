//! `codes-well-formed-and-unique`: every code has the shape its system
//! requires, cites a known source, and names one treatment only (so
//! `from_code` is unambiguous).

use std::collections::BTreeMap;

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::model::{ClosedSet, CodeEntry, CodeSystem, FileKind};
use crate::read::yaml::Document;
use crate::relations::Relations;

/// Codes have their system's shape, and one code names one treatment.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    let mut codes_seen: BTreeMap<(CodeSystem, String), String> = BTreeMap::new();
    for l in c.treatments.values() {
        check_codes(cx, &l.file, &l.doc, &l.item.codes, &mut codes_seen);
    }
    let l = &c.condition;
    check_codes(cx, &l.file, &l.doc, &l.item.codes, &mut BTreeMap::new());
}

/// Each code: the shape its system requires, a known source, and no code
/// naming two things.
fn check_codes(
    cx: &mut Cx,
    file: &str,
    doc: &Document,
    codes: &[CodeEntry],
    seen: &mut BTreeMap<(CodeSystem, String), String>,
) {
    for (i, code) in codes.iter().enumerate() {
        let pointer = format!("/codes/{i}/code");
        if let Some(why) = code.system.code_problem(&code.code.0) {
            let span = doc.locate(&pointer);
            let (pattern, example) = code.system.pattern();
            cx.push(
                Diagnostic::new(file, span.value.0, Code::InvalidValue, format!("`{}` {why}", code.code.0))
                    .until(span.value.1)
                    .at_pointer(pointer.clone())
                    .with_help(format!("a {} code looks like `{example}` (pattern {pattern}); copy it from the source exactly", code.system.label())),
            );
        }
        let key = (code.system, code.code.0.clone());
        if let Some(other) = seen.get(&key) {
            let span = doc.locate(&pointer);
            cx.push(
                Diagnostic::new(
                    file,
                    span.value.0,
                    Code::DuplicateId,
                    format!(
                        "the {} code `{}` is also given to `{other}`",
                        code.system.label(),
                        code.code.0
                    ),
                )
                .at_pointer(pointer.clone())
                .with_help("a code identifies one thing; check the source"),
            );
        } else {
            seen.insert(
                key,
                file.rsplit('/')
                    .next()
                    .unwrap_or(file)
                    .trim_end_matches(".yaml")
                    .to_string(),
            );
        }
        let source = format!("/codes/{i}/source");
        cx.reference(file, doc, &source, FileKind::Source, &code.source.0);
    }
}
