//! The shape of each content file (`TreatmentFile`, `ClassFile`, ...) and
//! of the records they hold (brands, regulatory facts, indications,
//! cautions not applied). Every field's doc comment is the `description` an
//! editor sees on hover.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    CautionKind, Citation, CodeEntry, Date, Grade, Id, PartialDate, Region, RegulatoryStatus,
    SourceKind, Target, Text, TreatmentKind, WebAddress,
};

/// A brand name a treatment is sold under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(extend("defaultSnippets" = [{"label": "brand", "body": {"name": "$1", "regions": []}}])))]
pub struct Brand {
    /// The brand name exactly as it is printed, for example `Firdapse`.
    pub name: Text,
    /// The regions where the source says this brand is approved or available (`us`, `eu`). Leave empty when the source names none.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub regions: Vec<Region>,
}

/// A regulatory fact about a treatment in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Regulatory {
    /// The region the fact is about: `us` or `eu`.
    pub region: Region,
    /// `approved` (a regulator approved it for the use below) or `available` (the source only says it can be had there).
    pub status: RegulatoryStatus,
    /// What it is approved or available for, in plain words, for example `relief of LEMS symptoms`.
    pub scope: Text,
    /// The regulator that approved it, when the source names one, for example `U.S. Food and Drug Administration (FDA)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Text>,
    /// When it happened, as precisely as the source says: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Who the fact is about, when the source narrows it (for example adults, or children aged 6 and older).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
    /// Anything else the source states about this fact, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The id of the source this fact comes from (a file in `data/sources/`).
    pub source: Id,
    /// Where in that source it comes from: one entry of the source's `outline:` (the article's section heading, a label's section number). Leave out when the source declares no outline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Text>,
    /// `primary` or `secondary`, when the fact comes from the graded reference table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
}

/// Who a regulatory fact is about, as the source narrows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// The group in plain words, as the source names it, for example `adults` or `children aged 6 and older`.
    pub text: Text,
    /// The lowest age in years, only when the source states a number. Leave out for `adults`: the source gives no age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age_years: Option<u32>,
}

/// Qualifiers the sources put on a treatment's use for LEMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indication {
    /// The ids of classes (files in `data/categories/`) it is used after, for patients who do not respond to them. Leave empty when the source names none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub after_other: Vec<Id>,
    /// When it is used, in plain words, as the source says (for example for patients who do not respond to other treatments). Shown under "When it is used". Leave out when the source says nothing about when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// How well it works for LEMS, in plain words, as the source says (for example that it usually helps only a little). Shown under "How well it works". Leave out when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effectiveness: Option<Text>,
    /// Why it is used less often than other treatments, in plain words, as the source says. Shown under "Why it is used less often". Leave out when the source does not say it is used less.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_less_because: Option<Text>,
    /// The id of the source the qualifiers come from (a file in `data/sources/`).
    pub source: Id,
    /// Where in that source it comes from: one entry of the source's `outline:` (the article's section heading, a label's section number). Leave out when the source declares no outline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Text>,
}

/// A caution the editors decided not to apply to a treatment, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CautionNotApplied {
    /// The id of the caution (a file in `data/cautions/`).
    pub caution: Id,
    /// Why it is not applied, in plain words: what the source says and does not say.
    pub reason: Text,
    /// The id of the source the decision rests on (a file in `data/sources/`).
    pub source: Id,
    /// Where in that source it comes from: one entry of the source's `outline:` (the article's section heading, a label's section number). Leave out when the source declares no outline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Text>,
}

/// One treatment of LEMS: the file `data/treatments/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "LEMS treatment"))]
pub struct TreatmentFile {
    /// The treatment's id: lowercase words joined by `_`, the same as the file name without `.yaml`. Code uses it; changing it breaks users.
    pub id: Id,
    /// The name a reader sees, for example `Pyridostigmine`.
    pub name: Text,
    /// Other names the source uses for it, for example `IVIG`. Lookups accept these, ignoring case.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub synonyms: Vec<Text>,
    /// Brand names it is sold under, with the regions the source names. Lookups accept these, ignoring case.
    #[serde(default)]
    pub brands: Vec<Brand>,
    /// What kind of treatment it is: `medicine`, `procedure`, `therapy` or `associated_disease_care`.
    pub kind: TreatmentKind,
    /// The id of its class (a file in `data/categories/`), the most specific one that fits.
    pub category: Id,
    /// The ids of how it works (files in `data/mechanisms/`). May be empty when the source does not say.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub mechanisms: Vec<Id>,
    /// What it does, in one or two plain sentences.
    pub summary: Text,
    /// How and when it is used, one statement per item (how well it works, for whom, with what).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub usage: Vec<Text>,
    /// Regulatory facts the sources state, one per region and status.
    #[serde(default)]
    pub regulatory: Vec<Regulatory>,
    /// The ids of cautions that apply to this treatment alone (files in `data/cautions/`). Cautions of its class are added automatically: do not repeat them here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub cautions: Vec<Id>,
    /// Standard codes for it (ATC, UNII, RxNorm, DrugBank, SNOMED CT), each with its source and grade. Only codes a source states.
    #[serde(default)]
    pub codes: Vec<CodeEntry>,
    /// The ids of treatments the source says it is sometimes combined with. State it on both treatments.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub used_with: Vec<Id>,
    /// Qualifiers the sources put on its use for LEMS: when it is used (after which other treatments), how well it works, and why it is used less often. Exports carry them with the indication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indication: Option<Indication>,
    /// Cautions the editors decided not to apply to it although a reader might expect them (for example a class-wide warning the source words for a neighbouring class), each with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cautions_not_applied: Vec<CautionNotApplied>,
    /// The sources its statements come from (files in `data/sources/`), at least one: an id, or `{source: id, at: place}` to say where in the source (a heading or section number from its `outline:`).
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Citation>,
}

/// A class of treatments: the file `data/categories/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "schema",
    schemars(title = "LEMS treatment class", rename = "CategoryFile")
)]
pub struct ClassFile {
    /// The class's id: lowercase words joined by `_`, the same as the file name without `.yaml`.
    pub id: Id,
    /// The name a reader sees, for example `Cholinesterase inhibitors`.
    pub name: Text,
    /// The id of the broader class this one belongs to, if any (for example `immune_therapy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Where the class appears in guides: lower numbers first.
    pub order: u32,
    /// What the treatments of this class have in common, in plain words.
    pub description: Text,
    /// The ids of cautions that the source states for every treatment of this class (and of its sub-classes). Written once here, they apply to every member.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub cautions: Vec<Id>,
    /// The sources its statements come from (files in `data/sources/`), at least one: an id, or `{source: id, at: place}` to say where in the source (a heading or section number from its `outline:`).
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Citation>,
}

/// How a treatment works: the file `data/mechanisms/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "LEMS treatment mechanism"))]
pub struct MechanismFile {
    /// The mechanism's id: lowercase words joined by `_`, the same as the file name without `.yaml`.
    pub id: Id,
    /// The name a reader sees, for example `Cholinesterase inhibition`.
    pub name: Text,
    /// Which part of the disease story it acts on: `nerve_signal`, `immune_attack` or `daily_function`.
    pub target: Target,
    /// How it works, in plain words, tied to the nerve-to-muscle story (acetylcholine, cholinesterase, nerve endings).
    pub explanation: Text,
    /// The sources its statements come from (files in `data/sources/`), at least one: an id, or `{source: id, at: place}` to say where in the source (a heading or section number from its `outline:`).
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Citation>,
}

/// A caution: the file `data/cautions/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "LEMS treatment caution"))]
pub struct CautionFile {
    /// The caution's id: lowercase words joined by `_`, the same as the file name without `.yaml`.
    pub id: Id,
    /// A short title a reader sees, for example `Higher risk of infection`.
    pub title: Text,
    /// `warning`, `contraindication` or `undesirable_effect`.
    pub kind: CautionKind,
    /// What the risk is and why, in plain words.
    pub explanation: Text,
    /// What follows for the patient, for example the monitoring that is needed.
    pub for_the_patient: Text,
    /// The region whose regulator states this caution (for example `us` for a US prescribing information). Leave out when the source is not regional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// `primary` or `secondary`, when the caution comes from the graded reference table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// The sources its statements come from (files in `data/sources/`), at least one: an id, or `{source: id, at: place}` to say where in the source (a heading or section number from its `outline:`).
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Citation>,
}

/// A source that content cites: the file `data/sources/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "LEMS content source"))]
pub struct SourceFile {
    /// The source's id: lowercase words joined by `_`, the same as the file name without `.yaml`.
    pub id: Id,
    /// The title of the document.
    pub title: Text,
    /// Who published it, when the source names a publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    /// `article` or `reference`.
    pub kind: SourceKind,
    /// The date the document was last updated, `YYYY-MM-DD`, when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<Date>,
    /// How it was read, when that matters (for example `read from a crawl of the index`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Its web address (`https://…`), copied from the source itself; never guess one. Pages link to it, and a printed page shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<WebAddress>,
    /// When it was read, `YYYY-MM-DD`, where the reference table gives the date (for example the date of a crawl). Leave out when it gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<Date>,
    /// The places a citation may name with `at:`, in the source's order: the article's section headings, a label's section numbers, a code table's codes. Only headings or numbers, never the source's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub outline: Vec<Text>,
}

/// The cancer that LEMS is associated with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssociatedCancer {
    /// The cancer's name, for example `small-cell lung cancer`.
    pub name: Text,
    /// How many patients with LEMS have it, as the source puts it, for example `roughly half`.
    pub share_of_patients: Text,
    /// What it means for treatment, in plain words.
    pub treatment_note: Text,
}

/// The condition itself: the file `data/condition.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "The condition (LEMS)"))]
pub struct ConditionFile {
    /// The condition's full name.
    pub name: Text,
    /// Its usual abbreviation.
    pub abbreviation: Text,
    /// What the condition is, in plain words.
    pub summary: Text,
    /// How a nerve signal normally makes a muscle move: acetylcholine and cholinesterase.
    pub normal_signal: Text,
    /// What goes wrong in this condition.
    pub what_goes_wrong: Text,
    /// Whether the sources say a cure exists. `false` means there is no cure.
    pub curable: bool,
    /// What treatment aims at, given the answer above.
    pub treatment_goal: Text,
    /// The cancer associated with the condition.
    pub associated_cancer: AssociatedCancer,
    /// Standard codes for the condition (Orphanet, ICD-11, ICD-10, ICD-10-CM, MeSH), each with its source and grade.
    #[serde(default)]
    pub codes: Vec<CodeEntry>,
    /// The sources its statements come from (files in `data/sources/`), at least one: an id, or `{source: id, at: place}` to say where in the source (a heading or section number from its `outline:`).
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Citation>,
}

/// The disclaimer shown with the content: the file `data/disclaimer.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "Disclaimer"))]
pub struct DisclaimerFile {
    /// The disclaimer, in our own words: the content is information, not medical advice.
    pub text: Text,
}

/// One term of the glossary: a word patients meet in the texts and must
/// learn, with what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    /// The term as it is written in the texts, for example `acetylcholine`. The reading-level check counts it (and its plural) as one short word.
    pub term: Text,
    /// What it means, in plain words, from the sources. Cards and the guide show it where the term first appears.
    pub explanation: Text,
    /// The ids of the sources the explanation comes from (files in `data/sources/`). At least one.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Id>,
}

/// The glossary: the file `data/glossary.yaml` (optional). A short list of
/// the medical terms patients must learn, each explained in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "Glossary"))]
pub struct GlossaryFile {
    /// The terms, each with its plain explanation and sources.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub terms: Vec<GlossaryTerm>,
}
