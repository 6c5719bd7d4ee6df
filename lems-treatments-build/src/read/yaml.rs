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

use crate::chars::invisible_char_name;

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
    let mut diags = Vec::new();
    if bytes.len() > MAX_FILE_BYTES {
        diags.push(too_large(file, bytes.len() as u64));
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
    anchors: BTreeMap<usize, (Value, Cost)>,
    alias_budget: usize,
    /// The cost of each open collection so far, parallel to `stack`.
    costs: Vec<Cost>,
    /// Spent of [`MAX_EXPANDED_BYTES`].
    used: usize,
    /// Set when a budget ran out: the rest of the file is not built.
    stopped: bool,
    root: Option<Value>,
    spans: BTreeMap<String, NodeSpan>,
    diags: Vec<Diagnostic>,
}

/// What a built value costs: its number of values and its bytes (see [`MAX_EXPANDED_BYTES`]).
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    nodes: usize,
    bytes: usize,
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

    /// Spends `bytes` of the file's budget; false (and one located error)
    /// when it runs out, after which nothing more is built.
    fn charge(&mut self, bytes: usize, at: (Position, Position)) -> bool {
        if self.stopped {
            return false;
        }
        match self.used.checked_add(bytes) {
            Some(total) if total <= MAX_EXPANDED_BYTES => {
                self.used = total;
                true
            }
            _ => {
                let mut d = Diagnostic::new(
                    self.file,
                    at.0,
                    Code::TooLarge,
                    format!(
                        "this file grows past {MAX_EXPANDED_BYTES} bytes ({} MiB) once its values, anchors and aliases are expanded; that is the most a content file may expand to",
                        MAX_EXPANDED_BYTES >> 20
                    ),
                )
                .until(at.1)
                .with_help("write the values out instead of repeating them through anchors and aliases, or split the file");
                if let Some(pointer) = self.current_pointer() {
                    d = d.at_pointer(pointer);
                }
                self.diags.push(d);
                self.stopped = true;
                false
            }
        }
    }

    /// Accepts a finished node.
    fn finish(
        &mut self,
        value: Value,
        at: (Position, Position),
        anchor: usize,
        is_string_scalar: bool,
        cost: Cost,
    ) {
        if anchor != 0 {
            // The anchored copy is kept to be repeated: it counts once more.
            if !self.charge(cost.bytes, at) {
                return;
            }
            self.anchors.insert(anchor, (value.clone(), cost));
        }
        if let Some(parent) = self.costs.last_mut() {
            parent.nodes = parent.nodes.saturating_add(cost.nodes);
            parent.bytes = parent.bytes.saturating_add(cost.bytes);
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
                    Some(k) if k.len() > MAX_KEY_BYTES => {
                        self.error(
                            at,
                            Code::UnsupportedYaml,
                            format!("this key is {} bytes long; no field name is longer than {MAX_KEY_BYTES}", k.len()),
                            Some("keys are field names such as `name` or `sources`; check the indentation and the `:`"),
                        );
                        if let Some(Frame::Map { skip_value, .. }) = self.stack.last_mut() {
                            *skip_value = true;
                        }
                    }
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
                // The span and its pointer are kept per value: they count too.
                if !self.charge(pointer.len(), at) {
                    return;
                }
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
        let cost = Cost {
            nodes: 1,
            bytes: text.len().saturating_add(VALUE_COST),
        };
        if !self.charge(cost.bytes, at) {
            return;
        }
        if let Some(t) = &tag {
            let nonspecific = t.handle == "!" && t.suffix.is_empty();
            let core_scalar = is_core_tag(t)
                && matches!(t.suffix.as_str(), "str" | "int" | "float" | "bool" | "null");
            let quoted = !matches!(style, ScalarStyle::Plain);
            if core_scalar && quoted && t.suffix != "str" {
                // YAML would keep the quoted text as text and drop the tag: say so.
                self.error(
                    at,
                    Code::UnsupportedYaml,
                    format!(
                        "the tag `!!{}` is on quoted text, so it would be dropped and the text kept",
                        t.suffix
                    ),
                    Some("remove the tag: quoted text is text (remove the quotes instead if a number or true/false is meant)"),
                );
                self.finish(Value::Null, at, anchor, false, cost);
                return;
            }
            if !nonspecific && !core_scalar {
                self.error(
                    at,
                    Code::UnsupportedYaml,
                    format!(
                        "the tag `{}{}` is not allowed in content",
                        t.handle, t.suffix
                    ),
                    Some("remove the tag; content is plain text, lists and mappings"),
                );
                self.finish(Value::Null, at, anchor, false, cost);
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
        self.finish(value, at, anchor, is_string, cost);
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
                || (is_core_tag(t) && t.suffix == if seq { "seq" } else { "map" });
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
        if !self.charge(VALUE_COST, at) {
            return false;
        }
        let start = at.0;
        self.costs.push(Cost {
            nodes: 1,
            bytes: VALUE_COST,
        });
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
        let cost = self.costs.pop().unwrap_or_default();
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
        self.finish(value, at, anchor, false, cost);
    }

    fn alias(&mut self, id: usize, at: (Position, Position)) {
        let null = Cost {
            nodes: 1,
            bytes: VALUE_COST,
        };
        let Some(cost) = self.anchors.get(&id).map(|(_, c)| *c) else {
            self.error(
                at,
                Code::YamlSyntax,
                "an alias refers to an anchor that is not defined before it",
                None,
            );
            self.finish(Value::Null, at, 0, false, null);
            return;
        };
        if cost.nodes > self.alias_budget {
            if self.alias_budget == 0 {
                // Reported once already.
                self.finish(Value::Null, at, 0, false, null);
                return;
            }
            self.error(
                at,
                Code::UnsupportedYaml,
                format!("aliases in this file expand to more than {MAX_ALIAS_NODES} values"),
                Some("write the values out instead of repeating them through anchors and aliases"),
            );
            self.alias_budget = 0;
            self.finish(Value::Null, at, 0, false, null);
            return;
        }
        // Checked before the copy is made, so a large anchor is never copied past the budget.
        if !self.charge(cost.bytes, at) {
            return;
        }
        self.alias_budget -= cost.nodes;
        let Some(value) = self.anchors.get(&id).map(|(v, _)| v.clone()) else {
            return;
        };
        let is_string = value.is_string();
        self.finish(value, at, 0, is_string, cost);
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

/// The byte offset of the `index`th character of `text` (its end when beyond).
fn byte_of_char(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(i, _)| i)
}

/// A located syntax error with a help that fits it.
fn syntax_error(file: &str, text: &str, marker: &saphyr::Marker, info: &str) -> Diagnostic {
    let at = Position::from_marker(marker);
    let words: Vec<&str> = info.split(|c: char| !c.is_alphanumeric()).collect();
    if info.contains("invalid Unicode character escape") {
        // The parser points at the quoted text; find the escape it refused.
        let from = byte_of_char(text, marker.index());
        let rest = text.get(from..).unwrap_or("");
        let surrogate = rest.match_indices("\\u").find_map(|(i, _)| {
            let hex = rest.get(i + 2..i + 6)?;
            let v = u32::from_str_radix(hex, 16).ok()?;
            (0xD800..=0xDFFF).contains(&v).then_some((i, v))
        });
        if let Some((i, high)) = surrogate {
            let low = rest
                .get(i + 6..i + 12)
                .and_then(|s| s.strip_prefix("\\u"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .filter(|v| (0xDC00..=0xDFFF).contains(v) && (0xD800..=0xDBFF).contains(&high));
            let pos = position_of_byte(text, from + i);
            let (message, help) = match low {
                Some(low) => {
                    let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    (
                        format!("`\\u{high:04X}\\u{low:04X}` is a UTF-16 surrogate pair, which YAML does not accept as an escape"),
                        format!("YAML escapes name the character itself: write `\\U{c:08X}`, or type the character"),
                    )
                }
                None => (
                    format!("`\\u{high:04X}` is half of a UTF-16 surrogate pair, not a character"),
                    "write the character itself, or its code point as `\\UXXXXXXXX`".to_string(),
                ),
            };
            return Diagnostic::new(file, pos, Code::YamlSyntax, message)
                .until(Position {
                    line: pos.line,
                    column: pos.column + if low.is_some() { 12 } else { 6 },
                })
                .with_help(help);
        }
    }
    if let Some(d) = explain_layout(file, text, at, info) {
        return d;
    }
    let help = if words.iter().any(|w| *w == "tab" || *w == "tabs") {
        Some("indent with spaces, never tabs".to_string())
    } else if info.contains("unprintable") {
        let found = text
            .get(byte_of_char(text, marker.index())..)
            .and_then(|r| r.chars().next());
        Some(match found {
            Some(c) => format!(
                "the control character U+{:04X} is not allowed in YAML nor in content, and cannot be seen; delete it",
                c as u32
            ),
            None => "a character that YAML does not allow is here; delete it".to_string(),
        })
    } else {
        None
    };
    let d = Diagnostic::new(
        file,
        at,
        Code::YamlSyntax,
        format!("YAML syntax error: {info}"),
    );
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// The lines of `text` (without line ends) and the indentation (leading
/// spaces) of each.
fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

/// The nearest line above `line` (1-based) that holds something other than a
/// comment: its number, text and indentation.
fn line_above(text: &str, line: usize) -> Option<(usize, &str, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    (1..line).rev().find_map(|n| {
        let l = lines.get(n - 1)?;
        let t = l.trim();
        (!t.is_empty() && !t.starts_with('#')).then(|| (n, *l, indent_of(l)))
    })
}

/// Indentation and layout mistakes, the commonest YAML errors of people new to
/// it, explained in plain words with what to do; the parser's own words follow
/// in brackets. `None` for errors this does not recognise.
fn explain_layout(file: &str, text: &str, at: Position, info: &str) -> Option<Diagnostic> {
    let line_text = text.lines().nth(at.line.checked_sub(1)?).unwrap_or("");
    let indent = indent_of(line_text);
    let parser = format!("(the YAML parser says: {info})");
    if info.contains("tab") {
        // A tab in the indentation: point at the tab itself.
        let tab = line_text.chars().position(|c| c == '\t')?;
        let column = tab + 1;
        let should = line_above(text, at.line).map_or(0, |(_, l, i)| {
            if l.trim_end().ends_with(':') {
                i + 2
            } else {
                i
            }
        });
        return Some(
            Diagnostic::new(
                file,
                Position { line: at.line, column },
                Code::YamlSyntax,
                format!("a tab is used to indent this line; YAML allows only spaces {parser}"),
            )
            .with_help(format!(
                "replace the tab with spaces, so that the line starts at column {} (two spaces per level)",
                should + 1
            )),
        );
    }
    let above = line_above(text, at.line);
    if info.contains("mapping values are not allowed") {
        let trimmed = line_text.trim_start();
        // `key: text: more`: a colon and a space inside unquoted text.
        let colons = trimmed.match_indices(": ").count() + usize::from(trimmed.ends_with(':'));
        if colons >= 2 {
            return Some(
                Diagnostic::new(file, at, Code::YamlSyntax, format!("this text holds `: ` (a colon and a space), which YAML reads as the start of another `key: value` {parser}"))
                    .with_help("put the whole text in double quotes, for example `summary: \"Note: …\"`"),
            );
        }
        if let Some((n, l, i)) = above {
            if indent > i && !l.trim_end().ends_with(':') {
                let key = l
                    .trim()
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches("- ");
                return Some(
                    Diagnostic::new(
                        file,
                        Position { line: at.line, column: indent + 1 },
                        Code::YamlSyntax,
                        format!("this line is indented more than line {n} (`{key}`), which already has a value, so YAML cannot tell what it belongs to {parser}"),
                    )
                    .until(Position { line: at.line, column: line_text.chars().count() + 1 })
                    .with_help(format!(
                        "if it is a field of its own, start it at column {} like line {n}; if it continues the text of line {n}, put that text in quotes",
                        i + 1
                    )),
                );
            }
        }
        return Some(
            Diagnostic::new(file, at, Code::YamlSyntax, format!("a `key: value` is written where YAML did not expect one {parser}"))
                .with_help("check the indentation of this line against the lines above it: fields of the same thing start at the same column"),
        );
    }
    if info.contains("did not find expected key")
        || info.contains("did not find expected '-' indicator")
    {
        // What the line is decides what it should line up with.
        let first = line_text.trim_start();
        let list = first.starts_with("- ")
            || first == "-"
            || (info.contains("'-'") && !first.contains(':'));
        let (n, _, i) = above.unwrap_or((1, "", 0));
        // The indentation the line most likely belongs at: that of the nearest
        // line above with the same kind of entry.
        let lines: Vec<&str> = text.lines().collect();
        let sibling = (1..at.line).rev().find_map(|k| {
            let l = lines.get(k - 1)?;
            let t = l.trim_start();
            let same_kind = if list {
                t.starts_with("- ") || t == "-"
            } else {
                !t.starts_with('-') && t.contains(':') && !t.starts_with('#')
            };
            (same_kind && indent_of(l) != indent).then(|| (k, indent_of(l)))
        });
        let what = if list {
            "a list item (`- …`)"
        } else {
            "a field (`key: value`)"
        };
        let help = match sibling {
            Some((k, c)) => format!("start this line at column {} like line {k}, or check the indentation of the lines above", c + 1),
            None => format!("check that this line lines up with the entries it belongs with (line {n} starts at column {})", i + 1),
        };
        return Some(
            Diagnostic::new(
                file,
                Position { line: at.line, column: indent + 1 },
                Code::YamlSyntax,
                format!("YAML expected {what} here, but this line's indentation (column {}) matches nothing above it {parser}", indent + 1),
            )
            .with_help(help),
        );
    }
    if info.contains("cannot start any token") {
        return Some(
            Diagnostic::new(file, at, Code::YamlSyntax, format!("this value starts with a character that YAML reserves (such as `@`, `` ` `` or `%`) {parser}"))
                .with_help("put the value in double quotes"),
        );
    }
    None
}

/// Directives before the document: only `%YAML 1.2` is accepted, since the
/// loader reads by YAML 1.2 rules; any other version, `%TAG` (content takes no
/// tags) and reserved directives are refused rather than silently ignored.
fn directive_problems(file: &str, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some(directive) = line.strip_prefix('%') else {
            break;
        };
        let directive = directive
            .split_once(" #")
            .map_or(directive, |(d, _)| d)
            .trim();
        let mut words = directive.split_whitespace();
        let name = words.next().unwrap_or("");
        let at = Position {
            line: n + 1,
            column: 1,
        };
        let end = Position {
            line: n + 1,
            column: line.chars().count() + 1,
        };
        let d = match (name, words.next(), words.next()) {
            ("YAML", Some("1.2"), None) => continue,
            ("YAML", version, _) => Diagnostic::new(
                file,
                at,
                Code::UnsupportedYaml,
                format!(
                    "the directive asks for YAML {}, but content is read as YAML 1.2 only",
                    version.unwrap_or("(no version)")
                ),
            )
            .with_help("remove the `%YAML` line (or write `%YAML 1.2`): YAML 1.1 and later versions read some values differently"),
            ("TAG", ..) => Diagnostic::new(
                file,
                at,
                Code::UnsupportedYaml,
                "a `%TAG` directive: content takes no tags",
            )
            .with_help("remove the `%TAG` line and the tags that use it"),
            _ => Diagnostic::new(
                file,
                at,
                Code::UnsupportedYaml,
                format!("the directive `%{name}` is not a YAML 1.2 directive"),
            )
            .with_help("remove the line; only `%YAML 1.2` is accepted"),
        };
        out.push(d.until(end));
    }
    out
}

/// Parses one file's text into a document. All problems come back as located
/// diagnostics; nothing panics, whatever the input.
pub fn parse(file: &str, text: &str) -> Result<Document, Vec<Diagnostic>> {
    let mut b = Builder {
        file,
        stack: Vec::new(),
        anchors: BTreeMap::new(),
        alias_budget: MAX_ALIAS_NODES,
        costs: Vec::new(),
        used: 0,
        stopped: false,
        root: None,
        spans: BTreeMap::new(),
        diags: Vec::new(),
    };
    b.diags.extend(directive_problems(file, text));
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
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            expanded_bytes: b.used.saturating_add(text.len()),
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
    fn tags_are_honoured_exactly_or_refused() {
        let d = ok("a: !!str 012\nb: !!int 12\nc: !!str \"x\"\ne: !!seq [x]\n");
        assert_eq!(d.value["a"], "012");
        assert_eq!(d.value["b"], 12);
        assert_eq!(d.value["c"], "x");
        assert_eq!(d.value["e"][0], "x");
        for text in [
            "a: !!int \"12\"\n",
            "a: !!bool 'true'\n",
            "a: !!binary aGk=\n",
            "a: !!map [x]\n",
            "a: !!str [x]\n",
            "a: ! 12\n",
        ] {
            assert_eq!(err(text)[0].code, Code::UnsupportedYaml, "{text}");
        }
    }

    #[test]
    fn only_yaml_1_2_directives_are_accepted() {
        assert_eq!(ok("%YAML 1.2\n---\na: b\n").value["a"], "b");
        for text in [
            "%YAML 1.1\n---\na: b\n",
            "%YAML 2.0\n---\na: b\n",
            "%TAG !e! tag:x,2000:\n---\na: b\n",
            "%FOO bar\n---\na: b\n",
        ] {
            let e = err(text);
            assert_eq!(e[0].code, Code::UnsupportedYaml, "{text}");
            assert_eq!(e[0].start, Position::START);
        }
    }

    #[test]
    fn a_zero_width_joiner_is_allowed_only_inside_emoji() {
        let (doc, d) = load_bytes(
            "t.yaml",
            "a: \"\u{1F469}\u{200D}\u{2695}\u{FE0F} nurse\"\n".as_bytes(),
        );
        assert!(doc.is_some() && d.is_empty(), "{d:?}");
        let (_, d) = load_bytes(
            "t.yaml",
            "a: \"\u{1F469}\u{1F3FD}\u{200D}\u{1F52C}\"\n".as_bytes(),
        );
        assert!(d.is_empty(), "skin tone before the joiner: {d:?}");
        let (_, d) = load_bytes("t.yaml", "a: \"ab\u{200D}cd\"\n".as_bytes());
        assert_eq!(d.len(), 1);
        assert!(d[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("only between two emoji"));
    }

    #[test]
    fn expansion_is_bounded_in_bytes_not_only_values() {
        let text = format!(
            "a: &a \"{}\"\nb: [{}]\n",
            "x".repeat(200_000),
            vec!["*a"; 60].join(", ")
        );
        let e = err(&text);
        assert_eq!(e[0].code, Code::TooLarge, "{e:?}");
        assert_eq!(e[0].start.line, 2);
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
