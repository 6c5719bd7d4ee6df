//! The Rust names content becomes: an id's enum variant, the items the
//! generator emits beside the variants (which no id may take), and the case
//! folding every lookup uses. A leaf module: the checker and the generator
//! both read it, so neither needs the other.

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
    "region",
    "regulatory",
    "reviewed",
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
    use super::lookup_hash;

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
