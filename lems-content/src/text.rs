//! Small text helpers the text and HTML renderers share.

/// `s` with its first character in upper case (`treatment` → `Treatment`).
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_character_changes() {
        assert_eq!(capitalised("treatment"), "Treatment");
        assert_eq!(capitalised("éa b"), "Éa b");
        assert_eq!(capitalised(""), "");
    }
}
