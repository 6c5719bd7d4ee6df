//! The texts that still mention a removed or renamed name, brand or synonym:
//! after "Mestinon" is removed from pyridostigmine, every line of HEAD's
//! content that still says "Mestinon" (as a whole word, in any case), so the
//! editor can decide whether that text still holds.

use std::collections::BTreeMap;

use lems_treatments_build::diff::{ContentDiff, RuleId};
use serde::Serialize;

/// The most mentions a report lists (the rest are counted, not listed).
pub const MAX_MENTIONS: usize = 200;

/// One line at HEAD that mentions a removed name (content: escape it per target).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The removed name, brand or synonym, as BASE wrote it.
    pub removed: String,
    /// The file, as the loader names it (`data/…`).
    pub file: String,
    /// The line number, from 1.
    pub line: usize,
    /// The line, without its indentation.
    pub text: String,
    /// Where the name is in `text`: byte offsets of its start and end.
    pub at: (usize, usize),
}

impl Mention {
    /// `text` split around the mentioned word: (before, word, after).
    pub fn parts(&self) -> (&str, &str, &str) {
        let (s, e) = self.at;
        match (self.text.get(..s), self.text.get(s..e), self.text.get(e..)) {
            (Some(a), Some(w), Some(b)) => (a, w, b),
            _ => (self.text.as_str(), "", ""),
        }
    }
}

/// The names, brands and synonyms lookups no longer accept, as BASE wrote them.
pub fn removed_names(d: &ContentDiff) -> Vec<String> {
    let mut out: Vec<String> = d
        .entities
        .iter()
        .flat_map(|e| &e.changes)
        .filter(|c| c.rule == RuleId::RemovedLookupKey)
        .filter_map(|c| c.before.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Every line of `files` (display name → text) that mentions one of `names`
/// as a whole word, ignoring case; comment lines are not texts and are
/// skipped. At most [`MAX_MENTIONS`], with the number left off.
pub fn mentions(files: &BTreeMap<String, String>, names: &[String]) -> (Vec<Mention>, usize) {
    let mut found = Vec::new();
    let mut more = 0;
    for (file, text) in files {
        for (n, line) in text.lines().enumerate() {
            let shown = line.trim_start();
            if shown.starts_with('#') {
                continue;
            }
            for name in names {
                let Some(at) = find_word(shown, name) else {
                    continue;
                };
                if found.len() == MAX_MENTIONS {
                    more += 1;
                    continue;
                }
                found.push(Mention {
                    removed: name.clone(),
                    file: file.clone(),
                    line: n + 1,
                    text: shown.to_string(),
                    at,
                });
            }
        }
    }
    (found, more)
}

/// The first place `word` stands in `line` as a whole word, ignoring case.
fn find_word(line: &str, word: &str) -> Option<(usize, usize)> {
    let key: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if key.is_empty() {
        return None;
    }
    let word_char = |c: char| c.is_alphanumeric();
    let mut prev: Option<char> = None;
    for (start, c) in line.char_indices() {
        if !prev.is_some_and(word_char) {
            if let Some(end) = match_at(&line[start..], &key) {
                let end = start + end;
                if !line[end..].chars().next().is_some_and(word_char) {
                    return Some((start, end));
                }
            }
        }
        prev = Some(c);
    }
    None
}

/// How many bytes of `s` match `key` (lowercased chars) from its start.
fn match_at(s: &str, key: &[char]) -> Option<usize> {
    let mut k = key.iter();
    let mut want = k.next();
    for (i, c) in s.char_indices() {
        for lc in c.to_lowercase() {
            match want {
                Some(w) if *w == lc => want = k.next(),
                _ => return None,
            }
        }
        if want.is_none() {
            return Some(i + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_in_any_case_and_skips_comments() {
        let files = BTreeMap::from([(
            "data/a.yaml".to_string(),
            "summary: \"Pyridostigmine (MESTINON) helps.\"\n# Mestinon in a comment\nname: Mestinonx\n  - mestinon\n".to_string(),
        )]);
        let (m, more) = mentions(&files, &["Mestinon".to_string()]);
        assert_eq!(more, 0);
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].line, m[0].parts().1), (1, "MESTINON"));
        assert_eq!(m[0].parts().0, "summary: \"Pyridostigmine (");
        assert_eq!((m[1].line, m[1].text.as_str()), (4, "- mestinon"));
        assert_eq!(find_word("Straße x", "STRASSE"), None);
        assert_eq!(find_word("a Ärzte b", "ärzte"), Some((2, 8)));
    }
}
