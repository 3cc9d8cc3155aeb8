//! The key map: (mode, key) → action. It is built from the key file built into the program
//! (`assets/keys.toml`) with the config file's `[keys]` laid over it, and the footer hints and
//! the help overlay are generated from it, so they always show the keys in force.

use crossterm::event::KeyEvent;

use super::msg::Action;
use crate::config::keys::{Key, KeyTable};

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
    /// The locked-now queue.
    Queue,
    /// The journal view.
    Journal,
    /// A bulk unlock's progress or summary.
    Bulk,
    /// Typing a confirm's ticket.
    Ticket,
    /// The offer at start to re-read the users of operations of unknown outcome.
    Reread,
}

/// Every mode with its name in the key file.
pub(super) const MODES: [(Mode, &str); 15] = [
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
    (Mode::Queue, "queue"),
    (Mode::Journal, "journal"),
    (Mode::Bulk, "bulk"),
    (Mode::Ticket, "ticket"),
    (Mode::Reread, "reread"),
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
    pub(super) fn named(name: &str) -> Option<Vec<Mode>> {
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
    pub(super) user_line: Option<usize>,
}

/// The bindings, in key-file order.
#[derive(Debug, Clone)]
pub struct KeyMap {
    pub(super) bindings: Vec<Binding>,
}

impl Default for KeyMap {
    /// The built-in keys.
    fn default() -> Self {
        Self::with(&KeyTable::default()).expect("the built-in keys are valid")
    }
}

impl KeyMap {
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

    /// Every key for `action` in `mode`, as the help writes them ("y/Enter"); `None` when no
    /// key is bound to it.
    pub fn labels_of(&self, mode: Mode, action: Action) -> Option<&str> {
        self.help(mode)
            .find(|binding| binding.action == action)
            .map(|binding| binding.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;
    use crate::desk::OpKind;

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
    fn every_mode_has_a_way_out_and_suspends() {
        let keys = KeyMap::default();
        for (mode, name) in MODES {
            assert!(keys.help(mode).next().is_some(), "{name} has no keys");
            let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(keys.lookup(mode, &ctrl_c), Some(Action::Quit), "{name}");
            let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
            assert_eq!(keys.lookup(mode, &ctrl_z), Some(Action::Suspend), "{name}");
            assert!(
                keys.hints(mode).all(|b| b.action != Action::Suspend),
                "{name}: suspend is in the help, not the footer"
            );
        }
    }
}
