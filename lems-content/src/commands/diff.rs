//! `lems-content diff`: the semantic content diff between two git revisions
//! or content folders, printed (human, JSON, Markdown) or written as a site
//! (HTML); exit 1 when `--check-version` fails.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lems_treatments_build::escape::terminal;
use lems_treatments_build::Paths;

use super::fail;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diagnostics::{self, summary};
use crate::diff::git::Repo;
use crate::diff::sides::{report, Broken, SideError, Sources};
use crate::diff::{human, json, markdown};
use crate::out::{out_refused, scratch_file};
use crate::root;
use crate::site::diff::diff_site;

/// Where `--format html` writes when `--out` is not given: `target/site` in
/// the repository (of the content root), or in the current folder outside one.
fn default_out(root: Option<&Path>) -> PathBuf {
    Repo::at(root.unwrap_or(Path::new(".")))
        .toplevel()
        .map(|t| t.join("target"))
        .unwrap_or_else(|_| PathBuf::from("target"))
        .join("site")
}

/// The content root: `--root`'s (an error when it names no content), or the
/// one found from the current folder (none outside any content).
fn content_root(given: Option<&Path>) -> Result<Option<PathBuf>, String> {
    let found = match given {
        Some(r) => root::find(Some(r))?,
        None => match root::find(None) {
            Ok(paths) => paths,
            Err(_) => return Ok(None),
        },
    };
    Ok(Some(
        found
            .data
            .parent()
            .map_or_else(|| found.data.clone(), Path::to_path_buf),
    ))
}

/// Prints a broken side's problems, each located in its revision
/// (`REV:path:line:col`) or folder, as `check` prints them; exit code 2.
fn print_broken(b: Broken) -> ExitCode {
    let mut report = b.report;
    for d in report
        .diagnostics
        .iter_mut()
        .chain(report.warnings.iter_mut())
    {
        d.file = format!("{}{}", b.prefix, d.file);
    }
    report.sources = std::mem::take(&mut report.sources)
        .into_iter()
        .map(|(file, text)| (format!("{}{file}", b.prefix), text))
        .collect();
    let color = std::io::stderr().is_terminal();
    let text = diagnostics::human(&Paths::under(Path::new(".")), &report, color);
    eprint!("{text}");
    fail(&format!(
        "the content at {} ({}) is broken: {}, listed above",
        b.which,
        terminal(&b.label),
        summary(&report)
    ))
}

/// Runs `lems-content diff` (revisions from the repository of `root`, the
/// `--root` given): 0 when done, 1 when `--check-version` fails, 2 on errors.
pub fn run(args: &DiffArgs, root: Option<&Path>) -> ExitCode {
    if let (Some(out), false) = (&args.out, args.format == DiffFormat::Html) {
        return fail(&out_refused(&args.format, out));
    }
    let root = match content_root(root) {
        Ok(r) => r,
        Err(message) => return fail(&message),
    };
    let sources = Sources {
        root: root.clone(),
        write: &scratch_file,
    };
    let (r, contents) = match report(
        &sources,
        args.base.as_deref(),
        args.head.as_deref(),
        args.check_version,
    ) {
        Ok(r) => r,
        Err(SideError::Failed(message)) => return fail(&terminal(&message)),
        Err(SideError::Broken(b)) => return print_broken(*b),
    };
    let text = match args.format {
        DiffFormat::Human => human::text(&r),
        DiffFormat::Json => json::text(&r),
        DiffFormat::Markdown => markdown::text(&r),
        DiffFormat::Html => {
            let out = args
                .out
                .clone()
                .unwrap_or_else(|| default_out(root.as_deref()));
            let site = diff_site(&contents.base, &contents.head, &r);
            if let Err(e) = crate::out::site(&out, &site) {
                return fail(&terminal(&e));
            }
            format!(
                "wrote {} files to {}; open {}\n",
                site.len(),
                terminal(&out.display().to_string()),
                terminal(&out.join("diff.html").display().to_string())
            )
        }
    };
    if let Err(e) = crate::out::stdout(&text) {
        return fail(&e);
    }
    match &r.version_check {
        Some(v) if !v.ok => {
            eprintln!("error: {}", terminal(&v.message));
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}
