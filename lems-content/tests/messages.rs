//! `check`'s two formats say the same thing, and `new` applies `check`'s id rules.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use lems_treatments_build::escape::terminal;
use lems_treatments_build::{load, Paths, SchemaCheck};

const TODAY: &str = "2026-11-27";

/// (file, line, column, code, message) of every diagnostic, and the notes.
type Said = (
    BTreeSet<(String, usize, usize, String, String)>,
    Vec<String>,
);

/// What the human format says, read back from its text.
fn said_by_human(text: &str) -> Said {
    let mut diags = BTreeSet::new();
    let mut notes = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if let Some(note) = line.strip_prefix("warning: ") {
            notes.push(note.to_string());
            continue;
        }
        let Some((code, message)) = line
            .strip_prefix("error[")
            .or_else(|| line.strip_prefix("warning["))
            .and_then(|r| r.split_once("]: "))
        else {
            continue;
        };
        let place = lines
            .get(i + 1)
            .and_then(|l| l.trim_start().strip_prefix("--> "))
            .unwrap_or_else(|| panic!("no location after {line}"));
        let mut parts = place.rsplitn(3, ':');
        let col: usize = parts.next().and_then(|c| c.parse().ok()).expect("column");
        let row: usize = parts.next().and_then(|c| c.parse().ok()).expect("line");
        let file = parts.next().expect("file").to_string();
        diags.insert((file, row, col, code.to_string(), message.to_string()));
    }
    (diags, notes)
}

/// What the JSON format says, with messages escaped as the terminal shows them.
fn said_by_json(text: &str) -> Said {
    let v: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
    let diags = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                terminal(d["file"].as_str().expect("file")).into_owned(),
                d["line"].as_u64().expect("line") as usize,
                d["column"].as_u64().expect("column") as usize,
                d["code"].as_str().expect("code").to_string(),
                terminal(d["message"].as_str().expect("message")).into_owned(),
            )
        })
        .collect();
    let notes = v["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| terminal(n.as_str().expect("note")).into_owned())
        .collect();
    (diags, notes)
}

fn both_formats(root: &Path) -> (Said, Said, usize) {
    let paths = Paths::under(root);
    let mut report = load(&paths, SchemaCheck::Validate);
    report.check_reviews(TODAY);
    let human = lems_content::diagnostics::human(&paths, &report, false);
    let json = lems_content::diagnostics::json(&report);
    let n = report.diagnostics.len() + report.warnings.len();
    (said_by_human(&human), said_by_json(&json), n)
}

#[test]
fn json_and_human_carry_the_same_diagnostics_and_notes_over_the_whole_corpus() {
    let mut cases = common::corpus_cases();
    let accepted = common::repo_root().join("tests/accepted");
    if accepted.is_dir() {
        for e in std::fs::read_dir(accepted).expect("tests/accepted") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                cases.push(p);
            }
        }
    }
    assert!(cases.len() > 30);
    for case in cases {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("case")
            .to_string();
        let root = common::materialise(&case, &format!("formats_{name}"));
        let (human, json, n) = both_formats(&root);
        assert_eq!(human, json, "{name}");
        assert_eq!(human.0.len(), n, "{name}: every diagnostic once");
    }
}

#[test]
fn a_stale_schema_note_is_in_both_formats() {
    let root = common::materialise(
        &common::repo_root().join("tests/corpus/leftover_placeholder"),
        "formats_stale_schema",
    );
    let schema = root.join("schema/treatment.schema.json");
    let text = std::fs::read_to_string(&schema).expect("schema");
    std::fs::write(&schema, format!("{text}\n")).expect("make stale");
    let (human, json, _) = both_formats(&root);
    assert_eq!(human.1.len(), 1, "{human:?}");
    assert!(human.1[0].contains("out of date"), "{human:?}");
    assert_eq!(human, json);
}

/// Every id `new` refuses comes with a suggestion that `new` accepts (and so
/// `check`: the skeleton it writes is flagged only for its placeholders).
#[test]
fn every_suggestion_new_prints_is_accepted_by_new() {
    let root = common::materialise(
        &common::repo_root().join("tests/corpus/empty_file"),
        "formats_new_ids",
    );
    let root_s = root.to_str().expect("utf-8 path");
    let long = "a".repeat(65);
    for bad in [
        "self",
        "Self",
        "con",
        "nul",
        "aux",
        "com1",
        "lpt9",
        "a_l_l",
        "Bad Id",
        "3x",
        long.as_str(),
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
            .args(["new", "mechanism", bad, "--root", root_s])
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(2), "{bad} accepted");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        let suggestion = err
            .rsplit_once("for example `")
            .and_then(|(_, r)| r.split_once('`'))
            .map(|(s, _)| s.to_string())
            .unwrap_or_else(|| panic!("{bad}: no suggestion in {err}"));
        let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
            .args(["new", "mechanism", &suggestion, "--root", root_s])
            .output()
            .expect("run");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{bad} -> {suggestion}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let file = root.join(format!("data/mechanisms/{suggestion}.yaml"));
        assert!(file.is_file(), "{suggestion}");
        std::fs::remove_file(file).expect("clean up");
    }
}
