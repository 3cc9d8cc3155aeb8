//! Making untrusted text safe to show (console and CLI alike). Control characters, escape
//! introducers and bidirectional controls become visible placeholders, so a user attribute can
//! never write an escape sequence to the terminal; and in a single-line place, text from PingOne
//! stays on one line, its runs of whitespace collapse, and a long value is cut with a visible
//! marker that gives its length, so it can never pad itself into a line of pingdesk's own.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

/// Longest a value from PingOne is shown, in characters, before it is cut (see [`capped`]).
pub const LONG_VALUE: usize = 256;

/// `text` with every control character replaced by a visible placeholder: C0 controls by their
/// Unicode "control picture" (ESC → `␛`), DEL by `␡`, C1 controls and bidirectional controls
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

/// [`inert`] line by line: line breaks stay (a message of several lines for standard error),
/// every other control becomes a placeholder.
pub fn inert_lines(text: &str) -> String {
    text.split('\n').map(inert).collect::<Vec<_>>().join("\n")
}

/// Whether `c` reorders or hides text around it: the bidirectional embeddings, overrides,
/// isolates and marks (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn needs_placeholder(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn placeholder(c: char) -> char {
    match u32::from(c) {
        code @ 0x00..=0x1F => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// Whether `c` shows as blank space: whitespace (line breaks and tabs included) and the
/// characters that draw as an empty cell without being whitespace (Hangul fillers, the blank
/// Braille pattern), which could otherwise pad a value across the screen.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}' | '\u{180E}'
        )
}

/// `text` for a single-line place: every run of blank characters (line breaks and tabs
/// included) becomes one space, leading and trailing blanks go, and what is left is [`inert`].
pub fn one_line(text: &str) -> Cow<'_, str> {
    let tidy = !text.starts_with(is_blank)
        && !text.ends_with(is_blank)
        && !text.contains("  ")
        && !text.chars().any(|c| c != ' ' && is_blank(c));
    if tidy {
        return inert(text);
    }
    let words: Vec<&str> = text.split(is_blank).filter(|w| !w.is_empty()).collect();
    Cow::Owned(inert(&words.join(" ")).into_owned())
}

/// [`one_line`], cut to `max` characters when longer, with a marker that says so and how long
/// the value is: `Lorem ipsum… (10043 characters)`.
pub fn capped(text: &str, max: usize) -> Cow<'_, str> {
    let line = one_line(text);
    let count = line.chars().count();
    if count <= max {
        return line;
    }
    let kept: String = line.chars().take(max).collect();
    Cow::Owned(format!("{}… ({count} characters)", kept.trim_end()))
}

/// `text` split before a trailing ` [Correlation-Id …]`: the part a cut may take, and the
/// part it must keep whole (PingOne support asks for the id).
pub fn correlation_tail(text: &str) -> (&str, Option<&str>) {
    match text.rfind(" [Correlation-Id ") {
        Some(at) if text.ends_with(']') => (&text[..at], Some(&text[at + 1..])),
        _ => (text, None),
    }
}

/// An error message capped like [`capped`] to `max` characters in all, its trailing
/// `Correlation-Id` kept whole.
pub fn capped_error(text: &str, max: usize) -> String {
    let (body, tail) = correlation_tail(text);
    match tail {
        Some(tail) => {
            let count = one_line(body).chars().count();
            // The cut's own marker counts too, so that the whole fits in `max`.
            let marker = format!("… ({count} characters)").chars().count();
            let room = max.saturating_sub(tail.chars().count() + 1);
            let body = if count <= room {
                one_line(body)
            } else {
                capped(body, room.saturating_sub(marker))
            };
            format!("{body} {tail}")
        }
        None => capped(text, max).into_owned(),
    }
}

/// Longest a name (a username, an email) is shown inside one of pingdesk's sentences.
pub const NAME_IN_SENTENCE: usize = 64;

/// A name from PingOne for one of pingdesk's own sentences (a question, a status, an error):
/// on one line and at most [`NAME_IN_SENTENCE`] characters, so it cannot push the sentence's
/// own words out of sight.
pub fn in_sentence(name: &str) -> String {
    capped(name, NAME_IN_SENTENCE).into_owned()
}

/// `text` cut to `width` terminal columns, ending in `…` when something was cut (a table cell,
/// a header). `text` should already be [`one_line`]. Whole grapheme clusters are kept or
/// dropped (unicode-segmentation), so a cut never leaves half of a combined character (a letter
/// without its accent, half of a flag, an emoji without its modifier) on screen.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(grapheme);
    }
    if width > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// `value` as pretty JSON in which no control character reaches the terminal raw: C0 and C1
/// controls, DEL, the line and paragraph separators and the bidirectional controls are written
/// as `\uXXXX` escapes. It is still valid JSON and decodes to exactly `value`.
pub fn to_json(value: &impl serde::Serialize) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    // Outside strings JSON text is ASCII punctuation, digits, letters and spaces, so every such
    // character found is inside a string, where its escape means the same character.
    if !text.chars().any(needs_json_escape) {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_json_escape(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn needs_json_escape(c: char) -> bool {
    // serde_json already escapes C0; `\n` between tokens of pretty output must stay as it is.
    (c.is_control() && c != '\n') || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capped_error_keeps_its_correlation_id_whole_and_fits() {
        let id = "[Correlation-Id 2ca30974-3261-4ae7-9c93-4ceea61c0f7e]";
        let long = format!("Could not read: {} {id}", "denied; ".repeat(60));
        let cut = capped_error(&long, LONG_VALUE);
        assert!(cut.ends_with(id), "{cut}");
        assert!(cut.chars().count() <= LONG_VALUE, "{}", cut.chars().count());
        assert!(
            cut.contains("… (") && cut.contains(" characters) ["),
            "{cut}"
        );
        assert_eq!(
            capped(&cut, LONG_VALUE),
            cut,
            "a second cap leaves it whole"
        );
        let short = format!("Could not read: denied {id}");
        assert_eq!(capped_error(&short, LONG_VALUE), short);
        assert_eq!(capped_error("no id here", 4), "no i… (10 characters)");
    }

    #[test]
    fn escapes_become_visible() {
        assert_eq!(inert("plain"), "plain");
        assert_eq!(inert("\u{1b}[31mred\u{7}"), "␛[31mred␇");
        assert_eq!(inert("a\u{9b}b\u{202e}c\u{0}"), "a\u{FFFD}b\u{FFFD}c␀");
        assert_eq!(inert("x\u{200f}y\u{2067}z"), "x\u{FFFD}y\u{FFFD}z");
        assert!(!inert("\r\n\t\u{7f}").chars().any(char::is_control));
        assert_eq!(inert_lines("a\u{1b}\nb\r"), "a␛\nb␍");
    }

    #[test]
    fn single_line_places_collapse_blank_runs() {
        assert!(matches!(one_line("Ana Lima"), Cow::Borrowed("Ana Lima")));
        let padded = format!(
            "Ana{}✔ nothing stops this user signing in",
            " ".repeat(5000)
        );
        assert_eq!(
            one_line(&padded),
            "Ana ✔ nothing stops this user signing in"
        );
        assert_eq!(
            one_line("\n\t two\r\nlines \u{3164}\u{2800} x \u{a0}"),
            "two lines x"
        );
        assert_eq!(one_line("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(one_line("   "), "");
    }

    #[test]
    fn long_values_are_cut_with_their_length() {
        assert_eq!(capped("short", 10), "short");
        let long = "x".repeat(10_000);
        let shown = capped(&long, 20);
        assert_eq!(shown, format!("{}… (10000 characters)", "x".repeat(20)));
        assert_eq!(capped("a  b", 3), "a b", "collapsed before counting");
    }

    #[test]
    fn json_escapes_c1_and_bidi_and_round_trips() {
        let value = serde_json::json!({ "name": "a\u{9b}31mb\u{202e}c\u{7f}\u{2028}\n\u{1b}" });
        let text = to_json(&value).expect("encodes");
        assert!(
            text.contains("\\u009b") && text.contains("\\u202e"),
            "{text}"
        );
        assert!(
            !text.chars().any(|c| needs_json_escape(c) || c == '\u{1b}'),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn fitting_cuts_by_columns_with_a_marker() {
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("田中太郎", 5), "田中…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn fit_cuts_between_grapheme_clusters() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("abcdefgh", 5), "abcd…");
        // "e" + combining acute: the accent stays with its letter, or both go.
        assert_eq!(fit("cafe\u{301}s and more", 5), "cafe\u{301}…");
        assert_eq!(fit("abce\u{301}xyz", 4), "abc…");
        // A flag is two regional indicators, two columns: never one of them alone.
        assert_eq!(fit("ab🇳🇴cdef", 4), "ab…");
        assert_eq!(fit("ab🇳🇴cdef", 5), "ab🇳🇴…");
        // Wide characters never overflow the width.
        assert_eq!(fit("田中太郎さん", 6), "田中…");
    }
}
