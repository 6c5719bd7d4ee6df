//! Find references: every place an id is written, in every file.

use std::path::{Path, PathBuf};

use lems_treatments_build::FileKind;
use lsp_types::{Location, Range};

use super::documents::{occurrences, range_of, reference_at, url_of, Documents};

/// Every place the id at byte `at` of `text` is written.
pub fn references(docs: &Documents, path: &Path, text: &str, at: usize) -> Vec<Location> {
    let Some(r) = reference_at(docs, path, text, at) else {
        return Vec::new();
    };
    places(docs, r.kind, &r.id)
        .into_iter()
        .filter_map(|(p, range)| Some(Location::new(url_of(&p)?, range)))
        .collect()
}

/// Every file and range where `id` of `kind` is written.
pub fn places(docs: &Documents, kind: FileKind, id: &str) -> Vec<(PathBuf, Range)> {
    let mut out = Vec::new();
    for f in docs.files() {
        let Some(text) = docs.text(&f.path) else {
            continue;
        };
        for (s, e) in occurrences(&text, f.kind, kind, id) {
            if f.kind == kind && !f.id.is_empty() && f.id != id && is_own_id(&text, s) {
                continue;
            }
            out.push((f.path.clone(), range_of(&text, s, e)));
        }
    }
    out
}

/// Whether byte `at` is on the file's `id:` line.
fn is_own_id(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[start..].starts_with("id:")
}
