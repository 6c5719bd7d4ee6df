//! `lems-content`: the content editors' tool for lems-treatments.
//!
//! It uses the very same loader and validator as the crate's build script.
#![forbid(unsafe_code)]

use lems_content::render;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use lems_treatments::Treatment;
use lems_treatments_build::{load, FileKind, Paths, SchemaCheck};

/// Check, create and preview LEMS treatment content.
#[derive(Parser, Debug)]
#[command(name = "lems-content", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate the content and print every problem, rustc-style.
    Check {
        /// The repository root (holding data/ and schema/), or a data folder.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Create a new content file with every field explained.
    New {
        /// What to create.
        #[arg(value_enum)]
        kind: NewKind,
        /// The new entity's id (lowercase words joined by `_`).
        id: String,
        /// The repository root (holding data/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Print one treatment as a reader sees it (the review snapshots' rendering).
    Show {
        /// An id, name, synonym or brand name, in any case.
        name: String,
    },
    /// Export all content from the compiled crate: JSON, FHIR R5 or Markdown.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// Regenerate schema/ from the model types.
    Schema {
        /// The repository root (holding schema/).
        #[arg(default_value = ".")]
        root: PathBuf,
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum NewKind {
    /// A treatment file in data/treatments/.
    Treatment,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { path, format } => check(&path, format),
        Command::New {
            kind: NewKind::Treatment,
            id,
            root,
        } => new_treatment(&root, &id),
        Command::Show { name } => show(&name),
        Command::Export { format } => export(format),
        Command::Schema { root } => schema(&root),
    }
}

/// Resolves PATH to the content layout: a root with `data/`, or a data folder.
fn paths_for(path: &Path) -> Option<Paths> {
    // A data folder is taken as one only when it holds content folders, so a
    // root without `data/` is reported rather than checked as content itself.
    let looks_like_data = FileKind::ALL
        .iter()
        .any(|k| path.join(k.location()).exists());
    if path.join("data").is_dir() {
        Some(Paths::under(path))
    } else if path.is_dir() && looks_like_data {
        let parent = path
            .parent()
            .map_or_else(|| PathBuf::from(".."), Path::to_path_buf);
        Some(Paths {
            data: path.to_path_buf(),
            schema: parent.join("schema"),
            display: path
                .file_name()
                .map_or_else(|| "data".to_string(), |n| n.to_string_lossy().into_owned()),
        })
    } else {
        None
    }
}

fn check(path: &Path, format: Format) -> ExitCode {
    let Some(mut paths) = paths_for(path) else {
        eprintln!(
            "error: `{}` holds no `data/` folder and is not a content folder itself (expected data/ inside it, or a folder with treatments/, condition.yaml, …)",
            path.display()
        );
        return ExitCode::from(2);
    };
    // A content tree without schemas of its own is checked against the current ones.
    if !paths.schema.is_dir() && Path::new("schema").is_dir() {
        paths.schema = PathBuf::from("schema");
    }
    let report = load(&paths, SchemaCheck::Validate);
    let text = match format {
        Format::Human => render::human(&paths, &report, std::io::stdout().is_terminal()),
        Format::Json => render::json(&report),
    };
    print!("{text}");
    if report.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn new_treatment(root: &Path, id: &str) -> ExitCode {
    if let Some(why) = lems_treatments_build::model::id_problem(id) {
        eprintln!("error: `{id}` {why}");
        eprintln!(
            "help: for example `{}`",
            lems_treatments_build::schema_check::suggest_id(id)
        );
        return ExitCode::from(2);
    }
    let dir = root.join("data").join(FileKind::Treatment.location());
    if !dir.is_dir() {
        eprintln!(
            "error: `{}` does not exist; run this from the repository root or pass --root",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let file = dir.join(format!("{id}.yaml"));
    // Never overwrite: an editor's work is not lost to a typo.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .and_then(|mut f| std::io::Write::write_all(&mut f, render::skeleton(id).as_bytes()));
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

fn show(name: &str) -> ExitCode {
    match name.parse::<Treatment>() {
        Ok(t) => {
            print!("{}", t.card());
            ExitCode::SUCCESS
        }
        Err(_) => {
            eprintln!("error: no treatment is called `{name}`");
            let names = Treatment::ALL.iter().flat_map(|t| {
                std::iter::once(t.name())
                    .chain(t.brand_names().iter().copied())
                    .chain(t.synonyms().iter().copied())
            });
            if let Some(s) = lems_treatments_build::suggest::did_you_mean(name, names) {
                eprintln!("help: did you mean `{s}`?");
            } else {
                let ids: Vec<&str> = Treatment::ALL.iter().map(|t| t.id()).collect();
                eprintln!("help: known treatments: {}", ids.join(", "));
            }
            ExitCode::from(1)
        }
    }
}

fn export(format: ExportFormat) -> ExitCode {
    let out = match format {
        ExportFormat::Json => lems_content::export::json(),
        ExportFormat::Fhir => Some(lems_content::export::fhir()),
        ExportFormat::Markdown => Some(lems_content::export::markdown()),
    };
    match out {
        Some(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: the compiled content and the model types disagree; rebuild");
            ExitCode::from(2)
        }
    }
}

fn schema(root: &Path) -> ExitCode {
    let dir = root.join("schema");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("error: could not create {}: {e}", dir.display());
        return ExitCode::from(2);
    }
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
