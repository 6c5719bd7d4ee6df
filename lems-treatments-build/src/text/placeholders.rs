//! Placeholders left where a text belongs: the `TODO` that `lems-content new`
//! writes and the other markers writers use (`TBD`, `FIXME`, `XXX`), filler
//! text (`Lorem ipsum`), and a text that says nothing (`N/A`, `.`, `-`, `?`).
//!
//! The markers are matched as whole words, in any case: `todo` and `Todo`
//! are placeholders, `TODOS`, `tbdx` and `N07XX05` are not. A word is a run of
//! letters and digits, so `TBD:` and `(FIXME)` are still found.

/// The markers found as whole words, compared without case.
const MARKERS: &[&str] = &["todo", "tbd", "fixme", "xxx"];

/// Filler text, found anywhere, compared without case.
const FILLER: &[&str] = &["lorem ipsum"];

/// Whole texts that say nothing, compared without case after trimming.
const EMPTY_ANSWERS: &[&str] = &["n/a", "n.a.", "tba"];

/// A placeholder found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeholder {
    /// A marker word such as `TODO`, as written.
    Marker(String),
    /// Filler text such as `Lorem ipsum`, as written.
    Filler(String),
    /// The whole text says nothing (`N/A`, or only punctuation), as written.
    SaysNothing(String),
}

impl Placeholder {
    /// The message for `field` holding it.
    pub fn message(&self, field: &str) -> String {
        match self {
            Placeholder::Marker(w) => format!(
                "{field} still holds the placeholder `{}`",
                crate::escape::terminal(w)
            ),
            Placeholder::Filler(w) => format!(
                "{field} holds filler text (`{}`), not content",
                crate::escape::terminal(w)
            ),
            Placeholder::SaysNothing(w) => format!(
                "{field} is only `{}`, which tells a reader nothing",
                crate::escape::terminal(w)
            ),
        }
    }

    /// How to fix it.
    pub fn help(&self) -> &'static str {
        match self {
            Placeholder::Marker(_) | Placeholder::Filler(_) => {
                "replace the placeholder with real content from a cited source"
            }
            Placeholder::SaysNothing(_) => {
                "write what the source says; if it says nothing here, leave the optional field out or write that the source does not say"
            }
        }
    }
}

/// The first placeholder in `s`, if any.
pub fn placeholder(s: &str) -> Option<Placeholder> {
    let trimmed = s.trim();
    if !trimmed.is_empty()
        && (!trimmed.chars().any(char::is_alphanumeric)
            || EMPTY_ANSWERS
                .iter()
                .any(|a| trimmed.eq_ignore_ascii_case(a)))
    {
        return Some(Placeholder::SaysNothing(trimmed.to_string()));
    }
    if let Some(word) = words(s).find(|w| MARKERS.iter().any(|m| w.eq_ignore_ascii_case(m))) {
        return Some(Placeholder::Marker(word.to_string()));
    }
    let lower = s.to_lowercase();
    FILLER.iter().find_map(|f| {
        let at = lower.find(f)?;
        // Lowercasing keeps the byte length of ASCII, so `at` is a boundary
        // in `s` when everything before it is ASCII; else quote the filler itself.
        let written = s.get(at..at + f.len()).unwrap_or(f);
        Some(Placeholder::Filler(written.to_string()))
    })
}

/// The words of `s`: maximal runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_found_as_words_in_any_case() {
        for s in [
            "TODO",
            "todo",
            "Todo: check",
            "TBD",
            "dose (tbd)",
            "FIXME: the dose",
            "see XXX",
            "TODO.",
        ] {
            assert!(
                matches!(placeholder(s), Some(Placeholder::Marker(_))),
                "{s}"
            );
        }
    }

    #[test]
    fn filler_and_empty_answers_are_found() {
        assert_eq!(
            placeholder("Lorem ipsum dolor sit amet."),
            Some(Placeholder::Filler("Lorem ipsum".into()))
        );
        for s in ["N/A", "n/a", ".", "-", "?", "…", " -- ", "n.a.", "TBA"] {
            assert!(
                matches!(placeholder(s), Some(Placeholder::SaysNothing(_))),
                "{s}"
            );
        }
    }

    #[test]
    fn real_words_and_sentences_are_not_placeholders() {
        for s in [
            "Todorov's paralysis is unrelated.",
            "TODOS",
            "tbdx",
            "XXXL",
            "N07XX05",
            "sodium (Na) levels",
            "N/A values are shown as such in the source.",
            "The dose is 5-10 mg.",
            "Is it enough?",
            "3,4-diaminopyridine",
            "ORPHA:43393",
            "8C62",
            "A",
            "Na",
            "Ipsum is a Latin word.",
        ] {
            assert_eq!(placeholder(s), None, "{s}");
        }
    }
}
