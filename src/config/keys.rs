//! The key file: for each mode, the keys of each action, in TOML. The defaults are built in
//! ([`DEFAULT_KEYS`], `assets/keys.toml`); the config file's `[keys]` is laid over them by the key
//! map. This module reads the text and the keys; the key map knows the modes and actions.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

/// The default keys, as shipped.
pub const DEFAULT_KEYS: &str = include_str!("../../assets/keys.toml");

/// Keys as written: mode → action → keys, in file order, each with where it stands.
pub type RawKeys = IndexMap<Spanned<String>, IndexMap<Spanned<String>, Spanned<KeyList>>>;

/// One key or several.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    /// `"u"`
    One(String),
    /// `["j", "Down"]`
    Many(Vec<String>),
}

/// A key table, with the line of every entry (for errors that point at it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyTable {
    /// The modes, in file order.
    pub modes: Vec<ModeEntry>,
}

/// One mode's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeEntry {
    /// The mode's name as written (`list`, `browse`, …).
    pub mode: String,
    /// The 1-based line of its name.
    pub line: usize,
    /// Its actions, in file order.
    pub actions: Vec<ActionEntry>,
}

/// One action's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionEntry {
    /// The action's name as written (`unlock_account`).
    pub action: String,
    /// The 1-based line it is on.
    pub line: usize,
    /// Its keys as written (`"Ctrl-r"`); empty to leave the action without a key.
    pub keys: Vec<String>,
}

impl KeyTable {
    /// The table of `raw`, read from `text` (for line numbers).
    pub fn from_raw(raw: RawKeys, text: &str) -> Self {
        let modes = raw
            .into_iter()
            .map(|(mode, actions)| ModeEntry {
                line: line_at(text, mode.span().start),
                mode: mode.into_inner(),
                actions: actions
                    .into_iter()
                    .map(|(action, keys)| ActionEntry {
                        line: line_at(text, action.span().start),
                        action: action.into_inner(),
                        keys: match keys.into_inner() {
                            KeyList::One(key) => vec![key],
                            KeyList::Many(keys) => keys,
                        },
                    })
                    .collect(),
            })
            .collect();
        Self { modes }
    }

    /// The built-in defaults.
    pub fn defaults() -> Self {
        let raw: RawKeys = toml::from_str(DEFAULT_KEYS).expect("assets/keys.toml is valid TOML");
        Self::from_raw(raw, DEFAULT_KEYS)
    }
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// A key as bindings hold it: characters without Shift (the character says it: `E`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt… (never Shift with a character).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key with no modifier.
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// The key a terminal reported, as bindings hold it: Shift is dropped for characters, so
    /// `?` and `E` match however the terminal reports them.
    pub fn of(event: &KeyEvent) -> Self {
        let modifiers = match event.code {
            KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
            _ => event.modifiers,
        };
        Self {
            code: event.code,
            modifiers,
        }
    }

    /// Reads a key as the key file writes it: one character (`E` is Shift-e), or a name with
    /// `Ctrl-`, `Alt-`, `Shift-` in front (crokey's syntax, case-insensitive).
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut chars = spec.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Self::plain(KeyCode::Char(c)));
        }
        let combination = crokey::parse(spec).map_err(|_| format!("cannot read key {spec:?}"))?;
        let crokey::OneToThree::One(code) = combination.codes else {
            return Err(format!(
                "cannot read key {spec:?}: one key at a time (with Ctrl-, Alt- or Shift-)"
            ));
        };
        Ok(Self::of(&KeyEvent::new(code, combination.modifiers)))
    }

    /// How hints and the help write it: `u`, `Enter`, `↓`, `Ctrl-C`.
    pub fn label(self) -> String {
        let mut label = String::new();
        for (modifier, name) in [
            (KeyModifiers::CONTROL, "Ctrl-"),
            (KeyModifiers::ALT, "Alt-"),
            (KeyModifiers::SHIFT, "Shift-"),
        ] {
            if self.modifiers.contains(modifier) {
                label.push_str(name);
            }
        }
        let ctrl = self.modifiers.contains(KeyModifiers::CONTROL);
        match self.code {
            KeyCode::Char(' ') => label.push_str("Space"),
            KeyCode::Char(c) if ctrl => label.extend(c.to_uppercase()),
            KeyCode::Char(c) => label.push(c),
            KeyCode::Up => label.push('↑'),
            KeyCode::Down => label.push('↓'),
            KeyCode::Left => label.push('←'),
            KeyCode::Right => label.push('→'),
            KeyCode::PageUp => label.push_str("PgUp"),
            KeyCode::PageDown => label.push_str("PgDn"),
            KeyCode::F(n) => {
                label.push('F');
                label.push_str(&n.to_string());
            }
            other => label.push_str(&other.to_string()),
        }
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_as_written() {
        let key = |code, modifiers| Key { code, modifiers };
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(
            Key::parse("E"),
            Ok(key(KeyCode::Char('E'), KeyModifiers::NONE))
        );
        assert_eq!(
            Key::parse("Shift-e"),
            Ok(key(KeyCode::Char('E'), KeyModifiers::NONE))
        );
        assert_eq!(Key::parse("Ctrl-c"), Ok(key(KeyCode::Char('c'), ctrl)));
        assert_eq!(Key::parse("ctrl-C"), Ok(key(KeyCode::Char('c'), ctrl)));
        assert_eq!(Key::parse("PageDown"), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("space"), Ok(Key::plain(KeyCode::Char(' '))));
        assert_eq!(
            Key::parse("Alt-Enter"),
            Ok(key(KeyCode::Enter, KeyModifiers::ALT))
        );
        for bad in ["", "Cntrl-c", "Enterr", "ctrl-a-b"] {
            assert!(Key::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn labels_are_short() {
        let label = |spec: &str| Key::parse(spec).expect("a key").label();
        assert_eq!(label("Ctrl-c"), "Ctrl-C");
        assert_eq!(label("Down"), "↓");
        assert_eq!(label("E"), "E");
        assert_eq!(label("Esc"), "Esc");
        assert_eq!(label("F5"), "F5");
        assert_eq!(label("PageUp"), "PgUp");
    }

    #[test]
    fn a_reported_shift_does_not_hide_a_character() {
        let typed = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(Key::of(&typed), Key::plain(KeyCode::Char('?')));
    }

    #[test]
    fn the_default_table_has_lines() {
        let table = KeyTable::defaults();
        let search = &table.modes[0];
        assert_eq!(search.mode, "search");
        assert_eq!(DEFAULT_KEYS.lines().nth(search.line - 1), Some("[search]"));
        let first = &search.actions[0];
        assert_eq!(first.action, "next_pane");
        assert_eq!(first.keys, ["Enter", "Down", "Tab"]);
    }
}
