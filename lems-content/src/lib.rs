//! The library behind the `lems-content` command, the content editors' tool.
//! The binary only parses the command line; the benchmark measures the same
//! code the command runs. The rooms, in the order data flows through them:
//!
//! - `cli`: the command line as data (every subcommand, option and help text `clap` parses).
//! - `root`: finding the content (the folder holding `data/`) from any folder inside it.
//! - `commands`: runs each subcommand; the one room that prints, writes (through `out`) and decides exit codes.
//! - `out`: the one place files are written (sites, new files, schemas, snapshots) and `--out` refused.
//! - `diagnostics`: `check`'s diagnostics as text, rustc-style or JSON.
//! - `skeleton`: `new`'s file skeletons, one function per kind of file.
//! - `export`: the exports as text, one file each: `json`, `fhir` (one file per kind of resource), `markdown`.
//! - `diff`: `diff`'s sides (git or folders), its report (the data every format reads), the version verdict, and the report as human, Markdown and JSON text.
//! - `site`: the guide as HTML pages (`guide`), and the site of a diff (`diff`), on a shared frame (`html`, `style`).
//! - `lsp`: the language server `lems-content lsp` runs: `check`'s diagnostics on the editor's buffers, completion, hover, definition, references, rename, quick fixes.
//! - `review`: the snapshots `review` walks through, and the line diff shown for each.
//! - `text`: small text helpers the renderers share.
//!
//! Escaping is not here: every output escapes through the build crate's one
//! `escape` module (terminal, Markdown, HTML).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod diff;
pub mod export;
pub mod lsp;
pub mod out;
pub mod review;
pub mod root;
pub mod site;
pub mod skeleton;
pub mod text;
