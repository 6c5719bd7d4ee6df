//! What people read in a resource: its narrative (XHTML, escaped), the
//! citation of its sources, grades and `relatedArtifact` citations.

use lems_treatments_build::document::{strong, t, Block, Document, Html};
use lems_treatments_build::model::{ClosedSet, Grade, Id};
use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::Content;
use serde_json::{json, Value};

/// The citation of a list of sources (ids), in words.
pub(super) fn cite(c: &Content, sources: &[Id]) -> String {
    let names: Vec<String> = sources
        .iter()
        .map(|id| match c.sources.get(&id.0).map(|l| &l.item) {
            Some(s) => match &s.last_updated {
                Some(d) => format!("{} (last updated {})", s.title.as_str(), d.0),
                None => s.title.as_str().to_string(),
            },
            None => id.0.clone(),
        })
        .collect();
    format!("Source: {}.", names.join("; "))
}

/// A resource's narrative (`text`), which importers show to people: what it
/// says, where it comes from, when it was last reviewed, and the disclaimer.
///
/// It is a document (one paragraph per line, the disclaimer strong) in its
/// XHTML view, so every text is a text node escaped by `escape::html` and
/// the `div` is well-formed XML whatever the content holds.
pub(super) fn narrative(c: &Content, lines: &[String], file: Option<&str>) -> Value {
    let mut blocks: Vec<Block> = lines
        .iter()
        .map(|l| Block::Paragraph(vec![t(l.as_str())]))
        .collect();
    if let Some(f) = file {
        blocks.push(Block::Paragraph(vec![t(format!(
            "Review: {}.",
            c.reviews.status(f).summary()
        ))]));
    }
    blocks.push(Block::Paragraph(vec![strong(
        c.disclaimer.item.text.as_str(),
    )]));
    let div = format!(
        "<div xmlns=\"http://www.w3.org/1999/xhtml\">{}</div>",
        Document::new(blocks).html(Html::NARRATIVE)
    );
    json!({"status": "additional", "div": div})
}

/// A treatment's card as a narrative: the guide's card document (the same
/// one the Markdown guide, `show` and the site render) in its XHTML view,
/// then the disclaimer, strong, as in every narrative.
pub(super) fn card_narrative(c: &Content, rel: &Relations, id: &str) -> Value {
    let mut d = View::new(c, rel)
        .guide_card_document(id)
        .unwrap_or_default();
    d.blocks.push(Block::Paragraph(vec![strong(
        c.disclaimer.item.text.as_str(),
    )]));
    let div = format!(
        "<div xmlns=\"http://www.w3.org/1999/xhtml\">{}</div>",
        d.html(Html::NARRATIVE)
    );
    json!({"status": "additional", "div": div})
}

/// `relatedArtifact` citations (R5 `RelatedArtifact`, type `citation`).
pub(super) fn related_artifacts(c: &Content, sources: &[Id]) -> Value {
    json!(sources
        .iter()
        .filter_map(|id| c.sources.get(&id.0).map(|l| &l.item))
        .map(|s| {
            let mut citation = s.title.as_str().to_string();
            if let Some(p) = &s.publisher {
                citation.push_str(&format!(", {}", p.as_str()));
            }
            if let Some(d) = &s.last_updated {
                citation.push_str(&format!(", last updated {}", d.0));
            }
            if let Some(n) = &s.note {
                citation.push_str(&format!(" ({})", n.as_str()));
            }
            let mut artifact =
                json!({"type": "citation", "display": s.title.as_str(), "citation": citation});
            if let Some(a) = &s.address {
                artifact["document"] = json!({"url": a.as_str(), "title": s.title.as_str()});
            }
            artifact
        })
        .collect::<Vec<_>>())
}

/// A citation with ` Grade: …` added, when there is a grade.
pub(super) fn with_grade(src: String, grade: Option<Grade>) -> String {
    match grade {
        Some(g) => format!("{} Grade: {}.", src.trim_end_matches('.'), g.label()),
        None => src,
    }
}
