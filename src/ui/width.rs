//! Text whose display width terminals disagree on.

/// Whether `text` has characters whose display width terminals and `unicode-width` disagree on
/// (the spacing vowel signs and conjuncts of Indic and South-East Asian scripts).
pub fn has_fragile_width(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(u32::from(c), 0x0900..=0x0DFF | 0x0E00..=0x0EFF | 0x0F00..=0x109F | 0x1780..=0x17FF)
    })
}

/// Whether a terminal may draw `symbol` (one cell's grapheme) wider or narrower than
/// `unicode-width` says, or keep it in more cells than one: text of fragile width, and emoji
/// sequences (flags of two regional indicators, ZWJ sequences, skin tones, VS16).
pub fn is_uncertain(symbol: &str) -> bool {
    has_fragile_width(symbol)
        || symbol.chars().any(|c| {
            matches!(
                u32::from(c),
                0x200D | 0xFE0F | 0x1_F1E6..=0x1_F1FF | 0x1_F3FB..=0x1_F3FF
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragile_widths_are_recognised() {
        assert!(has_fragile_width("प्रिया"));
        assert!(!has_fragile_width("Zoë 田中 Дмитрий"));
    }

    #[test]
    fn emoji_sequences_are_uncertain_and_plain_wide_text_is_not() {
        for uncertain in ["🇺🇸", "❤\u{fe0f}", "👍🏽", "👩\u{200d}💻", "प्रि"]
        {
            assert!(is_uncertain(uncertain), "{uncertain}");
        }
        for certain in ["a", "田", "e\u{301}", "─", "😀"] {
            assert!(!is_uncertain(certain), "{certain}");
        }
    }
}
