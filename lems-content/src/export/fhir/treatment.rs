//! A treatment's resources: a `Medication` and a `MedicationKnowledge` for a
//! medicine, an `ActivityDefinition` for anything else (with R5's review
//! elements while a record covers its file), then its indications.

use lems_treatments_build::load::review::ReviewStatus;
use lems_treatments_build::model::{
    cited_ids, ClosedSet, Region, ReviewRecord, TreatmentFile, TreatmentKind,
};
use lems_treatments_build::relations::Relations;
use lems_treatments_build::Content;
use serde_json::{json, Value};

use super::codes::{class_name, concept, jurisdiction};
use super::group::Groups;
use super::ids::{entry, fhir_id, full_url, reference};
use super::indication::indications;
use super::narrative::{card_narrative, cite, narrative, related_artifacts};

/// Every bundle entry of treatment `id`, in bundle order.
pub(super) fn entries(
    c: &Content,
    rel: &Relations,
    groups: &mut Groups,
    id: &str,
    t: &TreatmentFile,
) -> Vec<Value> {
    let code = concept(&t.codes, t.name.as_str());
    let indications = indications(c, groups, id, t);
    let about = about(c, rel, id, t);
    let mut out = Vec::new();
    if t.kind == TreatmentKind::Medicine {
        out.push(entry(medication(c, rel, id, &code)));
        let ids: Vec<&str> = indications.iter().map(|(i, _)| i.as_str()).collect();
        out.push(entry(medication_knowledge(
            c, rel, id, t, &about, &code, &ids,
        )));
    } else {
        out.push(entry(activity_definition(c, rel, id, t, &code)));
    }
    out.extend(indications.into_iter().map(|(_, r)| entry(r)));
    out
}

/// The narrative lines every resource of a treatment starts with: its
/// summary, its sources, and what its cautions do not cover.
fn about(c: &Content, rel: &Relations, id: &str, t: &TreatmentFile) -> Vec<String> {
    let cautions = rel.treatment_cautions.get(id);
    let mut about = vec![
        t.summary.as_str().to_string(),
        cite(c, &cited_ids(&t.sources)),
    ];
    if cautions.is_none_or(|cs| cs.is_empty()) {
        about.push(format!(
            "The sources used here name no cautions for {}. That does not mean it is free of risks.",
            t.name.as_str()
        ));
    }
    for n in &t.cautions_not_applied {
        let name = c
            .cautions
            .get(&n.caution.0)
            .map_or(n.caution.0.as_str(), |l| l.item.title.as_str());
        about.push(format!(
            "Not applied: {name}. {} {}",
            n.reason.as_str(),
            cite(c, std::slice::from_ref(&n.source))
        ));
    }
    about
}

/// A medicine's `Medication`.
/// Its narrative is the treatment's card, the same document as the guide's.
fn medication(c: &Content, rel: &Relations, id: &str, code: &Value) -> Value {
    json!({
        "resourceType": "Medication",
        "id": fhir_id(id),
        "text": card_narrative(c, rel, id),
        "code": code,
    })
}

/// A medicine's `MedicationKnowledge`: its names, class, regulatory facts,
/// and its cautions and indications as clinical use issues.
fn medication_knowledge(
    c: &Content,
    rel: &Relations,
    id: &str,
    t: &TreatmentFile,
    about: &[String],
    code: &Value,
    indication_ids: &[&str],
) -> Value {
    let uses: Vec<Value> = rel
        .treatment_cautions
        .get(id)
        .into_iter()
        .flat_map(|cs| cs.keys())
        .map(|x| {
            reference(full_url(
                "ClinicalUseDefinition",
                &format!("caution-{}", fhir_id(x)),
            ))
        })
        .chain(
            indication_ids
                .iter()
                .map(|i| reference(full_url("ClinicalUseDefinition", i))),
        )
        .collect();
    let mut names: Vec<&str> = vec![t.name.as_str()];
    names.extend(t.synonyms.iter().map(|s| s.as_str()));
    names.extend(t.brands.iter().map(|b| b.name.as_str()));
    let mut classification = vec![json!({"text": class_name(c, &t.category.0)})];
    for p in rel.class_ancestors.get(&t.category.0).into_iter().flatten() {
        classification.push(json!({"text": class_name(c, p)}));
    }
    let mut mk = json!({
        "resourceType": "MedicationKnowledge",
        "id": format!("{}-knowledge", fhir_id(id)),
        "text": narrative(c, &regulatory_lines(c, t, about), c.treatments.get(id).map(|l| l.file.as_str())),
        "code": code,
        "status": "active",
        "name": names,
        "associatedMedication": [reference(full_url("Medication", &fhir_id(id)))],
        "medicineClassification": [{"type": {"text": "treatment class"}, "classification": classification}],
        "clinicalUseIssue": uses,
    });
    let mut regions: Vec<Region> = t.regulatory.iter().map(|r| r.region).collect();
    regions.sort();
    regions.dedup();
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
    mk
}

/// The `about` lines with one line per regulatory fact.
fn regulatory_lines(c: &Content, t: &TreatmentFile, about: &[String]) -> Vec<String> {
    let mut lines = about.to_vec();
    for r in &t.regulatory {
        let mut line = format!(
            "{}: {} for {}",
            r.region.label(),
            r.status.label(),
            r.scope.as_str()
        );
        if let Some(d) = &r.date {
            line.push_str(&format!(", {}", d.0));
        }
        line.push_str(&format!(". {}", cite(c, std::slice::from_ref(&r.source))));
        lines.push(line);
    }
    lines
}

/// The `ActivityDefinition` of a treatment that is not a medicine.
fn activity_definition(
    c: &Content,
    rel: &Relations,
    id: &str,
    t: &TreatmentFile,
    code: &Value,
) -> Value {
    let mut r = json!({
        "resourceType": "ActivityDefinition",
        "id": fhir_id(id),
        "text": card_narrative(c, rel, id),
        "status": "active",
        "title": t.name.as_str(),
        "description": t.summary.as_str(),
        "relatedArtifact": related_artifacts(c, &cited_ids(&t.sources)),
        "kind": "ServiceRequest",
        "code": code,
    });
    if let (Some(file), Some(o)) = (c.treatments.get(id), r.as_object_mut()) {
        o.extend(review_elements(c, &file.file));
    }
    r
}

/// R5's review elements of a canonical resource, from the records of the
/// file shown as `shown`, only while a record covers the file as it is now:
/// `lastReviewDate` and `reviewer` from the last check against its sources,
/// `endorser` from the last clinician's approval. A file changed since its
/// last review, or never reviewed, gets none (its narrative says so).
fn review_elements(c: &Content, shown: &str) -> serde_json::Map<String, Value> {
    let mut out = serde_json::Map::new();
    let ReviewStatus::Current { checked, approved } = c.reviews.status(shown) else {
        return out;
    };
    let contact = |r: &ReviewRecord| json!([{"name": format!("{} ({})", r.name.0, r.role.0)}]);
    if let Some(r) = checked {
        out.insert("lastReviewDate".into(), json!(r.date.0));
        out.insert("reviewer".into(), contact(r));
    }
    if let Some(r) = approved {
        out.insert("endorser".into(), contact(r));
    }
    out
}
