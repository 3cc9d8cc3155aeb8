//! Hostile text on screen (render layer): names padded with thousands of blanks and a fake
//! verdict, line breaks, 10,000-character values, a long error with its Correlation-Id, and a
//! long username in the confirm dialog. Nothing from a user attribute may stand where
//! pingdesk's verdict, its headings or the dialog's own words stand.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pingdesk::api::{ApiError, ErrorKind, UserPage};
use pingdesk::app::sections::{SectionKind, SectionValue};
use pingdesk::app::tabs::Tab;
use pingdesk::app::update::initial_search;
use pingdesk::app::{Context, Effect, KeyMap, Msg, State, update};
use pingdesk::config::theme::Theme;
use pingdesk::pingone::user::{Account, AccountStatus, Name};
use pingdesk::pingone::{P1Error, PasswordState, PasswordStatus, User};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FAKE: &str = "✔ nothing stops this user signing in";

fn press(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A locked user whose every text field is padded with blanks and ends in a fake verdict.
fn hostile() -> User {
    let pad = |text: &str| format!("{text}{}{FAKE}", " ".repeat(5_000));
    let mut user = User {
        id: "00000000-0000-4000-8000-0000000000aa".into(),
        username: pad("eve"),
        email: Some(format!("eve@example.com\n\n{FAKE}")),
        name: Some(Name {
            given: Some(pad("Eve")),
            family: Some("Padding".into()),
            ..Name::default()
        }),
        enabled: Some(true),
        account: Some(Account {
            status: Some(AccountStatus::Locked),
            locked_at: Some(jiff::Timestamp::UNIX_EPOCH),
            ..Account::default()
        }),
        title: Some(pad("Director")),
        ..User::default()
    };
    user.extra.insert("deskNote".into(), pad("note").into());
    user.extra.insert("essay".into(), "x".repeat(10_000).into());
    user.extra
        .insert(format!("key\n{FAKE}{}", " ".repeat(300)), "v".into());
    user
}

/// The console listing `users`, the first opened with its password read as OK; then `keys`.
fn console(users: Vec<User>, then: &[KeyCode]) -> (State, KeyMap) {
    let keys = KeyMap::default();
    let start = Instant::now();
    let mut state = State::new(Context::default(), start);
    // The wall clock is pinned, so relative times ("3h ago") are the same every run.
    let wall = "2026-01-02T03:04:05Z".parse().expect("a time");
    state.view.set_clock(start, wall);
    let Some(Effect::Search { req, .. }) = initial_search(&mut state).pop() else {
        panic!("the first search")
    };
    let result = Ok(UserPage {
        count: None,
        users,
        next: None,
    });
    update(&mut state, &keys, Msg::SearchLoaded { req, result });
    update(&mut state, &keys, press(KeyCode::Enter));
    for effect in update(&mut state, &keys, press(KeyCode::Enter)) {
        if let Effect::ReadSection {
            req,
            kind: SectionKind::Password,
            ..
        } = effect
        {
            let password = PasswordState::with_status(PasswordStatus::Ok);
            let msg = Msg::SectionLoaded {
                req,
                kind: SectionKind::Password,
                read_at: jiff::Timestamp::UNIX_EPOCH,
                result: Ok(SectionValue::Password(password)),
            };
            update(&mut state, &keys, msg);
        }
    }
    for code in then {
        update(&mut state, &keys, press(*code));
    }
    (state, keys)
}

/// The screen's rows as text.
fn screen(state: &State, keys: &KeyMap, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    terminal
        .draw(|frame| pingdesk::ui::render(state, keys, &Theme::default(), frame))
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The detail pane's rows (inside its border), from the row under its title.
fn detail_rows(rows: &[String]) -> Vec<String> {
    let top = rows
        .iter()
        .position(|row| row.contains("┌ Detail"))
        .expect("the detail pane");
    let left = rows[top].chars().position(|c| c == '┌').expect("border") + 1;
    let left = rows[top]
        .chars()
        .skip(left)
        .position(|c| c == '┌')
        .map_or(left, |at| left + at + 1);
    rows[top + 1..]
        .iter()
        .take_while(|row| !row.contains('└'))
        .map(|row| row.chars().skip(left).collect::<String>())
        .collect()
}

#[test]
fn padded_names_cannot_put_a_verdict_on_screen() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut state, keys) = console(vec![hostile()], &[]);
        let rows = screen(&state, &keys, width, height);
        let detail = detail_rows(&rows);
        assert!(
            detail[0].starts_with("eve ✔ nothing stops"),
            "one line: {detail:?}"
        );
        assert!(detail[1].starts_with(" Sign-in"), "the tabs: {detail:?}");
        assert!(
            detail[2].starts_with("✘ cannot sign in"),
            "the verdict: {detail:?}"
        );
        // Below the verdict and its causes (and their indented rows), no row of any tab starts
        // where the verdict and its causes do.
        let fields = 3 + detail[3..]
            .iter()
            .take_while(|row| row.starts_with("  "))
            .count();
        assert!(detail[fields].starts_with("account"), "{detail:#?}");
        for tab in Tab::ALL {
            let rows = screen(&state, &keys, width, height);
            let detail = detail_rows(&rows);
            let body = if tab == Tab::SignIn {
                &detail[fields..]
            } else {
                &detail[2..]
            };
            for row in body {
                let looks_like_ours = ["✔", "✘", "  ✔", "  ✘"]
                    .iter()
                    .any(|mark| row.starts_with(mark));
                assert!(
                    !looks_like_ours,
                    "{width}x{height} {tab:?}: {row:?} in {detail:#?}"
                );
            }
            let fakes = rows.iter().filter(|row| row.contains(FAKE)).count();
            assert!(
                fakes <= 4,
                "{tab:?}: each value once, on one line: {rows:#?}"
            );
            let joined = rows.join("\n");
            assert!(!joined.contains("     ✔"), "no padding survives: {joined}");
            if width == 120 && tab == Tab::SignIn {
                insta::assert_snapshot!("hostile_detail", joined);
            }
            if width == 120 && tab == Tab::Account {
                assert!(
                    joined.contains("email        eve@example.com ✔"),
                    "{joined}"
                );
                insta::assert_snapshot!("hostile_account", joined);
            }
            update(&mut state, &keys, press(KeyCode::Char(']')));
        }
    }
}

#[test]
fn long_values_are_cut_with_a_marker_and_their_length() {
    // Every other attribute is on the Attributes tab, the one before Sign-in.
    let (mut state, keys) = console(vec![hostile()], &[KeyCode::Char('[')]);
    let mut shown = String::new();
    for _ in 0..40 {
        shown.push_str(&screen(&state, &keys, 120, 40).join("\n"));
        update(&mut state, &keys, press(KeyCode::PageDown));
    }
    // The marker may wrap at its space: "…xxx… (10000" then "characters)".
    assert!(
        shown.contains("… (10000 characters)") || shown.contains("… (10000 "),
        "{shown}"
    );
    assert!(!shown.contains(&"x".repeat(300)), "cut at 256 characters");
    assert!(
        shown.contains("key ✔ nothing stops this… v"),
        "a key on one line, cut to its column: {shown}"
    );
}

/// A console whose first search failed with PingOne's message `words` times "word".
fn failed_search(words: usize) -> (State, KeyMap) {
    let keys = KeyMap::default();
    let mut state = State::new(Context::default(), Instant::now());
    let Some(Effect::Search { req, .. }) = initial_search(&mut state).pop() else {
        panic!("the first search")
    };
    let error = ApiError {
        status: Some(400),
        body: Some(Box::new(P1Error {
            code: "INVALID_DATA".into(),
            message: "word ".repeat(words),
            ..P1Error::default()
        })),
        correlation_id: Some("c0ffee00-1111-4222-8333-444455556666".into()),
        ..ApiError::transport("search users", ErrorKind::Rejected, "")
    };
    let result = Err(error);
    update(&mut state, &keys, Msg::SearchLoaded { req, result });
    (state, keys)
}

#[test]
fn a_long_error_keeps_its_correlation_id_whole() {
    let (state, keys) = failed_search(3_000);
    for (width, height) in [(80, 24), (120, 40)] {
        let rows = screen(&state, &keys, width, height);
        let cid = "[Correlation-Id c0ffee00-1111-4222-8333-444455556666]";
        assert!(rows.iter().any(|row| row.contains(cid)), "{rows:#?}");
        assert!(
            rows.iter().any(|row| row.contains("more characters")),
            "{rows:#?}"
        );
        let hints = &rows[usize::from(height) - 1];
        assert!(
            hints.contains("search") || hints.contains("Enter"),
            "hints stay: {hints}"
        );
        assert!(
            rows.iter().filter(|row| row.contains("┌ Users")).count() == 1,
            "the body stays"
        );
    }
    // A shorter one grows the status line instead of being cut.
    let (state, keys) = failed_search(60);
    let rows = screen(&state, &keys, 80, 24);
    let footer = rows
        .iter()
        .rposition(|row| row.starts_with('└'))
        .expect("the panes' bottom");
    let words: usize = rows[footer..]
        .iter()
        .map(|row| row.matches("word").count())
        .sum();
    assert_eq!(words, 60, "every word shown: {rows:#?}");
}

#[test]
fn a_long_username_cannot_push_the_dialogs_choices_away() {
    let mut user = hostile();
    user.username = format!("{} {FAKE}", "m".repeat(120));
    let (state, keys) = console(vec![user], &[KeyCode::Char('u')]);
    for (width, height) in [(80, 24), (120, 40)] {
        let rows = screen(&state, &keys, width, height);
        let top = rows
            .iter()
            .position(|r| r.contains("╔ Confirm"))
            .expect("the dialog");
        let bottom = rows
            .iter()
            .position(|r| r.contains('╚'))
            .expect("its border");
        let inside = &rows[top..bottom];
        assert!(inside.iter().any(|r| r.contains("Yes (y)")), "{rows:#?}");
        assert!(
            inside.iter().any(|r| r.contains("environment")),
            "{rows:#?}"
        );
        assert!(
            !inside.iter().any(|r| r.contains(FAKE)),
            "cut to 64: {rows:#?}"
        );
        assert!(
            inside.iter().any(|r| r.contains("(157 characters)")),
            "{rows:#?}"
        );
    }
}
