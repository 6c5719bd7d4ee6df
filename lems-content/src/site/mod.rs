//! `lems-content render --format html` (and `export --format html`, `diff
//! --format html`): the guide as a small, self-contained static site.
//!
//! There is one renderer: every piece of content on a page is a document
//! that [`View`](lems_treatments_build::render::View) builds (the guide's
//! head, each class's section, each card, the tail), in its HTML view
//! (the same document whose Markdown view is the guide; no Markdown is parsed
//! back). This room only adds the frame around it: the page
//! skeleton, the navigation, the links to each treatment's page and, for a
//! diff, the marked changes. It returns the pages as text; `out` writes them.
//!
//! Content is untrusted: it is only ever a text node, written through
//! `escape::html`, so markup, links and entities in it show as the text they
//! are (no `javascript:` URL, no remote image), and every string this room
//! writes itself is HTML-escaped. The
//! pages use no JavaScript. The output is deterministic: the same content gives
//! the same bytes.
//!
//! Layout: `index.html` (the disclaimer's short lead, contents, the
//! condition, the figure of where each class acts, each class with links to
//! its treatments' pages, the sources, the disclaimer in full),
//! `treatments/<id>.html` (a link back, the disclaimer's lead, the summary,
//! contents, the card with its cautions as callouts and its citations and
//! cross-references as links, the disclaimer in full), one shared
//! `style.css` (with dark and print styles) and `favicon.svg`; a diff adds
//! `diff.html`, marks each changed treatment's page and keeps a page for each
//! removed treatment, `removed/<id>.html`.

pub mod diff;
mod figure;
pub mod guide;
pub mod html;
pub mod style;

use std::collections::BTreeMap;

/// A site: each file's path relative to the site folder (`/`-separated), and
/// its text. Ordered, so writing and comparing it is deterministic.
pub type Site = BTreeMap<String, String>;
