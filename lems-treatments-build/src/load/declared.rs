//! The ids each kind of file declares, even files that failed later checks,
//! and the one check of a reference against them (used for broken files here
//! and by the cross-file rules).

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::FileKind;
use crate::read::yaml::Document;
use crate::suggest::did_you_mean;

/// Ids declared by each kind, so that a broken file does not also make every
/// reference to it an error.
#[derive(Debug, Clone, Default)]
pub(crate) struct Declared {
    /// The prefix used for file names in messages, usually `data`.
    display: String,
    by_kind: BTreeMap<FileKind, BTreeSet<String>>,
}

impl Declared {
    /// No ids yet; file names in messages start with `display`.
    pub(crate) fn new(display: &str) -> Declared {
        Declared {
            display: display.to_string(),
            by_kind: BTreeMap::new(),
        }
    }

    /// Records that a file of `kind` declares `id`.
    pub(crate) fn insert(&mut self, kind: FileKind, id: &str) {
        self.by_kind.entry(kind).or_default().insert(id.to_string());
    }

    fn known(&self, kind: FileKind) -> Vec<&str> {
        self.by_kind
            .get(&kind)
            .map(|s| s.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The problem with `id` at `pointer` in `doc`, if it names no declared `kind`.
    pub(crate) fn unknown_reference(
        &self,
        file: &str,
        doc: &Document,
        pointer: &str,
        kind: FileKind,
        id: &str,
    ) -> Option<Diagnostic> {
        if self.by_kind.get(&kind).is_some_and(|s| s.contains(id)) {
            return None;
        }
        let known = self.known(kind);
        let help = match did_you_mean(id, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if known.is_empty() => format!(
                "there are no {} yet; add `{}/{}/{id}.yaml`",
                kind.plural(),
                self.display,
                kind.location()
            ),
            None => format!("known {}: {}", kind.plural(), known.join(", ")),
        };
        let span = doc.locate(pointer);
        Some(
            Diagnostic::new(
                file,
                span.value.0,
                Code::UnknownReference,
                format!("unknown {} `{id}`", kind.noun()),
            )
            .until(span.value.1)
            .at_pointer(pointer)
            .with_help(help),
        )
    }
}
