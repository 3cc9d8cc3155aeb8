//! Helpers for drawing the console in tests: the demo header, users with every shown field
//! fixed, a test terminal, and finding text on it.

#![allow(dead_code)] // each test file uses a different part

use jiff::Timestamp;
use pingdesk::app::{Context, KeyMap, State};
use pingdesk::config::theme::Theme;
use pingdesk::pingone::User;
use pingdesk::pingone::user::{
    Account, AccountStatus, IdRef, IdentityProvider, LastSignOn, Lifecycle, LifecycleStatus, Name,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

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

/// `state` drawn on a `width`×`height` test terminal.
pub fn draw(state: &State, keys: &KeyMap, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let theme = Theme::default();
    terminal
        .draw(|frame| pingdesk::ui::render(state, keys, &theme, frame))
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
