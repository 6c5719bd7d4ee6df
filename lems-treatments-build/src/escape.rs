//! Escaping content for each place it is shown, one function per target:
//! a terminal ([`terminal`], and [`needs_escape_in_json`] for JSON read in
//! one), Markdown ([`markdown`]) and HTML or XHTML ([`html`]). Every output
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
