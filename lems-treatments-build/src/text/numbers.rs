//! Whole numbers (a class's `order`, a population's `min_age_years`): a
//! value that is negative, written with a decimal point, or too large is
//! refused at the value, with the range allowed. The model type would refuse
//! it too, but only for the file as a whole; the schema lets `6.0` and `1e20`
//! through, because JSON Schema calls them integers.

use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic};
use crate::read::yaml::Document;

/// The fields that hold a whole number from 0 to [`u32::MAX`] (the schema
/// writes them `"format": "uint32"`; a test holds this list to the schemas).
pub const WHOLE_NUMBER_FIELDS: &[&str] = &["order", "min_age_years"];

/// Every whole-number field of `doc` whose value is not a whole number from
/// 0 to [`u32::MAX`], located at the value.
pub fn number_problems(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    crate::read::yaml::each_value(&doc.value, |pointer, key, v| {
        if let (Some(k), Value::Number(n)) = (key, v) {
            if WHOLE_NUMBER_FIELDS.contains(&k) {
                out.extend(out_of_range(file, doc, pointer, n));
            }
        }
    });
    out
}

/// The error for `n` at `pointer`, when it is not a `u32` written as one.
fn out_of_range(
    file: &str,
    doc: &Document,
    pointer: &str,
    n: &serde_json::Number,
) -> Option<Diagnostic> {
    let written = doc
        .source_of(pointer)
        .map_or_else(|| n.to_string(), str::to_string);
    let fits = n.as_u64().is_some_and(|v| v <= u64::from(u32::MAX));
    let digits_only = written.bytes().all(|b| b.is_ascii_digit());
    if fits && digits_only {
        return None;
    }
    let field = crate::read::schema::field_label(pointer);
    let why = if written.starts_with('-') {
        "is negative"
    } else if n.as_f64().is_some_and(|f| f > f64::from(u32::MAX)) {
        "is too large"
    } else {
        "is not written as a whole number with digits only"
    };
    let span = doc.locate(pointer);
    Some(
        Diagnostic::new(
            file,
            span.value.0,
            Code::InvalidValue,
            format!(
                "{field} is `{}`, which {why}: it must be a whole number from 0 to {}",
                crate::escape::terminal(&written),
                u32::MAX
            ),
        )
        .until(span.value.1)
        .at_pointer(pointer)
        .with_help(
            "write the number with digits only, no sign, decimal point or exponent (for example `6`), as the source states it",
        ),
    )
}
