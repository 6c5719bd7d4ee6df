//! Every problem `check` reports, as LSP diagnostics published per file:
//! the same loader and rules, on the open buffers over the files on disk.
//! Each keeps its code, its message and help (escaped as `check` escapes
//! them) and the places it names, as related locations.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lems_treatments_build::escape::terminal;
use lems_treatments_build::{load_cached, Cache, Content, Diagnostic, FileKind, SchemaCheck};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range,
};

use super::documents::{lsp_position, url_of, Documents};

/// The LSP diagnostics of every file with a problem (errors, then the
/// warnings of reviews against `today` and of reading levels), by path, and
/// the content when it has no errors. What `cache` keeps of the last check
/// is reused for the files that did not change.
pub fn all(docs: &Documents, today: &str, cache: &mut Cache) -> (Diagnostics, Option<Content>) {
    let mut report = load_cached(&docs.paths, SchemaCheck::Validate, &docs.open, cache);
    report.check_reviews(today);
    let mut out = Diagnostics::new();
    for d in report.diagnostics.iter().chain(&report.warnings) {
        let text = report.sources.get(&d.file).map_or("", String::as_str);
        let path = docs.path_of_shown(&d.file);
        let related = related(docs, &path, text, d);
        out.entry(path).or_default().push(convert(d, text, related));
    }
    (out, report.content)
}

/// Diagnostics by file.
pub type Diagnostics = BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>>;

/// One diagnostic: its code, message and help as `check` writes them.
/// Warnings (reviews, reading levels) are information: they fail nothing.
pub fn convert(
    d: &Diagnostic,
    text: &str,
    related: Vec<DiagnosticRelatedInformation>,
) -> lsp_types::Diagnostic {
    let start = lsp_position(text, d.start.line, d.start.column);
    let end = d
        .end
        .map(|e| lsp_position(text, e.line, e.column))
        .filter(|e| *e > start)
        .unwrap_or_else(|| end_of_word(text, start));
    let mut message = terminal(&d.message).into_owned();
    if let Some(place) = d.place() {
        message.push_str(&format!(" (in {})", terminal(&place)));
    }
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(&terminal(help));
    }
    lsp_types::Diagnostic {
        range: Range::new(start, end),
        severity: Some(if d.code.is_warning() {
            DiagnosticSeverity::INFORMATION
        } else {
            DiagnosticSeverity::ERROR
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        source: Some("lems-content".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// The places a diagnostic names: `line N` (and `column C`) of its own file,
/// and the file of every `the <kind> \`id\`` it mentions that exists.
fn related(
    docs: &Documents,
    path: &Path,
    text: &str,
    d: &Diagnostic,
) -> Vec<DiagnosticRelatedInformation> {
    let words = format!("{} {}", d.message, d.help.as_deref().unwrap_or(""));
    let mut out = Vec::new();
    if let Some(url) = url_of(path) {
        for (line, column) in lines_named(&words) {
            let at = lsp_position(text, line, column);
            out.push(DiagnosticRelatedInformation {
                location: Location::new(url.clone(), Range::new(at, at)),
                message: format!("line {line}"),
            });
        }
    }
    for (kind, id) in items_named(&words) {
        let target = docs.path_of(kind, &id);
        if target == path || !target.is_file() {
            continue;
        }
        if let Some(url) = url_of(&target) {
            let at = lsp_types::Position::new(0, 0);
            out.push(DiagnosticRelatedInformation {
                location: Location::new(url, Range::new(at, at)),
                message: format!("the {} `{}`", kind.noun(), terminal(&id)),
            });
        }
    }
    out.truncate(8);
    out
}

/// Every `line N` (with `, column C` when it follows) in `words`.
fn lines_named(words: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, _) in words.match_indices("line ") {
        let rest = &words[i + 5..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Ok(line) = digits.parse::<usize>() else {
            continue;
        };
        let after = &rest[digits.len()..];
        let column = after
            .strip_prefix(", column ")
            .map(|r| {
                r.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            })
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or(1);
        if line > 0 && !out.contains(&(line, column)) {
            out.push((line, column));
        }
    }
    out
}

/// Every `the <kind> \`id\`` in `words` (`the treatment \`x\``, `the class \`y\``).
fn items_named(words: &str) -> Vec<(FileKind, String)> {
    let mut out = Vec::new();
    for kind in FileKind::ALL.into_iter().filter(|k| !k.is_singleton()) {
        let lead = format!("{} `", kind.noun());
        for (i, _) in words.match_indices(&lead) {
            let rest = &words[i + lead.len()..];
            let Some(end) = rest.find('`') else {
                continue;
            };
            let id = &rest[..end];
            let entry = (kind, id.to_string());
            if !id.is_empty() && id.chars().all(super::documents::id_char) && !out.contains(&entry)
            {
                out.push(entry);
            }
        }
    }
    out
}

/// The end of the non-space run at `start` (at least one unit on).
fn end_of_word(text: &str, start: lsp_types::Position) -> lsp_types::Position {
    let line = text.split('\n').nth(start.line as usize).unwrap_or("");
    let mut units = 0u32;
    let mut end = start.character;
    for c in line.chars() {
        if units >= start.character {
            if c.is_whitespace() {
                break;
            }
            end = units.saturating_add(c.len_utf16() as u32);
        }
        units = units.saturating_add(c.len_utf16() as u32);
    }
    lsp_types::Position::new(start.line, end.max(start.character.saturating_add(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lines_and_items() {
        assert_eq!(
            lines_named("the first `name` is at line 3, column 5; see line 9"),
            vec![(3, 5), (9, 1)]
        );
        assert_eq!(
            items_named("`Firdapse` also names the treatment `amifampridine`, so"),
            vec![(FileKind::Treatment, "amifampridine".to_string())]
        );
        assert!(items_named("the treatment `Not An Id`").is_empty());
    }
}
