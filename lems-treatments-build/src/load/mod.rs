//! Loading a content tree into [`Content`]: the tree is walked (`tree.rs`),
//! each file is read on its own (`file.rs`), and every problem is collected;
//! none panics. The cross-file rules (`rules::RULES`) run on the result, called
//! by [`crate::load()`]; review dates are in [`review`].

pub mod cache;
pub(crate) mod declared;
mod file;
pub mod reading;
pub mod records;
pub mod review;
pub mod sha256;
mod tree;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{self, Code, Diagnostic, Position};
use crate::model::{
    CautionFile, ClassFile, ConditionFile, DisclaimerFile, FileKind, GlossaryFile, MechanismFile,
    ReviewsFile, SourceFile, TreatmentFile,
};
use crate::read::yaml::Document;

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
    /// The glossary, when `data/glossary.yaml` exists.
    pub glossary: Option<Loaded<GlossaryFile>>,
    /// Every file read, with its text, for rendering diagnostics.
    pub files: Vec<String>,
    /// The review records (`data/reviews.yaml`) and each reviewable file's hash now.
    pub reviews: review::Reviews,
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
    /// Warnings that do not fail a check or a build: reading levels
    /// ([`reading::reading_warnings`], found when the content loads) and
    /// reviews (see [`Report::check_reviews`]).
    pub warnings: Vec<Diagnostic>,
    /// The names of the cross-file `rules::RULES` that reported a problem.
    pub rules_broken: Vec<&'static str>,
}

impl Report {
    /// Adds the review warnings ([`review::review_warnings`]) for `today` (`YYYY-MM-DD`),
    /// when the content loaded.
    pub fn check_reviews(&mut self, today: &str) {
        if let Some(c) = &self.content {
            self.warnings
                .retain(|w| !matches!(w.code, Code::ReviewDue | Code::ReviewStale));
            self.warnings.extend(review::review_warnings(c, today));
            diagnostic::sort(&mut self.warnings);
        }
    }
}

/// The most bytes the whole content tree may hold: every file's bytes plus
/// what it grows to (see [`crate::read::yaml::MAX_EXPANDED_BYTES`]).
pub const MAX_TREE_BYTES: usize = 64 * 1024 * 1024;
/// The most files the content tree may hold.
pub const MAX_TREE_FILES: usize = 50_000;
/// The most problems listed one by one for one file; the rest are counted.
pub const MAX_PROBLEMS_PER_FILE: usize = 100;

/// Files' bytes that replace what is on disk (an editor's unsaved buffers),
/// by the path the walk reads them at (`<data>/<folder>/<name>.yaml`). A
/// buffer of a file not on disk yet is read where the walk would find it
/// (directly in a kind's folder, or a singleton's own path; other paths are
/// not read); each goes through the same budgets, layout rules and checks as
/// a file read from disk.
pub type Overlay = BTreeMap<PathBuf, Vec<u8>>;

/// A walked tree: the content (when the condition and the disclaimer were
/// read, problems or not), the ids declared, and the problems so far.
pub(crate) struct Tree {
    /// The content read, unless a singleton file is missing or unreadable.
    pub(crate) content: Option<Content>,
    /// The ids every file declared, broken files' included.
    pub(crate) declared: declared::Declared,
    /// Every problem found while reading, unsorted.
    pub(crate) diagnostics: Vec<Diagnostic>,
    files: Vec<String>,
    notes: Vec<String>,
    sources: BTreeMap<String, String>,
}

/// Reads the whole content tree: every file, its schema pass and model type,
/// file names against ids, and the references of broken files. The
/// cross-file rules are not run here.
/// With a `cache`, a file whose bytes the last load read the same way is not read again.
pub(crate) fn read_tree<'o>(
    paths: &Paths,
    check: SchemaCheck,
    overlay: &'o Overlay,
    cache: Option<&'o mut cache::Cache>,
) -> Tree {
    let mut w = tree::Walk::new(paths, check, overlay, cache);
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
        w.push(
            Diagnostic::new(paths.display.clone(), Position::START, code, message).with_help(
                format!("expected a readable folder at {}", paths.data.display()),
            ),
        );
        return w.into_tree(None);
    }
    w.check_unexpected_entries();
    let treatments = w.read_kind::<TreatmentFile>(FileKind::Treatment);
    let classes = w.read_kind::<ClassFile>(FileKind::Class);
    let mechanisms = w.read_kind::<MechanismFile>(FileKind::Mechanism);
    let cautions = w.read_kind::<CautionFile>(FileKind::Caution);
    let sources = w.read_kind::<SourceFile>(FileKind::Source);
    let condition = w.read_singleton::<ConditionFile>(FileKind::Condition);
    let disclaimer = w.read_singleton::<DisclaimerFile>(FileKind::Disclaimer);
    // The glossary is optional: read only when its file (or a buffer of it) is there.
    let glossary_path = paths.data.join(FileKind::Glossary.location());
    let glossary = match std::fs::symlink_metadata(&glossary_path) {
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && !overlay.contains_key(&glossary_path) =>
        {
            None
        }
        _ => w.read_singleton::<GlossaryFile>(FileKind::Glossary),
    };
    // The review records are optional too: a tree without them has none recorded.
    let reviews = match std::fs::symlink_metadata(paths.data.join(FileKind::Reviews.location())) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        _ => w.read_singleton::<ReviewsFile>(FileKind::Reviews),
    };
    w.check_broken_references();
    let (Some(condition), Some(disclaimer)) = (condition, disclaimer) else {
        return w.into_tree(None);
    };
    let mut content = Content {
        treatments,
        classes,
        mechanisms,
        cautions,
        sources,
        condition,
        disclaimer,
        glossary,
        files: w.files().to_vec(),
        reviews: review::Reviews::default(),
    };
    let mut current = BTreeMap::new();
    for (file, _) in review::reviewable_files(&content) {
        if let Some(text) = w.source(file) {
            let rel = file
                .strip_prefix(paths.display.as_str())
                .and_then(|r| r.strip_prefix('/'))
                .unwrap_or(file);
            current.insert(rel.to_string(), sha256::sha256_hex(text.as_bytes()));
        }
    }
    let (records, file) = match reviews {
        Some(l) => (l.item.records, Some((l.file, l.doc))),
        None => (Vec::new(), None),
    };
    content.reviews = review::Reviews {
        records,
        file,
        current,
        display: paths.display.clone(),
    };
    w.into_tree(Some(content))
}

impl Tree {
    /// The report, with the problems and broken rules of the cross-file
    /// checks added: the content only when there was no problem at all.
    /// With a `cache`, the reading levels of unchanged files are not measured again.
    pub(crate) fn finish(
        mut self,
        checked: Vec<Diagnostic>,
        rules_broken: Vec<&'static str>,
        cache: Option<&mut cache::Cache>,
    ) -> Report {
        self.diagnostics.extend(checked);
        let content = if self.diagnostics.is_empty() {
            self.content
        } else {
            None
        };
        diagnostic::sort(&mut self.diagnostics);
        self.files.sort();
        let warnings = match (&content, cache) {
            (Some(c), Some(cache)) => reading::reading_warnings_cached(c, &self.sources, cache),
            (Some(c), None) => reading::reading_warnings(c),
            (None, _) => Vec::new(),
        };
        Report {
            content,
            diagnostics: cap_per_file(self.diagnostics),
            files: self.files,
            notes: self.notes,
            warnings,
            sources: self.sources,
            rules_broken,
        }
    }
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
