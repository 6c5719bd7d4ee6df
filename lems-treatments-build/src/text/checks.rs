//! The checks of one file's texts, wherever they sit: control and invisible
//! characters, normalisation, mixed scripts, stray spaces, leftover
//! placeholders, and regulatory dates that do not exist. The file reader calls them.

use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Position};
use crate::model::PartialDate;
use crate::read::yaml::{self, Document};

/// Dates of regulatory facts (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) that do not
/// exist, located at the date (the model type would refuse them too, but only
/// for the file as a whole).
pub fn partial_date_problems(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(items) = doc.value.get("regulatory").and_then(Value::as_array) else {
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        let Some(date) = item.get("date").and_then(Value::as_str) else {
            continue;
        };
        if serde_json::from_value::<PartialDate>(Value::String(date.to_string())).is_ok() {
            continue;
        }
        let pointer = format!("/regulatory/{i}/date");
        let span = doc.locate(&pointer);
        out.push(
            Diagnostic::new(
                file,
                span.value.0,
                Code::InvalidValue,
                format!(
                    "`{}` is not a real date written YYYY, YYYY-MM or YYYY-MM-DD",
                    crate::escape::terminal(date)
                ),
            )
            .until(span.value.1)
            .at_pointer(pointer)
            .with_help("write the date as precisely as the source gives it, with a month 01-12 and a day that exists in that month"),
        );
    }
    out
}

/// The marker `lems-content new` puts where an editor must write something.
pub const PLACEHOLDER: &str = "TODO";

/// Checks every text in a document: no control characters, no characters
/// that are not text, no leftover placeholders, no leading or trailing blank
/// space that a reader cannot see; keys are checked for characters that are
/// not text too. Then whole numbers ([`crate::text::numbers`]) and lists that
/// repeat an item ([`crate::read::schema::repeated_item`]).
pub fn text_checks(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    yaml::each_value(&doc.value, |pointer, key, v| {
        if let Some(k) = key {
            if let Some(d) = not_text_in_key(file, doc, pointer, k) {
                out.push(d);
            }
        }
        if let Value::String(s) = v {
            string_checks(file, doc, pointer, s, &mut out);
        }
    });
    out.extend(crate::text::numbers::number_problems(file, doc));
    out.extend(repeated_items(file, doc));
    out
}

/// The lists that name each item once (the schema marks them `uniqueItems`;
/// a test holds this list to the schemas), as JSON pointers with `*` for
/// any index.
pub const LISTS_OF_DISTINCT_ITEMS: &[&str] = &[
    "/synonyms",
    "/mechanisms",
    "/cautions",
    "/sources",
    "/used_with",
    "/indication/after_other",
    "/brands/*/regions",
    "/outline",
    "/terms/*/sources",
];

/// Every list of [`LISTS_OF_DISTINCT_ITEMS`] that repeats an item, located
/// at the repeated item (checked here too, so that builds that skip the
/// schema pass refuse it as well).
fn repeated_items(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for list in LISTS_OF_DISTINCT_ITEMS {
        let (head, tail) = match list.split_once("/*") {
            Some((head, tail)) => (head, Some(tail)),
            None => (*list, None),
        };
        let pointers: Vec<String> = match tail {
            None => vec![head.to_string()],
            Some(tail) => {
                let n = doc
                    .value
                    .pointer(head)
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                (0..n).map(|i| format!("{head}/{i}{tail}")).collect()
            }
        };
        out.extend(
            pointers
                .iter()
                .filter_map(|p| crate::read::schema::repeated_item(file, doc, p)),
        );
    }
    out
}

/// A key holding a character that is not text (see [`not_text`]).
fn not_text_in_key(file: &str, doc: &Document, pointer: &str, key: &str) -> Option<Diagnostic> {
    let span = doc.locate(pointer);
    let (start, end) = span.key.unwrap_or(span.value);
    let d = not_text(
        file,
        start,
        &format!("the key `{}`", crate::escape::terminal(key)),
        key,
    )?;
    Some(d.until(end).at_pointer(pointer))
}

/// The first character of `s` that is not text (a noncharacter, a
/// private-use character, U+FFFC or U+FFFD), as an error at `at`.
fn not_text(file: &str, at: Position, what: &str, s: &str) -> Option<Diagnostic> {
    let (c, kind) = s
        .chars()
        .find_map(|c| crate::chars::not_text_kind(c).map(|k| (c, k)))?;
    let u = c as u32;
    let help = if u == 0xFFFD {
        format!("delete U+{u:04X} and retype the character that was lost from the source (it often replaces an accented letter or a dash after a copy from a PDF)")
    } else if u == 0xFFFC {
        format!("delete U+{u:04X}; describe the picture or symbol in words if the text needs it")
    } else {
        let escape = if u > 0xFFFF {
            format!("\\U{u:08X}")
        } else {
            format!("\\u{u:04X}")
        };
        format!("delete U+{u:04X} (written as `{escape}` in double quotes, or pasted from a font's symbol table); write the letter or symbol you meant as the Unicode character itself, or in words")
    };
    Some(
        Diagnostic::new(
            file,
            at,
            Code::NotText,
            format!("{what} holds U+{u:04X}, {kind}"),
        )
        .with_help(help),
    )
}

/// The checks of one text at `pointer`.
fn string_checks(file: &str, doc: &Document, pointer: &str, s: &str, out: &mut Vec<Diagnostic>) {
    let span = doc.locate(pointer);
    let field = crate::read::schema::field_label(pointer);
    let at = |d: Diagnostic| d.until(span.value.1).at_pointer(pointer);
    if let Some(c) = s
        .chars()
        .find(|c| c.is_control() && *c != '\n' && *c != '\t')
    {
        out.push(at(Diagnostic::new(
            file,
            span.value.0,
            Code::UnusableText,
            format!(
                "{field} holds the control character U+{:04X}, which readers cannot see",
                c as u32
            ),
        )
        .with_help(
            "remove it (check for `\\0`, `\\a`, `\\x..` escapes in double-quoted text)",
        )));
    }
    if let Some(d) = not_text(file, span.value.0, &field, s) {
        out.push(at(d));
    }
    if let Some((word, nfc)) = crate::text::hygiene::not_nfc(s) {
        let (word, nfc) = (
            crate::escape::terminal(&word),
            crate::escape::terminal(&nfc),
        );
        out.push(at(
            Diagnostic::new(file, span.value.0, Code::NotNormalized, format!("{field} is not in Unicode normalisation form C (NFC): `{word}` ({} characters) looks the same as `{nfc}` ({} characters) but compares differently", word.chars().count(), nfc.chars().count()))
                .with_help("retype the accented letters (or let the editor save as NFC); nothing is changed for you, so that what you wrote is what is checked"),
        ));
    }
    let names = ["/name", "/title", "/brands/", "/synonyms/"];
    if names
        .iter()
        .any(|n| pointer == *n || pointer.starts_with(n))
    {
        if let Some(word) = crate::text::hygiene::mixed_script_word(s) {
            out.push(at(
                Diagnostic::new(file, span.value.0, Code::Confusable, format!("{field} mixes scripts within the word `{}` ({}), so it can pass for another name", crate::escape::terminal(&word), crate::text::hygiene::foreign_letters(&word)))
                    .with_help("write each word in one script (a Cyrillic `е` looks like a Latin `e` but is another letter)"),
            ));
        }
    }
    if !s.contains('\n') && s.trim() != s && !s.trim().is_empty() {
        out.push(at(Diagnostic::new(
            file,
            span.value.0,
            Code::UnusableText,
            format!("{field} starts or ends with spaces"),
        )
        .with_help(
            "remove the spaces: they are invisible to a reader and break lookups by name",
        )));
    }
    if let Some(found) = crate::text::placeholders::placeholder(s) {
        out.push(at(Diagnostic::new(
            file,
            span.value.0,
            Code::UnusableText,
            found.message(&field),
        )
        .with_help(found.help())));
    }
}
