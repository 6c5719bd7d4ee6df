//! Codes and concepts: codings of the content's code entries, concepts with
//! their text, jurisdictions, the condition's codes, class names.

use lems_treatments_build::model::{ClosedSet, CodeEntry, CodeSystem, Region};
use lems_treatments_build::Content;
use serde_json::{json, Value};

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

pub(super) fn concept(codes: &[CodeEntry], text: &str) -> Value {
    let c = codings(codes);
    if c.is_empty() {
        json!({"text": text})
    } else {
        json!({"coding": c, "text": text})
    }
}

pub(super) fn jurisdiction(r: Region) -> Value {
    match r {
        Region::UnitedStates => {
            json!({"coding": [{"system": ISO_3166, "code": "US", "display": r.label()}]})
        }
        _ => json!({"text": r.label()}),
    }
}

/// The condition's codes that mean LEMS as such. The ICD-10 and ICD-10-CM
/// codes name classification-specific groupings (with or without a
/// neoplasm, in block G73 of the WHO table), so they stay out of the
/// indication concept.
pub(super) fn lems_codes(c: &Content) -> Vec<CodeEntry> {
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

/// A class's name, or its id when the class is unknown.
pub(super) fn class_name(c: &Content, id: &str) -> String {
    c.classes
        .get(id)
        .map_or_else(|| id.to_string(), |l| l.item.name.as_str().to_string())
}
