//! `lems-content review`: one command that runs the whole workspace's tests
//! and then walks through every changed snapshot in one pass, prose first,
//! asking to accept or reject each. Nothing needs to be installed.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::{Command, ExitCode};

use lems_treatments_build::escape::terminal;

use crate::out::{accept_snapshot, reject_snapshot};
use crate::review::{body, pending, render_diff, Pending};

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
/// else recompiles), keeping changed snapshots for review.
fn run_tests(root: &Path) -> Result<(), String> {
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
        .current_dir(root)
        .status();
    match status {
        Ok(s) if s.success() => println!("tests: ok"),
        Ok(_) => println!(
            "tests: some tests failed for reasons other than changed snapshots (see above); review the snapshots, then fix those"
        ),
        Err(e) => return Err(format!("could not run cargo: {e}")),
    }
    Ok(())
}

/// Runs the tests (unless `skip_tests`), then reviews every pending snapshot.
pub fn review(root: &Path, mode: Mode, skip_tests: bool) -> Result<Counts, String> {
    if !skip_tests {
        run_tests(root)?;
    }
    let all = pending(root);
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
    let new = std::fs::read_to_string(&p.new).unwrap_or_default();
    let old = std::fs::read_to_string(&p.accepted).unwrap_or_default();
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
