//! `locators-declared`: every place a citation names (`at:`) is one its
//! source declares in its `outline:`, and a code cited from a source with an
//! outline is one of the codes it declares (a code table's locator is the
//! code itself).

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::{Content, Loaded};
use crate::model::{Citation, SourceFile, Text};
use crate::read::yaml::Document;
use crate::relations::Relations;
use crate::suggest::did_you_mean;

/// One place cited in a file: the JSON pointer of the `at:` (or the code),
/// the source's id and the place.
struct Place<'a> {
    pointer: String,
    source: &'a str,
    at: &'a str,
}

/// Every locator and every code names a place its source declares.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    for l in c.treatments.values() {
        let t = &l.item;
        let mut places = listed("sources", &t.sources);
        let facts = [
            (
                "regulatory",
                t.regulatory
                    .iter()
                    .map(|r| (&r.source, &r.at))
                    .collect::<Vec<_>>(),
            ),
            (
                "cautions_not_applied",
                t.cautions_not_applied
                    .iter()
                    .map(|n| (&n.source, &n.at))
                    .collect(),
            ),
        ];
        for (field, list) in facts {
            for (i, (source, at)) in list.into_iter().enumerate() {
                places.extend(single(format!("/{field}/{i}"), &source.0, at.as_ref()));
            }
        }
        if let Some(ind) = &t.indication {
            places.extend(single("/indication".into(), &ind.source.0, ind.at.as_ref()));
        }
        places.extend(codes(
            "codes",
            t.codes.iter().map(|x| (&x.source.0, &x.code)),
        ));
        report(c, cx, l, &places);
    }
    for l in c.classes.values() {
        report(c, cx, l, &listed("sources", &l.item.sources));
    }
    for l in c.mechanisms.values() {
        report(c, cx, l, &listed("sources", &l.item.sources));
    }
    for l in c.cautions.values() {
        report(c, cx, l, &listed("sources", &l.item.sources));
    }
    let k = &c.condition;
    let mut places = listed("sources", &k.item.sources);
    places.extend(codes(
        "codes",
        k.item.codes.iter().map(|x| (&x.source.0, &x.code)),
    ));
    report(c, cx, k, &places);
}

/// The located items of a `sources:` list.
fn listed<'a>(field: &str, sources: &'a [Citation]) -> Vec<Place<'a>> {
    sources
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            Some(Place {
                pointer: format!("/{field}/{i}/at"),
                source: &s.source().0,
                at: s.at()?.as_str(),
            })
        })
        .collect()
}

/// The `at:` of one fact citing `source`, if it has one.
fn single<'a>(pointer: String, source: &'a str, at: Option<&'a Text>) -> Option<Place<'a>> {
    Some(Place {
        pointer: format!("{pointer}/at"),
        source,
        at: at?.as_str(),
    })
}

/// Codes as places in the code tables they come from (marked by `code`
/// in the pointer, so that a source without an outline lets them pass).
fn codes<'a>(field: &str, codes: impl Iterator<Item = (&'a String, &'a Text)>) -> Vec<Place<'a>> {
    codes
        .enumerate()
        .map(|(i, (source, code))| Place {
            pointer: format!("/{field}/{i}/code"),
            source,
            at: code.as_str(),
        })
        .collect()
}

/// Reports each place its source does not declare. An unknown source is
/// left to `references-resolve`; a code from a source that declares no
/// outline is not checked (the source lists no codes).
fn report<T>(c: &Content, cx: &mut Cx, l: &Loaded<T>, places: &[Place]) {
    for p in places {
        let Some(source) = c.sources.get(p.source).map(|s| &s.item) else {
            continue;
        };
        let is_code = p.pointer.ends_with("/code");
        if is_code && source.outline.is_empty() {
            continue;
        }
        if source.outline.iter().any(|o| o.as_str() == p.at) {
            continue;
        }
        cx.push(undeclared(&l.file, &l.doc, p, source, is_code));
    }
}

/// The diagnostic of a place `source` does not declare.
fn undeclared(
    file: &str,
    doc: &Document,
    p: &Place,
    source: &SourceFile,
    is_code: bool,
) -> Diagnostic {
    let span = doc.locate(&p.pointer);
    let what = if is_code { "the code" } else { "the place" };
    let message = format!(
        "{what} `{}` is not in the outline of the source `{}`",
        p.at, p.source
    );
    let declared: Vec<&str> = source.outline.iter().map(Text::as_str).collect();
    let help = if declared.is_empty() {
        format!(
            "`data/sources/{}.yaml` declares no `outline:`; cite the source as a whole (its id alone), or add its headings or section numbers to its `outline:` from the document itself",
            p.source
        )
    } else {
        let mut h = String::new();
        if let Some(s) = did_you_mean(p.at, declared.iter().copied()) {
            h.push_str(&format!("did you mean `{s}`? "));
        }
        h.push_str(&format!(
            "the source declares: {}",
            declared
                .iter()
                .map(|d| format!("`{d}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        h
    };
    Diagnostic::new(file, span.value.0, Code::UndeclaredLocator, message)
        .until(span.value.1)
        .at_pointer(p.pointer.clone())
        .with_help(help)
}
