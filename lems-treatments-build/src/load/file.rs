//! Reading one file, knowing nothing of the tree: bytes, YAML with spans, the
//! schema pass, the text checks and the model type, each step a function
//! that returns what it found and its problems.

use std::collections::BTreeSet;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Position};
use crate::model::FileKind;
use crate::read::fs;
use crate::read::schema::CompiledSchema;
use crate::read::yaml::{self, Document};
use crate::text::checks::{partial_date_problems, text_checks};

use super::Loaded;

/// What reading one file gave: the entity (only when the file had no
/// problem), its problems, and what the tree keeps of it.
#[derive(Clone)]
pub(super) struct FileRead<T> {
    /// The entity, when the file had no problem.
    pub loaded: Option<Loaded<T>>,
    /// Every problem found, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The file's text (after a byte order mark; invalid UTF-8 replaced),
    /// when its bytes could be read.
    pub source: Option<String>,
    /// What the file costs against the tree's byte budget: its bytes plus
    /// what its YAML expands to.
    pub spent: usize,
    /// Whether `spent` was over the budget given (nothing after the YAML was read).
    pub over_budget: bool,
    /// The id the YAML writes under `id:`, even if the file fails later checks.
    pub declared_id: Option<String>,
    /// The document, when it did not fit its schema: its references are still checked.
    pub broken: Option<Document>,
}

impl<T> FileRead<T> {
    /// Nothing read, and these problems.
    pub(super) fn empty(diagnostics: Vec<Diagnostic>) -> FileRead<T> {
        FileRead {
            loaded: None,
            diagnostics,
            source: None,
            spent: 0,
            over_budget: false,
            declared_id: None,
            broken: None,
        }
    }
}

/// The bytes of the file at `path`: `overlay` when given,
/// else the file on disk; either within the file budget.
/// Why they could not be read ([`read_error`]) is the file's one problem.
pub(super) fn read_bytes(path: &Path, overlay: Option<&[u8]>) -> Result<Vec<u8>, fs::ReadError> {
    match overlay {
        Some(b) if b.len() > yaml::MAX_FILE_BYTES => Err(fs::ReadError::TooLarge(b.len() as u64)),
        Some(b) => Ok(b.to_vec()),
        None => fs::read_regular(path, yaml::MAX_FILE_BYTES),
    }
}

/// Reads the `bytes` of one file of `kind`, shown as `shown`: YAML, schema
/// (when given), text checks, model type. `budget` is how many bytes the
/// file and its expansion may take.
pub(super) fn read_file<T: DeserializeOwned>(
    kind: FileKind,
    bytes: &[u8],
    shown: &str,
    schema: Option<&CompiledSchema>,
    budget: usize,
) -> FileRead<T> {
    let text = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let (doc, diagnostics) = yaml::load_bytes(shown, bytes);
    let mut out = FileRead::empty(diagnostics);
    out.source = Some(String::from_utf8_lossy(text).into_owned());
    let clean_bytes = out.diagnostics.is_empty();
    let Some(doc) = doc else {
        return out;
    };
    out.spent = bytes.len().saturating_add(doc.expanded_bytes);
    if out.spent > budget {
        out.over_budget = true;
        return out;
    }
    out.declared_id = doc
        .value
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string);
    let doc = match schema_pass(shown, doc, schema) {
        SchemaPass::Fits(doc) => doc,
        SchemaPass::Broken(doc, mut problems) => {
            out.diagnostics.append(&mut problems);
            out.broken = Some(doc);
            return out;
        }
    };
    if kind == FileKind::Treatment {
        let mut dates = partial_date_problems(shown, &doc);
        if !dates.is_empty() {
            out.diagnostics.append(&mut dates);
            return out;
        }
    }
    let mut text_problems = text_checks(shown, &doc);
    let clean = clean_bytes && text_problems.is_empty();
    // A number the text checks refused at its value is what serde refuses too, unlocated.
    let number_refused = text_problems.iter().any(|d| {
        d.pointer
            .rsplit('/')
            .next()
            .is_some_and(|k| crate::text::numbers::WHOLE_NUMBER_FIELDS.contains(&k))
    });
    out.diagnostics.append(&mut text_problems);
    match serde_json::from_value::<T>(doc.value.clone()) {
        Ok(item) if clean => {
            out.loaded = Some(Loaded {
                file: shown.to_string(),
                doc,
                item,
            })
        }
        Ok(_) => {}
        Err(_) if number_refused => {}
        Err(e) => out.diagnostics.push(model_error(kind, shown, &doc, &e)),
    }
    out
}

/// Why a file's bytes could not be read: not a regular file, over the size
/// budget, or an error of the system.
pub(super) fn read_error(shown: &str, e: fs::ReadError) -> Diagnostic {
    match e {
        fs::ReadError::NotRegular(kind) => wrong_kind(shown, kind, "a regular file"),
        fs::ReadError::TooLarge(len) => yaml::too_large(shown, len),
        fs::ReadError::Io(e) => Diagnostic::new(
            shown,
            Position::START,
            Code::Unreadable,
            format!("the file could not be read: {e}"),
        )
        .with_help("check the file's permissions"),
    }
}

/// A located error for an entry that is not what content needs there;
/// nothing of a link's target is shown.
pub(super) fn wrong_kind(shown: &str, found: fs::EntryKind, wanted: &str) -> Diagnostic {
    use fs::EntryKind;
    let (code, help) = match found {
        EntryKind::Symlink => (Code::SpecialFile, format!("links are never followed, so content stays inside its tree; replace the link with {wanted}")),
        EntryKind::Fifo | EntryKind::Device | EntryKind::Socket | EntryKind::Other => (Code::SpecialFile, format!("it is not opened (reading it could block or never end); replace it with {wanted}")),
        EntryKind::Dir | EntryKind::File => (Code::Layout, format!("replace it with {wanted}, or move it out of the content folder")),
    };
    Diagnostic::new(
        shown,
        Position::START,
        code,
        format!("this is {}, not {wanted}", found.describe()),
    )
    .with_help(help)
}

/// What the schema pass made of a document.
enum SchemaPass {
    /// It fits its schema (or there is none).
    Fits(Document),
    /// It does not: its errors, and the placeholders and invisible characters
    /// the schema did not already flag.
    Broken(Document, Vec<Diagnostic>),
}

/// Checks a document against its schema, if there is one.
fn schema_pass(shown: &str, doc: Document, schema: Option<&CompiledSchema>) -> SchemaPass {
    let Some(schema) = schema else {
        return SchemaPass::Fits(doc);
    };
    let mut errors = schema.check(shown, &doc);
    if errors.is_empty() {
        return SchemaPass::Fits(doc);
    }
    let flagged: BTreeSet<(usize, usize)> = errors
        .iter()
        .map(|d| (d.start.line, d.start.column))
        .collect();
    errors.extend(
        text_checks(shown, &doc)
            .into_iter()
            .filter(|d| !flagged.contains(&(d.start.line, d.start.column))),
    );
    SchemaPass::Broken(doc, errors)
}

/// Why a document does not fit its model type. Without the schema pass (or
/// with a stale schema) serde is the last line: its message quotes the
/// refused value, so the node that holds it is located.
fn model_error(kind: FileKind, shown: &str, doc: &Document, e: &serde_json::Error) -> Diagnostic {
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
    d
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

/// What reading a kind's schema file gave.
pub(super) struct SchemaRead {
    /// The compiled schema, when it could be read and compiled.
    pub schema: Option<CompiledSchema>,
    /// Why it could not.
    pub problem: Option<Diagnostic>,
    /// A note that is not an error (the committed schema is stale).
    pub note: Option<String>,
    /// A hash of the schema's text (for [`super::cache::Cache`]).
    pub key: u64,
}

/// Reads and compiles the committed schema of `kind` from the folder `dir`.
pub(super) fn read_schema(dir: &Path, kind: FileKind) -> SchemaRead {
    let shown = format!("schema/{}", kind.schema_file());
    let committed = std::fs::read_to_string(dir.join(kind.schema_file()));
    // While the model types change, the committed schema lags until it is
    // regenerated; validating against the types' own schema keeps the
    // regeneration command (which builds this crate) usable meanwhile.
    #[cfg(feature = "schema")]
    let (committed, note) = {
        let fresh = kind.schema_text();
        if committed.as_deref().ok() != Some(fresh.as_str()) {
            (Ok(fresh), Some(format!(
                "{shown} is out of date with the model types; validated against the types' schema. Run `cargo run -p lems-content -- schema`."
            )))
        } else {
            (committed, None)
        }
    };
    #[cfg(not(feature = "schema"))]
    let note = None;
    let failed = |problem: Diagnostic| SchemaRead {
        schema: None,
        problem: Some(problem),
        note: note.clone(),
        key: 0,
    };
    let text = match committed {
        Ok(t) => t,
        Err(e) => {
            return failed(
                Diagnostic::new(
                    shown,
                    Position::START,
                    Code::Layout,
                    format!("the schema could not be read: {e}"),
                )
                .with_help("regenerate the schemas with `cargo run -p lems-content -- schema`"),
            )
        }
    };
    let key = super::cache::key(&[text.as_bytes()]);
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            return failed(
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
            )
        }
    };
    match CompiledSchema::new(value) {
        Ok(s) => SchemaRead {
            schema: Some(s),
            problem: None,
            note,
            key,
        },
        Err(e) => failed(Diagnostic::new(
            shown,
            Position::START,
            Code::Layout,
            format!("the schema is not a valid JSON Schema: {e}"),
        )),
    }
}
