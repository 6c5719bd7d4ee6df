//! The Markdown view of a [`Document`]: the shape today's cards and guide
//! have (`#` headings, `- ` items, `> ` for the disclaimer, `**…**`), every
//! text escaped by [`crate::escape::markdown_in`] for where it stands.

use super::{merged, unlinked, Block, Document, Inline};
use crate::escape::{markdown_code, markdown_in, MarkdownAt};

/// Each block ends with a newline; blocks are separated by a blank line.
pub(super) fn document(d: &Document) -> String {
    let blocks: Vec<String> = d.blocks.iter().map(block).collect();
    blocks.join("\n")
}

fn block(b: &Block) -> String {
    match b {
        Block::Heading { level, content } => {
            let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
            format!("{hashes} {}\n", line(content, "&#10;", true))
        }
        Block::Paragraph(content) => format!("{}\n", line(content, "\\\n", false)),
        Block::Note { content, .. } => format!("> {}\n", line(content, "\\\n> ", false)),
        Block::Lead { full, .. } => block(full),
        Block::List(items) => items
            .iter()
            .map(|i| format!("- {}\n", line(&i.content, "\\\n  ", false)))
            .collect(),
    }
}

/// One block's inlines, starting a line and ending it; `newline` is what a
/// newline in a text becomes.
fn line(content: &[Inline], newline: &str, heading: bool) -> String {
    let content = merged(&unlinked(content));
    let mut out = String::new();
    let last = content.len().saturating_sub(1);
    for (n, i) in content.iter().enumerate() {
        let broke = !heading && n > 0 && out.ends_with(newline);
        let at = MarkdownAt {
            line_start: (n == 0 && !heading) || broke,
            line_end: n == last,
            newline,
            heading,
            guard_edges: heading,
        };
        let closed = n > 0 && matches!(content[n - 1], Inline::Strong(_) | Inline::Emphasis(_));
        inline(&mut out, i, at, closed);
    }
    out
}

/// One inline; `closed`: it follows a closing `**`/`*`, which a letter or
/// digit right after would stop from closing when the emphasis ends with
/// punctuation, so that letter is written as an entity.
fn inline(out: &mut String, i: &Inline, at: MarkdownAt<'_>, closed: bool) {
    match i {
        Inline::Text(s) => {
            let mut rest = s.as_str();
            let ends_punct = out.chars().last().is_some_and(|c| !c.is_alphanumeric());
            if let Some(first) = rest
                .chars()
                .next()
                .filter(|c| closed && ends_punct && c.is_alphanumeric())
            {
                out.push_str(&format!("&#{};", u32::from(first)));
                rest = &rest[first.len_utf8()..];
                let at = MarkdownAt {
                    line_start: false,
                    ..at
                };
                out.push_str(&markdown_in(rest, at));
            } else {
                out.push_str(&markdown_in(rest, at));
            }
        }
        Inline::Code(s) => out.push_str(&markdown_code(s, at)),
        Inline::Strong(inner) => delimited(out, "**", inner, at),
        Inline::Emphasis(inner) => delimited(out, "*", inner, at),
        Inline::Citation(c) => out.push_str(&markdown_in(&c.text(), at)),
        Inline::Link { content, .. } => delimited(out, "*", content, at),
    }
}

/// `**…**` or `*…*` around inlines whose edges are guarded, so the
/// delimiters always open and close; nothing at all when they hold no text.
/// The opening one is preceded by a letter or digit only if its content
/// starts with one: else that letter is written as an entity.
fn delimited(out: &mut String, mark: &str, inner: &[Inline], at: MarkdownAt<'_>) {
    let inner = merged(&unlinked(inner));
    let mut body = String::new();
    for i in &inner {
        let at = MarkdownAt {
            line_start: false,
            line_end: false,
            guard_edges: true,
            ..at
        };
        inline(&mut body, i, at, false);
    }
    if body.is_empty() {
        return;
    }
    let starts_punct = body.starts_with(|c: char| !c.is_alphanumeric());
    if let Some(c) = out
        .chars()
        .last()
        .filter(|c| starts_punct && c.is_alphanumeric())
    {
        out.pop();
        out.push_str(&format!("&#{};", u32::from(c)));
    }
    out.push_str(mark);
    out.push_str(&body);
    out.push_str(mark);
}
