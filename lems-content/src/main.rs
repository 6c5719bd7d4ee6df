//! `lems-content`: the content editors' tool for lems-treatments.
//!
//! It uses the very same loader, checker and renderer as the crate's build
//! script, and never the compiled crate: it runs on broken content, which is
//! exactly when an editor needs it. This file parses the command line; the
//! library's `commands` run it.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use lems_content::cli::Cli;

fn main() -> ExitCode {
    lems_content::commands::run(Cli::parse())
}
