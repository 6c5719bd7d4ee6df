//! The reading level each text must meet: which texts patients read (target
//! US grade 8) and which clinicians read (a caution's `explanation`, grade
//! 12), and the warning for a text above its target, with its longest
//! sentence highlighted.

use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Position};
use crate::model::FileKind;
use crate::read::yaml::Document;
use crate::text::readability::{measure, Learned, Measure};

/// Who reads a text, and so the grade it must not exceed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// A patient or carer: at most US grade 8.
    Patient,
    /// A clinician (a caution's `explanation`): at most US grade 12.
    Clinician,
}

impl Audience {
    /// The highest Flesch–Kincaid grade a text for this reader may have.
    pub fn target(self) -> f64 {
        match self {
            Audience::Patient => 8.0,
            Audience::Clinician => 12.0,
        }
    }

    /// Who reads it, in words for messages.
    pub fn reader(self) -> &'static str {
        match self {
            Audience::Patient => "a text patients read",
            Audience::Clinician => "a text for clinicians",
        }
    }
}

/// The texts whose reading level is checked, per kind of file, as JSON
/// pointers (`*` for any list index).
pub const MEASURED: &[(FileKind, &str, Audience)] = &[
    (FileKind::Treatment, "/summary", Audience::Patient),
    (FileKind::Treatment, "/usage/*", Audience::Patient),
    (FileKind::Treatment, "/indication/note", Audience::Patient),
    (
        FileKind::Treatment,
        "/indication/effectiveness",
        Audience::Patient,
    ),
    (
        FileKind::Treatment,
        "/indication/used_less_because",
        Audience::Patient,
    ),
    (
        FileKind::Treatment,
        "/cautions_not_applied/*/reason",
        Audience::Patient,
    ),
    (FileKind::Class, "/description", Audience::Patient),
    (FileKind::Mechanism, "/explanation", Audience::Patient),
    (FileKind::Caution, "/for_the_patient", Audience::Patient),
    (FileKind::Caution, "/explanation", Audience::Clinician),
    (FileKind::Condition, "/summary", Audience::Patient),
    (FileKind::Condition, "/normal_signal", Audience::Patient),
    (FileKind::Condition, "/what_goes_wrong", Audience::Patient),
    (FileKind::Condition, "/treatment_goal", Audience::Patient),
    (
        FileKind::Condition,
        "/associated_cancer/treatment_note",
        Audience::Patient,
    ),
    (FileKind::Disclaimer, "/text", Audience::Patient),
    (
        FileKind::Glossary,
        "/terms/*/explanation",
        Audience::Patient,
    ),
];

/// One measured text of a file.
#[derive(Debug, Clone)]
pub struct Graded {
    /// Its JSON pointer.
    pub pointer: String,
    /// The text.
    pub text: String,
    /// Who reads it.
    pub audience: Audience,
    /// Its measure.
    pub measure: Measure,
}

/// Every measured text of a `kind` file, in the order of [`MEASURED`].
pub fn graded(kind: FileKind, doc: &Document, learned: &Learned) -> Vec<Graded> {
    let mut out = Vec::new();
    for (k, pattern, audience) in MEASURED {
        if *k != kind {
            continue;
        }
        for (pointer, text) in matching(&doc.value, pattern) {
            if let Some(measure) = measure(text, learned) {
                out.push(Graded {
                    pointer,
                    text: text.to_string(),
                    audience: *audience,
                    measure,
                });
            }
        }
    }
    out
}

/// The texts of `value` at `pattern` (`*` matches every index of a list).
fn matching<'a>(value: &'a Value, pattern: &str) -> Vec<(String, &'a str)> {
    let mut found = vec![(String::new(), value)];
    for part in pattern.split('/').skip(1) {
        let mut next = Vec::new();
        for (pointer, v) in found {
            match (part, v) {
                ("*", Value::Array(items)) => next.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| (format!("{pointer}/{i}"), item)),
                ),
                (key, Value::Object(map)) => {
                    if let Some(item) = map.get(key) {
                        next.push((format!("{pointer}/{key}"), item));
                    }
                }
                _ => {}
            }
        }
        found = next;
    }
    found
        .into_iter()
        .filter_map(|(p, v)| v.as_str().map(|s| (p, s)))
        .collect()
}

/// A warning (`W0401`) for every measured text of `file` above its target.
pub fn reading_warnings(
    file: &str,
    kind: FileKind,
    doc: &Document,
    learned: &Learned,
) -> Vec<Diagnostic> {
    graded(kind, doc, learned)
        .into_iter()
        .filter(|g| g.measure.grade > g.audience.target())
        .map(|g| warning(file, doc, &g))
        .collect()
}

fn warning(file: &str, doc: &Document, g: &Graded) -> Diagnostic {
    let span = doc.locate(&g.pointer);
    let (start, end) =
        sentence_span(doc, span.value.0, &g.text, g.measure.longest.clone()).unwrap_or(span.value);
    Diagnostic::new(
        file,
        start,
        Code::ReadingLevel,
        format!(
            "reading level: US grade {:.1} (Flesch–Kincaid), above the target of {} for {}; its longest sentence ({} words) is highlighted",
            g.measure.grade,
            g.audience.target(),
            g.audience.reader(),
            g.measure.longest_words,
        ),
    )
    .until(end)
    .at_pointer(g.pointer.clone())
    .with_help("write shorter sentences with everyday words, keeping every fact and qualifier; a medical term the reader must learn can go in data/glossary.yaml with a plain explanation, and then counts as a short word")
}

/// Where the bytes `range` of the value `text`, which starts at `at` in the
/// file, sit in the source: the value's characters are found in order in
/// the source, a space of the value matching any run of spaces and line
/// breaks (a folded or plain text over several lines), and a few
/// characters of the source skipped (quotes, escapes, a block indicator, indentation).
/// `None` when they cannot be lined up.
fn sentence_span(
    doc: &Document,
    at: Position,
    text: &str,
    range: std::ops::Range<usize>,
) -> Option<(Position, Position)> {
    let line_start = *doc.line_starts.get(at.line.checked_sub(1)?)?;
    let line = doc.source.get(line_start..)?;
    let col = line
        .char_indices()
        .nth(at.column.checked_sub(1)?)
        .map_or(line.len(), |(i, _)| i);
    let mut src = doc
        .source
        .get(line_start + col..)?
        .char_indices()
        .peekable();
    let base = line_start + col;
    let (mut first, mut last) = (None, None);
    for (i, c) in text.char_indices() {
        if i >= range.end {
            break;
        }
        if c.is_whitespace() {
            while src.next_if(|(_, s)| s.is_whitespace()).is_some() {}
            continue;
        }
        let mut skipped = 0;
        let found = loop {
            let (j, s) = src.next()?;
            if s == c {
                break j;
            }
            if s.is_whitespace() {
                continue;
            }
            skipped += 1;
            if skipped > 8 {
                return None;
            }
        };
        if i >= range.start {
            first.get_or_insert(base + found);
            last = Some(base + found + c.len_utf8());
        }
    }
    Some((position(doc, first?)?, position(doc, last?)?))
}

/// The position of the byte `offset` of the source.
fn position(doc: &Document, offset: usize) -> Option<Position> {
    let line = doc.line_starts.partition_point(|&s| s <= offset);
    let start = *doc.line_starts.get(line.checked_sub(1)?)?;
    let column = doc.source.get(start..offset)?.chars().count() + 1;
    Some(Position { line, column })
}
