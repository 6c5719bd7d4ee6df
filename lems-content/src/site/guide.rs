//! The guide as a site: `index.html` (each class with links to its
//! treatments' pages) and one page per treatment.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use lems_treatments_build::escape::html;
use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::Content;

use lems_treatments_build::document::{Document, Html};

use super::figure::figure;
use super::html::{contents, guide_title, heading_text, page, text};
use super::style::{FAVICON, STYLE};
use super::Site;

/// The ids that are safe as file names (the checker only lets such ids in;
/// this guards the file system all the same).
fn safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The treatments in guide order (class by class, then by id), safe ids only.
fn treatments_in_order<'c>(c: &'c Content, rel: &Relations) -> Vec<(&'c str, &'c str)> {
    let mut out = Vec::new();
    for class in &rel.guide_order {
        for (id, t) in &c.treatments {
            if &t.item.category.0 == class && safe_id(id) {
                out.push((id.as_str(), t.item.name.as_str()));
            }
        }
    }
    out
}

/// The index: contents, the guide's head (the disclaimer as a short lead),
/// the figure, each class (headings nested as the classes nest) with links
/// to its treatments' pages, the sources and the disclaimer in full.
fn index_page(c: &Content, rel: &Relations, note: &str) -> String {
    let view = View::new(c, rel);
    let mut head = view.guide_head_document();
    if let Some(b) = head.blocks.get_mut(1) {
        *b = view.disclaimer_lead();
    }
    let tail = view.guide_tail_document();
    let mut body = String::new();
    body.push_str(note);
    let (top, rest) = head.blocks.split_at(2.min(head.blocks.len()));
    body.push_str(&Document::new(top.to_vec()).html(Html::site(0, "treatments/")));
    body.push_str(
        "<nav class=\"contents\" aria-label=\"On this page\">\n<p class=\"contents-title\">On this page</p>\n<ul>\n\
         <li><a href=\"#s-the-condition\">The condition</a></li>\n\
         <li><a href=\"#where-they-act\">Where the treatments act</a></li>\n\
         <li><a href=\"#treatments\">The treatments, class by class</a></li>\n\
         <li><a href=\"#s-sources\">Sources</a></li>\n</ul>\n</nav>\n",
    );
    body.push_str(&Document::new(rest.to_vec()).html(Html::site(0, "treatments/")));
    body.push_str("<section id=\"where-they-act\" aria-labelledby=\"where-they-act-title\">\n<h2 id=\"where-they-act-title\">Where the treatments act</h2>\n");
    body.push_str(&figure(c, rel));
    body.push_str("</section>\n<section id=\"treatments\" aria-labelledby=\"treatments-title\">\n<h2 id=\"treatments-title\">The treatments, class by class</h2>\n");
    for class in &rel.guide_order {
        class_part(&mut body, c, rel, class);
    }
    body.push_str("</section>\n<section id=\"sources\" aria-labelledby=\"s-sources\">\n");
    body.push_str(&tail.html(Html::site(1, "treatments/")));
    body.push_str("</section>\n");
    page(&heading_text(&head), "", &body)
}

/// One class on the index: its heading one level below its parent's (a
/// top-level class is an h3 under "The treatments, class by class"), its
/// description and the links to its treatments' pages.
fn class_part(body: &mut String, c: &Content, rel: &Relations, class: &str) {
    let view = View::new(c, rel);
    let depth = rel.class_ancestors.get(class).map_or(0, Vec::len);
    let shift = i8::try_from(depth).unwrap_or(3).saturating_add(2);
    if let Some(d) = view.guide_section_document(class) {
        body.push_str(&d.html(Html::site(shift, "treatments/")));
    }
    let members: Vec<(&String, &str)> = c
        .treatments
        .iter()
        .filter(|(id, t)| t.item.category.0 == class && safe_id(id))
        .map(|(id, t)| (id, t.item.name.as_str()))
        .collect();
    if members.is_empty() {
        return;
    }
    body.push_str("<ul class=\"treatments\">\n");
    for (id, name) in members {
        let _ = writeln!(
            body,
            "<li><a href=\"treatments/{}.html\">{}</a></li>",
            html(id),
            text(name)
        );
    }
    body.push_str("</ul>\n");
}

/// A treatment's page: a link back, the card's title and the disclaimer as a
/// short lead, a diff's `changed` box, the summary, the contents, the rest of
/// the card, and the disclaimer in full.
pub(super) fn treatment_page(
    c: &Content,
    rel: &Relations,
    id: &str,
    changed: &str,
) -> Option<String> {
    let view = View::new(c, rel);
    let mut card = view.card_document(id)?;
    let name = heading_text(&card);
    if let Some(b) = card.blocks.get_mut(1) {
        *b = view.disclaimer_lead();
    }
    let opts = Html::site(-1, "../treatments/");
    let mut body = String::new();
    body.push_str(
        "<nav aria-label=\"The guide\"><a href=\"../index.html\">← All treatments</a></nav>\n",
    );
    let (top, rest) = card.blocks.split_at(2.min(card.blocks.len()));
    body.push_str(&Document::new(top.to_vec()).html(opts));
    body.push_str(changed);
    let (summary, rest) = rest.split_at(1.min(rest.len()));
    body.push_str(&Document::new(summary.to_vec()).html(opts));
    let rest = Document::new(rest.to_vec());
    body.push_str(&contents(&[&rest], 3));
    body.push_str(&rest.html(opts));
    body.push_str(&Document::new(vec![view.disclaimer_note()]).html(opts));
    body.push_str("<p class=\"back\"><a href=\"../index.html\">← All treatments</a></p>\n");
    Some(page(&format!("{name} – {}", guide_title(c)), "../", &body))
}

pub(super) fn build(c: &Content, index_note: &str, changed: &BTreeMap<String, String>) -> Site {
    let rel = Relations::of(c);
    let mut site = Site::new();
    site.insert("style.css".into(), STYLE.into());
    site.insert("favicon.svg".into(), FAVICON.into());
    site.insert("index.html".into(), index_page(c, &rel, index_note));
    for (id, _) in treatments_in_order(c, &rel) {
        let marked = changed.get(id).map_or("", String::as_str);
        if let Some(p) = treatment_page(c, &rel, id, marked) {
            site.insert(format!("treatments/{id}.html"), p);
        }
    }
    site
}

/// The guide as a site: `index.html`, `style.css` and one page per treatment.
pub fn site(c: &Content) -> Site {
    build(c, "", &BTreeMap::new())
}
