//! The one place `lems-content` writes files: a site into its folder, a new
//! content file, a regenerated file, a reviewed snapshot, a git revision's
//! content in a scratch folder; the refusal of `--out` for the formats
//! that print to standard output; and that printing ([`stdout`]).
//!
//! Every write goes to a temporary file in the folder of its target and is
//! renamed over it, so an interrupted command leaves the old file or the new
//! one, never a part of one. No write follows a symbolic link: each folder on
//! the way down from the folder the command was given, and each file about to
//! be replaced, is looked at with `symlink_metadata`, and anything but a real
//! folder or a regular file is refused with its path. (The folder given itself,
//! `--out DIR`, must be a real folder too: pass the folder a link points to.)
//!
//! A site folder keeps a manifest of the files written into it,
//! [`MANIFEST`]: a later run replaces and removes only files listed there, so
//! a file `lems-content` did not write is never overwritten or deleted.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use lems_treatments_build::escape::terminal;
use lems_treatments_build::read::fs::{kind_of, read_regular, EntryKind, ReadError};

use crate::site::Site;

/// The file in a site folder that lists, one `/`-separated path a line, the
/// files `lems-content` wrote there.
pub const MANIFEST: &str = ".lems-content-manifest";

/// The first line of [`MANIFEST`].
const MANIFEST_HEAD: &str =
    "# Written by lems-content: the files it wrote here, which its next run may replace or remove.";

/// The most bytes a manifest may hold (a site has a few hundred short paths).
const MAX_MANIFEST_BYTES: usize = 1024 * 1024;

/// Prints `text` to standard output. A reader that stopped reading (`… | head`)
/// is not an error: the rest is not printed, and the command ends as it would
/// have. Any other failure to write is returned.
pub fn stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("could not write to standard output: {e}"))
        }
        _ => Ok(()),
    }
}

/// Why `--out` is refused with a format that prints to standard output: the
/// user expects a file there, and ignoring the option would lose it.
pub fn out_refused(format: &impl clap::ValueEnum, out: &Path) -> String {
    let format = format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string());
    format!(
        "--out is for --format html (a site of several files); the {format} output goes to standard output: redirect it instead, for example `> '{}'`",
        shown(out).replace('\'', "'\\''")
    )
}

/// A path for messages, with control and direction characters made visible.
fn shown(path: &Path) -> String {
    terminal(&path.display().to_string()).into_owned()
}

/// The refusal to write through `path`, which is `kind`.
fn not_followed(path: &Path, kind: EntryKind, wanted: &str) -> String {
    format!(
        "refusing to write `{}`: it is {}, not {wanted}; links and special files are never followed or replaced (remove it, or choose another folder)",
        shown(path),
        kind.describe()
    )
}

/// Whether `path` is a regular file (`true`) or absent (`false`); anything
/// else (a link, a folder, a FIFO, …) is refused.
fn regular_or_absent(path: &Path) -> Result<bool, String> {
    match kind_of(path) {
        Ok(EntryKind::File) => Ok(true),
        Ok(kind) => Err(not_followed(path, kind, "a regular file")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(format!("could not look at `{}`: {e}", shown(path))),
    }
}

/// Checks that `dir` is a real folder (a link to one is refused); with
/// `create`, a missing folder is created.
fn real_dir(dir: &Path, create: bool) -> Result<(), String> {
    match kind_of(dir) {
        Ok(EntryKind::Dir) => Ok(()),
        Ok(kind) => Err(not_followed(dir, kind, "a folder")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => {
            std::fs::create_dir(dir).map_err(|e| format!("could not create `{}`: {e}", shown(dir)))
        }
        Err(e) => Err(format!("could not look at `{}`: {e}", shown(dir))),
    }
}

/// Checks (with `create`, makes) every folder from `base` (excluded) down to
/// `path`'s parent: real folders only.
fn folders_below(base: &Path, path: &Path, create: bool) -> Result<(), String> {
    let Ok(rel) = path.strip_prefix(base) else {
        return Err(format!("`{}` is not inside `{}`", shown(path), shown(base)));
    };
    let mut dir = base.to_path_buf();
    let mut parts: Vec<Component> = rel.components().collect();
    parts.pop();
    for part in parts {
        dir.push(part);
        real_dir(&dir, create)?;
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path` and renames it over
/// `path`; with `keep_existing`, an existing `path` is an `AlreadyExists`
/// error instead (the check and the rename are one step, so nothing is
/// clobbered). A replaced file keeps its permissions; a new one gets the
/// usual ones (0644 less the umask).
fn atomic_write(path: &Path, bytes: &[u8], keep_existing: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".lems-content-").suffix(".tmp");
    #[cfg(unix)]
    let permissions = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::symlink_metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map_or_else(
                || std::fs::Permissions::from_mode(0o644),
                |m| m.permissions(),
            )
    };
    #[cfg(unix)]
    builder.permissions(permissions);
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if keep_existing {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        tmp.persist(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// Writes `site` into `dir` (created when missing; a link is refused).
///
/// Only files listed in `dir`'s [`MANIFEST`] are replaced: a page the site
/// writes over a file that is there but not listed (a first run into a folder
/// that is not empty, a file someone put there) is refused before anything is
/// written, naming it. Then every page is written atomically, then the files
/// the manifest lists that this site lacks are removed (so no stale page
/// stays reachable), and the manifest is rewritten last. Nothing else in `dir`
/// is touched.
pub fn site(dir: &Path, site: &Site) -> Result<(), String> {
    match kind_of(dir) {
        Ok(EntryKind::Dir) => {}
        Ok(kind) => return Err(not_followed(dir, kind, "a folder")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::create_dir_all(dir)
            .map_err(|e| format!("could not create `{}`: {e}", shown(dir)))?,
        Err(e) => return Err(format!("could not look at `{}`: {e}", shown(dir))),
    }
    let manifest = dir.join(MANIFEST);
    let old = read_manifest(&manifest)?;
    let mut targets = Vec::with_capacity(site.len());
    for rel in site.keys() {
        let path = site_path(dir, rel)?;
        folders_below(dir, &path, false).or_else(|e| missing_is_fine(dir, &path, e))?;
        if regular_or_absent(&path)? && !old.contains(rel) {
            return Err(format!(
                "refusing to write `{}`: the file is there, and lems-content did not write it (it is not in `{}`); move it away, or write the site into an empty folder",
                shown(&path),
                shown(&manifest)
            ));
        }
        targets.push((path, rel));
    }
    // Listed before it is written: an interrupted run leaves no file the
    // next run would take for someone else's.
    let all: BTreeSet<String> = old.iter().cloned().chain(site.keys().cloned()).collect();
    write_manifest(&manifest, &all)?;
    for (path, rel) in targets {
        folders_below(dir, &path, true)?;
        regular_or_absent(&path)?;
        atomic_write(&path, site[rel].as_bytes(), false)
            .map_err(|e| format!("could not write `{}`: {e}", shown(&path)))?;
    }
    for rel in old.iter().filter(|rel| !site.contains_key(*rel)) {
        remove_stale(dir, rel)?;
    }
    write_manifest(&manifest, &site.keys().cloned().collect())
}

/// A folder on the way that does not exist yet is not a problem: it is created
/// when the page is written. Any other refusal stands.
fn missing_is_fine(dir: &Path, path: &Path, refusal: String) -> Result<(), String> {
    let mut at = dir.to_path_buf();
    let rel = path.strip_prefix(dir).map_err(|_| refusal.clone())?;
    for part in rel.parent().into_iter().flat_map(Path::components) {
        at.push(part);
        match kind_of(&at) {
            Ok(EntryKind::Dir) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            _ => return Err(refusal),
        }
    }
    Err(refusal)
}

/// `dir/rel` for a relative, `/`-separated path of plain names (no `..`, no
/// root, nothing empty); anything else is refused.
fn site_path(dir: &Path, rel: &str) -> Result<PathBuf, String> {
    let plain = !rel.is_empty()
        && rel
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains('\\'));
    let path = dir.join(rel);
    let inside = path
        .strip_prefix(dir)
        .is_ok_and(|r| r.components().all(|c| matches!(c, Component::Normal(_))));
    if plain && inside {
        Ok(path)
    } else {
        Err(format!(
            "`{}` is not a plain path inside the site folder; nothing was written",
            terminal(rel)
        ))
    }
}

/// The paths `manifest` lists (none when there is no manifest).
fn read_manifest(manifest: &Path) -> Result<BTreeSet<String>, String> {
    if !regular_or_absent(manifest)? {
        return Ok(BTreeSet::new());
    }
    let bytes = read_regular(manifest, MAX_MANIFEST_BYTES).map_err(|e| {
        let why = match e {
            ReadError::NotRegular(kind) => format!("it is {}", kind.describe()),
            ReadError::TooLarge(n) => format!("it is {n} bytes, more than any site needs"),
            ReadError::Io(e) => e.to_string(),
        };
        format!(
            "could not read `{}` ({why}); delete it and the files it lists, then run again",
            shown(manifest)
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "`{}` is not UTF-8 text; it was not written by lems-content: delete it and the files it lists, then run again",
            shown(manifest)
        )
    })?;
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if site_path(Path::new("."), line).is_err() {
            return Err(format!(
                "`{}`:{}: `{}` is not a plain path inside the site folder, so this manifest was not written by lems-content: delete it, then run again",
                shown(manifest),
                i + 1,
                terminal(line)
            ));
        }
        out.insert(line.to_string());
    }
    Ok(out)
}

/// Writes the manifest listing `files`, atomically.
fn write_manifest(manifest: &Path, files: &BTreeSet<String>) -> Result<(), String> {
    regular_or_absent(manifest)?;
    let mut text = format!("{MANIFEST_HEAD}\n");
    for f in files {
        text.push_str(f);
        text.push('\n');
    }
    atomic_write(manifest, text.as_bytes(), false)
        .map_err(|e| format!("could not write `{}`: {e}", shown(manifest)))
}

/// Removes `dir/rel`, a file an earlier run wrote, when it is still a regular
/// file reached through real folders; a link or a folder there is left alone.
fn remove_stale(dir: &Path, rel: &str) -> Result<(), String> {
    let path = site_path(dir, rel)?;
    if folders_below(dir, &path, false).is_err() {
        return Ok(());
    }
    match kind_of(&path) {
        Ok(EntryKind::File) => std::fs::remove_file(&path)
            .map_err(|e| format!("could not remove the stale page `{}`: {e}", shown(&path))),
        _ => Ok(()),
    }
}

/// Creates `file` (inside the folder `within`) with `text`, never over an
/// existing file (an editor's work is not lost to a typo): an existing file,
/// or one created meanwhile, is an `AlreadyExists` error. Every folder from
/// `within` down must be a real folder, not a link.
pub fn new_file(within: &Path, file: &Path, text: &str) -> std::io::Result<()> {
    let refused = |e: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, e);
    real_dir(within, false).map_err(refused)?;
    folders_below(within, file, false).map_err(refused)?;
    atomic_write(file, text.as_bytes(), true)
}

/// Writes `text` to `path`, replacing the regular file there (a link or a
/// special file is refused), atomically.
pub fn file(path: &Path, text: &str) -> Result<(), String> {
    regular_or_absent(path)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        real_dir(parent, false)?;
    }
    atomic_write(path, text.as_bytes(), false)
        .map_err(|e| format!("could not write `{}`: {e}", shown(path)))
}

/// Removes the regular file `path` that a command wrote and must take back
/// (a link or a special file is refused).
pub fn remove(path: &Path) -> Result<(), String> {
    if !regular_or_absent(path)? {
        return Ok(());
    }
    std::fs::remove_file(path).map_err(|e| format!("could not remove `{}`: {e}", shown(path)))
}

/// Accepts a reviewed snapshot: its new version (a regular file) replaces the
/// accepted one (a regular file or none) in one rename.
pub fn accept_snapshot(new: &Path, accepted: &Path) -> std::io::Result<()> {
    let refused = |e: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, e);
    if !regular_or_absent(new).map_err(refused)? {
        return Err(std::io::ErrorKind::NotFound.into());
    }
    regular_or_absent(accepted).map_err(refused)?;
    std::fs::rename(new, accepted)
}

/// Rejects a reviewed snapshot: its new version (a regular file) is deleted.
pub fn reject_snapshot(new: &Path) -> std::io::Result<()> {
    let refused = |e: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, e);
    if !regular_or_absent(new).map_err(refused)? {
        return Err(std::io::ErrorKind::NotFound.into());
    }
    std::fs::remove_file(new)
}

/// Writes one file of a git revision's content, `rel` (relative, plain names
/// only), into the fresh scratch folder `root`, creating its folders; an
/// existing file is never replaced.
pub fn scratch_file(root: &Path, rel: &Path, bytes: &[u8]) -> Result<(), String> {
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(format!("`{}` is not a plain relative path", shown(rel)));
    }
    let path = root.join(rel);
    folders_below(root, &path, true)?;
    atomic_write(&path, bytes, true).map_err(|e| format!("could not write `{}`: {e}", shown(&path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths_are_plain_names_inside_the_folder() {
        let dir = Path::new("/tmp/site");
        assert!(site_path(dir, "treatments/a.html").is_ok());
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "./a",
            "a\\b",
        ] {
            assert!(site_path(dir, bad).is_err(), "{bad}");
        }
    }
}
