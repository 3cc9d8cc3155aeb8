//! Making untrusted text safe to show (console and CLI alike): control characters and escape introducers become visible
//! placeholders, so a user attribute can never write an escape sequence to the terminal.

use std::borrow::Cow;

/// `text` with every control character replaced by a visible placeholder: C0 controls by their
/// Unicode "control picture" (ESC → `␛`), DEL by `␡`, C1 controls and bidirectional overrides
/// by `�`.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_placeholder) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if needs_placeholder(c) {
                    placeholder(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

fn needs_placeholder(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn placeholder(c: char) -> char {
    match u32::from(c) {
        code @ 0x00..=0x1F => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(inert("plain"), "plain");
        assert_eq!(inert("\u{1b}[31mred\u{7}"), "␛[31mred␇");
        assert_eq!(inert("a\u{9b}b\u{202e}c\u{0}"), "a\u{FFFD}b\u{FFFD}c␀");
        assert!(!inert("\r\n\t\u{7f}").chars().any(char::is_control));
    }
}
