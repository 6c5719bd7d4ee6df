//! Treatments of **Lambert-Eaton myasthenic syndrome (LEMS)** as compile-checked Rust.
//!
//! ```
//! use lems_treatments::Treatment;
//!
//! // A brand, name, synonym or id, in any case:
//! match "Firdapse".parse::<Treatment>() {
//!     Ok(t) => println!("{t}: {} caution(s), its class's included", t.cautions().len()),
//!     Err(e) => println!("{e}"), // says what lookups accept
//! }
//! for t in Treatment::ALL {
//!     assert_eq!(t.name().parse::<Treatment>()?, *t);
//! }
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
//! - [`CONDITION`]: the condition itself; [`DISCLAIMER`];
//! - [`Treatment::record`]: a treatment's whole record as one value (with
//!   `serde`, serializable with everything resolved), [`Treatment::all_sources`]
//!   (every source its facts cite), [`cautions_of_with_origin`] and
//!   [`Treatment::search`] (prefix and substring, for a search box).
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
//! | `serde` | no | `Serialize` for every enum (as its id) and record, [`TreatmentRecord`] (resolved), [`TreatmentCard`] and [`Guide`]; `Deserialize` for the enums through [`FromStr`] |
//! | `schemars` | no | a `JsonSchema` for every enum, listing its ids (needs an allocator) |
//! | `regenerate` | no | generates the code from the YAML in `data/` at build time instead of using the shipped, pre-generated code: only for edited or other content; compiles the generator |
//!
//! With `default-features = false` the crate is `#![no_std]` and needs no allocator.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "schemars")]
extern crate alloc;

use core::fmt;
use core::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/lems_content.rs"));

/// The version of this crate, which versions its content too: see the README's
/// semver policy for what a content change of each kind does to it.
pub const CONTENT_VERSION: &str = env!("CARGO_PKG_VERSION");

mod guide;
mod record;
mod search;
pub use guide::{guide, Guide, TreatmentCard};
pub use record::{cautions_of_with_origin, CautionOrigin, TreatmentRecord};
pub use search::Search;

/// A brand name and the regions the sources name for it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Brand {
    /// The brand name as printed.
    pub name: &'static str,
    /// The regions where the sources say it is approved or available (may be empty).
    pub regions: &'static [Region],
}

/// A regulatory fact about a treatment in one region.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RegulatoryFact {
    /// The region.
    pub region: Region,
    /// Approved, or only available.
    pub status: RegulatoryStatus,
    /// What it is approved or available for.
    pub scope: &'static str,
    /// The regulator, when the source names one.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub authority: Option<&'static str>,
    /// When it happened, as precisely as the source says (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub date: Option<&'static str>,
    /// Who it is about, when the source narrows it (for example adults).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub population: Option<Population>,
    /// Anything else the source states about it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub note: Option<&'static str>,
    /// Where the fact comes from.
    pub source: Source,
    /// Where in that source (a section heading or number), when the content says.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub at: Option<&'static str>,
    /// How directly it was read from the issuer, when graded.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub grade: Option<Grade>,
}

/// Who a regulatory fact is about, as its source narrows it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Population {
    /// The group in plain words, for example `children aged 6 and older`.
    pub text: &'static str,
    /// The lowest age in years, only when the source states a number.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub min_age_years: Option<u32>,
}

/// Qualifiers the sources put on a treatment's use for LEMS: see [`Treatment::indication`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IndicationNote {
    /// Classes it is used after, when they have not worked (may be empty).
    pub after_other: &'static [Category],
    /// When it is used, in plain words, when the source says.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub note: Option<&'static str>,
    /// How well it works for LEMS, in plain words, when the source says.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub effectiveness: Option<&'static str>,
    /// Why it is used less often than other treatments, when the source says.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub used_less_because: Option<&'static str>,
    /// Where it comes from.
    pub source: Source,
}

/// A caution the editors decided not to apply to a treatment: see
/// [`Treatment::cautions_not_applied`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AppliedCaution {
    /// The caution.
    pub caution: Caution,
    /// `None` when the treatment lists it itself; otherwise the class that lists it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub through: Option<Category>,
}

/// A standard code for a treatment or the condition, with where it was read.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Code {
    /// The terminology.
    pub system: CodeSystem,
    /// The code as the terminology writes it.
    pub code: &'static str,
    /// Its label in that terminology, when the source gives one.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub label: Option<&'static str>,
    /// When the code applies, as the code table's own notes state it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub note: Option<&'static str>,
    /// Where it was read.
    pub source: Source,
    /// How directly it was read from the issuer.
    pub grade: Grade,
}

/// The cancer associated with the condition.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
    /// The day its file was last checked against its sources (`YYYY-MM-DD`),
    /// when a recorded review covers the file as it is now.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub reviewed: Option<&'static str>,
}

impl Condition {
    /// Its code in `system`, if the content has one (the first, where there are several).
    ///
    /// ```
    /// use lems_treatments::{CodeSystem, CONDITION};
    /// if let Some(orphanet) = CONDITION.code(CodeSystem::Orphanet) {
    ///     println!("Orphanet: {}", orphanet.code); // a code like ORPHA:43393
    ///     assert!(CONDITION.has_code(CodeSystem::Orphanet, orphanet.code));
    /// }
    /// ```
    pub fn code(&self, system: CodeSystem) -> Option<&'static Code> {
        self.codes.iter().find(|c| c.system == system)
    }

    /// Whether `code` identifies this condition in `system` (the reverse lookup).
    ///
    /// ```
    /// use lems_treatments::{CodeSystem, CONDITION};
    /// for code in CONDITION.codes {
    ///     assert!(CONDITION.has_code(code.system, code.code));
    /// }
    /// // Codes are matched exactly: an Orphanet code starts with `ORPHA:`.
    /// assert!(!CONDITION.has_code(CodeSystem::Orphanet, "orpha:43393"));
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

/// The hash every lookup key is filed under: the case-folded key's UTF-8
/// bytes, eight at a time (little-endian, the last word zero-filled), each
/// word mixed in by a rotate, xor and multiply (as `rustc-hash` does), then
/// the high half of one more multiply. The generator files the keys with the
/// same function (`names::lookup_hash` in `lems-treatments-build`); every
/// lookup test at every size fails if the two disagree.
const HASH_K: u64 = 0x517c_c1b7_2722_0a95;

fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(HASH_K)
}

fn finish(hash: u64) -> u64 {
    hash.wrapping_mul(HASH_K) >> 32
}

/// The hash of bytes already folded.
fn hash_folded(bytes: &[u8]) -> u64 {
    let mut hash = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word.iter_mut().zip(rest).for_each(|(w, b)| *w = *b);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    finish(hash)
}

/// The same hash, fed one byte at a time (for input folded on the fly).
#[derive(Default)]
struct FoldHasher {
    hash: u64,
    word: [u8; 8],
    filled: usize,
}

impl FoldHasher {
    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.word.get_mut(self.filled) {
            *slot = byte;
        }
        self.filled += 1;
        if self.filled == 8 {
            self.hash = mix(self.hash, u64::from_le_bytes(self.word));
            self.word = [0; 8];
            self.filled = 0;
        }
    }

    fn finish(self) -> u64 {
        if self.filled > 0 {
            finish(mix(self.hash, u64::from_le_bytes(self.word)))
        } else {
            finish(self.hash)
        }
    }
}

/// The `i`th little-endian `u32` of a packed table, as an index.
fn u32_at(bytes: &[u8], i: usize) -> Option<usize> {
    let word: [u8; 4] = bytes.get(4 * i..4 * i + 4)?.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(word)).ok()
}

/// The generated lookup table of one enum: every case-folded key (id, name,
/// and for treatments synonym and brand) joined in one string, and two
/// packed tables of little-endian `u32`s: per key, where it ends and the
/// position in `all` of the value it names; and an open-addressing hash table
/// of key numbers. Strings and byte strings instead of a literal per key, and
/// positions instead of variant paths, keep the generated code cheap to
/// compile at any size (rustc pays for each path to a variant in proportion
/// to the number of variants).
struct Lookup<T: 'static> {
    /// Every value, in declaration order.
    all: &'static [T],
    keys: &'static str,
    /// Per key: where it ends in `keys`, then its value's position in `all`.
    entries: &'static [u8],
    /// A power of two of slots: 0 when empty, else 1 + a key's number.
    slots: &'static [u8],
}

impl<T: Copy> Lookup<T> {
    fn key(&self, i: usize) -> &'static str {
        let start = match i.checked_sub(1) {
            Some(before) => u32_at(self.entries, 2 * before).unwrap_or_default(),
            None => 0,
        };
        let end = u32_at(self.entries, 2 * i).unwrap_or_default();
        self.keys.get(start..end).unwrap_or_default()
    }

    /// One hash of the case-folded input, then the keys filed under it;
    /// time does not grow with the number of keys; nothing is allocated.
    fn find(&self, input: &str) -> Option<T> {
        let input = input.trim();
        let mut buf = [0u8; 64];
        if input.is_ascii() && input.len() <= buf.len() {
            // Fast path: ASCII input folded into a stack buffer, compared as bytes.
            let folded = buf.get_mut(..input.len())?;
            for (d, s) in folded.iter_mut().zip(input.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            let folded = &*folded;
            self.probe(hash_folded(folded), |key| key.as_bytes() == folded)
        } else {
            let folded = || input.chars().flat_map(char::to_lowercase);
            let mut hasher = FoldHasher::default();
            let mut utf8 = [0u8; 4];
            for c in folded() {
                c.encode_utf8(&mut utf8)
                    .bytes()
                    .for_each(|b| hasher.push(b));
            }
            self.probe(hasher.finish(), |key| key.chars().eq(folded()))
        }
    }

    /// Walks the slots from the hash's until the key or an empty slot.
    fn probe(&self, hash: u64, matches: impl Fn(&str) -> bool) -> Option<T> {
        let slots = self.slots.len() / 4;
        let mask = slots.checked_sub(1)?;
        // Masked before the conversion, so that a `usize` narrower than
        // 64 bits keeps the low bits, as the generator did.
        let mut slot = usize::try_from(hash & mask as u64).unwrap_or_default();
        for _ in 0..slots {
            let key = u32_at(self.slots, slot)?.checked_sub(1)?;
            if matches(self.key(key)) {
                return self.all.get(u32_at(self.entries, 2 * key + 1)?).copied();
            }
            slot = (slot + 1) & mask;
        }
        None
    }
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
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl serde::Serialize for $t {
            /// Serializes as the content id, for example `"amifampridine"`.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }
        #[cfg(feature = "serde")]
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> serde::Deserialize<'de> for $t {
            /// Deserializes through [`FromStr`]: ids, names (and for treatments
            /// synonyms and brands), in any case.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(serde_impl::LookupVisitor::<Self>(core::marker::PhantomData))
            }
        }
        #[cfg(feature = "serde")]
        impl serde_impl::Named for $t {
            const EXPECTING: &'static str = concat!("a ", stringify!($t), ": ", accepted!($t));
            fn lookup_str(s: &str) -> Option<Self> {
                Self::lookup(s)
            }
        }
        #[cfg(feature = "schemars")]
        #[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
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
    /// for t in Treatment::ALL {
    ///     if let Some(rxnorm) = t.code(CodeSystem::RxNorm) {
    ///         assert_eq!(Treatment::from_code(CodeSystem::RxNorm, rxnorm.code), Some(*t));
    ///     }
    /// }
    /// ```
    pub fn code(self, system: CodeSystem) -> Option<&'static Code> {
        self.codes().iter().find(|c| c.system == system)
    }

    /// Its WHO ATC code, if it has one.
    ///
    /// ```
    /// use lems_treatments::Treatment;
    /// for t in Treatment::ALL {
    ///     if let Some(atc) = t.atc() {
    ///         println!("{t}: {atc}"); // a code like N07XX05
    ///     }
    /// }
    /// ```
    pub fn atc(self) -> Option<&'static str> {
        self.code(CodeSystem::Atc).map(|c| c.code)
    }

    /// Whether the content records this treatment as approved by a regulator in `region`.
    ///
    /// ```
    /// use lems_treatments::{Region, Treatment};
    /// let approved: Vec<Treatment> = Treatment::ALL
    ///     .iter()
    ///     .copied()
    ///     .filter(|t| t.is_approved_in(Region::UnitedStates))
    ///     .collect();
    /// for t in &approved {
    ///     assert!(t.regulatory().iter().any(|r| r.region == Region::UnitedStates));
    /// }
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
    /// for t in Treatment::ALL {
    ///     for u in Treatment::ALL {
    ///         if t.category() == u.category() && !t.category().cautions().is_empty() {
    ///             assert!(t.shares_caution_with(*u)); // a class-wide caution
    ///         }
    ///     }
    /// }
    /// ```
    pub fn shares_caution_with(self, other: Treatment) -> bool {
        self.cautions().iter().any(|c| other.cautions().contains(c))
    }
}

/// Every caution that applies to any of `treatments`, each once, in
/// [`Caution::ALL`] order. Allocates nothing. [`cautions_of_with_origin`]
/// also says which treatment and which class each one comes from.
///
/// ```
/// use lems_treatments::{cautions_of, Caution, Treatment};
/// let list: Vec<Treatment> = ["prednisone", "azathioprine", "guanidine"]
///     .iter()
///     .filter_map(|s| s.parse().ok())
///     .collect();
/// let cautions: Vec<Caution> = cautions_of(&list).collect();
/// for t in &list {
///     assert!(t.cautions().iter().all(|c| cautions.contains(c)));
/// }
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

#[cfg(test)]
mod hash_tests {
    use super::{hash_folded, FoldHasher};

    /// The streamed hash (non-ASCII input) and the hash of a folded buffer
    /// (ASCII input) agree at every length, word boundaries included.
    #[test]
    fn streamed_and_buffered_hashes_agree() {
        let text = "amifampridine, 3,4-diaminopyridine: ÉÀ ß ǅ İ";
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let bytes = &text.as_bytes()[..end];
            let mut streamed = FoldHasher::default();
            bytes.iter().for_each(|b| streamed.push(*b));
            assert_eq!(streamed.finish(), hash_folded(bytes), "at {end} bytes");
        }
        assert_ne!(hash_folded(b"rituximab"), hash_folded(b"rituximaB"));
    }

    /// The same vectors are pinned in `lems-treatments-build`'s
    /// `names::lookup_hash` (the hash the generator files keys under): if
    /// either side changes, one of the two tests fails.
    #[test]
    fn hash_is_pinned() {
        for (key, want) in [
            ("", 0x0),
            ("rituximab", 0x6941_22b9),
            ("abcdefgh", 0xfbb3_ac3f),
            ("abcdefghijklmnop", 0x27dc_288c),
            ("äöü straße", 0x1553_0374),
            ("x".repeat(70).as_str(), 0xe5a8_d0c0),
        ] {
            assert_eq!(hash_folded(key.as_bytes()), want, "{key:?}");
        }
    }
}
