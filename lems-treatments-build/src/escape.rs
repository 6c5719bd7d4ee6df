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
    c.is_control() || crate::chars::invisible_char_name(c).is_some()
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

/// Content text made safe for Markdown: hidden characters made visible as
/// for a [`terminal`], then every character Markdown gives a meaning
/// (`` \ ` * _ [ ] < > | ~ ``) escaped with a backslash.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in terminal(text).chars() {
        if "\\`*_[]<>|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text escaped for HTML (and XHTML) element content and quoted attributes:
/// `&`, `<`, `>`, `"` and `'`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
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
            markdown("2*5 [x] <b> a_b \u{1b}"),
            "2\\*5 \\[x\\] \\<b\\> a\\_b \\\\u{1b}"
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
