//! The snapshots `lems-content review` walks through: insta's own files
//! (`*.snap.new` beside `*.snap`, so `cargo insta review` works on the same
//! state), found and sorted prose first (treatment cards and the guide, then
//! the exports, then the editors' messages, then anything else), and the line
//! diff shown for each. The command itself lives in `commands/review.rs`.

use std::path::{Path, PathBuf};

use lems_treatments_build::escape::terminal;
use similar::{ChangeTag, TextDiff};

/// One pending snapshot: the new text waiting beside the accepted one, or
/// an accepted snapshot no test takes any more (`gone`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The `.snap.new` file (none when `gone`).
    pub new: PathBuf,
    /// The `.snap` file it would replace (or, when `gone`, remove).
    pub accepted: PathBuf,
    /// How a reviewer should read it (for sorting and the heading).
    pub group: Group,
    /// No test took this snapshot in the last run: what it showed is no
    /// longer in the content (a removed treatment's card, say).
    pub gone: bool,
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

    /// How the heading names the group.
    pub fn label(self) -> &'static str {
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
    let mut files = Vec::new();
    walk(root, 0, &mut files);
    let mut out: Vec<Pending> = files
        .into_iter()
        .filter_map(|(dir, name)| {
            let stem = name.strip_suffix(".snap.new")?;
            Some(Pending {
                new: dir.join(&name),
                accepted: dir.join(format!("{stem}.snap")),
                group: Group::of(stem),
                gone: false,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.group, &a.new).cmp(&(b.group, &b.new)));
    out
}

/// Every regular file under `dir` (skipping `target/` and hidden folders, at
/// most 6 folders deep), as its folder and its name.
fn walk(dir: &Path, depth: usize, out: &mut Vec<(PathBuf, String)>) {
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
            out.push((dir.to_path_buf(), name));
        }
    }
}

/// The accepted snapshots under `root` whose file names start with one of
/// `prefixes` and that are not in `referenced` (the snapshots a test run
/// took, as insta lists them in `INSTA_SNAPSHOT_REFERENCES_FILE`, one path a
/// line), each as a `gone` [`Pending`], prose first. The paths are compared
/// as real paths.
pub fn unreferenced(root: &Path, referenced: &str, prefixes: &[String]) -> Vec<Pending> {
    let taken: std::collections::BTreeSet<PathBuf> = referenced
        .lines()
        .filter_map(|l| std::fs::canonicalize(l.trim()).ok())
        .collect();
    let mut files = Vec::new();
    walk(root, 0, &mut files);
    let mut out: Vec<Pending> = files
        .into_iter()
        .filter_map(|(dir, name)| {
            let stem = name.strip_suffix(".snap")?;
            let accepted = dir.join(&name);
            let ours = prefixes.iter().any(|x| name.starts_with(x.as_str()));
            let untaken = std::fs::canonicalize(&accepted).is_ok_and(|real| !taken.contains(&real));
            (ours && untaken).then(|| Pending {
                new: dir.join(format!("{stem}.snap.new")),
                group: Group::of(stem),
                accepted,
                gone: true,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.group, &a.accepted).cmp(&(b.group, &b.accepted)));
    out
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
                out.push_str(&terminal(change.value().trim_end_matches('\n')));
                out.push('\n');
            }
        }
    }
    out
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
    fn snapshots_no_test_took_are_found_only_among_the_given_tests() {
        let root = std::env::temp_dir().join(format!("lems-unreferenced-{}", std::process::id()));
        let dir = root.join("tests/snapshots");
        std::fs::create_dir_all(&dir).expect("dir");
        for f in [
            "content__treatment__kept.snap",
            "content__treatment__gone.snap",
            "cli__check__not_ours.snap",
        ] {
            std::fs::write(dir.join(f), "---\nsource: x\n---\nx\n").expect("w");
        }
        let taken = format!("{}\n", dir.join("content__treatment__kept.snap").display());
        let gone = unreferenced(&root, &taken, &["content__".to_string()]);
        let paths: Vec<_> = gone.iter().map(|p| (&p.accepted, p.gone)).collect();
        assert_eq!(paths, [(&dir.join("content__treatment__gone.snap"), true)]);
        assert_eq!(gone[0].group, Group::Prose);
        // Nothing taken is known: every one of the given tests' snapshots is unreferenced.
        assert_eq!(unreferenced(&root, "", &["content__".to_string()]).len(), 2);
        let _ = std::fs::remove_dir_all(&root);
    }
}
