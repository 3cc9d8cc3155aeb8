//! Render snapshots of the console made one's own: the `mono` theme (no colour in any cell, every
//! state still readable from words, bold and reverse video), the raw JSON view, structured
//! attributes, the copy menu and the text overlay.

#[path = "common/console.rs"]
mod console;
#[path = "common/screens.rs"]
mod screens;

use std::time::Instant;

use crossterm::event::KeyCode;
use pingdesk::app::{Clipboard, Context};
use ratatui::style::{Color, Modifier};
use screens::*;

/// Every cell of `terminal` is drawn without colour.
fn assert_no_colour(terminal: &Terminal<TestBackend>) {
    let buffer = terminal.backend().buffer();
    for (i, cell) in buffer.content().iter().enumerate() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "cell {i} ({:?}) has colour {:?} on {:?}",
            cell.symbol(),
            cell.fg,
            cell.bg
        );
    }
}

/// The modifiers of the cell where `needle` starts.
fn modifiers_at(terminal: &Terminal<TestBackend>, needle: &str) -> Modifier {
    terminal.backend().buffer()[locate(terminal, needle)].modifier
}

fn press(c: char) -> Msg {
    key(KeyCode::Char(c))
}

#[test]
fn mono_results_have_no_colour_and_read_from_words_bold_and_reverse() {
    let keys = KeyMap::default();
    let state = listing(users(), Instant::now(), &keys);
    let terminal = draw_with(&state, &keys, &Theme::mono(), (100, 30));
    assert_no_colour(&terminal);
    assert!(
        modifiers_at(&terminal, "DEMO").contains(Modifier::REVERSED),
        "the badge"
    );
    let selected = modifiers_at(&terminal, "▶ ana.lima");
    assert!(selected.contains(Modifier::REVERSED), "the selection");
    let focus = modifiers_at(&terminal, "Users 5 of 5");
    assert!(
        focus.contains(Modifier::REVERSED),
        "the focused pane's title"
    );
    let unfocused = modifiers_at(&terminal, "Search");
    assert!(
        !unfocused.contains(Modifier::REVERSED),
        "an unfocused title"
    );
    insta::assert_snapshot!("mono_results", terminal.backend());
}

#[test]
fn mono_detail_and_confirm_have_no_colour() {
    let keys = KeyMap::default();
    let mut state = listing(users(), Instant::now(), &keys);
    update(&mut state, &keys, key(KeyCode::Enter));
    let terminal = draw_with(&state, &keys, &Theme::mono(), (100, 30));
    assert_no_colour(&terminal);
    assert!(modifiers_at(&terminal, "✘ cannot sign in").contains(Modifier::BOLD));
    insta::assert_snapshot!("mono_detail", terminal.backend());
    update(&mut state, &keys, press('u'));
    update(&mut state, &keys, key(KeyCode::Tab));
    let terminal = draw_with(&state, &keys, &Theme::mono(), (100, 30));
    assert_no_colour(&terminal);
    let yes = modifiers_at(&terminal, " Yes (y) ");
    assert!(yes.contains(Modifier::REVERSED), "the highlighted choice");
    assert!(!modifiers_at(&terminal, " No (n) ").contains(Modifier::REVERSED));
    insta::assert_snapshot!("mono_confirm_yes_highlighted", terminal.backend());
}

#[test]
fn mono_help_and_raw_json_have_no_colour() {
    let keys = KeyMap::default();
    let mut state = listing(users(), Instant::now(), &keys);
    update(&mut state, &keys, press('?'));
    let terminal = draw_with(&state, &keys, &Theme::mono(), (120, 40));
    assert_no_colour(&terminal);
    insta::assert_snapshot!("mono_help", terminal.backend());
    update(&mut state, &keys, key(KeyCode::Esc));
    update(&mut state, &keys, key(KeyCode::Enter));
    update(&mut state, &keys, press('v'));
    let terminal = draw_with(&state, &keys, &Theme::mono(), (100, 30));
    assert_no_colour(&terminal);
}

#[test]
fn raw_json_view() {
    let keys = KeyMap::default();
    let mut state = listing(users(), Instant::now(), &keys);
    update(&mut state, &keys, key(KeyCode::Enter));
    update(&mut state, &keys, press('v'));
    let terminal = draw(&state, &keys, 100, 30);
    let theme = Theme::default();
    let buffer = terminal.backend().buffer();
    let key_cell = &buffer[locate(&terminal, "\"username\"")];
    assert_eq!(Some(key_cell.fg), theme.json_key.fg);
    let string_cell = &buffer[locate(&terminal, "\"ana.lima\"")];
    assert_eq!(Some(string_cell.fg), theme.json_string.fg);
    insta::assert_snapshot!("raw_json", terminal.backend());
    update(&mut state, &keys, key(KeyCode::PageDown));
    let scrolled = draw(&state, &keys, 100, 30);
    assert!(
        find(scrolled.backend().buffer(), "\"username\"", 0).is_none(),
        "PgDn scrolls the JSON"
    );
}

#[test]
fn structured_attributes_long_labels_and_the_population() {
    let keys = KeyMap::default();
    let mut user = user(7, "noor.haddad", "Noor", "Haddad");
    user.extra.insert(
        "address".into(),
        serde_json::json!({
            "streetAddress": "12 Quay Street",
            "locality": "Dublin",
            "postalCode": "D02 X285",
            "countryCode": "IE"
        }),
    );
    user.extra.insert("employeeNumber".into(), "004211".into());
    user.extra.insert(
        "entitlementsGrantedByHelpdeskReview".into(),
        serde_json::json!(["vpn", "payroll-read"]),
    );
    let mut state = listing(vec![user], Instant::now(), &keys);
    update(&mut state, &keys, key(KeyCode::Enter));
    // The attributes are on the Attributes tab, the one before Sign-in.
    update(&mut state, &keys, key(KeyCode::Char('[')));
    let terminal = draw(&state, &keys, 100, 30);
    let screen = format!("{:?}", terminal.backend());
    assert!(!screen.contains("employeeNumber004211"), "{screen}");
    assert!(screen.contains("12 Quay Street"), "{screen}");
    assert!(screen.contains("Dublin D02 X285"), "{screen}");
    assert!(screen.contains("• payroll-read"), "{screen}");
    insta::assert_snapshot!("structured_attributes", terminal.backend());
}

#[test]
fn copy_menu_and_the_text_overlay() {
    let keys = KeyMap::default();
    let mut state = listing(users(), Instant::now(), &keys);
    update(&mut state, &keys, press('c'));
    let terminal = draw(&state, &keys, 100, 30);
    insta::assert_snapshot!("copy_menu", terminal.backend());
    update(&mut state, &keys, key(KeyCode::Esc));
    state.context = Context {
        clipboard: Clipboard::Overlay("TERM=linux does not take copies by OSC 52".into()),
        ..state.context.clone()
    };
    update(&mut state, &keys, press('c'));
    update(&mut state, &keys, press('n'));
    let terminal = draw(&state, &keys, 100, 30);
    locate(
        &terminal,
        "What is wrong: account locked; unlocks by itself in 5m 00s",
    );
    insta::assert_snapshot!("text_overlay_note", terminal.backend());
}

/// The box-drawing cells of `terminal` with their styles.
fn border_cells(terminal: &Terminal<TestBackend>) -> Vec<(usize, ratatui::buffer::Cell)> {
    let borders = "─│┌┐└┘├┤┬┴┼";
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .enumerate()
        .filter(|(_, cell)| borders.contains(cell.symbol()))
        .map(|(i, cell)| (i, cell.clone()))
        .collect()
}

#[test]
fn moving_the_focus_restyles_titles_only_in_every_theme() {
    let keys = KeyMap::default();
    for theme in [
        Theme::dark(),
        Theme::light(),
        Theme::high_contrast(),
        Theme::mono(),
    ] {
        let mut state = listing(users(), Instant::now(), &keys);
        state.focus = pingdesk::app::Focus::Search;
        let on_search = draw_with(&state, &keys, &theme, (120, 40));
        state.focus = pingdesk::app::Focus::Results;
        let on_list = draw_with(&state, &keys, &theme, (120, 40));
        let borders = border_cells(&on_search);
        assert!(borders.len() > 300, "{} border cells", borders.len());
        assert_eq!(
            borders,
            border_cells(&on_list),
            "borders changed with focus"
        );
        for (terminal, focused, other) in [
            (&on_search, "Search", "Users 5 of 5"),
            (&on_list, "Users 5 of 5", "Search"),
        ] {
            let title = modifiers_at(terminal, focused);
            assert!(title.contains(Modifier::REVERSED), "{focused} focused");
            let title = modifiers_at(terminal, other);
            assert!(!title.contains(Modifier::REVERSED), "{other} not focused");
        }
    }
}
