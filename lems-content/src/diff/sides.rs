//! The two sides `diff` compares, each a git revision (read into a temporary
//! folder with the rules of a working tree) or a content folder, loaded and
//! checked; and the [`DiffReport`] made of them.
//!
//! A revision is read like a working tree: `git ls-tree` lists its files
//! with their modes and sizes, and before a single blob is read every entry
//! must be a regular file (a symbolic link or a submodule is refused, as the
//! loader refuses them on disk), no file may be larger than a content file may
//! be, and the whole tree must fit the loader's budgets. Only then are the
//! blobs read, one by one, each no longer than listed, into the temporary
//! folder, where the loader applies every other rule.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use lems_treatments_build::diff::diff;
use lems_treatments_build::load::{MAX_TREE_BYTES, MAX_TREE_FILES};
use lems_treatments_build::read::fs::display_name;
use lems_treatments_build::read::yaml::MAX_FILE_BYTES;
use lems_treatments_build::{
    load, Code, Content, Diagnostic, Paths, Position, Report, SchemaCheck,
};

use super::git::{short, Entry, Repo};
use super::mentions::{mentions, removed_names};
use super::report::{for_users, reviews_at_base, Commits, DiffReport, MAX_COMMITS, ZERO_X_RULE};
use super::verdict::check_version;
use super::version::package_version;

/// What a revision's content is read from (relative to the content root).
const REVISION_PATHS: [&str; 3] = ["data", "schema", "Cargo.toml"];

/// Writes one file of a revision into the temporary folder: (folder, path
/// relative to it, bytes). The command passes `out`'s writer.
pub type WriteScratch<'a> = &'a dyn Fn(&Path, &Path, &[u8]) -> Result<(), String>;

/// Why a side could not be compared.
#[derive(Debug)]
pub enum SideError {
    /// The command could not run (no repository, no such revision, git failed).
    Failed(String),
    /// The side's content has problems: they are in the report.
    Broken(Box<Broken>),
}

impl From<String> for SideError {
    fn from(message: String) -> SideError {
        SideError::Failed(message)
    }
}

/// A side whose content has problems.
#[derive(Debug)]
pub struct Broken {
    /// `BASE` or `HEAD`.
    pub which: &'static str,
    /// The side as the report names it.
    pub label: String,
    /// What goes before each problem's file to locate it: `REV:` and the
    /// content root's path in the repository, or the folder given and `/`.
    pub prefix: String,
    /// The problems, as `check` would report them in that tree.
    pub report: Report,
}

/// One loaded side: its label, version and content (kept alive with its temporary folder).
struct Side {
    label: String,
    version: Option<String>,
    content: Content,
    /// The commit, for a revision (`HEAD` for the working tree).
    commit: Option<String>,
    /// The text of every file read, by display name.
    files: BTreeMap<String, String>,
    _tmp: Option<tempfile::TempDir>,
}

/// The checked content of both sides.
pub struct Contents {
    /// BASE's content.
    pub base: Content,
    /// HEAD's content.
    pub head: Content,
}

/// Where the sides come from: the content root (`--root`, or found from the
/// current folder; revisions are read from its repository), and the writer
/// of a revision's files.
pub struct Sources<'a> {
    /// The content root, when one was given or found.
    pub root: Option<PathBuf>,
    /// Writes a revision's file into its temporary folder.
    pub write: WriteScratch<'a>,
}

/// Loads BASE and HEAD as given on the command line (a folder holding
/// `data/`, a git revision, or nothing: the merge base with `main` and the
/// working tree) and makes the report, with `--check-version`'s verdict when
/// `with_version_check`.
pub fn report(
    from: &Sources<'_>,
    base: Option<&str>,
    head: Option<&str>,
    with_version_check: bool,
) -> Result<(DiffReport, Contents), SideError> {
    let base = load_side(from, "BASE", base)?;
    let head = load_side(from, "HEAD", head)?;
    let d = diff(&base.content, &head.content);
    let version_check = if with_version_check {
        let (Some(b), Some(h)) = (&base.version, &head.version) else {
            return Err(SideError::Failed(
                "--check-version needs `[package] version` in Cargo.toml at BASE and at HEAD"
                    .into(),
            ));
        };
        Some(check_version(&d, b, h)?)
    } else {
        None
    };
    let commits = match (&base.commit, &head.commit) {
        (Some(b), Some(h)) => {
            let (list, more) = Repo::at(&content_dir(from)?).commits(b, h, MAX_COMMITS)?;
            Some(Commits { list, more })
        }
        _ => None,
    };
    let reviews_at_base = commits
        .as_ref()
        .map(|_| reviews_at_base(&base.content.reviews, &head.content.reviews));
    let (stale_mentions, _) = mentions(&head.files, &removed_names(&d));
    let r = DiffReport {
        base: base.label,
        head: head.label,
        for_users: for_users(&d, base.version.as_deref()),
        base_version: base.version,
        head_version: head.version,
        diff: d,
        zero_x_rule: ZERO_X_RULE,
        commits,
        reviews_at_base,
        stale_mentions,
        version_check,
    };
    let contents = Contents {
        base: base.content,
        head: head.content,
    };
    Ok((r, contents))
}

/// The folder revisions are read from: the content root, or the top level
/// of the current folder's repository when no content was found.
fn content_dir(from: &Sources<'_>) -> Result<PathBuf, String> {
    match &from.root {
        Some(root) => Ok(root.clone()),
        None => Repo::at(Path::new(".")).toplevel(),
    }
}

fn load_side(
    from: &Sources<'_>,
    which: &'static str,
    arg: Option<&str>,
) -> Result<Side, SideError> {
    match arg {
        Some(a) if Path::new(a).join("data").is_dir() => {
            load_folder(which, a, Path::new(a), None, format!("{a}/"))
        }
        Some(rev) => load_rev(from, which, rev, rev),
        None if which == "BASE" => {
            let repo = Repo::at(&content_dir(from)?);
            repo.toplevel()?;
            let base = repo.git(&["merge-base", "main", "HEAD"]).map_err(|e| {
                format!("could not find the merge base with `main` ({e}); pass BASE explicitly")
            })?;
            let label = format!("merge base with main ({})", short(&base));
            load_rev(from, which, &base, &label)
        }
        None => {
            let root = content_dir(from)?;
            let mut side = load_folder(which, "working tree", &root, None, String::new())?;
            // The working tree is its last commit and what is not committed yet.
            side.commit = Repo::at(&root)
                .git(&["rev-parse", "--verify", "--quiet", "HEAD"])
                .ok();
            Ok(side)
        }
    }
}

fn load_rev(
    from: &Sources<'_>,
    which: &'static str,
    rev: &str,
    label: &str,
) -> Result<Side, SideError> {
    let dir = content_dir(from)?;
    let repo = Repo::at(&dir);
    repo.toplevel()?;
    let sha = repo
        .git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .ok()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            format!(
                "{which} `{rev}` is neither a content folder (holding data/) nor a git revision"
            )
        })?;
    let label = if label == rev {
        format!("{rev} ({})", short(&sha))
    } else {
        label.to_string()
    };
    let prefix = format!("{rev}:{}", repo.prefix()?);
    // A little room above the tree's budget for schema/ and Cargo.toml, so
    // that a tree just over it is reported as such.
    let entries = repo.list(&sha, &REVISION_PATHS, MAX_TREE_FILES + 64)?;
    let problems = listing_problems(&entries);
    if !problems.is_empty() {
        return Err(broken(which, label, prefix, problems));
    }
    let tmp = tempfile::Builder::new()
        .prefix("lems-content-diff-")
        .tempdir()
        .map_err(|e| format!("could not create a temporary folder: {e}"))?;
    let mut blobs = repo.blobs()?;
    let mut manifest = None;
    for e in &entries {
        let bytes = blobs.read(&e.id, e.size.unwrap_or(0))?;
        let rel = path_of(&e.path);
        if rel == Path::new("Cargo.toml") {
            manifest = Some(String::from_utf8_lossy(&bytes).into_owned());
        } else {
            (from.write)(tmp.path(), &rel, &bytes)
                .map_err(|m| format!("could not read {which} `{rev}`: {m}"))?;
        }
    }
    let mut side = load_folder(which, &label, tmp.path(), Some(manifest), prefix)?;
    side._tmp = Some(tmp);
    side.commit = Some(sha);
    Ok(side)
}

/// A listed path as a path on this system (git paths are bytes).
fn path_of(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// A listed path for messages: UTF-8 kept, other bytes shown as `\xNN`.
fn shown_path(bytes: &[u8]) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        display_name(OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        let _ = display_name;
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// What the loader would refuse in a working tree, found from the listing
/// alone (modes, names and sizes), before anything is read.
fn listing_problems(entries: &[Entry]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut tree_bytes: u64 = 0;
    let mut tree_files = 0usize;
    let mut over_budget = false;
    for e in entries {
        let shown = shown_path(&e.path);
        if let Some(d) = entry_problem(e, &shown) {
            out.push(d);
            continue;
        }
        if !shown.starts_with("data/") || over_budget {
            continue;
        }
        tree_files += 1;
        tree_bytes = tree_bytes.saturating_add(e.size.unwrap_or(0));
        let why = if tree_files > MAX_TREE_FILES {
            format!("the content holds more than {MAX_TREE_FILES} files")
        } else if tree_bytes > MAX_TREE_BYTES as u64 {
            format!(
                "the content grows past {MAX_TREE_BYTES} bytes ({} MiB) with this file",
                MAX_TREE_BYTES >> 20
            )
        } else {
            continue;
        };
        over_budget = true;
        out.push(
            Diagnostic::new(shown, Position::START, Code::TooLarge, why)
                .with_help("content this large is not expected; nothing of this revision was read"),
        );
    }
    out
}

/// The problem with one listed entry: not a regular file, a path that is not
/// plain names, or more bytes than a content file may hold.
fn entry_problem(e: &Entry, shown: &str) -> Option<Diagnostic> {
    let what = match e.mode.as_str() {
        "100644" | "100755" => None,
        "120000" => Some("a symbolic link"),
        "160000" => Some("a submodule (a link to another repository)"),
        _ => Some("a special file"),
    };
    if let Some(what) = what {
        return Some(
            Diagnostic::new(shown, Position::START, Code::SpecialFile, format!("this is {what} in the revision, not a regular file"))
                .with_help("links are never followed, so content stays inside its tree; commit the file itself in its place"),
        );
    }
    let plain = e
        .path
        .split(|&b| b == b'/')
        .all(|part| !part.is_empty() && part != b"." && part != b"..");
    if !plain {
        return Some(
            Diagnostic::new(
                shown,
                Position::START,
                Code::Layout,
                "this path is not a plain path inside the content",
            )
            .with_help(
                "rename it: a content path is folder and file names only, without `.` or `..`",
            ),
        );
    }
    let size = e.size.unwrap_or(0);
    (size > MAX_FILE_BYTES as u64).then(|| {
        Diagnostic::new(
            shown,
            Position::START,
            Code::TooLarge,
            format!("the file is {size} bytes, more than the {MAX_FILE_BYTES} bytes a content file may hold"),
        )
        .with_help("split it or shorten it; it was not read (nothing of this revision was)")
    })
}

/// A side broken by `problems` found before its content was read.
fn broken(
    which: &'static str,
    label: String,
    prefix: String,
    problems: Vec<Diagnostic>,
) -> SideError {
    let report = Report {
        content: None,
        diagnostics: problems,
        files: Vec::new(),
        notes: Vec::new(),
        sources: BTreeMap::new(),
        warnings: Vec::new(),
        rules_broken: Vec::new(),
    };
    SideError::Broken(Box::new(Broken {
        which,
        label,
        prefix,
        report,
    }))
}

fn load_folder(
    which: &'static str,
    label: &str,
    root: &Path,
    manifest: Option<Option<String>>,
    prefix: String,
) -> Result<Side, SideError> {
    let paths = Paths::under(root);
    // Content without schemas of its own is still read into the model and cross-checked.
    let check = if paths.schema.is_dir() {
        SchemaCheck::Validate
    } else {
        SchemaCheck::Skip
    };
    let mut report = load(&paths, check);
    if report.content.is_none() || !report.diagnostics.is_empty() {
        return Err(SideError::Broken(Box::new(Broken {
            which,
            label: label.to_string(),
            prefix,
            report,
        })));
    }
    let files = std::mem::take(&mut report.sources);
    let Some(content) = report.content else {
        return Err(SideError::Failed(format!(
            "the content at {which} ({label}) could not be read"
        )));
    };
    // A revision's Cargo.toml came from git (or was not there); a folder's is read here.
    let manifest =
        manifest.unwrap_or_else(|| std::fs::read_to_string(root.join("Cargo.toml")).ok());
    Ok(Side {
        label: label.to_string(),
        version: manifest.as_deref().and_then(package_version),
        content,
        commit: None,
        files,
        _tmp: None,
    })
}
