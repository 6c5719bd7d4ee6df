//! `escape::rustdoc`: whatever the text, the Markdown it becomes is read back
//! by a CommonMark parser (pulldown-cmark, with every extension, rustdoc's
//! among them) as exactly that text: text and line breaks only, never code,
//! a link, HTML, emphasis or a block.

use lems_treatments_build::escape::{needs_escape, rustdoc};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a reader should see: the text, its final line breaks aside, with
/// what a terminal would hide shown as its code (as `escape::terminal` does).
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

/// The text a CommonMark parser reads from `markdown`, or the first event
/// that is not plain text, a hard break or the one paragraph around them.
fn read_back(markdown: &str) -> Result<String, String> {
    let mut text = String::new();
    let mut paragraphs = 0;
    for event in Parser::new_ext(markdown, Options::all()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::HardBreak => text.push('\n'),
            Event::Start(Tag::Paragraph) => paragraphs += 1,
            Event::End(TagEnd::Paragraph) => {}
            other => return Err(format!("{other:?}")),
        }
    }
    if paragraphs > 1 {
        return Err(format!("{paragraphs} paragraphs"));
    }
    Ok(text)
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let markdown = rustdoc(text);
    let back = read_back(&markdown).map_err(|e| {
        TestCaseError::fail(format!("{text:?} as {markdown:?} reads as markup: {e}"))
    })?;
    prop_assert_eq!(&back, &expected(text), "{:?} as {:?}", text, markdown);
    // A doc comment holds it: no character rustc refuses there.
    prop_assert!(!markdown.chars().any(|c| c != '\n' && needs_escape(c)));
    Ok(())
}

#[test]
fn every_attack_on_rustdoc_reads_back_as_text() {
    for text in [
        "```rust\nstd::process::exit(1);\n```",
        "~~~\npanic!()\n~~~",
        "Intro:\n\n    let x = 1;\n    std::fs::write(\"x\", \"\");",
        "    indented first line",
        "[Treatment] and [`Treatment`] and [x](javascript:alert(1))",
        "<https://x> and https://example.org and www.example.org",
        "<dose> <script>alert(1)</script> <img src=x onerror=alert(1)>",
        "&amp; &#x3C; &lt; &nbsp; \\* \\",
        "# heading\n## another\nSetext\n===\nand\n---",
        "- item\n+ item\n* item\n1. one\n2) two",
        "> quote\n> > nested",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "*emph* __x__ **strong** ~~del~~ ~sub~ ^sup^ `code` ``co`de``",
        "<!-- hidden\nrest -->",
        "[^1] note\n\n[^1]: the footnote",
        "[x]: http://y \"title\"",
        "line ending in a backslash \\\nnext",
        "\"# */ //! /// r##\"x\"## {} }",
        "two trailing spaces  \nnext",
        "\"quotes\" 'apostrophes' -- --- ... smart punctuation",
        "a\n\nb\n\n\nc",
        "\nstarts with a line break",
        "ends with line breaks\n\n",
        "- [ ] task\n- [x] done",
        "$x^2$ and $$y$$ math",
        "[[wiki link]]",
        "Term\n: definition",
        "> [!NOTE]\n> gfm note",
        "{#id .class} heading attribute",
        "---\ntitle: front matter\n---",
        "\ttab\tinside\t",
        "   three spaces, then a line of only spaces\n   \nend  ",
        "\u{1b}[2J \u{202e} \u{200b} \r \u{85} \u{2028}",
        "",
        "🦀 日本語 é",
        "1. first\n2.5 mg\n10) tenth\n...\n. .. a.b. 3.",
        "mail@example.org <mail@example.org> ftp://x, y; z? 100%",
    ] {
        if let Err(e) = check(text) {
            panic!("{e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn markup_like_text_reads_back_as_text(
        text in "([-*_`~#>|!\\[\\]()<>&;:/\\\\\"'=+.,?%@^${}0-9a-z ]|\\n|\\t|    |\\.\\.|[0-9]\\.|https?://|www\\.|-+|[0-9]\\)|\\]\\(){0,60}"
    ) {
        check(&text)?;
    }

    #[test]
    fn any_text_reads_back_as_text(text in any::<String>()) {
        check(&text)?;
    }
}
