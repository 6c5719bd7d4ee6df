//! The YAML loader: bytes in, a JSON value plus the source span of every node out.
//!
//! It drives `saphyr-parser`'s event stream directly (rather than building a
//! `saphyr::MarkedYaml` tree) so that it can keep the position of every key,
//! refuse what content must not contain with a located error, and bound depth
//! and alias expansion without recursion. Scalars resolve by the YAML 1.2
//! core schema through `saphyr::Scalar`, so `NO` and `yes` stay text.

use std::borrow::Cow;
use std::collections::BTreeMap;

use saphyr::{Scalar, ScalarStyle, Tag};
use saphyr_parser::{Event, Parser, Span};
use serde_json::{Map, Number, Value};

use crate::diagnostic::{Code, Diagnostic, Position};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Collections nested deeper than this are refused.
pub const MAX_DEPTH: usize = 64;
/// The most nodes that aliases may expand to in one file.
pub const MAX_ALIAS_NODES: usize = 10_000;

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
}

impl Document {
    /// The source text of the node at `pointer`, when it sits on one line.
    pub fn source_of(&self, pointer: &str) -> Option<&str> {
        let span = self.spans.get(pointer)?;
        let (start, end) = span.value;
        if start.line != end.line {
            return None;
        }
        let line = self.source.lines().nth(start.line.checked_sub(1)?)?;
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

/// Characters that are invisible or change text direction: they can hide
/// content from a reviewer (the "Trojan Source" characters), so content may not hold them.
pub fn invisible_char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
        _ => return None,
    })
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

/// Reads a content file's bytes: checks size, encoding and invisible
/// characters, then parses it. Returns the document when it could be parsed,
/// and every problem found either way.
pub fn load_bytes(file: &str, bytes: &[u8]) -> (Option<Document>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if bytes.len() > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::new(
                file,
                Position::START,
                Code::Unreadable,
                format!(
                    "the file is {} bytes, more than the {} bytes a content file may hold",
                    bytes.len(),
                    MAX_FILE_BYTES
                ),
            )
            .with_help("split the content into smaller files, one entity per file"),
        );
        return (None, diags);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            diags.push(
                Diagnostic::new(
                    file,
                    position_of_byte(prefix, valid),
                    Code::Unreadable,
                    format!(
                        "the file is not valid UTF-8 (bad byte 0x{:02X} at byte {valid})",
                        bytes[valid]
                    ),
                )
                .with_help("save the file with UTF-8 encoding"),
            );
            return (None, diags);
        }
    };
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
    // At most this many are reported one by one; the rest are counted.
    const MAX_REPORTED: usize = 20;
    let mut hidden = 0usize;
    for (i, c) in body.char_indices() {
        if let Some(name) = invisible_char_name(c) {
            if diags
                .iter()
                .filter(|d| d.code == Code::InvisibleCharacter)
                .count()
                >= MAX_REPORTED
            {
                hidden += 1;
                continue;
            }
            let start = position_of_byte(body, i);
            diags.push(
                Diagnostic::new(file, start, Code::InvisibleCharacter, format!("invisible or direction-changing character U+{:04X} {name}", c as u32))
                    .until(Position { line: start.line, column: start.column + 1 })
                    .with_help("delete it: it cannot be seen but changes what the text says or how it is shown"),
            );
        }
    }
    if hidden > 0 {
        diags.push(
            Diagnostic::new(file, Position::START, Code::InvisibleCharacter, format!("and {hidden} more invisible or direction-changing characters in this file"))
                .with_help("search the file for them; an editor showing control and invisible characters helps"),
        );
    }
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

enum Frame {
    Seq {
        items: Vec<Value>,
        pointer: String,
        start: Position,
        anchor: usize,
        key: Option<(Position, Position)>,
    },
    Map {
        map: Map<String, Value>,
        pointer: String,
        start: Position,
        anchor: usize,
        key: Option<(Position, Position)>,
        /// The key waiting for its value, with its span.
        pending: Option<(String, (Position, Position))>,
        /// Set when a key was refused: its value is read and dropped.
        skip_value: bool,
    },
}

struct Builder<'f> {
    file: &'f str,
    stack: Vec<Frame>,
    anchors: BTreeMap<usize, (Value, usize)>,
    alias_budget: usize,
    root: Option<Value>,
    spans: BTreeMap<String, NodeSpan>,
    diags: Vec<Diagnostic>,
}

fn count_nodes(v: &Value) -> usize {
    // Iterative, so that no input can exhaust the stack.
    let mut n = 0;
    let mut todo = vec![v];
    while let Some(v) = todo.pop() {
        n += 1;
        match v {
            Value::Array(a) => todo.extend(a.iter()),
            Value::Object(o) => todo.extend(o.values()),
            _ => {}
        }
    }
    n
}

fn is_core_tag(tag: &Tag) -> bool {
    tag.handle == "tag:yaml.org,2002:"
}

fn span_of(span: &Span) -> (Position, Position) {
    (
        Position::from_marker(&span.start),
        Position::from_marker(&span.end),
    )
}

enum Slot {
    Root,
    Key,
    Value(String, Option<(Position, Position)>),
    Skip,
}

impl Builder<'_> {
    fn error(
        &mut self,
        at: (Position, Position),
        code: Code,
        msg: impl Into<String>,
        help: Option<&str>,
    ) {
        let mut d = Diagnostic::new(self.file, at.0, code, msg).until(at.1);
        if let Some(pointer) = self.current_pointer() {
            d = d.at_pointer(pointer);
        }
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    fn current_pointer(&self) -> Option<String> {
        self.stack.last().map(|f| match f {
            Frame::Seq { items, pointer, .. } => format!("{pointer}/{}", items.len()),
            Frame::Map {
                pending: Some((k, _)),
                pointer,
                ..
            } => format!("{pointer}/{}", escape_pointer(k)),
            Frame::Map { pointer, .. } => pointer.clone(),
        })
    }

    /// Where the next node goes.
    fn slot(&self) -> Slot {
        match self.stack.last() {
            None => Slot::Root,
            Some(Frame::Seq { items, pointer, .. }) => {
                Slot::Value(format!("{pointer}/{}", items.len()), None)
            }
            Some(Frame::Map {
                skip_value: true, ..
            }) => Slot::Skip,
            Some(Frame::Map { pending: None, .. }) => Slot::Key,
            Some(Frame::Map {
                pending: Some((k, kspan)),
                pointer,
                ..
            }) => Slot::Value(format!("{pointer}/{}", escape_pointer(k)), Some(*kspan)),
        }
    }

    /// Accepts a finished node.
    fn finish(
        &mut self,
        value: Value,
        at: (Position, Position),
        anchor: usize,
        is_string_scalar: bool,
    ) {
        if anchor != 0 {
            let n = count_nodes(&value);
            self.anchors.insert(anchor, (value.clone(), n));
        }
        match self.slot() {
            Slot::Root => {
                self.spans.insert(
                    String::new(),
                    NodeSpan {
                        value: at,
                        key: None,
                    },
                );
                self.root = Some(value);
            }
            Slot::Skip => {
                if let Some(Frame::Map { skip_value, .. }) = self.stack.last_mut() {
                    *skip_value = false;
                }
            }
            Slot::Key => {
                let key = match (&value, is_string_scalar) {
                    (Value::String(s), true) => Some(s.clone()),
                    _ => None,
                };
                match key {
                    Some(k) => {
                        let duplicate = matches!(self.stack.last(), Some(Frame::Map { map, .. }) if map.contains_key(&k));
                        if duplicate {
                            let first = match self.stack.last() {
                                Some(Frame::Map { pointer, .. }) => self
                                    .spans
                                    .get(&format!("{pointer}/{}", escape_pointer(&k)))
                                    .and_then(|s| s.key),
                                _ => None,
                            };
                            let help = match first {
                                Some((p, _)) => format!(
                                    "the first `{k}` is at line {}, column {}; keep one of them",
                                    p.line, p.column
                                ),
                                None => "keep only one of them".to_string(),
                            };
                            self.error(
                                at,
                                Code::DuplicateKey,
                                format!("the key `{k}` appears twice in the same mapping"),
                                Some(&help),
                            );
                            if let Some(Frame::Map { skip_value, .. }) = self.stack.last_mut() {
                                *skip_value = true;
                            }
                        } else if let Some(Frame::Map { pending, .. }) = self.stack.last_mut() {
                            *pending = Some((k, at));
                        }
                    }
                    None => {
                        let what = describe(&value);
                        self.error(
                            at,
                            Code::UnsupportedYaml,
                            format!("a mapping key must be text, but this key is {what}"),
                            Some("write the key as a plain word, for example `name`; quote it if it looks like a number or true/false"),
                        );
                        if let Some(Frame::Map { skip_value, .. }) = self.stack.last_mut() {
                            *skip_value = true;
                        }
                    }
                }
            }
            Slot::Value(pointer, key) => {
                self.spans.insert(pointer, NodeSpan { value: at, key });
                match self.stack.last_mut() {
                    Some(Frame::Seq { items, .. }) => items.push(value),
                    Some(Frame::Map { map, pending, .. }) => {
                        if let Some((k, _)) = pending.take() {
                            map.insert(k, value);
                        }
                    }
                    None => {}
                }
            }
        }
    }

    fn scalar(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<Cow<'_, Tag>>,
        at: (Position, Position),
    ) {
        if let Some(t) = &tag {
            let nonspecific = t.handle == "!" && t.suffix.is_empty();
            if !nonspecific && !is_core_tag(t) {
                self.error(
                    at,
                    Code::UnsupportedYaml,
                    format!(
                        "the tag `{}{}` is not allowed in content",
                        t.handle, t.suffix
                    ),
                    Some("remove the tag; content is plain text, lists and mappings"),
                );
                self.finish(Value::Null, at, anchor, false);
                return;
            }
        }
        let nonspecific = tag
            .as_ref()
            .is_some_and(|t| t.handle == "!" && t.suffix.is_empty());
        let resolved = if nonspecific {
            Some(Scalar::String(text.clone()))
        } else {
            Scalar::parse_from_cow_and_metadata(text.clone(), style, tag.as_ref())
        };
        let (value, is_string) = match resolved {
            Some(Scalar::Null) => (Value::Null, false),
            Some(Scalar::Boolean(b)) => (Value::Bool(b), false),
            Some(Scalar::Integer(i)) => (Value::Number(i.into()), false),
            Some(Scalar::FloatingPoint(f)) => match Number::from_f64(f.into_inner()) {
                Some(n) => (Value::Number(n), false),
                None => {
                    self.error(
                        at,
                        Code::UnsupportedYaml,
                        format!("`{text}` is read as a number that is not finite (infinity or not-a-number)"),
                        Some("put the text in quotes if it is meant as text"),
                    );
                    (Value::Null, false)
                }
            },
            Some(Scalar::String(s)) => (Value::String(s.into_owned()), true),
            None => {
                let tag_text = tag
                    .as_ref()
                    .map(|t| format!("{}{}", t.handle, t.suffix))
                    .unwrap_or_default();
                self.error(
                    at,
                    Code::UnsupportedYaml,
                    format!("`{text}` does not fit its tag `{tag_text}`"),
                    Some("remove the tag"),
                );
                (Value::Null, false)
            }
        };
        self.finish(value, at, anchor, is_string);
    }

    fn start_collection(
        &mut self,
        seq: bool,
        anchor: usize,
        tag: Option<Cow<'_, Tag>>,
        at: (Position, Position),
    ) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.error(
                at,
                Code::UnsupportedYaml,
                format!("lists and mappings are nested more than {MAX_DEPTH} levels deep"),
                Some("content never needs this much nesting; flatten the structure"),
            );
            return false;
        }
        if let Some(t) = &tag {
            let allowed = (t.handle == "!" && t.suffix.is_empty())
                || (is_core_tag(t) && (t.suffix == "seq" || t.suffix == "map"));
            if !allowed {
                self.error(
                    at,
                    Code::UnsupportedYaml,
                    format!(
                        "the tag `{}{}` is not allowed in content",
                        t.handle, t.suffix
                    ),
                    Some("remove the tag; content is plain text, lists and mappings"),
                );
            }
        }
        let (pointer, key) = match self.slot() {
            Slot::Root => (String::new(), None),
            Slot::Value(p, k) => (p, k),
            Slot::Key => {
                self.error(
                    at,
                    Code::UnsupportedYaml,
                    "a mapping key must be text, but this key is a list or mapping",
                    Some("write the key as a plain word, for example `name`"),
                );
                ("/<complex key>".to_string(), None)
            }
            Slot::Skip => ("/<skipped>".to_string(), None),
        };
        let start = at.0;
        self.stack.push(if seq {
            Frame::Seq {
                items: Vec::new(),
                pointer,
                start,
                anchor,
                key,
            }
        } else {
            Frame::Map {
                map: Map::new(),
                pointer,
                start,
                anchor,
                key,
                pending: None,
                skip_value: false,
            }
        });
        true
    }

    fn end_collection(&mut self, end: Position) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let (value, pointer, start, anchor, key) = match frame {
            Frame::Seq {
                items,
                pointer,
                start,
                anchor,
                key,
            } => (Value::Array(items), pointer, start, anchor, key),
            Frame::Map {
                map,
                pointer,
                start,
                anchor,
                key,
                ..
            } => (Value::Object(map), pointer, start, anchor, key),
        };
        let at = (start, end);
        let complex_key = pointer == "/<complex key>";
        if complex_key {
            // The error was reported at its start; drop the key and its value.
            if let Some(Frame::Map { skip_value, .. }) = self.stack.last_mut() {
                *skip_value = true;
            }
            return;
        }
        let _ = key;
        self.finish(value, at, anchor, false);
    }

    fn alias(&mut self, id: usize, at: (Position, Position)) {
        match self.anchors.get(&id).cloned() {
            Some((value, n)) => {
                if n > self.alias_budget {
                    if self.alias_budget == 0 {
                        // Reported once already.
                        self.finish(Value::Null, at, 0, false);
                        return;
                    }
                    self.error(
                        at,
                        Code::UnsupportedYaml,
                        format!("aliases in this file expand to more than {MAX_ALIAS_NODES} values"),
                        Some("write the values out instead of repeating them through anchors and aliases"),
                    );
                    self.alias_budget = 0;
                    self.finish(Value::Null, at, 0, false);
                } else {
                    self.alias_budget -= n;
                    let is_string = value.is_string();
                    self.finish(value, at, 0, is_string);
                }
            }
            None => {
                self.error(
                    at,
                    Code::YamlSyntax,
                    "an alias refers to an anchor that is not defined before it",
                    None,
                );
                self.finish(Value::Null, at, 0, false);
            }
        }
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty (null)",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// Parses one file's text into a document. All problems come back as located
/// diagnostics; nothing panics, whatever the input.
pub fn parse(file: &str, text: &str) -> Result<Document, Vec<Diagnostic>> {
    let mut b = Builder {
        file,
        stack: Vec::new(),
        anchors: BTreeMap::new(),
        alias_budget: MAX_ALIAS_NODES,
        root: None,
        spans: BTreeMap::new(),
        diags: Vec::new(),
    };
    let mut documents = 0usize;
    let mut parser = Parser::new_from_str(text);
    // Depth beyond MAX_DEPTH: events are still consumed but not built.
    let mut ignored_depth = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(e) => e,
            Err(e) => {
                let at = Position::from_marker(e.marker());
                let info = e.info();
                let help = if info.contains("tab") {
                    Some("indent with spaces, never tabs")
                } else {
                    None
                };
                let mut d = Diagnostic::new(
                    file,
                    at,
                    Code::YamlSyntax,
                    format!("YAML syntax error: {info}"),
                );
                if let Some(h) = help {
                    d = d.with_help(h);
                }
                b.diags.push(d);
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
    }
    if !b.diags.is_empty() {
        return Err(b.diags);
    }
    match b.root {
        None => Err(vec![Diagnostic::new(
            file,
            Position::START,
            Code::UnsupportedYaml,
            "the file holds no content (it is empty or only comments)",
        )
        .with_help("fill it in, or delete the file")]),
        Some(Value::Null) if documents <= 1 && b.spans.len() <= 1 => Err(vec![Diagnostic::new(
            file,
            Position::START,
            Code::UnsupportedYaml,
            "the file holds no content (its only document is empty)",
        )
        .with_help("fill it in, or delete the file")]),
        Some(value) => Ok(Document {
            value,
            spans: b.spans,
            source: text.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Document {
        match parse("t.yaml", text) {
            Ok(d) => d,
            Err(e) => panic!("expected success, got {e:?}"),
        }
    }

    fn err(text: &str) -> Vec<Diagnostic> {
        match parse("t.yaml", text) {
            Ok(d) => panic!("expected an error, got {:?}", d.value),
            Err(e) => e,
        }
    }

    #[test]
    fn yaml_1_2_keeps_no_and_yes_as_text() {
        let d = ok("a: NO\nb: yes\nc: 012\nd: 1e3\ne: '012'\n");
        assert_eq!(d.value["a"], "NO");
        assert_eq!(d.value["b"], "yes");
        assert_eq!(d.value["c"], 12);
        assert_eq!(d.value["d"], 1000.0);
        assert_eq!(d.value["e"], "012");
    }

    #[test]
    fn spans_locate_keys_and_values() {
        let d = ok("id: x\nlist:\n  - one\n  - two\n");
        let s = d.locate("/list/1");
        assert_eq!(s.value.0, Position { line: 4, column: 5 });
        let s = d.locate("/id");
        assert_eq!(s.key.map(|k| k.0), Some(Position { line: 1, column: 1 }));
        assert_eq!(s.value.0, Position { line: 1, column: 5 });
        // Unknown pointers fall back to the nearest ancestor.
        assert_eq!(
            d.locate("/list/1/deeper").value.0,
            Position { line: 4, column: 5 }
        );
    }

    #[test]
    fn duplicate_keys_are_located_at_the_second() {
        let e = err("a: 1\nb: 2\na: 3\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].code, Code::DuplicateKey);
        assert_eq!(e[0].start, Position { line: 3, column: 1 });
        assert!(e[0].help.as_deref().unwrap_or("").contains("line 1"));
    }

    #[test]
    fn empty_and_comment_only_files_are_refused() {
        assert_eq!(err("")[0].code, Code::UnsupportedYaml);
        assert_eq!(err("# just a comment\n")[0].code, Code::UnsupportedYaml);
    }

    #[test]
    fn several_documents_are_refused() {
        let e = err("a: 1\n---\nb: 2\n");
        assert_eq!(e[0].code, Code::UnsupportedYaml);
        assert_eq!(e[0].start.line, 2);
    }

    #[test]
    fn tabs_give_a_syntax_error_with_help() {
        let e = err("a:\n\t- b\n");
        assert_eq!(e[0].code, Code::YamlSyntax);
    }

    #[test]
    fn alias_bombs_are_bounded() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let p = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let e = err(&text);
        assert!(e.iter().any(|d| d.message.contains("aliases")), "{e:?}");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = "- ".repeat(100_000) + "x\n";
        let e = err(&text);
        assert!(e.iter().any(|d| d.message.contains("nested")), "{e:?}");
        let text = "[".repeat(300) + &"]".repeat(300);
        assert!(parse("t.yaml", &text).is_err());
    }

    #[test]
    fn non_text_keys_and_tags_are_refused() {
        assert_eq!(err("1: a\n")[0].code, Code::UnsupportedYaml);
        assert_eq!(err("a: !custom b\n")[0].code, Code::UnsupportedYaml);
        assert_eq!(err("? [a]\n: b\n")[0].code, Code::UnsupportedYaml);
    }

    #[test]
    fn invisible_characters_are_reported_with_a_cap() {
        let text = "- \u{200B}\n".repeat(5000);
        let (doc, d) = load_bytes("t.yaml", text.as_bytes());
        assert!(doc.is_some());
        assert_eq!(d.len(), 21, "20 located, then a count");
        assert!(d[20].message.contains("4980 more"), "{}", d[20].message);
    }

    #[test]
    fn bytes_checks_report_bom_invisible_chars_and_bad_utf8() {
        let (doc, d) = load_bytes("t.yaml", "\u{FEFF}a: b\u{200B}c\n".as_bytes());
        assert!(doc.is_some());
        assert_eq!(d.len(), 2);
        assert_eq!(d[1].start, Position { line: 1, column: 5 });
        let (doc, d) = load_bytes("t.yaml", b"a: b\nc: \xff\n");
        assert!(doc.is_none());
        assert_eq!(d[0].code, Code::Unreadable);
        assert_eq!(d[0].start, Position { line: 2, column: 4 });
    }
}
