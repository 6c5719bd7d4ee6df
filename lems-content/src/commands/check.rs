//! `lems-content check`: load and validate the content, check review dates,
//! print every diagnostic; exit 1 when there is any.

use std::io::IsTerminal;
use std::process::ExitCode;

use lems_treatments_build::{load, Paths, Report, SchemaCheck};

use crate::cli::Format;
use crate::diagnostics::{human, json};

/// Sets the date `check` compares review dates with, `YYYY-MM-DD` (default: today).
const TODAY_ENV: &str = "LEMS_CONTENT_TODAY";

/// Today, `YYYY-MM-DD`: the clock's, or LEMS_CONTENT_TODAY's when it is set
/// (reviews are checked against it, and `record` dates records with it).
pub(crate) fn today() -> String {
    std::env::var(TODAY_ENV)
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(lems_treatments_build::load::review::today)
}

/// Runs `check` on `paths` and prints the diagnostics in `format`.
pub(crate) fn run(paths: &Paths, format: Format) -> ExitCode {
    let mut report = load(paths, SchemaCheck::Validate);
    // Reviews are checked against today's date; LEMS_CONTENT_TODAY (YYYY-MM-DD) sets another day.
    report.check_reviews(&today());
    let text = match format {
        Format::Human => human(paths, &report, std::io::stdout().is_terminal()),
        Format::Json => json(&report),
    };
    if let Err(e) = crate::out::stdout(&text) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    if report.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Everything `lems-content check` does for a content tree except the review
/// dates and printing: load and validate, then render every diagnostic for
/// people (what the benchmark measures).
pub fn check_human(paths: &Paths) -> (Report, String) {
    let report = load(paths, SchemaCheck::Validate);
    let text = human(paths, &report, false);
    (report, text)
}
