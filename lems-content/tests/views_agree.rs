//! One document, every view: for each card of the fixture, every text of its
//! document (`document::texts`: texts, codes, citations' words, callouts'
//! parts, the disclaimer) stands in each view's reading text — the Markdown
//! card (`View::card`, which `show` prints and the guide and the Markdown
//! export hold), the terminal (`show`), the site's page and the FHIR
//! narrative of the treatment's main resource. (A callout's parts stand in
//! another order on a page than in running text, so order is not compared.)

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::process::Command;

use lems_content::export::{fhir, markdown};
use lems_content::site::guide::site;
use lems_treatments_build::document::texts;
use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::{load, Content, SchemaCheck};
use pulldown_cmark::{Event, Options, Parser};

fn fixture() -> Content {
    load(&common::fixture_paths(), SchemaCheck::Validate)
        .content
        .expect("clean fixture")
}

/// Whitespace runs as one space, trimmed.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text a CommonMark reader sees.
fn markdown_text(md: &str) -> String {
    let mut out = String::new();
    for e in Parser::new_ext(md, Options::empty()) {
        match e {
            Event::Text(s) | Event::Code(s) => out.push_str(&s),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    norm(&out)
}

/// The text a browser puts in text nodes (entities decoded), `<br>` and
/// block ends as spaces; `<head>` left out.
fn html_text(page: &str) -> String {
    use html5gum::{Token, Tokenizer};
    let mut out = String::new();
    let mut in_head = false;
    for token in Tokenizer::new(page).flatten() {
        match token {
            Token::StartTag(t) if t.name.0 == b"head" => in_head = true,
            Token::EndTag(t) if t.name.0 == b"head" => in_head = false,
            Token::StartTag(t) if t.name.0 == b"br" => out.push(' '),
            Token::EndTag(t) if t.name.0 != b"a" && t.name.0 != b"strong" && t.name.0 != b"em" => {
                out.push(' ')
            }
            Token::String(s) if !in_head => out.push_str(&String::from_utf8_lossy(&s.0)),
            _ => {}
        }
    }
    norm(&out)
}

/// The text of an XHTML `div`, as an XML reader reads it.
fn xml_text(div: &str) -> String {
    let doc = roxmltree::Document::parse(div).expect("well-formed XHTML");
    let mut out = String::new();
    for n in doc.descendants() {
        if n.is_text() {
            out.push_str(n.text().unwrap_or_default());
        } else if n.is_element() {
            out.push(' ');
        }
    }
    norm(&out)
}

/// Every text of `texts` stands in `view`.
fn assert_agrees(name: &str, texts: &[String], view: &str) {
    for t in texts.iter().map(|t| norm(t)).filter(|t| !t.is_empty()) {
        assert!(view.contains(&t), "{name}: {t:?} is missing\nview: {view}");
    }
}

fn show(id: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(["show", id, "--root"])
        .arg(common::fixture_root())
        .output()
        .expect("run lems-content show");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn every_view_of_every_card_shows_the_texts_of_its_document() {
    let c = fixture();
    let rel = Relations::of(&c);
    let view = View::new(&c, &rel);
    let pages = site(&c);
    let bundle = fhir::bundle(&c);
    let guide = markdown::text(&c);
    let entries = bundle["entry"].as_array().expect("entries");
    assert!(c.treatments.len() > 3, "the fixture has treatments");
    for id in c.treatments.keys() {
        let doc = view.card_document(id).expect("a card");
        let all = texts(&doc);
        assert!(all.len() > 10, "{id}: a card has many texts");
        let card = view.card(id).expect("a card");
        assert_agrees(&format!("{id}: Markdown"), &all, &markdown_text(&card));
        assert_eq!(
            show(id)
                .split_once("\n### Reading level")
                .map(|(shown, _)| shown.to_string()),
            Some(card.clone()),
            "{id}: show prints the card, then its texts' reading levels"
        );
        let guide_card = view.guide_card(id).expect("a guide card");
        assert!(
            guide.contains(&guide_card),
            "{id}: the Markdown export holds its card"
        );
        let page = &pages[&format!("treatments/{id}.html")];
        assert_agrees(&format!("{id}: site"), &all, &html_text(page));
        let fhir_id = id.replace('_', "-");
        let main = entries
            .iter()
            .map(|e| &e["resource"])
            .find(|r| {
                r["id"] == fhir_id.as_str()
                    && matches!(
                        r["resourceType"].as_str(),
                        Some("Medication" | "ActivityDefinition")
                    )
            })
            .expect("the treatment's main resource");
        let div = main["text"]["div"].as_str().expect("a narrative");
        let card_texts = texts(&view.guide_card_document(id).expect("a card"));
        let mut narrative = card_texts.clone();
        narrative.push(c.disclaimer.item.text.as_str().to_string());
        assert_agrees(&format!("{id}: FHIR narrative"), &narrative, &xml_text(div));
    }
}

#[test]
fn the_check_fails_when_a_view_drops_a_text() {
    let texts = vec!["first one".to_string(), "second".to_string()];
    assert_agrees("both", &texts, "a first one b second c");
    let dropped = std::panic::catch_unwind(|| assert_agrees("dropped", &texts, "first one only"));
    assert!(dropped.is_err());
}
