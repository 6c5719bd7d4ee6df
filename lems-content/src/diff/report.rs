//! The report `diff` makes: the two sides, the semantic diff and the version
//! check, as plain serializable data that every format reads (human,
//! Markdown, JSON and the HTML site), with the 0.x rule they all quote.

use lems_treatments_build::diff::{ContentDiff, Level, RuleId};
use lems_treatments_build::load::review::{kind_words, Reviews};
use lems_treatments_build::model::ReviewRecord;
use serde::Serialize;

use super::git::Commit;
use super::mentions::Mention;
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
    /// The commits from BASE to HEAD, when both are revisions (HEAD's
    /// working tree counts as its commit); `None` for content folders.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commits: Option<Commits>,
    /// When both sides are revisions: each content file whose bytes differ
    /// between BASE and HEAD, with the review records it had at BASE (from
    /// BASE's `data/reviews.yaml`), so a reviewer sees what was reviewed before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviews_at_base: Option<Vec<FileRecords>>,
    /// Every text at HEAD that still mentions a removed or renamed name,
    /// brand or synonym.
    pub stale_mentions: Vec<Mention>,
    /// The release in plain words: the version to publish and what users of
    /// the crate must do (`None`: nothing changed).
    pub for_users: Option<ForUsers>,
    /// The `--check-version` verdict, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_check: Option<VersionCheck>,
}

/// The commits of a range, newest first.
#[derive(Debug, Clone, Serialize)]
pub struct Commits {
    /// The commits, at most [`MAX_COMMITS`].
    pub list: Vec<Commit>,
    /// Whether more commits were in the range than are listed.
    pub more: bool,
}

/// A changed content file and the review records it had at BASE.
#[derive(Debug, Clone, Serialize)]
pub struct FileRecords {
    /// The file, relative to `data/`.
    pub file: String,
    /// `changed`, `added` (not at BASE) or `removed` (not at HEAD).
    pub op: &'static str,
    /// Its records at BASE, oldest first (empty: never reviewed there).
    pub records: Vec<ReviewRecord>,
}

impl FileRecords {
    /// The records in words: "none", or each as "checked against its
    /// sources by NAME (ROLE) on DATE", joined by "; ".
    pub fn words(&self) -> String {
        if self.records.is_empty() {
            return "none".to_string();
        }
        self.records
            .iter()
            .map(|r| {
                format!(
                    "{} by {} ({}) on {}",
                    kind_words(r.kind),
                    r.name.0,
                    r.role.0,
                    r.date.0
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Every content file whose bytes differ between BASE and HEAD (by their
/// hashes), in path order, with the records BASE's review file kept of it.
pub fn reviews_at_base(base: &Reviews, head: &Reviews) -> Vec<FileRecords> {
    let mut files: Vec<&String> = base.current.keys().chain(head.current.keys()).collect();
    files.sort();
    files.dedup();
    files
        .into_iter()
        .filter_map(|f| {
            let op = match (base.current.get(f), head.current.get(f)) {
                (Some(b), Some(h)) if b == h => return None,
                (Some(_), Some(_)) => "changed",
                (None, _) => "added",
                (Some(_), None) => "removed",
            };
            let records = base
                .records
                .iter()
                .filter(|r| &r.file.0 == f)
                .cloned()
                .collect();
            Some(FileRecords {
                file: f.clone(),
                op,
                records,
            })
        })
        .collect()
}

/// The most commits a report lists.
pub const MAX_COMMITS: usize = 200;

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

/// The release in plain words, with no packaging jargon.
#[derive(Debug, Clone, Serialize)]
pub struct ForUsers {
    /// Which version to publish, and why.
    pub publish: String,
    /// What users of the crate must do, one sentence per kind of change, the
    /// most demanding first.
    pub actions: Vec<String>,
}

/// The plain-words release of diff `d` from the version at BASE (when known).
pub fn for_users(d: &ContentDiff, base_version: Option<&str>) -> Option<ForUsers> {
    let level = d.level()?;
    let at_least = base_version
        .and_then(Version::parse)
        .map_or(String::new(), |v| {
            format!(" as version {} or later", v.minimum_for(level))
        });
    let publish = match level {
        Level::Major => format!("This release can break code that uses the crate: publish it{at_least}, a number that tells users to expect changes they must make, so nobody gets it without choosing to."),
        Level::Minor => format!("This release adds to or changes the content without breaking code that uses the crate: publish it{at_least}."),
        Level::Patch => format!("This release only corrects wording or citations: publish it{at_least}."),
    };
    let mut rules: Vec<RuleId> = d
        .entities
        .iter()
        .flat_map(|e| &e.changes)
        .map(|c| c.rule)
        .chain(d.decision.as_ref().map(|x| x.rule.id))
        .collect();
    rules.sort_by_key(|r| (std::cmp::Reverse(r.level()), *r));
    rules.dedup();
    let actions = rules
        .iter()
        .map(|r| crate::text::capitalised(r.users()))
        .collect();
    Some(ForUsers { publish, actions })
}
