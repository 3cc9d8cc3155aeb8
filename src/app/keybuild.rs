//! Building the key map: the built-in key file, then the user's `[keys]` laid over it, checked
//! (modes, actions, keys, clashes), with labels, descriptions and footer hints filled in.

use super::copy::Copyable;
use super::keymap::{Binding, KeyMap, MODES, Mode};
use super::msg::Action;
use crate::config::keys::{Key, KeyTable};
use crate::desk::OpKind;

/// A `[keys]` entry that cannot be used: its line in the config file, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct KeyMapError {
    /// The 1-based line of the entry.
    pub line: usize,
    /// What is wrong, naming the mode, the action and the key.
    pub message: String,
}

/// The actions the footer shows, where it shows them.
const HINTS: [(Mode, Action); 26] = [
    (Mode::Search, Action::NextPane),
    (Mode::List, Action::FocusSearch),
    (Mode::List, Action::Op(OpKind::UnlockAccount)),
    (Mode::List, Action::Op(OpKind::UnlockPassword)),
    (Mode::List, Action::CopyMenu),
    (Mode::List, Action::Help),
    (Mode::List, Action::Quit),
    (Mode::Detail, Action::FocusSearch),
    (Mode::Detail, Action::Op(OpKind::UnlockAccount)),
    (Mode::Detail, Action::Op(OpKind::UnlockPassword)),
    (Mode::Detail, Action::RawJson),
    (Mode::Detail, Action::CopyMenu),
    (Mode::Detail, Action::Help),
    (Mode::Detail, Action::Quit),
    (Mode::Help, Action::Back),
    (Mode::Text, Action::Back),
    (Mode::Copy, Action::Back),
    (Mode::Copy, Action::Copy(Copyable::Id)),
    (Mode::Queue, Action::Down),
    (Mode::Queue, Action::Mark),
    (Mode::Queue, Action::MarkAll),
    (Mode::Queue, Action::Op(OpKind::UnlockAccount)),
    (Mode::Queue, Action::Refresh),
    (Mode::Queue, Action::Back),
    (Mode::Journal, Action::Down),
    (Mode::Journal, Action::Back),
];

/// Modes whose every binding is a hint (dialogs: their keys are few and all needed).
const ALL_HINTED: [Mode; 7] = [
    Mode::PickLock,
    Mode::Confirm,
    Mode::ConfirmTyped,
    Mode::Copy,
    Mode::Bulk,
    Mode::Ticket,
    Mode::Reread,
];

impl KeyMap {
    /// The built-in keys with `user` (the config file's `[keys]`) laid over them: an action the
    /// user names gets exactly the keys given, in that mode. Unknown modes and actions, an
    /// action that does nothing in a mode, unreadable keys and one key for two actions in one
    /// mode are errors on the line that says so.
    pub fn with(user: &KeyTable) -> Result<Self, KeyMapError> {
        let mut map = Self {
            bindings: Vec::new(),
        };
        map.lay(&KeyTable::defaults(), None)?;
        map.lay(user, Some(&map.clone()))?;
        for binding in &mut map.bindings {
            let labels: Vec<String> = binding.keys.iter().map(|key| key.label()).collect();
            binding.label = labels.join("/");
            binding.desc = binding.action.describe(binding.mode);
            binding.hint = (ALL_HINTED.contains(&binding.mode)
                && binding.action != Action::Suspend)
                || HINTS.contains(&(binding.mode, binding.action));
        }
        map.check_clashes()?;
        Ok(map)
    }

    /// Lays `table` over the bindings. `defaults` (for a user's table) says which actions each
    /// mode accepts: those the built-in file binds there.
    fn lay(&mut self, table: &KeyTable, defaults: Option<&KeyMap>) -> Result<(), KeyMapError> {
        let user_line = |line| defaults.map(|_| line);
        for entry in &table.modes {
            let error = |line, message| KeyMapError { line, message };
            let names: Vec<&str> = MODES.iter().map(|(_, name)| *name).collect();
            let modes = Mode::named(&entry.mode).ok_or_else(|| {
                error(
                    entry.line,
                    format!(
                        "keys.{}: no such mode (modes: {}, browse)",
                        entry.mode,
                        names.join(", ")
                    ),
                )
            })?;
            for item in &entry.actions {
                let at = format!("keys.{}.{}", entry.mode, item.action);
                let action = Action::named(&item.action).ok_or_else(|| {
                    let known: Vec<&str> = Action::all().map(Action::name).collect();
                    error(
                        item.line,
                        format!("{at}: no such action (actions: {})", known.join(", ")),
                    )
                })?;
                let keys = item
                    .keys
                    .iter()
                    .map(|spec| {
                        Key::parse(spec).map_err(|why| error(item.line, format!("{at}: {why}")))
                    })
                    .collect::<Result<Vec<Key>, _>>()?;
                for mode in &modes {
                    if let Some(defaults) = defaults
                        && !defaults
                            .bindings
                            .iter()
                            .any(|b| b.mode == *mode && b.action == action)
                    {
                        let accepted: Vec<&str> = defaults
                            .bindings
                            .iter()
                            .filter(|b| b.action == action)
                            .map(|b| b.mode.name())
                            .collect();
                        return Err(error(
                            item.line,
                            format!(
                                "{at}: {} does nothing in {} (it works in: {})",
                                item.action,
                                mode.name(),
                                accepted.join(", ")
                            ),
                        ));
                    }
                    let binding = Binding {
                        mode: *mode,
                        action,
                        keys: keys.clone(),
                        label: String::new(),
                        desc: "",
                        hint: false,
                        user_line: user_line(item.line),
                    };
                    match self
                        .bindings
                        .iter_mut()
                        .find(|b| b.mode == *mode && b.action == action)
                    {
                        Some(existing) => *existing = binding,
                        None => self.bindings.push(binding),
                    }
                }
            }
        }
        Ok(())
    }

    /// One key, one action, per mode.
    fn check_clashes(&self) -> Result<(), KeyMapError> {
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                let Some(key) = a
                    .keys
                    .iter()
                    .find(|key| a.mode == b.mode && b.keys.contains(key))
                else {
                    continue;
                };
                return Err(KeyMapError {
                    line: b.user_line.or(a.user_line).unwrap_or(0),
                    message: format!(
                        "keys.{}: {} is bound to both {} and {}; give one of them another key",
                        a.mode.name(),
                        key.label(),
                        a.action.name(),
                        b.action.name()
                    ),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::config::keys::{ActionEntry, ModeEntry};

    fn user(mode: &str, action: &str, keys: &[&str]) -> KeyTable {
        KeyTable {
            modes: vec![ModeEntry {
                mode: mode.into(),
                line: 7,
                actions: vec![ActionEntry {
                    action: action.into(),
                    line: 8,
                    keys: keys.iter().map(|k| (*k).to_owned()).collect(),
                }],
            }],
        }
    }

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_user_table_replaces_an_actions_keys_in_its_mode() {
        let keys = KeyMap::with(&user("list", "unlock_account", &["U"])).expect("valid");
        assert_eq!(
            keys.lookup(Mode::List, &press('U')),
            Some(Action::Op(OpKind::UnlockAccount))
        );
        assert_eq!(keys.lookup(Mode::List, &press('u')), None);
        assert_eq!(
            keys.lookup(Mode::Detail, &press('u')),
            Some(Action::Op(OpKind::UnlockAccount)),
            "only the list was rebound"
        );
        let keys = KeyMap::with(&user("browse", "refresh", &[])).expect("valid");
        assert_eq!(keys.lookup(Mode::Detail, &press('r')), None);
        assert!(keys.help(Mode::List).all(|b| b.action != Action::Refresh));
    }

    #[test]
    fn bad_user_tables_are_errors_on_their_line() {
        let cases = [
            (user("lisst", "down", &["j"]), 7, "keys.lisst: no such mode"),
            (
                user("list", "unlok", &["u"]),
                8,
                "keys.list.unlok: no such action",
            ),
            (
                user("list", "down", &["Cntrl-j"]),
                8,
                "keys.list.down: cannot read key",
            ),
            (
                user("list", "confirm", &["y"]),
                8,
                "confirm does nothing in list",
            ),
            (
                user("list", "unlock_account", &["j"]),
                8,
                "keys.list: j is bound to both down and unlock_account",
            ),
        ];
        for (table, line, start) in cases {
            let error = KeyMap::with(&table).expect_err(start);
            assert_eq!(error.line, line, "{error}");
            assert!(error.message.contains(start), "{error}");
        }
    }

    #[test]
    fn the_incident_modes_take_a_user_table_too() {
        let keys = KeyMap::with(&user("queue", "scan", &["S"])).expect("valid");
        assert_eq!(keys.lookup(Mode::Queue, &press('S')), Some(Action::Scan));
        assert_eq!(keys.lookup(Mode::Queue, &press('s')), None);
        let keys = KeyMap::with(&user("confirm", "edit_ticket", &["T"])).expect("valid");
        assert_eq!(
            keys.label_of(Mode::Confirm, Action::EditTicket).as_deref(),
            Some("T")
        );
        let error = KeyMap::with(&user("list", "scan", &["S"])).expect_err("scan is the queue's");
        assert!(error.message.contains("it works in: queue"), "{error}");
    }

    #[test]
    fn labels_and_hints_follow_the_keys_in_force() {
        let keys = KeyMap::with(&user("browse", "down", &["n", "Down"])).expect("valid");
        let down = keys
            .help(Mode::List)
            .find(|b| b.action == Action::Down)
            .expect("a key");
        assert_eq!(down.label, "n/↓");
        assert_eq!(down.desc, "down");
        let keys = KeyMap::with(&user("list", "copy", &["y"])).expect("valid");
        let copy = keys
            .hints(Mode::List)
            .find(|b| b.action == Action::CopyMenu)
            .expect("a hint");
        assert_eq!(copy.label, "y");
    }
}
