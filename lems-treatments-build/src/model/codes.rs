//! Codes in standard terminologies: the shape of a code in each
//! [`CodeSystem`], its FHIR system URI, the check without a regex engine
//! (with the SNOMED CT check digit) and the [`CodeEntry`] a file writes.

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize};

use super::{verhoeff_valid, ClosedSet, CodeSystem, Grade, Id, Text};

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
    /// When the code applies, as the code table's own notes state it (for example what it excludes, or what to code first). Shown beside the code. Leave out when the source gives no such note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
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

#[cfg(test)]
mod tests {
    use super::super::verhoeff_valid;
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
}
