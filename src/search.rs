//! A small search for apps with a search box: [`Treatment::search`].

use crate::Treatment;

impl Treatment {
    /// The treatments whose name, a synonym or a brand starts with or
    /// contains `query`, ignoring case (Unicode lowercase, compared character
    /// by character) and the query's surrounding spaces.
    ///
    /// The order is stable: first every treatment with a name, synonym or
    /// brand that *starts with* the query, then every other one where the
    /// query appears *inside* one, each group in [`Treatment::ALL`] order; each
    /// treatment at most once. A blank query matches nothing (show
    /// [`Treatment::ALL`] instead). Nothing is allocated: the iterator walks
    /// the `const` tables, at most twice. For an exact id, name, synonym or
    /// brand use [`Treatment::lookup`].
    ///
    /// ```
    /// use lems_treatments::Treatment;
    /// for t in Treatment::ALL {
    ///     // The start of its name, in other case, finds it.
    ///     let start: String = t.name().chars().take(3).collect::<String>().to_lowercase();
    ///     assert!(Treatment::search(&start).any(|found| found == *t));
    /// }
    /// assert_eq!(Treatment::search("   ").count(), 0);
    /// ```
    pub fn search(query: &str) -> Search<'_> {
        Search {
            query: query.trim(),
            inside: false,
            next: 0,
        }
    }

    /// Its name, synonyms and brand names: the texts [`Treatment::search`] reads.
    fn search_keys(self) -> impl Iterator<Item = &'static str> {
        core::iter::once(self.name())
            .chain(self.synonyms().iter().copied())
            .chain(self.brand_names().iter().copied())
    }
}

/// The iterator of [`Treatment::search`]: treatments matching a query, those
/// with a key starting with it first.
#[derive(Clone, Debug)]
pub struct Search<'q> {
    query: &'q str,
    /// `false` while yielding prefix matches, `true` for the matches inside.
    inside: bool,
    /// The position in [`Treatment::ALL`] to look at next.
    next: usize,
}

impl Iterator for Search<'_> {
    type Item = Treatment;

    fn next(&mut self) -> Option<Treatment> {
        if self.query.is_empty() {
            return None;
        }
        loop {
            let Some(t) = Treatment::ALL.get(self.next).copied() else {
                if self.inside {
                    return None;
                }
                self.inside = true;
                self.next = 0;
                continue;
            };
            self.next += 1;
            let prefix = t.search_keys().any(|k| starts_with_folded(k, self.query));
            let found = if self.inside {
                !prefix && t.search_keys().any(|k| contains_folded(k, self.query))
            } else {
                prefix
            };
            if found {
                return Some(t);
            }
        }
    }
}

/// The text's characters in lowercase (as `str::to_lowercase` would give,
/// without its final-sigma rule), one at a time.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase)
}

/// Whether `text`, lowercased, starts with `query`, lowercased.
fn starts_with_folded(text: &str, query: &str) -> bool {
    let mut text = folded(text);
    folded(query).all(|q| text.next() == Some(q))
}

/// Whether `query`, lowercased, appears in `text`, lowercased, starting at a
/// character of `text`.
fn contains_folded(text: &str, query: &str) -> bool {
    text.char_indices().any(|(i, _)| {
        text.get(i..)
            .is_some_and(|rest| starts_with_folded(rest, query))
    })
}

#[cfg(test)]
mod tests {
    use super::{contains_folded, starts_with_folded};

    #[test]
    fn folding_compares_ignoring_case() {
        assert!(starts_with_folded("Straße", "STRA"));
        assert!(starts_with_folded("ÉCOLE", "éc"));
        assert!(!starts_with_folded("ab", "abc"));
        assert!(starts_with_folded("anything", ""));
        assert!(contains_folded("3,4-Diaminopyridine", "DIAMINO"));
        assert!(contains_folded("xyzÄbc", "äB"));
        assert!(!contains_folded("abc", "abd"));
        assert!(!contains_folded("", "a"));
    }
}
