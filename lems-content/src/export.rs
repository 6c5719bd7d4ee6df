//! Exports of the checked content (the same model and renderer the crate is
//! generated from, so `lems-content` needs no compiled content): JSON in the
//! content model's own shape, an HL7 FHIR R5 Bundle, and the Markdown guide.
//! Every output is deterministic: same bytes every run.

use lems_treatments_build::generate::fingerprint;
use lems_treatments_build::model::{
    CautionFile, CautionKind, ClassFile, ClosedSet, CodeEntry, CodeSystem, ConditionFile, Date,
    DisclaimerFile, Grade, Id, MechanismFile, Population, Region, Regulatory, SourceFile,
    TreatmentFile, TreatmentKind,
};
use lems_treatments_build::relations::{CautionOrigin, Relations};
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
    pub categories: Vec<ClassFile>,
    /// Every mechanism, by id.
    pub mechanisms: Vec<MechanismFile>,
    /// Every caution, by id.
    pub cautions: Vec<CautionFile>,
    /// Every treatment, by id. Its `cautions` are the ones its file lists;
    /// `applied_cautions` has every caution that applies.
    pub treatments: Vec<TreatmentFile>,
    /// Every caution that applies to each treatment, inherited ones included,
    /// each marked with where it comes from.
    pub applied_cautions: Vec<TreatmentCautions>,
}

/// The cautions that apply to one treatment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TreatmentCautions {
    /// The treatment's id.
    pub treatment: Id,
    /// Every caution that applies (empty: the sources used name none, which does not mean it is free of risks).
    pub cautions: Vec<AppliedCautionEntry>,
}

/// One caution that applies to a treatment, with its origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppliedCautionEntry {
    /// The caution's id.
    pub caution: Id,
    /// `treatment` (listed by the treatment itself) or `class` (inherited from a class).
    pub origin: String,
    /// The id of the class it is inherited from, when `origin` is `class`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<Id>,
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
        categories: c.classes.values().map(|l| l.item.clone()).collect(),
        mechanisms: c.mechanisms.values().map(|l| l.item.clone()).collect(),
        cautions: c.cautions.values().map(|l| l.item.clone()).collect(),
        treatments: c.treatments.values().map(|l| l.item.clone()).collect(),
        applied_cautions: applied_cautions(c),
    }
}

/// Every caution that applies to each treatment, with its origin (from
/// [`Relations`]).
fn applied_cautions(c: &Content) -> Vec<TreatmentCautions> {
    let rel = Relations::of(c);
    c.treatments
        .keys()
        .map(|t| TreatmentCautions {
            treatment: Id(t.clone()),
            cautions: rel
                .treatment_cautions
                .get(t)
                .into_iter()
                .flatten()
                .map(|(caution, origin)| {
                    let (origin, class) = match origin {
                        CautionOrigin::Treatment => ("treatment", None),
                        CautionOrigin::Class(cat) => ("class", Some(Id(cat.clone()))),
                    };
                    AppliedCautionEntry {
                        caution: Id(caution.clone()),
                        origin: origin.to_string(),
                        class,
                    }
                })
                .collect(),
        })
        .collect()
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

/// The FHIR `fullUrl` of the resource that stands for a treatment as a `subject`.
fn subject(c: &Content, id: &str) -> String {
    let medicine = c
        .treatments
        .get(id)
        .is_some_and(|t| t.item.kind == TreatmentKind::Medicine);
    if medicine {
        full_url("Medication", &fhir_id(id))
    } else {
        full_url("ActivityDefinition", &fhir_id(id))
    }
}

/// FHIR ids allow `[A-Za-z0-9\-\.]{1,64}`: ours use `-` for `_`.
fn fhir_id(s: &str) -> String {
    s.replace('_', "-")
}

/// A deterministic `urn:uuid:` for a resource, derived from its type and id
/// (two FNV-1a hashes, shaped as an RFC 9562 version 8 UUID): the same
/// content gives the same `fullUrl` every run.
pub fn full_url(kind: &str, id: &str) -> String {
    fn fnv(seed: u64, text: &str) -> u64 {
        text.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }
    let key = format!("lems-treatments/{kind}/{id}");
    let hi = fnv(0xcbf2_9ce4_8422_2325, &key);
    let lo = fnv(0x8422_2325_cbf2_9ce4, &key);
    let hi = (hi & !0xf000) | 0x8000; // version 8
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62); // RFC 9562 variant
    format!(
        "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

fn reference(url: String) -> Value {
    json!({ "reference": url })
}

fn entry(resource: Value) -> Value {
    let kind = resource["resourceType"].as_str().unwrap_or_default();
    let id = resource["id"].as_str().unwrap_or_default();
    json!({ "fullUrl": full_url(kind, id), "resource": resource })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The citation of a list of sources (ids), in words.
fn cite(c: &Content, sources: &[Id]) -> String {
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
fn narrative(c: &Content, lines: &[String], reviewed: Option<&Date>) -> Value {
    let mut div = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    for l in lines {
        div.push_str(&format!("<p>{}</p>", escape(l)));
    }
    if let Some(d) = reviewed {
        div.push_str(&format!(
            "<p>Last reviewed against its sources: {}.</p>",
            escape(&d.0)
        ));
    }
    div.push_str(&format!(
        "<p><b>{}</b></p></div>",
        escape(c.disclaimer.item.text.as_str())
    ));
    json!({"status": "additional", "div": div})
}

/// `relatedArtifact` citations (R5 `RelatedArtifact`, type `citation`).
fn related_artifacts(c: &Content, sources: &[Id]) -> Value {
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
            json!({"type": "citation", "display": s.title.as_str(), "citation": citation})
        })
        .collect::<Vec<_>>())
}

/// A `Group` that describes who a use applies to: a region and, where the
/// source narrows it, an age group or a lowest age.
fn population_group(
    c: &Content,
    id: &str,
    region: Region,
    population: Option<&Population>,
) -> Value {
    let mut characteristic = vec![json!({
        "code": {"text": "jurisdiction"},
        "valueCodeableConcept": jurisdiction(region),
        "exclude": false,
    })];
    let mut words = format!("People in the {}", region.label());
    if let Some(p) = population {
        words.push_str(&format!(": {}", p.text.as_str()));
        characteristic.push(match p.min_age_years {
            Some(age) => json!({
                "code": {"text": "age"},
                "valueRange": {"low": {"value": age, "unit": "years", "system": "http://unitsofmeasure.org", "code": "a"}},
                "exclude": false,
            }),
            None => json!({
                "code": {"text": "age group"},
                "valueCodeableConcept": {"text": p.text.as_str()},
                "exclude": false,
            }),
        });
    }
    json!({
        "resourceType": "Group",
        "id": id,
        "text": narrative(c, std::slice::from_ref(&words), None),
        "type": "person",
        "membership": "definitional",
        "name": words,
        "characteristic": characteristic,
    })
}

/// A citation with ` Grade: …` added, when there is a grade.
fn with_grade(src: String, grade: Option<Grade>) -> String {
    match grade {
        Some(g) => format!("{} Grade: {}.", src.trim_end_matches('.'), g.label()),
        None => src,
    }
}

/// An HL7 FHIR R5 `Bundle` (type `collection`): a `Medication` and a
/// `MedicationKnowledge` per medicine, an `ActivityDefinition` per other
/// treatment, a `ClinicalUseDefinition` per caution and per indication (one
/// per regulatory approval that names a population), and a `Group` per
/// population a use is limited to. Every entry has a deterministic
/// `urn:uuid:` `fullUrl`, references use it, and every resource carries a
/// narrative with its sources, review date and the disclaimer.
pub fn fhir_bundle(c: &Content) -> Value {
    let rel = Relations::of(c);
    let mut entries = Vec::new();
    let mut groups: Vec<(String, Value)> = Vec::new();
    let mut group = |id: String, region: Region, population: Option<&Population>| -> String {
        if !groups.iter().any(|(g, _)| *g == id) {
            let g = population_group(c, &id, region, population);
            groups.push((id.clone(), g));
        }
        full_url("Group", &id)
    };
    let category_name = |id: &str| {
        c.classes
            .get(id)
            .map_or_else(|| id.to_string(), |l| l.item.name.as_str().to_string())
    };
    let condition = &c.condition.item;
    for (id, l) in &c.treatments {
        let t = &l.item;
        let code = concept(&t.codes, t.name.as_str());
        // One indication per approval that names a population; otherwise one.
        let approvals: Vec<&Regulatory> = t
            .regulatory
            .iter()
            .filter(|r| r.population.is_some())
            .collect();
        let mut indication_ids: Vec<String> = Vec::new();
        // Treatment of the associated cancer is indicated for the cancer (which
        // has no code in our sources); everything else for LEMS itself.
        let cancer_care = t.kind == TreatmentKind::AssociatedDiseaseCare;
        let (condition_concept, condition_text) = if cancer_care {
            let name = condition.associated_cancer.name.as_str();
            (json!({ "text": name }), name)
        } else {
            (
                concept(&lems_codes(c), condition.name.as_str()),
                condition.name.as_str(),
            )
        };
        let mut indications: Vec<Value> = Vec::new();
        if approvals.is_empty() {
            let iid = format!("indication-{}", fhir_id(id));
            let mut lines = vec![format!("{}: used for {condition_text}.", t.name.as_str())];
            lines.extend(t.usage.iter().map(|u| u.as_str().to_string()));
            lines.push(cite(c, &t.sources));
            let mut indication = json!({"diseaseSymptomProcedure": {"concept": condition_concept}});
            if let Some(i) = &t.indication {
                lines.push(format!(
                    "{} {}",
                    i.note.as_str(),
                    cite(c, std::slice::from_ref(&i.source))
                ));
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
                            "treatment": {"concept": {"text": category_name(&x.0)}},
                        }))
                        .collect::<Vec<_>>());
                }
            }
            if cancer_care {
                lines.push(
                    condition
                        .associated_cancer
                        .treatment_note
                        .as_str()
                        .to_string(),
                );
            }
            indications.push(json!({
                "resourceType": "ClinicalUseDefinition",
                "id": iid,
                "text": narrative(c, &lines, t.reviewed.as_ref()),
                "type": "indication",
                "subject": [reference(subject(c, id))],
                "indication": indication,
            }));
            indication_ids.push(iid);
        } else {
            for (n, r) in approvals.iter().enumerate() {
                let iid = format!("indication-{}-{}", fhir_id(id), n + 1);
                let Some(p) = &r.population else { continue };
                let gid = format!(
                    "population-{}-{}",
                    r.region.yaml(),
                    fhir_id(&p.text.as_str().replace(' ', "_"))
                );
                let g = group(gid, r.region, Some(p));
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
                indications.push(json!({
                    "resourceType": "ClinicalUseDefinition",
                    "id": iid,
                    "text": narrative(c, &lines, t.reviewed.as_ref()),
                    "type": "indication",
                    "subject": [reference(subject(c, id))],
                    "indication": {"diseaseSymptomProcedure": {"concept": condition_concept}},
                    "population": [reference(g)],
                }));
                indication_ids.push(iid);
            }
        }
        let cautions = rel.treatment_cautions.get(id);
        let uses: Vec<Value> = cautions
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
        let mut about = vec![t.summary.as_str().to_string(), cite(c, &t.sources)];
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
        if t.kind == TreatmentKind::Medicine {
            entries.push(entry(json!({
                "resourceType": "Medication",
                "id": fhir_id(id),
                "text": narrative(c, &about, t.reviewed.as_ref()),
                "code": code,
            })));
            let mut names: Vec<&str> = vec![t.name.as_str()];
            names.extend(t.synonyms.iter().map(|s| s.as_str()));
            names.extend(t.brands.iter().map(|b| b.name.as_str()));
            let mut classification = vec![json!({"text": category_name(&t.category.0)})];
            for p in rel.class_ancestors.get(&t.category.0).into_iter().flatten() {
                classification.push(json!({"text": category_name(p)}));
            }
            let mut regions: Vec<Region> = t.regulatory.iter().map(|r| r.region).collect();
            regions.sort();
            regions.dedup();
            let mut regulatory_lines = about.clone();
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
                regulatory_lines.push(line);
            }
            let mut mk = json!({
                "resourceType": "MedicationKnowledge",
                "id": format!("{}-knowledge", fhir_id(id)),
                "text": narrative(c, &regulatory_lines, t.reviewed.as_ref()),
                "code": code,
                "status": "active",
                "name": names,
                "associatedMedication": [reference(full_url("Medication", &fhir_id(id)))],
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
                "text": narrative(c, &about, t.reviewed.as_ref()),
                "status": "active",
                "title": t.name.as_str(),
                "description": t.summary.as_str(),
                "relatedArtifact": related_artifacts(c, &t.sources),
                "kind": "ServiceRequest",
                "code": code,
            })));
        }
        entries.extend(indications.into_iter().map(entry));
    }
    for (id, l) in &c.cautions {
        let x = &l.item;
        let subjects: Vec<Value> = rel
            .caution_treatments
            .get(id)
            .into_iter()
            .flatten()
            .map(|t| reference(subject(c, t)))
            .collect();
        let src = with_grade(cite(c, &x.sources), x.grade);
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
            "text": narrative(c, &lines, x.reviewed.as_ref()),
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
            let g = group(format!("population-{}", region.yaml()), region, None);
            r["population"] = json!([reference(g)]);
        }
        entries.push(entry(r));
    }
    entries.extend(groups.into_iter().map(|(_, g)| entry(g)));
    json!({
        "resourceType": "Bundle",
        "id": "lems-treatments",
        "type": "collection",
        "entry": entries,
    })
}

/// Serializes JSON with `resourceType` first in every object (FHIR's JSON
/// convention), the other keys in their usual order.
struct ResourceTypeFirst<'a>(&'a Value);

impl Serialize for ResourceTypeFirst<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.0 {
            Value::Object(map) => {
                let mut m = serializer.serialize_map(Some(map.len()))?;
                if let Some(rt) = map.get("resourceType") {
                    m.serialize_entry("resourceType", rt)?;
                }
                for (k, v) in map.iter().filter(|(k, _)| *k != "resourceType") {
                    m.serialize_entry(k, &ResourceTypeFirst(v))?;
                }
                m.end()
            }
            Value::Array(items) => {
                let mut s = serializer.serialize_seq(Some(items.len()))?;
                for v in items {
                    s.serialize_element(&ResourceTypeFirst(v))?;
                }
                s.end()
            }
            other => other.serialize(serializer),
        }
    }
}

/// The FHIR export as pretty JSON with a final newline, `resourceType` first.
pub fn fhir(c: &Content) -> String {
    let mut s =
        serde_json::to_string_pretty(&ResourceTypeFirst(&fhir_bundle(c))).unwrap_or_default();
    s.push('\n');
    s
}

/// The Markdown guide: the same renderer the crate and the review snapshots use.
pub fn markdown(c: &Content) -> String {
    let rel = Relations::of(c);
    View::new(c, &rel).guide()
}
