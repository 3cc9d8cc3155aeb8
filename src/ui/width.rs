//! Text whose display width terminals disagree on.

/// Whether `text` has characters whose display width terminals and `unicode-width` disagree on
/// (the spacing vowel signs and conjuncts of Indic and South-East Asian scripts). After drawing
/// such text the next frame is repainted in full, so no stray cells are left behind.
pub fn has_fragile_width(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(u32::from(c), 0x0900..=0x0DFF | 0x0E00..=0x0EFF | 0x0F00..=0x109F | 0x1780..=0x17FF)
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
}
