//! Property: `--json` output (`desk::inert::to_json`) holds no raw C0 or C1 control, DEL, line
//! separator or bidi control, whatever a record holds, and parses back to exactly that record.

use pingdesk::desk::inert::to_json;
use pingdesk::pingone::User;
use proptest::prelude::*;

/// Characters a hostile attribute would use, mixed with ordinary ones.
fn hostile_text() -> impl Strategy<Value = String> {
    let interesting = prop_oneof![
        (0_u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('?')),
        (0x7f_u32..0xa0).prop_map(|c| char::from_u32(c).unwrap_or('?')),
        prop::sample::select(vec![
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{061c}', '\u{2028}',
            '\u{2029}', '"', '\\'
        ]),
        any::<char>(),
    ];
    prop::collection::vec(interesting, 0..40).prop_map(|chars| chars.into_iter().collect())
}

fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}')
}

proptest! {
    #[test]
    fn json_output_is_inert_and_round_trips(username in hostile_text(), key in hostile_text(), note in hostile_text()) {
        let mut user = User { username, ..User::default() };
        user.extra.insert(format!("x{key}"), note.into());
        let text = to_json(&user).expect("encodes");
        prop_assert!(!text.chars().any(forbidden), "{:?}", text);
        let back: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        prop_assert_eq!(back, serde_json::to_value(&user).expect("a value"));
        let record: User = serde_json::from_str(&text).expect("a user");
        prop_assert_eq!(record, user);
    }
}
