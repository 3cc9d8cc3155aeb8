//! Wide glyphs under layers: the confirm dialog and the help open over a list whose usernames
//! put a wide character across the layer's left edge. Drawn through ratatui's stock backend into
//! a vt100 screen (what a terminal shows, not only the buffer): the layer's left border stands
//! on every row, and once the layer closes the list is back with no glyph left over.

#[path = "common/console.rs"]
mod console;
#[path = "common/vt.rs"]
mod vt;

use console::*;
use ratatui::backend::CrosstermBackend;
use vt::Vt;

/// Users whose usernames put `田` at columns `left - 1` and `left` at 80×24 (the list's text
/// starts at column 3): across a layer's left edge at column `left`.
fn straddling(left: usize) -> Vec<User> {
    (0..12)
        .map(|i| {
            let mut user = user(&format!("id-{i}"), true);
            let pad: String = ('a'..='z').cycle().skip(i).take(left - 4).collect();
            user.username = format!("{pad}田中{i}");
            user
        })
        .collect()
}

/// The character drawn at display column `col` of `row`.
fn char_at(row: &str, col: usize) -> Option<char> {
    use unicode_width::UnicodeWidthChar as _;
    let mut at = 0;
    for c in row.chars() {
        if at == col {
            return Some(c);
        }
        at += c.width().unwrap_or(0);
        if at > col {
            return None; // the column is the right half of a wide glyph
        }
    }
    None
}

/// Opens a layer with `open` over the straddling list; its frame is `corners` (top-left,
/// bottom-left) and `border` at column `left`.
fn layer_over_wide_glyphs(open: KeyCode, left: usize, corners: (char, char), border: char) {
    let (mut state, keys) = listing(Context::default(), straddling(left), Instant::now());
    update(&mut state, &keys, key(KeyCode::Enter));
    let mut screen = Vt::new(80, 24, |out, _| CrosstermBackend::new(out));
    screen.draw(&state, &keys);
    let before = screen.rows();
    let under: Vec<usize> = (0..before.len())
        .filter(|&y| char_at(&before[y], left - 1) == Some('田'))
        .collect();
    assert!(
        under.len() >= 8,
        "田 across column {left}:\n{}",
        before.join("\n")
    );
    update(&mut state, &keys, key(open));
    screen.draw(&state, &keys);
    let layered = screen.rows();
    let shown = layered.join("\n");
    let top = (0..layered.len())
        .find(|&y| char_at(&layered[y], left) == Some(corners.0))
        .unwrap_or_else(|| panic!("the layer's top-left corner at column {left}:\n{shown}"));
    let bottom = (top + 1..layered.len())
        .find(|&y| char_at(&layered[y], left) == Some(corners.1))
        .unwrap_or_else(|| panic!("the layer's bottom-left corner:\n{shown}"));
    assert!(
        under.iter().any(|y| (top..bottom).contains(y)),
        "the layer covers straddled rows"
    );
    for (y, row) in layered.iter().enumerate().take(bottom).skip(top + 1) {
        assert_eq!(
            char_at(row, left),
            Some(border),
            "row {y}'s left border:\n{shown}"
        );
    }
    update(&mut state, &keys, key(KeyCode::Esc));
    screen.draw(&state, &keys);
    // The panes, without the status line (it says what was cancelled) and trailing blanks.
    let panes = |rows: &[String]| -> Vec<String> {
        rows[..rows.len() - 2]
            .iter()
            .map(|r| r.trim_end().to_owned())
            .collect()
    };
    assert_eq!(
        panes(&screen.rows()),
        panes(&before),
        "the panes are back as they were"
    );
}

#[test]
fn the_confirm_dialog_keeps_its_left_border_over_wide_glyphs() {
    layer_over_wide_glyphs(KeyCode::Char('u'), 7, ('╔', '╚'), '║');
}

#[test]
fn the_help_keeps_its_left_border_over_wide_glyphs() {
    layer_over_wide_glyphs(KeyCode::Char('?'), 4, ('┌', '└'), '│');
}
