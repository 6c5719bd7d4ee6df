//! The HTML view of a [`Document`] (the site's pages and, compact, the XHTML
//! of FHIR narratives): every text through [`crate::escape::html`], a
//! newline as `<br />`; the output is well-formed XML whatever the text.
//! With links (the site), headings get ids, sources are anchors that
//! citations link to, and cross-references are links; callouts are the
//! same `<li>` with their kind first and the source in small print in both.

use super::{merged, Block, Callout, Citation, Document, Inline, ItemRole, LinkTarget};
use crate::escape::html;

/// How the HTML view is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Html {
    /// Heading levels are moved by this much (and kept within 1 to 6).
    pub heading_shift: i8,
    /// Written after each block and list item: `"\n"` for pages, `""` for a
    /// narrative.
    pub separator: &'static str,
    /// Where treatment pages are, relative to this page (`"treatments/"`),
    /// when the view writes links; `None` writes none (a citation is its
    /// words, a cross-reference emphasised text).
    pub links: Option<&'static str>,
}

impl Html {
    /// A page's HTML, headings moved by `heading_shift`, without links.
    pub const fn page(heading_shift: i8) -> Html {
        Html {
            heading_shift,
            separator: "\n",
            links: None,
        }
    }

    /// A site page's HTML: headings moved by `heading_shift`, with ids;
    /// citations link to the page's sources and cross-references to the
    /// treatment pages under `treatments`.
    pub const fn site(heading_shift: i8, treatments: &'static str) -> Html {
        Html {
            heading_shift,
            separator: "\n",
            links: Some(treatments),
        }
    }

    /// A FHIR narrative's XHTML: no separators, headings as they are.
    pub const NARRATIVE: Html = Html {
        heading_shift: 0,
        separator: "",
        links: None,
    };
}

pub(super) fn document(d: &Document, opts: Html) -> String {
    let mut out = String::new();
    for b in &d.blocks {
        block(&mut out, b, opts);
    }
    out
}

/// The id a site page gives a heading: `s-` and its words, lowercase ASCII
/// letters and digits joined by `-`.
pub fn heading_id(content: &[Inline]) -> String {
    let words: String = super::texts(&Document::new(vec![Block::Paragraph(content.to_vec())]))
        .concat()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = words.split_whitespace().collect();
    format!("s-{}", words.join("-"))
}

/// One block as HTML (a heading, a `<p>`, a `<ul>`, a note as a `<div
/// role="note">`, a lead with its full text in `<details>`).
pub fn block(out: &mut String, b: &Block, opts: Html) {
    let sep = opts.separator;
    match b {
        Block::Heading { level, content } => {
            let n = (i16::from(*level) + i16::from(opts.heading_shift)).clamp(1, 6);
            let id = match opts.links {
                Some(_) => format!(" id=\"{}\"", html(&heading_id(content))),
                None => String::new(),
            };
            out.push_str(&format!(
                "<h{n}{id}>{}</h{n}>{sep}",
                inlines_in(content, opts)
            ));
        }
        Block::Paragraph(content) => {
            out.push_str(&format!("<p>{}</p>{sep}", inlines_in(content, opts)));
        }
        Block::Note { content, .. } => {
            out.push_str(&format!(
                "<div class=\"note disclaimer\" role=\"note\" aria-label=\"Disclaimer\">{sep}<p>{}</p>{sep}</div>{sep}",
                inlines_in(content, opts)
            ));
        }
        Block::Lead { lead, more, full } => {
            let inner = match full.as_ref() {
                Block::Note { content, .. } => format!("<p>{}</p>", inlines_in(content, opts)),
                other => {
                    let mut s = String::new();
                    block(&mut s, other, opts);
                    s
                }
            };
            out.push_str(&format!(
                "<div class=\"note disclaimer lead\" role=\"note\" aria-label=\"Disclaimer\">{sep}<p><strong>{}</strong></p>{sep}<details><summary>{}</summary>{sep}{inner}{sep}</details>{sep}</div>{sep}",
                inlines_in(lead, opts),
                inlines_in(more, opts)
            ));
        }
        Block::List(items) if items.is_empty() => {}
        Block::List(items) => {
            let callouts = items.iter().any(|i| matches!(i.role, ItemRole::Callout(_)));
            let class = if callouts { " class=\"callouts\"" } else { "" };
            out.push_str(&format!("<ul{class}>{sep}"));
            for i in items {
                match &i.role {
                    ItemRole::Callout(c) => callout(out, c, opts),
                    ItemRole::Source { id } if opts.links.is_some() => out.push_str(&format!(
                        "<li id=\"source-{}\">{}</li>{sep}",
                        html(id),
                        inlines_in(&i.content, opts)
                    )),
                    _ => out.push_str(&format!("<li>{}</li>{sep}", inlines_in(&i.content, opts))),
                }
            }
            out.push_str(&format!("</ul>{sep}"));
        }
    }
}

/// A callout: its kind first, the title, the patient sentence, the
/// explanation, then the small print.
fn callout(out: &mut String, c: &Callout, opts: Html) {
    let sep = opts.separator;
    out.push_str(&format!(
        "<li class=\"callout callout-{}\">{sep}<p class=\"callout-kind\">{}",
        c.kind.class(),
        html(c.kind.lead())
    ));
    if !c.title.is_empty() {
        out.push_str(&format!(" <strong>{}</strong>", inlines_in(&c.title, opts)));
    }
    out.push_str(&format!("</p>{sep}"));
    for (part, class) in [
        (&c.for_the_patient, "callout-patient"),
        (&c.explanation, "callout-why"),
    ] {
        if !part.is_empty() {
            out.push_str(&format!(
                "<p class=\"{class}\">{}</p>{sep}",
                inlines_in(part, opts)
            ));
        }
    }
    if !c.small_print.is_empty() {
        out.push_str(&format!(
            "<p class=\"callout-source\"><small>{}</small></p>{sep}",
            inlines_in(&c.small_print, opts)
        ));
    }
    out.push_str(&format!("</li>{sep}"));
}

/// Inlines as HTML, with links when `opts` has them.
pub fn inlines_in(content: &[Inline], opts: Html) -> String {
    let mut out = String::new();
    for i in merged(content) {
        match &i {
            Inline::Text(s) => out.push_str(&text(s)),
            Inline::Code(s) => out.push_str(&format!("<code>{}</code>", text(s))),
            Inline::Strong(x) => out.push_str(&format!("<strong>{}</strong>", inlines_in(x, opts))),
            Inline::Emphasis(x) => out.push_str(&format!("<em>{}</em>", inlines_in(x, opts))),
            Inline::Citation(c) => out.push_str(&citation(c, opts)),
            Inline::Link { to, content } => match (opts.links, to) {
                (Some(prefix), LinkTarget::Treatment(id)) => out.push_str(&format!(
                    "<a href=\"{}{}.html\">{}</a>",
                    html(prefix),
                    html(id),
                    inlines_in(content, opts)
                )),
                (None, _) => out.push_str(&format!("<em>{}</em>", inlines_in(content, opts))),
            },
        }
    }
    out
}

/// A citation's words; with links, each title links to `#source-<id>`.
fn citation(c: &Citation, opts: Html) -> String {
    if opts.links.is_none() {
        return text(&c.text());
    }
    let names: Vec<String> = c
        .sources
        .iter()
        .map(|s| {
            format!(
                "<a href=\"#source-{}\">{}</a>",
                html(&s.id),
                text(&Citation::source_text(s))
            )
        })
        .collect();
    let mut f = format!("source: {}", names.join(c.separator()));
    if let Some(g) = &c.grade {
        f.push_str(&format!(", {}", text(g)));
    }
    f
}

/// A text escaped, each newline a `<br />`.
fn text(s: &str) -> String {
    let lines: Vec<String> = s.split('\n').map(html).collect();
    lines.join("<br />")
}
