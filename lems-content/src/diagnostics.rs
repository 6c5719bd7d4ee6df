//! `check`'s output: rustc-style diagnostics (rendered by `annotate-snippets`,
//! the renderer rustc uses) and the same diagnostics as one JSON document.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use lems_treatments_build::escape::{needs_escape, needs_escape_in_json, terminal};
use lems_treatments_build::{Diagnostic, Paths, Report};
use serde_json::json;

/// At most this many characters of a source line are shown around a problem.
const WINDOW: usize = 160;

/// One source line prepared for a snippet: the visible text of a window of
/// the line around the problem, and the byte span to underline in it.
struct Excerpt {
    text: String,
    span: std::ops::Range<usize>,
}

/// Cuts the problem's line out of `text` (found through `line_starts`, so each
/// diagnostic costs only its own line), keeps a window of it around the
/// problem, and makes every control, escape or direction-changing character
/// visible (`\u{1b}`), moving the underline with it.
fn excerpt(text: &str, line_starts: &[usize], d: &Diagnostic) -> Option<Excerpt> {
    let from = *line_starts.get(d.start.line.checked_sub(1)?)?;
    let rest = text.get(from..)?;
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let line = line.strip_suffix('\r').unwrap_or(line);
    let start_col = d.start.column.saturating_sub(1);
    let end_col = match d.end {
        Some(end) if end.line == d.start.line && end.column > d.start.column => end.column - 1,
        _ => start_col + 1,
    };
    let first = start_col.saturating_sub(WINDOW / 2);
    let last = end_col.min(start_col + WINDOW / 2).max(start_col + 1) + WINDOW / 2;
    let mut out = String::new();
    let mut start = None;
    let mut end = None;
    if first > 0 {
        out.push('…');
    }
    for (i, c) in line.chars().enumerate().skip(first) {
        if i == start_col {
            start = Some(out.len());
        }
        if i == end_col {
            end = Some(out.len());
        }
        if i >= last {
            out.push('…');
            break;
        }
        if needs_escape(c) || c == '\t' {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    let start = start.unwrap_or(out.len());
    let mut span = start..end.unwrap_or(out.len()).max(start);
    if span.is_empty() {
        // At least one character, when there is one.
        span.end = out[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    Some(Excerpt { text: out, span })
}

/// The renderer computes the column of `--> file:line:col` from the quoted
/// text, which may be cut to a window or have escapes before the problem: put
/// the diagnostic's own column back, so the location is always the true one.
fn true_column(rendered: String, file: &str, d: &Diagnostic) -> String {
    let head = format!("{file}:{}:", d.start.line);
    let Some(at) = rendered.find(&head) else {
        return rendered;
    };
    let from = at + head.len();
    let digits = rendered[from..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rendered.len() - from);
    format!(
        "{}{}{}",
        &rendered[..from],
        d.start.column,
        &rendered[from + digits..]
    )
}

/// The byte offset where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// How many warnings of each code, most first (`40 W0302, 1 W0301`): a new
/// kind of warning shows in the last line even among many of another.
fn warning_counts(report: &Report) -> String {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for w in &report.warnings {
        *counts.entry(w.code.as_str()).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
        .iter()
        .map(|(code, n)| format!("{n} {code}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one-line summary that ends every `check`.
pub fn summary(report: &Report) -> String {
    match &report.content {
        Some(c) if report.diagnostics.is_empty() => {
            let w = report.warnings.len();
            format!(
                "{} treatments, {} mechanisms, {} cautions, {} classes, {} sources: ok{}",
                c.treatments.len(),
                c.mechanisms.len(),
                c.cautions.len(),
                c.classes.len(),
                c.sources.len(),
                match w {
                    0 => String::new(),
                    1 => format!(" (1 warning: {})", warning_counts(report)),
                    n => format!(" ({n} warnings: {})", warning_counts(report)),
                }
            )
        }
        _ => {
            let n = report.diagnostics.len();
            let files: BTreeSet<&str> =
                report.diagnostics.iter().map(|d| d.file.as_str()).collect();
            format!(
                "{n} error{} in {} file{}",
                if n == 1 { "" } else { "s" },
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            )
        }
    }
}

/// Every diagnostic with its source line and a caret under the span, then the summary.
///
/// The source comes from the report (the loader's own copy): no file is opened
/// again. Every piece of content text (file names, messages, labels, helps and
/// the quoted line) has control, escape and direction-changing characters made
/// visible, so content cannot drive the terminal. Time and output are linear in
/// the number of diagnostics (at most [`lems_treatments_build::load::MAX_PROBLEMS_PER_FILE`]
/// per file, each quoting a window of one line).
pub fn human(_paths: &Paths, report: &Report, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut starts: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut out = String::new();
    for d in report.diagnostics.iter().chain(&report.warnings) {
        let text = report.sources.get(&d.file).map(String::as_str);
        let located = text.and_then(|t| {
            let ls = starts
                .entry(d.file.as_str())
                .or_insert_with(|| line_starts(t));
            excerpt(t, ls, d)
        });
        let message = terminal(&d.message);
        let file = terminal(&d.file);
        let level = if d.code.is_warning() {
            Level::WARNING
        } else {
            Level::ERROR
        };
        let title = level.primary_title(message.as_ref()).id(d.code.as_str());
        let label = match d.place() {
            Some(place) => format!("in {}", terminal(&place)),
            None => String::new(),
        };
        let mut group = match &located {
            Some(x) => title.element(
                Snippet::source(x.text.as_str())
                    .line_start(d.start.line)
                    .path(file.as_ref())
                    .annotation(
                        AnnotationKind::Primary
                            .span(x.span.clone())
                            .label(label.as_str()),
                    ),
            ),
            None => title.element(
                Origin::path(file.as_ref())
                    .line(d.start.line)
                    .char_column(d.start.column),
            ),
        };
        let help = d.help.as_deref().map(terminal);
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_ref()));
        }
        let report: [Group<'_>; 1] = [group];
        let rendered = renderer.render(&report);
        let rendered = match &located {
            Some(_) => true_column(rendered, &file, d),
            None => rendered,
        };
        let _ = writeln!(out, "{rendered}\n");
    }
    for note in &report.notes {
        let _ = writeln!(out, "warning: {}", terminal(note));
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

/// JSON text with every character that could drive a terminal escaped as
/// `\uXXXX`. `serde_json` escapes only U+0000 to U+001F; this also escapes
/// DEL, the C1 controls and the direction-changing and invisible characters.
/// Outside strings JSON text is ASCII, so every such character is inside a
/// string, where the escape means the same character.
fn json_safe(text: String) -> String {
    if !text.chars().any(needs_escape_in_json) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_escape_in_json(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{:04x}", u);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The diagnostics as one JSON document: every diagnostic and warning, and
/// every note (`notes`, such as a stale schema), as the human format prints them.
pub fn json(report: &Report) -> String {
    let diagnostics: Vec<serde_json::Value> = report
        .diagnostics
        .iter()
        .chain(&report.warnings)
        .map(|d| {
            json!({
                "file": d.file,
                "line": d.start.line,
                "column": d.start.column,
                "end": d.end.map(|e| json!({"line": e.line, "column": e.column})),
                "code": d.code.as_str(),
                "severity": if d.code.is_warning() { "warning" } else { "error" },
                "message": d.message,
                "help": d.help,
                "pointer": d.pointer,
            })
        })
        .collect();
    let doc = json!({
        "ok": report.diagnostics.is_empty(),
        "summary": summary(report),
        "diagnostics": diagnostics,
        "notes": report.notes,
    });
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    json_safe(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lems_treatments_build::Position;

    fn diag(line: usize, column: usize, end: Option<usize>) -> Diagnostic {
        let mut d = Diagnostic::new(
            "f",
            Position { line, column },
            lems_treatments_build::Code::InvalidValue,
            "m",
        );
        if let Some(e) = end {
            d = d.until(Position { line, column: e });
        }
        d
    }

    #[test]
    fn excerpts_count_characters_and_escape_controls() {
        let text = "a: é\nbé: x\u{1b}[2Jy\n";
        let ls = line_starts(text);
        let x = excerpt(text, &ls, &diag(2, 5, Some(9))).expect("line 2");
        assert_eq!(x.text, "bé: x\\u{1b}[2Jy");
        assert_eq!(&x.text[x.span.clone()], "x\\u{1b}[2");
        assert!(excerpt(text, &ls, &diag(9, 1, None)).is_none());
    }

    #[test]
    fn long_lines_are_cut_to_a_window() {
        let text = format!("k: {}X{}\n", "a".repeat(5000), "b".repeat(5000));
        let ls = line_starts(&text);
        let x = excerpt(&text, &ls, &diag(1, 5004, None)).expect("line");
        assert!(x.text.chars().count() <= WINDOW + 4, "{}", x.text.len());
        assert_eq!(&x.text[x.span.clone()], "X");
    }

    #[test]
    fn json_escapes_bidi_and_c1_controls() {
        assert_eq!(
            json_safe("\"a\u{202e}b\u{9b}\"".into()),
            "\"a\\u202eb\\u009b\""
        );
    }
}
