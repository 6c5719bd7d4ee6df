//! `lems-content lsp` in process, hovers and files not saved yet: what an
//! id shows as a reader sees it, and a new buffer checked like a file.

mod lsp_client;

use lsp_client::*;
use serde_json::json;

#[test]
fn a_new_file_not_saved_yet_is_checked_too() {
    let mut c = Client::start("unsaved");
    let rel = "treatments/not_saved_yet.yaml";
    let text = "id: not_saved_yet\nname: \"Not saved yet\"\nkind: therapy\n\
                category: supportive_therapies\n\
                summary: \"A treatment written in the editor for a test, not saved.\"\n\
                usage:\n  - \"Written for a test only.\"\n\
                mechanisms:\n  - potassium_channel_blockad\n\
                sources:\n  - lems_treatment_article\n";
    c.open(rel, text);
    let list = c.diagnostics(rel);
    let d = list
        .iter()
        .find(|d| codes(std::slice::from_ref(d)) == ["E0202"])
        .unwrap_or_else(|| panic!("an unknown mechanism in the unsaved file: {list:?}"));
    assert_eq!(d.range.start, find(text, "potassium_channel_blockad\n"));
    // Fixed in the buffer: its problems are gone, and nothing was written.
    c.change(rel, 2, &text.replace("blockad\n", "blockade\n"));
    assert!(
        codes(&c.diagnostics(rel))
            .iter()
            .all(|x| x.starts_with('W')),
        "{:?}",
        c.diagnostics(rel)
    );
    assert!(!c.path(rel).exists());
    // Over the file budget, like a file on disk that large.
    c.change(rel, 3, &"x".repeat(2 * 1024 * 1024));
    assert_eq!(codes(&c.diagnostics(rel)), ["E0001"]);
    // Closed: the file is not part of the project any more.
    c.change(rel, 4, text);
    assert!(!c.diagnostics(rel).is_empty());
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": c.url(rel)}}),
    );
    assert!(c.diagnostics(rel).is_empty());
    c.stop();
}

#[test]
fn hover_shows_the_item_and_field_docs() {
    let mut c = Client::start("hover");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let p = find(&text, "potassium_channel_blockade\n");
    let r = c.request(
        "textDocument/hover",
        c.at(TREATMENT, p.line, p.character + 3),
    );
    let value = r.result.as_ref().expect("result")["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let mechanism = c.text("mechanisms/potassium_channel_blockade.yaml");
    let source = mechanism
        .lines()
        .find_map(|l| {
            l.trim_start()
                .strip_prefix("- source: ")
                .or_else(|| l.strip_prefix("  - "))
        })
        .expect("the mechanism cites a source");
    assert!(
        value.contains("mechanism `potassium_channel_blockade`"),
        "{value}"
    );
    let title = checked_fixture(&c).sources[source.trim()]
        .item
        .title
        .as_str()
        .to_string();
    assert!(value.contains(&first_words(&title)), "its sources: {value}");
    let p = find(&text, "summary:");
    let r = c.request(
        "textDocument/hover",
        c.at(TREATMENT, p.line, p.character + 2),
    );
    let value = r.result.as_ref().expect("result")["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let doc = lems_treatments_build::FileKind::Treatment
        .schema()
        .to_value()["properties"]["summary"]["description"]
        .as_str()
        .expect("summary is documented")
        .to_string();
    assert!(value.starts_with("**summary**"), "{value}");
    assert!(value.contains(&first_words(&doc)), "{value} / {doc}");
    c.stop();
}

#[test]
fn hover_shows_each_kind_of_item_as_a_reader_sees_it() {
    let mut c = Client::start("hover_kinds");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let content = checked_fixture(&c);
    let title_of = |id: &str| content.sources[id].item.title.as_str().to_string();

    // A mechanism: its card item, name in bold, what it acts on, its explanation and sources.
    let m = &content.mechanisms["potassium_channel_blockade"].item;
    let value = hover_text(&mut c, TREATMENT, "potassium_channel_blockade\n");
    assert!(
        value.starts_with(&format!("- **{}** (acts on ", m.name.as_str())),
        "{value}"
    );
    assert!(
        value.contains(&first_words(m.explanation.as_str())),
        "{value}"
    );
    for s in &m.sources {
        assert!(
            value.contains(&first_words(&title_of(&s.source().0))),
            "{value}"
        );
    }
    assert!(!value.contains("explanation:"), "no YAML: {value}");

    // A caution: its callout (title, explanation, what it means for the patient, source).
    let id = "amifampridine_seizure_warning";
    let k = &content.cautions[id].item;
    let value = hover_text(&mut c, TREATMENT, &format!("{id}\n"));
    assert!(
        value.starts_with(&format!("- **{}** (", k.title.as_str())),
        "{value}"
    );
    assert!(
        value.contains("What this means for the patient: "),
        "{value}"
    );
    assert!(
        value.contains(&first_words(k.for_the_patient.as_str())),
        "{value}"
    );
    assert!(
        value.contains(&first_words(k.explanation.as_str())),
        "{value}"
    );
    assert!(
        value.contains(&format!(
            "source: {}",
            first_words(&title_of(&k.sources[0].source().0))
        )),
        "{value}"
    );
    assert!(value.contains(&format!("(caution `{id}`)")), "{value}");

    // A class: its section of the guide, the name as a heading, then its description.
    let class = &content.classes["potassium_channel_blockers"].item;
    let value = hover_text(&mut c, TREATMENT, "potassium_channel_blockers\n");
    assert!(
        value.starts_with(&format!("# {}", class.name.as_str())),
        "{value}"
    );
    assert!(
        value.contains(&first_words(class.description.as_str())),
        "{value}"
    );
    assert!(value.contains("source: "), "{value}");

    // A source: its entry of a card's list of sources (title, then kind in brackets).
    let value = hover_text(&mut c, TREATMENT, "lems_treatment_article\n");
    let entry = format!("- {} (", first_words(&title_of("lems_treatment_article")));
    assert!(value.starts_with(&entry), "{value}");
    assert!(
        value.contains("(source `lems_treatment_article`)"),
        "{value}"
    );
    c.stop();
}

#[test]
fn hover_on_a_treatment_shows_its_card() {
    let mut c = Client::start("hover_card");
    let rel = "treatments/pyridostigmine.yaml";
    let text = c.text(rel);
    c.open(rel, &text);
    let p = find(&text, "  - guanidine\n");
    let r = c.request("textDocument/hover", c.at(rel, p.line, p.character + 5));
    let value = r.result.as_ref().expect("result")["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let mut paths = lems_treatments_build::Paths::under(&c.root);
    paths.schema = common::repo_root().join("schema");
    let report = lems_treatments_build::load(&paths, lems_treatments_build::SchemaCheck::Validate);
    let content = report.content.expect("the fixture checks clean");
    let relations = lems_treatments_build::relations::Relations::of(&content);
    let card = lems_treatments_build::render::View::new(&content, &relations)
        .card("guanidine")
        .expect("a card");
    assert!(
        !value.is_empty() && card.starts_with(&value),
        "{value}\n---\n{card}"
    );
    c.stop();
}
