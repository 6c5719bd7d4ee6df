//! Every view of the document shows exactly the written text: generated
//! strings full of Markdown and HTML metacharacters, newlines, entities,
//! backslashes, `<!--`, `[x]: u`, `***` and leading spaces or digits go
//! through each view as every kind of text node, and are parsed back:
//! the Markdown with pulldown-cmark (CommonMark; raw HTML is always on in
//! it), the HTML with html5gum (a WHATWG tokenizer: its character tokens are
//! what a browser puts in text nodes, entities decoded), the XHTML with
//! roxmltree. The text read back equals the input, where a Markdown hard
//! break and an HTML/XHTML `<br>` stand for `\n` (the one representation of a
//! newline: in a heading the Markdown writes `&#10;`, read back as `\n`).

use lems_treatments_build::document::{code, item, strong, t, Block, Document, Html, Inline};
use lems_treatments_build::escape;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// Pieces that mean something somewhere in Markdown or HTML.
const PIECES: &[&str] = &[
    "a",
    "b",
    "Z",
    "é",
    "2",
    "10",
    " ",
    "  ",
    "   ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "*",
    "**",
    "***",
    "_",
    "__",
    "`",
    "```",
    "~~",
    "~~~",
    "[",
    "]",
    "[x]: http://u",
    "(",
    ")",
    "!",
    "<",
    ">",
    "<!--",
    "-->",
    "<b>",
    "</p>",
    "<http://e.org>",
    "&",
    "&amp;",
    "&#65;",
    "&#x41;",
    "&nbsp",
    "\\",
    "\\*",
    "#",
    "## ",
    "-",
    "- ",
    "+ ",
    "=",
    "===",
    "---",
    "1. ",
    "2) ",
    "12.",
    "|",
    ":",
    "'",
    "\"",
    "{",
    "}",
    "$",
    "^",
    "%",
    ".",
    "http://x.org",
    "www.x.org",
    "2*5 mg",
    "\u{a0}",
];

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..14).prop_map(|v| v.concat())
}

/// The kinds of text node each string is tried as, with the text the views
/// must show.
fn documents(s: &str) -> Vec<(Document, String)> {
    let p = |v: Vec<Inline>| Document::new(vec![Block::Paragraph(v)]);
    vec![
        (p(vec![t(s)]), s.to_string()),
        (
            Document::new(vec![Block::List(vec![item(vec![t(s)]), item(vec![t(s)])])]),
            format!("{s}{s}"),
        ),
        (
            Document::new(vec![Block::Heading {
                level: 2,
                content: vec![t(s)],
            }]),
            s.to_string(),
        ),
        (p(vec![strong(s)]), s.to_string()),
        (
            p(vec![t("x "), strong(s), t(s), code(s), t(" y")]),
            format!("x {s}{s}{s} y"),
        ),
        (p(vec![code(s)]), s.to_string()),
        (
            Document::new(vec![Block::Note {
                kind: lems_treatments_build::document::NoteKind::Disclaimer,
                content: vec![t(s)],
            }]),
            s.to_string(),
        ),
    ]
}

/// The text of Markdown as pulldown-cmark reads it; anything but text, code,
/// a hard break and the expected containers is written as a marker so the
/// comparison fails.
fn markdown_text(md: &str) -> String {
    let mut out = String::new();
    for e in Parser::new_ext(md, Options::empty()) {
        match e {
            Event::Text(s) | Event::Code(s) => out.push_str(&s),
            Event::HardBreak => out.push('\n'),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::List(None)
                | Tag::Item
                | Tag::BlockQuote(None)
                | Tag::Strong,
            )
            | Event::End(_) => {}
            other => out.push_str(&format!("⟨{other:?}⟩")),
        }
    }
    out
}

/// The text of HTML as a browser's tokenizer reads it (`<br>` as `\n`).
fn html_text(h: &str) -> String {
    use html5gum::{Token, Tokenizer};
    let allowed = [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "li",
        "blockquote",
        "strong",
        "em",
        "code",
        "br",
    ];
    let mut out = String::new();
    for token in Tokenizer::new(h).flatten() {
        match token {
            // The view writes every newline of a text as `<br />`: a bare
            // "\n" between two tags is its separator between blocks.
            Token::String(s) if &s[..] == b"\n" => {}
            Token::String(s) => out.push_str(&String::from_utf8_lossy(&s)),
            Token::StartTag(tag) if &tag.name[..] == b"br" => out.push('\n'),
            // The note's own frame (the view's markup, never content's).
            Token::StartTag(tag)
                if &tag.name[..] == b"div"
                    && tag
                        .attributes
                        .get(&b"class"[..])
                        .is_some_and(|c| c.value.starts_with(b"note")) => {}
            Token::EndTag(tag) if &tag.name[..] == b"div" => {}
            Token::StartTag(tag) if allowed.iter().any(|a| a.as_bytes() == &tag.name[..]) => {}
            Token::EndTag(tag) if allowed.iter().any(|a| a.as_bytes() == &tag.name[..]) => {}
            Token::Error(_) => {}
            other => out.push_str(&format!("⟨{other:?}⟩")),
        }
    }
    out
}

/// The text of XHTML as an XML parser reads it (`<br/>` as `\n`).
fn xml_text(x: &str) -> Result<String, String> {
    let wrapped = format!("<div xmlns=\"http://www.w3.org/1999/xhtml\">{x}</div>");
    let doc =
        roxmltree::Document::parse(&wrapped).map_err(|e| format!("not well-formed: {e}\n{x}"))?;
    let mut out = String::new();
    for n in doc.root().descendants() {
        if n.is_text() {
            out.push_str(n.text().unwrap_or_default());
        } else if n.has_tag_name("br") {
            out.push('\n');
        }
    }
    Ok(out)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn markdown_reads_back_the_text(s in hostile()) {
        for (d, want) in documents(&s) {
            let md = d.markdown();
            prop_assert_eq!(markdown_text(&md), want.clone(), "markdown {:?}", md);
        }
    }

    #[test]
    fn html_reads_back_the_text(s in hostile()) {
        for (d, want) in documents(&s) {
            let h = d.html(Html::page(0));
            prop_assert_eq!(html_text(&h), want.clone(), "html {:?}", h);
        }
    }

    #[test]
    fn xhtml_is_well_formed_and_reads_back_the_text(s in hostile()) {
        for (d, want) in documents(&s) {
            let x = d.html(Html::NARRATIVE);
            prop_assert_eq!(xml_text(&x), Ok(want.clone()));
        }
    }
}

#[test]
fn the_issues_cases_read_back_exactly() {
    for s in [
        "<!--",
        "a\n\n## Cautions\n\nNone: the sources say it is safe",
        "x\n[x]: http://example.org",
        "2*5 mg or 3*4 mg",
        "&amp; &#65; \\* \\",
    ] {
        for (d, want) in documents(s) {
            assert_eq!(markdown_text(&d.markdown()), want, "{:?}", d.markdown());
            assert_eq!(html_text(&d.html(Html::page(0))), want);
        }
    }
}

#[test]
fn characters_xml_forbids_are_shown_not_emitted() {
    let s = "a\u{ffff}b\u{fffe}c\u{1}d\u{1b}";
    let x = Document::new(vec![Block::Paragraph(vec![t(s)])]).html(Html::NARRATIVE);
    assert_eq!(
        xml_text(&x),
        Ok("a\\u{ffff}b\\u{fffe}c\\u{1}d\\u{1b}".to_string())
    );
    assert_eq!(escape::html("\u{ffff}"), "\\u{ffff}");
}
