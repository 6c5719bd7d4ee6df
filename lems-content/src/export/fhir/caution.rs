//! A caution as a `ClinicalUseDefinition` (a contraindication, an undesirable
//! effect or a warning) of every treatment it applies to.

use lems_treatments_build::model::{cited_ids, CautionFile, CautionKind, ClosedSet};
use lems_treatments_build::relations::Relations;
use lems_treatments_build::Content;
use serde_json::{json, Value};

use super::group::Groups;
use super::ids::{fhir_id, reference, subject};
use super::narrative::{cite, narrative, with_grade};

/// Caution `id`'s `ClinicalUseDefinition`; a regional caution names the
/// `Group` of its region.
pub(super) fn clinical_use(
    c: &Content,
    rel: &Relations,
    groups: &mut Groups,
    id: &str,
    x: &CautionFile,
) -> Value {
    let subjects: Vec<Value> = rel
        .caution_treatments
        .get(id)
        .into_iter()
        .flatten()
        .map(|t| reference(subject(c, t)))
        .collect();
    let src = with_grade(cite(c, &cited_ids(&x.sources)), x.grade);
    let mut lines = vec![
        format!("{} ({}).", x.title.as_str(), x.kind.label()),
        x.explanation.as_str().to_string(),
        format!("For the patient: {}", x.for_the_patient.as_str()),
    ];
    if let Some(r) = x.region {
        lines.push(format!(
            "Stated in {} labelling; the sources used do not say whether it applies elsewhere.",
            r.label()
        ));
    }
    lines.push(src);
    let mut r = json!({
        "resourceType": "ClinicalUseDefinition",
        "id": format!("caution-{}", fhir_id(id)),
        "text": narrative(c, &lines, c.cautions.get(id).map(|l| l.file.as_str())),
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
    if let Some(region) = x.region {
        // A regional caution applies where its regulator's text governs.
        let g = groups.url(c, format!("population-{}", region.yaml()), region, None);
        r["population"] = json!([reference(g)]);
    }
    r
}
