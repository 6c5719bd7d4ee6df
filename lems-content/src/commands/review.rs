//! `lems-content review`: one command that runs the tests whose snapshots
//! show the content ([`SNAPSHOT_TESTS`]) and then walks through every changed
//! snapshot in one pass, prose first, asking to accept or reject each.
//! Nothing needs to be installed.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::{Command, ExitCode};

use lems_treatments_build::escape::terminal;

use crate::out::{accept_snapshot, reject_snapshot};
use crate::review::{body, pending, render_diff, unreferenced, Pending};

/// What `review` does with each snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Ask for each one.
    Ask,
    /// Accept every one (after printing it).
    AcceptAll,
    /// Only list them.
    List,
}

impl Mode {
    /// The mode the flags `--accept-all` and `--list` ask for.
    pub fn of(accept_all: bool, list: bool) -> Mode {
        match (accept_all, list) {
            (true, _) => Mode::AcceptAll,
            (_, true) => Mode::List,
            _ => Mode::Ask,
        }
    }
}

/// How a review ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Snapshots accepted.
    pub accepted: usize,
    /// Snapshots rejected (their new version deleted).
    pub rejected: usize,
    /// Snapshots left pending.
    pub left: usize,
}

/// `lems-content review`: exit 0 when everything was accepted (or nothing
/// changed), 1 when something was rejected or left, 2 when cargo cannot run.
pub fn run(root: &Path, mode: Mode, skip_tests: bool) -> ExitCode {
    match review(root, mode, skip_tests) {
        Ok(c) if c.left == 0 && c.rejected == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => super::fail(&e),
    }
}

/// The test targets whose snapshots show the real content (the cards and
/// the guide in `tests/content.rs`, the records in `tests/features.rs`, the
/// exports in `lems-content/tests/export.rs`). Every other snapshot is of a
/// test's own fixture tree, which a content edit never changes, so a review
/// round runs only these: a one-word edit recompiles the crate and these
/// three targets, not the whole suite. CI's valid-edits check proves the
/// list complete: after `review --accept-all` it runs every test.
pub const SNAPSHOT_TESTS: &[&str] = &["content", "features", "export"];

/// Runs the [`SNAPSHOT_TESTS`] (with the workspace's features, so nothing
/// else recompiles), keeping changed snapshots for review. When every test
/// ran and passed, the snapshots they took (insta's list, one path a line).
fn run_tests(root: &Path) -> Result<Option<String>, String> {
    let references = std::env::temp_dir().join(format!(
        "lems-content-review-references-{}.txt",
        std::process::id()
    ));
    let _ = crate::out::remove(&references);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut args = vec!["test", "--workspace", "--no-fail-fast", "--quiet"];
    for t in SNAPSHOT_TESTS {
        args.extend(["--test", t]);
    }
    println!(
        "running the tests that show the content: cargo {} (changed snapshots are kept for review)",
        args.join(" ")
    );
    let status = Command::new(cargo)
        .args(&args)
        .env("INSTA_UPDATE", "new")
        .env("INSTA_FORCE_PASS", "1")
        .env("INSTA_SNAPSHOT_REFERENCES_FILE", &references)
        .current_dir(root)
        .status();
    let taken = std::fs::read_to_string(&references).ok();
    let _ = crate::out::remove(&references);
    match status {
        Ok(s) if s.success() => {
            println!("tests: ok");
            Ok(taken)
        }
        Ok(_) => {
            println!(
                "tests: some tests failed for reasons other than changed snapshots (see above); review the snapshots, then fix those"
            );
            Ok(None)
        }
        Err(e) => Err(format!("could not run cargo: {e}")),
    }
}

/// Whether `p` is a snapshot of one of the [`SNAPSHOT_TESTS`] (insta names
/// a snapshot file `<test target>__<name>`).
fn of_snapshot_tests(p: &Pending) -> bool {
    let name = p
        .new
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    SNAPSHOT_TESTS
        .iter()
        .any(|t| name.starts_with(&format!("{t}__")))
}

/// Removes the changed snapshots of the [`SNAPSHOT_TESTS`] that an earlier
/// run left (others' are kept: this run would not make them again); how many.
fn remove_stale(root: &Path) -> Result<usize, String> {
    let stale: Vec<Pending> = pending(root)
        .into_iter()
        .filter(of_snapshot_tests)
        .collect();
    for p in &stale {
        reject_snapshot(&p.new).map_err(|e| {
            format!(
                "could not remove `{}`: {e}",
                terminal(&p.new.display().to_string())
            )
        })?;
    }
    Ok(stale.len())
}

/// Runs the tests (unless `skip_tests`), then reviews every pending snapshot.
/// Before the tests run, the changed snapshots an earlier run of those tests
/// left are removed: the run makes again those that still differ, so one of
/// content since undone (a treatment added, then removed) is never offered.
/// When every test passed, the accepted snapshots of those tests that no
/// test took (a removed treatment's card) are offered for removal too.
pub fn review(root: &Path, mode: Mode, skip_tests: bool) -> Result<Counts, String> {
    let mut taken = None;
    if !skip_tests {
        let stale = remove_stale(root)?;
        if stale > 0 {
            println!(
                "removed {stale} changed snapshot(s) an earlier run left; the tests make again those that still differ"
            );
        }
        taken = run_tests(root)?;
    }
    let mut all = pending(root);
    // An empty list means insta wrote none (an older insta, say): then
    // nothing is known to be gone, and nothing is offered for removal.
    if let Some(taken) = taken.filter(|t| !t.trim().is_empty()) {
        let prefixes: Vec<String> = SNAPSHOT_TESTS.iter().map(|t| format!("{t}__")).collect();
        all.extend(unreferenced(root, &taken, &prefixes));
        all.sort_by(|a, b| (a.group, &a.accepted).cmp(&(b.group, &b.accepted)));
    }
    if all.is_empty() {
        println!("no changed snapshots: nothing to review");
        return Ok(Counts::default());
    }
    let mode = if mode == Mode::Ask && !std::io::stdin().is_terminal() {
        println!("(not at a terminal: listing only; use --accept-all to accept)");
        Mode::List
    } else {
        mode
    };
    println!("{} changed snapshot(s), prose first:", all.len());
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut counts = Counts::default();
    for (i, p) in all.iter().enumerate() {
        show(root, p, i, all.len());
        match decide(mode, &mut lines) {
            'a' if p.gone => match crate::out::remove(&p.accepted) {
                Ok(()) => counts.accepted += 1,
                Err(e) => {
                    eprintln!("error: {e}");
                    counts.left += 1;
                }
            },
            // Rejecting a removal keeps the snapshot as it is.
            'r' if p.gone => counts.rejected += 1,
            'a' => match accept_snapshot(&p.new, &p.accepted) {
                Ok(()) => counts.accepted += 1,
                Err(e) => {
                    eprintln!("error: could not accept {}: {e}", p.new.display());
                    counts.left += 1;
                }
            },
            'r' => match reject_snapshot(&p.new) {
                Ok(()) => counts.rejected += 1,
                Err(e) => {
                    eprintln!("error: could not reject {}: {e}", p.new.display());
                    counts.left += 1;
                }
            },
            'q' => {
                counts.left += all.len() - i;
                break;
            }
            _ => counts.left += 1,
        }
    }
    println!(
        "\n{} accepted, {} rejected, {} left for later",
        counts.accepted, counts.rejected, counts.left
    );
    Ok(counts)
}

/// Prints snapshot `p` (number `i` of `n`): its name and group, then its
/// diff, or its whole text when it is new.
fn show(root: &Path, p: &Pending, i: usize, n: usize) {
    let shown = p.accepted.strip_prefix(root).unwrap_or(&p.accepted);
    println!(
        "\n[{}/{}] {} ({})",
        i + 1,
        n,
        terminal(&shown.display().to_string()),
        p.group.label()
    );
    let old = std::fs::read_to_string(&p.accepted).unwrap_or_default();
    if p.gone {
        println!("no test takes this snapshot any more (what it showed is no longer in the content); accepting removes it:");
        for line in body(&old).lines() {
            println!("- {}", terminal(line));
        }
        return;
    }
    let new = std::fs::read_to_string(&p.new).unwrap_or_default();
    if old.is_empty() {
        println!("a new snapshot:");
        for line in body(&new).lines() {
            println!("+ {}", terminal(line));
        }
    } else {
        print!("{}", render_diff(body(&old), body(&new)));
    }
}

/// The decision for one snapshot: `a`ccept, `r`eject, `s`kip or `q`uit.
fn decide(mode: Mode, lines: &mut impl Iterator<Item = std::io::Result<String>>) -> char {
    match mode {
        Mode::AcceptAll => 'a',
        Mode::List => 's',
        Mode::Ask => {
            print!("accept this change? [a]ccept, [r]eject, [s]kip, [q]uit: ");
            let _ = std::io::stdout().flush();
            match lines.next() {
                Some(Ok(l)) => l.trim().chars().next().unwrap_or('s').to_ascii_lowercase(),
                _ => 'q',
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pending_snapshots_and_accepts_them() {
        let root = std::env::temp_dir().join(format!("lems-review-{}", std::process::id()));
        let dir = root.join("tests/snapshots");
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(
            dir.join("content__guide.snap"),
            "---\nsource: x\n---\nold\n",
        )
        .expect("w");
        std::fs::write(
            dir.join("content__guide.snap.new"),
            "---\nsource: x\n---\nnew\n",
        )
        .expect("w");
        std::fs::write(
            dir.join("cli__check__x.snap.new"),
            "---\nsource: x\n---\nmsg\n",
        )
        .expect("w");
        let p = pending(&root);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].group, crate::review::Group::Prose);
        let counts = review(&root, Mode::AcceptAll, true).expect("review");
        assert_eq!((counts.accepted, counts.rejected, counts.left), (2, 0, 0));
        assert!(pending(&root).is_empty());
        assert_eq!(
            std::fs::read_to_string(dir.join("content__guide.snap")).expect("r"),
            "---\nsource: x\n---\nnew\n"
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    /// What an earlier run of the snapshot tests left is removed before the
    /// next (a snapshot of content since undone is never offered); other
    /// tests' changed snapshots are kept, since this run would not remake them.
    #[test]
    fn stale_snapshots_of_the_snapshot_tests_are_removed_before_a_run() {
        let root = std::env::temp_dir().join(format!("lems-review-stale-{}", std::process::id()));
        let dir = root.join("tests/snapshots");
        std::fs::create_dir_all(&dir).expect("dir");
        for f in [
            "content__treatment__gone.snap.new",
            "features__record__gone.snap.new",
            "cli__check__x.snap.new",
            "content__guide.snap",
        ] {
            std::fs::write(dir.join(f), "---\nsource: x\n---\nx\n").expect("w");
        }
        assert_eq!(remove_stale(&root), Ok(2));
        let left: Vec<_> = pending(&root).into_iter().map(|p| p.new).collect();
        assert_eq!(left, vec![dir.join("cli__check__x.snap.new")]);
        assert!(dir.join("content__guide.snap").is_file());
        let _ = std::fs::remove_dir_all(&root);
    }

    /// Each of the [`SNAPSHOT_TESTS`] is one test file of the workspace
    /// that takes snapshots; a renamed file fails here, not silently.
    #[test]
    fn the_snapshot_tests_exist_and_take_snapshots() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for t in SNAPSHOT_TESTS {
            let files: Vec<_> = [".", "lems-content", "lems-treatments-build"]
                .iter()
                .map(|k| repo.join(k).join("tests").join(format!("{t}.rs")))
                .filter(|p| p.is_file())
                .collect();
            assert_eq!(files.len(), 1, "{t}: {files:?}");
            let text = std::fs::read_to_string(&files[0]).expect("read");
            assert!(
                text.contains(concat!("insta", "::")),
                "{t} takes no snapshot"
            );
        }
    }

    /// No snapshot lives where a test run skips it (doctests in `src/`,
    /// examples, benches): only test targets hold them.
    #[test]
    fn no_snapshot_lives_outside_the_test_targets() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut found = Vec::new();
        for krate in [".", "lems-content", "lems-treatments-build"] {
            for dir in ["src", "examples", "benches"] {
                scan(&repo.join(krate).join(dir), &mut found);
            }
        }
        assert!(
            found.is_empty(),
            "snapshots outside test targets (review would miss them): {found:?}"
        );
    }

    fn scan(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                scan(&path, found);
            } else if path.extension().is_some_and(|x| x == "rs")
                && std::fs::read_to_string(&path).is_ok_and(|s| s.contains(concat!("insta", "::")))
            {
                found.push(path);
            }
        }
    }
}
