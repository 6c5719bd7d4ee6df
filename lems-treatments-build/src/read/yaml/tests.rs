//! The YAML reader's unit tests: what it accepts, what it refuses and where
//! it says so.

use super::*;

fn ok(text: &str) -> Document {
    match parse("t.yaml", text) {
        Ok(d) => d,
        Err(e) => panic!("expected success, got {e:?}"),
    }
}

fn err(text: &str) -> Vec<Diagnostic> {
    match parse("t.yaml", text) {
        Ok(d) => panic!("expected an error, got {:?}", d.value),
        Err(e) => e,
    }
}

#[test]
fn yaml_1_2_keeps_no_and_yes_as_text() {
    let d = ok("a: NO\nb: yes\nc: 012\nd: 1e3\ne: '012'\n");
    assert_eq!(d.value["a"], "NO");
    assert_eq!(d.value["b"], "yes");
    assert_eq!(d.value["c"], 12);
    assert_eq!(d.value["d"], 1000.0);
    assert_eq!(d.value["e"], "012");
}

#[test]
fn spans_locate_keys_and_values() {
    let d = ok("id: x\nlist:\n  - one\n  - two\n");
    let s = d.locate("/list/1");
    assert_eq!(s.value.0, Position { line: 4, column: 5 });
    let s = d.locate("/id");
    assert_eq!(s.key.map(|k| k.0), Some(Position { line: 1, column: 1 }));
    assert_eq!(s.value.0, Position { line: 1, column: 5 });
    // Unknown pointers fall back to the nearest ancestor.
    assert_eq!(
        d.locate("/list/1/deeper").value.0,
        Position { line: 4, column: 5 }
    );
}

#[test]
fn duplicate_keys_are_located_at_the_second() {
    let e = err("a: 1\nb: 2\na: 3\n");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::DuplicateKey);
    assert_eq!(e[0].start, Position { line: 3, column: 1 });
    assert!(e[0].help.as_deref().unwrap_or("").contains("line 1"));
}

#[test]
fn empty_and_comment_only_files_are_refused() {
    assert_eq!(err("")[0].code, Code::UnsupportedYaml);
    assert_eq!(err("# just a comment\n")[0].code, Code::UnsupportedYaml);
}

#[test]
fn several_documents_are_refused() {
    let e = err("a: 1\n---\nb: 2\n");
    assert_eq!(e[0].code, Code::UnsupportedYaml);
    assert_eq!(e[0].start.line, 2);
}

#[test]
fn tabs_give_a_syntax_error_with_help() {
    let e = err("a:\n\t- b\n");
    assert_eq!(e[0].code, Code::YamlSyntax);
}

#[test]
fn alias_bombs_are_bounded() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..8 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let e = err(&text);
    assert!(e.iter().any(|d| d.message.contains("aliases")), "{e:?}");
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let text = "- ".repeat(100_000) + "x\n";
    let e = err(&text);
    assert!(e.iter().any(|d| d.message.contains("nested")), "{e:?}");
    let text = "[".repeat(300) + &"]".repeat(300);
    assert!(parse("t.yaml", &text).is_err());
}

#[test]
fn non_text_keys_and_tags_are_refused() {
    assert_eq!(err("1: a\n")[0].code, Code::UnsupportedYaml);
    assert_eq!(err("a: !custom b\n")[0].code, Code::UnsupportedYaml);
    assert_eq!(err("? [a]\n: b\n")[0].code, Code::UnsupportedYaml);
}

#[test]
fn invisible_characters_are_reported_with_a_cap() {
    let text = "- \u{200B}\n".repeat(5000);
    let (doc, d) = load_bytes("t.yaml", text.as_bytes());
    assert!(doc.is_some());
    assert_eq!(d.len(), 21, "20 located, then a count");
    assert!(d[20].message.contains("4980 more"), "{}", d[20].message);
}

#[test]
fn tags_are_honoured_exactly_or_refused() {
    let d = ok("a: !!str 012\nb: !!int 12\nc: !!str \"x\"\ne: !!seq [x]\n");
    assert_eq!(d.value["a"], "012");
    assert_eq!(d.value["b"], 12);
    assert_eq!(d.value["c"], "x");
    assert_eq!(d.value["e"][0], "x");
    for text in [
        "a: !!int \"12\"\n",
        "a: !!bool 'true'\n",
        "a: !!binary aGk=\n",
        "a: !!map [x]\n",
        "a: !!str [x]\n",
        "a: ! 12\n",
    ] {
        assert_eq!(err(text)[0].code, Code::UnsupportedYaml, "{text}");
    }
}

#[test]
fn only_yaml_1_2_directives_are_accepted() {
    assert_eq!(ok("%YAML 1.2\n---\na: b\n").value["a"], "b");
    for text in [
        "%YAML 1.1\n---\na: b\n",
        "%YAML 2.0\n---\na: b\n",
        "%TAG !e! tag:x,2000:\n---\na: b\n",
        "%FOO bar\n---\na: b\n",
    ] {
        let e = err(text);
        assert_eq!(e[0].code, Code::UnsupportedYaml, "{text}");
        assert_eq!(e[0].start, Position::START);
    }
}

#[test]
fn a_zero_width_joiner_is_allowed_only_inside_emoji() {
    let (doc, d) = load_bytes(
        "t.yaml",
        "a: \"\u{1F469}\u{200D}\u{2695}\u{FE0F} nurse\"\n".as_bytes(),
    );
    assert!(doc.is_some() && d.is_empty(), "{d:?}");
    let (_, d) = load_bytes(
        "t.yaml",
        "a: \"\u{1F469}\u{1F3FD}\u{200D}\u{1F52C}\"\n".as_bytes(),
    );
    assert!(d.is_empty(), "skin tone before the joiner: {d:?}");
    let (_, d) = load_bytes("t.yaml", "a: \"ab\u{200D}cd\"\n".as_bytes());
    assert_eq!(d.len(), 1);
    assert!(d[0]
        .help
        .as_deref()
        .unwrap_or("")
        .contains("only between two emoji"));
}

#[test]
fn expansion_is_bounded_in_bytes_not_only_values() {
    let text = format!(
        "a: &a \"{}\"\nb: [{}]\n",
        "x".repeat(200_000),
        vec!["*a"; 60].join(", ")
    );
    let e = err(&text);
    assert_eq!(e[0].code, Code::TooLarge, "{e:?}");
    assert_eq!(e[0].start.line, 2);
}

#[test]
fn bytes_checks_report_bom_invisible_chars_and_bad_utf8() {
    let (doc, d) = load_bytes("t.yaml", "\u{FEFF}a: b\u{200B}c\n".as_bytes());
    assert!(doc.is_some());
    assert_eq!(d.len(), 2);
    assert_eq!(d[1].start, Position { line: 1, column: 5 });
    let (doc, d) = load_bytes("t.yaml", b"a: b\nc: \xff\n");
    assert!(doc.is_none());
    assert_eq!(d[0].code, Code::Unreadable);
    assert_eq!(d[0].start, Position { line: 2, column: 4 });
}
