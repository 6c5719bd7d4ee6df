//! Unicode hygiene for clinical text: normalisation form C, names that look
//! alike across scripts (Unicode TR39 confusable skeletons) and words that
//! mix scripts. The tables come from `unicode-normalization` and
//! `unicode-security`, not from this crate.

use unicode_normalization::UnicodeNormalization;
use unicode_security::MixedScript;

use crate::escape::terminal;

/// When `text` is not in normalisation form C: its first word that is not,
/// and that word's NFC form.
pub fn not_nfc(text: &str) -> Option<(String, String)> {
    if unicode_normalization::is_nfc(text) {
        return None;
    }
    let word = text
        .split_whitespace()
        .find(|w| !unicode_normalization::is_nfc(w))
        .unwrap_or(text);
    Some((word.to_string(), word.nfc().collect()))
}

/// The key names are compared by: NFC, lower case, then the TR39 skeleton,
/// so `Mestinon` and `Mеstinon` (Cyrillic `е`) get the same key.
pub fn skeleton_key(text: &str) -> String {
    let folded: String = text.nfc().flat_map(char::to_lowercase).collect();
    unicode_security::skeleton(&folded).collect()
}

/// The first word of `text` that mixes scripts (for example a Cyrillic letter
/// inside a Latin word), with the characters from outside the word's main script.
pub fn mixed_script_word(text: &str) -> Option<String> {
    // Invisible characters are reported on their own; they do not make a word mixed.
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| {
            let letters: String = w
                .chars()
                .filter(|c| crate::chars::invisible_char_name(*c).is_none())
                .collect();
            !letters.is_empty() && !letters.as_str().is_single_script()
        })
        .map(str::to_string)
}

/// A description of the characters of `word` that are not ASCII, as
/// `U+0435` code points, so a reader can see which letter is foreign.
pub fn foreign_letters(word: &str) -> String {
    let list: Vec<String> = word
        .chars()
        .filter(|c| !c.is_ascii())
        .map(|c| format!("`{}` U+{:04X}", terminal(&c.to_string()), c as u32))
        .collect();
    list.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_is_required() {
        assert_eq!(not_nfc("caf\u{e9}"), None);
        assert_eq!(
            not_nfc("a cafe\u{301} b"),
            Some(("cafe\u{301}".to_string(), "caf\u{e9}".to_string()))
        );
    }

    #[test]
    fn look_alikes_share_a_key_and_mixed_words_are_found() {
        assert_eq!(skeleton_key("Mestinon"), skeleton_key("M\u{435}stinon"));
        assert_ne!(skeleton_key("Mestinon"), skeleton_key("Firdapse"));
        assert_eq!(
            mixed_script_word("Brand M\u{435}stinon").as_deref(),
            Some("M\u{435}stinon")
        );
        assert_eq!(mixed_script_word("β-interferon 3,4-diaminopyridine"), None);
        assert_eq!(mixed_script_word("Mestinon"), None);
    }
}
