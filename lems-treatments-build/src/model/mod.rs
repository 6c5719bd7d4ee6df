//! The content model: one set of Rust types that serde reads the YAML into,
//! schemars writes the JSON Schema from, and the generator turns into code.
//!
//! Every doc comment on a field becomes the `description` an editor sees on
//! hover, so write them for medical writers, not for Rust programmers.

#[cfg(feature = "schema")]
use std::borrow::Cow;

#[cfg(feature = "schema")]
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// The pattern every id must match: lowercase words joined by single
/// underscores (`snake_case`). Accepted by Rust's and JavaScript's regex engines.
pub const ID_PATTERN: &str = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$";

/// The pattern of a calendar date, `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// Why `s` is not a valid id, if it is not. The same rule as [`ID_PATTERN`],
/// checked without a regex engine so that builds that skip the schema pass
/// still refuse bad ids.
pub fn id_problem(s: &str) -> Option<&'static str> {
    let starts_ok = s.starts_with(|c: char| c.is_ascii_lowercase());
    let chars_ok = s
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let underscores_ok = !s.ends_with('_') && !s.contains("__");
    if starts_ok && chars_ok && underscores_ok && s.len() <= 64 {
        None
    } else {
        Some("is not a valid id: use lowercase words joined by single underscores")
    }
}

/// Why `s` is not usable text, if it is not.
pub fn text_problem(s: &str) -> Option<&'static str> {
    if s.trim().is_empty() {
        Some("is blank: write the text")
    } else {
        None
    }
}

/// Whether year, month and day name a real calendar day.
pub fn real_day(y: u32, m: u32, d: u32) -> bool {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    d >= 1 && d <= days
}

/// Why `s` is not a `YYYY-MM-DD` date, if it is not.
pub fn date_problem(s: &str) -> Option<&'static str> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if shape {
        None
    } else {
        Some("is not a date written YYYY-MM-DD")
    }
}

/// An identifier: lowercase `snake_case`, for example `pyridostigmine`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match id_problem(&s) {
            None => Ok(Id(s)),
            Some(why) => Err(serde::de::Error::custom(format!("`{s}` {why}"))),
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Id {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": ID_PATTERN,
            "minLength": 1,
            "maxLength": 64,
        })
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text a reader sees: at least one visible character.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match text_problem(&s) {
            None => Ok(Text(s)),
            Some(why) => Err(serde::de::Error::custom(format!("`{s}` {why}"))),
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "pattern": "\\S",
        })
    }
}

impl Text {
    /// The text itself.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Date(pub String);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match date_problem(&s) {
            None => Ok(Date(s)),
            Some(why) => Err(serde::de::Error::custom(format!("`{s}` {why}"))),
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DATE_PATTERN,
        })
    }
}

/// A date as precise as the source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PartialDate(pub String);

/// The pattern of a [`PartialDate`].
pub const PARTIAL_DATE_PATTERN: &str = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let full = match s.len() {
            4 => format!("{s}-01-01"),
            7 => format!("{s}-01"),
            _ => s.clone(),
        };
        let parts: Vec<u32> = full.split('-').filter_map(|p| p.parse().ok()).collect();
        let ok = date_problem(&full).is_none()
            && matches!(parts.as_slice(), [y, m, d] if real_day(*y, *m, *d));
        if ok {
            Ok(PartialDate(s))
        } else {
            Err(serde::de::Error::custom(format!(
                "`{s}` is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
            )))
        }
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for PartialDate {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
        })
    }
}

/// Metadata the generator needs about a closed set of values (an enum in the
/// YAML). The same list drives serde, the schema and the generated Rust enum.
pub trait ClosedSet: Sized + Copy + 'static {
    /// The Rust name of the generated enum.
    const RUST_NAME: &'static str;
    /// The doc comment of the generated enum.
    const DOC: &'static str;
    /// Every value, in order.
    const ALL: &'static [Self];
    /// The value as written in YAML.
    fn yaml(self) -> &'static str;
    /// The Rust variant name.
    fn variant(self) -> &'static str;
    /// What the value means, for people.
    fn doc(self) -> &'static str;
    /// A short label a reader sees.
    fn label(self) -> &'static str;
}

macro_rules! closed_set {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $yaml:literal, $label:literal; )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(JsonSchema))]
        pub enum $name {
            $(
                $(#[doc = $vdoc])*
                #[serde(rename = $yaml)]
                $variant,
            )+
        }

        impl ClosedSet for $name {
            const RUST_NAME: &'static str = stringify!($name);
            const DOC: &'static str = concat!($($doc, "\n"),*);
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn yaml(self) -> &'static str {
                match self { $(Self::$variant => $yaml),+ }
            }
            fn variant(self) -> &'static str {
                match self { $(Self::$variant => stringify!($variant)),+ }
            }
            fn doc(self) -> &'static str {
                match self { $(Self::$variant => concat!($($vdoc, "\n"),*)),+ }
            }
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }
    };
}

closed_set! {
    /// A region whose regulators or markets the content names.
    Region {
        /// The United States (regulator: the U.S. Food and Drug Administration, FDA).
        UnitedStates = "us", "United States";
        /// The European Union.
        EuropeanUnion = "eu", "European Union";
    }
}

closed_set! {
    /// The regulatory or market status of a treatment in a region.
    RegulatoryStatus {
        /// Approved by the region's regulator for the stated use.
        Approved = "approved", "approved";
        /// Available in the region (the source does not say more).
        Available = "available", "available";
    }
}

closed_set! {
    /// What kind of thing a treatment is.
    TreatmentKind {
        /// A medicine a patient takes or is given.
        Medicine = "medicine", "medicine";
        /// A procedure done to the patient, such as filtering the blood.
        Procedure = "procedure", "procedure";
        /// A therapy delivered by a therapist, such as physical therapy.
        Therapy = "therapy", "therapy";
        /// Care aimed at a disease associated with LEMS, such as a cancer.
        AssociatedDiseaseCare = "associated_disease_care", "care of an associated disease";
    }
}

closed_set! {
    /// What kind of caution a caution is.
    CautionKind {
        /// A risk to watch for while using the treatment.
        Warning = "warning", "warning";
        /// A reason not to use the treatment at all.
        Contraindication = "contraindication", "contraindication";
        /// An unwanted effect the treatment can have.
        UndesirableEffect = "undesirable_effect", "undesirable effect";
    }
}

closed_set! {
    /// Which part of the disease story a mechanism acts on.
    Target {
        /// The signal from nerve to muscle: more acetylcholine, or acetylcholine that lasts longer.
        NerveSignal = "nerve_signal", "the signal from nerve to muscle";
        /// The immune system's attack on the nerve endings.
        ImmuneAttack = "immune_attack", "the immune attack on the nerve endings";
        /// The patient's everyday function: strength, mobility, speech, daily tasks.
        DailyFunction = "daily_function", "everyday function";
    }
}

closed_set! {
    /// What kind of document a source is.
    SourceKind {
        /// An article written for patients and the public.
        Article = "article", "article";
        /// A reference list or database of checked facts.
        Reference = "reference", "reference";
    }
}

closed_set! {
    /// A standard terminology that codes a treatment or the condition.
    CodeSystem {
        /// WHO Anatomical Therapeutic Chemical classification.
        Atc = "atc", "WHO ATC";
        /// FDA Unique Ingredient Identifier.
        Unii = "unii", "FDA UNII";
        /// RxNorm (US National Library of Medicine), ingredient level.
        RxNorm = "rxnorm", "RxNorm";
        /// DrugBank accession number.
        DrugBank = "drugbank", "DrugBank";
        /// SNOMED CT concept id.
        SnomedCt = "snomed_ct", "SNOMED CT";
        /// Orphanet rare disease number (`ORPHA:`).
        Orphanet = "orphanet", "Orphanet";
        /// WHO ICD-11 (Mortality and Morbidity Statistics).
        Icd11 = "icd11", "ICD-11";
        /// WHO ICD-10.
        Icd10 = "icd10", "ICD-10 (WHO)";
        /// ICD-10-CM (United States).
        Icd10Cm = "icd10_cm", "ICD-10-CM (US)";
        /// Medical Subject Headings descriptor.
        Mesh = "mesh", "MeSH";
    }
}

closed_set! {
    /// How directly a fact was read from its issuer.
    Grade {
        /// Read from the issuing body's own list or document (or a faithful crawl of it).
        Primary = "primary", "primary";
        /// Read from a reputable copy or database that cites the issuer.
        Secondary = "secondary", "secondary";
    }
}

impl CodeSystem {
    /// The shape of a code in this system: a regex accepted by Rust's and
    /// JavaScript's engines (the schema uses it), and an example.
    pub fn pattern(self) -> (&'static str, &'static str) {
        match self {
            CodeSystem::Atc => ("^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$", "N07XX05"),
            CodeSystem::Unii => ("^[0-9A-Z]{10}$", "RU4S6E2G0J"),
            CodeSystem::RxNorm => ("^[1-9][0-9]{0,8}$", "8640"),
            CodeSystem::DrugBank => ("^DB[0-9]{5}$", "DB00545"),
            CodeSystem::SnomedCt => ("^[1-9][0-9]{5,17}$", "91251008"),
            CodeSystem::Orphanet => ("^ORPHA:[1-9][0-9]{0,6}$", "ORPHA:43393"),
            CodeSystem::Icd11 => (
                "^[0-9A-HJ-NP-Z][A-HJ-NP-Z][0-9][0-9A-HJ-NP-Z](\\.[0-9A-HJ-NP-Z]{1,4})?$",
                "8C62",
            ),
            CodeSystem::Icd10 => ("^[A-Z][0-9]{2}(\\.[0-9]{1,2})?$", "G73.1"),
            CodeSystem::Icd10Cm => ("^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$", "G70.80"),
            CodeSystem::Mesh => ("^D[0-9]{6}([0-9]{3})?$", "D015624"),
        }
    }

    /// The FHIR `Coding.system` URI, where one is established (HL7's list of
    /// code systems). `None` for DrugBank and MeSH: no `Coding.system` URI
    /// for them could be confirmed here, and a guessed one would mislead.
    pub fn fhir_uri(self) -> Option<&'static str> {
        match self {
            CodeSystem::Atc => Some("http://www.whocc.no/atc"),
            CodeSystem::Unii => Some("http://fdasis.nlm.nih.gov"),
            CodeSystem::RxNorm => Some("http://www.nlm.nih.gov/research/umls/rxnorm"),
            CodeSystem::DrugBank => None,
            CodeSystem::SnomedCt => Some("http://snomed.info/sct"),
            CodeSystem::Orphanet => Some("http://www.orpha.net"),
            CodeSystem::Icd11 => Some("http://id.who.int/icd/release/11/mms"),
            CodeSystem::Icd10 => Some("http://hl7.org/fhir/sid/icd-10"),
            CodeSystem::Icd10Cm => Some("http://hl7.org/fhir/sid/icd-10-cm"),
            CodeSystem::Mesh => None,
        }
    }

    /// Why `code` is not a valid code of this system, if it is not. Checked
    /// without a regex engine, so builds that skip the schema pass check it
    /// too; SNOMED CT ids also get their Verhoeff check digit checked.
    pub fn code_problem(self, code: &str) -> Option<String> {
        let b = code.as_bytes();
        let up = |c: &u8| c.is_ascii_uppercase();
        let dig = |c: &u8| c.is_ascii_digit();
        let digits = |s: &[u8]| !s.is_empty() && s.iter().all(dig);
        let icd11 =
            |c: &u8| (c.is_ascii_uppercase() && *c != b'I' && *c != b'O') || c.is_ascii_digit();
        let ok = match self {
            CodeSystem::Atc => {
                b.len() == 7
                    && up(&b[0])
                    && dig(&b[1])
                    && dig(&b[2])
                    && up(&b[3])
                    && up(&b[4])
                    && dig(&b[5])
                    && dig(&b[6])
            }
            CodeSystem::Unii => b.len() == 10 && b.iter().all(|c| up(c) || dig(c)),
            CodeSystem::RxNorm => (1..=9).contains(&b.len()) && digits(b) && b[0] != b'0',
            CodeSystem::DrugBank => b.len() == 7 && b.starts_with(b"DB") && digits(&b[2..]),
            CodeSystem::SnomedCt => (6..=18).contains(&b.len()) && digits(b) && b[0] != b'0',
            CodeSystem::Orphanet => code.strip_prefix("ORPHA:").is_some_and(|n| {
                (1..=7).contains(&n.len()) && digits(n.as_bytes()) && !n.starts_with('0')
            }),
            CodeSystem::Icd11 => {
                let (stem, ext) = stem_and_extension(code);
                let s = stem.as_bytes();
                s.len() == 4
                    && icd11(&s[0])
                    && s[1].is_ascii_uppercase()
                    && s[1] != b'I'
                    && s[1] != b'O'
                    && dig(&s[2])
                    && icd11(&s[3])
                    && ext.is_none_or(|e| {
                        (1..=4).contains(&e.len()) && e.as_bytes().iter().all(icd11)
                    })
            }
            CodeSystem::Icd10 => {
                let (stem, ext) = stem_and_extension(code);
                let s = stem.as_bytes();
                s.len() == 3
                    && up(&s[0])
                    && dig(&s[1])
                    && dig(&s[2])
                    && ext.is_none_or(|e| (1..=2).contains(&e.len()) && digits(e.as_bytes()))
            }
            CodeSystem::Icd10Cm => {
                let (stem, ext) = stem_and_extension(code);
                let s = stem.as_bytes();
                s.len() == 3
                    && up(&s[0])
                    && dig(&s[1])
                    && (dig(&s[2]) || up(&s[2]))
                    && ext.is_none_or(|e| {
                        (1..=4).contains(&e.len()) && e.as_bytes().iter().all(|c| up(c) || dig(c))
                    })
            }
            CodeSystem::Mesh => (b.len() == 7 || b.len() == 10) && b[0] == b'D' && digits(&b[1..]),
        };
        let (_, example) = self.pattern();
        if !ok {
            return Some(format!(
                "is not a valid {} code (for example `{example}`)",
                self.label()
            ));
        }
        if self == CodeSystem::SnomedCt && !verhoeff_valid(code) {
            return Some("is not a valid SNOMED CT id: its last digit (the Verhoeff check digit) does not match".to_string());
        }
        None
    }
}

/// `G70.80` → (`G70`, `Some("80")`); `8C62` → (`8C62`, `None`).
fn stem_and_extension(code: &str) -> (&str, Option<&str>) {
    code.split_once('.')
        .map_or((code, None), |(a, e)| (a, Some(e)))
}

/// Whether a string of digits ends in a correct Verhoeff check digit (as
/// SNOMED CT identifiers do).
pub fn verhoeff_valid(digits: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut c = 0u8;
    for (i, b) in digits.bytes().rev().enumerate() {
        c = D[usize::from(c)][usize::from(P[i % 8][usize::from(b - b'0')])];
    }
    c == 0
}

/// A code that identifies a treatment or the condition in a standard terminology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(transform = code_shapes))]
pub struct CodeEntry {
    /// The terminology: `atc`, `unii`, `rxnorm`, `drugbank`, `snomed_ct`, `orphanet`, `icd11`, `icd10`, `icd10_cm` or `mesh`.
    pub system: CodeSystem,
    /// The code exactly as the terminology writes it, for example `N07XX05`. Quote it.
    pub code: Text,
    /// The code's label in that terminology, as the source gives it. Leave out when the source gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The id of the source the code was read from (a file in `data/sources/`).
    pub source: Id,
    /// `primary` (read from the issuer's own list) or `secondary` (from a reputable copy), as the reference table grades it.
    pub grade: Grade,
}

/// Adds, per code system, the shape its codes must have (`if system … then pattern`).
#[cfg(feature = "schema")]
fn code_shapes(schema: &mut Schema) {
    let rules: Vec<serde_json::Value> = CodeSystem::ALL
        .iter()
        .map(|s| {
            let (pattern, example) = s.pattern();
            serde_json::json!({
                "if": {"properties": {"system": {"const": s.yaml()}}, "required": ["system"]},
                "then": {"properties": {"code": {"pattern": pattern, "examples": [example]}}}
            })
        })
        .collect();
    schema.insert("allOf".into(), rules.into());
}

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
    /// The ids of classes (files in `data/categories/`) it is used after, when they have not worked. Leave empty when the source names none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub after_other: Vec<Id>,
    /// The qualifier in plain words: when it is used, or how well it works, as the source says.
    pub note: Text,
    /// The id of the source the qualifier comes from (a file in `data/sources/`).
    pub source: Id,
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
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub cautions: Vec<Id>,
    /// Standard codes for it (ATC, UNII, RxNorm, DrugBank, SNOMED CT), each with its source and grade. Only codes a source states.
    #[serde(default)]
    pub codes: Vec<CodeEntry>,
    /// The ids of treatments the source says it is sometimes combined with. State it on both treatments.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub used_with: Vec<Id>,
    /// Qualifiers the sources put on its use for LEMS: after which other treatments, and how well it works. Exports carry them with the indication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indication: Option<Indication>,
    /// Cautions the editors decided not to apply to it although a reader might expect them (for example a class-wide warning the source words for a neighbouring class), each with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cautions_not_applied: Vec<CautionNotApplied>,
    /// When this file was last reviewed against its sources, `YYYY-MM-DD`. `lems-content check` warns when it is missing or older than the review period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
    /// The ids of the sources its statements come from (files in `data/sources/`). At least one.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Id>,
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
    /// When this file was last reviewed against its sources, `YYYY-MM-DD`. `lems-content check` warns when it is missing or older than the review period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
    /// The ids of the sources its statements come from (files in `data/sources/`). At least one.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Id>,
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
    /// When this file was last reviewed against its sources, `YYYY-MM-DD`. `lems-content check` warns when it is missing or older than the review period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
    /// The ids of the sources its statements come from (files in `data/sources/`). At least one.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Id>,
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
    /// When this file was last reviewed against its sources, `YYYY-MM-DD`. `lems-content check` warns when it is missing or older than the review period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
    /// The ids of the sources its statements come from (files in `data/sources/`). At least one.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Id>,
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
    /// How it was read, when that matters (for example `crawl of 2025-08-19`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
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
    /// When this file was last reviewed against its sources, `YYYY-MM-DD`. `lems-content check` warns when it is missing or older than the review period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
    /// The ids of the sources its statements come from (files in `data/sources/`). At least one.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub sources: Vec<Id>,
}

/// The disclaimer shown with the content: the file `data/disclaimer.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "Disclaimer"))]
pub struct DisclaimerFile {
    /// The disclaimer, in our own words: the content is information, not medical advice.
    pub text: Text,
    /// When this file was last reviewed against its sources, `YYYY-MM-DD`. `lems-content check` warns when it is missing or older than the review period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
}

/// The kinds of content file, each with its own folder (or file) and schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    /// `data/treatments/*.yaml`
    Treatment,
    /// `data/categories/*.yaml`: classes of treatment (the folder keeps its
    /// first name, `categories`, as the YAML field `category` and the Rust
    /// enum `Category` do; see ARCHITECTURE.md's glossary).
    Class,
    /// `data/mechanisms/*.yaml`
    Mechanism,
    /// `data/cautions/*.yaml`
    Caution,
    /// `data/sources/*.yaml`
    Source,
    /// `data/condition.yaml`
    Condition,
    /// `data/disclaimer.yaml`
    Disclaimer,
}

impl FileKind {
    /// Every kind, in the order files are reported.
    pub const ALL: [FileKind; 7] = [
        FileKind::Treatment,
        FileKind::Class,
        FileKind::Mechanism,
        FileKind::Caution,
        FileKind::Source,
        FileKind::Condition,
        FileKind::Disclaimer,
    ];

    /// The folder under `data/` (for one-per-entity kinds) or the file name (for singletons).
    pub fn location(self) -> &'static str {
        match self {
            FileKind::Treatment => "treatments",
            FileKind::Class => "categories",
            FileKind::Mechanism => "mechanisms",
            FileKind::Caution => "cautions",
            FileKind::Source => "sources",
            FileKind::Condition => "condition.yaml",
            FileKind::Disclaimer => "disclaimer.yaml",
        }
    }

    /// Whether this kind is a single file rather than a folder of files.
    pub fn is_singleton(self) -> bool {
        matches!(self, FileKind::Condition | FileKind::Disclaimer)
    }

    /// The schema file name under `schema/`.
    pub fn schema_file(self) -> &'static str {
        match self {
            FileKind::Treatment => "treatment.schema.json",
            FileKind::Class => "category.schema.json",
            FileKind::Mechanism => "mechanism.schema.json",
            FileKind::Caution => "caution.schema.json",
            FileKind::Source => "source.schema.json",
            FileKind::Condition => "condition.schema.json",
            FileKind::Disclaimer => "disclaimer.schema.json",
        }
    }

    /// A word for one entity of this kind, used in messages.
    pub fn noun(self) -> &'static str {
        match self {
            FileKind::Treatment => "treatment",
            FileKind::Class => "class",
            FileKind::Mechanism => "mechanism",
            FileKind::Caution => "caution",
            FileKind::Source => "source",
            FileKind::Condition => "condition",
            FileKind::Disclaimer => "disclaimer",
        }
    }

    /// The word for more than one entity of this kind, used in messages.
    pub fn plural(self) -> &'static str {
        match self {
            FileKind::Treatment => "treatments",
            FileKind::Class => "classes",
            FileKind::Mechanism => "mechanisms",
            FileKind::Caution => "cautions",
            FileKind::Source => "sources",
            FileKind::Condition => "conditions",
            FileKind::Disclaimer => "disclaimers",
        }
    }

    /// The JSON Schema of this kind, generated from the model types.
    #[cfg(feature = "schema")]
    pub fn schema(self) -> Schema {
        match self {
            FileKind::Treatment => schemars::schema_for!(TreatmentFile),
            FileKind::Class => schemars::schema_for!(ClassFile),
            FileKind::Mechanism => schemars::schema_for!(MechanismFile),
            FileKind::Caution => schemars::schema_for!(CautionFile),
            FileKind::Source => schemars::schema_for!(SourceFile),
            FileKind::Condition => schemars::schema_for!(ConditionFile),
            FileKind::Disclaimer => schemars::schema_for!(DisclaimerFile),
        }
    }

    /// The schema as the committed file's text: pretty JSON with a final newline.
    #[cfg(feature = "schema")]
    pub fn schema_text(self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema().to_value())
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_system_accepts_its_example_and_rejects_typos() {
        for system in CodeSystem::ALL {
            let (_, example) = system.pattern();
            assert_eq!(system.code_problem(example), None, "{system:?} {example}");
            assert!(
                system.code_problem(&format!("{example}/")).is_some(),
                "{system:?}"
            );
            assert!(system.code_problem("").is_some(), "{system:?}");
            assert!(
                system.code_problem(&example.to_lowercase()).is_some()
                    || example.chars().all(|c| !c.is_alphabetic()),
                "{system:?}"
            );
        }
        assert!(CodeSystem::Atc.code_problem("N07XX5").is_some());
        assert!(CodeSystem::DrugBank.code_problem("DB0054").is_some());
        assert!(CodeSystem::Orphanet.code_problem("43393").is_some());
        assert!(
            CodeSystem::Icd11.code_problem("8I62").is_some(),
            "ICD-11 never uses I or O"
        );
        assert_eq!(CodeSystem::Icd10Cm.code_problem("G70.81"), None);
    }

    #[test]
    fn snomed_ct_ids_carry_a_verhoeff_check_digit() {
        for id in ["91251008", "84478008", "5154007", "138875005"] {
            assert!(verhoeff_valid(id), "{id}");
        }
        for id in ["91251009", "84478007", "5154008"] {
            assert!(!verhoeff_valid(id), "{id}");
            assert!(CodeSystem::SnomedCt.code_problem(id).is_some());
        }
        assert!(!verhoeff_valid(""));
        assert!(!verhoeff_valid("12a"));
    }

    #[test]
    fn partial_dates_are_checked() {
        let ok = |s: &str| {
            serde_json::from_value::<PartialDate>(serde_json::Value::String(s.into())).is_ok()
        };
        assert!(ok("2009") && ok("2009-12") && ok("2018-11-28"));
        assert!(!ok("2009-13") && !ok("2018-02-30") && !ok("09-12") && !ok("December 2009"));
    }
}
