//! The guide as a site: `index.html` (each class with links to its
//! treatments' pages) and one page per treatment.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use lems_treatments_build::escape::html;
use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::Content;

use lems_treatments_build::document::{Document, Html};

use super::html::{guide_title, heading_text, page, text};
use super::style::STYLE;
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

fn index_page(c: &Content, rel: &Relations, note: &str) -> String {
    let view = View::new(c, rel);
    let mut body = String::new();
    body.push_str(
        "<nav><a href=\"#treatments\">The treatments, class by class</a> · <a href=\"#sources\">Sources</a></nav>\n",
    );
    body.push_str(note);
    let head = view.guide_head_document();
    body.push_str(&head.html(Html::page(0)));
    body.push_str("<section id=\"treatments\">\n");
    for class in &rel.guide_order {
        if let Some(d) = view.guide_section_document(class) {
            body.push_str(&d.html(Html::page(1)));
        }
        let members: Vec<(&String, &str)> = c
            .treatments
            .iter()
            .filter(|(id, t)| &t.item.category.0 == class && safe_id(id))
            .map(|(id, t)| (id, t.item.name.as_str()))
            .collect();
        if members.is_empty() {
            continue;
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
    body.push_str("</section>\n<section id=\"sources\">\n");
    body.push_str(&view.guide_tail_document().html(Html::page(1)));
    body.push_str("</section>\n");
    page(&heading_text(&head), "", &body)
}

pub(super) fn treatment_page(
    c: &Content,
    rel: &Relations,
    id: &str,
    changed: &str,
) -> Option<String> {
    let view = View::new(c, rel);
    let card = view.card_document(id)?;
    let name = heading_text(&card);
    let mut body = String::new();
    body.push_str("<nav><a href=\"../index.html\">← All treatments</a></nav>\n");
    // The card's title and the disclaimer under it come first, then a
    // diff's "Changed" box, then the rest of the card.
    let split = 2.min(card.blocks.len());
    let (top, rest) = card.blocks.split_at(split);
    body.push_str(&Document::new(top.to_vec()).html(Html::page(-1)));
    body.push_str(changed);
    body.push_str(&Document::new(rest.to_vec()).html(Html::page(-1)));
    body.push_str("<nav><a href=\"../index.html\">← All treatments</a></nav>\n");
    Some(page(&format!("{name} – {}", guide_title(c)), "../", &body))
}

pub(super) fn build(c: &Content, index_note: &str, changed: &BTreeMap<String, String>) -> Site {
    let rel = Relations::of(c);
    let mut site = Site::new();
    site.insert("style.css".into(), STYLE.into());
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
