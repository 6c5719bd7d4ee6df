//! The cross-file rules: one rule per file, each a `check` that sees the
//! loaded content, its [`Relations`] and a reporting context, never the file
//! reader. This file holds the one registry ([`RULES`]) and runs it in order.

mod cautions_not_applied;
mod class_cautions_once;
mod classes;
mod codes_well_formed_and_unique;
mod dates_real;
mod disclaimer_dates;
mod ids_become_rust_names;
mod locators_declared;
mod nothing_unused;
mod references_resolve;
mod sources_cited;
mod treatment_names_unambiguous;
mod unique_names;
mod usage_stated;
mod used_with_both_sides;

use crate::diagnostic::{Code, Diagnostic};
use crate::load::declared::Declared;
use crate::load::Content;
use crate::model::{Citation, FileKind, Id};
use crate::read::yaml::Document;
use crate::relations::Relations;

/// A rule that needs more than one file: its name, the error codes it
/// reports, and its check. The list is the checker's table of contents; the
/// test `rules_line_up_with_the_docs_and_the_corpus` checks that every code
/// here is in EDITING.md's error-code table and that the corpus triggers
/// every rule.
pub struct Rule {
    /// A short name (its file in `rules/`, with `-` for `_`).
    pub name: &'static str,
    /// What it requires, in plain words.
    pub requires: &'static str,
    /// The codes its problems carry.
    pub codes: &'static [Code],
    check: fn(&Content, &Relations, &mut Cx),
}

/// Every cross-file rule, in the order they run.
pub const RULES: &[Rule] = &[
    Rule {
        name: "unique-names",
        requires: "each mechanism, caution, class and source has a name of its own",
        codes: &[Code::DuplicateId, Code::Confusable],
        check: unique_names::check,
    },
    Rule {
        name: "ids-become-rust-names",
        requires: "every id becomes a Rust variant that nothing else generated takes",
        codes: &[Code::BadIdentifier],
        check: ids_become_rust_names::check,
    },
    Rule {
        name: "references-resolve",
        requires: "every reference names an existing entity, and treatments cite a source",
        codes: &[Code::UnknownReference, Code::MissingSource],
        check: references_resolve::check,
    },
    Rule {
        name: "usage-stated",
        requires: "every treatment says how it is used",
        codes: &[Code::MissingField],
        check: usage_stated::check,
    },
    Rule {
        name: "codes-well-formed-and-unique",
        requires: "codes have their system's shape and name one treatment each",
        codes: &[Code::InvalidValue, Code::DuplicateId],
        check: codes_well_formed_and_unique::check,
    },
    Rule {
        name: "cautions-not-applied",
        requires: "a caution recorded as not applied does not also apply, and is recorded once",
        codes: &[Code::InvalidValue],
        check: cautions_not_applied::check,
    },
    Rule {
        name: "used-with-both-sides",
        requires: "\"used with\" names another treatment and is stated on both sides",
        codes: &[Code::UnknownReference],
        check: used_with_both_sides::check,
    },
    Rule {
        name: "class-cautions-once",
        requires: "class-wide cautions are written once, on the class",
        codes: &[Code::InvalidValue],
        check: class_cautions_once::check,
    },
    Rule {
        name: "treatment-names-unambiguous",
        requires: "names, synonyms and brands name one treatment and look like no other",
        codes: &[Code::DuplicateId, Code::Confusable],
        check: treatment_names_unambiguous::check,
    },
    Rule {
        name: "classes",
        requires:
            "class references resolve, parent chains end, inherited cautions are not repeated",
        codes: &[
            Code::UnknownReference,
            Code::InvalidValue,
            Code::MissingSource,
        ],
        check: classes::check,
    },
    Rule {
        name: "sources-cited",
        requires: "mechanisms, cautions and the condition cite a source",
        codes: &[Code::MissingSource],
        check: sources_cited::check,
    },
    Rule {
        name: "locators-declared",
        requires: "every place a citation names (`at:`), and every code from a source with an outline, is in that source's outline",
        codes: &[Code::UndeclaredLocator],
        check: locators_declared::check,
    },
    Rule {
        name: "dates-real",
        requires: "every date is a real day",
        codes: &[Code::InvalidValue],
        check: dates_real::check,
    },
    Rule {
        name: "disclaimer-dates",
        requires: "the disclaimer states the date of every dated source",
        codes: &[Code::InvalidValue],
        check: disclaimer_dates::check,
    },
    Rule {
        name: "nothing-unused",
        requires: "no mechanism or caution is left unused",
        codes: &[Code::UnknownReference],
        check: nothing_unused::check,
    },
];

/// What the rules found: their problems, in the order reported, and the
/// names of the rules that reported any.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) broken: Vec<&'static str>,
}

/// Runs every rule of [`RULES`] in order over `c` and its relations `rel`.
/// References are checked against the ids `declared` by every file read;
/// `earlier` says whether reading the tree already reported a problem.
pub(crate) fn run(c: &Content, rel: &Relations, declared: &Declared, earlier: bool) -> Checked {
    let mut cx = Cx {
        declared,
        earlier,
        diags: Vec::new(),
    };
    let mut broken = Vec::new();
    for rule in RULES {
        let before = cx.diags.len();
        (rule.check)(c, rel, &mut cx);
        if cx.diags.len() > before {
            broken.push(rule.name);
        }
    }
    Checked {
        diagnostics: cx.diags,
        broken,
    }
}

/// What a rule reports through: its problems, and the references it checks
/// against the declared ids.
struct Cx<'a> {
    declared: &'a Declared,
    /// Whether reading the tree reported a problem before the rules ran.
    earlier: bool,
    diags: Vec<Diagnostic>,
}

impl Cx<'_> {
    /// Reports a problem.
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Whether any problem was reported so far, while reading or by an earlier rule.
    fn reported_anything(&self) -> bool {
        self.earlier || !self.diags.is_empty()
    }

    /// Checks that `id` at `pointer` in `doc` names an existing `kind`.
    fn reference(&mut self, file: &str, doc: &Document, pointer: &str, kind: FileKind, id: &str) {
        if let Some(d) = self
            .declared
            .unknown_reference(file, doc, pointer, kind, id)
        {
            self.diags.push(d);
        }
    }

    /// Checks every id of the list `field` (see [`Cx::reference`]).
    fn references(&mut self, file: &str, doc: &Document, field: &str, kind: FileKind, ids: &[Id]) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(file, doc, &format!("/{field}/{i}"), kind, &id.0);
        }
    }

    /// Requires at least one source, and checks that each resolves.
    fn require_sources(&mut self, file: &str, doc: &Document, what: &str, sources: &[Citation]) {
        if sources.is_empty() {
            let span = doc.locate("/sources");
            self.diags.push(
                Diagnostic::new(file, span.value.0, Code::MissingSource, format!("{what} cites no source"))
                    .at_pointer("/sources")
                    .with_help("every statement must come from a source: list at least one id from data/sources/ under `sources:`"),
            );
        }
        for (i, s) in sources.iter().enumerate() {
            let pointer = match s {
                Citation::Whole(_) => format!("/sources/{i}"),
                Citation::At(_) => format!("/sources/{i}/source"),
            };
            self.reference(file, doc, &pointer, FileKind::Source, &s.source().0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULES;

    /// clippy's rule: every file in `rules/` is a rule, and is registered.
    #[test]
    fn every_rule_file_is_registered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let registry = std::fs::read_to_string(dir.join("mod.rs")).expect("rules/mod.rs");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("src/rules")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n != "mod.rs")
            .collect();
        files.sort();
        for file in &files {
            let stem = file
                .strip_suffix(".rs")
                .unwrap_or_else(|| panic!("rules/{file} is not a Rust file"));
            let name = stem.replace('_', "-");
            assert!(
                RULES.iter().any(|r| r.name == name),
                "rules/{file} is not registered in RULES (no rule named `{name}`)"
            );
            assert!(
                registry.contains(&format!("check: {stem}::check,")),
                "the rule `{name}` in RULES does not run rules/{file}"
            );
        }
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "rule names are unique");
        assert_eq!(RULES.len(), files.len(), "every rule has its own file");
    }
}
