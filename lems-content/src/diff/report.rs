//! The report `diff` makes: the two sides, the semantic diff and the version
//! check, as plain serializable data that every format reads (human,
//! Markdown, JSON and the HTML site), with the 0.x rule they all quote.

use lems_treatments_build::diff::{ContentDiff, Level};
use serde::Serialize;

use super::version::Version;

/// Everything `diff` reports: the two sides, the diff and the version check.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    /// What BASE was (a revision or a folder).
    pub base: String,
    /// What HEAD was.
    pub head: String,
    /// The crate version at BASE (`[package] version` of Cargo.toml), when found.
    pub base_version: Option<String>,
    /// The crate version at HEAD, when found.
    pub head_version: Option<String>,
    /// The semantic diff.
    pub diff: ContentDiff,
    /// How semver levels map to a version while it is 0.x.
    pub zero_x_rule: &'static str,
    /// The `--check-version` verdict, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_check: Option<VersionCheck>,
}

/// What Cargo makes of 0.x versions, as this tool applies it.
pub const ZERO_X_RULE: &str = "while the version is 0.x, Cargo treats 0.x → 0.(x+1) as breaking: a major change needs the x bump (0.1.0 → 0.2.0), a minor or patch change a bump of the last number (0.1.0 → 0.1.1); at 0.0.z every bump is breaking";

/// The verdict of `--check-version`.
#[derive(Debug, Clone, Serialize)]
pub struct VersionCheck {
    /// Whether the bump is big enough.
    pub ok: bool,
    /// The release the content change needs (`None`: nothing changed).
    pub needed: Option<Level>,
    /// What the version bump is under Cargo's rules (`None`: no increase).
    pub bump: Option<Level>,
    /// The smallest version at HEAD that would pass.
    pub minimum: Option<String>,
    /// The verdict in words.
    pub message: String,
}

/// Whether Cargo's 0.x rule applies: the version at BASE is 0.x (or unknown).
pub fn zero_x(r: &DiffReport) -> bool {
    r.base_version
        .as_deref()
        .and_then(Version::parse)
        .is_none_or(|v| v.major == 0)
}
