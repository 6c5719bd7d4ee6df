//! Output of `lems-content`: rustc-style diagnostics (rendered by
//! `annotate-snippets`, the renderer rustc uses), JSON, and file skeletons.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use lems_treatments_build::{Diagnostic, FileKind, Paths, Position, Report};
use serde_json::json;

/// The byte offset of a 1-based line and character column in `text`.
fn offset(text: &str, pos: Position) -> Option<usize> {
    let mut line_start = 0;
    for _ in 1..pos.line {
        line_start += text.get(line_start..)?.find('\n')? + 1;
    }
    let line = text.get(line_start..)?;
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let col = line
        .char_indices()
        .nth(pos.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + col)
}

/// The byte span to underline: the node on its first line, at least one character.
fn span(text: &str, d: &Diagnostic) -> Option<std::ops::Range<usize>> {
    let start = offset(text, d.start)?;
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let end = match d.end {
        Some(end) if end.line == d.start.line && end > d.start => offset(text, end)?.min(line_end),
        _ => text[start..line_end]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8()),
    };
    Some(start..end.max(start))
}

fn source_path(paths: &Paths, file: &str) -> Option<std::path::PathBuf> {
    if let Some(rest) = file.strip_prefix(&format!("{}/", paths.display)) {
        Some(paths.data.join(rest))
    } else {
        file.strip_prefix("schema/")
            .map(|rest| paths.schema.join(rest))
    }
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
                c.categories.len(),
                c.sources.len(),
                match w {
                    0 => String::new(),
                    1 => " (1 warning)".to_string(),
                    n => format!(" ({n} warnings)"),
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
pub fn human(paths: &Paths, report: &Report, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut texts: BTreeMap<&str, Option<String>> = BTreeMap::new();
    let mut out = String::new();
    for d in report.diagnostics.iter().chain(&report.warnings) {
        let text = texts
            .entry(d.file.as_str())
            .or_insert_with(|| {
                source_path(paths, &d.file)
                    .and_then(|p| std::fs::read(p).ok())
                    .map(|b| {
                        // Positions are counted after a byte order mark.
                        let b = b.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&b).to_vec();
                        String::from_utf8_lossy(&b).into_owned()
                    })
            })
            .as_deref();
        let level = if d.code.is_warning() {
            Level::WARNING
        } else {
            Level::ERROR
        };
        let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
        let located = text.and_then(|t| span(t, d).map(|s| (t, s)));
        let label = if d.pointer.is_empty() {
            String::new()
        } else {
            format!("at {}", d.pointer)
        };
        let mut group = match located {
            Some((t, s)) => title.element(
                Snippet::source(t)
                    .path(d.file.as_str())
                    .annotation(AnnotationKind::Primary.span(s).label(label.as_str())),
            ),
            None => title.element(
                Origin::path(d.file.as_str())
                    .line(d.start.line)
                    .char_column(d.start.column),
            ),
        };
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let report: [Group<'_>; 1] = [group];
        let _ = writeln!(out, "{}\n", renderer.render(&report));
    }
    for note in &report.notes {
        let _ = writeln!(out, "warning: {note}");
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

/// The diagnostics as one JSON document.
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
    });
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// A new content file of `kind` with every field explained. Every value the
/// editor must choose is a `TODO` that `check` flags until it is replaced:
/// nothing is pre-filled that could pass unnoticed.
pub fn skeleton(kind: FileKind, id: &str) -> String {
    let (what, body) = match kind {
        FileKind::Treatment => (
            "treatment",
            format!(
                r#"# The id: lowercase words joined by `_`, the same as this file's name.
id: {id}
# The name a reader sees.
name: "TODO: the name a reader sees"
# Other names the source uses (lookups accept them). Delete if none.
synonyms: []
# Brand names, with the regions (us, eu) the source names. Delete if none.
brands: []
# One of: medicine, procedure, therapy, associated_disease_care.
kind: TODO
# The id of its class: a file in data/categories/.
category: TODO
# The ids of how it works: files in data/mechanisms/. May stay empty.
mechanisms: []
# What it does, in one or two plain sentences.
summary: "TODO: what it does, in plain words"
# How and when it is used, one statement per item.
usage:
  - "TODO: how and when it is used"
# Regulatory facts the source states (region, status, scope, authority, source). Delete if none.
regulatory: []
# Cautions for this treatment alone (its class's cautions apply automatically).
cautions: []
# Treatments the source says it is combined with.
used_with: []
# Qualifiers the source puts on its use (after which classes, how well it works). Delete if none.
# indication:
#   after_other: []
#   note: "TODO: the qualifier, in plain words"
#   source: TODO
# Cautions a reader might expect that the editors decided not to apply, with the reason. Delete if none.
cautions_not_applied: []
# When you have checked every statement against its sources, write the date
# of that review here (YYYY-MM-DD); `check` warns until you do.
# reviewed: "YYYY-MM-DD"
# The ids of the sources its statements come from: files in data/sources/.
sources:
  - TODO
"#
            ),
        ),
        FileKind::Mechanism => (
            "mechanism",
            format!(
                r#"# The id: lowercase words joined by `_`, the same as this file's name.
id: {id}
# The name a reader sees.
name: "TODO: the name a reader sees"
# Which part of the disease story it acts on: nerve_signal, immune_attack or daily_function.
target: TODO
# How it works, in plain words, tied to the nerve-to-muscle story.
explanation: "TODO: how it works, in plain words"
# When you have checked every statement against its sources, write the date
# of that review here (YYYY-MM-DD); `check` warns until you do.
# reviewed: "YYYY-MM-DD"
# The ids of the sources its statements come from: files in data/sources/.
sources:
  - TODO
"#
            ),
        ),
        FileKind::Caution => (
            "caution",
            format!(
                r#"# The id: lowercase words joined by `_`, the same as this file's name.
id: {id}
# A short title a reader sees.
title: "TODO: a short title"
# One of: warning, contraindication, undesirable_effect.
kind: TODO
# What the risk is and why, in plain words.
explanation: "TODO: what the risk is and why"
# What follows for the patient, for example the monitoring that is needed.
for_the_patient: "TODO: what follows for the patient"
# The region whose regulator states it (us, eu); delete this line if the source is not regional.
region: TODO
# When you have checked every statement against its sources, write the date
# of that review here (YYYY-MM-DD); `check` warns until you do.
# reviewed: "YYYY-MM-DD"
# The ids of the sources its statements come from: files in data/sources/.
sources:
  - TODO
"#
            ),
        ),
        FileKind::Category => (
            "category",
            format!(
                r#"# The id: lowercase words joined by `_`, the same as this file's name.
id: {id}
# The name a reader sees.
name: "TODO: the name a reader sees"
# The id of the broader class it belongs to (a file in data/categories/); delete this line if none.
parent: TODO
# Where the class appears in guides: a whole number, lower first.
order: "TODO: a whole number"
# What its treatments have in common, in plain words.
description: "TODO: what its treatments have in common"
# Cautions the source states for every member (they apply to each automatically). Delete if none.
cautions: []
# When you have checked every statement against its sources, write the date
# of that review here (YYYY-MM-DD); `check` warns until you do.
# reviewed: "YYYY-MM-DD"
# The ids of the sources its statements come from: files in data/sources/.
sources:
  - TODO
"#
            ),
        ),
        FileKind::Source => (
            "source",
            format!(
                r#"# The id: lowercase words joined by `_`, the same as this file's name.
id: {id}
# The title of the document.
title: "TODO: the document's title"
# Who published it; delete this line if the source names no publisher.
publisher: "TODO: the publisher"
# One of: article, reference.
kind: TODO
# When the document was last updated, as "YYYY-MM-DD"; delete this line if it states none.
last_updated: "TODO: YYYY-MM-DD"
"#
            ),
        ),
        FileKind::Condition | FileKind::Disclaimer => ("content", String::new()),
    };
    format!(
        "# yaml-language-server: $schema=../../schema/{schema}\n\
         # A new {what}. Fill in every TODO from a source in data/sources/, then run\n\
         #   cargo run -p lems-content -- check\n\
         # Field meanings: EDITING.md, or hover over a field in VS Code.\n\n{body}",
        schema = kind.schema_file()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "a: é\nbé: x\n";
        assert_eq!(offset(text, Position { line: 1, column: 4 }), Some(3));
        assert_eq!(offset(text, Position { line: 2, column: 5 }), Some(11));
        assert_eq!(offset(text, Position { line: 9, column: 1 }), None);
    }
}
