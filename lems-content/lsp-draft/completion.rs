//! Completion of ids where an id goes, each with its name and kind, and
//! `new`-style skeletons at the top of an empty file.

use std::path::Path;

use lsp_types::{CompletionItem, CompletionItemKind, InsertTextFormat};

use super::documents::{field_at, kind_of_field, Documents};
use super::hover::name_of;

/// The completions at byte `at` of `text`.
pub fn complete(docs: &Documents, path: &Path, text: &str, at: usize) -> Vec<CompletionItem> {
    if text.trim().is_empty() {
        return skeleton(docs, path).into_iter().collect();
    }
    let Some(kind) = field_at(text, at).as_deref().and_then(kind_of_field) else {
        return Vec::new();
    };
    docs.ids(kind)
        .into_iter()
        .map(|id| {
            let name = docs
                .text(&docs.path_of(kind, &id))
                .and_then(|t| name_of(&t))
                .unwrap_or_default();
            CompletionItem {
                label: id,
                kind: Some(CompletionItemKind::REFERENCE),
                detail: Some(format!("{} — {name}", kind.noun())),
                ..Default::default()
            }
        })
        .collect()
}

/// A snippet of the fields a new file of this folder starts with.
fn skeleton(docs: &Documents, path: &Path) -> Option<CompletionItem> {
    let kind = docs.kind_of(path)?;
    if kind.is_singleton() {
        return None;
    }
    let id = path.file_stem()?.to_str()?;
    let schema = format!(
        "# yaml-language-server: $schema=../../schema/{}\n",
        kind.schema_file()
    );
    Some(CompletionItem {
        label: format!("new {}", kind.noun()),
        kind: Some(CompletionItemKind::SNIPPET),
        insert_text: Some(format!("{schema}id: {id}\nname: \"${{1}}\"\n$0")),
        insert_text_format: Some(InsertTextFormat::SNIPPET),
        detail: Some(format!("the start of a {} file", kind.noun())),
        ..Default::default()
    })
}
