//! Completion: ids where an id goes (each with its name and kind), the
//! allowed values of closed fields (from the model's schema), and `new`'s
//! skeleton as a snippet in an empty file.

use std::path::Path;

use lems_treatments_build::escape::terminal;
use lems_treatments_build::FileKind;
use lsp_types::{CompletionItem, CompletionItemKind, InsertTextFormat};

use super::documents::{field_at, kind_of_field, Documents};
use super::hover::{field_schema, name_of};
use crate::skeleton::skeleton;

/// The most candidates offered at once (a tree may hold 50,000 files).
const MAX_ITEMS: usize = 2000;

/// The completions at byte `at` of `text`, a file at `path`.
pub fn complete(docs: &Documents, path: &Path, text: &str, at: usize) -> Vec<CompletionItem> {
    if text.trim().is_empty() {
        return new_file(docs, path).into_iter().collect();
    }
    let Some(field) = field_at(text, at) else {
        return Vec::new();
    };
    match kind_of_field(&field) {
        Some(kind) => ids(docs, kind),
        None => docs
            .kind_of(path)
            .map(|k| closed_values(k, &field))
            .unwrap_or_default(),
    }
}

/// Every id of `kind`, with its name and kind as detail.
fn ids(docs: &Documents, kind: FileKind) -> Vec<CompletionItem> {
    docs.ids(kind)
        .into_iter()
        .take(MAX_ITEMS)
        .map(|id| {
            let name = docs
                .text(&docs.path_of(kind, &id))
                .and_then(|t| name_of(&t))
                .unwrap_or_default();
            CompletionItem {
                label: id,
                kind: Some(CompletionItemKind::REFERENCE),
                detail: Some(format!("{}: {}", kind.noun(), terminal(&name))),
                ..Default::default()
            }
        })
        .collect()
}

/// The values the schema of `kind` allows for `field`, when it lists them.
fn closed_values(kind: FileKind, field: &str) -> Vec<CompletionItem> {
    let Some((schema, f)) = field_schema(kind, field) else {
        return Vec::new();
    };
    let mut values = Vec::new();
    collect_values(&schema, &f, &mut values, 0);
    values
        .into_iter()
        .map(|(value, doc)| CompletionItem {
            label: value,
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(format!("a value of `{field}`")),
            documentation: doc.map(lsp_types::Documentation::String),
            ..Default::default()
        })
        .collect()
}

/// The `enum` and `const` values under `v` (through `$ref`, `oneOf`, `anyOf`, `items`).
fn collect_values(
    root: &serde_json::Value,
    v: &serde_json::Value,
    out: &mut Vec<(String, Option<String>)>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    let doc = v
        .get("description")
        .and_then(serde_json::Value::as_str)
        .map(str::to_string);
    if let Some(s) = v.get("const").and_then(serde_json::Value::as_str) {
        out.push((s.to_string(), doc.clone()));
    }
    if let Some(list) = v.get("enum").and_then(serde_json::Value::as_array) {
        out.extend(
            list.iter()
                .filter_map(|x| Some((x.as_str()?.to_string(), None))),
        );
    }
    if let Some(target) = v
        .get("$ref")
        .and_then(serde_json::Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|p| root.pointer(p))
    {
        collect_values(root, target, out, depth + 1);
    }
    for key in ["oneOf", "anyOf"] {
        for x in v
            .get(key)
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
        {
            collect_values(root, x, out, depth + 1);
        }
    }
    if let Some(items) = v.get("items") {
        collect_values(root, items, out, depth + 1);
    }
}

/// `lems-content new`'s skeleton of a file of this folder, as a snippet.
fn new_file(docs: &Documents, path: &Path) -> Option<CompletionItem> {
    let kind = docs.kind_of(path).filter(|k| !k.is_singleton())?;
    let id = path.file_stem()?.to_str()?;
    let text = skeleton(kind, id);
    // Snippet syntax: `$`, `}` and `\` are written with a backslash.
    let mut snippet = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '$' | '}' | '\\') {
            snippet.push('\\');
        }
        snippet.push(c);
    }
    snippet.push_str("$0");
    Some(CompletionItem {
        label: format!("new {}", kind.noun()),
        kind: Some(CompletionItemKind::SNIPPET),
        insert_text: Some(snippet),
        insert_text_format: Some(InsertTextFormat::SNIPPET),
        detail: Some(format!(
            "the skeleton `lems-content new {}` writes",
            kind.noun()
        )),
        ..Default::default()
    })
}
