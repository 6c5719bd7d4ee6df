//! `lems-content export` (JSON, FHIR, Markdown to standard output) and
//! `render` (the guide as a site, written to `--out`).

use std::path::PathBuf;
use std::process::ExitCode;

use lems_treatments_build::Paths;

use super::{checked, fail};
use crate::cli::ExportFormat;
use crate::export::{fhir, json, markdown};
use crate::root::package_version;

/// Prints the export in `format`.
pub(crate) fn run(paths: &Paths, format: ExportFormat) -> ExitCode {
    let c = match checked(paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let version = package_version(paths).unwrap_or_else(|| "unknown".to_string());
    let out = match format {
        ExportFormat::Json => json::text(&c, &version),
        ExportFormat::Fhir => Some(fhir::text(&c)),
        ExportFormat::Markdown => Some(markdown::text(&c)),
        ExportFormat::Html => return site(paths, None),
    };
    match out {
        Some(text) => match crate::out::stdout(&text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        None => fail("the export could not be written as JSON"),
    }
}

/// Writes the guide as a static site into `out` (default: target/site beside data/).
pub fn site(paths: &Paths, out: Option<PathBuf>) -> ExitCode {
    let c = match checked(paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let out = out.unwrap_or_else(|| {
        paths
            .data
            .parent()
            .map_or_else(|| PathBuf::from("target"), |r| r.join("target"))
            .join("site")
    });
    let site = crate::site::guide::site(&c);
    if let Err(e) = crate::out::site(&out, &site) {
        return fail(&e);
    }
    println!(
        "wrote {} files to {}; open {}",
        site.len(),
        out.display(),
        out.join("index.html").display()
    );
    ExitCode::SUCCESS
}
