//! The Markdown view of a [`Document`]: the shape today's cards and guide
//! have (`#` headings, `- ` items, `> ` for the disclaimer, `**…**`), every
//! text escaped by [`crate::escape::markdown_in`] for where it stands.

use super::{merged, Block, Document, Inline};
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
        Block::List(items) => items
            .iter()
            .map(|i| format!("- {}\n", line(&i.content, "\\\n  ", false)))
            .collect(),
    }
}

/// One block's inlines, starting a line and ending it; `newline` is what a
/// newline in a text becomes.
fn line(content: &[Inline], newline: &str, heading: bool) -> String {
    let content = merged(content);
    let mut out = String::new();
    let last = content.len().saturating_sub(1);
    for (n, i) in content.iter().enumerate() {
        let at = MarkdownAt {
            line_start: n == 0 && !heading,
            line_end: n == last,
            newline,
            heading,
            guard_edges: heading,
        };
        inline(&mut out, i, at);
    }
    out
}

fn inline(out: &mut String, i: &Inline, at: MarkdownAt<'_>) {
    match i {
        Inline::Text(s) => out.push_str(&markdown_in(s, at)),
        Inline::Code(s) => out.push_str(&markdown_code(s, at.newline)),
        Inline::Strong(inner) => delimited(out, "**", inner, at),
        Inline::Emphasis(inner) => delimited(out, "*", inner, at),
    }
}

/// `**…**` or `*…*` around inlines whose edges are guarded, so the
/// delimiters always open and close; nothing at all when they hold no text.
fn delimited(out: &mut String, mark: &str, inner: &[Inline], at: MarkdownAt<'_>) {
    let inner = merged(inner);
    if inner.is_empty() {
        return;
    }
    out.push_str(mark);
    for i in &inner {
        let at = MarkdownAt {
            line_start: false,
            line_end: false,
            guard_edges: true,
            ..at
        };
        inline(out, i, at);
    }
    out.push_str(mark);
}
