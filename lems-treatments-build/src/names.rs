//! The Rust names content becomes: an id's enum variant, the items the
//! generator emits beside the variants (which no id may take), and the case
//! folding every lookup uses; and the one rule every id must pass on its own
//! ([`id_refusal`]), with suggestions that pass it ([`suggest_id`]), which
//! `check` and `lems-content new` both apply. It reads only the model's value
//! rules: the checker and the generator both read it, so neither needs the other.

/// The Rust variant name of an id: `intravenous_immunoglobulin` → `IntravenousImmunoglobulin`.
pub fn variant_name(id: &str) -> String {
    let mut out = String::new();
    for word in id.split('_') {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// Whether an id can become a Rust enum variant.
pub fn is_rust_variant(name: &str) -> bool {
    !name.is_empty() && name != "Self" && syn::parse_str::<syn::Ident>(name).is_ok()
}

/// File names Windows reserves for devices, whatever the case and whatever
/// extension follows (`con.yaml` cannot be checked out there).
pub const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why an id is refused on its own, with how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdRefusal {
    /// What is wrong, completing "the id `x` …".
    pub why: String,
    /// How to fix it, with an id that passes every rule.
    pub help: String,
}

/// Why `id` cannot be an id, whatever the rest of the content: the id rule
/// ([`crate::model::id_problem`]: lowercase words joined by single
/// underscores, at most 64 bytes), a file name Windows reserves, a Rust name
/// that is reserved, or one that the generated code already uses. `check`
/// refuses each of these; `lems-content new` refuses them before writing a file.
pub fn id_refusal(id: &str) -> Option<IdRefusal> {
    let help = |what: &str| format!("{what}, for example `{}`", suggest_id(id));
    if let Some(why) = crate::model::id_problem(id) {
        return Some(if id.len() > 64 {
            IdRefusal {
                why: format!("is {} bytes long; an id has at most 64", id.len()),
                help: help("shorten it"),
            }
        } else {
            IdRefusal {
                why: why.to_string(),
                help: format!("for example `{}`", suggest_id(id)),
            }
        });
    }
    if WINDOWS_RESERVED.contains(&id) {
        return Some(IdRefusal {
            why: format!("cannot be a file name on Windows (`{id}.yaml` names a device there), so the file could not be checked out"),
            help: help("add a word"),
        });
    }
    let v = variant_name(id);
    if !is_rust_variant(&v) {
        return Some(IdRefusal {
            why: format!("cannot become a Rust name (`{v}` is reserved)"),
            help: help("choose another id (add a word)"),
        });
    }
    if ASSOCIATED_ITEMS.contains(&v.as_str()) {
        return Some(IdRefusal {
            why: format!("becomes the Rust name `{v}`, which the generated code already uses"),
            help: help("choose an id whose words are not single letters"),
        });
    }
    None
}

/// An id made from `text` that [`id_refusal`] accepts: `Foo Bar` → `foo_bar`,
/// `a_l_l` → `all_item`, `con` → `con_item`, cut to 64 bytes.
pub fn suggest_id(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let mut out = out.trim_end_matches('_').to_string();
    if out.is_empty() || !out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out = format!("item_{out}").trim_end_matches('_').to_string();
    }
    // Room for `_item`, and never more than an id may hold.
    out.truncate(64 - "_item".len());
    let out = out.trim_end_matches('_').to_string();
    if accepted(&out) {
        return out;
    }
    let joined: String = out.chars().filter(|c| *c != '_').collect();
    [
        joined.clone(),
        format!("{out}_item"),
        format!("{joined}_item"),
    ]
    .into_iter()
    .find(|c| accepted(c))
    .unwrap_or_else(|| "item".to_string())
}

/// Whether `id` passes every rule of [`id_refusal`] (without building its help).
fn accepted(id: &str) -> bool {
    let v = variant_name(id);
    crate::model::id_problem(id).is_none()
        && !WINDOWS_RESERVED.contains(&id)
        && is_rust_variant(&v)
        && !ASSOCIATED_ITEMS.contains(&v.as_str())
}

/// Lowercases the way the generated lookup compares: char by char.
pub fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// The hash a folded lookup key is filed under in the generated tables: its
/// bytes eight at a time (little-endian, the last word zero-filled), each
/// word mixed in by a rotate, xor and multiply, then the high half of one
/// more multiply. `FoldHasher` in the crate's `src/lib.rs` computes the same
/// at run time; the lookup tests at every size fail if the two disagree.
pub fn lookup_hash(folded: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut hash: u64 = 0;
    for chunk in folded.as_bytes().chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    hash.wrapping_mul(K) >> 32
}

/// Every associated item (constant or function) emitted in the `impl` blocks
/// of the content enums, by the generator and by the hand-written library
/// around it. An id whose Rust variant name is one of these is refused by the
/// checker: a variant and an associated item of the same name either break the
/// build or make `Treatment::ALL` name the variant, silently changing the
/// public API. The test `reserved_names` parses the generated code and `src/`
/// and fails when an emitted item is missing here, so the list cannot drift.
pub const ASSOCIATED_ITEMS: &[&str] = &[
    "ALL",
    "COUNT",
    "IN_GUIDE_ORDER",
    "LOOKUP",
    "address",
    "all_sources",
    "applied_cautions",
    "atc",
    "brand_names",
    "brands",
    "card",
    "card_markdown",
    "categories",
    "category",
    "cautions",
    "cautions_not_applied",
    "children",
    "code",
    "codes",
    "description",
    "explanation",
    "fhir_system",
    "for_the_patient",
    "from_code",
    "grade",
    "guide_card_markdown",
    "guide_section",
    "has_code",
    "id",
    "indication",
    "is_approved_in",
    "kind",
    "last_updated",
    "mechanisms",
    "name",
    "note",
    "order",
    "parent",
    "publisher",
    "read",
    "record",
    "region",
    "regulatory",
    "review_status",
    "reviewed",
    "search",
    "search_keys",
    "shares_caution_with",
    "sources",
    "summary",
    "synonyms",
    "target",
    "title",
    "treatments",
    "usage",
    "used_with",
];

#[cfg(test)]
mod tests {
    use super::{id_refusal, lookup_hash, suggest_id};

    #[test]
    fn every_suggestion_passes_the_id_rules() {
        let long = "a".repeat(65);
        let long_words = "word_".repeat(20);
        for text in [
            "Foo Bar",
            "3x",
            "--",
            "",
            "self",
            "Self",
            "crate",
            "super",
            "con",
            "NUL",
            "com1",
            "lpt9",
            "a_l_l",
            "all",
            "ALL",
            "c_o_u_n_t",
            long.as_str(),
            long_words.as_str(),
            "é",
            "item",
            "a__b",
            "_x_",
            "fn",
        ] {
            let s = suggest_id(text);
            assert_eq!(id_refusal(&s), None, "{text:?} -> {s:?}");
            if let Some(r) = id_refusal(text) {
                assert!(r.help.contains(&format!("`{s}`")), "{text:?}: {r:?}");
            }
        }
        assert_eq!(suggest_id("Foo Bar"), "foo_bar");
        assert_eq!(suggest_id("3x"), "item_3x");
        assert_eq!(suggest_id("--"), "item");
    }

    #[test]
    fn reserved_and_long_ids_are_refused_and_near_ones_accepted() {
        for bad in [
            "self", "con", "nul", "aux", "prn", "com1", "lpt0", "a_l_l", "Bad",
        ] {
            assert!(id_refusal(bad).is_some(), "{bad}");
        }
        assert!(id_refusal(&"a".repeat(65)).is_some_and(|r| r.why.contains("65 bytes")));
        for good in [
            "con_x",
            "console",
            "com10",
            "nul_item",
            "pyridostigmine",
            &"a".repeat(64),
        ] {
            assert_eq!(id_refusal(good), None, "{good}");
        }
    }

    /// The same vectors are pinned in the crate's `src/lib.rs` (its run-time
    /// hash): if either side changes, one of the two tests fails.
    #[test]
    fn lookup_hash_is_pinned() {
        for (key, want) in [
            ("", 0x0),
            ("rituximab", 0x6941_22b9),
            ("abcdefgh", 0xfbb3_ac3f),
            ("abcdefghijklmnop", 0x27dc_288c),
            ("äöü straße", 0x1553_0374),
            ("x".repeat(70).as_str(), 0xe5a8_d0c0),
        ] {
            assert_eq!(lookup_hash(key), want, "{key:?}");
        }
    }
}
