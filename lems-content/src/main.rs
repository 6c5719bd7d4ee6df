//! `lems-content`: the content editors' tool for lems-treatments.
//!
//! It uses the very same loader, checker and renderer as the crate's build
//! script, and never the compiled crate: it runs on broken content, which is
//! exactly when an editor needs it.
#![forbid(unsafe_code)]

use lems_content::{render, root};

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use lems_treatments_build::relations::{find_treatment, Relations};
use lems_treatments_build::render::View;
use lems_treatments_build::{load, Content, FileKind, Paths, SchemaCheck};

/// Check, create and preview LEMS treatment content.
///
/// Run it from anywhere inside the repository: like cargo and git, it finds
/// the content (the folder holding `data/`) from the current folder upwards.
#[derive(Parser, Debug)]
#[command(name = "lems-content", version, about)]
struct Cli {
    /// The content root (the folder holding data/), or any folder inside it.
    /// Default: found from the current folder upwards.
    #[arg(long, global = true, value_name = "PATH")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
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
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Write the guide as a small static site: index.html, one page per treatment, style.css.
    Render {
        /// Output format.
        #[arg(long, value_enum, ignore_case = true, default_value_t = RenderFormat::Html)]
        format: RenderFormat,
        /// The folder to write the site into. Default: target/site beside data/.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Compare two contents (git revisions or folders) as typed models, with the semver level the change needs.
    Diff(lems_content::diff_cmd::DiffArgs),
    /// Regenerate schema/ (and EDITING.md's field reference) from the model types.
    Schema,
    /// Run every test, then review every changed snapshot in one pass, prose first.
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Diagnostics with source snippets, for people.
    Human,
    /// One JSON document, for editor plugins and CI annotations.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
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
enum RenderFormat {
    /// A static site: HTML pages and one style sheet, no JavaScript.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum NewKind {
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
    fn file_kind(self) -> FileKind {
        match self {
            NewKind::Treatment => FileKind::Treatment,
            NewKind::Mechanism => FileKind::Mechanism,
            NewKind::Caution => FileKind::Caution,
            NewKind::Class => FileKind::Class,
            NewKind::Source => FileKind::Source,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `diff` finds its two sides itself (git revisions or folders).
    if let Command::Diff(args) = &cli.command {
        return lems_content::diff_cmd::run(args);
    }
    let start = match &cli.command {
        Command::Check {
            path: Some(path), ..
        } => Some(path.clone()),
        _ => cli.root.clone(),
    };
    let paths = match root::find(start.as_deref()) {
        Ok(paths) => paths,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Check { format, .. } => check(&paths, format),
        Command::New { kind, id } => new_file(&paths, kind.file_kind(), &id),
        Command::Show { name } => show(&paths, &name),
        Command::Export {
            format: ExportFormat::Html,
            out,
        }
        | Command::Render {
            format: RenderFormat::Html,
            out,
        } => render_site(&paths, out),
        Command::Export {
            format,
            out: Some(out),
        } => lems_content::site::refuse_out_for_printed_format(&format, &out),
        Command::Export { format, out: None } => export(&paths, format),
        Command::Schema => schema(&paths),
        Command::Review {
            accept_all,
            list,
            no_test,
        } => {
            let mode = match (accept_all, list) {
                (true, _) => lems_content::review::Mode::AcceptAll,
                (_, true) => lems_content::review::Mode::List,
                _ => lems_content::review::Mode::Ask,
            };
            let root = paths
                .data
                .parent()
                .map_or_else(|| paths.data.clone(), Path::to_path_buf);
            lems_content::review::run(&root, mode, no_test)
        }
        Command::Diff(args) => lems_content::diff_cmd::run(&args),
    }
}

/// Sets the date `check` compares review dates with, `YYYY-MM-DD` (default: today).
const TODAY_ENV: &str = "LEMS_CONTENT_TODAY";

fn check(paths: &Paths, format: Format) -> ExitCode {
    let mut report = load(paths, SchemaCheck::Validate);
    // Reviews are checked against today's date; LEMS_CONTENT_TODAY (YYYY-MM-DD) sets another day.
    let today = std::env::var(TODAY_ENV)
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(lems_treatments_build::load::review::today);
    report.check_reviews(&today);
    let text = match format {
        Format::Human => render::human(paths, &report, std::io::stdout().is_terminal()),
        Format::Json => render::json(&report),
    };
    print!("{text}");
    if report.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Loads checked content for `show` and `export`, or explains why it cannot.
fn checked(paths: &Paths) -> Result<Content, ExitCode> {
    let report = load(paths, SchemaCheck::Validate);
    match report.content {
        Some(c) if report.diagnostics.is_empty() => Ok(c),
        _ => {
            eprintln!(
                "error: the content has {}; run `cargo run -p lems-content -- check` to see them",
                render::summary(&report)
            );
            Err(ExitCode::from(1))
        }
    }
}

fn new_file(paths: &Paths, kind: FileKind, id: &str) -> ExitCode {
    if let Some(why) = lems_treatments_build::model::id_problem(id) {
        eprintln!("error: `{id}` {why}");
        eprintln!(
            "help: for example `{}`",
            lems_treatments_build::read::schema::suggest_id(id)
        );
        return ExitCode::from(2);
    }
    let dir = paths.data.join(kind.location());
    if !dir.is_dir() {
        eprintln!("error: the folder `{}` does not exist", dir.display());
        return ExitCode::from(2);
    }
    let file = dir.join(format!("{id}.yaml"));
    // Never overwrite: an editor's work is not lost to a typo.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .and_then(|mut f| std::io::Write::write_all(&mut f, render::skeleton(kind, id).as_bytes()));
    match written {
        Ok(()) => {
            println!("created {}", file.display());
            println!("fill in every TODO, then run `cargo run -p lems-content -- check`");
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; it was left unchanged",
                file.display()
            );
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: could not write {}: {e}", file.display());
            ExitCode::from(2)
        }
    }
}

fn show(paths: &Paths, name: &str) -> ExitCode {
    let c = match checked(paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let relations = Relations::of(&c);
    let view = View::new(&c, &relations);
    if let Some(card) = find_treatment(&c, name).and_then(|id| view.card(id)) {
        print!("{card}");
        return ExitCode::SUCCESS;
    }
    eprintln!("error: no treatment is called `{}`", name.escape_debug());
    let names = c.treatments.values().flat_map(|t| {
        std::iter::once(t.item.name.as_str())
            .chain(t.item.brands.iter().map(|b| b.name.as_str()))
            .chain(t.item.synonyms.iter().map(|s| s.as_str()))
    });
    if let Some(s) = lems_treatments_build::suggest::did_you_mean(name, names) {
        eprintln!("help: did you mean `{s}`?");
    } else {
        let ids: Vec<&str> = c.treatments.keys().map(String::as_str).collect();
        eprintln!("help: known treatments: {}", ids.join(", "));
    }
    ExitCode::from(1)
}

fn export(paths: &Paths, format: ExportFormat) -> ExitCode {
    let c = match checked(paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let version = root::package_version(paths).unwrap_or_else(|| "unknown".to_string());
    let out = match format {
        ExportFormat::Json => lems_content::export::json(&c, &version),
        ExportFormat::Fhir => Some(lems_content::export::fhir(&c)),
        ExportFormat::Markdown => Some(lems_content::export::markdown(&c)),
        ExportFormat::Html => return render_site(paths, None),
    };
    match out {
        Some(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: the export could not be written as JSON");
            ExitCode::from(2)
        }
    }
}

/// Writes the guide as a static site into `out` (default: target/site beside data/).
fn render_site(paths: &Paths, out: Option<PathBuf>) -> ExitCode {
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
    let site = lems_content::site::site(&c);
    if let Err(e) = lems_content::site::write(&out, &site) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    println!(
        "wrote {} files to {}; open {}",
        site.len(),
        out.display(),
        out.join("index.html").display()
    );
    ExitCode::SUCCESS
}

fn schema(paths: &Paths) -> ExitCode {
    // Schemas live only in the repository, beside data/: never create a
    // schema/ folder anywhere else.
    let dir = paths.schema.clone();
    let Some(root) = dir
        .parent()
        .map(Path::to_path_buf)
        .filter(|r| dir.is_dir() && r.join("Cargo.toml").is_file() && r.join("data") == paths.data)
    else {
        eprintln!(
            "error: `{}` is not the repository's schema folder (schema/ beside data/ and Cargo.toml); schemas are only regenerated in the repository",
            dir.display()
        );
        return ExitCode::from(2);
    };
    for kind in FileKind::ALL {
        let path = dir.join(kind.schema_file());
        let text = kind.schema_text();
        let old = std::fs::read_to_string(&path).ok();
        if old.as_deref() == Some(text.as_str()) {
            println!("unchanged {}", path.display());
            continue;
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: could not write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("wrote     {}", path.display());
    }
    // The JSON export's schema, from the export types.
    let path = dir.join("export.schema.json");
    let text = lems_content::export::json_schema_text();
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: could not write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("wrote     {}", path.display());
    } else {
        println!("unchanged {}", path.display());
    }
    // The field reference in EDITING.md is generated from the same schemas.
    let guide = root.join("EDITING.md");
    if let Ok(old) = std::fs::read_to_string(&guide) {
        match lems_treatments_build::docs::update_editing_guide(&old) {
            Some(new) if new != old => {
                if let Err(e) = std::fs::write(&guide, new) {
                    eprintln!("error: could not write {}: {e}", guide.display());
                    return ExitCode::from(2);
                }
                println!("wrote     {}", guide.display());
            }
            Some(_) => println!("unchanged {}", guide.display()),
            None => {
                eprintln!(
                    "error: {} lacks the generated-section markers",
                    guide.display()
                );
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
