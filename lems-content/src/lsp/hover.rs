//! Hover on an id (what it names as a reader sees it, through the
//! renderer's documents, when the content checks clean: a treatment's card,
//! a class's section, a mechanism's, caution's or source's item on a card;
//! otherwise the item's name and its fields as text, sources included) and on a field (its documentation from the model's schema).

use std::path::Path;

use lems_treatments_build::document::{t, Block, CalloutKind, Document, Inline, Item, ItemRole};
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

/// An item as a reader sees it, when the content checked clean: the
/// renderer's documents in their Markdown view, cut to [`MAX_HOVER_CHARS`].
/// A treatment is its card; a class its section of the guide (its
/// description, with sources); a mechanism, a caution and a source the item
/// a card that names it shows ("How it works", the callout with its source,
/// the entry of the list of sources), with the kind and id after it.
fn card(docs: &Documents, kind: FileKind, id: &str) -> Option<String> {
    let content = docs.checked.as_ref()?;
    let relations = Relations::of(content);
    let view = View::new(content, &relations);
    let shown = match kind {
        FileKind::Treatment => view.card(id)?,
        FileKind::Class => view.guide_section_document(id)?.markdown(),
        FileKind::Mechanism | FileKind::Caution | FileKind::Source => {
            let item = item_on_a_card(&view, kind, id)?;
            let list = Document::new(vec![Block::List(vec![item])]);
            format!(
                "{}
({} `{id}`)
",
                list.markdown(),
                kind.noun()
            )
        }
        _ => return None,
    };
    Some(shown.chars().take(MAX_HOVER_CHARS).collect())
}

/// Whether a list item of a card is the one looked for.
type Wanted<'i> = Box<dyn Fn(&Item) -> bool + 'i>;

/// The list item of the mechanism, caution or source `id` on the card of the
/// first treatment that names it, as the renderer builds it.
fn item_on_a_card(view: &View, kind: FileKind, id: &str) -> Option<Item> {
    let content = view.content;
    let (on, wanted): (&str, Wanted) = match kind {
        FileKind::Mechanism => {
            let name = vec![Inline::Strong(vec![t(content
                .mechanisms
                .get(id)?
                .item
                .name
                .as_str())])];
            let (on, _) = content
                .treatments
                .iter()
                .find(|(_, l)| l.item.mechanisms.iter().any(|m| m.0 == id))?;
            let wanted = move |i: &Item| i.role == ItemRole::Plain && i.content.starts_with(&name);
            (on, Box::new(wanted))
        }
        FileKind::Caution => {
            let title = vec![t(content.cautions.get(id)?.item.title.as_str())];
            let on = view.relations.caution_treatments.get(id)?.iter().next()?;
            let wanted = move |i: &Item| {
                matches!(&i.role, ItemRole::Callout(c)
                    if c.title == title && c.kind != CalloutKind::NotApplied)
            };
            (on, Box::new(wanted))
        }
        FileKind::Source => {
            let on = content
                .treatments
                .keys()
                .find(|t| view.card_sources(t).contains(&id))?;
            let wanted = move |i: &Item| matches!(&i.role, ItemRole::Source { id: s } if s == id);
            (on, Box::new(wanted))
        }
        _ => return None,
    };
    view.card_document(on)?
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::List(items) => Some(items),
            _ => None,
        })
        .flatten()
        .find(|i| wanted(i))
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
