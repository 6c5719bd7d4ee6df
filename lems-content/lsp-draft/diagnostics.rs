//! Every problem `check` reports, as LSP diagnostics published per file:
//! the same loader and rules, on the open buffers over the files on disk.

use std::collections::BTreeMap;
use std::path::PathBuf;

use lems_treatments_build::{load_with_overlay, Diagnostic, Overlay, SchemaCheck};
use lsp_types::{DiagnosticSeverity, NumberOrString, Range};

use super::documents::{lsp_position, Documents};

/// The LSP diagnostics of every file with a problem, by path.
pub fn all(docs: &Documents) -> BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> {
    let overlay: Overlay = docs
        .open
        .iter()
        .map(|(p, t)| (p.clone(), t.as_bytes().to_vec()))
        .collect();
    let report = load_with_overlay(&docs.paths, SchemaCheck::Validate, &overlay);
    let mut out: BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
    for d in &report.diagnostics {
        let text = report.sources.get(&d.file).map_or("", String::as_str);
        out.entry(docs.path_of_shown(&d.file))
            .or_default()
            .push(convert(d, text));
    }
    out
}

/// One diagnostic: its code, message and help as `check` writes them.
pub fn convert(d: &Diagnostic, text: &str) -> lsp_types::Diagnostic {
    let start = lsp_position(text, d.start.line, d.start.column);
    let end = d
        .end
        .map(|e| lsp_position(text, e.line, e.column))
        .filter(|e| *e > start)
        .unwrap_or_else(|| end_of_word(text, start));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp_types::Diagnostic {
        range: Range::new(start, end),
        severity: Some(if d.code.is_warning() {
            DiagnosticSeverity::WARNING
        } else {
            DiagnosticSeverity::ERROR
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        source: Some("lems-content".to_string()),
        message,
        ..Default::default()
    }
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
