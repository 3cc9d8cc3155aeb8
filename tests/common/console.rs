//! Helpers for the pure update tests: keys, users, a console listing them, opening a user.

#![allow(dead_code, unused_imports)] // each test file uses a different part

pub use std::time::{Duration, Instant};

pub use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
pub use pingdesk::api::{ApiError, ErrorKind, UserPage};
pub use pingdesk::app::sections::{SectionKind, SectionValue};
pub use pingdesk::app::state::StatusKind;
pub use pingdesk::app::update::initial_search;
pub use pingdesk::app::{Context, Effect, KeyMap, Modal, Msg, ReqId, State, Step, update};
pub use pingdesk::desk::{Applied, OpKind, UserOp};
pub use pingdesk::pingone::user::{Account, AccountStatus};
pub use pingdesk::pingone::{PasswordState, PasswordStatus, User};

/// PingOne's answer to operation `op` of request `req`: `applied`.
pub fn applied_reply(req: ReqId, op: UserOp, applied: Applied) -> Msg {
    Msg::Applied {
        req,
        op,
        result: Ok(Box::new(applied)),
    }
}

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

/// The read of section `kind` in `effects`, if there is one.
pub fn find_read(effects: &[Effect], kind: SectionKind) -> Option<ReqId> {
    effects.iter().find_map(|effect| match effect {
        Effect::ReadSection { req, kind: k, .. } if *k == kind => Some(*req),
        _ => None,
    })
}

/// The one password read in `effects`.
pub fn read_password(effects: &[Effect]) -> ReqId {
    find_read(effects, SectionKind::Password)
        .unwrap_or_else(|| panic!("expected a password read: {effects:?}"))
}

/// Answers read `req` of a section with `value`, read at the Unix epoch.
pub fn answer_section(state: &mut State, keys: &KeyMap, req: ReqId, value: SectionValue) {
    update(
        state,
        keys,
        Msg::SectionLoaded {
            req,
            kind: value.kind(),
            read_at: jiff::Timestamp::UNIX_EPOCH,
            result: Ok(value),
        },
    );
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
    answer_section(state, keys, req, SectionValue::Password(password));
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

/// Answers every section read and population read in `effects`: the password with `status`,
/// `devices`, no session, no group, and any population named `Staff`.
pub fn answer_all(
    state: &mut State,
    keys: &KeyMap,
    effects: &[Effect],
    status: PasswordStatus,
    devices: &[pingdesk::pingone::Device],
) {
    let password = PasswordState::with_status(status);
    for effect in effects {
        match effect {
            Effect::ReadSection { req, kind, .. } => {
                let value = match kind {
                    SectionKind::Password => SectionValue::Password(password.clone()),
                    SectionKind::Devices => SectionValue::Devices(devices.to_vec()),
                    SectionKind::Sessions => SectionValue::Sessions(Vec::new()),
                    SectionKind::Groups => SectionValue::Groups(Vec::new()),
                };
                answer_section(state, keys, *req, value);
            }
            Effect::ReadPopulation { req, id } => {
                let population = pingdesk::pingone::Population {
                    id: id.clone(),
                    name: "Staff".into(),
                    ..pingdesk::pingone::Population::default()
                };
                update(
                    state,
                    keys,
                    Msg::PopulationLoaded {
                        req: *req,
                        id: id.clone(),
                        result: Ok(population),
                    },
                );
            }
            _ => {}
        }
    }
}

/// Opens the selection with Enter and answers every read (`devices` for the MFA section).
pub fn open_with(
    state: &mut State,
    keys: &KeyMap,
    status: PasswordStatus,
    devices: &[pingdesk::pingone::Device],
) {
    let effects = update(state, keys, key(KeyCode::Enter));
    answer_all(state, keys, &effects, status, devices);
}

/// An unlock's intent for `username` (ticket INC-1) with no outcome: an unknown outcome.
pub fn intent(username: &str) -> pingdesk::desk::journal::Record {
    pingdesk::desk::journal::Record {
        time: jiff::Timestamp::now(),
        phase: pingdesk::desk::journal::Phase::Intent,
        op_id: "op".into(),
        operation: "unlock".into(),
        unlock_at: None,
        target: None,
        user_id: "a".into(),
        username: username.into(),
        who: pingdesk::desk::journal::Who::default(),
        ticket: Some("INC-1".into()),
        transaction_id: "INC-1".into(),
        before: None,
        result: None,
        after: None,
        error: None,
        correlation_id: None,
        note: None,
    }
}
