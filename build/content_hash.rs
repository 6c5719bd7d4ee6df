//! The fingerprint of a content tree that decides, in `build.rs`, whether the
//! shipped generated code (`src/generated.rs`) is the code of the content in
//! `data/`. Plain `std`, so that a downstream build compiles no generator.
//!
//! The hash is 64-bit FNV-1a over every `.yaml` file under the folder (the
//! files the package ships), in byte order of their paths: for each, its path
//! relative to the folder (`/`-separated), a 0 byte, its length (8 bytes,
//! little-endian) and its bytes. Any change to any of them, a new one or a
//! removed one changes it. It is a freshness check,
//! not a security boundary: whoever can edit `data/` can edit the code too.

use std::path::Path;

/// The most bytes the hash reads from a content tree (all files together).
pub const MAX_TREE_BYTES: u64 = 64 * 1024 * 1024;
/// The deepest folder nesting the hash follows.
pub const MAX_DEPTH: usize = 4;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn feed(hash: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *hash ^= u64::from(*b);
        *hash = hash.wrapping_mul(FNV_PRIME);
    }
}

/// The hash of every `.yaml` file under `dir`. Refuses (with the reason) a
/// `.yaml` name that is not a regular file (a symlink, a FIFO, a device), a
/// non-UTF-8 name, a tree too large or too deep. Reads nothing that is not a
/// regular file, so it never blocks.
pub fn content_hash(dir: &Path) -> Result<u64, String> {
    let mut files = Vec::new();
    collect(dir, "", 0, &mut files)?;
    files.sort();
    let mut hash = FNV_OFFSET;
    let mut total: u64 = 0;
    for rel in files {
        let bytes = std::fs::read(dir.join(&rel)).map_err(|e| format!("{rel}: {e}"))?;
        total = total.saturating_add(bytes.len() as u64);
        if total > MAX_TREE_BYTES {
            return Err(format!("the content is larger than {MAX_TREE_BYTES} bytes"));
        }
        feed(&mut hash, rel.as_bytes());
        feed(&mut hash, &[0]);
        feed(&mut hash, &(bytes.len() as u64).to_le_bytes());
        feed(&mut hash, &bytes);
    }
    Ok(hash)
}

fn collect(dir: &Path, prefix: &str, depth: usize, out: &mut Vec<String>) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!("{prefix}: folders nested deeper than {MAX_DEPTH}"));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return Err(format!("{prefix}: a file name that is not UTF-8"));
        };
        let rel = format!("{prefix}{name}");
        let meta = std::fs::symlink_metadata(entry.path()).map_err(|e| format!("{rel}: {e}"))?;
        if meta.is_dir() {
            collect(&entry.path(), &format!("{rel}/"), depth + 1, out)?;
        } else if !name.ends_with(".yaml") {
            continue;
        } else if meta.is_file() {
            out.push(rel);
        } else {
            return Err(format!("{rel}: not a regular file"));
        }
    }
    Ok(())
}

/// The first line of `src/generated.rs`, which records the hash of the
/// content it was generated from.
pub fn header(hash: u64) -> String {
    format!("// content-hash: {hash:016x}\n")
}
