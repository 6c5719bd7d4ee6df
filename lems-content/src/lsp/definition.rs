//! Go to definition: from an id to the file it names.

use std::path::Path;

use lsp_types::{Location, Position, Range};

use super::documents::{reference_at, url_of, Documents};

/// The file named by the id at byte `at` of `text`, when it exists.
pub fn definition(docs: &Documents, path: &Path, text: &str, at: usize) -> Option<Location> {
    let r = reference_at(docs, path, text, at)?;
    let target = docs.path_of(r.kind, &r.id);
    if !target.is_file() {
        return None;
    }
    Some(Location::new(
        url_of(&target)?,
        Range::new(Position::new(0, 0), Position::new(0, 0)),
    ))
}
