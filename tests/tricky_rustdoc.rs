//! The rustdoc pages of content built to attack rustdoc show it exactly as
//! written: the HTML of each content item's docs holds only the paragraph,
//! line breaks and the generator's bold, and its text is the content's.
//!
//! Runs when the crate is built from `tests/tricky/` and its docs were made
//! from that content first (as `.ci/run` does):
//!
//! ```text
//! export LEMS_TREATMENTS_CONTENT_DIR=$PWD/tests/tricky
//! RUSTDOCFLAGS="-D warnings" cargo doc -p lems-treatments --no-deps --features regenerate
//! cargo test -p lems-treatments --features regenerate --test tricky_rustdoc
//! ```
#![cfg(lems_custom_content)]

use lems_treatments::{Category, Caution, Mechanism, Source, Treatment, CONDITION, DISCLAIMER};

/// The generated docs of this very build.
fn page(name: &str) -> String {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let path = target.join("doc/lems_treatments").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run cargo doc with the same content first",
            path.display()
        )
    })
}

/// The docblock after `anchor` (the first one of the page when `None`).
fn docblock<'a>(html: &'a str, anchor: Option<&str>) -> &'a str {
    let from = anchor.map_or(0, |a| html.find(a).unwrap_or_else(|| panic!("no {a}")));
    let open = "<div class=\"docblock\">";
    let start = html[from..].find(open).expect("a docblock") + from + open.len();
    let end = html[start..].find("</div>").expect("its end") + start;
    &html[start..end]
}

/// The text a reader sees in a docblock. Fails on any tag but a paragraph,
/// a line break and bold: no link, image, script or code from content.
fn text_of(block: &str) -> String {
    let mut text = String::new();
    let mut rest = block;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('>').expect("a closed tag") + open;
        let tag = &rest[open..=close];
        assert!(
            ["<p>", "</p>", "<br />", "<strong>", "</strong>"].contains(&tag),
            "a tag from content: {tag} in {block}"
        );
        if tag == "<br />" {
            text.push('\n');
            rest = rest[close + 1..]
                .strip_prefix('\n')
                .unwrap_or(&rest[close + 1..]);
        } else {
            rest = &rest[close + 1..];
        }
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn content_items_show_their_text_and_no_markup_in_rustdoc_html() {
    let treatment = Treatment::ALL[0];
    assert_eq!(treatment.id(), "odd_treatment", "built from tests/tricky/");
    let variant = |page_name: &str, variant: &str| {
        text_of(docblock(
            &page(page_name),
            Some(&format!("id=\"variant.{variant}\"")),
        ))
    };
    let name = |t: String| t.trim_end().to_string();
    assert_eq!(
        name(variant("enum.Treatment.html", &format!("{treatment:?}"))),
        format!("{}: {}", treatment.name(), treatment.summary())
    );
    let caution = Caution::ALL[0];
    assert_eq!(
        name(variant("enum.Caution.html", &format!("{caution:?}"))),
        format!("{}: {}", caution.name(), caution.explanation())
    );
    let class = Category::ALL[0];
    assert_eq!(
        name(variant("enum.Category.html", &format!("{class:?}"))),
        format!("{}: {}", class.name(), class.description().trim_end())
    );
    let mechanism = Mechanism::ALL[0];
    assert_eq!(
        name(variant("enum.Mechanism.html", &format!("{mechanism:?}"))),
        format!("{}: {}", mechanism.name(), mechanism.explanation())
    );
    let source = Source::ALL[0];
    let publisher = source.publisher().expect("the tricky source names one");
    assert_eq!(
        name(variant("enum.Source.html", &format!("{source:?}"))),
        format!("{}, {publisher}.", source.name())
    );
    let c = CONDITION;
    assert_eq!(
        name(text_of(docblock(&page("constant.CONDITION.html"), None))),
        format!("{} ({}): {}", c.name, c.abbreviation, c.summary)
    );
    assert_eq!(
        name(text_of(docblock(&page("constant.DISCLAIMER.html"), None))),
        DISCLAIMER
    );
}
