//! Review records end to end on a scratch git repository holding a copy of
//! the fixture tree: a reviewer records a review, an editor changes one
//! word, `check` warns that the file changed since that review, the card,
//! the JSON and the FHIR export say so, and the reviewer's next record clears
//! it. Only fixture content: nothing here depends on `data/`.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The day the records are dated with (only for this fixture copy).
const TODAY: &str = "2026-11-27";

/// A fresh git repository at `<tmp>/<name>` holding the fixture's data/
/// (without its review records) and the repository's schema/, committed.
fn scratch_repo(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    common::copy_dir(&common::fixture_root().join("data"), &root.join("data"));
    common::copy_dir(&common::repo_root().join("schema"), &root.join("schema"));
    std::fs::remove_file(root.join("data/reviews.yaml")).expect("the fixture has records");
    git(&root, &["init", "-q"]);
    git(&root, &["config", "user.name", "Ana Reviewer"]);
    git(&root, &["config", "user.email", "ana@example.org"]);
    commit(&root, "content");
    root
}

fn git(root: &Path, args: &[&str]) {
    let o = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("run git");
    assert!(o.status.success(), "git {args:?}: {o:?}");
}

fn commit(root: &Path, message: &str) {
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "--no-gpg-sign", "-m", message]);
}

fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(args)
        .current_dir(root)
        .env("LEMS_CONTENT_TODAY", TODAY)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("run lems-content")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `check`'s warnings of `code` (`W0302`), each a block of its output.
fn warnings(root: &Path, code: &str) -> Vec<String> {
    let o = run(root, &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "warnings never fail: {}",
        stdout(&o)
    );
    stdout(&o)
        .split("\n\n")
        .filter(|w| w.contains(&format!("warning[{code}]")))
        .map(str::to_string)
        .collect()
}

/// The JSON export's review of treatment `id`.
fn exported_review(root: &Path, id: &str) -> serde_json::Value {
    let o = run(root, &["export", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON export");
    doc["treatments"]
        .as_array()
        .and_then(|ts| ts.iter().find(|t| t["id"] == id))
        .map(|t| t["review"].clone())
        .unwrap_or_default()
}

/// The card's review line of treatment `id`.
fn card_review(root: &Path, id: &str) -> String {
    let o = run(root, &["show", id]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .find(|l| l.starts_with("Review: "))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_review_is_bound_to_what_it_saw_and_recorded_again_after_an_edit() {
    let root = scratch_repo("reviews_scenario");
    // Before any record every reviewable file is "never reviewed".
    assert_eq!(warnings(&root, "W0301").len(), 40);
    assert_eq!(
        card_review(&root, "pyridostigmine"),
        "Review: never reviewed."
    );

    // The reviewer records their check of everything (name from git config).
    let o = run(&root, &["record", "--kind", "sources"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(
        said.starts_with(
            "recorded 40 reviews in data/reviews.yaml: checked against its sources (Ana Reviewer, editor, 2026-11-27)"
        ),
        "{said}"
    );
    assert!(warnings(&root, "W0301").is_empty());
    assert!(warnings(&root, "W0302").is_empty());
    assert_eq!(
        card_review(&root, "pyridostigmine"),
        "Review: checked against its sources on 2026-11-27; not approved by a clinician."
    );
    commit(&root, "review");

    // An editor changes one word.
    let file = root.join("data/treatments/pyridostigmine.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(
        text.contains("It stops cholinesterase"),
        "the fixture's summary"
    );
    std::fs::write(&file, text.replace("It stops", "It prevents")).expect("edit");
    let stale = warnings(&root, "W0302");
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(
        stale[0].contains(
            "changed since Ana Reviewer reviewed it on 2026-11-27 (checked against its sources)"
        ) && stale[0].contains("data/treatments/pyridostigmine.yaml"),
        "{}",
        stale[0]
    );
    assert_eq!(
        card_review(&root, "pyridostigmine"),
        "Review: changed since its last review (checked against its sources by Ana Reviewer on 2026-11-27)."
    );
    let review = exported_review(&root, "pyridostigmine");
    assert_eq!(review["status"], "changed", "{review}");
    assert_eq!(review["last_review"]["name"], "Ana Reviewer", "{review}");
    assert_eq!(exported_review(&root, "amifampridine")["status"], "current");
    // The diff since the review names the records the changed file had.
    let o = run(&root, &["diff", "HEAD"]);
    assert!(
        stdout(&o).contains("reviews the changed files had at BASE:\n  treatments/pyridostigmine.yaml (changed): checked against its sources by Ana Reviewer (editor) on 2026-11-27\n"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    let o = run(&root, &["diff", "HEAD", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("diff JSON");
    let files = &json["reviews_at_base"];
    assert_eq!(files.as_array().map(Vec::len), Some(1), "{files}");
    assert_eq!(files[0]["records"][0]["name"], "Ana Reviewer", "{files}");

    // The reviewer records what the diff since their review shows: only that file.
    let o = run(&root, &["record", "--kind", "sources", "HEAD"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "recorded 1 review in data/reviews.yaml: checked against its sources (Ana Reviewer, editor, 2026-11-27)\n  treatments/pyridostigmine.yaml\n"
    );
    assert!(warnings(&root, "W0302").is_empty());
    let review = exported_review(&root, "pyridostigmine");
    assert_eq!(review["status"], "current", "{review}");
    assert_eq!(review["checked_against_sources"]["date"], TODAY, "{review}");

    // Nothing left to record is said, and nothing is written.
    let before = std::fs::read(root.join("data/reviews.yaml")).expect("records");
    let o = run(&root, &["record", "--kind", "sources"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing to record"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(root.join("data/reviews.yaml")).ok(),
        Some(before)
    );
}

#[test]
fn a_clinician_approval_needs_a_role_and_shows_in_every_view() {
    let root = scratch_repo("reviews_clinician");
    let o = run(
        &root,
        &[
            "record",
            "--kind",
            "clinician",
            "data/treatments/physical_therapy.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--role"), "{}", stderr(&o));
    let o = run(
        &root,
        &[
            "record",
            "--kind",
            "clinician",
            "--name",
            "Dr. Bo Chen",
            "--role",
            "neurologist",
            "treatments/physical_therapy.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        card_review(&root, "physical_therapy"),
        "Review: not checked against its sources; approved by neurologist on 2026-11-27."
    );
    let review = exported_review(&root, "physical_therapy");
    assert_eq!(
        review["clinician_approved"]["role"], "neurologist",
        "{review}"
    );
    assert_eq!(review.get("checked_against_sources"), None, "{review}");
    // FHIR R5: the ActivityDefinition's endorser, and no review date
    // (no check against the sources covers it).
    let o = run(&root, &["export", "--format", "fhir"]);
    let bundle: serde_json::Value = serde_json::from_slice(&o.stdout).expect("FHIR JSON");
    let activity = bundle["entry"]
        .as_array()
        .and_then(|es| {
            es.iter().map(|e| &e["resource"]).find(|r| {
                r["resourceType"] == "ActivityDefinition" && r["id"] == "physical-therapy"
            })
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        activity["endorser"][0]["name"], "Dr. Bo Chen (neurologist)",
        "{activity}"
    );
    assert_eq!(activity.get("lastReviewDate"), None, "{activity}");
    assert_eq!(activity.get("reviewer"), None, "{activity}");
    // Then a check against the sources adds R5's lastReviewDate and reviewer.
    let o = run(
        &root,
        &[
            "record",
            "--kind",
            "sources",
            "--name",
            "Ana Reviewer",
            "treatments/physical_therapy.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&root, &["export", "--format", "fhir"]);
    let text = stdout(&o);
    assert!(
        text.contains("\"lastReviewDate\": \"2026-11-27\""),
        "{text}"
    );
    assert!(
        text.contains("\"name\": \"Ana Reviewer (editor)\""),
        "{text}"
    );
}

#[test]
fn a_record_is_refused_without_a_name_or_with_one_check_refuses() {
    let root = scratch_repo("reviews_refused");
    // No --name and no user.name anywhere git looks.
    git(&root, &["config", "--unset", "user.name"]);
    let home = root.join("home");
    std::fs::create_dir_all(&home).expect("home");
    let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(["record", "--kind", "sources"])
        .current_dir(&root)
        .env("LEMS_CONTENT_TODAY", TODAY)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("HOME", &home)
        .output()
        .expect("run lems-content");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("who reviewed?"), "{}", stderr(&o));
    assert!(!root.join("data/reviews.yaml").exists());
    // A name `check` would refuse is not kept: the records file stays as it was.
    let o = run(&root, &["record", "--kind", "sources", "--name", "TODO"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the record was not kept"),
        "{}",
        stderr(&o)
    );
    assert!(!root.join("data/reviews.yaml").exists());
    // A file outside what a review covers is named.
    let o = run(
        &root,
        &[
            "record",
            "--kind",
            "sources",
            "--name",
            "Ana",
            "data/sources/lems_treatment_article.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not a content file a review covers"),
        "{}",
        stderr(&o)
    );
    // Broken content: the errors are printed, located, and nothing is recorded.
    let ami = root.join("data/treatments/amifampridine.yaml");
    let text = std::fs::read_to_string(&ami).expect("read");
    assert!(text.contains("kind: medicine"));
    std::fs::write(&ami, text.replacen("kind: medicine", "kind: medecine", 1)).expect("write");
    let o = run(&root, &["record", "--kind", "sources", "--name", "Ana"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("error[E0104]: `medecine` is not an allowed value for `kind`")
            && err.contains("--> data/treatments/amifampridine.yaml:")
            && err.contains("fix them, then record your review"),
        "{err}"
    );
    assert!(!root.join("data/reviews.yaml").exists());
}

/// `tests/reviews/changed_file` (on the fixture, whose records cover every
/// file) changes one word of a reviewed file: W0302 names who reviewed it
/// and when, and the check still passes.
#[test]
fn a_changed_reviewed_file_gets_a_changed_since_warning() {
    let root = common::materialise(
        &common::repo_root().join("tests/reviews/changed_file"),
        "reviews_changed_file",
    );
    let stale = warnings(&root, "W0302");
    assert_eq!(stale.len(), 1, "{stale:?}");
    insta::assert_snapshot!("reviews_changed_file", stale[0]);
}
