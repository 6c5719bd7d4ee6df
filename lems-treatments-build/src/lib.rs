//! Build-time half of [`lems-treatments`](https://crates.io/crates/lems-treatments):
//! loads the YAML content, validates it against the committed JSON Schema,
//! cross-checks it, and generates typed Rust.
//!
//! The crate's `build.rs` is a thin call into [`build_script`]. The editors'
//! tool `lems-content` uses the same [`load()`] and [`Diagnostic`]s.
//!
//! ```no_run
//! // build.rs
//! lems_treatments_build::build_script();
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod chars;
pub mod diagnostic;
#[cfg(feature = "diff")]
pub mod diff;
#[cfg(feature = "schema")]
pub mod docs;
pub mod document;
pub mod escape;
pub mod generate;
pub mod load;
pub mod model;
pub mod names;
pub mod read;
pub mod relations;
pub mod render;
pub mod rules;
pub mod suggest;
pub mod text;

use std::path::{Path, PathBuf};

pub use diagnostic::{Code, Diagnostic, Position};
pub use load::cache::Cache;
pub use load::{Content, Loaded, Overlay, Paths, Report, SchemaCheck};
pub use model::FileKind;

/// Reads and checks the whole content tree: every file on its own
/// ([`load`](mod@load)), then every cross-file rule ([`rules::RULES`]) over the
/// content and its [`Relations`](relations::Relations), computed once. All
/// problems are collected; none panics.
pub fn load(paths: &Paths, check: SchemaCheck) -> Report {
    load_with_overlay(paths, check, &Overlay::new())
}

/// [`load()`] with some files' bytes taken from `overlay` instead of the disk
/// (an editor's unsaved buffers, for `lems-content lsp`): the same walk,
/// budgets and rules.
pub fn load_with_overlay(paths: &Paths, check: SchemaCheck, overlay: &Overlay) -> Report {
    load_inner(paths, check, overlay, None)
}

/// [`load_with_overlay()`] that keeps in `cache` what it read, and reuses
/// what the last load with the same cache read where a file's bytes (and its
/// schema) are unchanged: the same report, faster on a tree that changes one
/// file at a time (`lems-content lsp`).
pub fn load_cached(
    paths: &Paths,
    check: SchemaCheck,
    overlay: &Overlay,
    cache: &mut load::cache::Cache,
) -> Report {
    load_inner(paths, check, overlay, Some(cache))
}

fn load_inner(
    paths: &Paths,
    check: SchemaCheck,
    overlay: &Overlay,
    mut cache: Option<&mut load::cache::Cache>,
) -> Report {
    let tree = load::read_tree(paths, check, overlay, cache.as_deref_mut());
    let checked = match &tree.content {
        Some(c) => {
            let relations = relations::Relations::of(c);
            rules::run(c, &relations, &tree.declared, !tree.diagnostics.is_empty())
        }
        None => rules::Checked::default(),
    };
    tree.finish(checked.diagnostics, checked.broken, cache)
}

/// The file name of the generated code inside `OUT_DIR`.
pub const GENERATED_FILE: &str = "lems_content.rs";

/// The hint appended to build errors.
pub const CHECK_HINT: &str = "run `cargo run -p lems-content -- check` for the full picture";

/// Loads, validates and generates: the whole pipeline for one content tree.
/// Returns the generated Rust source, or every problem found.
pub fn generate(paths: &Paths, check: SchemaCheck) -> Result<String, Vec<Diagnostic>> {
    generate_with_notes(paths, check).0
}

/// [`generate()`], with the notes (such as a stale schema file) that are not errors.
pub fn generate_with_notes(
    paths: &Paths,
    check: SchemaCheck,
) -> (Result<String, Vec<Diagnostic>>, Vec<String>) {
    let report = load(paths, check);
    let notes = report.notes.clone();
    (generate_from(report), notes)
}

fn generate_from(report: Report) -> Result<String, Vec<Diagnostic>> {
    match report.content {
        Some(content) if report.diagnostics.is_empty() => Ok(generate::generate(&content)),
        _ => Err(report.diagnostics),
    }
}

/// The lines a build script prints for a set of problems: one
/// `cargo::error=` line each, then a hint.
pub fn cargo_error_lines(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut lines: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("cargo::error={}", d.one_line()))
        .collect();
    let files: std::collections::BTreeSet<&str> =
        diagnostics.iter().map(|d| d.file.as_str()).collect();
    lines.push(format!(
        "cargo::error={} problem{} in {} file{} of content; {CHECK_HINT}",
        diagnostics.len(),
        if diagnostics.len() == 1 { "" } else { "s" },
        files.len(),
        if files.len() == 1 { "" } else { "s" },
    ));
    lines
}

/// Everything `build.rs` does with the `regenerate` feature: generate into
/// `OUT_DIR`, or report every problem through `cargo::error=` (which fails the
/// build). Reruns only when something under `data/` or `schema/` changes.
/// Returns whether the code was generated. Never panics.
pub fn build_script() -> bool {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo::rerun-if-env-changed={CONTENT_DIR_ENV}");
    println!("cargo::rustc-check-cfg=cfg(lems_custom_content)");
    let custom = std::env::var_os(CONTENT_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    // Downstream builds of published content skip the schema pass; this
    // repository's own builds always validate (see the `schema-validation` feature).
    let check = if cfg!(feature = "schema-validation") {
        SchemaCheck::Validate
    } else {
        SchemaCheck::Skip
    };
    let mut paths = Paths::under(&manifest_dir);
    if let Some(dir) = custom {
        // A test tree (see tests/tricky/): its `data/` with this crate's schemas.
        println!("cargo::rustc-cfg=lems_custom_content");
        paths.data = dir.join("data");
    }
    let lines = run_paths(&paths, &out_dir, check);
    for line in &lines {
        println!("{line}");
    }
    !lines.iter().any(|l| l.starts_with("cargo::error="))
}

/// An environment variable naming another content root (holding `data/`) to
/// build instead of the crate's own: for the repository's tests of unusual
/// content. Builds with it set compile with `cfg(lems_custom_content)`.
pub const CONTENT_DIR_ENV: &str = "LEMS_TREATMENTS_CONTENT_DIR";

/// The testable core of [`build_script`]: returns the lines to print.
pub fn run(manifest_dir: &Path, out_dir: &Path, check: SchemaCheck) -> Vec<String> {
    run_paths(&Paths::under(manifest_dir), out_dir, check)
}

/// [`run`] for explicit content and schema folders.
pub fn run_paths(paths: &Paths, out_dir: &Path, check: SchemaCheck) -> Vec<String> {
    let mut lines = vec![
        format!("cargo::rerun-if-changed={}", paths.data.display()),
        format!("cargo::rerun-if-changed={}", paths.schema.display()),
    ];
    let (result, notes) = generate_with_notes(paths, check);
    lines.extend(notes.iter().map(|n| format!("cargo::warning={n}")));
    match result {
        Ok(code) => {
            let target = out_dir.join(GENERATED_FILE);
            // Write only when changed, so unchanged content does not rebuild the crate.
            let unchanged = std::fs::read_to_string(&target).is_ok_and(|old| old == code);
            if !unchanged {
                if let Err(e) = std::fs::write(&target, code) {
                    lines.push(format!(
                        "cargo::error=could not write {}: {e}",
                        target.display()
                    ));
                }
            }
        }
        Err(diagnostics) => lines.extend(cargo_error_lines(&diagnostics)),
    }
    lines
}
