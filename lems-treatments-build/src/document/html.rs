//! The HTML view of a [`Document`] (the site's pages and, compact, the XHTML
//! of FHIR narratives): every text through [`crate::escape::html`], a
//! newline as `<br />`; the output is well-formed XML whatever the text.

use super::{merged, Block, Document, Inline};
use crate::escape::html;

/// How the HTML view is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Html {
    /// Heading levels are moved by this much (and kept within 1 to 6).
    pub heading_shift: i8,
    /// Written after each block and list item: `"\n"` for pages, `""` for a
    /// narrative.
    pub separator: &'static str,
}

impl Html {
    /// A page's HTML, headings moved by `heading_shift`.
    pub const fn page(heading_shift: i8) -> Html {
        Html {
            heading_shift,
            separator: "\n",
        }
    }

    /// A FHIR narrative's XHTML: no separators, headings as they are.
    pub const NARRATIVE: Html = Html {
        heading_shift: 0,
        separator: "",
    };
}

pub(super) fn document(d: &Document, opts: Html) -> String {
    let mut out = String::new();
    for b in &d.blocks {
        block(&mut out, b, opts);
    }
    out
}

/// One block as HTML (a heading, a `<p>`, a `<ul>`, a note as `<blockquote>`).
pub fn block(out: &mut String, b: &Block, opts: Html) {
    let sep = opts.separator;
    match b {
        Block::Heading { level, content } => {
            let n = (i16::from(*level) + i16::from(opts.heading_shift)).clamp(1, 6);
            out.push_str(&format!("<h{n}>{}</h{n}>{sep}", inlines(content)));
        }
        Block::Paragraph(content) => {
            out.push_str(&format!("<p>{}</p>{sep}", inlines(content)));
        }
        Block::Note { content, .. } => {
            out.push_str(&format!(
                "<blockquote>{sep}<p>{}</p>{sep}</blockquote>{sep}",
                inlines(content)
            ));
        }
        Block::List(items) if items.is_empty() => {}
        Block::List(items) => {
            out.push_str(&format!("<ul>{sep}"));
            for i in items {
                out.push_str(&format!("<li>{}</li>{sep}", inlines(&i.content)));
            }
            out.push_str(&format!("</ul>{sep}"));
        }
    }
}

/// Inlines as HTML.
pub fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for i in merged(content) {
        match &i {
            Inline::Text(s) => out.push_str(&text(s)),
            Inline::Code(s) => out.push_str(&format!("<code>{}</code>", text(s))),
            Inline::Strong(x) => out.push_str(&format!("<strong>{}</strong>", inlines(x))),
            Inline::Emphasis(x) => out.push_str(&format!("<em>{}</em>", inlines(x))),
        }
    }
    out
}

/// A text escaped, each newline a `<br />`.
fn text(s: &str) -> String {
    let lines: Vec<String> = s.split('\n').map(html).collect();
    lines.join("<br />")
}
