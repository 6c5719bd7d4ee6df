//! The reading level of every measured text of the content
//! ([`crate::text::reading`]), with the terms readers have learned: the
//! glossary's terms and each treatment's own names.

use std::collections::BTreeMap;

use crate::diagnostic::{self, Diagnostic};
use crate::load::cache::{key, Cache};
use crate::load::Content;
use crate::model::FileKind;
use crate::read::yaml::Document;
use crate::text::readability::Learned;
use crate::text::reading::{graded, reading_warnings as file_warnings, Graded};

/// The terms a reader of `c` has learned: every glossary term, and every
/// treatment's name, synonyms and brands (its card is titled with them), and
/// the condition's name and abbreviation.
pub fn learned(c: &Content) -> Learned {
    Learned::new(learned_terms(c))
}

/// The terms of [`learned`], as written.
fn learned_terms(c: &Content) -> Vec<&str> {
    let glossary = c
        .glossary
        .iter()
        .flat_map(|g| g.item.terms.iter().map(|t| t.term.0.as_str()));
    let names = c.treatments.values().flat_map(|l| {
        let t = &l.item;
        std::iter::once(t.name.0.as_str())
            .chain(t.synonyms.iter().map(|s| s.0.as_str()))
            .chain(t.brands.iter().map(|b| b.name.0.as_str()))
    });
    let condition = [
        c.condition.item.name.0.as_str(),
        c.condition.item.abbreviation.0.as_str(),
    ];
    glossary.chain(names).chain(condition).collect()
}

/// Every file whose texts are measured, with its kind.
fn measured_files(c: &Content) -> Vec<(&str, FileKind, &Document)> {
    let mut out: Vec<(&str, FileKind, &Document)> = Vec::new();
    out.extend(
        c.treatments
            .values()
            .map(|l| (l.file.as_str(), FileKind::Treatment, &l.doc)),
    );
    out.extend(
        c.classes
            .values()
            .map(|l| (l.file.as_str(), FileKind::Class, &l.doc)),
    );
    out.extend(
        c.mechanisms
            .values()
            .map(|l| (l.file.as_str(), FileKind::Mechanism, &l.doc)),
    );
    out.extend(
        c.cautions
            .values()
            .map(|l| (l.file.as_str(), FileKind::Caution, &l.doc)),
    );
    out.push((&c.condition.file, FileKind::Condition, &c.condition.doc));
    out.push((&c.disclaimer.file, FileKind::Disclaimer, &c.disclaimer.doc));
    if let Some(g) = &c.glossary {
        out.push((&g.file, FileKind::Glossary, &g.doc));
    }
    out
}

/// A warning (`W0401`) for every measured text above its target grade,
/// sorted by file and position.
pub fn reading_warnings(c: &Content) -> Vec<Diagnostic> {
    let learned = learned(c);
    let mut out: Vec<Diagnostic> = measured_files(c)
        .into_iter()
        .flat_map(|(file, kind, doc)| file_warnings(file, kind, doc, &learned))
        .collect();
    diagnostic::sort(&mut out);
    out
}

/// [`reading_warnings`], measuring again only the files whose text
/// (`sources`, by display name) or whose reader's learned terms changed
/// since the warnings `cache` keeps.
pub fn reading_warnings_cached(
    c: &Content,
    sources: &BTreeMap<String, String>,
    cache: &mut Cache,
) -> Vec<Diagnostic> {
    let terms = learned_terms(c);
    let learned = Learned::new(terms.iter().copied());
    let terms_key = key(&terms.iter().map(|t| t.as_bytes()).collect::<Vec<_>>());
    let mut out = Vec::new();
    for (file, kind, doc) in measured_files(c) {
        let text = sources.get(file).map_or(&[][..], |t| t.as_bytes());
        let k = key(&[&terms_key.to_le_bytes(), kind.location().as_bytes(), text]);
        let warnings = match cache.reading(file, k) {
            Some(w) => w,
            None => {
                let w = file_warnings(file, kind, doc, &learned);
                cache.keep_reading(file, k, &w);
                w
            }
        };
        out.extend(warnings);
    }
    cache.end_reading();
    diagnostic::sort(&mut out);
    out
}

/// Every measured text of the content, by file, with its grade (what
/// `lems-content show` and the review pages print).
pub fn grades(c: &Content) -> Vec<(String, Graded)> {
    let learned = learned(c);
    measured_files(c)
        .into_iter()
        .flat_map(|(file, kind, doc)| {
            graded(kind, doc, &learned)
                .into_iter()
                .map(move |g| (file.to_string(), g))
        })
        .collect()
}
