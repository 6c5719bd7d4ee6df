//! The JSON export: all content in the content model's own shape (each
//! entity as its YAML file states it), with the content version, the
//! fingerprint and, on each treatment, every caution that applies to it with
//! its origin and its review status; the review status of every content
//! file; and its JSON Schema.

use std::borrow::Cow;

use lems_treatments_build::generate::fingerprint;
use lems_treatments_build::model::{
    CautionFile, ClassFile, ConditionFile, DisclaimerFile, Id, MechanismFile, SourceFile,
    TreatmentFile,
};
use lems_treatments_build::relations::{CautionOrigin, Relations};
use lems_treatments_build::Content;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Map, Value};

use super::review::{file_review, FileReview};

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
    /// Every treatment, by id, as its file states it, except that its
    /// `cautions` are every caution that applies to it, each with its origin.
    pub treatments: Vec<ExportedTreatment>,
    /// Every caution that applies to each treatment, inherited ones included,
    /// each marked with where it comes from (the same facts as each
    /// treatment's `cautions`, kept for consumers of earlier exports).
    pub applied_cautions: Vec<TreatmentCautions>,
    /// The review status of every content file a review covers (all but the
    /// sources), in path order: what `data/reviews.yaml` records of it as it is now.
    pub reviews: Vec<FileReview>,
}

/// The origin of a caution the treatment's own file lists.
pub const OWN: &str = "own";

/// A treatment in the export: its file's fields, with `cautions` listing
/// every caution that applies (its own and its classes'), each with its
/// origin. Read back, the file's own `cautions` are those of origin `own`, in
/// id order.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportedTreatment {
    /// The treatment as its file states it.
    pub file: TreatmentFile,
    /// Every caution that applies to it, in id order.
    pub cautions: Vec<TreatmentCaution>,
    /// What the review records say of its file as it is now.
    pub review: FileReview,
}

/// One caution that applies to a treatment, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TreatmentCaution {
    /// The caution's id (a caution in `cautions`).
    pub caution: Id,
    /// `own` when the treatment's file lists it; otherwise the id of the class that lists it (the treatment's class or one of its ancestors).
    pub origin: String,
}

impl Serialize for ExportedTreatment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            file: &'a TreatmentFile,
            cautions: &'a [TreatmentCaution],
            review: &'a FileReview,
        }
        // The file's own list is empty here, so that it is not written (its
        // `cautions` are skipped when empty): `cautions` below replaces it.
        let mut file = self.file.clone();
        file.cautions.clear();
        Out {
            file: &file,
            cautions: &self.cautions,
            review: &self.review,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for ExportedTreatment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut fields = Map::<String, Value>::deserialize(d)?;
        let cautions: Vec<TreatmentCaution> = match fields.remove("cautions") {
            Some(v) => serde_json::from_value(v).map_err(de::Error::custom)?,
            None => Vec::new(),
        };
        let review: FileReview = match fields.remove("review") {
            Some(v) => serde_json::from_value(v).map_err(de::Error::custom)?,
            None => return Err(de::Error::missing_field("review")),
        };
        let mut file: TreatmentFile =
            serde_json::from_value(Value::Object(fields)).map_err(de::Error::custom)?;
        file.cautions = cautions
            .iter()
            .filter(|c| c.origin == OWN)
            .map(|c| c.caution.clone())
            .collect();
        Ok(ExportedTreatment {
            file,
            cautions,
            review,
        })
    }
}

impl JsonSchema for ExportedTreatment {
    fn schema_name() -> Cow<'static, str> {
        "ExportedTreatment".into()
    }

    /// The treatment file's schema, with `cautions` replaced by the list of
    /// every caution that applies, and required.
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let mut s = TreatmentFile::json_schema(g);
        let item = g.subschema_for::<TreatmentCaution>().to_value();
        let cautions = json!({
            "description": "Every caution that applies to this treatment, its own and those of its class and the class's ancestors, each with its origin. Empty: the sources used name none, which does not mean it is free of risks.",
            "type": "array",
            "items": item,
        });
        let mut review = g.subschema_for::<FileReview>().to_value();
        if let Some(o) = review.as_object_mut() {
            o.insert(
                "description".into(),
                "What the review records say of this treatment's file as it is now.".into(),
            );
        }
        if let Some(p) = s.get_mut("properties").and_then(Value::as_object_mut) {
            p.insert("cautions".into(), cautions);
            p.insert("review".into(), review);
        }
        if let Some(r) = s.get_mut("required").and_then(Value::as_array_mut) {
            r.push("cautions".into());
            r.push("review".into());
        }
        s.remove("title");
        s.insert(
            "description".into(),
            "A treatment as its file states it, except that `cautions` lists every caution that applies to it, each with its origin, and `review` says what the review records say of its file.".into(),
        );
        s
    }
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
/// states it (except each treatment's `cautions`, which lists every caution
/// that applies, with its origin), with the content version
/// (the root `Cargo.toml`'s `version`) and fingerprint.
pub fn document(c: &Content, content_version: &str) -> ExportDocument {
    let rel = Relations::of(c);
    ExportDocument {
        content_version: content_version.to_string(),
        content_fingerprint: format!("{:016x}", fingerprint(c)),
        disclaimer: c.disclaimer.item.clone(),
        condition: c.condition.item.clone(),
        sources: c.sources.values().map(|l| l.item.clone()).collect(),
        classes: c.classes.values().map(|l| l.item.clone()).collect(),
        mechanisms: c.mechanisms.values().map(|l| l.item.clone()).collect(),
        cautions: c.cautions.values().map(|l| l.item.clone()).collect(),
        treatments: treatments(c, &rel),
        applied_cautions: applied_cautions(c, &rel),
        reviews: c
            .reviews
            .current
            .keys()
            .map(|f| file_review(&c.reviews, f))
            .collect(),
    }
}

/// Every treatment with every caution that applies to it (from [`Relations`]).
fn treatments(c: &Content, rel: &Relations) -> Vec<ExportedTreatment> {
    c.treatments
        .iter()
        .map(|(id, l)| ExportedTreatment {
            file: l.item.clone(),
            cautions: rel
                .treatment_cautions
                .get(id)
                .into_iter()
                .flatten()
                .map(|(caution, origin)| TreatmentCaution {
                    caution: Id(caution.clone()),
                    origin: match origin {
                        CautionOrigin::Treatment => OWN.to_string(),
                        CautionOrigin::Class(class) => class.clone(),
                    },
                })
                .collect(),
            review: file_review(&c.reviews, &l.file),
        })
        .collect()
}

/// Every caution that applies to each treatment, with its origin (from
/// [`Relations`]).
fn applied_cautions(c: &Content, rel: &Relations) -> Vec<TreatmentCautions> {
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
