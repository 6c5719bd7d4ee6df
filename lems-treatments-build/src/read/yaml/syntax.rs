//! Syntax errors explained: the parser's error located and put in plain words
//! with what to do (tabs, misplaced `key: value`, indentation that matches
//! nothing, reserved characters, surrogate escapes), and the `%` directives
//! content may not use.

use crate::diagnostic::{Code, Diagnostic, Position};

use super::position_of_byte;

/// The byte offset of the `index`th character of `text` (its end when beyond).
fn byte_of_char(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(i, _)| i)
}

/// A located syntax error with a help that fits it.
pub(super) fn syntax_error(
    file: &str,
    text: &str,
    marker: &saphyr::Marker,
    info: &str,
) -> Diagnostic {
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

/// The indentation (leading spaces) of a line.
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
    let layout = Layout {
        file,
        text,
        at,
        info,
        line_text,
        indent: indent_of(line_text),
        parser: format!("(the YAML parser says: {info})"),
    };
    if info.contains("tab") {
        return layout.tab_indent();
    }
    if info.contains("mapping values are not allowed") {
        return Some(layout.unexpected_value());
    }
    if info.contains("did not find expected key")
        || info.contains("did not find expected '-' indicator")
    {
        return Some(layout.unmatched_indent());
    }
    if info.contains("cannot start any token") {
        return Some(layout.reserved_start());
    }
    None
}

/// The line a syntax error is on, for [`explain_layout`].
struct Layout<'a> {
    file: &'a str,
    text: &'a str,
    at: Position,
    info: &'a str,
    line_text: &'a str,
    /// The line's indentation.
    indent: usize,
    /// The parser's own words, in brackets.
    parser: String,
}

impl Layout<'_> {
    /// A tab in the indentation: points at the tab itself. `None` when the
    /// line holds no tab.
    fn tab_indent(&self) -> Option<Diagnostic> {
        let &Layout {
            file,
            text,
            at,
            line_text,
            ref parser,
            ..
        } = self;
        let tab = line_text.chars().position(|c| c == '\t')?;
        let column = tab + 1;
        let should = line_above(text, at.line).map_or(0, |(_, l, i)| {
            if l.trim_end().ends_with(':') {
                i + 2
            } else {
                i
            }
        });
        Some(
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
        )
    }

    /// "mapping values are not allowed": a `: ` inside unquoted text, or a
    /// line indented under one that already has a value.
    fn unexpected_value(&self) -> Diagnostic {
        let &Layout {
            file,
            text,
            at,
            line_text,
            indent,
            ref parser,
            ..
        } = self;
        let trimmed = line_text.trim_start();
        // `key: text: more`: a colon and a space inside unquoted text.
        let colons = trimmed.match_indices(": ").count() + usize::from(trimmed.ends_with(':'));
        if colons >= 2 {
            return Diagnostic::new(file, at, Code::YamlSyntax, format!("this text holds `: ` (a colon and a space), which YAML reads as the start of another `key: value` {parser}"))
                .with_help("put the whole text in double quotes, for example `summary: \"Note: …\"`");
        }
        if let Some((n, l, i)) = line_above(text, at.line) {
            if indent > i && !l.trim_end().ends_with(':') {
                let key = l
                    .trim()
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches("- ");
                return Diagnostic::new(
                    file,
                    Position { line: at.line, column: indent + 1 },
                    Code::YamlSyntax,
                    format!("this line is indented more than line {n} (`{key}`), which already has a value, so YAML cannot tell what it belongs to {parser}"),
                )
                .until(Position { line: at.line, column: line_text.chars().count() + 1 })
                .with_help(format!(
                    "if it is a field of its own, start it at column {} like line {n}; if it continues the text of line {n}, put that text in quotes",
                    i + 1
                ));
            }
        }
        Diagnostic::new(file, at, Code::YamlSyntax, format!("a `key: value` is written where YAML did not expect one {parser}"))
            .with_help("check the indentation of this line against the lines above it: fields of the same thing start at the same column")
    }

    /// "did not find expected key / '-' indicator": a field or list item
    /// whose indentation matches nothing above it.
    fn unmatched_indent(&self) -> Diagnostic {
        let &Layout {
            file,
            text,
            at,
            info,
            line_text,
            indent,
            ref parser,
        } = self;
        // What the line is decides what it should line up with.
        let first = line_text.trim_start();
        let list = first.starts_with("- ")
            || first == "-"
            || (info.contains("'-'") && !first.contains(':'));
        let (n, _, i) = line_above(text, at.line).unwrap_or((1, "", 0));
        let what = if list {
            "a list item (`- …`)"
        } else {
            "a field (`key: value`)"
        };
        let help = match sibling_indent(text, at.line, indent, list) {
            Some((k, c)) => format!("start this line at column {} like line {k}, or check the indentation of the lines above", c + 1),
            None => format!("check that this line lines up with the entries it belongs with (line {n} starts at column {})", i + 1),
        };
        Diagnostic::new(
            file,
            Position { line: at.line, column: indent + 1 },
            Code::YamlSyntax,
            format!("YAML expected {what} here, but this line's indentation (column {}) matches nothing above it {parser}", indent + 1),
        )
        .with_help(help)
    }

    /// "cannot start any token": a value that starts with a reserved character.
    fn reserved_start(&self) -> Diagnostic {
        Diagnostic::new(self.file, self.at, Code::YamlSyntax, format!("this value starts with a character that YAML reserves (such as `@`, `` ` `` or `%`) {}", self.parser))
            .with_help("put the value in double quotes")
    }
}

/// The indentation a line most likely belongs at: that of the nearest line
/// above `line` with the same kind of entry (a list item or a field) and
/// another indentation than `indent`, with that line's number.
fn sibling_indent(text: &str, line: usize, indent: usize, list: bool) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    (1..line).rev().find_map(|k| {
        let l = lines.get(k - 1)?;
        let t = l.trim_start();
        let same_kind = if list {
            t.starts_with("- ") || t == "-"
        } else {
            !t.starts_with('-') && t.contains(':') && !t.starts_with('#')
        };
        (same_kind && indent_of(l) != indent).then(|| (k, indent_of(l)))
    })
}

/// Directives before the document: only `%YAML 1.2` is accepted, since the
/// loader reads by YAML 1.2 rules; any other version, `%TAG` (content takes no
/// tags) and reserved directives are refused rather than silently ignored.
pub(super) fn directive_problems(file: &str, text: &str) -> Vec<Diagnostic> {
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
