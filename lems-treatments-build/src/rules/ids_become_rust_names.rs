//! `ids-become-rust-names`: every id passes [`id_refusal`] (a file name
//! Windows allows, a Rust variant that is not reserved and that the generated
//! code does not already use), and no other id of the kind becomes the same
//! Rust variant.

use std::collections::BTreeMap;

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::{Content, HasId, Loaded};
use crate::model::FileKind;
use crate::names::{id_refusal, variant_name, ASSOCIATED_ITEMS};
use crate::relations::Relations;

/// Every id becomes a Rust variant that nothing else generated takes.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    check_ids(cx, &c.treatments, FileKind::Treatment);
    check_ids(cx, &c.classes, FileKind::Class);
    check_ids(cx, &c.mechanisms, FileKind::Mechanism);
    check_ids(cx, &c.cautions, FileKind::Caution);
    check_ids(cx, &c.sources, FileKind::Source);
}

fn check_ids<T: HasId>(cx: &mut Cx, items: &BTreeMap<String, Loaded<T>>, kind: FileKind) {
    let mut variants: BTreeMap<String, String> = BTreeMap::new();
    for (id, l) in items {
        let v = variant_name(id);
        let span = l.doc.locate("/id");
        if let Some(refusal) = id_refusal(id) {
            let message = if ASSOCIATED_ITEMS.contains(&v.as_str()) {
                format!(
                    "the id `{id}` becomes the Rust name `{v}`, which the generated code already uses for `{}::{v}`",
                    kind_rust_name(kind)
                )
            } else {
                format!("the id `{id}` {}", refusal.why)
            };
            cx.push(
                Diagnostic::new(&l.file, span.value.0, Code::BadIdentifier, message)
                    .until(span.value.1)
                    .at_pointer("/id")
                    .with_help(refusal.help),
            );
        } else if let Some(other) = variants.insert(v.clone(), id.clone()) {
            cx.push(
                Diagnostic::new(
                    &l.file,
                    span.value.0,
                    Code::BadIdentifier,
                    format!(
                        "the {} ids `{other}` and `{id}` both become the Rust name `{v}`",
                        kind.noun()
                    ),
                )
                .at_pointer("/id")
                .with_help("make the ids differ by more than underscores"),
            );
        }
    }
}

/// The Rust enum an entity kind becomes.
fn kind_rust_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Treatment => "Treatment",
        FileKind::Class => "Category",
        FileKind::Mechanism => "Mechanism",
        FileKind::Caution => "Caution",
        FileKind::Source => "Source",
        _ => "the enum",
    }
}
