//! Pure update tests of opening a user: when the password state is read, when it is not, and
//! how moving on cancels it. No IO, no terminal, no tokio.

#[path = "common/console.rs"]
mod console;

use console::*;

#[test]
fn a_resting_selection_opens_once_and_a_reopen_within_30s_costs_nothing() {
    let start = Instant::now();
    let (mut state, keys) = listing(
        Context::default(),
        vec![user("a", false), user("b", false)],
        start,
    );
    assert_eq!(
        state.next_wakeup(),
        Some(start + Duration::from_millis(300))
    );
    assert!(
        update(
            &mut state,
            &keys,
            Msg::Tick(start + Duration::from_millis(200))
        )
        .is_empty()
    );
    let req = read_password(&update(
        &mut state,
        &keys,
        Msg::Tick(start + Duration::from_millis(300)),
    ));
    answer(&mut state, &keys, req, PasswordStatus::Ok, None);
    assert_eq!(state.next_wakeup(), None, "opened and idle: no wake-ups");
    // Down and back up within 30 s: b is read, a is not read again.
    update(&mut state, &keys, key(KeyCode::Char('j')));
    let b = read_password(&update(
        &mut state,
        &keys,
        Msg::Tick(start + Duration::from_secs(1)),
    ));
    answer(&mut state, &keys, b, PasswordStatus::Ok, None);
    update(&mut state, &keys, key(KeyCode::Char('k')));
    assert!(update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(2))).is_empty());
    // After 30 s it is read again; `r` reads it (and the user) at once.
    update(&mut state, &keys, key(KeyCode::Char('j')));
    update(&mut state, &keys, key(KeyCode::Char('k')));
    let later = start + Duration::from_secs(40);
    read_password(&update(&mut state, &keys, Msg::Tick(later)));
}

#[test]
fn moving_on_cancels_the_read_and_its_late_reply_is_dropped() {
    let start = Instant::now();
    let (mut state, keys) = listing(
        Context::default(),
        vec![user("a", false), user("b", false)],
        start,
    );
    let req = read_password(&update(&mut state, &keys, key(KeyCode::Enter)));
    state.focus = pingdesk::app::Focus::Results;
    let effects = update(&mut state, &keys, key(KeyCode::Char('j')));
    assert_eq!(
        effects,
        vec![Effect::Cancel(req)],
        "moving on cancels the read"
    );
    answer(&mut state, &keys, req, PasswordStatus::LockedOut, None);
    assert!(
        state
            .extras
            .get("a")
            .is_none_or(|e| e.password.value.is_none()),
        "the late reply changed nothing"
    );
}

#[test]
fn refresh_reads_the_user_and_the_password_at_once() {
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], start);
    open(&mut state, &keys, PasswordStatus::Ok);
    let effects = update(&mut state, &keys, key(KeyCode::Char('r')));
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Refresh { .. }, Effect::ReadPassword { .. }]
        ),
        "{effects:?}"
    );
}

#[test]
fn a_password_lockout_that_runs_out_is_read_once_more() {
    let start = Instant::now();
    let (mut state, keys) = listing(Context::default(), vec![user("a", false)], start);
    let req = read_password(&update(&mut state, &keys, key(KeyCode::Enter)));
    answer(&mut state, &keys, req, PasswordStatus::LockedOut, Some(2));
    assert_eq!(state.next_wakeup(), Some(start + Duration::from_secs(1)));
    assert!(update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(1))).is_empty());
    let again = update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(2)));
    let req = read_password(&again);
    answer(&mut state, &keys, req, PasswordStatus::Ok, None);
    assert!(
        update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(3))).is_empty(),
        "once"
    );
}
