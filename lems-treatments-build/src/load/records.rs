//! Writing review records: which files a review of one kind would cover,
//! the new records (each with the hash of its file's bytes now), and the
//! text of `data/reviews.yaml`. `lems-content record` calls these and writes
//! the file; people never type a record.

use crate::model::{Date, ReviewKind, ReviewRecord, Text};

use super::review::{days_since_epoch, Reviews};

/// Who records a review, and what they did.
#[derive(Debug, Clone, Copy)]
pub struct Reviewer<'a> {
    /// Their name (`--name`, or git's `user.name`).
    pub name: &'a str,
    /// Their role (`--role`), for example `editor` or `neurologist`.
    pub role: &'a str,
    /// What kind of review it was.
    pub kind: ReviewKind,
    /// The day of the review, `YYYY-MM-DD`.
    pub date: &'a str,
}

/// Every reviewable file (relative to `data/`, in path order) that no record
/// of `kind` covers as it is now: never reviewed that way, or changed since.
pub fn unrecorded(reviews: &Reviews, kind: ReviewKind) -> Vec<String> {
    reviews
        .current
        .iter()
        .filter(|(file, hash)| {
            !reviews
                .records
                .iter()
                .any(|r| r.kind == kind && &r.file.0 == *file && &r.sha256 == *hash)
        })
        .map(|(file, _)| file.clone())
        .collect()
}

/// Why `value` cannot be a reviewer's name or role (`what`), if it cannot:
/// blank, or holding a control character.
pub fn reviewer_problem(what: &str, value: &str) -> Option<String> {
    if value.trim().is_empty() {
        return Some(format!("the {what} is empty"));
    }
    if value.chars().any(char::is_control) {
        return Some(format!("the {what} holds a control character"));
    }
    None
}

/// The records `reviewer` makes of `files` (relative to `data/`), each with
/// its file's hash now. A file that is not a reviewable content file of the
/// tree, a bad name, role or date is an error, and nothing is recorded.
pub fn new_records(
    reviews: &Reviews,
    files: &[String],
    reviewer: &Reviewer<'_>,
) -> Result<Vec<ReviewRecord>, String> {
    for (what, value) in [("name", reviewer.name), ("role", reviewer.role)] {
        if let Some(p) = reviewer_problem(what, value) {
            return Err(p);
        }
    }
    if days_since_epoch(reviewer.date).is_none() {
        return Err(format!(
            "the date `{}` is not a day of the calendar written `YYYY-MM-DD`",
            reviewer.date
        ));
    }
    files
        .iter()
        .map(|file| {
            let hash = reviews.current.get(file).ok_or_else(|| {
                format!("`{file}` is not a content file a review covers (a treatment, class, mechanism, caution, the condition, the disclaimer or the glossary)")
            })?;
            Ok(ReviewRecord {
                file: Text(file.clone()),
                kind: reviewer.kind,
                name: Text(reviewer.name.trim().to_string()),
                role: Text(reviewer.role.trim().to_string()),
                date: Date(reviewer.date.to_string()),
                sha256: hash.clone(),
            })
        })
        .collect()
}

/// The text of `data/reviews.yaml` holding `records` (oldest first). Each
/// string is a YAML double-quoted scalar written as a JSON string, which
/// YAML reads back unchanged.
pub fn records_yaml(records: &[ReviewRecord]) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
    let mut out = String::from(
        "# yaml-language-server: $schema=../schema/reviews.schema.json\n\
         # Written by `lems-content record`; do not edit by hand.\n",
    );
    if records.is_empty() {
        out.push_str("records: []\n");
        return out;
    }
    out.push_str("records:\n");
    for r in records {
        out.push_str(&format!("  - file: {}\n", q(&r.file.0)));
        out.push_str(&format!("    kind: {}\n", r.kind.yaml()));
        out.push_str(&format!("    name: {}\n", q(&r.name.0)));
        out.push_str(&format!("    role: {}\n", q(&r.role.0)));
        out.push_str(&format!("    date: {}\n", q(&r.date.0)));
        out.push_str(&format!("    sha256: {}\n", q(&r.sha256)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReviewsFile;

    fn reviews(records: Vec<ReviewRecord>) -> Reviews {
        let mut r = Reviews {
            records,
            ..Reviews::default()
        };
        r.current.insert("treatments/a.yaml".into(), "1".repeat(64));
        r.current.insert("treatments/b.yaml".into(), "2".repeat(64));
        r
    }

    fn record(file: &str, kind: ReviewKind, hash: &str) -> ReviewRecord {
        ReviewRecord {
            file: Text(file.into()),
            kind,
            name: Text("Ana".into()),
            role: Text("editor".into()),
            date: Date("2026-12-01".into()),
            sha256: hash.into(),
        }
    }

    const SOURCES: ReviewKind = ReviewKind::CheckedAgainstSources;
    const CLINICIAN: ReviewKind = ReviewKind::ClinicianApproved;

    #[test]
    fn unrecorded_files_are_the_ones_no_record_of_the_kind_covers_now() {
        let r = reviews(vec![
            record("treatments/a.yaml", SOURCES, &"1".repeat(64)),
            // b was reviewed, but its bytes changed since.
            record("treatments/b.yaml", SOURCES, &"9".repeat(64)),
        ]);
        assert_eq!(unrecorded(&r, SOURCES), vec!["treatments/b.yaml"]);
        // No clinician approved either file.
        assert_eq!(
            unrecorded(&r, CLINICIAN),
            vec!["treatments/a.yaml", "treatments/b.yaml"]
        );
    }

    #[test]
    fn new_records_keep_each_file_hash_now_and_refuse_what_is_not_reviewable() {
        let r = reviews(Vec::new());
        let who = Reviewer {
            name: " Dr. Ana Li ",
            role: "neurologist",
            kind: CLINICIAN,
            date: "2026-12-02",
        };
        let made = new_records(&r, &["treatments/b.yaml".to_string()], &who);
        let made = made.unwrap_or_default();
        assert_eq!(made.len(), 1);
        assert_eq!(made[0].sha256, "2".repeat(64));
        assert_eq!(made[0].name.0, "Dr. Ana Li");
        assert_eq!(made[0].kind, CLINICIAN);
        let refused = new_records(&r, &["sources/x.yaml".to_string()], &who);
        assert!(matches!(refused, Err(e) if e.contains("`sources/x.yaml` is not")));
        let blank = Reviewer { name: "  ", ..who };
        assert_eq!(
            new_records(&r, &[], &blank),
            Err("the name is empty".to_string())
        );
        let bad_day = Reviewer {
            date: "2026-02-30",
            ..who
        };
        assert!(new_records(&r, &[], &bad_day).is_err());
        let control = Reviewer {
            role: "editor\u{7}",
            ..who
        };
        assert!(new_records(&r, &[], &control).is_err());
    }

    #[test]
    fn the_records_file_reads_back_as_written() {
        let records = vec![
            record("treatments/a.yaml", SOURCES, &"1".repeat(64)),
            ReviewRecord {
                name: Text("O'Brien \"Bo\" \\ Łukasz: #1".into()),
                ..record("condition.yaml", CLINICIAN, &"2".repeat(64))
            },
        ];
        let text = records_yaml(&records);
        let back: Result<ReviewsFile, _> = serde_json::from_value(yaml_to_json(&text));
        assert_eq!(back.map(|f| f.records).ok(), Some(records));
        assert!(records_yaml(&[]).ends_with("records: []\n"));
    }

    /// The YAML read by the same parser the loader uses, as JSON.
    fn yaml_to_json(text: &str) -> serde_json::Value {
        match crate::read::yaml::parse("reviews.yaml", text) {
            Ok(doc) => doc.value,
            Err(_) => serde_json::Value::Null,
        }
    }
}
