//! The key map: (mode, key) → action. It is built from the key file built into the program
//! (`assets/keys.toml`) with the config file's `[keys]` laid over it, and the footer hints and
//! the help overlay are generated from it, so they always show the keys in force.

use crossterm::event::KeyEvent;

use super::copy::Copyable;
use super::msg::Action;
use crate::config::keys::{Key, KeyTable};
use crate::desk::OpKind;

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The search field has the keys; plain letters are typed.
    Search,
    /// The results list has the keys.
    List,
    /// The detail pane has the keys.
    Detail,
    /// The lock dialog's first step: how long to lock for.
    PickLock,
    /// The confirm dialog is open.
    Confirm,
    /// The confirm dialog of a production profile: the username must be typed.
    ConfirmTyped,
    /// The help overlay is open.
    Help,
    /// `c` was pressed: the next key says what to copy.
    Copy,
    /// A text overlay is open (what could not be copied, to select by hand).
    Text,
    /// The terminal is too small to lay out: only quitting works.
    TooSmall,
}

/// Every mode with its name in the key file.
const MODES: [(Mode, &str); 10] = [
    (Mode::Search, "search"),
    (Mode::List, "list"),
    (Mode::Detail, "detail"),
    (Mode::PickLock, "lock"),
    (Mode::Confirm, "confirm"),
    (Mode::ConfirmTyped, "confirm_typed"),
    (Mode::Help, "help"),
    (Mode::Copy, "copy"),
    (Mode::Text, "text"),
    (Mode::TooSmall, "too_small"),
];

impl Mode {
    /// Its name in the key file.
    pub fn name(self) -> &'static str {
        MODES
            .iter()
            .find(|(mode, _)| *mode == self)
            .map_or("", |(_, name)| name)
    }

    /// The modes a key-file section names: one, or `browse` for both the list and the detail.
    fn named(name: &str) -> Option<Vec<Mode>> {
        if name == "browse" {
            return Some(vec![Mode::List, Mode::Detail]);
        }
        let (mode, _) = MODES.iter().find(|(_, n)| *n == name)?;
        Some(vec![*mode])
    }
}

/// One action's keys in one mode.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub mode: Mode,
    /// What it does.
    pub action: Action,
    /// Its keys, first the one hints show.
    pub keys: Vec<Key>,
    /// Its keys as the help writes them ("j/↓").
    pub label: String,
    /// What it does, in a few words.
    pub desc: &'static str,
    /// Whether the footer shows it.
    pub hint: bool,
    /// The config-file line that set it, when the user's file did.
    user_line: Option<usize>,
}

/// The bindings, in key-file order.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

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
const HINTS: [(Mode, Action); 18] = [
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
];

/// Modes whose every binding is a hint (dialogs: their keys are few and all needed).
const ALL_HINTED: [Mode; 4] = [
    Mode::PickLock,
    Mode::Confirm,
    Mode::ConfirmTyped,
    Mode::Copy,
];

impl Default for KeyMap {
    /// The built-in keys.
    fn default() -> Self {
        Self::with(&KeyTable::default()).expect("the built-in keys are valid")
    }
}

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
            binding.hint = ALL_HINTED.contains(&binding.mode)
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

    /// The action bound to `key` in `mode`. Shift is ignored for characters, so `?` and `E`
    /// work however the terminal reports them.
    pub fn lookup(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        let key = Key::of(key);
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.keys.contains(&key))
            .map(|b| b.action)
    }

    /// The bindings of `mode` that have a key, for the help overlay.
    pub fn help(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.mode == mode && !b.keys.is_empty())
    }

    /// The footer hints for `mode`.
    pub fn hints(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.help(mode).filter(|b| b.hint)
    }

    /// The keys of `action` in `mode` (none when it has no key).
    pub fn keys_of(&self, mode: Mode, action: Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.action == action)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// How the first key for `action` in `mode` is written, for verdict lines and hints ("p");
    /// `None` when no key is bound to it.
    pub fn label_of(&self, mode: Mode, action: Action) -> Option<String> {
        self.keys_of(mode, action).first().map(|key| key.label())
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};

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
    fn every_operation_has_a_key_in_the_list_and_the_detail() {
        let keys = KeyMap::default();
        for kind in OpKind::all() {
            for mode in [Mode::List, Mode::Detail] {
                let key = keys.keys_of(mode, Action::Op(*kind))[0];
                let event = KeyEvent::new(key.code, key.modifiers);
                assert_eq!(keys.lookup(mode, &event), Some(Action::Op(*kind)));
            }
        }
        assert_eq!(
            keys.label_of(Mode::List, Action::Op(OpKind::EnableUser))
                .as_deref(),
            Some("E")
        );
    }

    #[test]
    fn every_mode_has_a_way_out() {
        let keys = KeyMap::default();
        for (mode, name) in MODES {
            assert!(keys.help(mode).next().is_some(), "{name} has no keys");
            let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(keys.lookup(mode, &ctrl_c), Some(Action::Quit), "{name}");
        }
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
