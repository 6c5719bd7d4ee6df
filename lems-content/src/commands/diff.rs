//! `lems-content diff`: the semantic content diff between two git revisions
//! or content folders, printed (human, JSON, Markdown) or written as a site
//! (HTML); exit 1 when `--check-version` fails.

use std::path::PathBuf;
use std::process::ExitCode;

use lems_treatments_build::escape::terminal;

use super::fail;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::git::toplevel;
use crate::diff::sides::report;
use crate::diff::{human, json, markdown};
use crate::out::out_refused;
use crate::site::diff::diff_site;

/// Where `--format html` writes when `--out` is not given: `target/site` in
/// the repository, or in the current folder outside one.
fn default_out() -> PathBuf {
    toplevel()
        .map(|t| t.join("target"))
        .unwrap_or_else(|_| PathBuf::from("target"))
        .join("site")
}

/// Runs `lems-content diff`: 0 when done, 1 when `--check-version` fails, 2 on errors.
pub fn run(args: &DiffArgs) -> ExitCode {
    if let (Some(out), false) = (&args.out, args.format == DiffFormat::Html) {
        return fail(&out_refused(&args.format, out));
    }
    let (r, contents) = match report(
        args.base.as_deref(),
        args.head.as_deref(),
        args.check_version,
    ) {
        Ok(r) => r,
        Err(message) => return fail(&terminal(&message)),
    };
    let text = match args.format {
        DiffFormat::Human => human::text(&r),
        DiffFormat::Json => json::text(&r),
        DiffFormat::Markdown => markdown::text(&r),
        DiffFormat::Html => {
            let out = args.out.clone().unwrap_or_else(default_out);
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
    print!("{text}");
    match &r.version_check {
        Some(v) if !v.ok => {
            eprintln!("error: {}", terminal(&v.message));
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}
