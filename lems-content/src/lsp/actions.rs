//! Code actions: the fixes `check` already suggests, as edits. "did you mean
//! `x`?" replaces the word; "start this line at column N" re-indents the
//! line; a file that cites no source (E0204, or E0102 on `sources`) gets
//! one of the sources of `data/sources/` cited.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, Diagnostic, NumberOrString, Range, TextEdit, Url, WorkspaceEdit,
};

use super::documents::{offset_of, position_of, range_of, word_at, Documents};
use lems_treatments_build::FileKind;

/// The most "cite this source" actions offered for one diagnostic.
const MAX_SOURCES_OFFERED: usize = 10;

/// The fixes for `diagnostics` (the editor's, at the cursor) in `text`.
pub fn actions(
    docs: &Documents,
    url: &Url,
    text: &str,
    diagnostics: &[Diagnostic],
) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for d in diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some("lems-content"))
    {
        let help = d.message.split_once("\nhelp: ").map_or("", |(_, h)| h);
        if let Some(word) = between(help, "did you mean `", "`") {
            let range = word_range(text, d.range);
            out.push(action(
                format!("Replace with `{word}`"),
                url,
                d,
                vec![edit(range, word)],
                true,
            ));
        }
        if let Some(column) = indent_column(help) {
            let line_start = offset_of(text, lsp_types::Position::new(d.range.start.line, 0));
            let rest = text.get(line_start..).unwrap_or("");
            let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            let range = range_of(text, line_start, line_start + indent);
            let spaces = " ".repeat(column.saturating_sub(1));
            out.push(action(
                format!("Indent to column {column}"),
                url,
                d,
                vec![edit(range, &spaces)],
                true,
            ));
        }
        if cites_nothing(d) {
            for id in docs
                .ids(FileKind::Source)
                .into_iter()
                .take(MAX_SOURCES_OFFERED)
            {
                let e = cite(text, &id);
                out.push(action(
                    format!("Cite the source `{id}`"),
                    url,
                    d,
                    vec![e],
                    false,
                ));
            }
        }
    }
    out
}

/// A problem of no source: E0204, or the schema's E0102 about `sources`.
fn cites_nothing(d: &Diagnostic) -> bool {
    let code = match &d.code {
        Some(NumberOrString::String(c)) => c.as_str(),
        _ => return false,
    };
    code == "E0204" || (code == "E0102" && d.message.contains("`sources`"))
}

/// The text between `open` and the next `close` after it.
fn between<'t>(text: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let rest = &text[text.find(open)? + open.len()..];
    Some(&rest[..rest.find(close)?]).filter(|w| !w.is_empty())
}

/// The column an indentation help names: "start this line at column N",
/// "so that the line starts at column N", "start it at column N".
fn indent_column(help: &str) -> Option<usize> {
    ["at column ", "starts at column "].iter().find_map(|lead| {
        let i = help.find(lead)?;
        let digits: String = help[i + lead.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok().filter(|&c| c > 0 && c <= 256)
    })
}

/// The word a "did you mean" replaces: the id-like word at the start of the
/// diagnostic (inside quotes when the value is quoted), else its range.
fn word_range(text: &str, range: Range) -> Range {
    let mut s = offset_of(text, range.start);
    if text[s..].starts_with(['"', '\'']) {
        s += 1;
    }
    let (a, b) = word_at(text, s);
    if a == b || a < offset_of(text, range.start) {
        range
    } else {
        range_of(text, a, b)
    }
}

/// An edit citing source `id`: into an empty `sources: []`, or a new `sources:` at the end.
fn cite(text: &str, id: &str) -> TextEdit {
    if let Some(i) = text.find("\nsources: []").map(|i| i + 1) {
        let end = i + "sources: []".len();
        return edit(range_of(text, i, end), &format!("sources:\n  - {id}"));
    }
    let end = position_of(text, text.len());
    let newline = if text.ends_with('\n') || text.is_empty() {
        ""
    } else {
        "\n"
    };
    edit(
        Range::new(end, end),
        &format!("{newline}sources:\n  - {id}\n"),
    )
}

fn edit(range: Range, new_text: &str) -> TextEdit {
    TextEdit {
        range,
        new_text: new_text.to_string(),
    }
}

fn action(
    title: String,
    url: &Url,
    d: &Diagnostic,
    edits: Vec<TextEdit>,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![d.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(url.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: Some(preferred),
        ..Default::default()
    }
}
