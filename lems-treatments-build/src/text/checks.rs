//! The checks of one file's texts, wherever they sit: control and invisible
//! characters, normalisation, mixed scripts, stray spaces, leftover
//! placeholders, and regulatory dates that do not exist. The file reader calls them.

use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic};
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

/// Checks every text in a document: no control characters, no leftover
/// placeholders, no leading or trailing blank space that a reader cannot see.
pub fn text_checks(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut todo: Vec<(String, &Value)> = vec![(String::new(), &doc.value)];
    while let Some((pointer, v)) = todo.pop() {
        match v {
            Value::Array(items) => todo.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("{pointer}/{i}"), x)),
            ),
            Value::Object(map) => todo.extend(
                map.iter()
                    .map(|(k, x)| (format!("{pointer}/{}", yaml::escape_pointer(k)), x)),
            ),
            Value::String(s) => {
                let span = doc.locate(&pointer);
                let field = crate::read::schema::field_label(&pointer);
                if let Some(c) = s
                    .chars()
                    .find(|c| c.is_control() && *c != '\n' && *c != '\t')
                {
                    out.push(
                        Diagnostic::new(file, span.value.0, Code::UnusableText, format!("{field} holds the control character U+{:04X}, which readers cannot see", c as u32))
                            .until(span.value.1)
                            .at_pointer(pointer.clone())
                            .with_help("remove it (check for `\\0`, `\\a`, `\\x..` escapes in double-quoted text)"),
                    );
                }
                if let Some((word, nfc)) = crate::text::hygiene::not_nfc(s) {
                    let (word, nfc) = (
                        crate::escape::terminal(&word),
                        crate::escape::terminal(&nfc),
                    );
                    out.push(
                        Diagnostic::new(file, span.value.0, Code::NotNormalized, format!("{field} is not in Unicode normalisation form C (NFC): `{word}` ({} characters) looks the same as `{nfc}` ({} characters) but compares differently", word.chars().count(), nfc.chars().count()))
                            .until(span.value.1)
                            .at_pointer(pointer.clone())
                            .with_help("retype the accented letters (or let the editor save as NFC); nothing is changed for you, so that what you wrote is what is checked"),
                    );
                }
                let names = ["/name", "/title", "/brands/", "/synonyms/"];
                if names
                    .iter()
                    .any(|n| pointer == *n || pointer.starts_with(n))
                {
                    if let Some(word) = crate::text::hygiene::mixed_script_word(s) {
                        out.push(
                            Diagnostic::new(file, span.value.0, Code::Confusable, format!("{field} mixes scripts within the word `{}` ({}), so it can pass for another name", crate::escape::terminal(&word), crate::text::hygiene::foreign_letters(&word)))
                                .until(span.value.1)
                                .at_pointer(pointer.clone())
                                .with_help("write each word in one script (a Cyrillic `е` looks like a Latin `e` but is another letter)"),
                        );
                    }
                }
                if !s.contains('\n') && s.trim() != s && !s.trim().is_empty() {
                    out.push(
                        Diagnostic::new(file, span.value.0, Code::UnusableText, format!("{field} starts or ends with spaces"))
                            .until(span.value.1)
                            .at_pointer(pointer.clone())
                            .with_help("remove the spaces: they are invisible to a reader and break lookups by name"),
                    );
                }
                if s.contains(PLACEHOLDER) {
                    out.push(
                        Diagnostic::new(
                            file,
                            span.value.0,
                            Code::UnusableText,
                            format!("{field} still holds a `{PLACEHOLDER}` placeholder"),
                        )
                        .until(span.value.1)
                        .at_pointer(pointer.clone())
                        .with_help("replace the placeholder with real content from a cited source"),
                    );
                }
            }
            _ => {}
        }
    }
    out
}
