//! Render snapshots (STYLE.md §7, layer 2): each key screen is drawn from a purely built `State`
//! into a `TestBackend` and compared with an insta snapshot; per-cell checks cover the colours
//! that snapshots ignore.

#[path = "common/console.rs"]
mod console;
#[path = "common/screens.rs"]
mod screens;

use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use pingdesk::api::{ApiError, ErrorKind};
use pingdesk::pingone::user::{Account, AccountStatus};
use pingdesk::pingone::{P1Error, PasswordStatus};
use screens::*;

/// The left-most `word` on the results-list row whose USERNAME cell starts with `username`
/// (a prefix: the column truncates).
fn word_on_row_of(terminal: &Terminal<TestBackend>, username: &str, word: &str) -> (u16, u16) {
    let (column, header) = locate(terminal, "USERNAME");
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, username, header + 1).expect("the user is listed");
    assert_eq!(x, column, "{username} in the USERNAME column");
    let (x, found_y) = find(buffer, word, y).expect("the word after the username");
    assert_eq!(found_y, y, "{word} on the row of {username}");
    (x, y)
}

#[test]
fn empty() {
    let keys = KeyMap::default();
    let (state, _) = searching(Instant::now());
    insta::assert_snapshot!("empty", draw(&state, &keys, 100, 30).backend());
}

#[test]
fn results() {
    let keys = KeyMap::default();
    let state = listing(users(), Instant::now(), &keys);
    insta::assert_snapshot!("results", draw(&state, &keys, 100, 30).backend());
}

#[test]
fn results_at_the_supported_extremes() {
    let keys = KeyMap::default();
    let state = listing(users(), Instant::now(), &keys);
    insta::assert_snapshot!("results_80x24", draw(&state, &keys, 80, 24).backend());
    insta::assert_snapshot!("results_120x40", draw(&state, &keys, 120, 40).backend());
}

#[test]
fn locked_detail_countdown() {
    let keys = KeyMap::default();
    let start = Instant::now();
    let mut state = listing(users(), start, &keys);
    update(&mut state, &keys, key(KeyCode::Enter));
    let effects = update(
        &mut state,
        &keys,
        Msg::Tick(start + Duration::from_secs(65)),
    );
    assert!(effects.is_empty(), "{effects:?}");
    let terminal = draw(&state, &keys, 100, 30);
    // 300 s at arrival, 65 s later: the verdict and the account line count down together.
    locate(&terminal, "unlocks by itself in 3m 55s");
    let (_, y) = locate(
        &terminal,
        "account      LOCKED until 2026-01-02 03:09:05 UTC",
    );
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, "3m 55s)", y).is_some_and(|(_, below)| below <= y + 1));
    insta::assert_snapshot!("locked_detail_countdown", terminal.backend());
}

#[test]
fn detail_with_two_causes_and_their_keys() {
    let keys = KeyMap::default();
    let mut oscar = user(1, "oscar.twolocks", "Oscar", "Lindgren");
    oscar.account = Some(Account {
        status: Some(AccountStatus::Locked),
        can_authenticate: Some(false),
        locked_at: Some(ts("2026-01-02T02:10:00Z")),
        ..Account::default()
    });
    let password = PasswordState {
        last_changed_at: Some(ts("2025-06-01T12:00:00Z")),
        ..PasswordState::with_status(PasswordStatus::LockedOut)
    };
    let state = opened(vec![oscar], Instant::now(), &keys, password);
    // Wide enough that no cause wraps, so each can be found whole.
    let wide = draw(&state, &keys, 200, 30);
    let screen = format!("{:?}", wide.backend());
    let first = screen
        .find("password locked out; an admin must unlock it — p: unlock password")
        .expect("the password cause with its key");
    let second = screen
        .find("account locked by an admin — u: unlock account")
        .expect("the account cause with its key");
    assert!(first < second, "the password first:\n{screen}");
    let terminal = draw(&state, &keys, 100, 30);
    insta::assert_snapshot!("detail_two_causes", terminal.backend());
}

#[test]
fn confirm_dialog() {
    let keys = KeyMap::default();
    let mut state = listing(users(), Instant::now(), &keys);
    assert!(update(&mut state, &keys, key(KeyCode::Char('u'))).is_empty());
    insta::assert_snapshot!("confirm_dialog", draw(&state, &keys, 100, 30).backend());
}

#[test]
fn error() {
    let keys = KeyMap::default();
    let (mut state, req) = searching(Instant::now());
    let error = ApiError {
        status: Some(503),
        body: Some(Box::new(P1Error {
            id: Some("b7c1e2d3-0000-4000-8000-000000000503".into()),
            code: "SERVICE_UNAVAILABLE".into(),
            message: "The service is temporarily unavailable.".into(),
            details: Vec::new(),
        })),
        correlation_id: Some("corr-0f1e2d3c".into()),
        cause: None,
        ..ApiError::transport("search users", ErrorKind::Server, "")
    };
    let result = Err(error);
    update(&mut state, &keys, Msg::SearchLoaded { req, result });
    let terminal = draw(&state, &keys, 100, 30);
    locate(&terminal, "HTTP 503");
    insta::assert_snapshot!("error", terminal.backend());
}

#[test]
fn too_small() {
    let keys = KeyMap::default();
    let state = listing(users(), Instant::now(), &keys);
    insta::assert_snapshot!("too_small", draw(&state, &keys, 60, 20).backend());
}

#[test]
fn help() {
    let keys = KeyMap::default();
    let mut state = listing(users(), Instant::now(), &keys);
    update(&mut state, &keys, key(KeyCode::Char('?')));
    insta::assert_snapshot!("help", draw(&state, &keys, 100, 30).backend());
}

#[test]
fn inert_escapes() {
    let keys = KeyMap::default();
    let mut evil = user(6, "mallory\u{1b}[31m", "Mal\u{7}lory", "Bell\u{9b}");
    evil.email = Some("m\u{1b}[31m\u{7}\u{9b}@northwind.example".into());
    let state = listing(vec![evil], Instant::now(), &keys);
    let terminal = draw(&state, &keys, 100, 30);
    let buffer = terminal.backend().buffer();
    for (i, cell) in buffer.content().iter().enumerate() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character in cell {i}: {:?}",
            cell.symbol()
        );
    }
    locate(&terminal, "mallory␛[31m");
    insta::assert_snapshot!("inert_escapes", terminal.backend());
}

#[test]
fn status_words_badge_and_focus_use_their_theme_roles() {
    let keys = KeyMap::default();
    let theme = Theme::default();
    let state = listing(users(), Instant::now(), &keys);
    let terminal = draw(&state, &keys, 100, 30);
    let buffer = terminal.backend().buffer();

    let locked = &buffer[word_on_row_of(&terminal, "ana.lima", "LOCKED")];
    assert_eq!(locked.fg, theme.danger.fg.expect("danger has a colour"));
    assert!(locked.modifier.contains(theme.danger.add_modifier));

    let ok = &buffer[word_on_row_of(&terminal, "dana.ok", "OK")];
    assert_eq!(ok.fg, theme.ok.fg.expect("ok has a colour"));

    let disabled = &buffer[word_on_row_of(&terminal, "bruno.co", "DISABLED")];
    assert_eq!(disabled.fg, theme.warning.fg.expect("warning has a colour"));

    let badge = &buffer[locate(&terminal, "DEMO")];
    assert_eq!(
        badge.bg,
        theme.badge.bg.expect("the badge has a background")
    );

    // The focused pane's title wears `focus_title`, the other title is plain, and the border
    // cell left of each title is `muted` (moving the focus rewrites titles, not borders).
    let (x, y) = locate(&terminal, "Users 5 of 5");
    let focused = &buffer[(x, y)];
    assert_eq!(
        focused.fg,
        theme.focus_title.fg.expect("focus_title has a colour")
    );
    assert!(focused.modifier.contains(theme.focus_title.add_modifier));
    assert_eq!(
        buffer[(x - 2, y)].fg,
        theme.muted.fg.expect("muted has a colour")
    );
    let (x, y) = locate(&terminal, "Search");
    assert!(
        !buffer[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert_eq!(
        buffer[(x - 2, y)].fg,
        theme.muted.fg.expect("muted has a colour")
    );
}

#[test]
fn a_long_list_keeps_the_selection_in_view() {
    let keys = KeyMap::default();
    let many: Vec<User> = (0..200)
        .map(|n| User {
            username: format!("user{n:03}"),
            ..user(1, "x", "A", "B")
        })
        .collect();
    let mut state = listing(many, Instant::now(), &keys);
    for _ in 0..150 {
        update(&mut state, &keys, key(KeyCode::Char('j')));
    }
    let terminal = draw(&state, &keys, 100, 30);
    let screen = format!("{:?}", terminal.backend());
    assert!(
        screen.contains("▶ user150"),
        "the selected row is drawn and marked:\n{screen}"
    );
    assert!(
        !screen.contains("user000"),
        "rows far above the selection are not drawn"
    );
}
