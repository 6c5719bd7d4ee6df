//! `unique-names`: each mechanism, caution, class and source has a name (or
//! title) of its own, or a lookup by name could not tell them apart; names
//! that look alike (Unicode TR39 confusables) count as the same.

use std::collections::BTreeMap;

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::model::FileKind;
use crate::read::yaml::Document;
use crate::relations::Relations;

/// Each mechanism, caution, class and source has a name of its own.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    unique(
        cx,
        FileKind::Mechanism,
        "name",
        c.mechanisms
            .values()
            .map(|l| (l.file.as_str(), &l.doc, l.item.name.as_str())),
    );
    unique(
        cx,
        FileKind::Caution,
        "title",
        c.cautions
            .values()
            .map(|l| (l.file.as_str(), &l.doc, l.item.title.as_str())),
    );
    unique(
        cx,
        FileKind::Class,
        "name",
        c.classes
            .values()
            .map(|l| (l.file.as_str(), &l.doc, l.item.name.as_str())),
    );
    unique(
        cx,
        FileKind::Source,
        "title",
        c.sources
            .values()
            .map(|l| (l.file.as_str(), &l.doc, l.item.title.as_str())),
    );
}

/// Names (or titles) of one kind, unique and unlike each other.
fn unique<'a>(
    cx: &mut Cx,
    kind: FileKind,
    field: &str,
    items: impl Iterator<Item = (&'a str, &'a Document, &'a str)>,
) {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut looks: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (file, doc, name) in items {
        let key = crate::names::fold(name);
        let id = file
            .rsplit('/')
            .next()
            .unwrap_or(file)
            .trim_end_matches(".yaml")
            .to_string();
        let skeleton = crate::text::hygiene::skeleton_key(name);
        if let Some((other, other_name)) = looks.get(&skeleton) {
            if crate::names::fold(other_name) != key {
                let span = doc.locate(&format!("/{field}"));
                cx.push(
                    Diagnostic::new(
                        file,
                        span.value.0,
                        Code::Confusable,
                        format!(
                            "`{}` looks like `{}` of the {} `{other}` (Unicode TR39 confusables)",
                            crate::escape::terminal(name),
                            crate::escape::terminal(other_name),
                            kind.noun()
                        ),
                    )
                    .until(span.value.1)
                    .at_pointer(format!("/{field}"))
                    .with_help("use a name that differs in letters a reader can see; check for letters from another script"),
                );
            }
        } else {
            looks.insert(skeleton, (id.clone(), name.to_string()));
        }
        if let Some(other) = seen.get(&key) {
            let span = doc.locate(&format!("/{field}"));
            cx.push(
                Diagnostic::new(
                    file,
                    span.value.0,
                    Code::DuplicateId,
                    format!("`{name}` also names the {} `{other}`", kind.noun()),
                )
                .at_pointer(format!("/{field}"))
                .with_help("give each one its own name, so a lookup by name finds one"),
            );
        } else {
            seen.insert(key, id);
        }
    }
}
