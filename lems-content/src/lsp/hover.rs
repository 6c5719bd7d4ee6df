//! Hover on an id (what it names: a treatment's card as a reader sees it
//! when the content checks clean; otherwise the item's name and its fields as
//! text, sources included) and on a field (its documentation from the model's schema).

use std::path::Path;

use lems_treatments_build::escape::markdown;
use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::FileKind;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::documents::{range_of, reference_at, word_at, Documents};

/// The most characters of a file shown in a hover.
const MAX_HOVER_CHARS: usize = 4000;

/// The hover at byte `at` of `text`.
pub fn hover(docs: &Documents, path: &Path, text: &str, at: usize) -> Option<Hover> {
    if let Some(r) = reference_at(docs, path, text, at) {
        let value = match card(docs, r.kind, &r.id) {
            Some(card) => card,
            None => item(r.kind, &r.id, &docs.text(&docs.path_of(r.kind, &r.id))?),
        };
        return Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(range_of(text, r.start, r.end)),
        });
    }
    let (start, end) = word_at(text, at);
    let word = &text[start..end];
    let after = &text[end..];
    if word.is_empty() || !after.starts_with(':') {
        return None;
    }
    let doc = field_doc(docs.kind_of(path)?, word)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: format!("**{}**\n\n{}", markdown(word), markdown(&doc)),
        }),
        range: Some(range_of(text, start, end)),
    })
}

/// A treatment's card as a reader sees it (the renderer's Markdown, cut to
/// [`MAX_HOVER_CHARS`]), when the content checked clean.
fn card(docs: &Documents, kind: FileKind, id: &str) -> Option<String> {
    let content = docs
        .checked
        .as_ref()
        .filter(|_| kind == FileKind::Treatment)?;
    let relations = Relations::of(content);
    let card = View::new(content, &relations).card(id)?;
    Some(card.chars().take(MAX_HOVER_CHARS).collect())
}

/// The `name:` (or a caution's or source's `title:`) of a file's text, unquoted.
pub fn name_of(text: &str) -> Option<String> {
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("name:").or_else(|| l.strip_prefix("title:")))?;
    Some(line.trim().trim_matches('"').to_string())
}

/// An item as a reader sees it: its kind, name, and its fields as text
/// (sources included), every line escaped for Markdown.
fn item(kind: FileKind, id: &str, text: &str) -> String {
    let name = name_of(text).unwrap_or_default();
    let mut out = format!("**{}** ({} `{id}`)\n\n", markdown(&name), kind.noun());
    let body = text
        .lines()
        .filter(|l| {
            !l.starts_with('#')
                && !l.starts_with("id:")
                && !l.starts_with("name:")
                && !l.starts_with("title:")
        })
        .flat_map(|l| l.chars().chain(std::iter::once('\n')))
        .take(MAX_HOVER_CHARS)
        .collect::<String>();
    for line in body.lines() {
        out.push_str(&markdown(line.trim_end()));
        out.push_str("  \n");
    }
    out
}

/// The description of `field` in the schema of `kind`.
fn field_doc(kind: FileKind, field: &str) -> Option<String> {
    let (_, f) = field_schema(kind, field)?;
    f.get("description")
        .and_then(serde_json::Value::as_str)
        .map(str::to_string)
}

/// The schema of `kind` and, in it, the first property named `field` at any depth.
pub fn field_schema(kind: FileKind, field: &str) -> Option<(serde_json::Value, serde_json::Value)> {
    let schema = kind.schema().to_value();
    let f = find_property(&schema, field, 0)?.clone();
    Some((schema, f))
}

fn find_property<'v>(
    v: &'v serde_json::Value,
    field: &str,
    depth: usize,
) -> Option<&'v serde_json::Value> {
    if depth > 16 {
        return None;
    }
    match v {
        serde_json::Value::Object(map) => {
            if let Some(f) = map.get("properties").and_then(|p| p.get(field)) {
                return Some(f);
            }
            map.values()
                .find_map(|x| find_property(x, field, depth + 1))
        }
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_property(x, field, depth + 1)),
        _ => None,
    }
}
