//! The README's key table and the built-in key file cannot drift: every key the table lists for
//! the list and the detail pane is bound there, and every character key bound there is listed.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pingdesk::app::{KeyMap, Mode};

/// The README's console key table: (keys column, where column).
fn key_rows() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    readme
        .lines()
        .skip_while(|line| !line.starts_with("| key | where | does |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells[1].to_owned(), cells[2].to_owned())
        })
        .collect()
}

/// The character keys written in backticks in `cell`: one character, or `Space`.
fn backticked(cell: &str) -> Vec<char> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|key| {
            if key == "Space" {
                return Some(' ');
            }
            let mut chars = key.chars();
            chars.next().filter(|_| chars.next().is_none())
        })
        .collect()
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn the_readme_key_table_is_the_key_file() {
    let keys = KeyMap::default();
    let rows = key_rows();
    assert!(rows.len() > 10, "the key table was not found: {rows:?}");
    let mut listed = Vec::new();
    for (cell, place) in &rows {
        if !place.contains("list") {
            continue;
        }
        let (first, then) = cell.split_once(" then ").unwrap_or((cell, ""));
        for key in backticked(first) {
            listed.push(key);
            for mode in [Mode::List, Mode::Detail] {
                assert!(
                    keys.lookup(mode, &press(key)).is_some(),
                    "{key} in {mode:?}"
                );
            }
        }
        for key in backticked(then) {
            assert!(
                keys.lookup(Mode::Copy, &press(key)).is_some(),
                "{key} after c"
            );
        }
    }
    for binding in keys.help(Mode::List) {
        for key in &binding.keys {
            if let (KeyCode::Char(c), KeyModifiers::NONE) = (key.code, key.modifiers) {
                assert!(
                    listed.contains(&c),
                    "{c} ({}) is not in the README",
                    binding.desc
                );
            }
        }
    }
}
