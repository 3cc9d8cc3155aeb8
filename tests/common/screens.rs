//! Helpers for the render tests: fixed users, a console listing them, drawing, finding text.
//! Keys and answers to a user's reads come from `console.rs`, which a render test includes too.

#![allow(dead_code)] // each test file uses a different part

use std::time::Instant;

use crossterm::event::KeyCode;
use jiff::Timestamp;
pub use pingdesk::api::UserPage;
use pingdesk::app::update::initial_search;
pub use pingdesk::app::{Context, Effect, KeyMap, Msg, State, update};
pub use pingdesk::config::theme::Theme;
use pingdesk::pingone::user::{
    Account, AccountStatus, IdRef, IdentityProvider, LastSignOn, Lifecycle, LifecycleStatus, Name,
};
pub use pingdesk::pingone::{PasswordState, User};
pub use ratatui::Terminal;
pub use ratatui::backend::TestBackend;
pub use ratatui::buffer::Buffer;

/// The wall-clock time the render tests run at.
pub const NOW: &str = "2026-01-02T03:04:05Z";

/// The header facts of the demo console.
pub fn context() -> Context {
    Context {
        environment_name: Some("Northwind Traders (demo)".into()),
        environment_id: "5e0f3c1a-7b2d-4e8f-9a6b-0c1d2e3f4a5b".into(),
        region: "simulator".into(),
        actor: "pingdesk-demo-worker".into(),
        demo: true,
        read_only: false,
        ..Context::default()
    }
}

/// A fixed timestamp.
pub fn ts(text: &str) -> Timestamp {
    text.parse().expect("a valid timestamp")
}

/// A healthy PingOne user with every shown field set to a fixed value.
pub fn user(n: u8, username: &str, given: &str, family: &str) -> User {
    User {
        id: format!("00000000-0000-4000-8000-00000000000{n}"),
        username: username.into(),
        email: Some(format!("{username}@northwind.example")),
        name: Some(Name {
            given: Some(given.into()),
            family: Some(family.into()),
            ..Name::default()
        }),
        enabled: Some(true),
        account: Some(Account {
            status: Some(AccountStatus::Ok),
            can_authenticate: Some(true),
            ..Account::default()
        }),
        lifecycle: Some(Lifecycle {
            status: Some(LifecycleStatus::AccountOk),
        }),
        mfa_enabled: Some(true),
        verify_status: Some("NOT_INITIATED".into()),
        identity_provider: Some(IdentityProvider {
            kind: Some("PING_ONE".into()),
            id: None,
        }),
        population: Some(IdRef {
            id: "9a8b7c6d-0000-4000-8000-000000000001".into(),
        }),
        last_sign_on: Some(LastSignOn {
            at: Some(ts("2026-01-01T09:15:00Z")),
            remote_ip: Some("203.0.113.7".into()),
        }),
        created_at: Some(ts("2025-06-01T12:00:00Z")),
        updated_at: Some(ts("2026-01-02T03:04:05Z")),
        ..User::default()
    }
}

/// Five users: locked (timed, 300 s left), disabled, unverified, ok, and one whose credentials an
/// external identity provider holds.
pub fn users() -> Vec<User> {
    let mut locked = user(1, "ana.lima", "Ana", "Lima");
    locked.account = Some(Account {
        status: Some(AccountStatus::Locked),
        can_authenticate: Some(false),
        locked_at: Some(ts("2026-01-02T03:00:00Z")),
        unlock_at: Some(ts("2026-01-02T03:09:05Z")),
        seconds_until_unlock: Some(300),
    });
    let mut disabled = user(2, "bruno.costa", "Bruno", "Costa");
    disabled.enabled = Some(false);
    let mut unverified = user(3, "chen.wei", "Chen", "Wei");
    unverified.lifecycle = Some(Lifecycle {
        status: Some(LifecycleStatus::VerificationRequired),
    });
    unverified.last_sign_on = None;
    let ok = user(4, "dana.okafor", "Dana", "Okafor");
    let mut external = user(5, "erik.holm", "Erik", "Holm");
    external.identity_provider = Some(IdentityProvider {
        kind: Some("MICROSOFT".into()),
        id: Some("7f6e5d4c-0000-4000-8000-0000000000aa".into()),
    });
    vec![locked, disabled, unverified, ok, external]
}

pub use super::console::key;
use super::console::{SectionValue, answer_section, read_password};

/// A console at `start` whose first search is still in flight.
pub fn searching(start: Instant) -> (State, pingdesk::app::ReqId) {
    let mut state = State::new(context(), start);
    // The wall clock is pinned, so relative times ("3h ago") are the same every run.
    state.view.set_clock(start, ts(NOW));
    let Some(Effect::Search { req, .. }) = initial_search(&mut state).pop() else {
        panic!("the first search")
    };
    (state, req)
}

/// A console at `start` listing `users`, with focus moved to the list by Enter.
pub fn listing(users: Vec<User>, start: Instant, keys: &KeyMap) -> State {
    let (mut state, req) = searching(start);
    let page = UserPage {
        count: Some(u64::try_from(users.len()).expect("few users")),
        users,
        next: None,
    };
    update(
        &mut state,
        keys,
        Msg::SearchLoaded {
            req,
            result: Ok(page),
        },
    );
    update(&mut state, keys, key(KeyCode::Enter));
    state
}

/// A console at `start` with `users` listed and the first opened by Enter (twice: the first
/// goes from the search field to the list), its password read answered with `password` and its
/// other sections still being read.
pub fn opened(users: Vec<User>, start: Instant, keys: &KeyMap, password: PasswordState) -> State {
    let mut state = listing(users, start, keys);
    let effects = update(&mut state, keys, key(KeyCode::Enter));
    let req = read_password(&effects);
    answer_section(&mut state, keys, req, SectionValue::Password(password));
    state
}

/// `state` drawn on a `width`×`height` test terminal.
pub fn draw(state: &State, keys: &KeyMap, width: u16, height: u16) -> Terminal<TestBackend> {
    draw_with(state, keys, &Theme::default(), (width, height))
}

/// `state` drawn with `theme` on a test terminal of `size`.
pub fn draw_with(
    state: &State,
    keys: &KeyMap,
    theme: &Theme,
    (width, height): (u16, u16),
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| pingdesk::ui::render(state, keys, theme, frame))
        .expect("drawn");
    terminal
}

/// The top-left cell of the first occurrence of `needle` at or below row `from` (top-most, then
/// left-most).
pub fn find(buffer: &Buffer, needle: &str, from: u16) -> Option<(u16, u16)> {
    let area = buffer.area;
    let chars: Vec<char> = needle.chars().collect();
    let len = u16::try_from(chars.len()).expect("a short needle");
    (from..area.height).find_map(|y| {
        (0..=area.width.saturating_sub(len))
            .find(|&x| {
                chars
                    .iter()
                    .zip(x..)
                    .all(|(c, cx)| buffer[(cx, y)].symbol().chars().eq(std::iter::once(*c)))
            })
            .map(|x| (x, y))
    })
}

/// Like [`find`], but panics with the screen when `needle` is not shown.
pub fn locate(terminal: &Terminal<TestBackend>, needle: &str) -> (u16, u16) {
    let backend = terminal.backend();
    find(backend.buffer(), needle, 0).unwrap_or_else(|| panic!("{needle:?} not on\n{backend}"))
}
