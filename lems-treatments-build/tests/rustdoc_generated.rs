//! The generated code's doc comments show content exactly as written: the
//! docs of a treatment's variant, `CONDITION` and `DISCLAIMER`, read back by
//! a CommonMark parser (pulldown-cmark, every extension on) as rustdoc reads
//! them, are the content's text with only the generator's own bold around a
//! name: no code block, link, HTML or other markup from content.

mod common;

use lems_treatments_build::escape::needs_escape;
use lems_treatments_build::model::Text;
use lems_treatments_build::{generate, load, Content, Paths, SchemaCheck};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn base() -> Content {
    let report = load(&Paths::under(&common::repo_root()), SchemaCheck::Validate);
    report.content.expect("the committed content is clean")
}

/// What a reader should see of `text` (see `rustdoc_escape.rs`).
fn expected(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim_end_matches('\n').chars() {
        if c != '\n' && c != '\t' && needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The Markdown rustdoc reads from an item's `#[doc]` attributes: the lines
/// joined, each without the one leading space the generator writes.
fn doc_of(attrs: &[syn::Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    lines
        .iter()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of `markdown` as rustdoc's parser reads it, with `*…*` around
/// what is bold; an error names the first event that is other markup.
fn read_back(markdown: &str) -> Result<String, String> {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::all()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::HardBreak => text.push('\n'),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => text.push('*'),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            other => return Err(format!("{other:?}")),
        }
    }
    Ok(text)
}

/// The docs of the first `Treatment` variant, of `CONDITION` and `DISCLAIMER`.
fn docs(code: &str) -> Result<[String; 3], String> {
    let file = syn::parse_file(code).map_err(|e| e.to_string())?;
    let (mut variant, mut condition, mut disclaimer) = (None, None, None);
    for item in &file.items {
        match item {
            syn::Item::Enum(e) if e.ident == "Treatment" => {
                variant = e.variants.first().map(|v| doc_of(&v.attrs));
            }
            syn::Item::Const(c) if c.ident == "CONDITION" => condition = Some(doc_of(&c.attrs)),
            syn::Item::Const(c) if c.ident == "DISCLAIMER" => disclaimer = Some(doc_of(&c.attrs)),
            _ => {}
        }
    }
    match (variant, condition, disclaimer) {
        (Some(v), Some(c), Some(d)) => Ok([v, c, d]),
        _ => Err("an item is missing".into()),
    }
}

fn check(base: &Content, s: &str) -> Result<(), TestCaseError> {
    let mut c = base.clone();
    let t = |s: &str| Text(s.to_string());
    if let Some(x) = c.treatments.values_mut().next() {
        x.item.name = t(s);
        x.item.summary = t(s);
    }
    let k = &mut c.condition.item;
    (k.name, k.abbreviation, k.summary) = (t(s), t(s), t(s));
    c.disclaimer.item.text = t(s);
    let code = generate::generate(&c);
    let [variant, condition, disclaimer] = docs(&code).map_err(TestCaseError::fail)?;
    let e = expected(s);
    let read = |markdown: &str| {
        read_back(markdown)
            .map_err(|err| TestCaseError::fail(format!("{s:?} in {markdown:?} reads as {err}")))
    };
    prop_assert_eq!(read(&disclaimer)?, e.clone(), "{:?}", disclaimer);
    prop_assert_eq!(
        read(&condition)?,
        format!("{e} ({e}): {e}"),
        "{:?}",
        condition
    );
    // An empty name leaves `****`, which is no bold (and check refuses it).
    if !e.is_empty() {
        prop_assert_eq!(read(&variant)?, format!("*{e}*: {e}"), "{:?}", variant);
    }
    Ok(())
}

#[test]
fn attacks_on_rustdoc_stay_text_in_the_generated_docs() {
    let base = base();
    for s in [
        "```rust\nstd::process::exit(1);\n```",
        "x\n\n    indented code",
        "[Treatment] [x](javascript:alert(1)) <https://x> https://example.org",
        "<dose> <script>alert(1)</script> <img src=x onerror=alert(1)> &amp; &#x3C;",
        "# heading\n- item\n> quote\n| a | b |\n*emph* __x__ `code` <!-- [^1]\n[x]: http://y",
        "trailing backslash \\",
        "\"# */ //! ///",
        " edge spaces ",
        "**",
    ] {
        if let Err(e) = check(&base, s) {
            panic!("{e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn markup_like_text_stays_text_in_the_generated_docs(
        s in "([-*_`~#>|!\\[\\]()<>&;:/\\\\\"'=+., 0-9a-z]|\\n|    ){1,40}"
    ) {
        // A text of only spaces and line breaks is refused by `check`
        // (E0206), so it never reaches the generator.
        prop_assume!(!s.trim().is_empty());
        let base = base();
        check(&base, &s)?;
    }
}
