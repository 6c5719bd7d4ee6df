//! The one typed document every view renders: blocks (headings, paragraphs,
//! lists whose items may be callouts or sources, the disclaimer as a note,
//! with a short lead where a page wants one) holding inlines (text, strong,
//! emphasis, code, citations of sources, cross-references). Content text is only ever a [`Inline::Text`] or [`Inline::Code`]
//! node, so no view can read it as markup: the Markdown view
//! ([`Document::markdown`]) escapes it so that a CommonMark parser recovers
//! exactly the written text, and the HTML view ([`Document::html`], also the
//! XHTML of FHIR narratives) writes it through [`crate::escape::html`].

mod html;
mod markdown;

pub use html::{heading_id, Html};

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
    /// A citation of sources: `source: A, B` (a view with links links each
    /// title to its entry in the page's list of sources).
    Citation(Citation),
    /// A cross-reference to another part of the content (its text is
    /// emphasised where a view has no links).
    Link {
        /// What it refers to.
        to: LinkTarget,
        /// Its text.
        content: Vec<Inline>,
    },
}

/// One cited source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The source's id (its address in a page's list of sources).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where in the source, when the content says (a page, a section).
    pub locator: Option<String>,
}

/// A citation: the sources, and the grade of the evidence when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The sources, in the order cited.
    pub sources: Vec<Cited>,
    /// The grade's label, when the content gives one.
    pub grade: Option<String>,
}

impl Citation {
    /// One source's words: its title, then where in it (`, § place`).
    pub fn source_text(s: &Cited) -> String {
        match &s.locator {
            Some(l) => format!("{}, § {l}", s.title),
            None => s.title.clone(),
        }
    }

    /// Between two sources: `, `, or `; ` once a locator's own comma is in
    /// the list.
    pub fn separator(&self) -> &'static str {
        if self.sources.iter().any(|s| s.locator.is_some()) {
            "; "
        } else {
            ", "
        }
    }

    /// The citation in words, as every view without links writes it:
    /// `source: A, B` and `, <grade>` when there is one.
    pub fn text(&self) -> String {
        let names: Vec<String> = self.sources.iter().map(Citation::source_text).collect();
        let mut f = format!("source: {}", names.join(self.separator()));
        if let Some(g) = &self.grade {
            f.push_str(&format!(", {g}"));
        }
        f
    }
}

/// What a cross-reference points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A treatment, by id.
    Treatment(String),
}

/// What a callout warns of, so a view can put its kind first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalloutKind {
    /// A reason not to use the treatment.
    Contraindication,
    /// A risk to watch for.
    Warning,
    /// An unwanted effect.
    UndesirableEffect,
    /// The sources name no cautions (said in the same visual language).
    NoneNamed,
    /// A caution recorded as not applying, with the reason.
    NotApplied,
}

impl CalloutKind {
    /// The words a page puts first.
    pub fn lead(self) -> &'static str {
        match self {
            CalloutKind::Contraindication => "Do not use if…",
            CalloutKind::Warning => "Warning",
            CalloutKind::UndesirableEffect => "Possible unwanted effect",
            CalloutKind::NoneNamed => "No cautions named",
            CalloutKind::NotApplied => "Not applied here",
        }
    }

    /// A name for a class attribute.
    pub fn class(self) -> &'static str {
        match self {
            CalloutKind::Contraindication => "contraindication",
            CalloutKind::Warning => "warning",
            CalloutKind::UndesirableEffect => "undesirable-effect",
            CalloutKind::NoneNamed => "none-named",
            CalloutKind::NotApplied => "not-applied",
        }
    }
}

/// A caution (or the absence of one) as its parts, so a page can show the
/// kind first, then the title and the patient sentence, then the details
/// and the source in small print. [`Callout::running_text`] is the same
/// words in running text, the [`Item::content`] of a callout item, which the
/// Markdown view writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callout {
    /// Its kind.
    pub kind: CalloutKind,
    /// Its title (empty for [`CalloutKind::NoneNamed`]).
    pub title: Vec<Inline>,
    /// What it means for the patient, or the whole message when there is
    /// no title.
    pub for_the_patient: Vec<Inline>,
    /// The clinical explanation (or a not-applied caution's reason).
    pub explanation: Vec<Inline>,
    /// The small print: kind, region, origin and citation.
    pub small_print: Vec<Inline>,
}

impl Callout {
    /// The callout's words as one line of running text: `**Title**
    /// (small print): explanation What this means for the patient: …`, a
    /// not-applied caution as `Not applied: **Title**. reason (citation)`,
    /// and no cautions as its message alone.
    pub fn running_text(&self) -> Vec<Inline> {
        let mut v = Vec::new();
        match self.kind {
            CalloutKind::NoneNamed => v.extend(self.for_the_patient.iter().cloned()),
            CalloutKind::NotApplied => {
                v.push(t("Not applied: "));
                v.push(Inline::Strong(self.title.clone()));
                v.push(t(". "));
                v.extend(self.explanation.iter().cloned());
                v.push(t(" ("));
                v.extend(self.small_print.iter().cloned());
                v.push(t(")"));
            }
            _ => {
                v.push(Inline::Strong(self.title.clone()));
                v.push(t(" ("));
                v.extend(self.small_print.iter().cloned());
                v.push(t("): "));
                v.extend(self.explanation.iter().cloned());
                v.push(t(" What this means for the patient: "));
                v.extend(self.for_the_patient.iter().cloned());
            }
        }
        v
    }

    /// Its parts in the order a page shows them (title, patient sentence,
    /// explanation, small print).
    pub fn parts(&self) -> [&[Inline]; 4] {
        [
            &self.title,
            &self.for_the_patient,
            &self.explanation,
            &self.small_print,
        ]
    }
}

/// A list item that is a callout: its content is the callout's running text.
pub fn callout_item(c: Callout) -> Item {
    Item {
        content: c.running_text(),
        role: ItemRole::Callout(c),
    }
}

/// What a list item is, so a view can show it for what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemRole {
    /// An ordinary item.
    Plain,
    /// A caution (or the line saying the sources name none) as a callout.
    Callout(Callout),
    /// An entry of a list of sources, with the source's id (a page's
    /// citations link to it).
    Source {
        /// The source's id.
        id: String,
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
    /// A note shown as a short lead with its full text one step away (a
    /// page's `<details>`); the Markdown view writes the full note.
    Lead {
        /// The short lead.
        lead: Vec<Inline>,
        /// What opens the full text ("Read the full disclaimer").
        more: Vec<Inline>,
        /// The full note (a [`Block::Note`]).
        full: Box<Block>,
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

/// The inlines as the views without links see them: a citation is its
/// words ([`Citation::text`]) and a cross-reference its emphasised text.
pub fn unlinked(inlines: &[Inline]) -> Vec<Inline> {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Citation(c) => Inline::Text(c.text()),
            Inline::Link { content, .. } => Inline::Emphasis(unlinked(content)),
            Inline::Strong(x) => Inline::Strong(unlinked(x)),
            Inline::Emphasis(x) => Inline::Emphasis(unlinked(x)),
            other => other.clone(),
        })
        .collect()
}

/// Every text of a document in reading order (texts and codes, a
/// citation's words, a callout's parts), what each view must show.
pub fn texts(d: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &d.blocks {
        block_texts(b, &mut out);
    }
    out
}

fn block_texts(b: &Block, out: &mut Vec<String>) {
    match b {
        Block::Heading { content, .. }
        | Block::Paragraph(content)
        | Block::Note { content, .. } => {
            inline_texts(content, out);
        }
        Block::List(items) => {
            for i in items {
                match &i.role {
                    ItemRole::Callout(c) => {
                        for p in c.parts() {
                            inline_texts(p, out);
                        }
                    }
                    _ => inline_texts(&i.content, out),
                }
            }
        }
        Block::Lead { full, .. } => block_texts(full, out),
    }
}

fn inline_texts(content: &[Inline], out: &mut Vec<String>) {
    for i in unlinked(content) {
        match i {
            Inline::Text(s) | Inline::Code(s) => out.push(s),
            Inline::Strong(x) | Inline::Emphasis(x) => inline_texts(&x, out),
            Inline::Citation(_) | Inline::Link { .. } => {}
        }
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
