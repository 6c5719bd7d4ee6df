//! `dates-real`: every date a source was updated or read or a review recorded is a day
//! that exists in the calendar.

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::model::{date_problem, real_day};
use crate::read::yaml::Document;
use crate::relations::Relations;

/// Every date is a real day.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    for l in c.sources.values() {
        if let Some(date) = &l.item.last_updated {
            check_date(cx, &l.file, &l.doc, "/last_updated", &date.0);
        }
        if let Some(date) = &l.item.read {
            check_date(cx, &l.file, &l.doc, "/read", &date.0);
        }
    }
    if let Some(l) = &c.reviews.file {
        for (i, r) in c.reviews.records.iter().enumerate() {
            check_date(cx, &l.0, &l.1, &format!("/records/{i}/date"), &r.date.0);
        }
    }
}

fn check_date(cx: &mut Cx, file: &str, doc: &Document, pointer: &str, date: &str) {
    if date_problem(date).is_some() {
        // The model types already refuse it; reported there.
        return;
    }
    let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    let valid = matches!(parts.as_slice(), [y, m, d] if real_day(*y, *m, *d));
    if !valid {
        let span = doc.locate(pointer);
        cx.push(
            Diagnostic::new(file, span.value.0, Code::InvalidValue, format!("`{date}` is not a real calendar date"))
                .at_pointer(pointer)
                .with_help("write the date as YYYY-MM-DD with a month 01-12 and a day that exists in that month"),
        );
    }
}
