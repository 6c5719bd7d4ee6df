//! The content model: one set of Rust types that serde reads the YAML into,
//! schemars writes the JSON Schema from, and the generator turns into code.
//! This file holds the value rules the types and the loader share (the
//! patterns and the id, text, date and check-digit checks, each defined here
//! only) and names every type; the types live in `values` (ids, texts,
//! dates), `closed` (the closed sets), `citation` (a cited source and where in it), `codes`, `files` (one type per kind of
//! file and the records they hold) and `kind` ([`FileKind`]).
//!
//! Every doc comment on a field becomes the `description` an editor sees on
//! hover, so write them for medical writers, not for Rust programmers.

mod citation;
mod closed;
mod codes;
mod files;
mod kind;
mod review;
mod values;

pub use citation::{cited_ids, Citation, Located};
pub use closed::{
    CautionKind, ClosedSet, CodeSystem, Grade, Region, RegulatoryStatus, SourceKind, Target,
    TreatmentKind,
};
pub use codes::CodeEntry;
pub use files::{
    AssociatedCancer, Brand, CautionFile, CautionNotApplied, ClassFile, ConditionFile,
    DisclaimerFile, GlossaryFile, GlossaryTerm, Indication, MechanismFile, Population, Regulatory,
    SourceFile, TreatmentFile,
};
pub use kind::FileKind;
pub use review::{ReviewKind, ReviewRecord, ReviewsFile};
pub use values::{Date, Id, PartialDate, Text, WebAddress};

/// The pattern every id must match: lowercase words joined by single
/// underscores (`snake_case`). Accepted by Rust's and JavaScript's regex engines.
pub const ID_PATTERN: &str = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$";

/// The pattern of a calendar date, `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The pattern of a [`PartialDate`].
pub const PARTIAL_DATE_PATTERN: &str = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

/// The pattern of a [`WebAddress`]: `https://`, a host name of dotted
/// labels, an optional port, then a path, query and fragment made only of
/// the URL characters that need no escaping in HTML, Markdown or a terminal
/// (no quotes, angle brackets, backslashes, brackets, spaces or controls).
pub const WEB_ADDRESS_PATTERN: &str =
    "^https://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?(/[A-Za-z0-9._~:/?#@!$&()*+,;=%-]*)?$";

/// The longest [`WebAddress`], in bytes.
pub const WEB_ADDRESS_MAX: usize = 2000;

/// Why `s` is not a usable web address, if it is not: the same rule as
/// [`WEB_ADDRESS_PATTERN`], checked without a regex engine.
pub fn web_address_problem(s: &str) -> Option<&'static str> {
    let Some(rest) = s.strip_prefix("https://") else {
        return Some("is not a web address starting with https://");
    };
    if s.len() > WEB_ADDRESS_MAX {
        return Some("is longer than 2000 characters");
    }
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let label_ok =
        |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let host_ok = host.split('.').count() >= 2 && host.split('.').all(label_ok);
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    let path_ok = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "._~:/?#@!$&()*+,;=%-".contains(c));
    if host_ok && port_ok && path_ok {
        None
    } else {
        Some("is not a web address this content can show: write https://host/path with no spaces, quotes, angle brackets or backslashes")
    }
}

/// Why `s` is not a valid id, if it is not. The same rule as [`ID_PATTERN`],
/// checked without a regex engine so that builds that skip the schema pass
/// still refuse bad ids.
pub fn id_problem(s: &str) -> Option<&'static str> {
    let starts_ok = s.starts_with(|c: char| c.is_ascii_lowercase());
    let chars_ok = s
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let underscores_ok = !s.ends_with('_') && !s.contains("__");
    if starts_ok && chars_ok && underscores_ok && s.len() <= 64 {
        None
    } else {
        Some("is not a valid id: use lowercase words joined by single underscores")
    }
}

/// Why `s` is not usable text, if it is not.
pub fn text_problem(s: &str) -> Option<&'static str> {
    if s.trim().is_empty() {
        Some("is blank: write the text")
    } else {
        None
    }
}

/// Whether year, month and day name a real calendar day.
pub fn real_day(y: u32, m: u32, d: u32) -> bool {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    d >= 1 && d <= days
}

/// Why `s` is not a `YYYY-MM-DD` date, if it is not.
pub fn date_problem(s: &str) -> Option<&'static str> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if shape {
        None
    } else {
        Some("is not a date written YYYY-MM-DD")
    }
}

/// Whether a string of digits ends in a correct Verhoeff check digit (as
/// SNOMED CT identifiers do).
pub fn verhoeff_valid(digits: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut c = 0u8;
    for (i, b) in digits.bytes().rev().enumerate() {
        c = D[usize::from(c)][usize::from(P[i % 8][usize::from(b - b'0')])];
    }
    c == 0
}
