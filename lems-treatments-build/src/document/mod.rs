//! The one typed document every view renders: blocks (headings, paragraphs,
//! lists, the disclaimer as a note) holding inlines (text, strong, emphasis,
//! code). Content text is only ever a [`Inline::Text`] or [`Inline::Code`]
//! node, so no view can read it as markup: the Markdown view
//! ([`Document::markdown`]) escapes it so that a CommonMark parser recovers
//! exactly the written text, and the HTML view ([`Document::html`], also the
//! XHTML of FHIR narratives) writes it through [`crate::escape::html`].

mod html;
mod markdown;

pub use html::Html;

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text, shown exactly as written (a newline is a line break).
    Text(String),
    /// Strongly emphasised text.
    Strong(Vec<Inline>),
    /// Emphasised text (a title of something referred to).
    Emphasis(Vec<Inline>),
    /// An identifier or code, shown in a fixed-width font.
    Code(String),
}

/// What a list item is, so a view can show it for what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemRole {
    /// An ordinary item.
    Plain,
    /// A caution that applies, with its kind's label ("contraindication", …).
    Caution {
        /// The kind's label, as the content model names it.
        kind: &'static str,
    },
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What the item is.
    pub role: ItemRole,
    /// Its text.
    pub content: Vec<Inline>,
}

/// What a note is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The content's disclaimer.
    Disclaimer,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading; level 1 is the highest.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted list.
    List(Vec<Item>),
    /// A note set apart from the text (the disclaimer).
    Note {
        /// What it is.
        kind: NoteKind,
        /// Its text.
        content: Vec<Inline>,
    },
}

/// A document: blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The blocks.
    pub blocks: Vec<Block>,
}

impl Document {
    /// A document of these blocks.
    pub fn new(blocks: Vec<Block>) -> Document {
        Document { blocks }
    }

    /// The document as Markdown: each block ends with a newline, blocks are
    /// separated by a blank line, and every text is escaped so that any
    /// CommonMark parser reads back exactly the text (a newline in a text is a
    /// hard line break, and `&#10;` in a heading).
    pub fn markdown(&self) -> String {
        markdown::document(self)
    }

    /// The document as HTML (which is also well-formed XHTML), headings
    /// moved by `opts.heading_shift` levels.
    pub fn html(&self, opts: Html) -> String {
        html::document(self, opts)
    }
}

/// Builders that keep the renderer short: `t("…")` is a text node.
pub fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// A strong node around one text.
pub fn strong(s: impl Into<String>) -> Inline {
    Inline::Strong(vec![t(s)])
}

/// An emphasis node around one text.
pub fn emphasis(s: impl Into<String>) -> Inline {
    Inline::Emphasis(vec![t(s)])
}

/// A code node.
pub fn code(s: impl Into<String>) -> Inline {
    Inline::Code(s.into())
}

/// A plain list item.
pub fn item(content: Vec<Inline>) -> Item {
    Item {
        role: ItemRole::Plain,
        content,
    }
}

/// Adjacent text nodes joined into one, so a view escapes by where a text
/// really stands in a line (its start, its end), not where a node ends.
pub(crate) fn merged(inlines: &[Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(b),
            (_, Inline::Text(b)) if b.is_empty() => {}
            _ => out.push(i.clone()),
        }
    }
    out
}
