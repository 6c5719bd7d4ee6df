//! The exports: JSON that validates against its committed schema and
//! round-trips to the YAML content field by field; FHIR and Markdown; all
//! deterministic and snapshot-tested.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::process::Command;

use lems_content::export::fhir::{self, ids::full_url};
use lems_content::export::json::{self, ExportDocument};
use lems_treatments_build::relations::CautionOrigin;
use lems_treatments_build::{load, Paths, SchemaCheck};

fn run(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(["export", "--format", format])
        .output()
        .expect("run lems-content");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn json_export_validates_against_its_committed_schema() {
    let committed = std::fs::read_to_string(common::repo_root().join("schema/export.schema.json"))
        .expect("committed schema");
    assert_eq!(
        committed,
        json::schema_text(),
        "schema/export.schema.json is stale: run `cargo run -p lems-content -- schema`"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).expect("JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");
    let doc: serde_json::Value = serde_json::from_str(&run("json")).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the validator is not vacuous.
    let mut broken = doc.clone();
    broken["treatments"][0]["kind"] = serde_json::json!("potion");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn json_export_round_trips_to_the_yaml_field_by_field() {
    let exported: ExportDocument =
        serde_json::from_str(&run("json")).expect("the export reads back");
    let report = load(&Paths::under(&common::repo_root()), SchemaCheck::Validate);
    let yaml = report.content.expect("clean content");
    // Set-like lists have no meaningful order: compare them sorted.
    let sorted = |mut v: Vec<lems_treatments_build::model::Id>| {
        v.sort();
        v
    };

    assert_eq!(exported.disclaimer, yaml.disclaimer.item);
    assert_eq!(exported.condition, yaml.condition.item);
    assert_eq!(exported.sources.len(), yaml.sources.len());
    for s in &exported.sources {
        assert_eq!(
            Some(s),
            yaml.sources.get(&s.id.0).map(|l| &l.item),
            "source {}",
            s.id
        );
    }
    assert_eq!(exported.classes.len(), yaml.classes.len());
    for c in &exported.classes {
        let mut y = yaml.classes[&c.id.0].item.clone();
        let mut c = c.clone();
        y.cautions = sorted(y.cautions);
        c.cautions = sorted(c.cautions);
        assert_eq!(c, y, "category {}", c.id);
    }
    assert_eq!(exported.mechanisms.len(), yaml.mechanisms.len());
    for m in &exported.mechanisms {
        assert_eq!(m, &yaml.mechanisms[&m.id.0].item, "mechanism {}", m.id);
    }
    assert_eq!(exported.cautions.len(), yaml.cautions.len());
    for c in &exported.cautions {
        assert_eq!(c, &yaml.cautions[&c.id.0].item, "caution {}", c.id);
    }
    assert_eq!(exported.treatments.len(), yaml.treatments.len());
    for t in &exported.treatments {
        let mut y = yaml.treatments[&t.file.id.0].item.clone();
        let mut t = t.file.clone();
        for v in [&mut y, &mut t] {
            v.cautions = sorted(std::mem::take(&mut v.cautions));
            v.used_with = sorted(std::mem::take(&mut v.used_with));
        }
        assert_eq!(t, y, "treatment {}", t.id);
    }
}

/// One test per format, so that one content change surfaces every changed
/// export in the same run (and the same `cargo insta review`).
fn deterministic_snapshot(format: &str) {
    let a = run(format);
    assert_eq!(a, run(format), "{format}: same bytes every run");
    insta::assert_snapshot!(format!("export__{format}"), a);
}

#[test]
fn json_export_is_deterministic_and_snapshotted() {
    deterministic_snapshot("json");
}

#[test]
fn fhir_export_is_deterministic_and_snapshotted() {
    deterministic_snapshot("fhir");
}

#[test]
fn markdown_export_is_deterministic() {
    // Not snapshotted: it is the guide, whose parts are snapshotted once
    // (tests/snapshots/), and `markdown_export_is_the_renderers_guide` holds.
    let a = run("markdown");
    assert_eq!(a, run("markdown"), "same bytes every run");
}

#[test]
fn markdown_export_is_the_renderers_guide() {
    let c = content();
    let rel = lems_treatments_build::relations::Relations::of(&c);
    let guide = lems_treatments_build::render::View::new(&c, &rel).guide();
    assert_eq!(run("markdown"), guide);
}

fn content() -> lems_treatments_build::Content {
    let report = load(&Paths::under(&common::repo_root()), SchemaCheck::Validate);
    report.content.expect("clean content")
}

/// The tests' own content (`tests/fixture/`), for tests that look for
/// particular treatments, cautions and codes.
fn fixture_content() -> lems_treatments_build::Content {
    let report = load(&common::fixture_paths(), SchemaCheck::Validate);
    report.content.expect("clean fixture")
}

#[test]
fn fhir_bundle_has_the_expected_resources() {
    let c = fixture_content();
    let b = fhir::bundle(&c);
    let entries = b["entry"].as_array().expect("entries");
    let of = |kind: &str| {
        entries
            .iter()
            .filter(|e| e["resource"]["resourceType"] == kind)
            .count()
    };
    let medicines = c
        .treatments
        .values()
        .filter(|t| t.item.kind == lems_treatments_build::model::TreatmentKind::Medicine)
        .count();
    assert!(medicines > 0);
    assert_eq!(of("MedicationKnowledge"), medicines);
    assert_eq!(of("Medication"), medicines);
    assert_eq!(of("ActivityDefinition"), c.treatments.len() - medicines);
    // One indication per treatment, or one per approval that names a population.
    let indications: usize = c
        .treatments
        .values()
        .map(|t| {
            t.item
                .regulatory
                .iter()
                .filter(|r| r.population.is_some())
                .count()
                .max(1)
        })
        .sum();
    assert_eq!(of("ClinicalUseDefinition"), c.cautions.len() + indications);
    let text = serde_json::to_string(&b).unwrap_or_default();
    for uri in [
        "http://www.whocc.no/atc",
        "http://snomed.info/sct",
        "http://www.nlm.nih.gov/research/umls/rxnorm",
        "http://www.orpha.net",
        "http://id.who.int/icd/release/11/mms",
    ] {
        assert!(text.contains(uri), "{uri}");
    }
}

#[test]
fn json_export_lists_inherited_cautions_with_their_origin() {
    let doc = json::document(&fixture_content(), "0.0.0");
    let prednisone = doc
        .applied_cautions
        .iter()
        .find(|t| t.treatment.0 == "prednisone")
        .expect("prednisone");
    let c = prednisone
        .cautions
        .iter()
        .find(|c| c.caution.0 == "immune_suppression_risks")
        .expect("the immune-suppression caution applies to prednisone");
    assert_eq!(c.origin, "class");
    assert_eq!(
        c.class.as_ref().map(|x| x.0.as_str()),
        Some("immune_suppressants")
    );
    let prednisone = doc
        .treatments
        .iter()
        .find(|t| t.file.id.0 == "prednisone")
        .expect("prednisone");
    assert!(prednisone.file.cautions.is_empty(), "its file lists none");
    assert!(prednisone.cautions.contains(&json::TreatmentCaution {
        caution: lems_treatments_build::model::Id("immune_suppression_risks".into()),
        origin: "immune_suppressants".into(),
    }));
    let ami = doc
        .applied_cautions
        .iter()
        .find(|t| t.treatment.0 == "amifampridine")
        .expect("amifampridine");
    assert!(ami
        .cautions
        .iter()
        .all(|c| c.origin == "treatment" && c.class.is_none()));
}

#[test]
fn each_exported_treatment_lists_every_caution_that_applies_with_its_origin() {
    let c = fixture_content();
    let rel = lems_treatments_build::relations::Relations::of(&c);
    let doc = json::document(&c, "0.0.0");
    assert_eq!(doc.treatments.len(), c.treatments.len());
    let mut inherited = 0;
    for t in &doc.treatments {
        let id = t.file.id.0.as_str();
        let expected: Vec<(String, String)> = rel
            .treatment_cautions
            .get(id)
            .into_iter()
            .flatten()
            .map(|(caution, origin)| {
                let origin = match origin {
                    CautionOrigin::Treatment => json::OWN.to_string(),
                    CautionOrigin::Class(class) => class.clone(),
                };
                (caution.clone(), origin)
            })
            .collect();
        let exported: Vec<(String, String)> = t
            .cautions
            .iter()
            .map(|x| (x.caution.0.clone(), x.origin.clone()))
            .collect();
        assert_eq!(exported, expected, "treatment {id}");
        inherited += exported.iter().filter(|(_, o)| o != json::OWN).count();
        // The file's own list comes through unchanged.
        assert_eq!(t.file, c.treatments[id].item, "treatment {id}");
    }
    assert!(inherited > 0, "the fixture has a class-wide caution");
    // As JSON, a treatment's `cautions` is that list, and it reads back.
    let text = json::text(&c, "0.0.0").expect("the export serialises");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let first = &value["treatments"][0];
    let id = first["id"].as_str().expect("an id");
    let cautions = first["cautions"].as_array().expect("cautions is a list");
    assert_eq!(cautions.len(), rel.treatment_cautions[id].len(), "{id}");
    // Read back, each treatment is the same, its own cautions in id order.
    let back: ExportDocument = serde_json::from_str(&text).expect("the export reads back");
    assert_eq!(back.treatments.len(), doc.treatments.len());
    for (b, d) in back.treatments.iter().zip(&doc.treatments) {
        let mut file = d.file.clone();
        file.cautions.sort();
        assert_eq!(
            (&b.file, &b.cautions),
            (&file, &d.cautions),
            "{}",
            d.file.id
        );
    }
}

#[test]
fn the_disclaimer_and_its_no_change_line_are_in_every_view() {
    let c = content();
    let disclaimer = c.disclaimer.item.text.as_str();
    // What it says is reviewed in the guide's snapshot; here: that every view has it.
    assert!(!disclaimer.trim().is_empty());
    let rel = lems_treatments_build::relations::Relations::of(&c);
    let view = lems_treatments_build::render::View::new(&c, &rel);
    let mut views: Vec<(String, String)> = vec![
        ("guide".into(), view.guide()),
        ("export markdown".into(), run("markdown")),
    ];
    for id in c.treatments.keys() {
        views.push((format!("card {id}"), view.card(id).unwrap_or_default()));
    }
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("json");
    assert_eq!(json["disclaimer"]["text"], disclaimer, "export json");
    for (name, text) in &views {
        assert!(text.contains(disclaimer), "{name} lacks the disclaimer");
    }
    // The guide states it at the top and again at the end.
    assert!(view.guide().trim_end().ends_with(disclaimer));
    // FHIR: in every resource's narrative, which importers show to people.
    let bundle = fhir::bundle(&c);
    let escaped = disclaimer.replace('"', "&quot;");
    for e in bundle["entry"].as_array().expect("entries") {
        let div = e["resource"]["text"]["div"].as_str().unwrap_or_default();
        assert!(
            div.contains(&escaped),
            "{} lacks the disclaimer",
            e["fullUrl"]
        );
        assert!(e["fullUrl"]
            .as_str()
            .is_some_and(|u| u.starts_with("urn:uuid:")));
    }
}

#[test]
fn fhir_keeps_the_qualifiers_of_its_sources() {
    let bundle = fhir::text(&fixture_content());
    let b: serde_json::Value = serde_json::from_str(&bundle).expect("json");
    let entries = b["entry"].as_array().expect("entries");
    let res = |id: &str| {
        entries
            .iter()
            .map(|e| &e["resource"])
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap_or_default()
    };
    let r = res("indication-rituximab");
    assert_eq!(
        r["indication"]["otherTherapy"][0]["relationshipType"]["coding"][0]["code"],
        "replace-other-therapy-not-effective"
    );
    // Amifampridine: one indication per approval, each limited to its population.
    let ami: Vec<&serde_json::Value> = entries
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| {
            r["id"]
                .as_str()
                .is_some_and(|i| i.starts_with("indication-amifampridine-"))
        })
        .collect();
    assert_eq!(ami.len(), 3);
    assert!(ami
        .iter()
        .all(|r| r["population"].as_array().is_some_and(|p| !p.is_empty())));
    let groups: Vec<String> = entries
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Group")
        .map(|e| e["resource"].to_string())
        .collect();
    assert!(
        groups.iter().any(|g| g.contains("\"value\":6")),
        "US: 6 and older"
    );
    // The US-only contraindications are scoped to the US.
    let ci = res("caution-amifampridine-seizure-history-contraindication");
    let us = full_url("Group", "population-us");
    assert_eq!(ci["population"][0]["reference"], serde_json::json!(us));
    // resourceType first in every resource.
    assert!(bundle.contains("\"resource\": {\n        \"resourceType\""));
}

/// Every narrative `div` of the real content's Bundle is well-formed XHTML
/// (no facts asserted: only that an XML parser accepts each one).
#[test]
fn every_fhir_narrative_parses_as_xml() {
    let bundle: serde_json::Value = serde_json::from_str(&fhir::text(&content())).unwrap();
    let mut divs = Vec::new();
    fn walk<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(d)) = m.get("div") {
                    out.push(d);
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&bundle, &mut divs);
    assert!(!divs.is_empty());
    for d in divs {
        let doc = roxmltree::Document::parse(d).unwrap_or_else(|e| panic!("{e}: {d}"));
        assert_eq!(doc.root_element().tag_name().name(), "div");
    }
}
