//! The JSON export: all content in the content model's own shape (each
//! entity as its YAML file states it), with the content version, the
//! fingerprint and the cautions each treatment inherits; and its JSON Schema.

use lems_treatments_build::generate::fingerprint;
use lems_treatments_build::model::{
    CautionFile, ClassFile, ConditionFile, DisclaimerFile, Id, MechanismFile, SourceFile,
    TreatmentFile,
};
use lems_treatments_build::relations::{CautionOrigin, Relations};
use lems_treatments_build::Content;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
    // The field keeps the name of the YAML folder, `categories`.
    #[serde(rename = "categories")]
    pub classes: Vec<ClassFile>,
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
        classes: c.classes.values().map(|l| l.item.clone()).collect(),
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
                        CautionOrigin::Class(class) => ("class", Some(Id(class.clone()))),
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
pub fn text(c: &Content, content_version: &str) -> Option<String> {
    let mut s = serde_json::to_string_pretty(&document(c, content_version)).ok()?;
    s.push('\n');
    Some(s)
}

/// The JSON Schema of the JSON export (committed as `schema/export.schema.json`).
pub fn schema_text() -> String {
    let schema = schemars::schema_for!(ExportDocument);
    let mut s = serde_json::to_string_pretty(&schema.to_value()).unwrap_or_default();
    s.push('\n');
    s
}
