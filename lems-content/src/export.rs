//! Exports of the compiled content (the public API of `lems-treatments`, not
//! the YAML): JSON in the content model's own shape, an HL7 FHIR R5 Bundle,
//! and the Markdown guide. Every output is deterministic: same bytes every run.

use lems_treatments::{
    Category, Caution, CautionKind, Code, CodeSystem, Mechanism, Region, Source, Treatment,
    TreatmentKind, CONDITION, DISCLAIMER,
};
use lems_treatments_build::model as m;
use lems_treatments_build::model::{
    AssociatedCancer, Brand, CategoryFile, CautionFile, CodeEntry, ConditionFile, Date,
    DisclaimerFile, Id, MechanismFile, PartialDate, Regulatory, SourceFile, Text, TreatmentFile,
};
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

fn id(s: &str) -> Id {
    Id(s.to_string())
}

fn text(s: &str) -> Text {
    Text(s.to_string())
}

fn ids<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> Vec<Id> {
    items.into_iter().map(|x| id(x.as_ref())).collect()
}

/// Maps a value of a runtime enum to the model's enum through its id.
fn closed<T: m::ClosedSet>(yaml_id: &str) -> Option<T> {
    T::ALL.iter().copied().find(|x| x.yaml() == yaml_id)
}

fn code_entry(c: &Code) -> Option<CodeEntry> {
    Some(CodeEntry {
        system: closed(c.system.id())?,
        code: text(c.code),
        label: c.label.map(text),
        source: id(c.source.id()),
        grade: closed(c.grade.id())?,
    })
}

/// The cautions a class lists itself (its parents' are inherited, not listed).
fn own_category_cautions(c: Category) -> Vec<Caution> {
    let inherited = c.parent().map_or(&[][..], |p| p.cautions());
    c.cautions()
        .iter()
        .copied()
        .filter(|x| !inherited.contains(x))
        .collect()
}

/// Builds the export from the compiled API. `None` only if the runtime and
/// model enums disagree, which the round-trip test rules out.
pub fn document() -> Option<ExportDocument> {
    let condition = ConditionFile {
        name: text(CONDITION.name),
        abbreviation: text(CONDITION.abbreviation),
        summary: text(CONDITION.summary),
        normal_signal: text(CONDITION.normal_signal),
        what_goes_wrong: text(CONDITION.what_goes_wrong),
        curable: CONDITION.curable,
        treatment_goal: text(CONDITION.treatment_goal),
        associated_cancer: AssociatedCancer {
            name: text(CONDITION.associated_cancer.name),
            share_of_patients: text(CONDITION.associated_cancer.share_of_patients),
            treatment_note: text(CONDITION.associated_cancer.treatment_note),
        },
        codes: CONDITION
            .codes
            .iter()
            .map(code_entry)
            .collect::<Option<_>>()?,
        sources: ids(CONDITION.sources),
    };
    let sources = Source::ALL
        .iter()
        .map(|s| {
            Some(SourceFile {
                id: id(s.id()),
                title: text(s.name()),
                publisher: s.publisher().map(text),
                kind: closed(s.kind().id())?,
                last_updated: s.last_updated().map(|d| Date(d.to_string())),
                note: s.note().map(text),
            })
        })
        .collect::<Option<_>>()?;
    let categories = Category::ALL
        .iter()
        .map(|c| CategoryFile {
            id: id(c.id()),
            name: text(c.name()),
            parent: c.parent().map(|p| id(p.id())),
            order: c.order(),
            description: text(c.description()),
            cautions: ids(own_category_cautions(*c)),
            sources: ids(c.sources()),
        })
        .collect();
    let mechanisms = Mechanism::ALL
        .iter()
        .map(|x| {
            Some(MechanismFile {
                id: id(x.id()),
                name: text(x.name()),
                target: closed(x.target().id())?,
                explanation: text(x.explanation()),
                sources: ids(x.sources()),
            })
        })
        .collect::<Option<_>>()?;
    let cautions = Caution::ALL
        .iter()
        .map(|x| {
            Some(CautionFile {
                id: id(x.id()),
                title: text(x.name()),
                kind: closed(x.kind().id())?,
                explanation: text(x.explanation()),
                for_the_patient: text(x.for_the_patient()),
                region: match x.region() {
                    Some(r) => Some(closed(r.id())?),
                    None => None,
                },
                sources: ids(x.sources()),
            })
        })
        .collect::<Option<_>>()?;
    let treatments = Treatment::ALL
        .iter()
        .map(|t| {
            let inherited = t.category().cautions();
            Some(TreatmentFile {
                id: id(t.id()),
                name: text(t.name()),
                synonyms: t.synonyms().iter().map(|s| text(s)).collect(),
                brands: t
                    .brands()
                    .iter()
                    .map(|b| {
                        Some(Brand {
                            name: text(b.name),
                            regions: b
                                .regions
                                .iter()
                                .map(|r| closed(r.id()))
                                .collect::<Option<_>>()?,
                        })
                    })
                    .collect::<Option<_>>()?,
                kind: closed(t.kind().id())?,
                category: id(t.category().id()),
                mechanisms: ids(t.mechanisms()),
                summary: text(t.summary()),
                usage: t.usage().iter().map(|u| text(u)).collect(),
                regulatory: t
                    .regulatory()
                    .iter()
                    .map(|r| {
                        Some(Regulatory {
                            region: closed(r.region.id())?,
                            status: closed(r.status.id())?,
                            scope: text(r.scope),
                            authority: r.authority.map(text),
                            date: r.date.map(|d| PartialDate(d.to_string())),
                            note: r.note.map(text),
                            source: id(r.source.id()),
                            grade: match r.grade {
                                Some(g) => Some(closed(g.id())?),
                                None => None,
                            },
                        })
                    })
                    .collect::<Option<_>>()?,
                cautions: ids(t.cautions().iter().filter(|c| !inherited.contains(c))),
                codes: t.codes().iter().map(code_entry).collect::<Option<_>>()?,
                used_with: ids(t.used_with()),
                sources: ids(t.sources()),
            })
        })
        .collect::<Option<_>>()?;
    Some(ExportDocument {
        content_version: lems_treatments::CONTENT_VERSION.to_string(),
        content_fingerprint: format!("{:016x}", lems_treatments::CONTENT_FINGERPRINT),
        disclaimer: DisclaimerFile {
            text: text(DISCLAIMER),
        },
        condition,
        sources,
        categories,
        mechanisms,
        cautions,
        treatments,
    })
}

/// The JSON export, pretty-printed with a final newline.
pub fn json() -> Option<String> {
    let mut s = serde_json::to_string_pretty(&document()?).ok()?;
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

fn codings(codes: &[Code]) -> Vec<Value> {
    codes
        .iter()
        .filter_map(|c| {
            let system = c.system.fhir_system()?;
            let mut coding = json!({"system": system, "code": c.code});
            if let Some(l) = c.label {
                coding["display"] = json!(l);
            }
            Some(coding)
        })
        .collect()
}

fn concept(codes: &[Code], text: &str) -> Value {
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
            json!({"coding": [{"system": ISO_3166, "code": "US", "display": r.name()}]})
        }
        _ => json!({"text": r.name()}),
    }
}

/// The condition's codes that mean LEMS as such. ICD-10 G73.1 ("in neoplastic
/// disease") and the ICD-10-CM codes name narrower or classification-specific
/// groupings, so they stay out of the indication concept.
fn lems_codes() -> Vec<Code> {
    CONDITION
        .codes
        .iter()
        .filter(|c| {
            matches!(
                c.system,
                CodeSystem::Orphanet | CodeSystem::Icd11 | CodeSystem::Mesh
            )
        })
        .copied()
        .collect()
}

/// The FHIR resource that stands for a treatment as a `subject`.
fn subject(t: Treatment) -> String {
    if t.kind() == TreatmentKind::Medicine {
        format!("Medication/{}", fhir_id(t.id()))
    } else {
        format!("ActivityDefinition/{}", fhir_id(t.id()))
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
pub fn fhir_bundle() -> Value {
    let mut entries = Vec::new();
    for t in Treatment::ALL {
        let code = concept(t.codes(), t.name());
        let uses: Vec<Value> = Caution::ALL
            .iter()
            .filter(|c| c.treatments().contains(t))
            .map(|c| json!({"reference": format!("ClinicalUseDefinition/caution-{}", fhir_id(c.id()))}))
            .chain(std::iter::once(json!({"reference": format!("ClinicalUseDefinition/indication-{}", fhir_id(t.id()))})))
            .collect();
        if t.kind() == TreatmentKind::Medicine {
            entries.push(entry(json!({
                "resourceType": "Medication",
                "id": fhir_id(t.id()),
                "code": code,
            })));
            let mut names: Vec<&str> = vec![t.name()];
            names.extend(t.synonyms());
            names.extend(t.brand_names());
            let mut classification = vec![json!({"text": t.category().name()})];
            let mut parent = t.category().parent();
            while let Some(p) = parent {
                classification.push(json!({"text": p.name()}));
                parent = p.parent();
            }
            let mut regions: Vec<Region> = t.regulatory().iter().map(|r| r.region).collect();
            regions.sort();
            regions.dedup();
            let mut mk = json!({
                "resourceType": "MedicationKnowledge",
                "id": format!("{}-knowledge", fhir_id(t.id())),
                "status": "active",
                "code": code,
                "name": names,
                "associatedMedication": [{"reference": format!("Medication/{}", fhir_id(t.id()))}],
                "medicineClassification": [{"type": {"text": "treatment class"}, "classification": classification}],
                "clinicalUseIssue": uses,
            });
            if !regions.is_empty() {
                mk["intendedJurisdiction"] =
                    json!(regions.iter().map(|r| jurisdiction(*r)).collect::<Vec<_>>());
            }
            let authorities: Vec<Value> = t
                .regulatory()
                .iter()
                .filter_map(|r| r.authority)
                .fold(Vec::new(), |mut acc: Vec<&str>, a| {
                    if !acc.contains(&a) {
                        acc.push(a);
                    }
                    acc
                })
                .into_iter()
                .map(|a| json!({"regulatoryAuthority": {"display": a}}))
                .collect();
            if !authorities.is_empty() {
                mk["regulatory"] = json!(authorities);
            }
            entries.push(entry(mk));
        } else {
            entries.push(entry(json!({
                "resourceType": "ActivityDefinition",
                "id": fhir_id(t.id()),
                "status": "active",
                "title": t.name(),
                "description": t.summary(),
                "kind": "ServiceRequest",
                "code": code,
            })));
        }
        // Treatment of the associated cancer is indicated for the cancer (which
        // has no code in our sources); everything else for LEMS itself.
        let indication = if t.kind() == TreatmentKind::AssociatedDiseaseCare {
            json!({"text": CONDITION.associated_cancer.name})
        } else {
            concept(&lems_codes(), CONDITION.name)
        };
        entries.push(entry(json!({
            "resourceType": "ClinicalUseDefinition",
            "id": format!("indication-{}", fhir_id(t.id())),
            "type": "indication",
            "subject": [{"reference": subject(*t)}],
            "indication": {
                "diseaseSymptomProcedure": {"concept": indication}
            },
        })));
    }
    for c in Caution::ALL {
        let subjects: Vec<Value> = c
            .treatments()
            .iter()
            .map(|t| json!({"reference": subject(*t)}))
            .collect();
        let mut r = json!({
            "resourceType": "ClinicalUseDefinition",
            "id": format!("caution-{}", fhir_id(c.id())),
            "subject": subjects,
        });
        match c.kind() {
            CautionKind::Contraindication => {
                r["type"] = json!("contraindication");
                r["contraindication"] =
                    json!({"diseaseSymptomProcedure": {"concept": {"text": c.name()}}});
            }
            CautionKind::UndesirableEffect => {
                r["type"] = json!("undesirable-effect");
                r["undesirableEffect"] =
                    json!({"symptomConditionEffect": {"concept": {"text": c.name()}}});
            }
            _ => {
                r["type"] = json!("warning");
                r["warning"] =
                    json!({"description": format!("{} {}", c.explanation(), c.for_the_patient())});
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
pub fn fhir() -> String {
    let mut s = serde_json::to_string_pretty(&fhir_bundle()).unwrap_or_default();
    s.push('\n');
    s
}

/// The Markdown guide: the same rendering the review snapshots use.
pub fn markdown() -> String {
    lems_treatments::guide().to_string()
}
