//! Characters that content may not hold because a reader cannot see them.
//! A leaf module: the YAML loader, the diagnostics and the generator use it.

/// Characters that are invisible or change text direction: they can hide
/// content from a reviewer (the "Trojan Source" characters), so content may not hold them.
pub fn invisible_char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
        '\u{034F}' => "COMBINING GRAPHEME JOINER",
        '\u{115F}' => "HANGUL CHOSEONG FILLER (renders blank)",
        '\u{1160}' => "HANGUL JUNGSEONG FILLER (renders blank)",
        '\u{3164}' => "HANGUL FILLER (renders blank)",
        '\u{FFA0}' => "HALFWIDTH HANGUL FILLER (renders blank)",
        '\u{2800}' => "BRAILLE PATTERN BLANK (renders blank)",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{FFF9}' => "INTERLINEAR ANNOTATION ANCHOR",
        '\u{FFFA}' => "INTERLINEAR ANNOTATION SEPARATOR",
        '\u{FFFB}' => "INTERLINEAR ANNOTATION TERMINATOR",
        '\u{E0000}'..='\u{E007F}' => "TAG CHARACTER (invisible)",
        _ => return None,
    })
}

/// Characters that are not text a reader can be shown: Unicode
/// noncharacters (never assigned; XML refuses U+FFFE and U+FFFF), private-use
/// characters (no agreed picture: each font draws what it likes), and the
/// replacement characters U+FFFC and U+FFFD (they stand for something that is
/// not there). What kind of character it is, or `None` for ordinary text.
pub fn not_text_kind(c: char) -> Option<&'static str> {
    let u = c as u32;
    Some(match u {
        0xFDD0..=0xFDEF => "a Unicode noncharacter (never assigned to any letter or symbol)",
        _ if u & 0xFFFE == 0xFFFE => {
            "a Unicode noncharacter (never assigned to any letter or symbol)"
        }
        0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x10_0000..=0x10_FFFD => {
            "a private-use character (it has no agreed picture: each font draws its own, or nothing)"
        }
        0xFFFC => "OBJECT REPLACEMENT CHARACTER (it stands for a picture or object that is not there)",
        0xFFFD => "REPLACEMENT CHARACTER (it marks a character that was lost when the text was converted)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::not_text_kind;

    #[test]
    fn noncharacters_private_use_and_replacements_are_not_text() {
        for c in [
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
            '\u{E000}',
            '\u{F8FF}',
            '\u{F0000}',
            '\u{10FFFD}',
            '\u{FFFC}',
            '\u{FFFD}',
        ] {
            assert!(not_text_kind(c).is_some(), "U+{:04X}", c as u32);
        }
        for c in [
            'a',
            'é',
            '\u{FDCF}',
            '\u{FDF0}',
            '\u{FFFB}',
            '\u{F900}',
            '\u{1F600}',
            '\u{EFFFD}',
        ] {
            assert!(not_text_kind(c).is_none(), "U+{:04X}", c as u32);
        }
    }
}
