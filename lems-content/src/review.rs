//! `lems-content review`: one command that runs the whole workspace's tests
//! and then walks through every changed snapshot in one pass, prose first
//! (treatment cards and the guide, then the exports, then the editors'
//! messages, then anything else), asking to accept or reject each. It reads
//! and writes insta's own files (`*.snap.new` beside `*.snap`), so
//! `cargo insta review` works on the same state, but nothing needs to be
//! installed.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use similar::{ChangeTag, TextDiff};

/// One pending snapshot: the new text waiting beside the accepted one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The `.snap.new` file.
    pub new: PathBuf,
    /// The `.snap` file it would replace.
    pub accepted: PathBuf,
    /// How a reviewer should read it (for sorting and the heading).
    pub group: Group,
}

/// What a snapshot shows, in the order a content reviewer reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// A treatment card or the guide: what a reader sees.
    Prose,
    /// An export (JSON, FHIR, Markdown).
    Export,
    /// The editors' messages (`check` output) and other tool output.
    Messages,
    /// Anything else.
    Other,
}

impl Group {
    fn of(name: &str) -> Group {
        if name.contains("treatment__") || name.contains("__guide") {
            Group::Prose
        } else if name.contains("export__") {
            Group::Export
        } else if name.contains("check__") || name.contains("diff__") {
            Group::Messages
        } else {
            Group::Other
        }
    }

    fn label(self) -> &'static str {
        match self {
            Group::Prose => "what a reader sees",
            Group::Export => "an export",
            Group::Messages => "an editors' message",
            Group::Other => "other output",
        }
    }
}

/// Every pending snapshot under `root` (skipping `target/` and hidden
/// folders), prose first, then by path.
pub fn pending(root: &Path) -> Vec<Pending> {
    let mut out = Vec::new();
    walk(root, 0, &mut out);
    out.sort_by(|a, b| (a.group, &a.new).cmp(&(b.group, &b.new)));
    out
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<Pending>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && depth < 6 && !name.starts_with('.') && name != "target" {
            walk(&entry.path(), depth + 1, out);
        } else if kind.is_file() {
            if let Some(stem) = name.strip_suffix(".snap.new") {
                out.push(Pending {
                    new: entry.path(),
                    accepted: dir.join(format!("{stem}.snap")),
                    group: Group::of(stem),
                });
            }
        }
    }
}

/// The body of an insta snapshot file: what follows its `---` header.
pub fn body(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    match rest.find("\n---\n") {
        Some(i) => &rest[i + 5..],
        None => text,
    }
}

/// Control, escape and bidi characters made visible (`\u{1b}`), so that
/// content shown in a terminal cannot move the cursor, change colours or
/// reorder text: the same escaping as every diagnostic.
pub fn visible(s: &str) -> String {
    lems_treatments_build::escape::terminal(s).into_owned()
}

/// A line diff of two snapshot bodies, changed words marked `[-old-]{+new+}`
/// within changed lines, with two lines of context.
pub fn render_diff(old: &str, new: &str) -> String {
    let mut out = String::new();
    let diff = TextDiff::from_lines(old, new);
    for group in diff.grouped_ops(2) {
        out.push_str("   ...\n");
        for op in group {
            for change in diff.iter_changes(&op) {
                let sign = match change.tag() {
                    ChangeTag::Delete => "- ",
                    ChangeTag::Insert => "+ ",
                    ChangeTag::Equal => "  ",
                };
                out.push_str(sign);
                out.push_str(&visible(change.value().trim_end_matches('\n')));
                out.push('\n');
            }
        }
    }
    out
}

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
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs the tests (unless `skip_tests`), then reviews every pending snapshot.
pub fn review(root: &Path, mode: Mode, skip_tests: bool) -> Result<Counts, String> {
    if !skip_tests {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        println!(
            "running the tests: cargo test --workspace (changed snapshots are kept for review)"
        );
        let status = Command::new(cargo)
            .args(["test", "--workspace", "--no-fail-fast", "--quiet"])
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
    let (mut accepted, mut rejected, mut left) = (0, 0, 0);
    for (i, p) in all.iter().enumerate() {
        let shown = p.accepted.strip_prefix(root).unwrap_or(&p.accepted);
        println!(
            "\n[{}/{}] {} ({})",
            i + 1,
            all.len(),
            visible(&shown.display().to_string()),
            p.group.label()
        );
        let new = std::fs::read_to_string(&p.new).unwrap_or_default();
        let old = std::fs::read_to_string(&p.accepted).unwrap_or_default();
        if old.is_empty() {
            println!("a new snapshot:");
            for line in body(&new).lines() {
                println!("+ {}", visible(line));
            }
        } else {
            print!("{}", render_diff(body(&old), body(&new)));
        }
        let decision = match mode {
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
        };
        match decision {
            'a' => match std::fs::rename(&p.new, &p.accepted) {
                Ok(()) => accepted += 1,
                Err(e) => {
                    eprintln!("error: could not accept {}: {e}", p.new.display());
                    left += 1;
                }
            },
            'r' => match std::fs::remove_file(&p.new) {
                Ok(()) => rejected += 1,
                Err(e) => {
                    eprintln!("error: could not reject {}: {e}", p.new.display());
                    left += 1;
                }
            },
            'q' => {
                left += all.len() - i;
                break;
            }
            _ => left += 1,
        }
    }
    println!("\n{accepted} accepted, {rejected} rejected, {left} left for later");
    Ok(Counts {
        accepted,
        rejected,
        left,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_sorts_before_exports_messages_and_the_rest() {
        let mut groups = [
            Group::of("cli__check__tab_indentation"),
            Group::of("content__treatment__guanidine"),
            Group::of("export__export__fhir"),
            Group::of("something_else"),
            Group::of("content__guide"),
        ];
        groups.sort();
        assert_eq!(
            groups,
            [
                Group::Prose,
                Group::Prose,
                Group::Export,
                Group::Messages,
                Group::Other
            ]
        );
    }

    #[test]
    fn the_body_skips_the_header() {
        assert_eq!(body("---\nsource: x\n---\nhello\n"), "hello\n");
        assert_eq!(body("no header"), "no header");
    }

    #[test]
    fn diffs_show_changed_lines_with_escapes_visible() {
        let d = render_diff("a\nb\nc\n", "a\nB\u{1b}[2J\nc\n");
        assert!(d.contains("- b\n"), "{d}");
        assert!(d.contains("+ B\\u{1b}[2J\n"), "{d}");
    }

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
        assert_eq!(p[0].group, Group::Prose);
        let counts = review(&root, Mode::AcceptAll, true).expect("review");
        assert_eq!((counts.accepted, counts.rejected, counts.left), (2, 0, 0));
        assert!(pending(&root).is_empty());
        assert_eq!(
            std::fs::read_to_string(dir.join("content__guide.snap")).expect("r"),
            "---\nsource: x\n---\nnew\n"
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
