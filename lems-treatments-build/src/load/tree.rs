//! Walking the content tree: listing its folders, matching file names to
//! ids, keeping the budgets of the whole tree and the declared ids, and
//! checking the references of files that did not fit their schema. Each file
//! is read by [`super::file`].

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{OsStr, OsString};
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Position};
use crate::model::{id_problem, FileKind};
use crate::read::fs;
use crate::read::schema::CompiledSchema;
use crate::read::yaml::Document;
use crate::suggest::did_you_mean;

use super::cache::Cache;
use super::declared::Declared;
use super::file::{self, wrong_kind};
use super::{Content, HasId, Loaded, Paths, SchemaCheck, Tree, MAX_TREE_BYTES, MAX_TREE_FILES};

/// The state of one walk over the tree.
pub(super) struct Walk<'o> {
    paths: Paths,
    check: SchemaCheck,
    diags: Vec<Diagnostic>,
    files: Vec<String>,
    notes: Vec<String>,
    declared: Declared,
    /// Files that did not fit their schema, kept so that their references
    /// are still checked in the same run (problems never arrive in rounds).
    broken: Vec<(FileKind, String, Document)>,
    sources: BTreeMap<String, String>,
    /// Spent of [`MAX_TREE_BYTES`] and [`MAX_TREE_FILES`].
    tree_bytes: usize,
    tree_files: usize,
    /// Set once a tree budget ran out: no further file is read.
    over_budget: bool,
    /// Bytes read instead of the file on disk (see [`super::Overlay`]).
    overlay: &'o super::Overlay,
    /// What the last load read, reused where a file is unchanged.
    cache: Option<&'o mut Cache>,
}

impl<'o> Walk<'o> {
    pub(super) fn new(
        paths: &Paths,
        check: SchemaCheck,
        overlay: &'o super::Overlay,
        cache: Option<&'o mut Cache>,
    ) -> Walk<'o> {
        Walk {
            paths: paths.clone(),
            check,
            diags: Vec::new(),
            files: Vec::new(),
            notes: Vec::new(),
            declared: Declared::new(&paths.display),
            broken: Vec::new(),
            sources: BTreeMap::new(),
            tree_bytes: 0,
            tree_files: 0,
            over_budget: false,
            overlay,
            cache,
        }
    }

    /// The walk's outcome, with the content when both singletons were read.
    pub(super) fn into_tree(self, content: Option<Content>) -> Tree {
        if let Some(cache) = self.cache {
            cache.end_files();
        }
        Tree {
            content,
            declared: self.declared,
            diagnostics: self.diags,
            files: self.files,
            notes: self.notes,
            sources: self.sources,
        }
    }

    /// The files read so far (display names), in reading order.
    pub(super) fn files(&self) -> &[String] {
        &self.files
    }

    /// The text of the file shown as `shown`, as read (after a byte order mark).
    pub(super) fn source(&self, shown: &str) -> Option<&str> {
        self.sources.get(shown).map(String::as_str)
    }

    /// Reports a problem that is not about one file of the tree.
    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn display(&self, rel: &str) -> String {
        format!("{}/{}", self.paths.display, rel)
    }

    /// The entries of the content folder that are not part of its layout.
    pub(super) fn check_unexpected_entries(&mut self) {
        let known: BTreeSet<&str> = FileKind::ALL.iter().map(|k| k.location()).collect();
        let entries = match std::fs::read_dir(&self.paths.data) {
            Ok(e) => e,
            Err(e) => {
                let shown = self.paths.display.clone();
                self.diags.push(Diagnostic::new(
                    shown,
                    Position::START,
                    Code::Unreadable,
                    format!("the content folder could not be listed: {e}"),
                ));
                return;
            }
        };
        let mut names: Vec<OsString> = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => names.push(e.file_name()),
                Err(e) => {
                    let shown = self.paths.display.clone();
                    self.diags.push(Diagnostic::new(
                        shown,
                        Position::START,
                        Code::Unreadable,
                        format!("an entry of the content folder could not be read: {e}"),
                    ));
                }
            }
        }
        names.sort();
        for os_name in names {
            let name = fs::display_name(&os_name);
            if !known.contains(name.as_str()) {
                let d = self.unexpected_entry(&name, &known);
                self.diags.push(d);
            }
        }
    }

    /// Why the entry `name` of the content folder is not read.
    fn unexpected_entry(&self, name: &str, known: &BTreeSet<&str>) -> Diagnostic {
        let shown = self.display(name);
        if name.starts_with('.') {
            return Diagnostic::new(shown, Position::START, Code::Layout, format!("`{name}` is hidden (its name starts with `.`), so it is not read"))
                .with_help("content is never hidden: rename it without the leading `.`, or move it out of the content folder");
        }
        let expected: Vec<&str> = known.iter().copied().collect();
        Diagnostic::new(
            shown,
            Position::START,
            Code::Layout,
            format!("`{name}` is not part of the content layout, so it is not read"),
        )
        .with_help(match did_you_mean(name, expected.iter().copied()) {
            Some(s) => format!(
                "did you mean `{s}`? The content folder holds: {}",
                expected.join(", ")
            ),
            None => format!("move it into one of: {}", expected.join(", ")),
        })
    }

    /// The compiled schema of `kind`, unless the schema pass is skipped,
    /// and a hash of its text (0 without one).
    fn schema(&mut self, kind: FileKind) -> (Option<CompiledSchema>, u64) {
        if self.check == SchemaCheck::Skip || !cfg!(feature = "schema-validation") {
            return (None, 0);
        }
        let read = file::read_schema(&self.paths.schema, kind);
        self.notes.extend(read.note);
        self.diags.extend(read.problem);
        let key = if read.schema.is_some() { read.key } else { 0 };
        (read.schema, key)
    }

    /// What reading the bytes at `path` gives: from the cache when the same
    /// bytes were read the same way by the last load and fit `budget`.
    fn read_cached<T: DeserializeOwned + Clone + Send + 'static>(
        &mut self,
        kind: FileKind,
        path: &Path,
        shown: &str,
        schema: (Option<&CompiledSchema>, u64),
        budget: usize,
    ) -> file::FileRead<T> {
        let bytes = match file::read_bytes(path, self.overlay.get(path).map(Vec::as_slice)) {
            Ok(b) => b,
            Err(e) => return file::FileRead::empty(vec![file::read_error(shown, e)]),
        };
        let Some(cache) = self.cache.as_deref_mut() else {
            return file::read_file::<T>(kind, &bytes, shown, schema.0, budget);
        };
        let key = super::cache::key(&[
            kind.location().as_bytes(),
            shown.as_bytes(),
            &schema.1.to_le_bytes(),
            &bytes,
        ]);
        if let Some(read) = cache.file::<file::FileRead<T>>(path, key) {
            if read.spent <= budget {
                return read;
            }
        }
        let read = file::read_file::<T>(kind, &bytes, shown, schema.0, budget);
        if !read.over_budget {
            cache.keep_file(path, key, &read);
        }
        read
    }

    /// Reads one file within the tree's budgets; the file is recorded as read
    /// even when a budget has run out.
    fn read_file<T: DeserializeOwned + Clone + Send + 'static>(
        &mut self,
        kind: FileKind,
        path: &Path,
        shown: String,
        schema: (Option<&CompiledSchema>, u64),
    ) -> Option<Loaded<T>> {
        self.files.push(shown.clone());
        if self.over_budget {
            return None;
        }
        self.tree_files += 1;
        if self.tree_files > MAX_TREE_FILES {
            self.tree_budget_exceeded(
                &shown,
                format!("the content holds more than {MAX_TREE_FILES} files"),
            );
            return None;
        }
        let budget = MAX_TREE_BYTES.saturating_sub(self.tree_bytes);
        let read = self.read_cached::<T>(kind, path, &shown, schema, budget);
        if let Some(text) = read.source {
            self.sources.insert(shown.clone(), text);
        }
        self.diags.extend(read.diagnostics);
        self.tree_bytes = self.tree_bytes.saturating_add(read.spent);
        if read.over_budget {
            self.tree_budget_exceeded(
                &shown,
                format!(
                    "the content grows past {MAX_TREE_BYTES} bytes ({} MiB) with this file, counting every file's text and what it expands to",
                    MAX_TREE_BYTES >> 20
                ),
            );
            return None;
        }
        if let Some(id) = read.declared_id {
            self.declared.insert(kind, &id);
        }
        if let Some(doc) = read.broken {
            self.broken.push((kind, shown, doc));
        }
        read.loaded
    }

    /// Reports that the tree is over a budget, once; no further file is read.
    fn tree_budget_exceeded(&mut self, shown: &str, message: String) {
        self.over_budget = true;
        self.diags.push(
            Diagnostic::new(shown, Position::START, Code::TooLarge, message)
                .with_help("content this large is not expected; the remaining files were not read"),
        );
    }

    /// Checks that `kind`'s folder is a real, readable folder and lists it.
    fn list_folder(&mut self, kind: FileKind) -> Option<Vec<OsString>> {
        let dir = self.paths.data.join(kind.location());
        let folder = kind.location();
        let shown = self.display(folder);
        let problem = match fs::kind_of(&dir) {
            Ok(fs::EntryKind::Dir) => None,
            Ok(other) => Some(wrong_kind(&shown, other, "a folder")),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(
                Diagnostic::new(
                    shown.clone(),
                    Position::START,
                    Code::Layout,
                    format!("the folder `{folder}` is missing"),
                )
                .with_help(format!(
                    "create `{}/{folder}/` and put one YAML file per {} in it",
                    self.paths.display,
                    kind.noun()
                )),
            ),
            Err(e) => Some(
                Diagnostic::new(
                    shown.clone(),
                    Position::START,
                    Code::Unreadable,
                    format!("the folder `{folder}` could not be read: {e}"),
                )
                .with_help("check the folder's permissions"),
            ),
        };
        if let Some(d) = problem {
            self.diags.push(d);
            return None;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                self.diags.push(
                    Diagnostic::new(
                        shown,
                        Position::START,
                        Code::Unreadable,
                        format!("the folder `{folder}` exists but could not be listed: {e}"),
                    )
                    .with_help("check the folder's permissions (it needs read and execute)"),
                );
                return None;
            }
        };
        let mut names = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => names.push(e.file_name()),
                Err(e) => self.diags.push(Diagnostic::new(
                    shown.clone(),
                    Position::START,
                    Code::Unreadable,
                    format!("an entry of `{folder}` could not be read: {e}"),
                )),
            }
        }
        // Buffers of files not on disk yet (a new file open in an editor) are
        // read as if the folder listed them; only those directly in it.
        for path in self.overlay.keys() {
            if let (Some(parent), Some(name)) = (path.parent(), path.file_name()) {
                if parent == dir && !names.iter().any(|n| n == name) {
                    names.push(name.to_os_string());
                }
            }
        }
        names.sort();
        Some(names)
    }

    /// Every file of `kind`'s folder, by id; files with problems are left out.
    pub(super) fn read_kind<T: DeserializeOwned + HasId + Clone + Send + 'static>(
        &mut self,
        kind: FileKind,
    ) -> BTreeMap<String, Loaded<T>> {
        let mut out: BTreeMap<String, Loaded<T>> = BTreeMap::new();
        let dir = self.paths.data.join(kind.location());
        let folder = kind.location();
        let Some(names) = self.list_folder(kind) else {
            return out;
        };
        let (schema, schema_key) = self.schema(kind);
        for os_name in names {
            let path = dir.join(&os_name);
            let name = fs::display_name(&os_name);
            let shown = self.display(&format!("{folder}/{name}"));
            let Some(stem) = self.content_file_stem(&os_name, &name, &shown) else {
                continue;
            };
            match fs::kind_of(&path) {
                Ok(fs::EntryKind::File) => {}
                Err(e)
                    if e.kind() == std::io::ErrorKind::NotFound
                        && self.overlay.contains_key(&path) => {}
                Ok(other) => {
                    self.declared.insert(kind, stem);
                    self.diags.push(wrong_kind(&shown, other, "a regular file"));
                    continue;
                }
                Err(e) => {
                    self.diags.push(Diagnostic::new(
                        shown,
                        Position::START,
                        Code::Unreadable,
                        format!("the file could not be read: {e}"),
                    ));
                    continue;
                }
            }
            let stem = stem.to_string();
            // Declared even if the file turns out broken, so that references
            // to it are not reported as well.
            self.declared.insert(kind, &stem);
            let schema = (schema.as_ref(), schema_key);
            let Some(loaded) = self.read_file::<T>(kind, &path, shown.clone(), schema) else {
                continue;
            };
            let id = loaded.item.id().to_string();
            if let Some(d) = id_matches_file_name(&loaded.doc, &id, &stem, &name, &shown) {
                self.diags.push(d);
                continue;
            }
            out.insert(id, loaded);
        }
        out
    }

    /// The id a folder entry's name gives (`<id>.yaml`), or `None` with the
    /// reason it is not read: hidden, a backup or another extension, or a
    /// name that is not UTF-8.
    fn content_file_stem<'n>(
        &mut self,
        os_name: &OsStr,
        name: &'n str,
        shown: &str,
    ) -> Option<&'n str> {
        if name.starts_with('.') {
            self.diags.push(
                Diagnostic::new(shown, Position::START, Code::Layout, format!("`{name}` is hidden (its name starts with `.`), so it is not read"))
                    .with_help("content is never hidden: rename it without the leading `.`, or move it out of the content folder"),
            );
            return None;
        }
        let Some(stem) = name.strip_suffix(".yaml") else {
            let what = if name.ends_with('~')
                || name.ends_with(".bak")
                || name.ends_with(".orig")
                || name.ends_with(".swp")
                || name.starts_with('#')
            {
                "looks like a backup, and is not a `.yaml` file"
            } else {
                "is not a `.yaml` file"
            };
            self.diags.push(
                Diagnostic::new(shown, Position::START, Code::Layout, format!("`{name}` {what}, so it is not read"))
                    .with_help("content files end in `.yaml` (not `.yml`); rename it or move it out of the content folder"),
            );
            return None;
        };
        if os_name.to_str().is_none() {
            self.diags.push(
                Diagnostic::new(shown, Position::START, Code::Layout, format!("the file name `{name}` is not valid UTF-8, so it is not read"))
                    .with_help("rename it to `<id>.yaml`, with its id as written under `id:`; the bytes shown as `\\xNN` are not UTF-8"),
            );
            return None;
        }
        Some(stem)
    }

    /// The one file of `kind` (the condition, the disclaimer).
    pub(super) fn read_singleton<T: DeserializeOwned + Clone + Send + 'static>(
        &mut self,
        kind: FileKind,
    ) -> Option<Loaded<T>> {
        let path = self.paths.data.join(kind.location());
        let shown = self.display(kind.location());
        let problem = match fs::kind_of(&path) {
            Ok(fs::EntryKind::File) => None,
            Ok(other) => Some(wrong_kind(&shown, other, "a regular file")),
            // A buffer of the file, not saved yet, is read instead.
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound && self.overlay.contains_key(&path) =>
            {
                None
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(
                Diagnostic::new(
                    shown.clone(),
                    Position::START,
                    Code::Layout,
                    format!("the file `{}` is missing", kind.location()),
                )
                .with_help(format!(
                    "create it; its schema is schema/{}",
                    kind.schema_file()
                )),
            ),
            Err(e) => Some(Diagnostic::new(
                shown.clone(),
                Position::START,
                Code::Unreadable,
                format!("the file could not be read: {e}"),
            )),
        };
        if let Some(d) = problem {
            self.diags.push(d);
            return None;
        }
        let (schema, key) = self.schema(kind);
        self.read_file(kind, &path, shown, (schema.as_ref(), key))
    }

    /// The references of files that did not fit their schema, read from the
    /// raw YAML: every well-formed id at a reference field is checked.
    pub(super) fn check_broken_references(&mut self) {
        for (kind, file, doc) in std::mem::take(&mut self.broken) {
            for (pointer, target, id) in raw_references(kind, &doc.value) {
                if let Some(d) = self
                    .declared
                    .unknown_reference(&file, &doc, &pointer, target, &id)
                {
                    self.diags.push(d);
                }
            }
        }
    }
}

/// `None` when a file's `id` is its name; otherwise the problem, with the
/// rename or the id that would fix it.
fn id_matches_file_name(
    doc: &Document,
    id: &str,
    stem: &str,
    name: &str,
    shown: &str,
) -> Option<Diagnostic> {
    if id == stem {
        return None;
    }
    let span = doc.locate("/id");
    let help = match (id_problem(id).is_none(), id_problem(stem).is_none()) {
        (true, true) => format!("rename the file to `{id}.yaml`, or set `id: {stem}`"),
        (true, false) => format!("rename the file to `{id}.yaml`"),
        (false, true) => format!("set `id: {stem}`"),
        (false, false) => {
            let good = crate::names::suggest_id(id);
            format!("set `id: {good}` and rename the file to `{good}.yaml`")
        }
    };
    Some(
        Diagnostic::new(
            shown,
            span.value.0,
            Code::DuplicateId,
            format!("the id `{id}` does not match the file name `{name}`"),
        )
        .until(span.value.1)
        .at_pointer("/id")
        .with_help(help),
    )
}

/// The reference fields of a file of `kind`, read from raw YAML: (pointer,
/// kind referred to, id) for every value that is a well-formed id.
fn raw_references(kind: FileKind, value: &Value) -> Vec<(String, FileKind, String)> {
    use FileKind as K;
    let lists: &[(&str, FileKind)] = match kind {
        K::Treatment => &[
            ("mechanisms", K::Mechanism),
            ("cautions", K::Caution),
            ("used_with", K::Treatment),
            ("sources", K::Source),
        ],
        K::Class => &[("cautions", K::Caution), ("sources", K::Source)],
        K::Mechanism | K::Caution | K::Condition => &[("sources", K::Source)],
        K::Source | K::Disclaimer | K::Glossary | K::Reviews => &[],
    };
    let single: &[(&str, FileKind)] = match kind {
        K::Treatment => &[("category", K::Class)],
        K::Class => &[("parent", K::Class)],
        _ => &[],
    };
    let nested: &[&str] = match kind {
        K::Treatment => &["regulatory", "codes"],
        K::Condition => &["codes"],
        _ => &[],
    };
    let well_formed = |v: &Value| {
        v.as_str()
            .filter(|s| id_problem(s).is_none())
            .map(str::to_string)
    };
    let items = |field: &str| {
        value
            .get(field)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
    };
    let mut out = Vec::new();
    for (field, target) in single {
        if let Some(id) = value.get(field).and_then(well_formed) {
            out.push((format!("/{field}"), *target, id));
        }
    }
    for (field, target) in lists {
        for (i, v) in items(field) {
            if let Some(id) = well_formed(v) {
                out.push((format!("/{field}/{i}"), *target, id));
            }
        }
    }
    for field in nested {
        for (i, v) in items(field) {
            if let Some(id) = v.get("source").and_then(well_formed) {
                out.push((format!("/{field}/{i}/source"), K::Source, id));
            }
        }
    }
    out
}
