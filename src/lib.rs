//! Treatments of **Lambert-Eaton myasthenic syndrome (LEMS)** as compile-checked Rust.
//!
//! ```
//! use lems_treatments::{Caution, Treatment};
//!
//! let t: Treatment = "Firdapse".parse()?; // brand, name, synonym or id, any case
//! assert_eq!(t, Treatment::Amifampridine);
//! assert!(Treatment::Prednisone.cautions().contains(&Caution::ImmuneSuppressionRisks));
//! # Ok::<(), lems_treatments::ParseError>(())
//! ```
//!
//! Every enum, constant and text in this crate is generated at build time
//! from reviewed YAML content (`data/` in the repository), each statement
//! citing its [`Source`]. All data lives in `const`/`static` items: no
//! parsing, allocation or lazy initialisation at run time.
//!
//! **This is information, not medical advice.** See [`DISCLAIMER`].
//!
//! # What is here
//! - [`Treatment`]: every treatment, with its [`Category`], [`Mechanism`]s,
//!   [`Caution`]s (its class's included), brands, usage, regulatory facts
//!   and sources;
//! - [`Mechanism`], [`Caution`] and [`Category`], each with the reverse link
//!   to its treatments;
//! - [`CONDITION`]: the condition itself; [`DISCLAIMER`].
//!
//! Every enum has `ALL`, `id()` (the content id), `name()`, [`Display`](core::fmt::Display)
//! (the name), [`FromStr`] and `TryFrom<&str>` (ignoring case) with
//! one error type, [`ParseError`].
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `std` | yes | links `std`; nothing else needs it ([`ParseError`] implements `core::error::Error`) |
//! | `serde` | no | `Serialize` for every enum (as its id) and record; `Deserialize` for the enums through [`FromStr`] |
//! | `schemars` | no | a `JsonSchema` for every enum, listing its ids (needs an allocator) |
//! | `regenerate` | no | generates the code from the YAML in `data/` at build time instead of using the shipped, pre-generated code: only for edited or other content; compiles the generator |
//!
//! With `default-features = false` the crate is `#![no_std]` and needs no allocator.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "schemars")]
extern crate alloc;

use core::cmp::Ordering;
use core::fmt;
use core::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/lems_content.rs"));

/// The version of this crate, which versions its content too: see the README's
/// semver policy for what a content change of each kind does to it.
pub const CONTENT_VERSION: &str = env!("CARGO_PKG_VERSION");

mod guide;
pub use guide::{guide, Guide, TreatmentCard};

/// A brand name and the regions the sources name for it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Brand {
    /// The brand name as printed.
    pub name: &'static str,
    /// The regions where the sources say it is approved or available (may be empty).
    pub regions: &'static [Region],
}

/// A regulatory fact about a treatment in one region.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct RegulatoryFact {
    /// The region.
    pub region: Region,
    /// Approved, or only available.
    pub status: RegulatoryStatus,
    /// What it is approved or available for.
    pub scope: &'static str,
    /// The regulator, when the source names one.
    pub authority: Option<&'static str>,
    /// When it happened, as precisely as the source says (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: Option<&'static str>,
    /// Who it is about, when the source narrows it (for example adults).
    pub population: Option<Population>,
    /// Anything else the source states about it.
    pub note: Option<&'static str>,
    /// Where the fact comes from.
    pub source: Source,
    /// How directly it was read from the issuer, when graded.
    pub grade: Option<Grade>,
}

/// Who a regulatory fact is about, as its source narrows it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Population {
    /// The group in plain words, for example `children aged 6 and older`.
    pub text: &'static str,
    /// The lowest age in years, only when the source states a number.
    pub min_age_years: Option<u32>,
}

/// Qualifiers the sources put on a treatment's use for LEMS: see [`Treatment::indication`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct IndicationNote {
    /// Classes it is used after, when they have not worked (may be empty).
    pub after_other: &'static [Category],
    /// The qualifier in plain words.
    pub note: &'static str,
    /// Where it comes from.
    pub source: Source,
}

/// A caution the editors decided not to apply to a treatment: see
/// [`Treatment::cautions_not_applied`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct CautionNotApplied {
    /// The caution.
    pub caution: Caution,
    /// Why it is not applied: what the source says and does not say.
    pub reason: &'static str,
    /// The source the decision rests on.
    pub source: Source,
}

/// A caution that applies to a treatment, with where it comes from: see
/// [`Treatment::applied_cautions`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct AppliedCaution {
    /// The caution.
    pub caution: Caution,
    /// `None` when the treatment lists it itself; otherwise the class that lists it.
    pub through: Option<Category>,
}

/// A standard code for a treatment or the condition, with where it was read.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Code {
    /// The terminology.
    pub system: CodeSystem,
    /// The code as the terminology writes it.
    pub code: &'static str,
    /// Its label in that terminology, when the source gives one.
    pub label: Option<&'static str>,
    /// Where it was read.
    pub source: Source,
    /// How directly it was read from the issuer.
    pub grade: Grade,
}

/// The cancer associated with the condition.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct AssociatedCancer {
    /// The cancer's name.
    pub name: &'static str,
    /// How many patients have it, as the source puts it.
    pub share_of_patients: &'static str,
    /// What it means for treatment.
    pub treatment_note: &'static str,
}

/// The condition: see [`CONDITION`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Condition {
    /// Full name.
    pub name: &'static str,
    /// Usual abbreviation.
    pub abbreviation: &'static str,
    /// What the condition is.
    pub summary: &'static str,
    /// How a nerve signal normally makes a muscle move.
    pub normal_signal: &'static str,
    /// What goes wrong in the condition.
    pub what_goes_wrong: &'static str,
    /// Whether the sources say a cure exists.
    pub curable: bool,
    /// What treatment aims at.
    pub treatment_goal: &'static str,
    /// The associated cancer.
    pub associated_cancer: AssociatedCancer,
    /// Its standard codes (Orphanet, ICD-11, ICD-10, ICD-10-CM, MeSH).
    pub codes: &'static [Code],
    /// Where these statements come from.
    pub sources: &'static [Source],
    /// When its file was last reviewed against its sources (`YYYY-MM-DD`), if recorded.
    pub reviewed: Option<&'static str>,
}

impl Condition {
    /// Its code in `system`, if the content has one (the first, where there are several).
    ///
    /// ```
    /// use lems_treatments::{CodeSystem, CONDITION};
    /// assert_eq!(CONDITION.code(CodeSystem::Orphanet).map(|c| c.code), Some("ORPHA:43393"));
    /// ```
    pub fn code(&self, system: CodeSystem) -> Option<&'static Code> {
        self.codes.iter().find(|c| c.system == system)
    }

    /// Whether `code` identifies this condition in `system` (the reverse lookup).
    ///
    /// ```
    /// use lems_treatments::{CodeSystem, CONDITION};
    /// assert!(CONDITION.has_code(CodeSystem::Icd11, "8C62"));
    /// assert!(!CONDITION.has_code(CodeSystem::Icd11, "8C63"));
    /// ```
    pub fn has_code(&self, system: CodeSystem, code: &str) -> bool {
        self.codes
            .iter()
            .any(|c| c.system == system && c.code == code)
    }
}

/// The error of every `FromStr`/`TryFrom<&str>` in this crate: the text
/// named nothing of the expected kind. It keeps (the start of) the text and
/// says what is accepted, without allocating.
///
/// ```
/// use lems_treatments::Treatment;
/// let err = "aspirin".parse::<Treatment>().unwrap_err();
/// assert_eq!(err.input(), "aspirin");
/// assert_eq!(
///     err.to_string(),
///     "no Treatment is called \"aspirin\" (a Treatment is named by its id, name, synonym or brand, in any case)"
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ParseError {
    kind: &'static str,
    accepted: &'static str,
    input: [u8; ParseError::KEPT],
    len: u8,
    truncated: bool,
}

impl ParseError {
    /// How many bytes of the input an error keeps.
    const KEPT: usize = 48;

    fn new(kind: &'static str, accepted: &'static str, input: &str) -> ParseError {
        let mut end = input.len().min(Self::KEPT);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        let mut kept = [0u8; Self::KEPT];
        kept[..end].copy_from_slice(&input.as_bytes()[..end]);
        ParseError {
            kind,
            accepted,
            input: kept,
            len: end as u8,
            truncated: end < input.len(),
        }
    }

    /// What was being looked up, for example `"Treatment"`.
    pub const fn kind(&self) -> &'static str {
        self.kind
    }

    /// The text that named nothing (its first 48 bytes at most).
    pub fn input(&self) -> &str {
        let bytes = &self.input[..usize::from(self.len)];
        core::str::from_utf8(bytes).unwrap_or_default()
    }

    /// What a lookup of this kind accepts, for example
    /// `"its id, name, synonym or brand, in any case"`.
    pub const fn accepted(&self) -> &'static str {
        self.accepted
    }
}

impl fmt::Display for ParseError {
    /// The input is shown quoted and escaped (`{:?}`), so it is safe to print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no {} is called {:?}", self.kind, self.input())?;
        if self.truncated {
            f.write_str(" (shortened)")?;
        }
        write!(f, " (a {} is named by {})", self.kind, self.accepted)
    }
}

impl core::error::Error for ParseError {}

/// Compares a case-folded table key with input, folding the input on the fly.
fn fold_cmp(key: &str, input: &str) -> Ordering {
    key.chars().cmp(input.chars().flat_map(char::to_lowercase))
}

/// The generated lookup table of one enum: every case-folded key (id, name,
/// and for treatments synonym and brand) sorted by bytes, joined in one
/// string, where each ends, and the value each names. One string instead of a
/// literal per key keeps the generated code cheap to compile at any size.
struct Lookup<T: 'static> {
    keys: &'static str,
    ends: &'static [usize],
    values: &'static [T],
}

impl<T: Copy> Lookup<T> {
    fn key(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.keys.get(start..self.ends[i]).unwrap_or_default()
    }

    /// Binary search (by bytes, which for UTF-8 is the order of chars); time
    /// grows with the log of the number of keys; nothing is allocated.
    fn find(&self, input: &str) -> Option<T> {
        let input = input.trim();
        let found = if input.is_ascii() && input.len() <= 64 {
            // Fast path: ASCII input folded into a stack buffer, compared as bytes.
            let mut buf = [0u8; 64];
            for (d, s) in buf.iter_mut().zip(input.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            let folded = &buf[..input.len()];
            binary_search(self.ends.len(), |i| self.key(i).as_bytes().cmp(folded))
        } else {
            binary_search(self.ends.len(), |i| fold_cmp(self.key(i), input))
        };
        found.and_then(|i| self.values.get(i)).copied()
    }
}

/// The index in `0..len` for which `cmp` says `Equal`, if any.
fn binary_search(len: usize, cmp: impl Fn(usize) -> Ordering) -> Option<usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match cmp(mid) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// What the lookup of each kind accepts, for [`ParseError`].
macro_rules! accepted {
    (Treatment) => {
        "its id, name, synonym or brand, in any case"
    };
    ($t:ident) => {
        "its id or name, in any case"
    };
}

macro_rules! enum_traits {
    ($($t:ident),*) => {$(
        impl $t {
            /// Looks a value up by id or name (for treatments also synonym or
            /// brand), ignoring case and surrounding spaces. Allocates nothing.
            ///
            /// ```
            #[doc = concat!("use lems_treatments::", stringify!($t), ";")]
            #[doc = concat!("let first = ", stringify!($t), "::ALL[0];")]
            #[doc = concat!("assert_eq!(", stringify!($t), "::lookup(first.id()), Some(first));")]
            #[doc = concat!("assert_eq!(", stringify!($t), "::lookup(&first.name().to_uppercase()), Some(first));")]
            #[doc = concat!("assert_eq!(", stringify!($t), "::lookup(\"no such thing\"), None);")]
            #[doc = concat!("assert_eq!(first.to_string().parse::<", stringify!($t), ">(), Ok(first));")]
            /// ```
            pub fn lookup(text: &str) -> Option<Self> {
                Self::LOOKUP.find(text)
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
        impl FromStr for $t {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<Self, ParseError> {
                Self::lookup(s).ok_or_else(|| ParseError::new(stringify!($t), accepted!($t), s))
            }
        }
        impl TryFrom<&str> for $t {
            type Error = ParseError;
            fn try_from(s: &str) -> Result<Self, ParseError> {
                s.parse()
            }
        }
        impl AsRef<str> for $t {
            /// The content id.
            fn as_ref(&self) -> &str {
                self.id()
            }
        }
        #[cfg(feature = "serde")]
        impl serde::Serialize for $t {
            /// Serializes as the content id, for example `"amifampridine"`.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $t {
            /// Deserializes through [`FromStr`]: ids, names (and for treatments
            /// synonyms and brands), in any case.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(serde_impl::LookupVisitor::<Self>(core::marker::PhantomData))
            }
        }
        #[cfg(feature = "serde")]
        impl serde_impl::Named for $t {
            const EXPECTING: &'static str = concat!("the id or name of a ", stringify!($t));
            fn lookup_str(s: &str) -> Option<Self> {
                Self::lookup(s)
            }
        }
        #[cfg(feature = "schemars")]
        impl schemars::JsonSchema for $t {
            fn schema_name() -> alloc::borrow::Cow<'static, str> {
                stringify!($t).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let ids: alloc::vec::Vec<&'static str> = Self::ALL.iter().map(|v| v.id()).collect();
                schemars::json_schema!({
                    "type": "string",
                    "enum": ids,
                })
            }
        }
    )*};
}

#[cfg(feature = "serde")]
mod serde_impl {
    use core::fmt;
    use core::marker::PhantomData;

    pub trait Named: Sized {
        const EXPECTING: &'static str;
        fn lookup_str(s: &str) -> Option<Self>;
    }

    pub struct LookupVisitor<T>(pub PhantomData<T>);

    impl<T: Named> serde::de::Visitor<'_> for LookupVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(T::EXPECTING)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            T::lookup_str(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
        }
    }
}

enum_traits!(
    CodeSystem,
    Grade,
    Treatment,
    Mechanism,
    Caution,
    Category,
    Source,
    Region,
    RegulatoryStatus,
    TreatmentKind,
    CautionKind,
    Target,
    SourceKind
);

impl Treatment {
    /// Its code in `system`, if the content has one.
    ///
    /// ```
    /// use lems_treatments::{CodeSystem, Treatment};
    /// assert_eq!(Treatment::Prednisone.code(CodeSystem::RxNorm).map(|c| c.code), Some("8640"));
    /// assert_eq!(Treatment::Guanidine.code(CodeSystem::Atc), None);
    /// ```
    pub fn code(self, system: CodeSystem) -> Option<&'static Code> {
        self.codes().iter().find(|c| c.system == system)
    }

    /// Its WHO ATC code, if it has one.
    ///
    /// ```
    /// use lems_treatments::Treatment;
    /// assert_eq!(Treatment::Amifampridine.atc(), Some("N07XX05"));
    /// ```
    pub fn atc(self) -> Option<&'static str> {
        self.code(CodeSystem::Atc).map(|c| c.code)
    }

    /// Whether the content records this treatment as approved by a regulator in `region`.
    ///
    /// ```
    /// use lems_treatments::{Region, Treatment};
    /// assert!(Treatment::Amifampridine.is_approved_in(Region::UnitedStates));
    /// assert!(!Treatment::Guanidine.is_approved_in(Region::UnitedStates));
    /// ```
    pub fn is_approved_in(self, region: Region) -> bool {
        self.regulatory()
            .iter()
            .any(|r| r.region == region && r.status == RegulatoryStatus::Approved)
    }

    /// Whether this treatment shares at least one caution with `other`.
    ///
    /// ```
    /// use lems_treatments::Treatment;
    /// assert!(Treatment::Prednisone.shares_caution_with(Treatment::Azathioprine));
    /// ```
    pub fn shares_caution_with(self, other: Treatment) -> bool {
        self.cautions().iter().any(|c| other.cautions().contains(c))
    }
}

/// Every caution that applies to any of `treatments`, each once, in
/// [`Caution::ALL`] order. Allocates nothing.
///
/// ```
/// use lems_treatments::{cautions_of, Caution, Treatment};
/// let list = [Treatment::Prednisone, Treatment::Azathioprine, Treatment::Guanidine];
/// let cautions: Vec<Caution> = cautions_of(&list).collect();
/// assert_eq!(cautions.len(), 2);
/// ```
pub fn cautions_of(treatments: &[Treatment]) -> impl Iterator<Item = Caution> + '_ {
    Caution::ALL
        .iter()
        .copied()
        .filter(move |c| c.treatments().iter().any(|t| treatments.contains(t)))
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
