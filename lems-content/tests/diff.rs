//! `lems-content diff` end to end, on scratch copies of the repository's
//! content: each case edits a copy of `data/` and compares it with another.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn lems_content_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run lems-content")
}

fn lems_content(args: &[&str]) -> Output {
    lems_content_in(Path::new(env!("CARGO_TARGET_TMPDIR")), args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh copy of the tests' own content (`tests/fixture/data/`, with the
/// repository's schema/ and Cargo.toml) at `<tmp>/diff/<name>`: the cases edit
/// it as text, so they own it; an edit of the real `data/` never breaks them.
fn scratch(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(name);
    let _ = std::fs::remove_dir_all(&root);
    let repo = common::repo_root();
    common::copy_dir(&common::fixture_root().join("data"), &root.join("data"));
    common::copy_dir(&repo.join("schema"), &root.join("schema"));
    std::fs::copy(repo.join("Cargo.toml"), root.join("Cargo.toml")).expect("copy Cargo.toml");
    root
}

/// Replaces `from` by `to` in `root/file`, which must contain it.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Runs `diff BASE HEAD --format json` and returns the document.
fn json_diff(base: &Path, head: &Path) -> serde_json::Value {
    let o = lems_content(&["diff", s(base), s(head), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

const AMI: &str = "data/treatments/amifampridine.yaml";
const IVIG: &str = "data/treatments/intravenous_immunoglobulin.yaml";

fn reword_summary(root: &Path) {
    edit(
        root,
        AMI,
        "makes the nerve signal last longer",
        "makes each nerve signal last longer",
    );
}

fn add_brand(root: &Path) {
    edit(
        root,
        AMI,
        "      - eu\nkind: medicine",
        "      - eu\n  - name: \"Ruzurgi\"\n    regions:\n      - us\nkind: medicine",
    );
}

/// BASE for the removed-caution case: the caution also applies to guanidine,
/// so that removing it from amifampridine leaves it in use.
fn share_caution(root: &Path) {
    edit(
        root,
        "data/treatments/guanidine.yaml",
        "  - guanidine_kidney_and_bone_marrow_toxicity\n",
        "  - guanidine_kidney_and_bone_marrow_toxicity\n  - amifampridine_seizure_warning\n",
    );
}

fn remove_caution(root: &Path) {
    edit(root, AMI, "  - amifampridine_seizure_warning\n", "");
}

fn remove_synonym(root: &Path) {
    edit(root, IVIG, "synonyms:\n  - \"IVIG\"\n", "");
}

fn set_version(root: &Path, version: &str) {
    edit(
        root,
        "Cargo.toml",
        "version = \"0.1.0\"\nedition",
        &format!("version = \"{version}\"\nedition"),
    );
}

#[test]
fn rewording_a_summary_is_a_patch_shown_word_by_word() {
    let base = scratch("reword/base");
    let head = scratch("reword/head");
    reword_summary(&head);
    let o = lems_content(&["diff", s(&base), s(&head)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    println!("{text}");
    assert!(
        text.contains("treatment “Amifampridine” (amifampridine): changed"),
        "{text}"
    );
    assert!(text.contains("  summary: changed [patch, text]"), "{text}");
    assert!(
        text.contains("makes [-the-]{+each+} nerve signal"),
        "{text}"
    );
    assert!(
        text.contains("release needed: patch (rule text: wording of a text, a fixed typo, a new or corrected source citation)"),
        "{text}"
    );
    assert!(text.contains("\nclinical review: none: every change was checked and none needs a clinician's review\n"), "{text}");

    let v = json_diff(&base, &head);
    assert_eq!(v["diff"]["decision"]["level"], "patch");
    assert_eq!(v["diff"]["decision"]["rule"]["id"], "text");
    let change = &v["diff"]["entities"][0]["changes"][0];
    assert_eq!(change["field"], "summary");
    assert_eq!(change["words"][1]["op"], "delete");
    assert_eq!(change["words"][1]["text"], "the");
}

#[test]
fn adding_a_brand_is_a_minor_release_for_a_new_lookup_key() {
    let base = scratch("brand/base");
    let head = scratch("brand/head");
    add_brand(&head);
    let o = lems_content(&["diff", s(&base), s(&head)]);
    let text = stdout(&o);
    println!("{text}");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        text.contains("  brands: added \"Ruzurgi\" [minor, new-lookup-key]"),
        "{text}"
    );
    assert!(
        text.contains("release needed: minor (rule new-lookup-key: a new brand name or synonym (a new lookup key), a new accessor)"),
        "{text}"
    );
    let v = json_diff(&base, &head);
    assert_eq!(v["diff"]["decision"]["level"], "minor");
    assert_eq!(v["diff"]["decision"]["rule"]["id"], "new-lookup-key");
}

#[test]
fn removing_a_caution_is_minor_called_out_and_flagged_for_clinical_review() {
    let base = scratch("caution/base");
    share_caution(&base);
    let head = scratch("caution/head");
    share_caution(&head);
    remove_caution(&head);
    let o = lems_content(&["diff", s(&base), s(&head)]);
    let text = stdout(&o);
    println!("{text}");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        text.contains("  cautions (resolved): removed \"amifampridine_seizure_warning\" [minor, caution-or-class, CHANGELOG.md] — was its own (clinical review)"),
        "{text}"
    );
    assert!(
        text.contains("clinical review: required: 1 change needs a clinician's review"),
        "{text}"
    );
    assert!(
        text.contains("release needed: minor (rule caution-or-class: a caution newly applied to, or removed from, a treatment; a changed class)"),
        "{text}"
    );
    assert!(text.contains("call the caution or class changes out in CHANGELOG.md"));
    let v = json_diff(&base, &head);
    assert_eq!(v["diff"]["decision"]["level"], "minor");
    assert_eq!(v["diff"]["decision"]["rule"]["id"], "caution-or-class");
    assert_eq!(
        v["diff"]["decision"]["rule"]["release"],
        "minor, called out in `CHANGELOG.md`"
    );
    assert_eq!(v["diff"]["changelog_required"], true);
    let flags = v["diff"]["clinical_review"].as_array().expect("flags");
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0]["id"], "amifampridine");
    assert_eq!(flags[0]["field"], "cautions (resolved)");
}

#[test]
fn a_caution_applied_through_a_class_is_flagged_on_every_member() {
    let base = scratch("class_caution/base");
    share_caution(&base);
    let head = scratch("class_caution/head");
    share_caution(&head);
    edit(
        &head,
        "data/categories/immune_suppressants.yaml",
        "  - immune_suppression_risks\n",
        "  - immune_suppression_risks\n  - amifampridine_seizure_warning\n",
    );
    let v = json_diff(&base, &head);
    assert_eq!(v["diff"]["decision"]["rule"]["id"], "caution-or-class");
    let flagged: Vec<&str> = v["diff"]["clinical_review"]
        .as_array()
        .expect("flags")
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    for member in ["prednisone", "azathioprine", "mycophenolate"] {
        assert!(flagged.contains(&member), "{member} in {flagged:?}");
    }
    let text = stdout(&lems_content(&["diff", s(&base), s(&head)]));
    assert!(
        text.contains("newly applied, through class immune_suppressants"),
        "{text}"
    );
}

#[test]
fn removing_a_synonym_or_brand_is_major() {
    let base = scratch("synonym/base");
    let head = scratch("synonym/head");
    remove_synonym(&head);
    let o = lems_content(&["diff", s(&base), s(&head)]);
    let text = stdout(&o);
    println!("{text}");
    assert!(
        text.contains("  synonyms: removed \"IVIG\" [major, removed-lookup-key] — lookups no longer accept \"IVIG\""),
        "{text}"
    );
    assert!(
        text.contains("release needed: major (rule removed-lookup-key: a removed name, brand or synonym that lookups accepted)"),
        "{text}"
    );
    assert!(
        text.contains("publish it as version 0.2.0 or later")
            && text.contains(
                "  - Update code or stored data that looks a treatment up by the removed name"
            ),
        "{text}"
    );
    assert!(
        !text.contains("Cargo"),
        "plain words, no packaging jargon: {text}"
    );
    assert!(
        text.contains("data/mechanisms/antibody_blocking.yaml:6: \"IVIG\": «IVIG» adds"),
        "the texts that still say IVIG are listed: {text}"
    );

    let brand = scratch("brand_removed/head");
    edit(
        &brand,
        AMI,
        "  - name: \"Firdapse\"\n    regions:\n      - us\n      - eu\n",
        "",
    );
    edit(&brand, AMI, "brands:\n", "");
    let v = json_diff(&base, &brand);
    assert_eq!(v["diff"]["decision"]["level"], "major");
    assert_eq!(v["diff"]["decision"]["rule"]["id"], "removed-lookup-key");
}

#[test]
fn check_version_fails_a_patch_bump_for_a_removed_lookup_key_and_passes_a_major_one() {
    let base = scratch("version/base");
    let patch = scratch("version/patch");
    remove_synonym(&patch);
    set_version(&patch, "0.1.1");
    let o = lems_content(&["diff", s(&base), s(&patch), "--check-version"]);
    let err = stderr(&o);
    println!("{err}");
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: the content change needs a major release (rule removed-lookup-key"),
        "{err}"
    );
    assert!(
        err.contains("went 0.1.0 → 0.1.1, a minor bump under Cargo's rules; use at least 0.2.0"),
        "{err}"
    );

    let major = scratch("version/major");
    remove_synonym(&major);
    set_version(&major, "0.2.0");
    let o = lems_content(&["diff", s(&base), s(&major), "--check-version"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .contains("version check: ok: version 0.1.0 → 0.2.0 is enough for a major change"),
        "{}",
        stdout(&o)
    );

    // A patch change passes a patch bump; an unchanged version fails it.
    let reword = scratch("version/reword");
    reword_summary(&reword);
    let o = lems_content(&[
        "diff",
        s(&base),
        s(&reword),
        "--check-version",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["version_check"]["ok"], false);
    assert_eq!(v["version_check"]["minimum"], "0.1.1");
    set_version(&reword, "0.1.1");
    let o = lems_content(&["diff", s(&base), s(&reword), "--check-version"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn no_change_needs_no_release() {
    let base = scratch("same/base");
    let o = lems_content(&["diff", s(&base), s(&base), "--check-version"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("no content changes: no release needed"));
}

/// Replaces the scratch folders' paths so snapshots do not depend on the machine.
fn redact(text: &str, base: &Path, head: &Path) -> String {
    text.replace(s(base), "BASE").replace(s(head), "HEAD")
}

#[test]
fn markdown_of_a_combined_change() {
    let base = scratch("combined/base");
    share_caution(&base);
    let head = scratch("combined/head");
    share_caution(&head);
    reword_summary(&head);
    add_brand(&head);
    remove_caution(&head);
    remove_synonym(&head);
    let o = lems_content(&["diff", s(&base), s(&head), "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    insta::assert_snapshot!("markdown_combined", redact(&stdout(&o), &base, &head));
}

#[test]
fn hidden_characters_in_content_are_made_visible() {
    let base = scratch("hidden/base");
    let head = scratch("hidden/head");
    // The checker refuses escape characters in content; a disclaimer written in
    // a literal block still carries a newline, which the diff shows escaped.
    // (The disclaimer must still state the date of the sources.)
    edit(
        &head,
        "data/disclaimer.yaml",
        "text:",
        "text: |-\n  First line.\n  Second line, from sources of 2019-07-18.\nold_text:",
    );
    // Keep the file valid: drop the renamed old field again.
    let path = head.join("data/disclaimer.yaml");
    let t = std::fs::read_to_string(&path).expect("read");
    let cut = t.find("old_text:").expect("marker");
    std::fs::write(&path, &t[..cut]).expect("write");
    let o = lems_content(&["diff", s(&base), s(&head)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("line.\\u{a}Second"), "{text}");
    assert!(!text.contains("First line.\nSecond"), "{text}");
}

#[test]
fn errors_are_clean_messages_with_exit_code_2() {
    let base = scratch("errors/base");
    let broken = scratch("errors/broken");
    edit(&broken, AMI, "kind: medicine", "kind: medecine");
    let o = lems_content(&["diff", s(&base), s(&broken)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error: the content at HEAD")
            && err.contains("is broken: 1 error in 1 file, listed above")
            && err.contains("error[E0104]"),
        "{err}"
    );

    // Not a folder and not in a git repository.
    let outside = Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff/errors/outside");
    std::fs::create_dir_all(&outside).expect("dir");
    let o = lems_content_in(&outside, &["diff", "no-such-rev", s(&base)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: "), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));

    // A bad revision inside a repository.
    let o = lems_content_in(&common::repo_root(), &["diff", "no-such-rev-xyz", s(&base)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "BASE `no-such-rev-xyz` is neither a content folder (holding data/) nor a git revision"
        ),
        "{}",
        stderr(&o)
    );

    // --check-version without a Cargo.toml.
    let bare = scratch("errors/bare");
    std::fs::remove_file(bare.join("Cargo.toml")).expect("rm");
    let o = lems_content(&["diff", s(&base), s(&bare), "--check-version"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs `[package] version` in Cargo.toml"));
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(["-c", "user.name=test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

#[test]
fn revisions_default_to_the_merge_base_with_main_and_the_working_tree() {
    let repo = scratch("git/repo");
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    git(&repo, &["checkout", "-q", "-b", "work"]);
    add_brand(&repo);
    git(&repo, &["commit", "-q", "-am", "a brand <b>&amp;</b>"]);
    remove_synonym(&repo);

    // BASE: merge base with main; HEAD: the working tree (brand and synonym).
    let o = lems_content_in(&repo, &["diff", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(v["base"]
        .as_str()
        .unwrap()
        .starts_with("merge base with main"));
    assert_eq!(v["head"], "working tree");
    assert_eq!(v["diff"]["decision"]["level"], "major");
    assert_eq!(v["diff"]["entities"].as_array().unwrap().len(), 2);
    // The commits of the range, with their author, day and subject.
    let commits = &v["commits"]["list"];
    assert_eq!(commits.as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(commits[0]["author"], "test");
    assert_eq!(commits[0]["subject"], "a brand <b>&amp;</b>");
    assert_eq!(commits[0]["date"].as_str().map(str::len), Some(10));
    let o = lems_content_in(&repo, &["diff", "--format", "markdown"]);
    assert!(
        stdout(&o).contains("### Commits (1)")
            && stdout(&o).contains(r"test: a brand \<b>\&amp;\</b>"),
        "{}",
        stdout(&o)
    );

    // Two revisions: only the committed brand.
    let o = lems_content_in(&repo, &["diff", "main", "work", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["diff"]["decision"]["level"], "minor");
    assert_eq!(v["base_version"], "0.1.0");
}

#[test]
fn readme_carries_the_policy_table_from_the_code() {
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).expect("README.md");
    let table = lems_treatments_build::diff::rules_markdown();
    assert!(
        readme.contains(&table),
        "README.md's \"Versioning of content\" table must be exactly:\n\n{table}"
    );
}

#[test]
fn out_with_a_format_that_prints_is_refused_not_ignored() {
    let base = scratch("out/base");
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff/out/report.json");
    let _ = std::fs::remove_file(&target);
    let o = lems_content(&[
        "diff",
        s(&base),
        s(&base),
        "--format",
        "json",
        "--out",
        s(&target),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("--out is for --format html"), "{err}");
    assert!(
        err.contains("the json output goes to standard output"),
        "{err}"
    );
    assert!(stdout(&o).is_empty());
    assert!(!target.exists());
    // `export` likewise.
    let o = lems_content_in(&base, &["export", "--format", "fhir", "--out", s(&target)]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("the fhir output goes to standard output"));
    assert!(stdout(&o).is_empty());
    assert!(!target.exists());
}

/// Every format of `diff BASE HEAD`: human, Markdown, JSON and the HTML `diff.html`.
struct Formats {
    human: String,
    markdown: String,
    json: serde_json::Value,
    html: String,
}

fn formats(base: &Path, head: &Path, name: &str) -> Formats {
    let run = |format: &str| {
        let o = lems_content(&["diff", s(base), s(head), "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        redact(&stdout(&o), base, head)
    };
    let site = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(name)
        .join("site");
    let _ = std::fs::remove_dir_all(&site);
    let o = lems_content(&[
        "diff",
        s(base),
        s(head),
        "--format",
        "html",
        "--out",
        s(&site),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Formats {
        human: run("human"),
        markdown: run("markdown"),
        json: json_diff(base, head),
        html: std::fs::read_to_string(site.join("diff.html")).expect("diff.html"),
    }
}

const GUANIDINE: &str = "data/treatments/guanidine.yaml";
const SEIZURES: &str = "data/cautions/amifampridine_seizure_history_contraindication.yaml";

/// The two wordings issue 18 names: "may harm" → "can harm" in a treatment's
/// summary, and a contraindication reversed in its text for the patient.
fn clinical_wording(root: &Path) {
    edit(
        root,
        GUANIDINE,
        "because it may harm",
        "because it can harm",
    );
    edit(root, SEIZURES, "should not be used", "can safely be used");
}

#[test]
fn certainty_words_are_flagged_and_highlighted_in_every_format() {
    let base = scratch("clinical/base");
    let head = scratch("clinical/head");
    clinical_wording(&head);
    let f = formats(&base, &head, "clinical");
    let h = &f.human;
    assert!(h.contains("clinical review: required: 2 changes need a clinician's review, whatever the release level"), "{h}");
    assert!(
        h.contains("  - treatment “Guanidine” (guanidine): summary changed:"),
        "{h}"
    );
    assert!(h.contains("  - caution “History of seizures” (amifampridine_seizure_history_contraindication): for_the_patient changed:"), "{h}");
    assert!(h.contains("it [-«may»-]{+«can»+} harm"), "{h}");
    assert!(
        h.contains("amifampridine [-«should»-]{+«can»+} [-«not»-]{+«safely»+} be used"),
        "{h}"
    );
    assert!(
        h.contains("«…» marks a changed negation or certainty word"),
        "{h}"
    );
    insta::assert_snapshot!("human_clinical_wording", h);

    let m = &f.markdown;
    assert!(
        m.contains("### Clinical review: required\n\nRequired: 2 changes need"),
        "{m}"
    );
    assert!(
        m.contains("- [ ] treatment “Guanidine” (guanidine): summary changed:"),
        "{m}"
    );
    assert!(
        m.contains("it ~~<mark>may</mark>~~**<mark>can</mark>** harm"),
        "{m}"
    );
    assert!(m.contains("~~<mark>should</mark>~~**<mark>can</mark>** ~~<mark>not</mark>~~**<mark>safely</mark>**"), "{m}");
    assert!(m.contains("### Caution “History of seizures” (amifampridine_seizure_history_contraindication), changed"), "{m}");

    let d = &f.json["diff"];
    assert_eq!(d["clinical_verdict"], "required");
    let flags = d["clinical_review"].as_array().expect("flags");
    let flagged: Vec<(&str, &str, &str)> = flags
        .iter()
        .map(|x| {
            (
                x["id"].as_str().unwrap_or(""),
                x["title"].as_str().unwrap_or(""),
                x["field"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        flagged.contains(&("guanidine", "Guanidine", "summary")),
        "{flagged:?}"
    );
    assert!(
        flagged.contains(&(
            "amifampridine_seizure_history_contraindication",
            "History of seizures",
            "for_the_patient"
        )),
        "{flagged:?}"
    );
    let marked: Vec<(&str, &str, &str)> = d["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .flat_map(|e| e["changes"].as_array().into_iter().flatten())
        .flat_map(|c| c["words"].as_array().into_iter().flatten())
        .filter(|p| p.get("mark").is_some())
        .map(|p| {
            (
                p["op"].as_str().unwrap_or(""),
                p["text"].as_str().unwrap_or(""),
                p["mark"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        marked.contains(&("delete", "may", "certainty")),
        "{marked:?}"
    );
    assert!(
        marked.contains(&("insert", "safely", "certainty")),
        "{marked:?}"
    );

    let w = &f.html;
    assert!(w.contains("<h2>Clinical review: required</h2>"), "{w}");
    assert!(w.contains("<del><mark class=\"certainty\">may</mark></del><ins><mark class=\"certainty\">can</mark></ins>"), "{w}");
    assert!(w.contains("caution “History of seizures” (<code>amifampridine_seizure_history_contraindication</code>): for_the_patient changed"), "{w}");
    assert!(
        w.contains("<h3>Treatment “Guanidine” (<code>guanidine</code>), changed</h3>"),
        "{w}"
    );
}

#[test]
fn a_diff_with_nothing_to_review_says_none_in_every_format() {
    let base = scratch("verdict_none/base");
    let head = scratch("verdict_none/head");
    reword_summary(&head);
    let f = formats(&base, &head, "verdict_none");
    let none = "none: every change was checked and none needs a clinician's review";
    assert!(
        f.human.contains(&format!("clinical review: {none}")),
        "{}",
        f.human
    );
    assert!(!f.human.contains("«"), "{}", f.human);
    assert!(
        f.markdown
            .contains("### Clinical review: none\n\nNone: every change"),
        "{}",
        f.markdown
    );
    assert!(!f.markdown.contains("<mark>"), "{}", f.markdown);
    assert_eq!(f.json["diff"]["clinical_verdict"], "none");
    assert_eq!(f.json["diff"]["clinical_review"], serde_json::json!([]));
    assert!(
        f.html.contains("<h2>Clinical review: none</h2>"),
        "{}",
        f.html
    );
    assert!(!f.html.contains("<mark"), "{}", f.html);
    // Entities are named by title with their id.
    assert!(
        f.human
            .contains("treatment “Amifampridine” (amifampridine): changed"),
        "{}",
        f.human
    );
    assert!(
        f.markdown
            .contains("### Treatment “Amifampridine” (amifampridine), changed"),
        "{}",
        f.markdown
    );
    assert_eq!(f.json["diff"]["entities"][0]["title"], "Amifampridine");
    assert!(
        f.html
            .contains("<h3>Treatment “Amifampridine” (<code>amifampridine</code>), changed</h3>"),
        "{}",
        f.html
    );
    // No change at all is a verdict too.
    let same = formats(&base, &base, "verdict_same");
    assert!(
        same.human.contains(&format!("clinical review: {none}")),
        "{}",
        same.human
    );
    assert!(
        same.html.contains("<h2>Clinical review: none</h2>"),
        "{}",
        same.html
    );
}

#[test]
fn a_number_with_its_unit_is_highlighted_in_every_format() {
    let base = scratch("quantity/base");
    let head = scratch("quantity/head");
    // The same fact, reworded with a unit: the inserted unit is marked.
    edit(
        &head,
        AMI,
        "scope: \"LEMS in children aged 6 and older\"",
        "scope: \"LEMS in children aged 6 years and older\"",
    );
    let f = formats(&base, &head, "quantity");
    assert!(
        f.human.contains("aged 6 {+«years» +}and older"),
        "{}",
        f.human
    );
    assert!(
        f.markdown
            .contains("aged 6 **<mark>years</mark>** and older"),
        "{}",
        f.markdown
    );
    assert!(
        f.html
            .contains("aged 6 <ins><mark class=\"quantity\">years</mark> </ins>and older"),
        "{}",
        f.html
    );
    let words = &f.json["diff"]["entities"][0]["changes"][0]["words"];
    let marked: Vec<&serde_json::Value> = words
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["mark"] == "quantity")
        .collect();
    assert_eq!(marked.len(), 1, "{words}");
    assert_eq!(marked[0]["text"], "years");
    // A scope is a regulatory fact: clinical whatever its level.
    assert_eq!(f.json["diff"]["clinical_verdict"], "required");
}
