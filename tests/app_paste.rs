//! Pure update tests of a paste: text into the search field, never keys; capped; ignored while a
//! dialog, the help or the too-small screen is up. And Ctrl-Z, which asks the loop to suspend
//! and keeps everything as it was.

#[path = "common/console.rs"]
mod console;

use console::*;
use pingdesk::app::paste::MAX_PASTE_CHARS;
use pingdesk::app::state::Focus;

fn console() -> (State, KeyMap) {
    listing(
        Context::default(),
        vec![user("a", true), user("b", false)],
        Instant::now(),
    )
}

#[test]
fn a_paste_from_the_list_goes_into_the_search_field_as_text() {
    let (mut state, keys) = console();
    assert_eq!(state.focus, Focus::Results);
    // `q` and `u` are bindings in the list, and the Enter would open: none acts.
    let effects = update(
        &mut state,
        &keys,
        Msg::Pasted("user-\r\nb q\tu\u{1b}".into()),
    );
    assert!(effects.is_empty(), "nothing is sent at once: {effects:?}");
    assert!(!state.quit && state.modal.is_none());
    assert_eq!(state.focus, Focus::Search);
    assert_eq!(state.input.value(), "user-b qu");
    assert!(state.typed_at.is_some(), "the search debounces as if typed");
}

#[test]
fn a_long_paste_is_cut_and_says_so() {
    let (mut state, keys) = console();
    update(&mut state, &keys, Msg::Pasted("x".repeat(1000)));
    assert_eq!(state.input.value().chars().count(), MAX_PASTE_CHARS);
    assert_eq!(
        status_text(&state),
        format!("Pasted the first {MAX_PASTE_CHARS} of 1000 characters")
    );
}

#[test]
fn a_paste_into_a_dialog_or_the_help_is_ignored() {
    let (mut state, keys) = console();
    update(&mut state, &keys, key(KeyCode::Char('u')));
    assert!(matches!(state.modal, Some(Modal::Confirm(_))));
    let effects = update(&mut state, &keys, Msg::Pasted("y".into()));
    assert!(effects.is_empty(), "a pasted y answers nothing");
    assert!(matches!(state.modal, Some(Modal::Confirm(_))));
    assert_eq!(state.input.value(), "");
    assert!(status_text(&state).contains("Paste ignored"));
    update(&mut state, &keys, key(KeyCode::Esc));
    update(&mut state, &keys, key(KeyCode::Char('?')));
    assert!(matches!(state.modal, Some(Modal::Help)));
    update(&mut state, &keys, Msg::Pasted("abc".into()));
    assert!(
        matches!(state.modal, Some(Modal::Help)),
        "the help stays open"
    );
    assert_eq!(state.input.value(), "", "nothing went into the field");
}

#[test]
fn the_too_small_screen_takes_no_paste() {
    let (mut state, keys) = console();
    let small = Msg::Resized {
        list_rows: 0,
        too_small: true,
    };
    update(&mut state, &keys, small);
    let effects = update(&mut state, &keys, Msg::Pasted("alice".into()));
    assert!(effects.is_empty());
    assert_eq!(
        state.input.value(),
        "",
        "nothing went into the hidden field"
    );
    assert_eq!(state.focus, Focus::Results, "the focus stays where it was");
    assert!(state.typed_at.is_none(), "no search is owed");
    assert!(
        state.status.is_none(),
        "nothing to say on a screen that shows nothing"
    );
}

#[test]
fn ctrl_z_asks_the_loop_to_suspend_and_loses_nothing() {
    let (mut state, keys) = console();
    let ctrl_z = || Msg::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(update(&mut state, &keys, ctrl_z()), vec![Effect::Suspend]);
    assert!(!state.quit);
    // In a confirm dialog with a ticket being typed: the dialog, its ticket and the search
    // field stay as they were.
    update(&mut state, &keys, Msg::Pasted("use".into()));
    update(&mut state, &keys, key(KeyCode::Enter));
    update(&mut state, &keys, op_key(&keys, OpKind::UnlockAccount));
    update(&mut state, &keys, key(KeyCode::Char('t')));
    update(&mut state, &keys, key(KeyCode::Char('7')));
    let before = format!("{:?}", state.modal);
    assert!(before.contains("ticket: \"7\""), "{before}");
    assert_eq!(
        update(&mut state, &keys, ctrl_z()),
        vec![Effect::Suspend],
        "nothing else"
    );
    assert_eq!(format!("{:?}", state.modal), before, "the dialog is kept");
    assert_eq!(state.input.value(), "use");
}
