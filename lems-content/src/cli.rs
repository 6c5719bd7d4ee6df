//! The command line as data: every subcommand, option and value `clap`
//! parses (with the help text it prints). `commands` runs what was parsed.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use lems_treatments_build::FileKind;

/// Check, create and preview LEMS treatment content.
///
/// Run it from anywhere inside the repository: like cargo and git, it finds
/// the content (the folder holding `data/`) from the current folder upwards.
#[derive(Parser, Debug)]
#[command(name = "lems-content", version, about)]
pub struct Cli {
    /// The content root (the folder holding data/), or any folder inside it.
    /// Default: found from the current folder upwards.
    #[arg(long, global = true, value_name = "PATH")]
    pub(crate) root: Option<PathBuf>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Validate the content and print every problem, rustc-style.
    Check {
        /// The content root, a data folder, or any folder inside one (same as --root).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Human)]
        format: Format,
    },
    /// Create a new content file with every field explained.
    New {
        /// What to create.
        #[arg(value_enum, ignore_case = true)]
        kind: NewKind,
        /// The new entity's id (lowercase words joined by `_`).
        id: String,
    },
    /// Print one treatment as a reader sees it (the review snapshots' rendering).
    Show {
        /// An id, name, synonym or brand name, in any case.
        name: String,
    },
    /// Export all content: JSON, FHIR R5, Markdown, or HTML (a static site, written to --out).
    Export {
        /// Output format.
        #[arg(long, value_enum, ignore_case = true)]
        format: ExportFormat,
        /// With `--format html`: the folder to write the site into. Default: target/site
        /// beside data/. Refused with other formats, which print to standard output.
        /// See `render --help` for what is replaced in it.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Write the guide as a small static site: index.html, one page per treatment, style.css.
    Render {
        /// Output format.
        #[arg(long, value_enum, ignore_case = true, default_value_t = RenderFormat::Html)]
        format: RenderFormat,
        /// The folder to write the site into. Default: target/site beside data/.
        ///
        /// Only files listed in DIR/.lems-content-manifest (the files an earlier run
        /// wrote) are replaced or removed; any other file in the way is refused, as
        /// is a symbolic link in DIR or DIR itself being one.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Compare two contents (git revisions or folders) as typed models, with the semver level the change needs.
    Diff(DiffArgs),
    /// Regenerate schema/ (and EDITING.md's field reference) from the model types.
    Schema,
    /// A language server over stdio for editors: `check`'s diagnostics as you
    /// type, completion, hover, go to definition, references, rename, quick fixes.
    Lsp,
    /// Run the tests that show the content, then review every changed snapshot in one pass, prose first.
    Review {
        /// Accept every change (after printing it).
        #[arg(long)]
        accept_all: bool,
        /// Only list the changed snapshots.
        #[arg(long, conflicts_with = "accept_all")]
        list: bool,
        /// Review the snapshots the last test run left, without running the tests.
        #[arg(long)]
        no_test: bool,
    },
    /// Record your review of content files in data/reviews.yaml (who, role, today, kind, each file's hash).
    ///
    /// Which files: with REV (a git revision), every content file that changed
    /// since REV (what `lems-content diff REV` shows); with FILES, those; with
    /// neither, every content file that no record of this kind covers as it is
    /// now (never reviewed that way, or changed since). The date is today's
    /// (LEMS_CONTENT_TODAY, `YYYY-MM-DD`, sets another day). A later change of
    /// any byte of a file makes `check` warn W0302 until it is recorded again.
    Record(RecordArgs),
}

/// The arguments of `lems-content record`.
#[derive(Args, Debug, Clone)]
pub struct RecordArgs {
    /// What you did: `sources` (checked every statement against its cited
    /// sources) or `clinician` (approved the content as a clinician).
    #[arg(long, value_enum, ignore_case = true)]
    pub kind: RecordKind,
    /// Your name. Default: git's `user.name`.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Your role, for example `editor` or `neurologist`. Required with
    /// `--kind clinician`; default `editor` with `--kind sources`.
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// A git revision (record every content file changed since it), or the
    /// content files to record (paths, or relative to data/).
    #[arg(value_name = "REV | FILES")]
    pub targets: Vec<String>,
}

/// What kind of review `record` records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RecordKind {
    /// Every statement checked against its cited sources (not a clinical approval).
    Sources,
    /// Approved by a clinician.
    Clinician,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Diagnostics with source snippets, for people.
    Human,
    /// One JSON document, for editor plugins and CI annotations.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// All content as one JSON document (schema/export.schema.json).
    Json,
    /// An HL7 FHIR R5 Bundle.
    Fhir,
    /// The readable guide.
    Markdown,
    /// The guide as a static site (the same as `render --format html`).
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum RenderFormat {
    /// A static site: HTML pages and one style sheet, no JavaScript.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum NewKind {
    /// A treatment file in data/treatments/.
    Treatment,
    /// A mechanism file in data/mechanisms/.
    Mechanism,
    /// A caution file in data/cautions/.
    Caution,
    /// A class file in data/categories/.
    #[value(alias = "category")]
    Class,
    /// A source file in data/sources/.
    Source,
}

impl NewKind {
    pub(crate) fn file_kind(self) -> FileKind {
        match self {
            NewKind::Treatment => FileKind::Treatment,
            NewKind::Mechanism => FileKind::Mechanism,
            NewKind::Caution => FileKind::Caution,
            NewKind::Class => FileKind::Class,
            NewKind::Source => FileKind::Source,
        }
    }
}

/// The arguments of `lems-content diff`.
#[derive(Args, Debug, Clone)]
pub struct DiffArgs {
    /// BASE: a git revision (of --root's repository) or a folder holding data/.
    /// Default: the merge base with `main`.
    pub base: Option<String>,
    /// HEAD: a git revision or a folder holding data/. Default: the working tree.
    pub head: Option<String>,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// With `--format html`: the folder to write the site into. Default: target/site
    /// in the repository (or the current folder outside one). Refused with
    /// other formats, which print to standard output.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Fail (exit 1) when Cargo.toml's version bump since BASE is smaller than the change needs.
    #[arg(long)]
    pub check_version: bool,
}

/// How to print the diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For people at a terminal.
    Human,
    /// One JSON document, for CI and bots.
    Json,
    /// Markdown, for a pull-request comment.
    Markdown,
    /// A static site (HEAD's guide with diff.html and the changed pages marked), written to --out.
    Html,
}
