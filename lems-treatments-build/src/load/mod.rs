//! Loading a content tree: every file parsed, schema-checked, read into the
//! model types, and cross-checked. All problems are collected, none panics.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostic::{self, Code, Diagnostic, Position};
use crate::model::*;
use crate::names::{is_rust_variant, variant_name};
use crate::read::fs;
use crate::read::schema::CompiledSchema;
use crate::read::yaml::{self, Document};
use crate::suggest::did_you_mean;

/// Where the content and its schemas are, and how to name files in messages.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The `data/` folder.
    pub data: PathBuf,
    /// The `schema/` folder holding the committed schemas.
    pub schema: PathBuf,
    /// The prefix used for file names in messages, usually `data`.
    pub display: String,
}

impl Paths {
    /// The usual layout: `<root>/data` and `<root>/schema`, files shown as `data/…`.
    pub fn under(root: &Path) -> Paths {
        Paths {
            data: root.join("data"),
            schema: root.join("schema"),
            display: "data".to_string(),
        }
    }
}

/// How strictly to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaCheck {
    /// Validate every file against the committed JSON Schema (the default).
    Validate,
    /// Skip the JSON Schema pass: the model types and cross-checks still reject
    /// bad content, with less detailed messages. For downstream builds of
    /// published, already-validated content.
    Skip,
}

/// A parsed file and the entity read from it.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// The file, as shown in messages.
    pub file: String,
    /// The parsed YAML with spans.
    pub doc: Document,
    /// The entity.
    pub item: T,
}

/// All content, read and checked.
#[derive(Debug, Clone)]
pub struct Content {
    /// Treatments by id.
    pub treatments: BTreeMap<String, Loaded<TreatmentFile>>,
    /// Classes by id.
    pub classes: BTreeMap<String, Loaded<ClassFile>>,
    /// Mechanisms by id.
    pub mechanisms: BTreeMap<String, Loaded<MechanismFile>>,
    /// Cautions by id.
    pub cautions: BTreeMap<String, Loaded<CautionFile>>,
    /// Sources by id.
    pub sources: BTreeMap<String, Loaded<SourceFile>>,
    /// The condition.
    pub condition: Loaded<ConditionFile>,
    /// The disclaimer.
    pub disclaimer: Loaded<DisclaimerFile>,
    /// Every file read, with its text, for rendering diagnostics.
    pub files: Vec<String>,
}

/// The outcome of reading a tree: the content when there were no errors, and
/// every diagnostic.
#[derive(Debug)]
pub struct Report {
    /// The checked content, when nothing was wrong.
    pub content: Option<Content>,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file that was read (display names), sorted.
    pub files: Vec<String>,
    /// Things worth saying that are not content errors (a stale schema file).
    pub notes: Vec<String>,
    /// The text of every file read, by display name, as the loader saw it
    /// (after a byte order mark; invalid UTF-8 replaced). Renderers quote it
    /// instead of opening the file again.
    pub sources: BTreeMap<String, String>,
    /// Warnings that do not fail a check or a build (see [`Report::check_reviews`]).
    pub warnings: Vec<Diagnostic>,
    /// The names of the cross-file [`RULES`] that reported a problem.
    pub rules_broken: Vec<&'static str>,
}

impl Report {
    /// Adds the review warnings ([`review_warnings`]) for `today` (`YYYY-MM-DD`),
    /// when the content loaded.
    pub fn check_reviews(&mut self, today: &str) {
        if let Some(c) = &self.content {
            self.warnings = review_warnings(c, today);
        }
    }
}

/// The most bytes the whole content tree may hold: every file's bytes plus
/// what it grows to (see [`yaml::MAX_EXPANDED_BYTES`]).
pub const MAX_TREE_BYTES: usize = 64 * 1024 * 1024;
/// The most files the content tree may hold.
pub const MAX_TREE_FILES: usize = 50_000;
/// The most problems listed one by one for one file; the rest are counted.
pub const MAX_PROBLEMS_PER_FILE: usize = 100;

struct Reader {
    paths: Paths,
    check: SchemaCheck,
    diags: Vec<Diagnostic>,
    files: Vec<String>,
    notes: Vec<String>,
    /// Ids declared by each kind, even in files that failed later checks, so
    /// that a broken file does not also make every reference to it an error.
    declared: BTreeMap<FileKind, BTreeSet<String>>,
    /// Files that did not fit their schema, kept so that their references
    /// are still checked in the same run (problems never arrive in rounds).
    broken: Vec<(FileKind, String, Document)>,
    /// The cross-file rules that reported a problem.
    rules_broken: Vec<&'static str>,
    sources: BTreeMap<String, String>,
    /// Spent of [`MAX_TREE_BYTES`] and [`MAX_TREE_FILES`].
    tree_bytes: usize,
    tree_files: usize,
    /// Set once a tree budget ran out: no further file is read.
    over_budget: bool,
}

/// Reads and checks the whole content tree.
pub fn load(paths: &Paths, check: SchemaCheck) -> Report {
    let mut r = Reader {
        paths: paths.clone(),
        check,
        diags: Vec::new(),
        files: Vec::new(),
        notes: Vec::new(),
        declared: BTreeMap::new(),
        broken: Vec::new(),
        rules_broken: Vec::new(),
        sources: BTreeMap::new(),
        tree_bytes: 0,
        tree_files: 0,
        over_budget: false,
    };
    let problem = match std::fs::metadata(&paths.data) {
        Ok(m) if m.is_dir() => None,
        Ok(_) => Some((
            "the content folder is not a folder".to_string(),
            Code::Layout,
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some((
            "the content folder does not exist".to_string(),
            Code::Layout,
        )),
        Err(e) => Some((
            format!("the content folder could not be read: {e}"),
            Code::Unreadable,
        )),
    };
    if let Some((message, code)) = problem {
        r.diags.push(
            Diagnostic::new(paths.display.clone(), Position::START, code, message).with_help(
                format!("expected a readable folder at {}", paths.data.display()),
            ),
        );
        return r.finish(None);
    }
    r.check_unexpected_entries();
    let treatments = r.read_kind::<TreatmentFile>(FileKind::Treatment);
    let classes = r.read_kind::<ClassFile>(FileKind::Class);
    let mechanisms = r.read_kind::<MechanismFile>(FileKind::Mechanism);
    let cautions = r.read_kind::<CautionFile>(FileKind::Caution);
    let sources = r.read_kind::<SourceFile>(FileKind::Source);
    let condition = r.read_singleton::<ConditionFile>(FileKind::Condition);
    let disclaimer = r.read_singleton::<DisclaimerFile>(FileKind::Disclaimer);
    r.check_broken_references();
    let (Some(condition), Some(disclaimer)) = (condition, disclaimer) else {
        return r.finish(None);
    };
    let mut content = Content {
        treatments,
        classes,
        mechanisms,
        cautions,
        sources,
        condition,
        disclaimer,
        files: Vec::new(),
    };
    r.cross_check(&content);
    content.files = r.files.clone();
    let ok = r.diags.is_empty();
    r.finish(if ok { Some(content) } else { None })
}

/// Keeps the first [`MAX_PROBLEMS_PER_FILE`] problems of each file (they are
/// sorted) and counts the rest in one more, so output stays bounded whatever a
/// file holds. The build and `check` both see the capped list.
fn cap_per_file(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len().min(4096));
    let mut per_file = 0usize;
    let mut hidden = 0usize;
    let mut first_hidden: Option<Diagnostic> = None;
    let flush = |out: &mut Vec<Diagnostic>, hidden: &mut usize, first: &mut Option<Diagnostic>| {
        if let Some(d) = first.take() {
            out.push(
                Diagnostic::new(
                    d.file.clone(),
                    d.start,
                    Code::TooManyProblems,
                    format!(
                        "and {hidden} more problem{} in this file, from here on (only the first {MAX_PROBLEMS_PER_FILE} are listed)",
                        if *hidden == 1 { "" } else { "s" }
                    ),
                )
                .with_help("fix the problems above and check again; often one mistake causes many"),
            );
        }
        *hidden = 0;
    };
    for d in diags {
        if out.last().is_none_or(|l| l.file != d.file)
            && first_hidden.as_ref().is_none_or(|f| f.file != d.file)
        {
            flush(&mut out, &mut hidden, &mut first_hidden);
            per_file = 0;
        }
        per_file += 1;
        if per_file > MAX_PROBLEMS_PER_FILE {
            hidden += 1;
            if first_hidden.is_none() {
                first_hidden = Some(d);
            }
        } else {
            out.push(d);
        }
    }
    flush(&mut out, &mut hidden, &mut first_hidden);
    out
}

/// The Rust enum an entity kind becomes.
fn kind_rust_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Treatment => "Treatment",
        FileKind::Class => "Category",
        FileKind::Mechanism => "Mechanism",
        FileKind::Caution => "Caution",
        FileKind::Source => "Source",
        _ => "the enum",
    }
}

/// An id like `a_l_l` joined into one word (`all`), which the checker accepts.
fn suggest_free_id(id: &str) -> String {
    let joined: String = id.chars().filter(|c| *c != '_').collect();
    let v = variant_name(&joined);
    if crate::model::id_problem(&joined).is_none()
        && is_rust_variant(&v)
        && !crate::names::ASSOCIATED_ITEMS.contains(&v.as_str())
    {
        joined
    } else {
        format!("{joined}_item")
    }
}

impl Reader {
    fn finish(mut self, content: Option<Content>) -> Report {
        diagnostic::sort(&mut self.diags);
        self.files.sort();
        Report {
            content,
            diagnostics: cap_per_file(self.diags),
            files: self.files,
            notes: self.notes,
            warnings: Vec::new(),
            sources: self.sources,
            rules_broken: self.rules_broken,
        }
    }

    fn display(&self, rel: &str) -> String {
        format!("{}/{}", self.paths.display, rel)
    }

    fn check_unexpected_entries(&mut self) {
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
        let mut names: Vec<std::ffi::OsString> = Vec::new();
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
            if known.contains(name.as_str()) {
                continue;
            }
            let shown = self.display(&name);
            if name.starts_with('.') {
                self.diags.push(
                    Diagnostic::new(shown, Position::START, Code::Layout, format!("`{name}` is hidden (its name starts with `.`), so it is not read"))
                        .with_help("content is never hidden: rename it without the leading `.`, or move it out of the content folder"),
                );
                continue;
            }
            let expected: Vec<&str> = known.iter().copied().collect();
            let mut d = Diagnostic::new(
                shown,
                Position::START,
                Code::Layout,
                format!("`{name}` is not part of the content layout, so it is not read"),
            );
            d = d.with_help(match did_you_mean(&name, expected.iter().copied()) {
                Some(s) => format!(
                    "did you mean `{s}`? The content folder holds: {}",
                    expected.join(", ")
                ),
                None => format!("move it into one of: {}", expected.join(", ")),
            });
            self.diags.push(d);
        }
    }

    /// A located error for an entry that is not what content needs there;
    /// nothing of a link's target is shown.
    fn wrong_kind(&mut self, shown: String, found: fs::EntryKind, wanted: &str) {
        use fs::EntryKind;
        let (code, help) = match found {
            EntryKind::Symlink => (Code::SpecialFile, format!("links are never followed, so content stays inside its tree; replace the link with {wanted}")),
            EntryKind::Fifo | EntryKind::Device | EntryKind::Socket | EntryKind::Other => (Code::SpecialFile, format!("it is not opened (reading it could block or never end); replace it with {wanted}")),
            EntryKind::Dir | EntryKind::File => (Code::Layout, format!("replace it with {wanted}, or move it out of the content folder")),
        };
        self.diags.push(
            Diagnostic::new(
                shown,
                Position::START,
                code,
                format!("this is {}, not {wanted}", found.describe()),
            )
            .with_help(help),
        );
    }

    fn schema(&mut self, kind: FileKind) -> Option<CompiledSchema> {
        if self.check == SchemaCheck::Skip || !cfg!(feature = "schema-validation") {
            return None;
        }
        let path = self.paths.schema.join(kind.schema_file());
        let shown = format!("schema/{}", kind.schema_file());
        let committed = std::fs::read_to_string(&path);
        // While the model types change, the committed schema lags until it is
        // regenerated; validating against the types' own schema keeps the
        // regeneration command (which builds this crate) usable meanwhile.
        #[cfg(feature = "schema")]
        let committed = {
            let fresh = kind.schema_text();
            if committed.as_deref().ok() != Some(fresh.as_str()) {
                self.notes.push(format!(
                    "{shown} is out of date with the model types; validated against the types' schema. Run `cargo run -p lems-content -- schema`."
                ));
                Ok(fresh)
            } else {
                committed
            }
        };
        let text = match committed {
            Ok(t) => t,
            Err(e) => {
                self.diags.push(
                    Diagnostic::new(
                        shown,
                        Position::START,
                        Code::Layout,
                        format!("the schema could not be read: {e}"),
                    )
                    .with_help("regenerate the schemas with `cargo run -p lems-content -- schema`"),
                );
                return None;
            }
        };
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                self.diags.push(
                    Diagnostic::new(
                        shown,
                        Position {
                            line: e.line(),
                            column: e.column(),
                        },
                        Code::Layout,
                        format!("the schema is not valid JSON: {e}"),
                    )
                    .with_help("regenerate the schemas with `cargo run -p lems-content -- schema`"),
                );
                return None;
            }
        };
        match CompiledSchema::new(value) {
            Ok(s) => Some(s),
            Err(e) => {
                self.diags.push(Diagnostic::new(
                    shown,
                    Position::START,
                    Code::Layout,
                    format!("the schema is not a valid JSON Schema: {e}"),
                ));
                None
            }
        }
    }

    /// Reads one file: bytes, YAML, schema, model type.
    fn read_file<T: DeserializeOwned>(
        &mut self,
        kind: FileKind,
        path: &Path,
        shown: String,
        schema: Option<&CompiledSchema>,
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
        let bytes = self.read_bytes(path, &shown)?;
        let text = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&bytes);
        self.sources
            .insert(shown.clone(), String::from_utf8_lossy(text).into_owned());
        let (doc, mut diags) = yaml::load_bytes(&shown, &bytes);
        let clean_bytes = diags.is_empty();
        self.diags.append(&mut diags);
        let doc = doc?;
        self.tree_bytes = self
            .tree_bytes
            .saturating_add(bytes.len())
            .saturating_add(doc.expanded_bytes);
        if self.tree_bytes > MAX_TREE_BYTES {
            self.tree_budget_exceeded(
                &shown,
                format!(
                    "the content grows past {MAX_TREE_BYTES} bytes ({} MiB) with this file, counting every file's text and what it expands to",
                    MAX_TREE_BYTES >> 20
                ),
            );
            return None;
        }
        if let Some(id) = doc.value.get("id").and_then(Value::as_str) {
            self.declared
                .entry(kind)
                .or_default()
                .insert(id.to_string());
        }
        let doc = self.schema_pass(kind, &shown, doc, schema)?;
        if kind == FileKind::Treatment {
            let mut dates = partial_date_problems(&shown, &doc);
            if !dates.is_empty() {
                self.diags.append(&mut dates);
                return None;
            }
        }
        let mut text_problems = text_checks(&shown, &doc);
        let clean = clean_bytes && text_problems.is_empty();
        self.diags.append(&mut text_problems);
        self.deserialize(kind, shown, doc, clean)
    }

    /// The file's bytes, if it is a regular file within the size budget.
    fn read_bytes(&mut self, path: &Path, shown: &str) -> Option<Vec<u8>> {
        match fs::read_regular(path, yaml::MAX_FILE_BYTES) {
            Ok(b) => Some(b),
            Err(fs::ReadError::NotRegular(kind)) => {
                self.wrong_kind(shown.to_string(), kind, "a regular file");
                None
            }
            Err(fs::ReadError::TooLarge(len)) => {
                self.diags.push(yaml::too_large(shown, len));
                None
            }
            Err(fs::ReadError::Io(e)) => {
                self.diags.push(
                    Diagnostic::new(
                        shown,
                        Position::START,
                        Code::Unreadable,
                        format!("the file could not be read: {e}"),
                    )
                    .with_help("check the file's permissions"),
                );
                None
            }
        }
    }

    /// The document back if it fits its schema (or there is none); otherwise
    /// its errors, with the placeholders and invisible characters the schema
    /// did not already flag, and the file is kept for the reference checks.
    fn schema_pass(
        &mut self,
        kind: FileKind,
        shown: &str,
        doc: Document,
        schema: Option<&CompiledSchema>,
    ) -> Option<Document> {
        let Some(schema) = schema else {
            return Some(doc);
        };
        let mut errors = schema.check(shown, &doc);
        if errors.is_empty() {
            return Some(doc);
        }
        let flagged: BTreeSet<(usize, usize)> = errors
            .iter()
            .map(|d| (d.start.line, d.start.column))
            .collect();
        self.diags.append(&mut errors);
        self.diags.extend(
            text_checks(shown, &doc)
                .into_iter()
                .filter(|d| !flagged.contains(&(d.start.line, d.start.column))),
        );
        self.broken.push((kind, shown.to_string(), doc));
        None
    }

    /// The model value of a document (kept only when the file had no
    /// problem). Without the schema pass (or with a stale schema) serde is the
    /// last line: its message quotes the refused value, so the node that holds
    /// it is located.
    fn deserialize<T: DeserializeOwned>(
        &mut self,
        kind: FileKind,
        shown: String,
        doc: Document,
        clean: bool,
    ) -> Option<Loaded<T>> {
        let e = match serde_json::from_value::<T>(doc.value.clone()) {
            Ok(item) if clean => {
                return Some(Loaded {
                    file: shown,
                    doc,
                    item,
                })
            }
            Ok(_) => return None,
            Err(e) => e,
        };
        let message = e.to_string();
        let pointer = quoted_value(&message)
            .and_then(|v| pointer_of_string(&doc.value, v))
            .unwrap_or_default();
        let span = doc.locate(&pointer);
        let field = if pointer.is_empty() {
            "the file".to_string()
        } else {
            format!("`{}`", crate::read::schema::field_label(&pointer))
        };
        let mut d = Diagnostic::new(
            shown,
            span.value.0,
            Code::InvalidValue,
            format!("{field} does not fit the {} model: {message}", kind.noun()),
        )
        .with_help("run `lems-content check` for a located explanation");
        if !pointer.is_empty() {
            d = d.until(span.value.1).at_pointer(pointer);
        }
        self.diags.push(d);
        None
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
    fn list_folder(&mut self, kind: FileKind) -> Option<Vec<std::ffi::OsString>> {
        let dir = self.paths.data.join(kind.location());
        let folder = kind.location();
        let shown = self.display(folder);
        match fs::kind_of(&dir) {
            Ok(fs::EntryKind::Dir) => {}
            Ok(other) => {
                self.wrong_kind(shown, other, "a folder");
                return None;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.diags.push(
                    Diagnostic::new(
                        shown,
                        Position::START,
                        Code::Layout,
                        format!("the folder `{folder}` is missing"),
                    )
                    .with_help(format!(
                        "create `{}/{folder}/` and put one YAML file per {} in it",
                        self.paths.display,
                        kind.noun()
                    )),
                );
                return None;
            }
            Err(e) => {
                self.diags.push(
                    Diagnostic::new(
                        shown,
                        Position::START,
                        Code::Unreadable,
                        format!("the folder `{folder}` could not be read: {e}"),
                    )
                    .with_help("check the folder's permissions"),
                );
                return None;
            }
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
        names.sort();
        Some(names)
    }

    fn read_kind<T: DeserializeOwned + HasId>(
        &mut self,
        kind: FileKind,
    ) -> BTreeMap<String, Loaded<T>> {
        let mut out: BTreeMap<String, Loaded<T>> = BTreeMap::new();
        let dir = self.paths.data.join(kind.location());
        let folder = kind.location();
        let Some(names) = self.list_folder(kind) else {
            return out;
        };
        let schema = self.schema(kind);
        for os_name in names {
            let path = dir.join(&os_name);
            let name = fs::display_name(&os_name);
            let shown = self.display(&format!("{folder}/{name}"));
            let Some(stem) = self.content_file_stem(&os_name, &name, &shown) else {
                continue;
            };
            match fs::kind_of(&path) {
                Ok(fs::EntryKind::File) => {}
                Ok(other) => {
                    self.declared
                        .entry(kind)
                        .or_default()
                        .insert(stem.to_string());
                    self.wrong_kind(shown, other, "a regular file");
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
            self.declared.entry(kind).or_default().insert(stem.clone());
            let Some(loaded) = self.read_file::<T>(kind, &path, shown.clone(), schema.as_ref())
            else {
                continue;
            };
            let id = loaded.item.id().to_string();
            if !self.id_matches_file_name(&loaded.doc, &id, &stem, &name, &shown) {
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
        os_name: &std::ffi::OsStr,
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

    /// Whether a file's `id` is its name; if not, reports the rename or the
    /// id that would fix it.
    fn id_matches_file_name(
        &mut self,
        doc: &Document,
        id: &str,
        stem: &str,
        name: &str,
        shown: &str,
    ) -> bool {
        if id == stem {
            return true;
        }
        let span = doc.locate("/id");
        let help = match (
            crate::model::id_problem(id).is_none(),
            crate::model::id_problem(stem).is_none(),
        ) {
            (true, true) => format!("rename the file to `{id}.yaml`, or set `id: {stem}`"),
            (true, false) => format!("rename the file to `{id}.yaml`"),
            (false, true) => format!("set `id: {stem}`"),
            (false, false) => {
                let good = crate::read::schema::suggest_id(id);
                format!("set `id: {good}` and rename the file to `{good}.yaml`")
            }
        };
        self.diags.push(
            Diagnostic::new(
                shown,
                span.value.0,
                Code::DuplicateId,
                format!("the id `{id}` does not match the file name `{name}`"),
            )
            .until(span.value.1)
            .at_pointer("/id")
            .with_help(help),
        );
        false
    }

    fn read_singleton<T: DeserializeOwned>(&mut self, kind: FileKind) -> Option<Loaded<T>> {
        let path = self.paths.data.join(kind.location());
        let shown = self.display(kind.location());
        match fs::kind_of(&path) {
            Ok(fs::EntryKind::File) => {}
            Ok(other) => {
                self.wrong_kind(shown, other, "a regular file");
                return None;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.diags.push(
                    Diagnostic::new(
                        shown,
                        Position::START,
                        Code::Layout,
                        format!("the file `{}` is missing", kind.location()),
                    )
                    .with_help(format!(
                        "create it; its schema is schema/{}",
                        kind.schema_file()
                    )),
                );
                return None;
            }
            Err(e) => {
                self.diags.push(Diagnostic::new(
                    shown,
                    Position::START,
                    Code::Unreadable,
                    format!("the file could not be read: {e}"),
                ));
                return None;
            }
        }
        let schema = self.schema(kind);
        self.read_file(kind, &path, shown, schema.as_ref())
    }

    fn known(&self, kind: FileKind) -> Vec<&str> {
        self.declared
            .get(&kind)
            .map(|s| s.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// Checks that `id` at `pointer` in `doc` names an existing `kind`.
    fn reference(&mut self, file: &str, doc: &Document, pointer: &str, kind: FileKind, id: &str) {
        if self.declared.get(&kind).is_some_and(|s| s.contains(id)) {
            return;
        }
        let known = self.known(kind);
        let help = match did_you_mean(id, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if known.is_empty() => format!(
                "there are no {} yet; add `{}/{}/{id}.yaml`",
                kind.plural(),
                self.paths.display,
                kind.location()
            ),
            None => format!("known {}: {}", kind.plural(), known.join(", ")),
        };
        let span = doc.locate(pointer);
        self.diags.push(
            Diagnostic::new(
                file,
                span.value.0,
                Code::UnknownReference,
                format!("unknown {} `{id}`", kind.noun()),
            )
            .until(span.value.1)
            .at_pointer(pointer)
            .with_help(help),
        );
    }

    /// The references of files that did not fit their schema, read from the
    /// raw YAML: every well-formed id at a reference field is checked.
    fn check_broken_references(&mut self) {
        for (kind, file, doc) in std::mem::take(&mut self.broken) {
            for (pointer, target, id) in raw_references(kind, &doc.value) {
                self.reference(&file, &doc, &pointer, target, &id);
            }
        }
    }

    fn references(&mut self, file: &str, doc: &Document, field: &str, kind: FileKind, ids: &[Id]) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(file, doc, &format!("/{field}/{i}"), kind, &id.0);
        }
    }

    fn require_sources(&mut self, file: &str, doc: &Document, what: &str, sources: &[Id]) {
        if sources.is_empty() {
            let span = doc.locate("/sources");
            self.diags.push(
                Diagnostic::new(file, span.value.0, Code::MissingSource, format!("{what} cites no source"))
                    .at_pointer("/sources")
                    .with_help("every statement must come from a source: list at least one id from data/sources/ under `sources:`"),
            );
        }
        self.references(file, doc, "sources", FileKind::Source, sources);
    }

    fn check_ids<T: HasId>(&mut self, items: &BTreeMap<String, Loaded<T>>, kind: FileKind) {
        let mut variants: BTreeMap<String, String> = BTreeMap::new();
        for (id, l) in items {
            let v = variant_name(id);
            let span = l.doc.locate("/id");
            if !is_rust_variant(&v) {
                self.diags.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::BadIdentifier,
                        format!("the id `{id}` cannot become a Rust name (`{v}` is reserved)"),
                    )
                    .at_pointer("/id")
                    .with_help("choose another id, for example by adding a word"),
                );
            } else if crate::names::ASSOCIATED_ITEMS.contains(&v.as_str()) {
                self.diags.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::BadIdentifier,
                        format!(
                            "the id `{id}` becomes the Rust name `{v}`, which the generated code already uses for `{}::{v}`",
                            kind_rust_name(kind)
                        ),
                    )
                    .until(span.value.1)
                    .at_pointer("/id")
                    .with_help(format!(
                        "choose an id whose words are not single letters, for example `{}`",
                        suggest_free_id(id)
                    )),
                );
            } else if let Some(other) = variants.insert(v.clone(), id.clone()) {
                self.diags.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::BadIdentifier,
                        format!(
                            "the {} ids `{other}` and `{id}` both become the Rust name `{v}`",
                            kind.noun()
                        ),
                    )
                    .at_pointer("/id")
                    .with_help("make the ids differ by more than underscores"),
                );
            }
        }
    }

    /// Names (or titles) must be unique per kind, or a lookup by name could not tell them apart.
    fn unique_names<'a>(
        &mut self,
        kind: FileKind,
        field: &str,
        items: impl Iterator<Item = (&'a str, &'a Document, &'a str)>,
    ) {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        let mut looks: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (file, doc, name) in items {
            let key = crate::names::fold(name);
            let id = file
                .rsplit('/')
                .next()
                .unwrap_or(file)
                .trim_end_matches(".yaml")
                .to_string();
            let skeleton = crate::text::hygiene::skeleton_key(name);
            if let Some((other, other_name)) = looks.get(&skeleton) {
                if crate::names::fold(other_name) != key {
                    let span = doc.locate(&format!("/{field}"));
                    self.diags.push(
                        Diagnostic::new(
                            file,
                            span.value.0,
                            Code::Confusable,
                            format!(
                                "`{}` looks like `{}` of the {} `{other}` (Unicode TR39 confusables)",
                                crate::escape::terminal(name),
                                crate::escape::terminal(other_name),
                                kind.noun()
                            ),
                        )
                        .until(span.value.1)
                        .at_pointer(format!("/{field}"))
                        .with_help("use a name that differs in letters a reader can see; check for letters from another script"),
                    );
                }
            } else {
                looks.insert(skeleton, (id.clone(), name.to_string()));
            }
            if let Some(other) = seen.get(&key) {
                let span = doc.locate(&format!("/{field}"));
                self.diags.push(
                    Diagnostic::new(
                        file,
                        span.value.0,
                        Code::DuplicateId,
                        format!("`{name}` also names the {} `{other}`", kind.noun()),
                    )
                    .at_pointer(format!("/{field}"))
                    .with_help("give each one its own name, so a lookup by name finds one"),
                );
            } else {
                seen.insert(key, id);
            }
        }
    }

    /// Every cross-file rule, in order (see [`RULES`]).
    fn cross_check(&mut self, c: &Content) {
        for rule in RULES {
            let before = self.diags.len();
            (rule.check)(self, c);
            if self.diags.len() > before {
                self.rules_broken.push(rule.name);
            }
        }
    }

    /// Each mechanism, caution, class and source has a name of its own.
    fn rule_unique_names(&mut self, c: &Content) {
        self.unique_names(
            FileKind::Mechanism,
            "name",
            c.mechanisms
                .values()
                .map(|l| (l.file.as_str(), &l.doc, l.item.name.as_str())),
        );
        self.unique_names(
            FileKind::Caution,
            "title",
            c.cautions
                .values()
                .map(|l| (l.file.as_str(), &l.doc, l.item.title.as_str())),
        );
        self.unique_names(
            FileKind::Class,
            "name",
            c.classes
                .values()
                .map(|l| (l.file.as_str(), &l.doc, l.item.name.as_str())),
        );
        self.unique_names(
            FileKind::Source,
            "title",
            c.sources
                .values()
                .map(|l| (l.file.as_str(), &l.doc, l.item.title.as_str())),
        );
    }

    /// Every id becomes a Rust variant that nothing else generated takes.
    fn rule_ids_become_rust_names(&mut self, c: &Content) {
        self.check_ids(&c.treatments, FileKind::Treatment);
        self.check_ids(&c.classes, FileKind::Class);
        self.check_ids(&c.mechanisms, FileKind::Mechanism);
        self.check_ids(&c.cautions, FileKind::Caution);
        self.check_ids(&c.sources, FileKind::Source);
    }

    /// Every reference names an existing entity, and every statement cites a source.
    fn rule_references_resolve(&mut self, c: &Content) {
        for (id, l) in &c.treatments {
            let t = &l.item;
            self.references(
                &l.file,
                &l.doc,
                "mechanisms",
                FileKind::Mechanism,
                &t.mechanisms,
            );
            self.references(&l.file, &l.doc, "cautions", FileKind::Caution, &t.cautions);
            self.references(
                &l.file,
                &l.doc,
                "used_with",
                FileKind::Treatment,
                &t.used_with,
            );
            self.reference(&l.file, &l.doc, "/category", FileKind::Class, &t.category.0);
            self.require_sources(
                &l.file,
                &l.doc,
                &format!("the treatment `{id}`"),
                &t.sources,
            );
            for (i, r) in t.regulatory.iter().enumerate() {
                self.reference(
                    &l.file,
                    &l.doc,
                    &format!("/regulatory/{i}/source"),
                    FileKind::Source,
                    &r.source.0,
                );
            }
            if let Some(ind) = &t.indication {
                self.references(
                    &l.file,
                    &l.doc,
                    "indication/after_other",
                    FileKind::Class,
                    &ind.after_other,
                );
                self.reference(
                    &l.file,
                    &l.doc,
                    "/indication/source",
                    FileKind::Source,
                    &ind.source.0,
                );
            }
        }
    }

    /// Every treatment says how it is used.
    fn rule_usage_stated(&mut self, c: &Content) {
        for (id, l) in &c.treatments {
            let t = &l.item;
            if t.usage.is_empty() {
                let span = l.doc.locate("/usage");
                self.diags.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::MissingField,
                        format!("the treatment `{id}` says nothing about how it is used"),
                    )
                    .at_pointer("/usage")
                    .with_help("add at least one statement under `usage:`"),
                );
            }
        }
    }

    /// Codes have their system's shape, and one code names one treatment (so `from_code` is unambiguous).
    fn rule_codes_well_formed_and_unique(&mut self, c: &Content) {
        let mut codes_seen: BTreeMap<(CodeSystem, String), String> = BTreeMap::new();
        for l in c.treatments.values() {
            self.check_codes(&l.file, &l.doc, &l.item.codes, &mut codes_seen);
        }
        let l = &c.condition;
        self.check_codes(&l.file, &l.doc, &l.item.codes, &mut BTreeMap::new());
    }

    /// A caution recorded as not applied does not also apply.
    fn rule_cautions_not_applied(&mut self, c: &Content) {
        for (id, l) in &c.treatments {
            let t = &l.item;
            let applied: BTreeSet<String> = t
                .cautions
                .iter()
                .map(|x| x.0.clone())
                .chain(class_cautions(c, &t.category.0))
                .collect();
            for (i, n) in t.cautions_not_applied.iter().enumerate() {
                let pointer = format!("/cautions_not_applied/{i}/caution");
                self.reference(&l.file, &l.doc, &pointer, FileKind::Caution, &n.caution.0);
                self.reference(
                    &l.file,
                    &l.doc,
                    &format!("/cautions_not_applied/{i}/source"),
                    FileKind::Source,
                    &n.source.0,
                );
                if applied.contains(&n.caution.0) {
                    let span = l.doc.locate(&pointer);
                    self.diags.push(
                        Diagnostic::new(
                            &l.file,
                            span.value.0,
                            Code::InvalidValue,
                            format!(
                                "the caution `{}` is listed as not applied, but it applies to `{id}`",
                                n.caution.0
                            ),
                        )
                        .at_pointer(pointer)
                        .with_help("a caution either applies (under `cautions:`, or through the class) or is recorded as not applied, not both"),
                    );
                }
            }
        }
    }

    /// "Used with" names another treatment and is stated on both sides.
    fn rule_used_with_both_sides(&mut self, c: &Content) {
        for (id, l) in &c.treatments {
            let t = &l.item;
            for (i, other) in t.used_with.iter().enumerate() {
                if &other.0 == id {
                    let span = l.doc.locate(&format!("/used_with/{i}"));
                    self.diags.push(
                        Diagnostic::new(
                            &l.file,
                            span.value.0,
                            Code::UnknownReference,
                            "a treatment cannot be used with itself",
                        )
                        .at_pointer(format!("/used_with/{i}"))
                        .with_help("remove this item"),
                    );
                }
            }
            // "Used with" is stated on both sides, so each file tells the whole story.
            for (i, other) in t.used_with.iter().enumerate() {
                let back = c
                    .treatments
                    .get(&other.0)
                    .is_none_or(|o| o.item.used_with.iter().any(|x| &x.0 == id));
                if !back {
                    let span = l.doc.locate(&format!("/used_with/{i}"));
                    self.diags.push(
                        Diagnostic::new(
                            &l.file,
                            span.value.0,
                            Code::UnknownReference,
                            format!(
                                "`{id}` is used with `{}`, but `{}` does not list `{id}`",
                                other.0, other.0
                            ),
                        )
                        .at_pointer(format!("/used_with/{i}"))
                        .with_help(format!(
                            "add `{id}` under `used_with:` in data/treatments/{}.yaml",
                            other.0
                        )),
                    );
                }
            }
        }
    }

    /// Class-wide cautions are written once, on the class, and not repeated on members.
    fn rule_class_cautions_once(&mut self, c: &Content) {
        for l in c.treatments.values() {
            let t = &l.item;
            // Class-wide cautions are written once on the class.
            let inherited = class_cautions(c, &t.category.0);
            self.repeated_cautions(
                &l.file,
                &l.doc,
                &t.cautions,
                &inherited,
                &t.category.0,
                "class-wide cautions are written once, on the class",
            );
        }
    }

    /// Names, synonyms and brands point at one treatment only and look like no other (TR39).
    fn rule_treatment_names_unambiguous(&mut self, c: &Content) {
        // Names, synonyms and brands must point at one treatment only.
        let mut lookup: BTreeMap<String, (String, String)> = BTreeMap::new();
        // Names, synonyms and brands by TR39 skeleton: none may look like another.
        let mut looks: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (id, l) in &c.treatments {
            let t = &l.item;
            let mut names: Vec<(String, String)> = vec![
                ("/id".to_string(), id.clone()),
                ("/name".into(), t.name.0.clone()),
            ];
            names.extend(
                t.synonyms
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("/synonyms/{i}"), s.0.clone())),
            );
            names.extend(
                t.brands
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (format!("/brands/{i}/name"), b.name.0.clone())),
            );
            let mut own: BTreeSet<String> = BTreeSet::new();
            for (pointer, name) in names {
                let key = crate::names::fold(&name);
                if !own.insert(key.clone()) {
                    continue;
                }
                let skeleton = crate::text::hygiene::skeleton_key(&name);
                match looks.get(&skeleton) {
                    Some((other_id, other_name)) if crate::names::fold(other_name) != key => {
                        let span = l.doc.locate(&pointer);
                        self.diags.push(
                            Diagnostic::new(&l.file, span.value.0, Code::Confusable, format!("`{}` looks like `{}` of the treatment `{other_id}` (Unicode TR39 confusables), so readers could take one for the other", crate::escape::terminal(&name), crate::escape::terminal(other_name)))
                                .until(span.value.1)
                                .at_pointer(pointer.clone())
                                .with_help("use a name that differs in letters a reader can see; check for letters from another script"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        looks.insert(skeleton, (id.clone(), name.clone()));
                    }
                }
                if let Some((other, _)) = lookup.get(&key) {
                    let span = l.doc.locate(&pointer);
                    self.diags.push(
                        Diagnostic::new(&l.file, span.value.0, Code::DuplicateId, format!("`{name}` also names the treatment `{other}`, so a lookup by it would be ambiguous"))
                            .at_pointer(pointer)
                            .with_help("each name, synonym and brand must belong to one treatment"),
                    );
                } else {
                    lookup.insert(key, (id.clone(), pointer));
                }
            }
        }
    }

    /// Class references resolve, parent chains end, inherited cautions are not repeated, sources are cited.
    fn rule_classes(&mut self, c: &Content) {
        for (id, l) in &c.classes {
            let cat = &l.item;
            if let Some(parent) = &cat.parent {
                self.reference(&l.file, &l.doc, "/parent", FileKind::Class, &parent.0);
                // A parent chain must end.
                let mut seen = BTreeSet::from([id.clone()]);
                let mut next = Some(parent.0.clone());
                while let Some(p) = next {
                    if !seen.insert(p.clone()) {
                        if &p != id {
                            // The cycle is reported on its own members.
                            break;
                        }
                        let span = l.doc.locate("/parent");
                        self.diags.push(
                            Diagnostic::new(
                                &l.file,
                                span.value.0,
                                Code::InvalidValue,
                                format!("the class `{id}` is its own ancestor (through `{p}`)"),
                            )
                            .at_pointer("/parent")
                            .with_help("a class's parent chain must end at a class with no parent"),
                        );
                        break;
                    }
                    next = c
                        .classes
                        .get(&p)
                        .and_then(|x| x.item.parent.as_ref())
                        .map(|x| x.0.clone());
                }
            }
            self.references(
                &l.file,
                &l.doc,
                "cautions",
                FileKind::Caution,
                &cat.cautions,
            );
            if let Some(parent) = &cat.parent {
                let inherited = class_cautions(c, &parent.0);
                self.repeated_cautions(
                    &l.file,
                    &l.doc,
                    &cat.cautions,
                    &inherited,
                    &parent.0,
                    "a class inherits its parents' cautions",
                );
            }
            self.require_sources(&l.file, &l.doc, &format!("the class `{id}`"), &cat.sources);
        }
    }

    /// Mechanisms, cautions and the condition cite a source.
    fn rule_sources_cited(&mut self, c: &Content) {
        for (id, l) in &c.mechanisms {
            self.require_sources(
                &l.file,
                &l.doc,
                &format!("the mechanism `{id}`"),
                &l.item.sources,
            );
        }
        for (id, l) in &c.cautions {
            self.require_sources(
                &l.file,
                &l.doc,
                &format!("the caution `{id}`"),
                &l.item.sources,
            );
        }
        let l = &c.condition;
        self.require_sources(&l.file, &l.doc, "the condition", &l.item.sources);
    }

    /// Every date is a real day.
    fn rule_dates_real(&mut self, c: &Content) {
        for l in c.sources.values() {
            if let Some(date) = &l.item.last_updated {
                self.check_date(&l.file, &l.doc, "/last_updated", &date.0);
            }
        }
        for (file, doc, reviewed) in reviewed_dates(c) {
            if let Some(date) = reviewed {
                self.check_date(file, doc, "/reviewed", &date.0);
            }
        }
    }

    /// The disclaimer states how old the sources are.
    fn rule_disclaimer_dates(&mut self, c: &Content) {
        // The disclaimer states how old the sources are.
        let d = &c.disclaimer;
        for l in c.sources.values() {
            if let Some(date) = &l.item.last_updated {
                if !d.item.text.0.contains(date.0.as_str()) {
                    let span = d.doc.locate("/text");
                    self.diags.push(
                        Diagnostic::new(
                            &d.file,
                            span.value.0,
                            Code::InvalidValue,
                            format!(
                                "the disclaimer does not state the date of the source `{}` ({})",
                                l.item.id, date.0
                            ),
                        )
                        .at_pointer("/text")
                        .with_help(format!(
                            "say in the disclaimer when the source was last updated: {}",
                            date.0
                        )),
                    );
                }
            }
        }
    }

    /// No mechanism or caution is left unused (checked once everything else is clean).
    fn rule_nothing_unused(&mut self, c: &Content) {
        // Unused entities are likely mistakes; only meaningful when every file loaded.
        if !self.diags.is_empty() {
            return;
        }
        let used_mechanisms: BTreeSet<&str> = c
            .treatments
            .values()
            .flat_map(|t| t.item.mechanisms.iter().map(|m| m.0.as_str()))
            .collect();
        for (id, l) in &c.mechanisms {
            if !used_mechanisms.contains(id.as_str()) {
                self.diags.push(
                    Diagnostic::new(
                        &l.file,
                        l.doc.locate("/id").value.0,
                        Code::UnknownReference,
                        format!("no treatment uses the mechanism `{id}`"),
                    )
                    .at_pointer("/id")
                    .with_help("list it under `mechanisms:` of a treatment, or delete the file"),
                );
            }
        }
        let used_cautions: BTreeSet<&str> = c
            .treatments
            .values()
            .flat_map(|t| t.item.cautions.iter().map(|m| m.0.as_str()))
            .chain(
                c.classes
                    .values()
                    .flat_map(|t| t.item.cautions.iter().map(|m| m.0.as_str())),
            )
            .collect();
        for (id, l) in &c.cautions {
            if !used_cautions.contains(id.as_str()) {
                self.diags.push(
                    Diagnostic::new(
                        &l.file,
                        l.doc.locate("/id").value.0,
                        Code::UnknownReference,
                        format!("no treatment or class lists the caution `{id}`"),
                    )
                    .at_pointer("/id")
                    .with_help(
                        "list it under `cautions:` of a treatment or class, or delete the file",
                    ),
                );
            }
        }
    }

    /// Reports cautions listed again where they already apply through `class`.
    fn repeated_cautions(
        &mut self,
        file: &str,
        doc: &Document,
        own: &[Id],
        inherited: &BTreeSet<String>,
        class: &str,
        why: &str,
    ) {
        for (i, caution) in own.iter().enumerate() {
            if inherited.contains(&caution.0) {
                let span = doc.locate(&format!("/cautions/{i}"));
                self.diags.push(
                    Diagnostic::new(
                        file,
                        span.value.0,
                        Code::InvalidValue,
                        format!(
                            "the caution `{}` already applies through the class `{class}`",
                            caution.0
                        ),
                    )
                    .at_pointer(format!("/cautions/{i}"))
                    .with_help(format!("remove it here: {why}")),
                );
            }
        }
    }

    /// Each code: the shape its system requires, a known source, and no code
    /// naming two things.
    fn check_codes(
        &mut self,
        file: &str,
        doc: &Document,
        codes: &[CodeEntry],
        seen: &mut BTreeMap<(CodeSystem, String), String>,
    ) {
        for (i, code) in codes.iter().enumerate() {
            let pointer = format!("/codes/{i}/code");
            if let Some(why) = code.system.code_problem(&code.code.0) {
                let span = doc.locate(&pointer);
                let (pattern, example) = code.system.pattern();
                self.diags.push(
                    Diagnostic::new(file, span.value.0, Code::InvalidValue, format!("`{}` {why}", code.code.0))
                        .until(span.value.1)
                        .at_pointer(pointer.clone())
                        .with_help(format!("a {} code looks like `{example}` (pattern {pattern}); copy it from the source exactly", code.system.label())),
                );
            }
            let key = (code.system, code.code.0.clone());
            if let Some(other) = seen.get(&key) {
                let span = doc.locate(&pointer);
                self.diags.push(
                    Diagnostic::new(
                        file,
                        span.value.0,
                        Code::DuplicateId,
                        format!(
                            "the {} code `{}` is also given to `{other}`",
                            code.system.label(),
                            code.code.0
                        ),
                    )
                    .at_pointer(pointer.clone())
                    .with_help("a code identifies one thing; check the source"),
                );
            } else {
                seen.insert(
                    key,
                    file.rsplit('/')
                        .next()
                        .unwrap_or(file)
                        .trim_end_matches(".yaml")
                        .to_string(),
                );
            }
            self.reference(
                file,
                doc,
                &format!("/codes/{i}/source"),
                FileKind::Source,
                &code.source.0,
            );
        }
    }

    fn check_date(&mut self, file: &str, doc: &Document, pointer: &str, date: &str) {
        if date_problem(date).is_some() {
            // The model types already refuse it; reported there.
            return;
        }
        let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
        let valid = matches!(parts.as_slice(), [y, m, d] if real_day(*y, *m, *d));
        if !valid {
            let span = doc.locate(pointer);
            self.diags.push(
                Diagnostic::new(file, span.value.0, Code::InvalidValue, format!("`{date}` is not a real calendar date"))
                    .at_pointer(pointer)
                    .with_help("write the date as YYYY-MM-DD with a month 01-12 and a day that exists in that month"),
            );
        }
    }
}

/// How long a review against the sources stays current: `lems-content check`
/// warns about files last reviewed longer ago than this (or never).
pub const REVIEW_PERIOD_DAYS: i64 = 365;

/// Every content file that records a review date, with that date.
fn reviewed_dates(c: &Content) -> Vec<(&str, &Document, Option<&Date>)> {
    fn of<T>(
        items: &BTreeMap<String, Loaded<T>>,
        get: fn(&T) -> Option<&Date>,
    ) -> impl Iterator<Item = (&str, &Document, Option<&Date>)> {
        items
            .values()
            .map(move |l| (l.file.as_str(), &l.doc, get(&l.item)))
    }
    let mut out: Vec<(&str, &Document, Option<&Date>)> = Vec::new();
    out.extend(of(&c.treatments, |x| x.reviewed.as_ref()));
    out.extend(of(&c.classes, |x| x.reviewed.as_ref()));
    out.extend(of(&c.mechanisms, |x| x.reviewed.as_ref()));
    out.extend(of(&c.cautions, |x| x.reviewed.as_ref()));
    out.push((
        c.condition.file.as_str(),
        &c.condition.doc,
        c.condition.item.reviewed.as_ref(),
    ));
    out.push((
        c.disclaimer.file.as_str(),
        &c.disclaimer.doc,
        c.disclaimer.item.reviewed.as_ref(),
    ));
    out
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), or
/// `None` when it is not one.
pub fn days_since_epoch(date: &str) -> Option<i64> {
    if date_problem(date).is_some() {
        return None;
    }
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (yu, mu, du) = (
        u32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    );
    if !real_day(yu, mu, du) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Warnings (not errors) about reviews against the sources: a file that
/// records no review, one reviewed more than [`REVIEW_PERIOD_DAYS`] before
/// `today` (`YYYY-MM-DD`), or one dated after `today`.
pub fn review_warnings(c: &Content, today: &str) -> Vec<Diagnostic> {
    let Some(now) = days_since_epoch(today) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (file, doc, reviewed) in reviewed_dates(c) {
        let Some(date) = reviewed else {
            let span = doc.locate("");
            out.push(
                Diagnostic::new(file, span.value.0, Code::ReviewDue, "no review against the sources is recorded")
                    .with_help("review the file against its sources, then add `reviewed: \"YYYY-MM-DD\"` with the date of the review"),
            );
            continue;
        };
        let Some(then) = days_since_epoch(&date.0) else {
            continue;
        };
        let span = doc.locate("/reviewed");
        if now - then > REVIEW_PERIOD_DAYS {
            out.push(
                Diagnostic::new(
                    file,
                    span.value.0,
                    Code::ReviewDue,
                    format!(
                        "last reviewed against its sources on {}, more than {REVIEW_PERIOD_DAYS} days ago: a review is due",
                        date.0
                    ),
                )
                .until(span.value.1)
                .at_pointer("/reviewed")
                .with_help("review the file against its sources, correct what has changed, and set `reviewed:` to the date of the review"),
            );
        } else if then > now {
            out.push(
                Diagnostic::new(
                    file,
                    span.value.0,
                    Code::ReviewDue,
                    format!("the review date {} is after today ({today})", date.0),
                )
                .until(span.value.1)
                .at_pointer("/reviewed")
                .with_help("write the date the review actually took place"),
            );
        }
    }
    diagnostic::sort(&mut out);
    out
}

/// The first text between backticks in a message.
fn quoted_value(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once('`')?;
    let (value, _) = rest.split_once('`')?;
    (!value.is_empty()).then_some(value)
}

/// The JSON pointer of the first string in `value` (depth first, in document
/// order for lists) equal to `needle`. Iterative, so no input exhausts the stack.
fn pointer_of_string(value: &Value, needle: &str) -> Option<String> {
    let mut todo: Vec<(String, &Value)> = vec![(String::new(), value)];
    while let Some((pointer, v)) = todo.pop() {
        match v {
            Value::String(s) if s == needle => return Some(pointer),
            Value::Array(items) => todo.extend(
                items
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, x)| (format!("{pointer}/{i}"), x)),
            ),
            Value::Object(map) => todo.extend(
                map.iter()
                    .map(|(k, x)| (format!("{pointer}/{}", yaml::escape_pointer(k)), x)),
            ),
            _ => {}
        }
    }
    None
}

/// Dates of regulatory facts (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) that do not
/// exist, located at the date (the model type would refuse them too, but only
/// for the file as a whole).
fn partial_date_problems(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(items) = doc.value.get("regulatory").and_then(Value::as_array) else {
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        let Some(date) = item.get("date").and_then(Value::as_str) else {
            continue;
        };
        if serde_json::from_value::<PartialDate>(Value::String(date.to_string())).is_ok() {
            continue;
        }
        let pointer = format!("/regulatory/{i}/date");
        let span = doc.locate(&pointer);
        out.push(
            Diagnostic::new(
                file,
                span.value.0,
                Code::InvalidValue,
                format!(
                    "`{}` is not a real date written YYYY, YYYY-MM or YYYY-MM-DD",
                    crate::escape::terminal(date)
                ),
            )
            .until(span.value.1)
            .at_pointer(pointer)
            .with_help("write the date as precisely as the source gives it, with a month 01-12 and a day that exists in that month"),
        );
    }
    out
}

/// The marker `lems-content new` puts where an editor must write something.
pub const PLACEHOLDER: &str = "TODO";

/// Checks every text in a document: no control characters, no leftover
/// placeholders, no leading or trailing blank space that a reader cannot see.
pub fn text_checks(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut todo: Vec<(String, &Value)> = vec![(String::new(), &doc.value)];
    while let Some((pointer, v)) = todo.pop() {
        match v {
            Value::Array(items) => todo.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("{pointer}/{i}"), x)),
            ),
            Value::Object(map) => todo.extend(
                map.iter()
                    .map(|(k, x)| (format!("{pointer}/{}", yaml::escape_pointer(k)), x)),
            ),
            Value::String(s) => {
                let span = doc.locate(&pointer);
                let field = crate::read::schema::field_label(&pointer);
                if let Some(c) = s
                    .chars()
                    .find(|c| c.is_control() && *c != '\n' && *c != '\t')
                {
                    out.push(
                        Diagnostic::new(file, span.value.0, Code::UnusableText, format!("{field} holds the control character U+{:04X}, which readers cannot see", c as u32))
                            .until(span.value.1)
                            .at_pointer(pointer.clone())
                            .with_help("remove it (check for `\\0`, `\\a`, `\\x..` escapes in double-quoted text)"),
                    );
                }
                if let Some((word, nfc)) = crate::text::hygiene::not_nfc(s) {
                    let (word, nfc) = (
                        crate::escape::terminal(&word),
                        crate::escape::terminal(&nfc),
                    );
                    out.push(
                        Diagnostic::new(file, span.value.0, Code::NotNormalized, format!("{field} is not in Unicode normalisation form C (NFC): `{word}` ({} characters) looks the same as `{nfc}` ({} characters) but compares differently", word.chars().count(), nfc.chars().count()))
                            .until(span.value.1)
                            .at_pointer(pointer.clone())
                            .with_help("retype the accented letters (or let the editor save as NFC); nothing is changed for you, so that what you wrote is what is checked"),
                    );
                }
                let names = ["/name", "/title", "/brands/", "/synonyms/"];
                if names
                    .iter()
                    .any(|n| pointer == *n || pointer.starts_with(n))
                {
                    if let Some(word) = crate::text::hygiene::mixed_script_word(s) {
                        out.push(
                            Diagnostic::new(file, span.value.0, Code::Confusable, format!("{field} mixes scripts within the word `{}` ({}), so it can pass for another name", crate::escape::terminal(&word), crate::text::hygiene::foreign_letters(&word)))
                                .until(span.value.1)
                                .at_pointer(pointer.clone())
                                .with_help("write each word in one script (a Cyrillic `е` looks like a Latin `e` but is another letter)"),
                        );
                    }
                }
                if !s.contains('\n') && s.trim() != s && !s.trim().is_empty() {
                    out.push(
                        Diagnostic::new(file, span.value.0, Code::UnusableText, format!("{field} starts or ends with spaces"))
                            .until(span.value.1)
                            .at_pointer(pointer.clone())
                            .with_help("remove the spaces: they are invisible to a reader and break lookups by name"),
                    );
                }
                if s.contains(PLACEHOLDER) {
                    out.push(
                        Diagnostic::new(
                            file,
                            span.value.0,
                            Code::UnusableText,
                            format!("{field} still holds a `{PLACEHOLDER}` placeholder"),
                        )
                        .until(span.value.1)
                        .at_pointer(pointer.clone())
                        .with_help("replace the placeholder with real content from a cited source"),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

/// The cautions a class carries, its ancestors' included.
pub fn class_cautions(c: &Content, category: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut next = Some(category.to_string());
    while let Some(id) = next {
        if !seen.insert(id.clone()) {
            break;
        }
        let Some(cat) = c.classes.get(&id) else {
            break;
        };
        out.extend(cat.item.cautions.iter().map(|x| x.0.clone()));
        next = cat.item.parent.as_ref().map(|p| p.0.clone());
    }
    out
}

/// Entities with an id.
pub trait HasId {
    /// The entity's id.
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.id.0 } })* };
}
has_id!(
    TreatmentFile,
    ClassFile,
    MechanismFile,
    CautionFile,
    SourceFile
);

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
        K::Source | K::Disclaimer => &[],
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
    let mut out = Vec::new();
    for (field, target) in single {
        if let Some(id) = value.get(field).and_then(well_formed) {
            out.push((format!("/{field}"), *target, id));
        }
    }
    for (field, target) in lists {
        for (i, v) in value
            .get(field)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(id) = well_formed(v) {
                out.push((format!("/{field}/{i}"), *target, id));
            }
        }
    }
    for field in nested {
        for (i, v) in value
            .get(field)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(id) = v.get("source").and_then(well_formed) {
                out.push((format!("/{field}/{i}/source"), K::Source, id));
            }
        }
    }
    out
}

/// A rule that needs more than one file: its name, the error codes it
/// reports, and its check. The list is the checker's table of contents; the
/// test `rules_line_up` checks that every code here is in EDITING.md's
/// error-code table and that the corpus triggers every rule.
pub struct Rule {
    /// A short name.
    pub name: &'static str,
    /// What it requires, in plain words.
    pub requires: &'static str,
    /// The codes its problems carry.
    pub codes: &'static [Code],
    check: fn(&mut Reader, &Content),
}

/// Every cross-file rule, in the order they run.
pub const RULES: &[Rule] = &[
    Rule {
        name: "unique-names",
        requires: "each mechanism, caution, class and source has a name of its own",
        codes: &[Code::DuplicateId, Code::Confusable],
        check: Reader::rule_unique_names,
    },
    Rule {
        name: "ids-become-rust-names",
        requires: "every id becomes a Rust variant that nothing else generated takes",
        codes: &[Code::BadIdentifier],
        check: Reader::rule_ids_become_rust_names,
    },
    Rule {
        name: "references-resolve",
        requires: "every reference names an existing entity, and treatments cite a source",
        codes: &[Code::UnknownReference, Code::MissingSource],
        check: Reader::rule_references_resolve,
    },
    Rule {
        name: "usage-stated",
        requires: "every treatment says how it is used",
        codes: &[Code::MissingField],
        check: Reader::rule_usage_stated,
    },
    Rule {
        name: "codes-well-formed-and-unique",
        requires: "codes have their system's shape and name one treatment each",
        codes: &[Code::InvalidValue, Code::DuplicateId],
        check: Reader::rule_codes_well_formed_and_unique,
    },
    Rule {
        name: "cautions-not-applied",
        requires: "a caution recorded as not applied does not also apply",
        codes: &[Code::InvalidValue],
        check: Reader::rule_cautions_not_applied,
    },
    Rule {
        name: "used-with-both-sides",
        requires: "\"used with\" names another treatment and is stated on both sides",
        codes: &[Code::UnknownReference],
        check: Reader::rule_used_with_both_sides,
    },
    Rule {
        name: "class-cautions-once",
        requires: "class-wide cautions are written once, on the class",
        codes: &[Code::InvalidValue],
        check: Reader::rule_class_cautions_once,
    },
    Rule {
        name: "treatment-names-unambiguous",
        requires: "names, synonyms and brands name one treatment and look like no other",
        codes: &[Code::DuplicateId, Code::Confusable],
        check: Reader::rule_treatment_names_unambiguous,
    },
    Rule {
        name: "classes",
        requires:
            "class references resolve, parent chains end, inherited cautions are not repeated",
        codes: &[
            Code::UnknownReference,
            Code::InvalidValue,
            Code::MissingSource,
        ],
        check: Reader::rule_classes,
    },
    Rule {
        name: "sources-cited",
        requires: "mechanisms, cautions and the condition cite a source",
        codes: &[Code::MissingSource],
        check: Reader::rule_sources_cited,
    },
    Rule {
        name: "dates-real",
        requires: "every date is a real day",
        codes: &[Code::InvalidValue],
        check: Reader::rule_dates_real,
    },
    Rule {
        name: "disclaimer-dates",
        requires: "the disclaimer states the date of every dated source",
        codes: &[Code::InvalidValue],
        check: Reader::rule_disclaimer_dates,
    },
    Rule {
        name: "nothing-unused",
        requires: "no mechanism or caution is left unused",
        codes: &[Code::UnknownReference],
        check: Reader::rule_nothing_unused,
    },
];
