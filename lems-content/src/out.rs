//! The one place `lems-content` writes files: a site into its folder (stale
//! pages removed), a new content file (never over an existing one), a
//! regenerated file, a reviewed snapshot; and the refusal of `--out` for the
//! formats that print to standard output.

use std::path::Path;

use lems_treatments_build::escape::terminal;

use crate::site::Site;

/// Why `--out` is refused with a format that prints to standard output: the
/// user expects a file there, and ignoring the option would lose it.
pub fn out_refused(format: &impl clap::ValueEnum, out: &Path) -> String {
    let format = format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string());
    format!(
        "--out is for --format html (a site of several files); the {format} output goes to standard output: redirect it instead, for example `> '{}'`",
        terminal(&out.display().to_string()).replace('\'', "'\\''")
    )
}

/// Writes `site` into `dir` (created when missing). Pages a previous run left
/// that this site does not have (`treatments/*.html`, `removed/*.html`,
/// `diff.html`) are removed, so no stale page stays reachable; nothing else
/// is touched.
pub fn site(dir: &Path, site: &Site) -> Result<(), String> {
    for folder in ["treatments", "removed"] {
        let pages = dir.join(folder);
        let listed = match std::fs::read_dir(&pages) {
            Ok(listed) => listed,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("could not read {}: {e}", pages.display())),
        };
        for entry in listed.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".html") && !site.contains_key(&format!("{folder}/{name}")) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    if !site.contains_key("diff.html") {
        let _ = std::fs::remove_file(dir.join("diff.html"));
    }
    for (rel, body) in site {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("could not create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, body)
            .map_err(|e| format!("could not write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Creates `file` with `text`, never over an existing file (an editor's work
/// is not lost to a typo): an existing file is an `AlreadyExists` error.
pub fn new_file(file: &Path, text: &str) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
}

/// Writes `text` to `path`, replacing what is there.
pub fn file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("could not write {}: {e}", path.display()))
}

/// Accepts a reviewed snapshot: its new version replaces the accepted one.
pub fn accept_snapshot(new: &Path, accepted: &Path) -> std::io::Result<()> {
    std::fs::rename(new, accepted)
}

/// Rejects a reviewed snapshot: its new version is deleted.
pub fn reject_snapshot(new: &Path) -> std::io::Result<()> {
    std::fs::remove_file(new)
}
