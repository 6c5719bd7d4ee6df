//! `lems-content new`: a new content file from its skeleton, never over an
//! existing one.

use std::process::ExitCode;

use lems_treatments_build::escape::terminal;
use lems_treatments_build::names::id_refusal;
use lems_treatments_build::{FileKind, Paths};

use super::fail;
use crate::out::new_file;
use crate::skeleton::skeleton;

/// Creates `data/<kind's folder>/<id>.yaml` from the skeleton of `kind`.
pub fn run(paths: &Paths, kind: FileKind, id: &str) -> ExitCode {
    // The same rule `check` applies to every id, so `new` never writes a file `check` refuses.
    if let Some(refusal) = id_refusal(id) {
        eprintln!("error: the id `{}` {}", terminal(id), refusal.why);
        eprintln!("help: {}", refusal.help);
        return ExitCode::from(2);
    }
    let dir = paths.data.join(kind.location());
    if !dir.is_dir() {
        return fail(&format!("the folder `{}` does not exist", dir.display()));
    }
    let file = dir.join(format!("{id}.yaml"));
    match new_file(&paths.data, &file, &skeleton(kind, id)) {
        Ok(()) => {
            println!("created {}", file.display());
            println!("fill in every TODO, then run `cargo run -p lems-content -- check`");
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => fail(&format!(
            "{} already exists; it was left unchanged",
            file.display()
        )),
        Err(e) => fail(&format!("could not write {}: {e}", file.display())),
    }
}
