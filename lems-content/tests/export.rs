//! The exports: JSON that validates against its committed schema and
//! round-trips to the YAML content field by field; FHIR and Markdown; all
//! deterministic and snapshot-tested.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::process::Command;

use lems_content::export::{self, ExportDocument};
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
        export::json_schema_text(),
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
    assert_eq!(exported.categories.len(), yaml.categories.len());
    for c in &exported.categories {
        let mut y = yaml.categories[&c.id.0].item.clone();
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
        let mut y = yaml.treatments[&t.id.0].item.clone();
        let mut t = t.clone();
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
fn markdown_export_is_deterministic_and_snapshotted() {
    deterministic_snapshot("markdown");
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

#[test]
fn fhir_bundle_has_the_expected_resources() {
    let c = content();
    let b = export::fhir_bundle(&c);
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
    assert_eq!(
        of("ClinicalUseDefinition"),
        c.cautions.len() + c.treatments.len()
    );
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
