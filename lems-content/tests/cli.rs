//! `lems-content` end to end: the corpus through `check` (human and JSON),
//! `new`, `show` and `schema`.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::process::{Command, Output};

/// Reviews are checked against this fixed day, so results do not change with the calendar.
const TODAY: &str = "2026-11-27";

fn lems_content(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(args)
        .env("LEMS_CONTENT_TODAY", TODAY)
        .output()
        .expect("run lems-content")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_real_content_checks_clean() {
    let root = common::repo_root();
    let report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(&root),
        lems_treatments_build::SchemaCheck::Validate,
    );
    let mut report = report;
    report.check_reviews(TODAY);
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    let expected = format!("{}\n", lems_content::render::summary(&report));
    assert!(expected.ends_with(": ok\n"), "{expected}");
    let o = lems_content(&["check", root.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), expected);
    // The same answer, with no notes, from anywhere inside the repository.
    for dir in ["data", "data/treatments", "lems-content"] {
        let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
            .arg("check")
            .current_dir(root.join(dir))
            .env("LEMS_CONTENT_TODAY", TODAY)
            .output()
            .expect("run lems-content");
        assert_eq!(o.status.code(), Some(0), "from {dir}: {}", stdout(&o));
        assert_eq!(stdout(&o), expected, "from {dir}");
        assert_eq!(String::from_utf8_lossy(&o.stderr), "", "from {dir}");
    }
}

#[test]
fn every_corpus_case_is_reported_with_snippets_and_as_json() {
    for case in common::corpus_cases() {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("case")
            .to_string();
        let root = common::materialise(&case, &format!("cli_{name}"));
        let root_s = root.to_str().expect("utf-8 path");
        let human = lems_content(&["check", root_s]);
        assert_eq!(
            human.status.code(),
            Some(1),
            "{name}: exit code 1 for content errors"
        );
        let text = stdout(&human);
        assert!(text.contains("error[E"), "{name}: rustc-style title");
        assert!(
            text.contains("--> data/") || text.contains("--> schema/"),
            "{name}: located"
        );
        insta::assert_snapshot!(format!("check__{name}"), text);

        let json = lems_content(&["check", root_s, "--format", "json"]);
        assert_eq!(json.status.code(), Some(1));
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
        assert_eq!(v["ok"], false);
        let diags = v["diagnostics"].as_array().expect("diagnostics");
        assert!(!diags.is_empty());
        for d in diags {
            for key in ["file", "line", "column", "code", "message"] {
                assert!(!d[key].is_null(), "{name}: {key} in {d}");
            }
        }
    }
}

#[test]
fn check_exits_2_when_it_cannot_run() {
    let o = lems_content(&["check", "/definitely/not/here"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn new_writes_a_skeleton_that_check_flags_and_never_overwrites() {
    let case = common::repo_root().join("tests/corpus/empty_file");
    let root = common::materialise(&case, "cli_new");
    // Start from the clean content.
    std::fs::copy(
        common::repo_root().join("data/treatments/pyridostigmine.yaml"),
        root.join("data/treatments/pyridostigmine.yaml"),
    )
    .expect("restore");
    let root_s = root.to_str().expect("utf-8 path");
    let o = lems_content(&["new", "treatment", "efgartigimod_example", "--root", root_s]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let file = root.join("data/treatments/efgartigimod_example.yaml");
    let written = std::fs::read_to_string(&file).expect("skeleton written");
    assert!(
        written.starts_with("# yaml-language-server: $schema=../../schema/treatment.schema.json\n")
    );
    // Placeholders are flagged until filled.
    let o = lems_content(&["check", root_s]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("check__new_skeleton", stdout(&o));
    // A second `new` leaves the editor's file alone.
    std::fs::write(&file, "edited").expect("edit");
    let o = lems_content(&["new", "treatment", "efgartigimod_example", "--root", root_s]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&file).expect("still there"),
        "edited"
    );
    // A bad id is refused with a suggestion.
    let o = lems_content(&["new", "treatment", "Bad Id", "--root", root_s]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad_id"));
}

#[test]
fn show_prints_the_reviewed_rendering() {
    let c = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(&common::repo_root()),
        lems_treatments_build::SchemaCheck::Validate,
    )
    .content
    .expect("clean content");
    let rel = lems_treatments_build::relations::Relations::of(&c);
    let view = lems_treatments_build::render::View::new(&c, &rel);
    let o = lems_content(&["show", "firdapse"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(Some(stdout(&o)), view.card("amifampridine"));
    let o = lems_content(&["show", "mestinnon"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `Mestinon`?"));
}

#[test]
fn schema_regenerates_identical_files() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("schema_regen");
    let _ = std::fs::remove_dir_all(&dir);
    // Outside a repository (no schema/ beside data/), nothing is written.
    common::copy_dir(&common::repo_root().join("data"), &dir.join("data"));
    let o = lems_content(&["schema", "--root", dir.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.join("schema").exists());
    // In a repository-shaped tree, the schemas are written.
    std::fs::create_dir_all(dir.join("schema")).expect("schema dir");
    std::fs::copy(
        common::repo_root().join("Cargo.toml"),
        dir.join("Cargo.toml"),
    )
    .expect("copy");
    let o = lems_content(&["schema", "--root", dir.to_str().expect("utf-8 path")]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for kind in lems_treatments_build::FileKind::ALL {
        let fresh =
            std::fs::read_to_string(dir.join("schema").join(kind.schema_file())).expect("written");
        let committed =
            std::fs::read_to_string(common::repo_root().join("schema").join(kind.schema_file()))
                .expect("committed");
        assert_eq!(fresh, committed, "{}", kind.schema_file());
    }
}

#[test]
fn check_warns_but_passes_when_a_review_is_overdue() {
    let root = common::repo_root();
    let root_s = root.to_str().expect("utf-8 path");
    let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(["check", root_s])
        .env("LEMS_CONTENT_TODAY", "2028-06-01")
        .output()
        .expect("run lems-content");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "warnings do not fail: {out}");
    assert!(out.contains("warning[W0301]"), "{out}");
    assert!(out.contains("data/treatments/prednisone.yaml"), "{out}");
    assert!(out.contains("a review is due"), "{out}");
    assert!(out.trim_end().ends_with("warnings)"), "{out}");
    let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(["check", root_s, "--format", "json"])
        .env("LEMS_CONTENT_TODAY", "2028-06-01")
        .output()
        .expect("run lems-content");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(doc["ok"], true);
    assert!(doc["diagnostics"].as_array().is_some_and(|d| d
        .iter()
        .any(|x| x["severity"] == "warning" && x["code"] == "W0301")));
}
