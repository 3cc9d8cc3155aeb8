//! Helpers for the pure update tests: keys, users, a console listing them, opening a user.

#![allow(dead_code, unused_imports)] // each test file uses a different part

pub use std::time::{Duration, Instant};

pub use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
pub use pingdesk::api::{ApiError, ErrorKind, UserPage};
pub use pingdesk::app::state::StatusKind;
pub use pingdesk::app::update::initial_search;
pub use pingdesk::app::{Context, Effect, KeyMap, Modal, Msg, ReqId, State, Step, update};
pub use pingdesk::desk::{Applied, OpKind, UserOp};
pub use pingdesk::pingone::user::{Account, AccountStatus};
pub use pingdesk::pingone::{PasswordState, PasswordStatus, User};

/// A key press without modifiers.
pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The press of the key the list binds operation `kind` to.
pub fn op_key(keys: &KeyMap, kind: OpKind) -> Msg {
    let bound = keys.keys_of(pingdesk::app::Mode::List, pingdesk::app::Action::Op(kind))[0];
    Msg::Key(KeyEvent::new(bound.code, bound.modifiers))
}

/// A user `id`, enabled, with an email, whose account is OK (or locked by an admin).
pub fn user(id: &str, locked: bool) -> User {
    User {
        id: id.into(),
        username: format!("user-{id}"),
        email: Some(format!("{id}@example.com")),
        enabled: Some(true),
        account: Some(Account {
            status: Some(if locked {
                AccountStatus::Locked
            } else {
                AccountStatus::Ok
            }),
            locked_at: locked.then_some(jiff::Timestamp::UNIX_EPOCH),
            ..Account::default()
        }),
        ..User::default()
    }
}

/// A console in `context` listing `users` at `start`, focus on the list, nothing opened yet.
pub fn listing(context: Context, users: Vec<User>, start: Instant) -> (State, KeyMap) {
    let keys = KeyMap::default();
    let mut state = State::new(context, start);
    let Some(Effect::Search { req, .. }) = initial_search(&mut state).pop() else {
        panic!("a first search")
    };
    let page = UserPage {
        count: Some(users.len() as u64),
        users,
        next: None,
    };
    update(
        &mut state,
        &keys,
        Msg::SearchLoaded {
            req,
            result: Ok(page),
        },
    );
    state.focus = pingdesk::app::Focus::Results;
    (state, keys)
}

/// The one password read in `effects`.
pub fn read_password(effects: &[Effect]) -> ReqId {
    match effects {
        [.., Effect::ReadPassword { req, .. }] => *req,
        other => panic!("expected a password read: {other:?}"),
    }
}

/// Answers password read `req` with `status` (and `seconds` left of a lockout).
pub fn answer(
    state: &mut State,
    keys: &KeyMap,
    req: ReqId,
    status: PasswordStatus,
    seconds: Option<u64>,
) {
    let password = PasswordState {
        seconds_until_unlock: seconds,
        ..PasswordState::with_status(status)
    };
    update(
        state,
        keys,
        Msg::PasswordLoaded {
            req,
            result: Ok(password),
        },
    );
}

/// Opens the selection with Enter and answers its password read.
pub fn open(state: &mut State, keys: &KeyMap, status: PasswordStatus) {
    let req = read_password(&update(state, keys, key(KeyCode::Enter)));
    answer(state, keys, req, status, None);
}

/// The status line's text (empty when there is none).
pub fn status_text(state: &State) -> String {
    state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}
