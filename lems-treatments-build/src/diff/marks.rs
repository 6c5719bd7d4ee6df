//! The words a clinician must not miss in a changed text: negation and
//! certainty words, and numbers with their units. [`mark_pieces`] splits a
//! word diff so that each deleted or inserted run of such words is a piece of
//! its own, marked with its [`Mark`]; every format renders the mark.
//!
//! The words, case ignored, with `'` or `’` as apostrophe:
//! - negation: `not`, `no`, `never`, `none`, `nor`, `cannot` and every word
//!   ending in `n't` (`can't`, `don't`, `mustn't`, `shouldn't`, `isn't`, …);
//! - certainty: `may`, `might`, `can`, `could`, `should`, `must`, `safe`,
//!   `safely`, `safer`, `safest`, `unsafe`, `avoid`, `avoids`, `avoided`,
//!   `avoiding`. Other strong words (`always`, `only`, `safety`) are not
//!   forms of these and are not marked.
//!
//! A quantity is a number (digits, with `.` or `,` inside) followed, after at
//! most one space, by a unit: `%`, a unit of mass, volume or amount (`mg`,
//! `g`, `kg`, `mcg`, `µg`, `ml`, `l`, `mmol`, `iu`, `units`, …), of time
//! (`times`, `hours`, `days`, `weeks`, `months`, `years`, …) or of dosing
//! (`doses`, `tablets`), optionally per another (`mg/day`, `mg/kg`). A number
//! without a unit (a year, a count) is not marked.

use serde::Serialize;

use super::{Piece, PieceOp};

/// Why a run of words is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// A negation or certainty word (`not`, `may`, `can`, `should`, `safe`…).
    Certainty,
    /// A number with its unit (`10 mg`, `3 times`, `60 mg/day`, `5%`).
    Quantity,
}

const NEGATION: [&str; 6] = ["not", "no", "never", "none", "nor", "cannot"];
const CERTAINTY: [&str; 15] = [
    "may", "might", "can", "could", "should", "must", "safe", "safely", "safer", "safest",
    "unsafe", "avoid", "avoids", "avoided", "avoiding",
];
const UNITS: [&str; 40] = [
    "mg",
    "g",
    "kg",
    "mcg",
    "µg",
    "μg",
    "ng",
    "ml",
    "l",
    "mmol",
    "mol",
    "iu",
    "unit",
    "units",
    "time",
    "times",
    "second",
    "seconds",
    "minute",
    "minutes",
    "min",
    "hour",
    "hours",
    "h",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "dose",
    "doses",
    "tablet",
    "tablets",
    "percent",
    "mg/day",
    "mg/kg",
    "mg/kg/day",
];

/// Whether `word` (letters and apostrophes) is a negation or certainty word.
fn is_certainty(word: &str) -> bool {
    let w = word.to_lowercase().replace('’', "'");
    NEGATION.contains(&w.as_str()) || CERTAINTY.contains(&w.as_str()) || w.ends_with("n't")
}

/// Whether `unit` (or each part of `a/b`) is a unit.
fn is_unit(unit: &str) -> bool {
    let u = unit.to_lowercase();
    UNITS.contains(&u.as_str()) || (u.contains('/') && u.split('/').all(|p| UNITS.contains(&p)))
}

/// The byte ranges of `text` that are marked, with their mark, in order.
pub(super) fn spans(text: &str) -> Vec<(usize, usize, Mark)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let word_char = |c: char| c.is_alphabetic() || c == '\'' || c == '’';
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let boundary = i == 0 || !chars[i - 1].1.is_alphanumeric();
        if c.is_alphabetic() && boundary {
            let end = (i..chars.len())
                .find(|&k| !word_char(chars[k].1))
                .unwrap_or(chars.len());
            let word = &text[at(i)..at(end)];
            if is_certainty(word.trim_end_matches(['\'', '’'])) {
                out.push((at(i), at(end), Mark::Certainty));
            }
            i = end;
        } else if c.is_ascii_digit() && boundary {
            i = quantity(text, &chars, i, &mut out);
        } else {
            i += 1;
        }
    }
    out
}

/// The quantity starting at char `i` if a unit follows its number; returns
/// where to go on.
fn quantity(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    out: &mut Vec<(usize, usize, Mark)>,
) -> usize {
    let at = |k: usize| chars.get(k).map_or(text.len(), |(b, _)| *b);
    let mut k = i;
    while k < chars.len()
        && (chars[k].1.is_ascii_digit()
            || (matches!(chars[k].1, '.' | ',')
                && chars.get(k + 1).is_some_and(|c| c.1.is_ascii_digit())))
    {
        k += 1;
    }
    let number_end = k;
    let mut u = k;
    if chars.get(u).is_some_and(|c| c.1 == ' ') {
        u += 1;
    }
    if chars.get(u).is_some_and(|c| c.1 == '%') {
        out.push((at(i), at(u + 1), Mark::Quantity));
        return u + 1;
    }
    let unit_end = (u..chars.len())
        .find(|&e| !(chars[e].1.is_alphabetic() || chars[e].1 == '/'))
        .unwrap_or(chars.len());
    let unit = text[at(u)..at(unit_end)].trim_end_matches('/');
    if unit_end > u && is_unit(unit) {
        let end = at(u) + unit.len();
        out.push((at(i), end, Mark::Quantity));
        return unit_end;
    }
    number_end
}

/// `pieces` with every deleted or inserted part that overlaps a marked span
/// of its side (BASE for deletions, HEAD for insertions) split off as a piece
/// of its own with that mark. Kept pieces are never marked.
pub(super) fn mark_pieces(pieces: Vec<Piece>, before: &str, after: &str) -> Vec<Piece> {
    let (bs, as_) = (spans(before), spans(after));
    let (mut at_b, mut at_a) = (0usize, 0usize);
    let mut out = Vec::new();
    for p in pieces {
        let len = p.text.len();
        match p.op {
            PieceOp::Equal => {
                at_b += len;
                at_a += len;
                out.push(p);
            }
            PieceOp::Delete => {
                split(&p, at_b, &bs, &mut out);
                at_b += len;
            }
            PieceOp::Insert => {
                split(&p, at_a, &as_, &mut out);
                at_a += len;
            }
        }
    }
    out
}

/// Splits piece `p`, which starts at byte `start` of its side, at the edges of `spans`.
fn split(p: &Piece, start: usize, spans: &[(usize, usize, Mark)], out: &mut Vec<Piece>) {
    let end = start + p.text.len();
    let mut at = start;
    let push = |from: usize, to: usize, mark: Option<Mark>, out: &mut Vec<Piece>| {
        if let Some(text) = p.text.get(from - start..to - start) {
            if !text.is_empty() {
                out.push(Piece {
                    op: p.op,
                    text: text.to_string(),
                    mark,
                });
            }
        }
    };
    for &(s, e, mark) in spans.iter().filter(|(s, e, _)| *e > start && *s < end) {
        let (s, e) = (s.max(start), e.min(end));
        push(at, s, None, out);
        push(s, e, Some(mark), out);
        at = e;
    }
    push(at, end, None, out);
}

/// The pieces grouped into runs of one op, as formats wrap them (`[-…-]`, `<del>`).
pub fn runs(pieces: &[Piece]) -> Vec<(PieceOp, &[Piece])> {
    let mut out: Vec<(PieceOp, &[Piece])> = Vec::new();
    let mut from = 0;
    for i in 1..=pieces.len() {
        if i == pieces.len() || pieces[i].op != pieces[from].op {
            out.push((pieces[from].op, &pieces[from..i]));
            from = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<(&str, Mark)> {
        spans(text)
            .into_iter()
            .map(|(s, e, m)| (&text[s..e], m))
            .collect()
    }

    #[test]
    fn certainty_words_and_their_forms_are_marked_but_not_parts_of_words() {
        let m = marked("It may harm; you CAN'T, shouldn’t or cannot. Nothing canonical, mayor.");
        let words: Vec<&str> = m.iter().map(|x| x.0).collect();
        assert_eq!(words, ["may", "CAN'T", "shouldn’t", "cannot"]);
        assert!(m.iter().all(|x| x.1 == Mark::Certainty));
    }

    #[test]
    fn numbers_with_units_are_marked_and_bare_numbers_are_not() {
        let m = marked("Take 10 mg 3 times a day (60 mg/day, 5%, 2.5mg) since 2019, age 6 years.");
        let q: Vec<&str> = m.iter().map(|x| x.0).collect();
        assert_eq!(
            q,
            ["10 mg", "3 times", "60 mg/day", "5%", "2.5mg", "6 years"]
        );
    }

    #[test]
    fn only_changed_parts_are_marked() {
        let (b, a) = ("it should not be used", "it can safely be used");
        let pieces = mark_pieces(super::super::word_diff_plain(b, a), b, a);
        let marks: Vec<(PieceOp, &str)> = pieces
            .iter()
            .filter(|p| p.mark.is_some())
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            marks,
            [
                (PieceOp::Delete, "should"),
                (PieceOp::Insert, "can"),
                (PieceOp::Delete, "not"),
                (PieceOp::Insert, "safely")
            ]
        );
        let all: String = pieces
            .iter()
            .filter(|p| p.op != PieceOp::Insert)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(all, b);
        // it ·[-should-]·{+can+}· ·[-not-]·{+safely+}· be used
        assert_eq!(runs(&pieces).len(), 7);
    }
}
