//! The span-keeping builder: turns the parser's events into a JSON value,
//! recording the span of every node by JSON pointer, and refuses what content
//! must not hold (tags, non-text or duplicate keys, excess depth, alias and
//! expansion bombs) with located diagnostics.

use std::borrow::Cow;
use std::collections::BTreeMap;

use saphyr::{Scalar, ScalarStyle, Tag};
use saphyr_parser::Span;
use serde_json::{Map, Number, Value};

use super::{
    escape_pointer, NodeSpan, MAX_ALIAS_NODES, MAX_DEPTH, MAX_EXPANDED_BYTES, MAX_KEY_BYTES,
    VALUE_COST,
};
use crate::diagnostic::{Code, Diagnostic, Position};

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

/// The state of one file's build: the open collections, the anchors, the
/// budgets, and what is built so far.
pub(super) struct Builder<'f> {
    pub(super) file: &'f str,
    stack: Vec<Frame>,
    anchors: BTreeMap<usize, (Value, Cost)>,
    alias_budget: usize,
    /// The cost of each open collection so far, parallel to `stack`.
    costs: Vec<Cost>,
    /// Spent of [`MAX_EXPANDED_BYTES`].
    pub(super) used: usize,
    /// Set when a budget ran out: the rest of the file is not built.
    pub(super) stopped: bool,
    pub(super) root: Option<Value>,
    pub(super) spans: BTreeMap<String, NodeSpan>,
    pub(super) diags: Vec<Diagnostic>,
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

pub(super) fn span_of(span: &Span) -> (Position, Position) {
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

impl<'f> Builder<'f> {
    /// A builder for `file` with nothing built and every budget unspent.
    pub(super) fn new(file: &'f str) -> Self {
        Builder {
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
        }
    }

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

    /// Accepts a finished node: keeps it for its anchor, adds its cost to
    /// its parent's, and puts it where the next node goes.
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
            Slot::Skip => self.skip_next_value(false),
            Slot::Key => self.key(value, at, is_string_scalar),
            Slot::Value(pointer, key) => self.value(value, at, pointer, key),
        }
    }

    /// Marks whether the open mapping's next value is read and dropped.
    fn skip_next_value(&mut self, skip: bool) {
        if let Some(Frame::Map { skip_value, .. }) = self.stack.last_mut() {
            *skip_value = skip;
        }
    }

    /// A node read as a mapping key: a short text becomes the pending key;
    /// anything else is refused and its value skipped.
    fn key(&mut self, value: Value, at: (Position, Position), is_string_scalar: bool) {
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
                self.skip_next_value(true);
            }
            Some(k) => {
                let duplicate = matches!(self.stack.last(), Some(Frame::Map { map, .. }) if map.contains_key(&k));
                if duplicate {
                    self.duplicate_key(&k, at);
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
                self.skip_next_value(true);
            }
        }
    }

    /// A key the open mapping already has: refused where the first one is
    /// named, and its value skipped.
    fn duplicate_key(&mut self, k: &str, at: (Position, Position)) {
        let first = match self.stack.last() {
            Some(Frame::Map { pointer, .. }) => self
                .spans
                .get(&format!("{pointer}/{}", escape_pointer(k)))
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
        self.skip_next_value(true);
    }

    /// A node read as a value: its span is kept under `pointer` and it joins
    /// the open list or mapping.
    fn value(
        &mut self,
        value: Value,
        at: (Position, Position),
        pointer: String,
        key: Option<(Position, Position)>,
    ) {
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

    pub(super) fn scalar(
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

    pub(super) fn start_collection(
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

    pub(super) fn end_collection(&mut self, end: Position) {
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
            self.skip_next_value(true);
            return;
        }
        let _ = key;
        self.finish(value, at, anchor, false, cost);
    }

    pub(super) fn alias(&mut self, id: usize, at: (Position, Position)) {
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
