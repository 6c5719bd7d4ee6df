//! The two sides `diff` compares, each a git revision (extracted into a
//! temporary folder) or a content folder, loaded and checked; and the
//! [`DiffReport`] made of them.

use std::path::Path;

use lems_treatments_build::diff::diff;
use lems_treatments_build::{load, Content, Paths, SchemaCheck};

use super::git::{extract, git, short, toplevel};
use super::report::{DiffReport, ZERO_X_RULE};
use super::verdict::check_version;
use super::version::package_version;

/// One loaded side: its label, version and content (kept alive with its temporary folder).
struct Side {
    label: String,
    version: Option<String>,
    content: Content,
    _tmp: Option<tempfile::TempDir>,
}

/// The checked content of both sides.
pub struct Contents {
    /// BASE's content.
    pub base: Content,
    /// HEAD's content.
    pub head: Content,
}

/// Loads BASE and HEAD as given on the command line (a folder holding
/// `data/`, a git revision, or nothing: the merge base with `main` and the
/// working tree) and makes the report, with `--check-version`'s verdict when
/// `with_version_check`. An error ends the command with exit code 2.
pub fn report(
    base: Option<&str>,
    head: Option<&str>,
    with_version_check: bool,
) -> Result<(DiffReport, Contents), String> {
    let base = load_side("BASE", base)?;
    let head = load_side("HEAD", head)?;
    let d = diff(&base.content, &head.content);
    let version_check = if with_version_check {
        let (Some(b), Some(h)) = (&base.version, &head.version) else {
            return Err(
                "--check-version needs `[package] version` in Cargo.toml at BASE and at HEAD"
                    .into(),
            );
        };
        Some(check_version(&d, b, h)?)
    } else {
        None
    };
    let r = DiffReport {
        base: base.label,
        head: head.label,
        base_version: base.version,
        head_version: head.version,
        diff: d,
        zero_x_rule: ZERO_X_RULE,
        version_check,
    };
    let contents = Contents {
        base: base.content,
        head: head.content,
    };
    Ok((r, contents))
}

fn load_side(which: &str, arg: Option<&str>) -> Result<Side, String> {
    match arg {
        Some(a) if Path::new(a).join("data").is_dir() => load_folder(which, a, Path::new(a), None),
        Some(rev) => load_rev(which, rev, rev),
        None if which == "BASE" => {
            toplevel()?;
            let base = git(&["merge-base", "main", "HEAD"]).map_err(|e| {
                format!("could not find the merge base with `main` ({e}); pass BASE explicitly")
            })?;
            load_rev(
                which,
                &base,
                &format!("merge base with main ({})", short(&base)),
            )
        }
        None => {
            let root = toplevel()?;
            load_folder(which, "working tree", &root, None)
        }
    }
}

fn load_rev(which: &str, rev: &str, label: &str) -> Result<Side, String> {
    toplevel()?;
    let sha = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])
    .ok()
    .filter(|s| !s.is_empty())
    .ok_or_else(|| {
        format!("{which} `{rev}` is neither a content folder (holding data/) nor a git revision")
    })?;
    let tmp = tempfile::Builder::new()
        .prefix("lems-content-diff-")
        .tempdir()
        .map_err(|e| format!("could not create a temporary folder: {e}"))?;
    // `schema` may be missing at old revisions: then extract `data` alone.
    extract(&sha, &["data", "schema"], tmp.path())
        .or_else(|_| extract(&sha, &["data"], tmp.path()))
        .map_err(|e| format!("could not extract data/ at {which} `{rev}`: {e}"))?;
    let manifest = git(&["show", &format!("{sha}:Cargo.toml")]).ok();
    let label = if label == rev {
        format!("{rev} ({})", short(&sha))
    } else {
        label.to_string()
    };
    let mut side = load_folder(which, &label, tmp.path(), manifest)?;
    side._tmp = Some(tmp);
    Ok(side)
}

fn load_folder(
    which: &str,
    label: &str,
    root: &Path,
    manifest: Option<String>,
) -> Result<Side, String> {
    let paths = Paths::under(root);
    // Content without schemas of its own is still read into the model and cross-checked.
    let check = if paths.schema.is_dir() {
        SchemaCheck::Validate
    } else {
        SchemaCheck::Skip
    };
    let report = load(&paths, check);
    let n = report.diagnostics.len();
    let Some(content) = report.content.filter(|_| n == 0) else {
        return Err(format!(
            "the content at {which} ({label}) is broken: {n} problem{}; run `lems-content check` on it",
            if n == 1 { "" } else { "s" }
        ));
    };
    let manifest = manifest.or_else(|| std::fs::read_to_string(root.join("Cargo.toml")).ok());
    Ok(Side {
        label: label.to_string(),
        version: manifest.as_deref().and_then(package_version),
        content,
        _tmp: None,
    })
}
