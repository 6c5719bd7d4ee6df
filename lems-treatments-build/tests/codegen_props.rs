//! Whatever text the content holds, the generated code parses and every text
//! comes back from it as the same string literal: text is data, never code.

mod common;

use lems_treatments_build::model::Text;
use lems_treatments_build::{generate, load, Content, Paths, SchemaCheck};
use proptest::prelude::*;

fn base() -> Content {
    let report = load(&Paths::under(&common::repo_root()), SchemaCheck::Validate);
    report.content.expect("the committed content is clean")
}

/// Puts `s` into every text field of one entity of each kind, the condition and the disclaimer.
fn fill(c: &mut Content, s: &str) {
    let t = |s: &str| Text(s.to_string());
    if let Some(x) = c.treatments.values_mut().next() {
        let i = &mut x.item;
        i.name = t(s);
        i.summary = t(s);
        i.usage = vec![t(s), t(s)];
        i.synonyms = vec![t(s)];
        for b in &mut i.brands {
            b.name = t(s);
        }
        for r in &mut i.regulatory {
            r.scope = t(s);
            r.authority = Some(t(s));
            r.note = Some(t(s));
        }
        for code in &mut i.codes {
            code.code = t(s);
            code.label = Some(t(s));
        }
    }
    if let Some(x) = c.mechanisms.values_mut().next() {
        x.item.name = t(s);
        x.item.explanation = t(s);
    }
    if let Some(x) = c.cautions.values_mut().next() {
        x.item.title = t(s);
        x.item.explanation = t(s);
        x.item.for_the_patient = t(s);
    }
    if let Some(x) = c.classes.values_mut().next() {
        x.item.name = t(s);
        x.item.description = t(s);
    }
    if let Some(x) = c.sources.values_mut().next() {
        x.item.title = t(s);
        x.item.publisher = Some(t(s));
        x.item.note = Some(t(s));
    }
    let k = &mut c.condition.item;
    k.name = t(s);
    k.summary = t(s);
    k.normal_signal = t(s);
    k.what_goes_wrong = t(s);
    k.associated_cancer.name = t(s);
    c.disclaimer.item.text = t(s);
}

/// Every string literal in a token stream, decoded.
fn string_literals(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
    for tt in tokens {
        match tt {
            proc_macro2::TokenTree::Group(g) => string_literals(g.stream(), out),
            proc_macro2::TokenTree::Literal(l) => {
                if let Ok(s) = syn::parse_str::<syn::LitStr>(&l.to_string()) {
                    out.push(s.value());
                }
            }
            _ => {}
        }
    }
}

fn check(base: &Content, s: &str) -> Result<(), TestCaseError> {
    let mut c = base.clone();
    fill(&mut c, s);
    let code = generate::generate(&c);
    let parsed = syn::parse_file(&code);
    prop_assert!(
        parsed.is_ok(),
        "generated code does not parse for {s:?}: {:?}",
        parsed.err()
    );
    let tokens: proc_macro2::TokenStream = code
        .parse()
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    let mut literals = Vec::new();
    string_literals(tokens, &mut literals);
    let n = literals.iter().filter(|l| l.as_str() == s).count();
    // name, summary, two usages, synonym, … : at least a dozen exact copies.
    prop_assert!(n >= 12, "{s:?} came back {n} times");
    Ok(())
}

#[test]
fn known_nasty_texts() {
    let base = base();
    for s in [
        "\"",
        "\\",
        "*/",
        "/*",
        "#[",
        "\"#",
        "\"##",
        "r#\"",
        "}",
        "{",
        "\0",
        "\u{7}",
        "\r",
        "\r\n",
        "\n\n",
        "\u{2028}",
        "\u{feff}",
        "///",
        "//!",
        "*/ fn main() {} /*",
        "\"; panic!(); \"",
        "#[cfg(any())]",
        "'",
        "$crate",
        "\u{202e}",
        "🦀",
        "",
    ] {
        if let Err(e) = check(&base, s) {
            panic!("{e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_stays_data(s in any::<String>()) {
        let base = base();
        check(&base, &s)?;
    }

    #[test]
    fn code_like_text_stays_data(s in "[\"\\\\*/#\\[\\]r{}!;'\\x00-\\x1f\\u{2028}\\u{202e} a-z]{0,40}") {
        let base = base();
        check(&base, &s)?;
    }
}
