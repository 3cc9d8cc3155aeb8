//! Pure update tests: no IO, no terminal, no tokio. Messages in, state and effects out.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pingdesk::api::{ApiError, ErrorKind, UserPage};
use pingdesk::app::KeyMap;
#[path = "common/console.rs"]
mod console;

use pingdesk::app::sections::SectionKind;
use pingdesk::app::state::StatusKind;
use pingdesk::app::update::initial_search;
use pingdesk::app::{Confirm, Context, Effect, Focus, Modal, Msg, ReqId, State, Step, update};
use pingdesk::desk::{Applied, UserOp};
use pingdesk::pingone::PasswordStatus;
use pingdesk::pingone::User;
use pingdesk::pingone::user::{Account, AccountStatus};

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn locked(id: &str, seconds_until_unlock: Option<u64>) -> User {
    User {
        id: id.into(),
        username: format!("user-{id}"),
        email: Some(format!("{id}@example.com")),
        account: Some(Account {
            status: Some(AccountStatus::Locked),
            seconds_until_unlock,
            unlock_at: seconds_until_unlock.map(|_| jiff::Timestamp::now()),
            ..Account::default()
        }),
        ..User::default()
    }
}

fn page(users: Vec<User>) -> UserPage {
    UserPage {
        count: Some(users.len() as u64),
        users,
        next: None,
    }
}

/// A console showing `users`, focus on the list, at `start`.
fn listing(users: Vec<User>, start: Instant) -> (State, KeyMap) {
    listing_in(Context::default(), users, start)
}

#[test]
fn typing_is_debounced_into_one_search_and_supersedes_the_last() {
    let start = Instant::now();
    let keys = KeyMap::default();
    let mut state = State::new(Context::default(), start);
    let first = initial_search(&mut state);
    assert!(matches!(
        first.as_slice(),
        [Effect::Search { req: ReqId(1), .. }]
    ));
    for c in "ann".chars() {
        assert!(
            update(&mut state, &keys, key(KeyCode::Char(c))).is_empty(),
            "no request per key"
        );
    }
    assert!(
        update(
            &mut state,
            &keys,
            Msg::Tick(start + Duration::from_millis(100))
        )
        .is_empty()
    );
    let effects = update(
        &mut state,
        &keys,
        Msg::Tick(start + Duration::from_millis(250)),
    );
    assert_eq!(effects.len(), 2, "{effects:?}");
    assert_eq!(
        effects[0],
        Effect::Cancel(ReqId(1)),
        "the superseded search is aborted"
    );
    assert!(matches!(&effects[1], Effect::Search { req: ReqId(2), .. }));
    assert!(
        update(
            &mut state,
            &keys,
            Msg::Tick(start + Duration::from_millis(600))
        )
        .is_empty()
    );
}

#[test]
fn a_stale_reply_is_dropped() {
    let start = Instant::now();
    let (mut state, keys) = listing(vec![locked("a", None)], start);
    state.focus = Focus::Search;
    update(&mut state, &keys, key(KeyCode::Char('x')));
    update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(1)));
    let late_reply = Msg::SearchLoaded {
        req: ReqId(1),
        result: Ok(page(vec![])),
    };
    update(&mut state, &keys, late_reply);
    assert_eq!(
        state.results.rows.len(),
        1,
        "the old answer changed nothing"
    );
    assert!(state.search.is_busy(), "still waiting for the new search");
}

#[test]
fn unlock_needs_a_confirm_and_no_is_the_default() {
    let (mut state, keys) = listing(vec![locked("a", None)], Instant::now());
    assert!(
        update(&mut state, &keys, key(KeyCode::Char('u'))).is_empty(),
        "nothing sent yet"
    );
    assert!(matches!(
        &state.modal,
        Some(Modal::Confirm(Confirm {
            step: Step::Answer {
                yes_highlighted: false,
                ..
            },
            ..
        }))
    ));
    assert!(
        update(&mut state, &keys, key(KeyCode::Enter)).is_empty(),
        "Enter takes No"
    );
    assert!(state.modal.is_none());
    update(&mut state, &keys, key(KeyCode::Char('u')));
    assert!(
        update(&mut state, &keys, key(KeyCode::Esc)).is_empty(),
        "Esc declines"
    );
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let effects = update(&mut state, &keys, key(KeyCode::Char('y')));
    let user = state.results.rows[0].user();
    assert!(
        matches!(
            &effects[..],
            [Effect::Apply {
                req: ReqId(2),
                user: sent,
                op: UserOp::UnlockAccount,
                ticket: None,
                subject,
            }] if **sent == user && subject.id == "a"
        ),
        "{effects:?}"
    );
}

#[test]
fn a_second_press_while_unlocking_sends_nothing() {
    let (mut state, keys) = listing(vec![locked("a", None)], Instant::now());
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let sent = update(&mut state, &keys, key(KeyCode::Char('y')));
    assert_eq!(sent.len(), 1);
    assert!(update(&mut state, &keys, key(KeyCode::Char('u'))).is_empty());
    assert!(state.modal.is_none(), "no second dialog");
    assert!(update(&mut state, &keys, key(KeyCode::Char('y'))).is_empty());
}

#[test]
fn the_unlock_reply_re_renders_the_row_from_the_returned_record() {
    let (mut state, keys) = listing(vec![locked("a", None)], Instant::now());
    update(&mut state, &keys, key(KeyCode::Char('u')));
    let [Effect::Apply { req, .. }] = update(&mut state, &keys, key(KeyCode::Char('y')))[..] else {
        panic!("one unlock")
    };
    let mut unlocked = locked("a", None);
    unlocked.account = Some(Account {
        status: Some(AccountStatus::Ok),
        ..Account::default()
    });
    update(
        &mut state,
        &keys,
        console::applied_reply(req, UserOp::UnlockAccount, applied(unlocked)),
    );
    assert!(!state.results.rows[0].user().is_locked());
    assert_eq!(
        state.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Success)
    );
}

#[test]
fn unlocking_a_user_who_is_not_locked_says_so() {
    let mut fine = locked("a", None);
    fine.account = Some(Account {
        status: Some(AccountStatus::Ok),
        ..Account::default()
    });
    fine.enabled = Some(false);
    let (mut state, keys) = listing(vec![fine], Instant::now());
    assert!(update(&mut state, &keys, key(KeyCode::Char('u'))).is_empty());
    assert!(state.modal.is_none());
    let text = state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(text.contains("not locked"), "{text}");
}

#[test]
fn an_error_becomes_a_status_line() {
    let (mut state, keys) = listing(vec![locked("a", None)], Instant::now());
    let effects = update(&mut state, &keys, key(KeyCode::Char('r')));
    let Some(Effect::Refresh { req, .. }) = effects.first().cloned() else {
        panic!("a refresh first: {effects:?}")
    };
    let mut error = ApiError::transport("read user", ErrorKind::Server, "boom");
    error.status = Some(503);
    error.correlation_id = Some("corr-9".into());
    update(
        &mut state,
        &keys,
        Msg::UserRefreshed {
            req,
            result: Err(error),
        },
    );
    let status = state.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(
        status.text.contains("HTTP 503") && status.text.contains("corr-9"),
        "{}",
        status.text
    );
}

#[test]
fn the_countdown_reaches_zero_and_asks_once_for_a_fresh_record() {
    let start = Instant::now();
    let (mut state, keys) = listing(vec![locked("a", Some(3))], start);
    open_with_password(&mut state, &keys, start, PasswordStatus::Ok);
    let row = state.results.selected_row().expect("row").clone();
    assert_eq!(
        row.seconds_until_unlock(start + Duration::from_secs(1)),
        Some(2)
    );
    assert_eq!(
        state.next_wakeup(),
        Some(start + Duration::from_secs(1)),
        "one wake-up a second"
    );
    assert!(update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(2))).is_empty());
    let effects = update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(3)));
    assert!(
        matches!(effects.as_slice(), [Effect::Refresh { .. }]),
        "{effects:?}"
    );
    assert!(
        update(&mut state, &keys, Msg::Tick(start + Duration::from_secs(4))).is_empty(),
        "once"
    );
}

#[test]
fn an_idle_console_never_wakes() {
    let (state, _keys) = listing(vec![], Instant::now());
    assert_eq!(state.next_wakeup(), None);
}

/// A console on `context` showing `users`, focus on the list, at `start`.
fn listing_in(context: Context, users: Vec<User>, start: Instant) -> (State, KeyMap) {
    let keys = KeyMap::default();
    let mut state = State::new(context, start);
    let Some(Effect::Search { req, .. }) = initial_search(&mut state).last().cloned() else {
        panic!("a first search")
    };
    update(
        &mut state,
        &keys,
        Msg::SearchLoaded {
            req,
            result: Ok(page(users)),
        },
    );
    state.focus = Focus::Results;
    (state, keys)
}

#[test]
fn read_only_refuses_the_unlock_in_the_console() {
    let context = Context {
        read_only: true,
        ..Context::default()
    };
    let (mut state, keys) = listing_in(context, vec![locked("a", None)], Instant::now());
    assert!(update(&mut state, &keys, key(KeyCode::Char('u'))).is_empty());
    assert!(state.modal.is_none(), "no dialog");
    let status = state.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("Read-only"), "{}", status.text);
}

#[test]
fn production_confirms_by_typing_the_username() {
    let context = Context {
        production: true,
        ..Context::default()
    };
    let (mut state, keys) = listing_in(context, vec![locked("a", None)], Instant::now());
    update(&mut state, &keys, key(KeyCode::Char('u')));
    assert!(matches!(
        &state.modal,
        Some(Modal::Confirm(Confirm {
            step: Step::Answer { typed: Some(_), .. },
            ..
        }))
    ));
    assert!(
        update(&mut state, &keys, key(KeyCode::Char('y'))).is_empty(),
        "y is typed, not yes"
    );
    assert!(
        update(&mut state, &keys, key(KeyCode::Enter)).is_empty(),
        "'y' is not the username"
    );
    assert!(
        state.modal.is_some(),
        "the dialog stays open after a wrong name"
    );
    update(&mut state, &keys, key(KeyCode::Backspace));
    for c in "user-a".chars() {
        update(&mut state, &keys, key(KeyCode::Char(c)));
    }
    let effects = update(&mut state, &keys, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::Apply { .. }]),
        "{effects:?}"
    );
}

/// What PingOne holds after an operation that answered with `user`.
fn applied(user: User) -> Applied {
    Applied {
        user,
        ..Applied::default()
    }
}

/// Lets the selection rest until it opens, and answers its reads: the password with `status`,
/// the other sections empty.
fn open_with_password(state: &mut State, keys: &KeyMap, start: Instant, status: PasswordStatus) {
    let effects = update(state, keys, Msg::Tick(start + Duration::from_millis(300)));
    assert!(
        console::find_read(&effects, SectionKind::Password).is_some(),
        "the rested selection reads the password: {effects:?}"
    );
    console::answer_all(state, keys, &effects, status, &[]);
}
