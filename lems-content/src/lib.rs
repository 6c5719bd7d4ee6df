//! The library behind the `lems-content` command: rendering of diagnostics
//! (rustc-style and JSON) and file skeletons. The binary is a thin CLI over it;
//! the benchmark measures the same code the command runs.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod diff_cmd;
pub mod export;
pub mod render;
pub mod review;
pub mod root;
pub mod site;

use lems_treatments_build::{load, Paths, Report, SchemaCheck};

/// Everything `lems-content check` does for a content tree except printing:
/// load and validate, then render every diagnostic for people.
pub fn check_human(paths: &Paths) -> (Report, String) {
    let report = load(paths, SchemaCheck::Validate);
    let text = render::human(paths, &report, false);
    (report, text)
}
