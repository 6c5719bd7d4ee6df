//! Escaping content for each place it is shown, one function per target:
//! a terminal ([`terminal`], and [`needs_escape_in_json`] for JSON read in
//! one), Markdown ([`markdown`]), HTML or XHTML ([`html`]) and the Markdown
//! of Rust doc comments ([`rustdoc`]). Every output
//! of both crates escapes through these, so a target is made safe in one
//! place.

/// Whether a character must not reach a terminal as it is: control
/// characters (escape sequences start with one), direction changes and
/// invisible characters.
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || crate::chars::invisible_char_name(c).is_some()
        || crate::chars::not_text_kind(c).is_some()
}

/// Whether JSON output escapes a character beyond what JSON requires: the
/// same set as [`needs_escape`] but the line feed (which `serde_json` already
/// escapes inside strings and uses between them), so a terminal showing the
/// JSON is safe too.
pub fn needs_escape_in_json(c: char) -> bool {
    c != '\n' && needs_escape(c)
}

/// Content text made safe for a terminal: every character for which
/// [`needs_escape`] holds is written as `\u{1b}`, so nothing in content can
/// move the cursor, clear the screen, change the title or hide text.
pub fn terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Where a text stands in a Markdown line, which decides what must be
/// escaped so that a CommonMark parser reads back exactly the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkdownAt<'a> {
    /// The text begins a line of a block (after `- `, `> ` or nothing), where
    /// `#`, `>`, `-`, `+`, `=`, `1.` and leading spaces would start a block.
    pub line_start: bool,
    /// The text ends its block's line, where trailing spaces would be lost.
    pub line_end: bool,
    /// What a newline inside the text becomes: a hard break continuing the
    /// block (`"\\\n"`, `"\\\n  "` in a list item, `"\\\n> "` in a note) or
    /// `"&#10;"` where no line may break (a heading, running text).
    pub newline: &'a str,
    /// Inside an ATX heading: every `#` is escaped (a trailing run would close it).
    pub heading: bool,
    /// Spaces and newlines at both edges become `&#32;`, `&#10;` (inside
    /// `**…**`, a heading), so
    /// emphasis still closes and nothing is trimmed.
    pub guard_edges: bool,
}

impl MarkdownAt<'_> {
    /// Running text inside a line, with a newline written as `&#10;`.
    pub const INLINE: MarkdownAt<'static> = MarkdownAt {
        line_start: false,
        line_end: false,
        newline: "&#10;",
        heading: false,
        guard_edges: false,
    };
}

/// Content text made safe for Markdown inside a line: [`markdown_in`] at
/// [`MarkdownAt::INLINE`].
pub fn markdown(text: &str) -> String {
    markdown_in(text, MarkdownAt::INLINE)
}

/// Content text made safe for Markdown where it stands (`at`): a CommonMark
/// parser (with HTML enabled, and GFM's `~` and `|` too) reads back exactly
/// `text`, a newline as `at.newline` says. Escaped with a backslash: always
/// `` \ ` * [ ] < ~ | ``; `_` unless between two letters or digits; `&` before a
/// letter, digit, `#` or the end; `#` at a line start or in a heading; `>`,
/// `-`, `+`, `=` and the `.` or `)` after up to nine digits at a line start.
/// Spaces and tabs at a line's edges are written `&#32;`/`&#9;`. Hidden
/// characters (controls but tab and newline, direction changes, invisible
/// characters, which `check` refuses) are made visible as for a [`terminal`].
/// Ordinary text ("(source: X), 2 mg") is left as it is.
pub fn markdown_in(text: &str, at: MarkdownAt<'_>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let breaks_line = at.newline.ends_with('\n') || at.newline.ends_with(' ');
    let mut line_begin = at.line_start.then_some(0);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let starts = line_begin == Some(i);
        let edge = at.guard_edges && (i == 0 || next.is_none());
        if c == '\n' {
            if (next.is_none() && at.line_end) || edge {
                out.push_str("&#10;");
            } else {
                out.push_str(at.newline);
            }
            line_begin = breaks_line.then_some(i + 1);
            continue;
        }
        let ends = next == Some('\n') || (next.is_none() && at.line_end);
        if c == ' ' || c == '\t' {
            if starts || ends || edge {
                out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
            } else {
                out.push(c);
            }
            continue;
        }
        if edge && c.is_whitespace() {
            out.push_str(&format!("&#{};", u32::from(c)));
            continue;
        }
        if needs_escape(c) {
            out.push_str(&format!("\\\\u{{{:x}}}", c as u32));
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        if needs_backslash(c, prev, next, starts, at.heading) || numbered(&chars, i, line_begin) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether a Markdown character must be backslash-escaped here.
fn needs_backslash(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    starts: bool,
    heading: bool,
) -> bool {
    let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    match c {
        '\\' | '`' | '*' | '[' | ']' | '<' | '~' | '|' => true,
        '_' => !(alnum(prev) && alnum(next)),
        '&' => next.is_none_or(|n| n.is_ascii_alphanumeric() || n == '#'),
        '#' => starts || heading,
        '>' | '-' | '+' | '=' => starts,
        _ => false,
    }
}

/// Whether `chars[i]` is the `.` or `)` of an ordered-list marker: one to
/// nine digits from the start of a line.
fn numbered(chars: &[char], i: usize, line_begin: Option<usize>) -> bool {
    let Some(b) = line_begin else { return false };
    matches!(chars[i], '.' | ')')
        && (1..=9).contains(&(i.saturating_sub(b)))
        && b < i
        && chars[b..i].iter().all(char::is_ascii_digit)
}

/// Content text as a Markdown code span (`` `…` ``): a fence longer than any
/// run of backticks inside, padded with a space when the code starts or ends
/// with a backtick or a space (and is not all spaces); a newline ends one span and starts another
/// after `at.newline` (a span cannot hold one), or `&#10;` when it ends the
/// block. Empty code writes nothing.
pub fn markdown_code(code: &str, at: MarkdownAt<'_>) -> String {
    let mut out = String::new();
    let last = code.split('\n').count() - 1;
    for (n, piece) in code.split('\n').enumerate() {
        if n > 0 && n == last && piece.is_empty() && at.line_end {
            // A hard break cannot end a block.
            out.push_str("&#10;");
        } else if n > 0 {
            out.push_str(at.newline);
        }
        if piece.is_empty() {
            continue;
        }
        let piece: String = piece
            .chars()
            .map(|c| match c {
                c if c != '\t' && needs_escape(c) => format!("\\u{{{:x}}}", c as u32),
                c => c.to_string(),
            })
            .collect();
        let longest = piece.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest + 1);
        // A parser strips one space at each end unless the code is all spaces.
        let pad = (piece.starts_with(['`', ' ']) || piece.ends_with(['`', ' ']))
            && !piece.chars().all(|c| c == ' ');
        let pad = if pad { " " } else { "" };
        out.push_str(&format!("{fence}{pad}{piece}{pad}{fence}"));
    }
    out
}

/// Whether a character may not stand in XML 1.0 (or HTML) text as it is:
/// the hidden characters of [`needs_escape`] but tab and newline, and
/// U+FFFE, U+FFFF.
fn needs_escape_in_html(c: char) -> bool {
    (c != '\n' && c != '\t' && needs_escape(c)) || c == '\u{fffe}' || c == '\u{ffff}'
}

/// Text escaped for HTML (and XHTML) element content and quoted attributes:
/// `&`, `<`, `>`, `"` and `'`; a character XML forbids or that hides text
/// (see [`needs_escape`]) is made visible as `\u{…}`, so the output is
/// always well-formed XML.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if needs_escape_in_html(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// Content text as the Markdown of a Rust doc comment that rustdoc shows
/// exactly as written: never a code block or doctest (fenced or indented),
/// a link of any kind, HTML, an entity, emphasis, a heading, a list, a
/// quote, a table or a footnote, whatever the text holds.
///
/// - Every ASCII punctuation character that Markdown (with every extension
///   rustdoc enables, smart punctuation included) may read as markup is
///   escaped with a backslash, and an escaped one is always shown as
///   itself. Left as they are, to keep the generated source readable:
///   `, ; ? % @ / (`, which mean nothing without a `<`, `[`, `]` or `&`
///   (all escaped); a full stop that follows no digit or full stop and
///   precedes no full stop; a hyphen inside a line and beside no hyphen; a
///   `)` after no digit.
/// - Spaces at the start or end of a line and every tab are written as
///   character references (`&#32;`, `&#9;`): the line shows them, and they
///   can neither indent a code block nor make a hard break.
/// - Lines stay lines: every line break but the last ones is a hard break
///   (a backslash at the end of the line), so no line can start a block
///   and an empty line is an empty line, not a new paragraph. Line breaks at
///   the very end are not rendered (Markdown cannot show them).
/// - What [`terminal`] makes visible (controls, direction changes, invisible
///   characters; rustc refuses some of them in a comment) is shown as its
///   `\u{…}` code, as for a terminal, so nothing is hidden.
pub fn rustdoc(text: &str) -> String {
    let text = text.trim_end_matches('\n');
    let mut out = String::with_capacity(text.len() + text.len() / 4 + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\\\n");
        }
        let edge = |c: char| c == ' ' || c == '\t';
        let start = line.len() - line.trim_start_matches(edge).len();
        let end = line.trim_end_matches(edge).len().max(start);
        let mut previous = None;
        let mut chars = line.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            match c {
                '\t' => out.push_str("&#9;"),
                ' ' if at < start || at >= end => out.push_str("&#32;"),
                // A full stop means something only after a number (`1.`
                // starts a list) or beside another (`...` is an ellipsis).
                '.' if !matches!(previous, Some('0'..='9' | '.')) && next != Some('.') => {
                    out.push('.');
                }
                // A hyphen means something only first on a line (a list, a
                // rule, a heading's underline) or beside another (`--` is a
                // dash); a closing parenthesis only after a number (`1)`).
                '-' if at != start && previous != Some('-') && next != Some('-') => {
                    out.push('-');
                }
                ')' if !matches!(previous, Some('0'..='9')) => out.push(')'),
                ',' | ';' | '?' | '%' | '@' | '/' | '(' => out.push(c),
                c if c.is_ascii_punctuation() => {
                    out.push('\\');
                    out.push(c);
                }
                c if needs_escape(c) => {
                    out.push_str(&format!("\\\\u\\{{{:x}\\}}", c as u32));
                }
                c => out.push(c),
            }
            previous = Some(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_shows_what_would_drive_a_terminal() {
        assert_eq!(
            terminal("a\u{1b}[2Jb\u{202e}c\nd"),
            "a\\u{1b}[2Jb\\u{202e}c\\u{a}d"
        );
        assert!(matches!(terminal("plain é"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_escapes_its_punctuation_and_hidden_characters() {
        assert_eq!(
            markdown("2*5 [x] <b> a_b _c &amp; & \u{1b}"),
            "2\\*5 \\[x\\] \\<b> a_b \\_c \\&amp; & \\\\u{1b}"
        );
    }

    #[test]
    fn html_escapes_text_and_both_quotes() {
        assert_eq!(
            html("<a href=\"x\">'&'"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;"
        );
    }
}
