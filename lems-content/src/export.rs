//! Exports of the checked content (the same model and renderer the crate is
//! generated from, so `lems-content` needs no compiled content): JSON in the
//! content model's own shape, an HL7 FHIR R5 Bundle, and the Markdown guide.
//! Every output is deterministic: same bytes every run.

use lems_treatments_build::codegen::fingerprint;
use lems_treatments_build::model::{
    CategoryFile, CautionFile, CautionKind, ClosedSet, CodeEntry, CodeSystem, ConditionFile,
    DisclaimerFile, MechanismFile, Region, SourceFile, TreatmentFile, TreatmentKind,
};
use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::Content;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// All content as one JSON document: each entity in the same shape as its
/// YAML file (so `schema/*.schema.json` describe the parts), plus the crate's
/// content version and fingerprint. `schema/export.schema.json` describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "LEMS treatment content export")]
pub struct ExportDocument {
    /// The crate version the content was exported from.
    pub content_version: String,
    /// `CONTENT_FINGERPRINT`, in hexadecimal.
    pub content_fingerprint: String,
    /// The disclaimer.
    pub disclaimer: DisclaimerFile,
    /// The condition.
    pub condition: ConditionFile,
    /// Every source, by id.
    pub sources: Vec<SourceFile>,
    /// Every class, by id.
    pub categories: Vec<CategoryFile>,
    /// Every mechanism, by id.
    pub mechanisms: Vec<MechanismFile>,
    /// Every caution, by id.
    pub cautions: Vec<CautionFile>,
    /// Every treatment, by id.
    pub treatments: Vec<TreatmentFile>,
}

/// Builds the export from checked content: each entity exactly as its file
/// states it (inherited cautions stay on the class), with the content version
/// (the root `Cargo.toml`'s `version`) and fingerprint.
pub fn document(c: &Content, content_version: &str) -> ExportDocument {
    ExportDocument {
        content_version: content_version.to_string(),
        content_fingerprint: format!("{:016x}", fingerprint(c)),
        disclaimer: c.disclaimer.item.clone(),
        condition: c.condition.item.clone(),
        sources: c.sources.values().map(|l| l.item.clone()).collect(),
        categories: c.categories.values().map(|l| l.item.clone()).collect(),
        mechanisms: c.mechanisms.values().map(|l| l.item.clone()).collect(),
        cautions: c.cautions.values().map(|l| l.item.clone()).collect(),
        treatments: c.treatments.values().map(|l| l.item.clone()).collect(),
    }
}

/// The JSON export, pretty-printed with a final newline.
pub fn json(c: &Content, content_version: &str) -> Option<String> {
    let mut s = serde_json::to_string_pretty(&document(c, content_version)).ok()?;
    s.push('\n');
    Some(s)
}

/// The JSON Schema of the JSON export (committed as `schema/export.schema.json`).
pub fn json_schema_text() -> String {
    let schema = schemars::schema_for!(ExportDocument);
    let mut s = serde_json::to_string_pretty(&schema.to_value()).unwrap_or_default();
    s.push('\n');
    s
}

// ---- FHIR R5

const ISO_3166: &str = "urn:iso:std:iso:3166";

fn codings(codes: &[CodeEntry]) -> Vec<Value> {
    codes
        .iter()
        .filter_map(|c| {
            let system = c.system.fhir_uri()?;
            let mut coding = json!({"system": system, "code": c.code.as_str()});
            if let Some(l) = &c.label {
                coding["display"] = json!(l.as_str());
            }
            Some(coding)
        })
        .collect()
}

fn concept(codes: &[CodeEntry], text: &str) -> Value {
    let c = codings(codes);
    if c.is_empty() {
        json!({"text": text})
    } else {
        json!({"coding": c, "text": text})
    }
}

fn jurisdiction(r: Region) -> Value {
    match r {
        Region::UnitedStates => {
            json!({"coding": [{"system": ISO_3166, "code": "US", "display": r.label()}]})
        }
        _ => json!({"text": r.label()}),
    }
}

/// The condition's codes that mean LEMS as such. ICD-10 G73.1 ("in neoplastic
/// disease") and the ICD-10-CM codes name narrower or classification-specific
/// groupings, so they stay out of the indication concept.
fn lems_codes(c: &Content) -> Vec<CodeEntry> {
    c.condition
        .item
        .codes
        .iter()
        .filter(|c| {
            matches!(
                c.system,
                CodeSystem::Orphanet | CodeSystem::Icd11 | CodeSystem::Mesh
            )
        })
        .cloned()
        .collect()
}

/// The FHIR resource that stands for a treatment as a `subject`.
fn subject(c: &Content, id: &str) -> String {
    let medicine = c
        .treatments
        .get(id)
        .is_some_and(|t| t.item.kind == TreatmentKind::Medicine);
    if medicine {
        format!("Medication/{}", fhir_id(id))
    } else {
        format!("ActivityDefinition/{}", fhir_id(id))
    }
}

/// FHIR ids allow `[A-Za-z0-9\-\.]{1,64}`: ours use `-` for `_`.
fn fhir_id(s: &str) -> String {
    s.replace('_', "-")
}

fn entry(resource: Value) -> Value {
    json!({ "resource": resource })
}

/// An HL7 FHIR R5 `Bundle` (type `collection`): a `Medication` and a
/// `MedicationKnowledge` per medicine, an `ActivityDefinition` per other
/// treatment, and a `ClinicalUseDefinition` per caution and per indication.
pub fn fhir_bundle(c: &Content) -> Value {
    let rel = Relations::of(c);
    let mut entries = Vec::new();
    let category_name = |id: &str| {
        c.categories
            .get(id)
            .map_or_else(|| id.to_string(), |l| l.item.name.as_str().to_string())
    };
    for (id, l) in &c.treatments {
        let t = &l.item;
        let code = concept(&t.codes, t.name.as_str());
        let uses: Vec<Value> = rel
            .treatment_cautions
            .get(id)
            .into_iter()
            .flat_map(|cs| cs.keys())
            .map(|x| json!({"reference": format!("ClinicalUseDefinition/caution-{}", fhir_id(x))}))
            .chain(std::iter::once(
                json!({"reference": format!("ClinicalUseDefinition/indication-{}", fhir_id(id))}),
            ))
            .collect();
        if t.kind == TreatmentKind::Medicine {
            entries.push(entry(json!({
                "resourceType": "Medication",
                "id": fhir_id(id),
                "code": code,
            })));
            let mut names: Vec<&str> = vec![t.name.as_str()];
            names.extend(t.synonyms.iter().map(|s| s.as_str()));
            names.extend(t.brands.iter().map(|b| b.name.as_str()));
            let mut classification = vec![json!({"text": category_name(&t.category.0)})];
            for p in rel
                .category_ancestors
                .get(&t.category.0)
                .into_iter()
                .flatten()
            {
                classification.push(json!({"text": category_name(p)}));
            }
            let mut regions: Vec<Region> = t.regulatory.iter().map(|r| r.region).collect();
            regions.sort();
            regions.dedup();
            let mut mk = json!({
                "resourceType": "MedicationKnowledge",
                "id": format!("{}-knowledge", fhir_id(id)),
                "status": "active",
                "code": code,
                "name": names,
                "associatedMedication": [{"reference": format!("Medication/{}", fhir_id(id))}],
                "medicineClassification": [{"type": {"text": "treatment class"}, "classification": classification}],
                "clinicalUseIssue": uses,
            });
            if !regions.is_empty() {
                mk["intendedJurisdiction"] =
                    json!(regions.iter().map(|r| jurisdiction(*r)).collect::<Vec<_>>());
            }
            let mut authorities: Vec<&str> = Vec::new();
            for a in t.regulatory.iter().filter_map(|r| r.authority.as_ref()) {
                if !authorities.contains(&a.as_str()) {
                    authorities.push(a.as_str());
                }
            }
            if !authorities.is_empty() {
                mk["regulatory"] = json!(authorities
                    .iter()
                    .map(|a| json!({"regulatoryAuthority": {"display": a}}))
                    .collect::<Vec<_>>());
            }
            entries.push(entry(mk));
        } else {
            entries.push(entry(json!({
                "resourceType": "ActivityDefinition",
                "id": fhir_id(id),
                "status": "active",
                "title": t.name.as_str(),
                "description": t.summary.as_str(),
                "kind": "ServiceRequest",
                "code": code,
            })));
        }
        // Treatment of the associated cancer is indicated for the cancer (which
        // has no code in our sources); everything else for LEMS itself.
        let indication = if t.kind == TreatmentKind::AssociatedDiseaseCare {
            json!({"text": c.condition.item.associated_cancer.name.as_str()})
        } else {
            concept(&lems_codes(c), c.condition.item.name.as_str())
        };
        entries.push(entry(json!({
            "resourceType": "ClinicalUseDefinition",
            "id": format!("indication-{}", fhir_id(id)),
            "type": "indication",
            "subject": [{"reference": subject(c, id)}],
            "indication": {
                "diseaseSymptomProcedure": {"concept": indication}
            },
        })));
    }
    for (id, l) in &c.cautions {
        let x = &l.item;
        let subjects: Vec<Value> = rel
            .caution_treatments
            .get(id)
            .into_iter()
            .flatten()
            .map(|t| json!({"reference": subject(c, t)}))
            .collect();
        let mut r = json!({
            "resourceType": "ClinicalUseDefinition",
            "id": format!("caution-{}", fhir_id(id)),
            "subject": subjects,
        });
        match x.kind {
            CautionKind::Contraindication => {
                r["type"] = json!("contraindication");
                r["contraindication"] =
                    json!({"diseaseSymptomProcedure": {"concept": {"text": x.title.as_str()}}});
            }
            CautionKind::UndesirableEffect => {
                r["type"] = json!("undesirable-effect");
                r["undesirableEffect"] =
                    json!({"symptomConditionEffect": {"concept": {"text": x.title.as_str()}}});
            }
            CautionKind::Warning => {
                r["type"] = json!("warning");
                r["warning"] = json!({"description": format!("{} {}", x.explanation.as_str(), x.for_the_patient.as_str())});
            }
        }
        entries.push(entry(r));
    }
    json!({
        "resourceType": "Bundle",
        "id": "lems-treatments",
        "type": "collection",
        "entry": entries,
    })
}

/// The FHIR export as pretty JSON with a final newline.
pub fn fhir(c: &Content) -> String {
    let mut s = serde_json::to_string_pretty(&fhir_bundle(c)).unwrap_or_default();
    s.push('\n');
    s
}

/// The Markdown guide: the same renderer the crate and the review snapshots use.
pub fn markdown(c: &Content) -> String {
    let rel = Relations::of(c);
    View::new(c, &rel).guide()
}
