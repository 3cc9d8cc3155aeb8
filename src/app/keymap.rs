//! The key map: (mode, key) → action, each binding with the label and description that the
//! footer hints and the help overlay are generated from. Every operation of
//! [`crate::desk::OpKind`] is bound to its default key in the list and the detail pane.

use std::borrow::Cow;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::msg::Action;
use crate::desk::OpKind;

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The search field has the keys; plain letters are typed.
    Search,
    /// The list or the detail pane has the keys.
    Browse,
    /// The lock dialog's first step: how long to lock for.
    PickLock,
    /// The confirm dialog is open.
    Confirm,
    /// The confirm dialog of a production profile: the username must be typed.
    ConfirmTyped,
    /// The help overlay is open.
    Help,
    /// The locked-now queue.
    Queue,
    /// The journal view.
    Journal,
    /// A bulk unlock's progress or summary.
    Bulk,
    /// Typing a confirm's ticket.
    Ticket,
}

/// One binding.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub mode: Mode,
    /// The key.
    pub code: KeyCode,
    /// Modifiers that must be held.
    pub modifiers: KeyModifiers,
    /// What it does.
    pub action: Action,
    /// How the key is written in hints ("u", "Ctrl-C").
    pub label: Cow<'static, str>,
    /// What it does, in a few words.
    pub desc: Cow<'static, str>,
    /// Whether the footer shows it.
    pub hint: bool,
}

/// The bindings, searched in order.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

/// A binding without modifiers.
pub(super) fn bind(
    mode: Mode,
    code: KeyCode,
    action: Action,
    label: &'static str,
    desc: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        mode,
        code,
        modifiers: KeyModifiers::NONE,
        action,
        label: Cow::Borrowed(label),
        desc: Cow::Borrowed(desc),
        hint,
    }
}

/// The footer shows these operations' keys; the help lists them all.
const HINTED_OPS: [OpKind; 2] = [OpKind::UnlockAccount, OpKind::UnlockPassword];

impl Default for KeyMap {
    fn default() -> Self {
        use Action as A;
        use KeyCode as K;
        use Mode::{Browse, Confirm, ConfirmTyped, Help, PickLock, Search};
        let mut bindings = vec![
            bind(
                Search,
                K::Enter,
                A::NextPane,
                "Enter",
                "go to results",
                true,
            ),
            bind(Search, K::Down, A::NextPane, "↓", "go to results", false),
            bind(Search, K::Tab, A::NextPane, "Tab", "switch pane", true),
            bind(Search, K::Esc, A::Back, "Esc", "back to the list", false),
            bind(Browse, K::Char('/'), A::FocusSearch, "/", "search", true),
            bind(Browse, K::Tab, A::NextPane, "Tab", "switch pane", false),
            bind(Browse, K::Enter, A::Open, "Enter", "open", false),
            bind(Browse, K::Esc, A::Back, "Esc", "back", false),
            bind(Browse, K::Char('j'), A::Down, "j/↓", "down", true),
            bind(Browse, K::Down, A::Down, "↓", "down", false),
            bind(Browse, K::Char('k'), A::Up, "k/↑", "up", true),
            bind(Browse, K::Up, A::Up, "↑", "up", false),
            bind(Browse, K::PageDown, A::PageDown, "PgDn", "page down", false),
            bind(Browse, K::PageUp, A::PageUp, "PgUp", "page up", false),
            bind(Browse, K::Home, A::Home, "Home", "first user", false),
            bind(Browse, K::End, A::End, "End", "last user", false),
        ];
        for kind in OpKind::all() {
            let key = kind.default_key();
            bindings.push(Binding {
                label: Cow::Owned(key.to_string()),
                desc: Cow::Borrowed(kind.verb()),
                hint: HINTED_OPS.contains(kind),
                ..bind(Browse, K::Char(key), A::Op(*kind), "", "", false)
            });
        }
        bindings.extend([
            bind(Browse, K::Char('r'), A::Refresh, "r", "read again", false),
            bind(Browse, K::Char('?'), A::Help, "?", "help", true),
            bind(Browse, K::Char('q'), A::Quit, "q", "quit", true),
        ]);
        bindings.extend(dialog_bindings());
        bindings.extend(super::incident::keys::bindings());
        for mode in [
            Search,
            Browse,
            PickLock,
            Confirm,
            ConfirmTyped,
            Help,
            Mode::Queue,
            Mode::Journal,
            Mode::Bulk,
            Mode::Ticket,
        ] {
            let quit = Binding {
                modifiers: KeyModifiers::CONTROL,
                ..bind(mode, K::Char('c'), A::Quit, "Ctrl-C", "quit", false)
            };
            bindings.push(quit);
        }
        Self { bindings }
    }
}

/// The bindings of the dialogs and the help.
fn dialog_bindings() -> Vec<Binding> {
    use Action as A;
    use KeyCode as K;
    use Mode::{Confirm, ConfirmTyped, Help, PickLock};
    vec![
        bind(PickLock, K::Up, A::Up, "↑", "previous choice", true),
        bind(PickLock, K::Down, A::Down, "↓", "next choice", true),
        bind(
            PickLock,
            K::Enter,
            A::Choose,
            "Enter",
            "take this duration",
            true,
        ),
        bind(PickLock, K::Esc, A::Decline, "Esc", "cancel", true),
        bind(Confirm, K::Char('y'), A::Confirm, "y", "yes", true),
        bind(Confirm, K::Char('n'), A::Decline, "n", "no", true),
        bind(Confirm, K::Esc, A::Decline, "Esc", "no", false),
        bind(
            Confirm,
            K::Enter,
            A::Choose,
            "Enter",
            "take the highlighted choice",
            true,
        ),
        bind(
            Confirm,
            K::Tab,
            A::ToggleChoice,
            "Tab/←/→",
            "move the highlight",
            true,
        ),
        bind(
            Confirm,
            K::Left,
            A::ToggleChoice,
            "←",
            "move the highlight",
            false,
        ),
        bind(
            Confirm,
            K::Right,
            A::ToggleChoice,
            "→",
            "move the highlight",
            false,
        ),
        bind(
            ConfirmTyped,
            K::Enter,
            A::Choose,
            "Enter",
            "go ahead if the username matches",
            true,
        ),
        bind(ConfirmTyped, K::Esc, A::Decline, "Esc", "cancel", true),
        bind(Help, K::Esc, A::Back, "Esc", "close help", true),
        bind(Help, K::Char('?'), A::Back, "?", "close help", false),
        bind(Help, K::Char('q'), A::Back, "q", "close help", false),
    ]
}

impl KeyMap {
    /// The action bound to `key` in `mode`. Shift is ignored for characters, so `?` and `E`
    /// work however the terminal reports them.
    pub fn lookup(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        let modifiers = match key.code {
            KeyCode::Char(_) => key.modifiers - KeyModifiers::SHIFT,
            _ => key.modifiers,
        };
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.code == key.code && b.modifiers == modifiers)
            .map(|b| b.action)
    }

    /// The bindings of `mode`, for the help overlay; one line per distinct description.
    pub fn help(&self, mode: Mode) -> Vec<&Binding> {
        let mut seen: Vec<&str> = Vec::new();
        self.bindings
            .iter()
            .filter(|b| b.mode == mode)
            .filter(|b| {
                let fresh = !seen.contains(&b.desc.as_ref());
                seen.push(&b.desc);
                fresh
            })
            .collect()
    }

    /// The footer hints for `mode`.
    pub fn hints(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.mode == mode && b.hint)
    }

    /// How the key for `action` in `mode` is written, for verdict lines ("p"); `None` when
    /// no key is bound to it.
    pub fn label_of(&self, mode: Mode, action: Action) -> Option<&str> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.action == action)
            .map(|b| b.label.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_a_key_in_browse_mode() {
        let keys = KeyMap::default();
        for kind in OpKind::all() {
            let key = KeyEvent::new(KeyCode::Char(kind.default_key()), KeyModifiers::NONE);
            assert_eq!(keys.lookup(Mode::Browse, &key), Some(Action::Op(*kind)));
            assert!(keys.label_of(Mode::Browse, Action::Op(*kind)).is_some());
        }
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        let keys = KeyMap::default();
        for (i, a) in keys.bindings.iter().enumerate() {
            for b in &keys.bindings[i + 1..] {
                let clash = a.mode == b.mode && a.code == b.code && a.modifiers == b.modifiers;
                assert!(!clash, "{a:?} and {b:?}");
            }
        }
    }
}
