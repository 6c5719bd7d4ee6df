//! Review records (`data/reviews.yaml`): written by `lems-content record`,
//! never typed. Each says who reviewed which content file, when, what kind of
//! review it was, and the SHA-256 of the file's bytes they reviewed.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Text};

/// What a review established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum ReviewKind {
    /// Every statement of the file was checked against its cited sources.
    #[serde(rename = "checked_against_sources")]
    CheckedAgainstSources,
    /// A clinician approved the file's content.
    #[serde(rename = "clinician_approved")]
    ClinicianApproved,
}

impl ReviewKind {
    /// The value as written in the records file.
    pub fn yaml(self) -> &'static str {
        match self {
            ReviewKind::CheckedAgainstSources => "checked_against_sources",
            ReviewKind::ClinicianApproved => "clinician_approved",
        }
    }
}

/// One review of one content file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewRecord {
    /// The reviewed file, relative to `data/`, for example `treatments/pyridostigmine.yaml`.
    pub file: Text,
    /// `checked_against_sources` or `clinician_approved`.
    pub kind: ReviewKind,
    /// Who reviewed it, as given to `lems-content record` (`--name`) or git's `user.name`.
    pub name: Text,
    /// The reviewer's role, for example `editor` or `neurologist`.
    pub role: Text,
    /// The day of the review (`YYYY-MM-DD`), from the clock of the machine that recorded it.
    pub date: Date,
    /// The SHA-256 of the file's bytes as reviewed (64 lowercase hex digits): a later change of any byte shows.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = "^[0-9a-f]{64}$")))]
    pub sha256: String,
}

/// The review records: the file `data/reviews.yaml`, written by `lems-content record` only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "Review records"))]
pub struct ReviewsFile {
    /// Every review recorded, oldest first. Do not edit: run `lems-content record`.
    #[serde(default)]
    pub records: Vec<ReviewRecord>,
}
