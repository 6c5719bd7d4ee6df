//! The loader over generated hostile YAML (anchors, aliases, tags, directives,
//! control and invisible characters, deep nesting): it never panics, and the
//! memory it holds at its peak stays bounded, measured by a counting global
//! allocator (`allocation-counter`, so this binary needs no `unsafe`).

use lems_treatments_build::read::yaml::{load_bytes, MAX_EXPANDED_BYTES, MAX_FILE_BYTES};
use proptest::prelude::*;

/// The most the loader may hold at once for any one file: a constant times
/// its expansion budget plus a constant times the input (the text, its copy
/// and the spans of the values written out in it).
fn bound(input: usize) -> u64 {
    (8 * MAX_EXPANDED_BYTES + 200 * input) as u64
}

fn peak_bytes(text: &str) -> u64 {
    let info = allocation_counter::measure(|| {
        let out = load_bytes("t.yaml", text.as_bytes());
        std::hint::black_box(out);
    });
    info.bytes_max
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a: ".to_string()),
        Just("- ".to_string()),
        Just("\n".to_string()),
        Just("  ".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(", ".to_string()),
        Just("&a ".to_string()),
        Just("&b ".to_string()),
        Just("*a".to_string()),
        Just("*b".to_string()),
        Just("!!int ".to_string()),
        Just("!!str ".to_string()),
        Just("!custom ".to_string()),
        Just("!!map ".to_string()),
        Just("%YAML 1.1\n---\n".to_string()),
        Just("\"\\e[2J\"".to_string()),
        Just("\"\\uD83D\\uDE00\"".to_string()),
        Just("\u{1b}".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{e0041}".to_string()),
        Just("\u{3164}".to_string()),
        Just("x".repeat(1000)),
        "[a-z]{1,8}".prop_map(|s| s),
        "[ -~]{1,12}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_pieces_never_panic_and_stay_bounded(pieces in prop::collection::vec(piece(), 0..200)) {
        let text: String = pieces.concat();
        let peak = peak_bytes(&text);
        prop_assert!(peak <= bound(text.len()), "{peak} bytes for {} bytes of input", text.len());
    }

    #[test]
    fn alias_chains_stay_bounded(width in 1usize..20, depth in 1usize..12, leaf in 1usize..20_000) {
        let mut text = format!("a0: &a0 \"{}\"\n", "x".repeat(leaf));
        for i in 1..depth {
            let items = vec![format!("*a{}", i - 1); width].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{items}]\n"));
        }
        let peak = peak_bytes(&text);
        prop_assert!(peak <= bound(text.len()), "{peak} bytes for {} bytes of input", text.len());
    }
}

/// The worst cases found by hand, near the 1 MiB file limit.
#[test]
fn hand_made_bombs_stay_bounded() {
    let big = "x".repeat(MAX_FILE_BYTES / 2);
    let cases = [
        // Aliases to one large string.
        format!("a: &a \"{big}\"\nb: [{}]\n", vec!["*a"; 1000].join(", ")),
        // Nested anchors without aliases: every level is a copy.
        {
            let mut s = format!("\"{big}\"");
            for i in 0..60 {
                s = format!("&n{i} [{s}]");
            }
            format!("a: {s}\n")
        },
        // Many small values, each with a span.
        format!("a: [{}]\n", vec!["x"; MAX_FILE_BYTES / 3].join(",")),
        // Long keys nested deep (refused).
        {
            let key = "k".repeat(120);
            let mut s = String::new();
            for d in 0..60 {
                s.push_str(&" ".repeat(d * 2));
                s.push_str(&key);
                s.push_str(":\n");
            }
            s.push_str(&" ".repeat(120));
            s.push_str(&format!("[{}]\n", vec!["y"; 50_000].join(",")));
            s
        },
    ];
    for text in cases {
        assert!(text.len() <= MAX_FILE_BYTES + 10, "{}", text.len());
        let peak = peak_bytes(&text);
        eprintln!("peak {peak} bytes for {} bytes of input", text.len());
        assert!(
            peak <= bound(text.len()),
            "{peak} bytes for {} bytes of input",
            text.len()
        );
    }
}
