//! Runs each subcommand that `cli` parsed: the one room that prints, writes
//! files (through `out`) and decides the exit code. Everything it prints or
//! writes comes from a renderer that returns text (`diagnostics`, `skeleton`,
//! `export`, `site`, `diff`, `review`, the build crate's `load::records`).
//!
//! Exit codes: 0 done; 1 the content has problems (or `diff --check-version`
//! failed, or `review` left something); 2 the command could not run.

pub mod check;
pub mod diff;
pub mod export;
pub mod lsp;
pub mod new;
pub mod record;
pub mod review;
pub mod schema;
pub mod show;

use std::path::Path;
use std::process::ExitCode;

use lems_treatments_build::{load, Content, Paths, SchemaCheck};

use crate::cli::{Cli, Command, ExportFormat, RenderFormat};
use crate::diagnostics::summary;
use crate::out::out_refused;
use crate::root;

/// Runs the parsed command line and says how it ended.
pub fn run(cli: Cli) -> ExitCode {
    // `diff` finds its two sides itself (git revisions or folders).
    if let Command::Diff(args) = &cli.command {
        return diff::run(args, cli.root.as_deref());
    }
    // `lsp` finds the content once the editor has named its workspace.
    if let Command::Lsp = &cli.command {
        return lsp::run(cli.root.as_deref());
    }
    let start = match &cli.command {
        Command::Check {
            path: Some(path), ..
        } => Some(path.clone()),
        _ => cli.root.clone(),
    };
    let paths = match root::find(start.as_deref()) {
        Ok(paths) => paths,
        Err(message) => return fail(&message),
    };
    match cli.command {
        Command::Check { format, .. } => check::run(&paths, format),
        Command::New { kind, id } => new::run(&paths, kind.file_kind(), &id),
        Command::Show { name } => show::run(&paths, &name),
        Command::Export {
            format: ExportFormat::Html,
            out,
        }
        | Command::Render {
            format: RenderFormat::Html,
            out,
        } => export::site(&paths, out),
        Command::Export {
            format,
            out: Some(out),
        } => fail(&out_refused(&format, &out)),
        Command::Export { format, out: None } => export::run(&paths, format),
        Command::Schema => schema::run(&paths),
        Command::Review {
            accept_all,
            list,
            no_test,
        } => {
            let root = paths
                .data
                .parent()
                .map_or_else(|| paths.data.clone(), Path::to_path_buf);
            review::run(&root, review::Mode::of(accept_all, list), no_test)
        }
        Command::Diff(args) => diff::run(&args, None),
        Command::Lsp => lsp::run(cli.root.as_deref()),
        Command::Record(args) => record::run(&paths, &args),
    }
}

/// Prints `error: {message}` and ends with exit code 2: the command could not run.
fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// Loads checked content for `show` and `export`, or explains why it cannot.
fn checked(paths: &Paths) -> Result<Content, ExitCode> {
    let report = load(paths, SchemaCheck::Validate);
    match report.content {
        Some(c) if report.diagnostics.is_empty() => Ok(c),
        _ => {
            eprintln!(
                "error: the content has {}; run `cargo run -p lems-content -- check` to see them",
                summary(&report)
            );
            Err(ExitCode::from(1))
        }
    }
}
