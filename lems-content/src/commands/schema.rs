//! `lems-content schema`: regenerate `schema/` (one JSON Schema per kind of
//! content file, and the JSON export's) and EDITING.md's field reference,
//! only in the repository.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lems_treatments_build::docs::update_editing_guide;
use lems_treatments_build::{FileKind, Paths};

use super::fail;
use crate::export::json::schema_text;
use crate::out::file;

/// Regenerates the schemas and the field reference; exit 2 outside the repository.
pub fn run(paths: &Paths) -> ExitCode {
    // Schemas live only in the repository, beside data/: never create a
    // schema/ folder anywhere else.
    let dir = paths.schema.clone();
    let Some(root) = dir
        .parent()
        .map(Path::to_path_buf)
        .filter(|r| dir.is_dir() && r.join("Cargo.toml").is_file() && r.join("data") == paths.data)
    else {
        return fail(&format!(
            "`{}` is not the repository's schema folder (schema/ beside data/ and Cargo.toml); schemas are only regenerated in the repository",
            dir.display()
        ));
    };
    match regenerate_all(&dir, &root) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn regenerate_all(dir: &Path, root: &Path) -> Result<(), String> {
    for kind in FileKind::ALL {
        regenerate(&dir.join(kind.schema_file()), &kind.schema_text())?;
    }
    // The JSON export's schema, from the export types.
    regenerate(&dir.join("export.schema.json"), &schema_text())?;
    // The field reference in EDITING.md is generated from the same schemas.
    update_guide(root.join("EDITING.md"))
}

/// Writes `text` to `path` unless it holds that already, and says which.
fn regenerate(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read_to_string(path).ok().as_deref() == Some(text) {
        println!("unchanged {}", path.display());
        return Ok(());
    }
    file(path, text)?;
    println!("wrote     {}", path.display());
    Ok(())
}

/// Regenerates the field reference between EDITING.md's markers (when there is an EDITING.md).
fn update_guide(guide: PathBuf) -> Result<(), String> {
    let Ok(old) = std::fs::read_to_string(&guide) else {
        return Ok(());
    };
    match update_editing_guide(&old) {
        Some(new) if new != old => {
            file(&guide, &new)?;
            println!("wrote     {}", guide.display());
        }
        Some(_) => println!("unchanged {}", guide.display()),
        None => {
            return Err(format!(
                "{} lacks the generated-section markers",
                guide.display()
            ))
        }
    }
    Ok(())
}
