//! What the records say of each content file, as the JSON export states it:
//! current (a recorded review covers the file as it is), changed since its
//! last review, or never reviewed, with who, role, date and kind.

use lems_treatments_build::load::review::{ReviewStatus, Reviews};
use lems_treatments_build::model::ReviewRecord;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The review status of one content file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileReview {
    /// The file, relative to `data/` (for example `treatments/pyridostigmine.yaml`).
    pub file: String,
    /// `current` (a recorded review covers the file as it is now), `changed` (the file changed since its last recorded review, which no longer covers it) or `never` (no review recorded).
    pub status: String,
    /// The status in words, as the cards say it: "checked against its sources on D; not approved by a clinician", "…; approved by ROLE on D", "changed since its last review (…)" or "never reviewed".
    pub summary: String,
    /// With `current`: the last check against its sources of the file as it is now, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_against_sources: Option<ReviewRecord>,
    /// With `current`: the last clinician's approval of the file as it is now, if any (none: not approved by a clinician).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinician_approved: Option<ReviewRecord>,
    /// With `changed`: the last review recorded, of an earlier version of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<ReviewRecord>,
}

/// The review status of the file shown as `shown` (a `Loaded::file`).
pub fn file_review(reviews: &Reviews, shown: &str) -> FileReview {
    let status = reviews.status(shown);
    let mut r = FileReview {
        file: reviews.relative(shown).to_string(),
        status: String::new(),
        summary: status.summary(),
        checked_against_sources: None,
        clinician_approved: None,
        last_review: None,
    };
    r.status = match status {
        ReviewStatus::Never => "never",
        ReviewStatus::Changed { last } => {
            r.last_review = Some(last.clone());
            "changed"
        }
        ReviewStatus::Current { checked, approved } => {
            r.checked_against_sources = checked.cloned();
            r.clinician_approved = approved.cloned();
            "current"
        }
    }
    .to_string();
    r
}
