//! The YAML reader: bytes in, a JSON value plus the source span of every node out.
//!
//! It drives `saphyr-parser`'s event stream directly (rather than building a
//! `saphyr::MarkedYaml` tree) so that it can keep the position of every key,
//! refuse what content must not contain with a located error, and bound depth
//! and alias expansion without recursion. Scalars resolve by the YAML 1.2
//! core schema through `saphyr::Scalar`, so `NO` and `yes` stay text. This
//! file holds the limits, the [`Document`] and the two entries ([`load_bytes`],
//! [`parse`]); `builder` turns events into values with their spans, `syntax`
//! explains syntax errors and refuses directives.

mod builder;
mod syntax;

use std::collections::BTreeMap;

use saphyr_parser::{Event, Parser};
use serde_json::Value;

use crate::chars::invisible_char_name;
use crate::diagnostic::{Code, Diagnostic, Position};
use builder::{span_of, Builder};
use syntax::{directive_problems, syntax_error};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Collections nested deeper than this are refused.
pub const MAX_DEPTH: usize = 64;
/// The most nodes that aliases may expand to in one file.
pub const MAX_ALIAS_NODES: usize = 10_000;
/// The most a file may grow to once its anchors and aliases are expanded,
/// in bytes: the text of every key and value, plus [`VALUE_COST`] for each
/// value, plus the bookkeeping kept per value (its JSON pointer). Anchored
/// values count once more (they are kept to be repeated). Memory of the loader
/// is linear in this figure, so no file under [`MAX_FILE_BYTES`] can grow to gigabytes.
pub const MAX_EXPANDED_BYTES: usize = 8 * 1024 * 1024;
/// What each value costs against [`MAX_EXPANDED_BYTES`] on top of its text.
pub const VALUE_COST: usize = 32;
/// Keys longer than this are refused (every field name is short); it keeps
/// the JSON pointers of nested values small.
pub const MAX_KEY_BYTES: usize = 128;

/// Where a node sits in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeSpan {
    /// The value's start and end.
    pub value: (Position, Position),
    /// The key's start and end, when the node is the value of a mapping entry.
    pub key: Option<(Position, Position)>,
}

/// A parsed file: its value, and a span for every JSON pointer in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file's content as JSON.
    pub value: Value,
    /// The span of every node, by JSON pointer (`""` is the root).
    pub spans: BTreeMap<String, NodeSpan>,
    /// The source text, to quote the editor's own words back in messages.
    pub source: String,
    /// The byte offset where each line of `source` starts.
    pub line_starts: Vec<usize>,
    /// What the file cost against [`MAX_EXPANDED_BYTES`].
    pub expanded_bytes: usize,
}

impl Document {
    /// The source text of the node at `pointer`, when it sits on one line.
    pub fn source_of(&self, pointer: &str) -> Option<&str> {
        let span = self.spans.get(pointer)?;
        let (start, end) = span.value;
        if start.line != end.line {
            return None;
        }
        let from = *self.line_starts.get(start.line.checked_sub(1)?)?;
        let rest = self.source.get(from..)?;
        let line = rest.lines().next()?;
        let from = line.char_indices().nth(start.column - 1).map(|(i, _)| i)?;
        let to = line
            .char_indices()
            .nth(end.column - 1)
            .map_or(line.len(), |(i, _)| i);
        line.get(from..to).map(str::trim_end)
    }

    /// The JSON pointer of the innermost node whose span holds `pos`.
    pub fn pointer_at(&self, pos: Position) -> String {
        self.spans
            .iter()
            .filter(|(_, s)| s.value.0 <= pos && pos <= s.value.1)
            .max_by_key(|(p, _)| p.len())
            .map(|(p, _)| p.clone())
            .unwrap_or_default()
    }

    /// The span of the node at `pointer`, or of its nearest ancestor that has one.
    pub fn locate(&self, pointer: &str) -> NodeSpan {
        let mut p = pointer;
        loop {
            if let Some(span) = self.spans.get(p) {
                return *span;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => {
                    return NodeSpan {
                        value: (Position::START, Position::START),
                        key: None,
                    }
                }
            }
        }
    }
}

/// Escapes one JSON-pointer segment (RFC 6901).
pub fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Visits every value under `root` (itself included) with its JSON pointer
/// and, for a mapping's value, its key: the one walk of a file's values that
/// the per-value checks share. Depth is bounded by the reader's nesting limit.
pub fn each_value<'v>(
    root: &'v serde_json::Value,
    mut visit: impl FnMut(&str, Option<&'v str>, &'v serde_json::Value),
) {
    let mut todo: Vec<(String, Option<&str>, &serde_json::Value)> =
        vec![(String::new(), None, root)];
    while let Some((pointer, key, v)) = todo.pop() {
        visit(&pointer, key, v);
        match v {
            serde_json::Value::Array(items) => todo.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("{pointer}/{i}"), None, x)),
            ),
            serde_json::Value::Object(map) => todo.extend(map.iter().map(|(k, x)| {
                (
                    format!("{pointer}/{}", escape_pointer(k)),
                    Some(k.as_str()),
                    x,
                )
            })),
            _ => {}
        }
    }
}

/// Whether `c` is an emoji-like pictograph, for the one place a zero-width
/// joiner is allowed: between two of them, as in 👩‍⚕️.
fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x21AA
        | 0x2300..=0x23FF | 0x24C2 | 0x25A0..=0x27BF | 0x2934 | 0x2935
        | 0x2B00..=0x2BFF | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x1F000..=0x1FAFF)
}

/// Emoji modifiers that may sit between a pictograph and a joiner:
/// the emoji variation selector and the skin tones.
fn is_emoji_modifier(c: char) -> bool {
    c == '\u{FE0F}' || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// Whether the zero-width joiner at byte `i` of `text` joins two emoji.
fn joins_emoji(text: &str, i: usize) -> bool {
    let before = text[..i]
        .chars()
        .rev()
        .find(|c| !is_emoji_modifier(*c))
        .is_some_and(is_pictographic);
    let after = text[i..].chars().nth(1).is_some_and(is_pictographic);
    before && after
}

/// An invisible character's name, or `None` when `c` at byte `i` of `text`
/// is allowed there (a zero-width joiner inside an emoji sequence).
pub fn invisible_at(text: &str, i: usize, c: char) -> Option<&'static str> {
    if c == '\u{200D}' && joins_emoji(text, i) {
        return None;
    }
    invisible_char_name(c)
}

/// The 1-based line and column of a byte offset in `text`.
fn position_of_byte(text: &str, byte: usize) -> Position {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

/// The error for a file over [`MAX_FILE_BYTES`].
pub fn too_large(file: &str, len: u64) -> Diagnostic {
    Diagnostic::new(
        file,
        Position::START,
        Code::Unreadable,
        format!(
            "the file is {len} bytes, more than the {MAX_FILE_BYTES} bytes a content file may hold"
        ),
    )
    .with_help("split the content into smaller files, one entity per file")
}

/// Reads a content file's bytes: checks size, encoding and invisible
/// characters, then parses it. Returns the document when it could be parsed,
/// and every problem found either way.
pub fn load_bytes(file: &str, bytes: &[u8]) -> (Option<Document>, Vec<Diagnostic>) {
    if bytes.len() > MAX_FILE_BYTES {
        return (None, vec![too_large(file, bytes.len() as u64)]);
    }
    let text = match decode(file, bytes) {
        Ok(text) => text,
        Err(unreadable) => return (None, unreadable),
    };
    let mut diags = Vec::new();
    let mut body = text;
    if let Some(rest) = text.strip_prefix('\u{FEFF}') {
        diags.push(
            Diagnostic::new(
                file,
                Position::START,
                Code::InvisibleCharacter,
                "the file starts with a byte order mark (BOM)",
            )
            .with_help("save the file as UTF-8 without BOM"),
        );
        body = rest;
    }
    diags.extend(invisible_characters(file, body));
    match parse(file, body) {
        Ok(doc) => {
            for d in &mut diags {
                if d.code == Code::InvisibleCharacter && d.start != Position::START {
                    d.pointer = doc.pointer_at(d.start);
                }
            }
            (Some(doc), diags)
        }
        Err(mut more) => {
            diags.append(&mut more);
            (None, diags)
        }
    }
}

/// The bytes as text, or where they stop being UTF-8 (one diagnostic).
fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, Vec<Diagnostic>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = e.valid_up_to();
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let d = Diagnostic::new(
            file,
            position_of_byte(prefix, valid),
            Code::Unreadable,
            format!(
                "the file is not valid UTF-8 (bad byte 0x{:02X} at byte {valid})",
                bytes[valid]
            ),
        )
        .with_help("save the file with UTF-8 encoding");
        vec![d]
    })
}

/// Every invisible or direction-changing character of `body`: the first ones
/// one by one, the rest counted in one more diagnostic.
fn invisible_characters(file: &str, body: &str) -> Vec<Diagnostic> {
    // At most this many are reported one by one; the rest are counted.
    const MAX_REPORTED: usize = 20;
    let mut diags = Vec::new();
    let mut hidden = 0usize;
    let mut reported = 0usize;
    for (i, c) in body.char_indices() {
        if let Some(name) = invisible_at(body, i, c) {
            if reported >= MAX_REPORTED {
                hidden += 1;
                continue;
            }
            reported += 1;
            let start = position_of_byte(body, i);
            diags.push(
                Diagnostic::new(file, start, Code::InvisibleCharacter, format!("invisible or direction-changing character U+{:04X} {name}", c as u32))
                    .until(Position { line: start.line, column: start.column + 1 })
                    .with_help(if c == '\u{200D}' {
                        "delete it: a zero-width joiner is allowed only between two emoji (as in a profession emoji), where it joins them into one picture"
                    } else {
                        "delete it: it cannot be seen but changes what the text says or how it is shown"
                    }),
            );
        }
    }
    if hidden > 0 {
        diags.push(
            Diagnostic::new(file, Position::START, Code::InvisibleCharacter, format!("and {hidden} more invisible or direction-changing characters in this file"))
                .with_help("search the file for them; an editor showing control and invisible characters helps"),
        );
    }
    diags
}

/// Parses one file's text into a document. All problems come back as located
/// diagnostics; nothing panics, whatever the input.
pub fn parse(file: &str, text: &str) -> Result<Document, Vec<Diagnostic>> {
    let mut b = Builder::new(file);
    b.diags.extend(directive_problems(file, text));
    let documents = read_events(&mut b, text);
    if !b.diags.is_empty() {
        return Err(b.diags);
    }
    let no_content = |why: &str| {
        Err(vec![Diagnostic::new(
            file,
            Position::START,
            Code::UnsupportedYaml,
            format!("the file holds no content ({why})"),
        )
        .with_help("fill it in, or delete the file")])
    };
    match b.root {
        None => no_content("it is empty or only comments"),
        Some(Value::Null) if documents <= 1 && b.spans.len() <= 1 => {
            no_content("its only document is empty")
        }
        Some(value) => Ok(Document {
            value,
            spans: b.spans,
            source: text.to_string(),
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            expanded_bytes: b.used.saturating_add(text.len()),
        }),
    }
}

/// Feeds the parser's events to the builder until the stream ends, a second
/// document starts, a syntax error or a spent budget stops it. Returns how
/// many documents started.
fn read_events(b: &mut Builder<'_>, text: &str) -> usize {
    let file = b.file;
    let mut documents = 0usize;
    let mut parser = Parser::new_from_str(text);
    // Depth beyond MAX_DEPTH: events are still consumed but not built.
    let mut ignored_depth = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(e) => e,
            Err(e) => {
                b.diags.push(syntax_error(file, text, e.marker(), e.info()));
                break;
            }
        };
        let at = span_of(&span);
        if ignored_depth > 0 {
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => ignored_depth += 1,
                Event::SequenceEnd | Event::MappingEnd => ignored_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => {}
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    b.diags.push(
                        Diagnostic::new(file, at.0, Code::UnsupportedYaml, "a content file holds one YAML document, but a second one starts here")
                            .with_help("remove the `---` line and what follows, or move it to a file of its own"),
                    );
                    break;
                }
            }
            Event::Scalar(text, style, anchor, tag) => b.scalar(text, style, anchor, tag, at),
            Event::Alias(id) => b.alias(id, at),
            Event::SequenceStart(anchor, tag) => {
                if !b.start_collection(true, anchor, tag, at) {
                    ignored_depth = 1;
                }
            }
            Event::MappingStart(anchor, tag) => {
                if !b.start_collection(false, anchor, tag, at) {
                    ignored_depth = 1;
                }
            }
            Event::SequenceEnd | Event::MappingEnd => b.end_collection(at.1),
        }
        if b.stopped {
            break;
        }
    }
    documents
}

#[cfg(test)]
mod tests;
