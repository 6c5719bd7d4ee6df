//! Review dates: which files record a review against their sources, and the
//! warnings (not errors) for a review that is missing, overdue or in the future.

use std::collections::BTreeMap;

use crate::diagnostic::{self, Code, Diagnostic};
use crate::model::{date_problem, real_day, Date};
use crate::read::yaml::Document;

use super::{Content, Loaded};

/// How long a review against the sources stays current: `lems-content check`
/// warns about files last reviewed longer ago than this (or never).
pub const REVIEW_PERIOD_DAYS: i64 = 365;

/// Every content file that records a review date, with that date.
pub(crate) fn reviewed_dates(c: &Content) -> Vec<(&str, &Document, Option<&Date>)> {
    fn of<T>(
        items: &BTreeMap<String, Loaded<T>>,
        get: fn(&T) -> Option<&Date>,
    ) -> impl Iterator<Item = (&str, &Document, Option<&Date>)> {
        items
            .values()
            .map(move |l| (l.file.as_str(), &l.doc, get(&l.item)))
    }
    let mut out: Vec<(&str, &Document, Option<&Date>)> = Vec::new();
    out.extend(of(&c.treatments, |x| x.reviewed.as_ref()));
    out.extend(of(&c.classes, |x| x.reviewed.as_ref()));
    out.extend(of(&c.mechanisms, |x| x.reviewed.as_ref()));
    out.extend(of(&c.cautions, |x| x.reviewed.as_ref()));
    out.push((
        c.condition.file.as_str(),
        &c.condition.doc,
        c.condition.item.reviewed.as_ref(),
    ));
    out.push((
        c.disclaimer.file.as_str(),
        &c.disclaimer.doc,
        c.disclaimer.item.reviewed.as_ref(),
    ));
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

/// Warnings (not errors) about reviews against the sources: a file that
/// records no review, one reviewed more than [`REVIEW_PERIOD_DAYS`] before
/// `today` (`YYYY-MM-DD`), or one dated after `today`.
pub fn review_warnings(c: &Content, today: &str) -> Vec<Diagnostic> {
    let Some(now) = days_since_epoch(today) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (file, doc, reviewed) in reviewed_dates(c) {
        let Some(date) = reviewed else {
            let span = doc.locate("");
            out.push(
                Diagnostic::new(file, span.value.0, Code::ReviewDue, "no review against the sources is recorded")
                    .with_help("review the file against its sources, then add `reviewed: \"YYYY-MM-DD\"` with the date of the review"),
            );
            continue;
        };
        let Some(then) = days_since_epoch(&date.0) else {
            continue;
        };
        let span = doc.locate("/reviewed");
        if now - then > REVIEW_PERIOD_DAYS {
            out.push(
                Diagnostic::new(
                    file,
                    span.value.0,
                    Code::ReviewDue,
                    format!(
                        "last reviewed against its sources on {}, more than {REVIEW_PERIOD_DAYS} days ago: a review is due",
                        date.0
                    ),
                )
                .until(span.value.1)
                .at_pointer("/reviewed")
                .with_help("review the file against its sources, correct what has changed, and set `reviewed:` to the date of the review"),
            );
        } else if then > now {
            out.push(
                Diagnostic::new(
                    file,
                    span.value.0,
                    Code::ReviewDue,
                    format!("the review date {} is after today ({today})", date.0),
                )
                .until(span.value.1)
                .at_pointer("/reviewed")
                .with_help("write the date the review actually took place"),
            );
        }
    }
    diagnostic::sort(&mut out);
    out
}
