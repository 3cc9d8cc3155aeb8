//! Pure update tests for what makes the console one's own: copying (OSC 52 or the overlay, the
//! ticket note), the raw JSON toggle, the mouse, scrolling overlays, and a terminal too small
//! to draw in, where only quitting works.

#[path = "common/console.rs"]
mod console;

use console::*;
use pingdesk::app::{Clipboard, Mode, Place, Pointer, Wrap};

fn press(c: char) -> Msg {
    key(KeyCode::Char(c))
}

/// A console listing a locked user `a` (whose email holds an escape) and `b`, `a` opened.
fn opened(clipboard: Clipboard) -> (State, KeyMap) {
    let context = Context {
        clipboard,
        ..Context::default()
    };
    let mut evil = user("a", true);
    evil.email = Some("a\u{1b}]52;c;ZXZpbA==\u{7}@example.com".into());
    let (mut state, keys) = listing(context, vec![evil, user("b", false)], Instant::now());
    open(&mut state, &keys, PasswordStatus::Ok);
    (state, keys)
}

#[test]
fn c_then_a_letter_copies_the_inert_text_by_osc52() {
    let (mut state, keys) = opened(Clipboard::Osc52(Wrap::Tmux));
    assert!(update(&mut state, &keys, press('c')).is_empty());
    assert_eq!(state.mode(), Mode::Copy);
    let effects = update(&mut state, &keys, press('i'));
    assert_eq!(
        effects,
        [Effect::Copy {
            text: "a".into(),
            wrap: Wrap::Tmux
        }]
    );
    assert!(state.modal.is_none());
    assert_eq!(
        status_text(&state),
        "Copied the id of user-a (1 byte) by OSC 52: paste it where you need it"
    );
    update(&mut state, &keys, press('c'));
    let effects = update(&mut state, &keys, press('e'));
    let [Effect::Copy { text, .. }] = &effects[..] else {
        panic!("one copy: {effects:?}")
    };
    assert_eq!(
        text, "a␛]52;c;ZXZpbA==␇@example.com",
        "the escape cannot ride along"
    );
}

#[test]
fn the_raw_json_copy_is_the_record_and_escape_leaves_the_menu() {
    let (mut state, keys) = opened(Clipboard::default());
    update(&mut state, &keys, press('c'));
    update(&mut state, &keys, key(KeyCode::Esc));
    assert!(state.modal.is_none(), "Esc leaves the copy menu");
    update(&mut state, &keys, press('c'));
    let effects = update(&mut state, &keys, press('j'));
    let [Effect::Copy { text, .. }] = &effects[..] else {
        panic!("one copy: {effects:?}")
    };
    assert!(text.starts_with("{\n  \"id\": \"a\""), "{text}");
    assert!(text.contains("\"status\": \"LOCKED\""), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn without_osc52_the_text_is_shown_to_select_by_hand() {
    let (mut state, keys) = opened(Clipboard::Overlay("TERM=linux does not take copies".into()));
    update(&mut state, &keys, press('c'));
    let effects = update(&mut state, &keys, press('u'));
    assert!(effects.is_empty(), "nothing is written: {effects:?}");
    assert_eq!(
        state.modal,
        Some(Modal::Text {
            title: "the username of user-a".into(),
            text: "user-a".into()
        })
    );
    assert!(status_text(&state).contains("TERM=linux"));
    assert_eq!(state.mode(), Mode::Text);
    update(&mut state, &keys, key(KeyCode::Down));
    assert_eq!(state.view.overlay_scroll, 1, "the overlay scrolls");
    update(&mut state, &keys, key(KeyCode::Esc));
    assert!(state.modal.is_none());
}

#[test]
fn the_ticket_note_says_what_was_wrong_what_was_done_when_and_the_correlation_id() {
    let (mut state, keys) = opened(Clipboard::default());
    update(&mut state, &keys, press('c'));
    let [Effect::Copy { text: before, .. }] = &update(&mut state, &keys, press('n'))[..] else {
        panic!("a note")
    };
    assert!(
        before.contains("What is wrong: account locked by an admin"),
        "{before}"
    );
    assert!(before.contains("What was done: nothing yet"), "{before}");
    update(&mut state, &keys, press('u'));
    let effects = update(&mut state, &keys, press('y'));
    let [Effect::Apply { req, op, .. }] = &effects[..] else {
        panic!("the unlock: {effects:?}")
    };
    let applied = Applied {
        user: user("a", false),
        correlation_id: Some("corr-42".into()),
        ..Applied::default()
    };
    update(&mut state, &keys, applied_reply(*req, op.clone(), applied));
    update(&mut state, &keys, press('c'));
    let [Effect::Copy { text: note, .. }] = &update(&mut state, &keys, press('n'))[..] else {
        panic!("a note")
    };
    for line in [
        "User: user-a",
        "User id: a",
        "What was wrong: account locked by an admin",
        "What was done: unlock account: ",
        "Correlation-Id: corr-42",
        "Now: nothing stops this user signing in",
    ] {
        assert!(note.contains(line), "{line:?} not in\n{note}");
    }
    let when = note
        .lines()
        .find(|l| l.starts_with("When: "))
        .expect("a time");
    assert!(when.ends_with(" UTC"), "{when}");
}

#[test]
fn v_toggles_the_raw_json_and_scrolls_from_the_top() {
    let (mut state, keys) = opened(Clipboard::default());
    state.detail_scroll = 4;
    update(&mut state, &keys, press('v'));
    assert!(state.view.raw_json);
    assert_eq!(state.detail_scroll, 0);
    update(&mut state, &keys, press('v'));
    assert!(!state.view.raw_json);
}

#[test]
fn a_click_selects_a_row_and_the_wheel_scrolls_the_pane_under_it() {
    let (mut state, keys) = listing(
        Context::default(),
        vec![user("a", false), user("b", false), user("c", false)],
        Instant::now(),
    );
    state.focus = pingdesk::app::Focus::Search;
    update(
        &mut state,
        &keys,
        Msg::Pointer(Pointer::Click(Place::ListRow(2))),
    );
    assert_eq!(state.results.selected, 2);
    assert_eq!(state.focus, pingdesk::app::Focus::Results);
    update(
        &mut state,
        &keys,
        Msg::Pointer(Pointer::Click(Place::ListRow(7))),
    );
    assert_eq!(state.results.selected, 2, "below the last row: nothing");
    update(
        &mut state,
        &keys,
        Msg::Pointer(Pointer::ScrollUp(Place::List)),
    );
    assert_eq!(state.results.selected, 1);
    update(
        &mut state,
        &keys,
        Msg::Pointer(Pointer::ScrollDown(Place::Detail)),
    );
    assert_eq!(state.detail_scroll, 3);
    assert_eq!(
        state.results.selected, 1,
        "the wheel over the detail leaves the list"
    );
    update(
        &mut state,
        &keys,
        Msg::Pointer(Pointer::Click(Place::Detail)),
    );
    assert_eq!(state.focus, pingdesk::app::Focus::Detail);
}

#[test]
fn a_too_small_terminal_takes_only_quit_and_searches_nothing() {
    let start = Instant::now();
    let keys = KeyMap::default();
    let mut state = State::new(Context::default(), start);
    let small = Msg::Resized {
        list_rows: 0,
        too_small: true,
    };
    update(&mut state, &keys, small);
    assert!(
        initial_search(&mut state).is_empty(),
        "nothing to see: no search yet"
    );
    assert_eq!(state.mode(), Mode::TooSmall);
    for c in ['a', 'l', 'u', '/', 'c'] {
        assert!(update(&mut state, &keys, press(c)).is_empty());
    }
    update(&mut state, &keys, key(KeyCode::Enter));
    assert_eq!(state.input.value(), "", "keys never reach the hidden field");
    assert!(state.modal.is_none() && !state.quit);
    assert_eq!(
        state.next_wakeup(),
        None,
        "an idle small console never wakes"
    );
    let later = start + Duration::from_secs(5);
    assert!(update(&mut state, &keys, Msg::Tick(later)).is_empty());
    let fits = Msg::Resized {
        list_rows: 20,
        too_small: false,
    };
    update(&mut state, &keys, fits);
    let wake = state.next_wakeup().expect("the owed search");
    let effects = update(&mut state, &keys, Msg::Tick(wake.max(later)));
    assert!(
        matches!(&effects[..], [Effect::Search { query, .. }] if *query == pingdesk::api::UserQuery::from_input("")),
        "{effects:?}"
    );
    update(
        &mut state,
        &keys,
        Msg::Resized {
            list_rows: 0,
            too_small: true,
        },
    );
    update(&mut state, &keys, press('q'));
    assert!(state.quit, "q quits while small");
}

#[test]
fn copy_needs_a_selected_user() {
    let (mut state, keys) = listing(Context::default(), Vec::new(), Instant::now());
    update(&mut state, &keys, press('c'));
    assert!(state.modal.is_none());
    assert_eq!(status_text(&state), "Select a user first");
    let effects = update(
        &mut state,
        &keys,
        Msg::Key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT)),
    );
    assert!(effects.is_empty());
    assert_eq!(state.modal, Some(Modal::Help));
    update(&mut state, &keys, key(KeyCode::PageDown));
    assert!(state.view.overlay_scroll > 0, "the help scrolls");
}
