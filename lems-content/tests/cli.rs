//! `lems-content` end to end: the corpus through `check` (human and JSON),
//! `new`, `show` and `schema`.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::process::{Command, Output};

/// The day fixtures' reviews are checked against, so their results do not change
/// with the calendar. Only for fixtures (corpus overlays, `tests/fixture/`):
/// the real content is checked against today from the clock.
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

/// The real content has no errors, checked against today from the clock.
/// Review warnings (W0301 never or long ago reviewed, W0302 changed since
/// its last review) and reading-level warnings (W0401) do not fail it:
/// EDITING.md calls them harmless (the check still passes), so a valid edit
/// that changes a reviewed file or makes a text harder to read never breaks
/// this test; they are the only warnings allowed.
#[test]
fn the_real_content_checks_clean() {
    let root = common::repo_root();
    // Today from the clock, read once so that the library and the binary agree.
    let today = lems_treatments_build::load::review::today();
    let mut report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(&root),
        lems_treatments_build::SchemaCheck::Validate,
    );
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    report.check_reviews(&today);
    for w in &report.warnings {
        assert!(
            matches!(w.code.as_str(), "W0301" | "W0302" | "W0401"),
            "only review and reading-level warnings: {w:?}"
        );
    }
    let summary = format!("{}\n", lems_content::diagnostics::summary(&report));
    assert!(summary.contains(": ok"), "{summary}");
    let run = |dir: &std::path::Path, args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_lems-content"))
            .args(args)
            .current_dir(dir)
            .env("LEMS_CONTENT_TODAY", &today)
            .output()
            .expect("run lems-content")
    };
    let o = run(&root, &["check", root.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let expected = stdout(&o);
    assert!(expected.ends_with(&summary), "{expected}");
    assert_eq!(
        ["W0301", "W0302", "W0401"]
            .iter()
            .map(|c| expected.matches(&format!("warning[{c}]")).count())
            .sum::<usize>(),
        report.warnings.len()
    );
    // The same answer, with no notes, from anywhere inside the repository.
    for dir in ["data", "data/treatments", "lems-content"] {
        let o = run(&root.join(dir), &["check"]);
        assert_eq!(o.status.code(), Some(0), "from {dir}: {}", stdout(&o));
        assert_eq!(stdout(&o), expected, "from {dir}");
        assert_eq!(String::from_utf8_lossy(&o.stderr), "", "from {dir}");
    }
}

/// A copy of the tests' own content (`tests/fixture/data/` with the
/// repository's schema/) at `<tmp>/<name>`, for tests that need particular facts.
fn fixture_copy(name: &str) -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    common::copy_dir(&common::fixture_root().join("data"), &root.join("data"));
    common::copy_dir(&common::repo_root().join("schema"), &root.join("schema"));
    root
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
    // Start from the fixture's clean file (never the real content).
    std::fs::copy(
        common::fixture_root().join("data/treatments/pyridostigmine.yaml"),
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
    let root = fixture_copy("cli_show");
    let root_s = root.to_str().expect("utf-8 path");
    let c = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(&root),
        lems_treatments_build::SchemaCheck::Validate,
    )
    .content
    .expect("clean content");
    let rel = lems_treatments_build::relations::Relations::of(&c);
    let view = lems_treatments_build::render::View::new(&c, &rel);
    let o = lems_content(&["show", "firdapse", "--root", root_s]);
    assert_eq!(o.status.code(), Some(0));
    // `show` prints the card, then the reading level of each of its texts.
    let shown = stdout(&o);
    let (card, grades) = shown
        .split_once("\n### Reading level")
        .expect("show ends with the reading levels");
    assert_eq!(Some(card.to_string()), view.card("amifampridine"));
    assert!(grades.contains("`/summary`: grade "), "{grades}");
    let o = lems_content(&["show", "mestinnon", "--root", root_s]);
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
    // The fixture's reviews date from 2026-11-27: overdue on 2028-06-01.
    let root = fixture_copy("cli_overdue");
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
    // The last line counts the warnings, and those of each code.
    let (n, total) = (
        out.matches("warning[W0301]").count(),
        out.matches("warning[").count(),
    );
    let last = out.trim_end().lines().last().unwrap_or_default();
    assert!(n > 1, "{out}");
    assert!(
        last.contains(&format!("ok ({total} warnings: "))
            && last.contains(&format!(" {n} W0301"))
            && last.ends_with(')'),
        "{last}"
    );
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

/// The build's lines for a tree, as (file, line, column, code).
fn build_locations(root: &std::path::Path) -> Vec<(String, usize, usize, String)> {
    let out = root.join("out");
    std::fs::create_dir_all(&out).expect("out dir");
    let lines =
        lems_treatments_build::run(root, &out, lems_treatments_build::SchemaCheck::Validate);
    let mut found = Vec::new();
    for line in lines {
        let Some(rest) = line.strip_prefix("cargo::error=") else {
            continue;
        };
        let mut parts = rest.splitn(4, ':');
        let (Some(file), Some(l), Some(c), Some(msg)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue; // the closing hint
        };
        let (Ok(l), Ok(c)) = (l.parse(), c.parse()) else {
            continue;
        };
        let code = msg
            .rfind(" [E")
            .map(|i| msg[i + 2..i + 7].to_string())
            .unwrap_or_default();
        found.push((file.to_string(), l, c, code));
    }
    found.sort();
    found
}

/// `check --format json`'s diagnostics as (file, line, column, code).
fn check_locations(root: &std::path::Path) -> Vec<(String, usize, usize, String)> {
    let o = lems_content(&["check", root.to_str().expect("utf-8"), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let mut found: Vec<(String, usize, usize, String)> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0) as usize,
                d["column"].as_u64().unwrap_or(0) as usize,
                d["code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn check_and_the_build_agree_on_every_corpus_case() {
    for case in common::corpus_cases() {
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("case");
        let root = common::materialise(&case, &format!("agree_{name}"));
        let build = build_locations(&root);
        assert!(!build.is_empty(), "{name}: the build reports nothing");
        assert_eq!(build, check_locations(&root), "{name}");
    }
}

#[test]
fn a_root_without_data_is_not_checked_as_content() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no_data_here");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).expect("dir");
    let o = lems_content(&["check", dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        // Inside the repository's target/, the folder above that holds data/ is named.
        String::from_utf8_lossy(&o.stderr).contains("holds no `data/` folder")
            || String::from_utf8_lossy(&o.stderr).contains("holds a `data/` folder"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Hostile file-system entries, made at run time (git cannot hold them).
#[cfg(unix)]
mod file_system {
    use super::*;
    use std::path::{Path, PathBuf};
    use std::time::{Duration, Instant};

    fn tree(name: &str) -> PathBuf {
        let case = common::repo_root().join("tests/corpus/empty_file");
        let root = common::materialise(&case, name);
        std::fs::copy(
            common::fixture_root().join("data/treatments/pyridostigmine.yaml"),
            root.join("data/treatments/pyridostigmine.yaml"),
        )
        .expect("restore");
        root
    }

    /// Runs `check`, failing the test if it does not end within 30 s.
    fn check_within(root: &Path, format: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lems-content"))
            .args(["check", root.to_str().expect("utf-8"), "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        let start = Instant::now();
        loop {
            if child.try_wait().expect("wait").is_some() {
                return child.wait_with_output().expect("output");
            }
            if start.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                panic!("check hung on {}", root.display());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn secret_outside(name: &str) -> PathBuf {
        let secret = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}_secret.yaml"));
        std::fs::write(
            &secret,
            "id: pyridostigmine\nname: \"TOP-SECRET-OUTSIDE\"\n",
        )
        .expect("secret");
        secret
    }

    #[test]
    fn a_symlinked_file_is_refused_and_its_target_never_shown() {
        let root = tree("fs_symlink_file");
        let secret = secret_outside("fs_symlink_file");
        let file = root.join("data/treatments/pyridostigmine.yaml");
        std::fs::remove_file(&file).expect("rm");
        std::os::unix::fs::symlink(&secret, &file).expect("symlink");
        for format in ["human", "json"] {
            let o = check_within(&root, format);
            let text = stdout(&o);
            assert_eq!(o.status.code(), Some(1), "{text}");
            assert!(!text.contains("TOP-SECRET"), "{text}");
            assert!(!text.contains(secret.to_str().expect("utf-8")), "{text}");
            assert!(text.contains("E0006"), "{text}");
        }
        let text = stdout(&check_within(&root, "human"));
        insta::assert_snapshot!("fs__symlink_file", text);
        let build = build_locations(&root);
        assert!(build.contains(&(
            "data/treatments/pyridostigmine.yaml".to_string(),
            1,
            1,
            "E0006".to_string()
        )));
    }

    #[test]
    fn a_symlinked_folder_is_not_followed() {
        let root = tree("fs_symlink_dir");
        let outside = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fs_symlink_dir_outside");
        let _ = std::fs::remove_dir_all(&outside);
        std::fs::rename(root.join("data/mechanisms"), &outside).expect("move");
        std::os::unix::fs::symlink(&outside, root.join("data/mechanisms")).expect("symlink");
        let o = check_within(&root, "json");
        let text = stdout(&o);
        assert!(text.contains("\"file\": \"data/mechanisms\""), "{text}");
        assert!(
            text.contains("E0006") && text.contains("symbolic link"),
            "{text}"
        );
    }

    #[test]
    fn a_fifo_never_blocks_either_tool() {
        let root = tree("fs_fifo");
        let file = root.join("data/treatments/pyridostigmine.yaml");
        std::fs::remove_file(&file).expect("rm");
        let made = Command::new("mkfifo").arg(&file).status().expect("mkfifo");
        assert!(made.success());
        let o = check_within(&root, "human");
        let text = stdout(&o);
        assert!(
            text.contains("named pipe (FIFO)") && text.contains("E0006"),
            "{text}"
        );
        insta::assert_snapshot!("fs__fifo", text);
        // The build script too, on a thread that must finish.
        let (tx, rx) = std::sync::mpsc::channel();
        let r = root.clone();
        std::thread::spawn(move || {
            let _ = tx.send(build_locations(&r));
        });
        let build = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the build did not hang");
        assert!(build.iter().any(|d| d.3 == "E0006"), "{build:?}");
    }

    #[test]
    fn a_device_behind_a_link_is_never_read() {
        let root = tree("fs_device");
        let file = root.join("data/treatments/pyridostigmine.yaml");
        std::fs::remove_file(&file).expect("rm");
        std::os::unix::fs::symlink("/dev/zero", &file).expect("symlink");
        let o = check_within(&root, "json");
        assert!(stdout(&o).contains("E0006"), "{}", stdout(&o));
    }

    #[test]
    fn a_file_that_is_a_folder_is_not_called_missing() {
        let root = tree("fs_condition_dir");
        std::fs::remove_file(root.join("data/condition.yaml")).expect("rm");
        std::fs::create_dir(root.join("data/condition.yaml")).expect("dir");
        let text = stdout(&check_within(&root, "human"));
        assert!(
            text.contains("this is a folder, not a regular file"),
            "{text}"
        );
        assert!(!text.contains("missing"), "{text}");
    }

    #[test]
    fn an_unreadable_folder_is_not_called_missing() {
        use std::os::unix::fs::PermissionsExt;
        let root = tree("fs_unreadable");
        let dir = root.join("data/cautions");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        let readable_anyway = std::fs::read_dir(&dir).is_ok(); // root ignores permissions
        let text = stdout(&check_within(&root, "human"));
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
        if readable_anyway {
            return;
        }
        assert!(text.contains("could not be listed"), "{text}");
        assert!(!text.contains("the folder `cautions` is missing"), "{text}");
    }

    #[test]
    fn escapes_and_invalid_utf8_in_file_names_are_made_visible() {
        use std::os::unix::ffi::OsStrExt;
        let root = tree("fs_names");
        let dir = root.join("data/treatments");
        std::fs::write(dir.join("x\u{1b}]0;pwned\u{7}\u{1b}[2J.yaml"), "id: x\n").expect("write");
        std::fs::write(
            dir.join(std::ffi::OsStr::from_bytes(b"a\xff.yaml")),
            "id: a\n",
        )
        .expect("write");
        std::fs::write(
            dir.join(std::ffi::OsStr::from_bytes(b"a\xfe.yaml")),
            "id: a\n",
        )
        .expect("write");
        let text = stdout(&check_within(&root, "human"));
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(
            text.contains("x\\u{1b}]0;pwned\\u{7}\\u{1b}[2J.yaml"),
            "{text}"
        );
        assert!(
            text.contains("a\\xFF.yaml") && text.contains("a\\xFE.yaml"),
            "{text}"
        );
        let json = stdout(&check_within(&root, "json"));
        assert!(!json.contains('\u{1b}'), "{json}");
        let _: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    }
}

/// A hard text (`tests/reading/hard_text`, on the fixture's content) is
/// warned about with W0401, its grade, the target and its longest sentence
/// highlighted, and the check still passes.
#[test]
fn a_hard_text_gets_a_reading_level_warning() {
    let case = common::repo_root().join("tests/reading/hard_text");
    let root = common::materialise(&case, "reading_hard_text");
    let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(["check", root.to_str().expect("utf-8 path")])
        .env("LEMS_CONTENT_TODAY", "2026-12-01")
        .output()
        .expect("run lems-content");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "warnings do not fail: {out}");
    let warning = out
        .split("\n\n")
        .find(|w| w.contains("warning[W0401]") && w.contains("pyridostigmine.yaml"))
        .unwrap_or_else(|| panic!("no reading-level warning for the hard summary: {out}"));
    assert!(warning.contains("above the target of 8"), "{warning}");
    assert!(warning.contains("Pharmacological"), "{warning}");
    // The longest sentence starts the summary (line 11, column 3); it spans
    // three lines, so the snippet marks its start.
    assert!(
        warning.contains("pyridostigmine.yaml:11:3"),
        "located at the longest sentence: {warning}"
    );
    insta::assert_snapshot!("reading_hard_text", warning);
}

/// A reader that stops reading (`lems-content show … | head`) ends the
/// command quietly: no panic, no error, the usual exit code.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let root = common::fixture_root();
    let root = root.to_str().expect("utf-8 path");
    for args in [
        vec!["show", "pyridostigmine", "--root", root],
        vec!["export", "--format", "json", "--root", root],
        vec!["check", root],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lems-content"))
            .args(&args)
            .env("LEMS_CONTENT_TODAY", TODAY)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run lems-content");
        // The reader goes away before the command writes (it reads the content first).
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(matches!(o.status.code(), Some(0 | 1)), "{args:?}: {o:?}");
    }
}
