//! A treatment's indications, as `ClinicalUseDefinition` resources of type
//! `indication`: one per regulatory approval that names a population (each
//! with its `Group`), otherwise one for the condition it is used for.

use lems_treatments_build::model::{
    cited_ids, ClosedSet, Regulatory, TreatmentFile, TreatmentKind,
};
use lems_treatments_build::Content;
use serde_json::{json, Value};

use super::codes::{class_name, concept, lems_codes};
use super::group::Groups;
use super::ids::{fhir_id, reference, subject};
use super::narrative::{cite, narrative, with_grade};

/// Treatment `id`'s indications, each with its FHIR id.
pub(super) fn indications(
    c: &Content,
    groups: &mut Groups,
    id: &str,
    t: &TreatmentFile,
) -> Vec<(String, Value)> {
    let approvals: Vec<&Regulatory> = t
        .regulatory
        .iter()
        .filter(|r| r.population.is_some())
        .collect();
    if approvals.is_empty() {
        vec![indication(c, id, t)]
    } else {
        approval_indications(c, groups, id, t, &approvals)
    }
}

/// What a treatment is indicated for, as a concept and in words. Treatment
/// of the associated cancer is indicated for the cancer (which has no code in
/// our sources); everything else for LEMS itself.
fn condition_concept<'c>(c: &'c Content, t: &TreatmentFile) -> (Value, &'c str) {
    let condition = &c.condition.item;
    if t.kind == TreatmentKind::AssociatedDiseaseCare {
        let name = condition.associated_cancer.name.as_str();
        (json!({ "text": name }), name)
    } else {
        (
            concept(&lems_codes(c), condition.name.as_str()),
            condition.name.as_str(),
        )
    }
}

/// The one indication of a treatment no approval narrows: the condition,
/// its usage, and the qualifiers its sources put on it.
fn indication(c: &Content, id: &str, t: &TreatmentFile) -> (String, Value) {
    let (condition_concept, condition_text) = condition_concept(c, t);
    let iid = format!("indication-{}", fhir_id(id));
    let mut lines = vec![format!("{}: used for {condition_text}.", t.name.as_str())];
    lines.extend(t.usage.iter().map(|u| u.as_str().to_string()));
    lines.push(cite(c, &cited_ids(&t.sources)));
    let mut indication = json!({"diseaseSymptomProcedure": {"concept": condition_concept}});
    if let Some(i) = &t.indication {
        let labelled = [
            ("When it is used: ", &i.note),
            ("How well it works: ", &i.effectiveness),
            ("Why it is used less often: ", &i.used_less_because),
        ];
        for (label, text) in labelled {
            if let Some(x) = text {
                let source = cite(c, std::slice::from_ref(&i.source));
                lines.push(format!("{label}{} {source}", x.as_str()));
            }
        }
        if !i.after_other.is_empty() {
            indication["otherTherapy"] = json!(i
                .after_other
                .iter()
                .map(|x| json!({
                    "relationshipType": {"coding": [{
                        "system": "http://hl7.org/fhir/therapy-relationship-type",
                        "code": "replace-other-therapy-not-effective",
                        "display": "Indicated to replace the other therapy not effective on patient",
                    }]},
                    "treatment": {"concept": {"text": class_name(c, &x.0)}},
                }))
                .collect::<Vec<_>>());
        }
    }
    if t.kind == TreatmentKind::AssociatedDiseaseCare {
        let note = &c.condition.item.associated_cancer.treatment_note;
        lines.push(note.as_str().to_string());
    }
    let resource = json!({
        "resourceType": "ClinicalUseDefinition",
        "id": iid,
        "text": narrative(c, &lines, c.treatments.get(id).map(|l| l.file.as_str())),
        "type": "indication",
        "subject": [reference(subject(c, id))],
        "indication": indication,
    });
    (iid, resource)
}

/// One indication per approval that names a population, with its `Group`.
fn approval_indications(
    c: &Content,
    groups: &mut Groups,
    id: &str,
    t: &TreatmentFile,
    approvals: &[&Regulatory],
) -> Vec<(String, Value)> {
    let (condition_concept, _) = condition_concept(c, t);
    let mut out = Vec::new();
    for (n, r) in approvals.iter().enumerate() {
        let iid = format!("indication-{}-{}", fhir_id(id), n + 1);
        let Some(p) = &r.population else { continue };
        let gid = format!(
            "population-{}-{}",
            r.region.yaml(),
            fhir_id(&p.text.as_str().replace(' ', "_"))
        );
        let g = groups.url(c, gid, r.region, Some(p));
        let mut line = format!(
            "{}: {} in the {} for {}",
            t.name.as_str(),
            r.status.label(),
            r.region.label(),
            r.scope.as_str()
        );
        if let Some(a) = &r.authority {
            line.push_str(&format!(" by the {}", a.as_str()));
        }
        if let Some(d) = &r.date {
            line.push_str(&format!(", {}", d.0));
        }
        line.push('.');
        if let Some(note) = &r.note {
            line.push_str(&format!(" {}", note.as_str()));
        }
        let src = with_grade(cite(c, std::slice::from_ref(&r.source)), r.grade);
        let lines = vec![line, src];
        let resource = json!({
            "resourceType": "ClinicalUseDefinition",
            "id": iid,
            "text": narrative(c, &lines, c.treatments.get(id).map(|l| l.file.as_str())),
            "type": "indication",
            "subject": [reference(subject(c, id))],
            "indication": {"diseaseSymptomProcedure": {"concept": condition_concept}},
            "population": [reference(g)],
        });
        out.push((iid, resource));
    }
    out
}
