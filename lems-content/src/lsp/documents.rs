//! The content files as the server sees them (open buffers over the disk),
//! positions in LSP's UTF-16 units, and the id under the cursor with the
//! field it is written in.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lems_treatments_build::read::fs::read_regular;
use lems_treatments_build::read::yaml::MAX_FILE_BYTES;
use lems_treatments_build::{Content, FileKind, Overlay, Paths};
use lsp_types::{Position, Range, Url};

/// The open buffers, by path, and where the content is.
pub struct Documents {
    /// The content's folders.
    pub paths: Paths,
    /// The editor's buffers (content files only), replacing the files on disk:
    /// the overlay the loader reads.
    pub open: Overlay,
    /// The content as last checked, when it had no errors (for hovers that
    /// show a treatment's card as a reader sees it).
    pub checked: Option<Content>,
}

/// One file of the tree that may hold references.
pub struct File {
    /// Its kind.
    pub kind: FileKind,
    /// Its path.
    pub path: PathBuf,
    /// Its id (the file stem; empty for singletons).
    pub id: String,
}

impl Documents {
    /// The content at `paths`, no buffer open yet.
    pub fn new(paths: Paths) -> Documents {
        Documents {
            paths,
            open: BTreeMap::new(),
            checked: None,
        }
    }

    /// The text of `path`: the open buffer, else the file (within the file budget).
    /// A buffer or file over the budget is refused by `check`; features skip it.
    pub fn text(&self, path: &Path) -> Option<String> {
        if let Some(t) = self.open.get(path) {
            return (t.len() <= MAX_FILE_BYTES).then(|| String::from_utf8_lossy(t).into_owned());
        }
        let bytes = read_regular(path, MAX_FILE_BYTES).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The path of a content file named by `url`: a `.yaml` file inside the
    /// content's `data/` folder (other files are not the server's).
    pub fn content_path(&self, url: &Url) -> Option<PathBuf> {
        let path = url.to_file_path().ok()?;
        // The editor may name the file through a link or `..`: compare real paths.
        let path = match (path.parent().map(std::fs::canonicalize), path.file_name()) {
            (Some(Ok(dir)), Some(name)) => dir.join(name),
            _ => path,
        };
        let inside = path.starts_with(&self.paths.data);
        let yaml = path.extension().is_some_and(|e| e == "yaml");
        (inside && yaml).then_some(path)
    }

    /// The path of the file of `kind` with `id`.
    pub fn path_of(&self, kind: FileKind, id: &str) -> PathBuf {
        if kind.is_singleton() {
            return self.paths.data.join(kind.location());
        }
        self.paths
            .data
            .join(kind.location())
            .join(format!("{id}.yaml"))
    }

    /// The ids of `kind` found on disk or in a buffer of a file not saved
    /// yet, sorted, each once.
    pub fn ids(&self, kind: FileKind) -> Vec<String> {
        if kind.is_singleton() {
            return Vec::new();
        }
        let dir = self.paths.data.join(kind.location());
        let on_disk = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name());
        let unsaved = self
            .open
            .keys()
            .filter(|p| p.parent() == Some(dir.as_path()))
            .filter_map(|p| p.file_name().map(|n| n.to_os_string()));
        let mut ids: Vec<String> = on_disk
            .chain(unsaved)
            .filter_map(|name| {
                let name = name.to_str()?.to_string();
                // Only names that are ids (others are `check`'s problem, not candidates).
                let id = name.strip_suffix(".yaml")?;
                (!id.is_empty() && id.chars().all(id_char)).then(|| id.to_string())
            })
            .take(2 * lems_treatments_build::load::MAX_TREE_FILES)
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// Every content file.
    pub fn files(&self) -> Vec<File> {
        let mut out = Vec::new();
        for kind in FileKind::ALL {
            if kind.is_singleton() {
                out.push(File {
                    kind,
                    path: self.path_of(kind, ""),
                    id: String::new(),
                });
            }
            for id in self.ids(kind) {
                out.push(File {
                    kind,
                    path: self.path_of(kind, &id),
                    id,
                });
            }
        }
        out
    }

    /// The kind of the file at `path`, when it is a content file.
    pub fn kind_of(&self, path: &Path) -> Option<FileKind> {
        let rel = path.strip_prefix(&self.paths.data).ok()?;
        let first = rel.components().next()?.as_os_str().to_str()?;
        FileKind::ALL.into_iter().find(|k| k.location() == first)
    }

    /// The path of a diagnostic's file (`data/…` as shown in messages).
    pub fn path_of_shown(&self, shown: &str) -> PathBuf {
        let rel = shown
            .strip_prefix(self.paths.display.as_str())
            .unwrap_or(shown)
            .trim_start_matches('/');
        if rel.is_empty() {
            self.paths.data.clone()
        } else {
            self.paths.data.join(rel)
        }
    }
}

/// The `file:` URL of a path.
pub fn url_of(path: &Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

/// LSP position of a 1-based line and 1-based column counted in characters.
pub fn lsp_position(text: &str, line: usize, column: usize) -> Position {
    let l = line.saturating_sub(1);
    let line_text = text.split('\n').nth(l).unwrap_or("");
    let units: usize = line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf16)
        .sum();
    Position::new(to_u32(l), to_u32(units))
}

/// The byte offset of an LSP position (clamped to the text).
pub fn offset_of(text: &str, pos: Position) -> usize {
    let mut start = 0usize;
    for (i, line) in text.split('\n').enumerate() {
        if i == pos.line as usize {
            let mut units = 0usize;
            for (b, c) in line.char_indices() {
                if units >= pos.character as usize {
                    return start + b;
                }
                units += c.len_utf16();
            }
            return start + line.len();
        }
        start += line.len() + 1;
    }
    text.len()
}

/// The LSP range of the bytes `start..end` of `text`.
pub fn range_of(text: &str, start: usize, end: usize) -> Range {
    Range::new(position_of(text, start), position_of(text, end))
}

/// The LSP position of the byte offset `at` of `text`.
pub fn position_of(text: &str, at: usize) -> Position {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or("");
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let units: usize = before[line_start..].chars().map(char::len_utf16).sum();
    Position::new(to_u32(line), to_u32(units))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether `c` may be part of an id.
pub fn id_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
}

/// The id-like word around byte `at`: its start and end.
pub fn word_at(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| id_char(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| !id_char(*c))
        .map_or(text.len(), |(i, _)| at + i);
    (start, end)
}

/// The field a value on the line holding byte `at` belongs to: the key on
/// that line (`key: value`, `- key: value`), or, for a list item, the
/// nearest key above with less or equal indentation.
pub fn field_at(text: &str, at: usize) -> Option<String> {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let rest = line.trim_start();
    let indent = line.len() - rest.len();
    let item = rest.strip_prefix("- ").map(str::trim_start);
    if let Some(key) = key_of(item.unwrap_or(rest)) {
        if at - line_start > line.find(':').unwrap_or(0) {
            return Some(key);
        }
        return None;
    }
    item?;
    for above in text[..line_start].lines().rev().take(10_000) {
        let t = above.trim_start();
        if t.is_empty() || t.starts_with('#') || t.starts_with('-') {
            continue;
        }
        if above.len() - t.len() <= indent {
            return key_of(t).filter(|_| t.trim_end().ends_with(':'));
        }
    }
    None
}

/// The key of `key: …` or `key:`.
fn key_of(s: &str) -> Option<String> {
    let (k, _) = s.split_once(':')?;
    (!k.is_empty() && k.chars().all(id_char)).then(|| k.to_string())
}

/// The kind of file an id written in `field` names.
pub fn kind_of_field(field: &str) -> Option<FileKind> {
    Some(match field {
        "category" | "parent" | "after_other" => FileKind::Class,
        "mechanisms" => FileKind::Mechanism,
        "cautions" | "caution" => FileKind::Caution,
        "used_with" => FileKind::Treatment,
        "source" | "sources" => FileKind::Source,
        _ => return None,
    })
}

/// The id under the cursor and the kind of file it names: a reference, or
/// the `id:` of the file itself.
pub fn reference_at(docs: &Documents, path: &Path, text: &str, at: usize) -> Option<Reference> {
    let (start, end) = word_at(text, at);
    if start == end {
        return None;
    }
    let field = field_at(text, at)?;
    let kind = if field == "id" {
        docs.kind_of(path).filter(|k| !k.is_singleton())?
    } else {
        kind_of_field(&field)?
    };
    Some(Reference {
        kind,
        id: text[start..end].to_string(),
        start,
        end,
    })
}

/// An id written in a file, and the kind it names.
pub struct Reference {
    /// The kind of file named.
    pub kind: FileKind,
    /// The id.
    pub id: String,
    /// Its byte range in the file.
    pub start: usize,
    /// Its end.
    pub end: usize,
}

/// Every place `id` of `kind` is written in `text` (a file of `file_kind`):
/// references, and the file's own `id:` when it is that file.
pub fn occurrences(
    text: &str,
    file_kind: FileKind,
    kind: FileKind,
    id: &str,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if id.is_empty() {
        return out;
    }
    for (i, _) in text.match_indices(id) {
        let end = i + id.len();
        let before_ok = text[..i].chars().next_back().is_none_or(|c| !id_char(c));
        let after_ok = text[end..].chars().next().is_none_or(|c| !id_char(c));
        if !(before_ok && after_ok) {
            continue;
        }
        let Some(field) = field_at(text, i) else {
            continue;
        };
        let named = if field == "id" {
            (file_kind == kind).then_some(kind)
        } else {
            kind_of_field(&field)
        };
        if named == Some(kind) {
            out.push((i, end));
        }
    }
    out
}
