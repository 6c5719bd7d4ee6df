//! Review records: which content files a recorded review covers (the
//! SHA-256 of the file's bytes at the review is the file's now), each file's
//! [`ReviewStatus`], and the warnings (not errors) for a file never reviewed,
//! changed since its last review, overdue, or dated in the future.

use std::collections::BTreeMap;

use crate::diagnostic::{self, Code, Diagnostic};
use crate::model::{date_problem, real_day, Date, ReviewKind, ReviewRecord};
use crate::read::yaml::Document;

use super::{Content, Loaded};

/// How long a review against the sources stays current: `lems-content check`
/// warns about files last checked against their sources longer ago than this.
pub const REVIEW_PERIOD_DAYS: i64 = 365;

/// The review records of a tree and the hash of every reviewable file now.
#[derive(Debug, Clone, Default)]
pub struct Reviews {
    /// Every record of `data/reviews.yaml`, oldest first (empty without the file).
    pub records: Vec<ReviewRecord>,
    /// The SHA-256 (hex) of each reviewable file's bytes now, by its path
    /// relative to `data/` (`treatments/pyridostigmine.yaml`).
    pub current: BTreeMap<String, String>,
    /// The prefix of file names in messages (`data`), stripped to find a file's records.
    pub display: String,
    /// The records file as shown in messages, with its parsed YAML, when there is one.
    pub file: Option<(String, Document)>,
}

/// What the records say of one content file now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStatus<'a> {
    /// No review of the file was ever recorded.
    Never,
    /// Reviews were recorded, but the file's bytes changed since the last one.
    Changed {
        /// The last review recorded.
        last: &'a ReviewRecord,
    },
    /// The file is what a recorded review saw: the last check against its
    /// sources and the last clinical approval of exactly these bytes.
    Current {
        /// The last check against its sources of these bytes, if any.
        checked: Option<&'a ReviewRecord>,
        /// The last clinical approval of these bytes, if any.
        approved: Option<&'a ReviewRecord>,
    },
}

impl Reviews {
    /// The path relative to `data/` of a file shown as `shown` (`data/x.yaml` → `x.yaml`).
    pub fn relative<'s>(&self, shown: &'s str) -> &'s str {
        shown
            .strip_prefix(self.display.as_str())
            .and_then(|r| r.strip_prefix('/'))
            .unwrap_or(shown)
    }

    /// The status of the file shown as `shown` (a `Loaded::file`).
    pub fn status(&self, shown: &str) -> ReviewStatus<'_> {
        let rel = self.relative(shown);
        let mine: Vec<&ReviewRecord> = self.records.iter().filter(|r| r.file.0 == rel).collect();
        let Some(last) = mine.last().copied() else {
            return ReviewStatus::Never;
        };
        let Some(now) = self.current.get(rel) else {
            return ReviewStatus::Changed { last };
        };
        let of = |kind: ReviewKind| {
            mine.iter()
                .rev()
                .copied()
                .find(|r| r.kind == kind && &r.sha256 == now)
        };
        let (checked, approved) = (
            of(ReviewKind::CheckedAgainstSources),
            of(ReviewKind::ClinicianApproved),
        );
        if checked.is_none() && approved.is_none() {
            return ReviewStatus::Changed { last };
        }
        ReviewStatus::Current { checked, approved }
    }
}

impl ReviewStatus<'_> {
    /// The status in plain words, as every view says it: "checked against its
    /// sources on D; not approved by a clinician", "…; approved by R on D",
    /// "changed since its last review (…)" or "never reviewed".
    pub fn summary(&self) -> String {
        match self {
            ReviewStatus::Never => "never reviewed".to_string(),
            ReviewStatus::Changed { last } => format!(
                "changed since its last review ({} by {} on {})",
                kind_words(last.kind),
                last.name.0,
                last.date.0
            ),
            ReviewStatus::Current { checked, approved } => {
                let checked = checked.map_or_else(
                    || "not checked against its sources".to_string(),
                    |r| format!("checked against its sources on {}", r.date.0),
                );
                let approved = approved.map_or_else(
                    || "not approved by a clinician".to_string(),
                    |r| format!("approved by {} on {}", r.role.0, r.date.0),
                );
                format!("{checked}; {approved}")
            }
        }
    }

    /// The day of the last check against the sources that still holds.
    pub fn checked_on(&self) -> Option<&Date> {
        match self {
            ReviewStatus::Current {
                checked: Some(r), ..
            } => Some(&r.date),
            _ => None,
        }
    }

    /// The last clinical approval that still holds.
    pub fn approval(&self) -> Option<&ReviewRecord> {
        match self {
            ReviewStatus::Current { approved, .. } => *approved,
            _ => None,
        }
    }

    /// Whether the file changed since its last recorded review.
    pub fn is_changed(&self) -> bool {
        matches!(self, ReviewStatus::Changed { .. })
    }
}

/// A review kind in words: "checked against its sources", "approved by a clinician".
pub fn kind_words(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::CheckedAgainstSources => "checked against its sources",
        ReviewKind::ClinicianApproved => "approved by a clinician",
    }
}

/// Every content file a review covers (all but the sources and the records
/// themselves; the glossary when there is one), with its parsed YAML.
pub fn reviewable_files(c: &Content) -> Vec<(&str, &Document)> {
    fn of<T>(items: &BTreeMap<String, Loaded<T>>) -> impl Iterator<Item = (&str, &Document)> {
        items.values().map(|l| (l.file.as_str(), &l.doc))
    }
    let mut out: Vec<(&str, &Document)> = Vec::new();
    out.extend(of(&c.treatments));
    out.extend(of(&c.classes));
    out.extend(of(&c.mechanisms));
    out.extend(of(&c.cautions));
    out.push((c.condition.file.as_str(), &c.condition.doc));
    out.push((c.disclaimer.file.as_str(), &c.disclaimer.doc));
    if let Some(g) = &c.glossary {
        out.push((g.file.as_str(), &g.doc));
    }
    out
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), or
/// `None` when it is not one.
pub fn days_since_epoch(date: &str) -> Option<i64> {
    if date_problem(date).is_some() {
        return None;
    }
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (yu, mu, du) = (
        u32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    );
    if !real_day(yu, mu, du) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Warnings (not errors) about reviews, per reviewable file: never
/// reviewed (`W0301`), changed since its last review (`W0302`), its last
/// check against its sources more than [`REVIEW_PERIOD_DAYS`] before `today`
/// (`YYYY-MM-DD`) or after it (`W0301`).
pub fn review_warnings(c: &Content, today: &str) -> Vec<Diagnostic> {
    let now = days_since_epoch(today);
    let mut out = Vec::new();
    for (file, doc) in reviewable_files(c) {
        let at = doc.locate("").value.0;
        let warn = |code, message: String, help: String| {
            Diagnostic::new(file, at, code, message).with_help(help)
        };
        // The help names the file (as `data/` holds it, which `record` takes
        // from any folder): `record` alone would record every file not yet
        // recorded, not just the one reviewed.
        let rel = c.reviews.relative(file);
        match c.reviews.status(file) {
            ReviewStatus::Never => out.push(warn(
                Code::ReviewDue,
                "never reviewed: no review of this file is recorded".to_string(),
                format!("review the file against its sources, then run `lems-content record --kind sources {rel}` (it records who, today's date and what the file holds now)"),
            )),
            ReviewStatus::Changed { last } => out.push(warn(
                Code::ReviewStale,
                format!("changed since {} reviewed it on {} ({})", last.name.0, last.date.0, kind_words(last.kind)),
                match last.kind {
                    ReviewKind::CheckedAgainstSources => format!("review the change against the sources (`lems-content diff` shows it), then run `lems-content record --kind sources {rel}` again"),
                    ReviewKind::ClinicianApproved => format!("have the change reviewed (`lems-content diff` shows it), then run `lems-content record --kind clinician --role ROLE {rel}` (or `--kind sources`) again"),
                },
            )),
            status @ ReviewStatus::Current { .. } => {
                let (Some(now), Some(date)) = (now, status.checked_on()) else {
                    continue;
                };
                let Some(then) = days_since_epoch(&date.0) else {
                    continue;
                };
                if now - then > REVIEW_PERIOD_DAYS {
                    out.push(warn(
                        Code::ReviewDue,
                        format!("last checked against its sources on {}, more than {REVIEW_PERIOD_DAYS} days ago: a review is due", date.0),
                        format!("review the file against its sources, correct what has changed, then run `lems-content record --kind sources {rel}`"),
                    ));
                } else if then > now {
                    out.push(warn(
                        Code::ReviewDue,
                        format!("the review recorded on {} is after today ({today})", date.0),
                        "check the clock of the machine that recorded it; record the review again today".to_string(),
                    ));
                }
            }
        }
    }
    diagnostic::sort(&mut out);
    out
}
