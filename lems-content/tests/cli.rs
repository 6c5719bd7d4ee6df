//! `lems-content` end to end: the corpus through `check` (human and JSON),
//! `new`, `show` and `schema`.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::process::{Command, Output};

fn lems_content(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(args)
        .output()
        .expect("run lems-content")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_real_content_checks_clean() {
    let root = common::repo_root();
    let o = lems_content(&["check", root.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "13 treatments, 10 mechanisms, 6 cautions, 9 classes, 17 sources: ok\n"
    );
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
    let o = lems_content(&["show", "firdapse"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        lems_treatments::Treatment::Amifampridine.card().to_string()
    );
    let o = lems_content(&["show", "mestinnon"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `Mestinon`?"));
}

#[test]
fn schema_regenerates_identical_files() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("schema_regen");
    let _ = std::fs::remove_dir_all(&dir);
    let o = lems_content(&["schema", dir.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0));
    for kind in lems_treatments_build::FileKind::ALL {
        let fresh =
            std::fs::read_to_string(dir.join("schema").join(kind.schema_file())).expect("written");
        let committed =
            std::fs::read_to_string(common::repo_root().join("schema").join(kind.schema_file()))
                .expect("committed");
        assert_eq!(fresh, committed, "{}", kind.schema_file());
    }
}
