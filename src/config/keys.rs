//! The key map: (mode, key) → action, each binding with the label and description that the
//! footer hints and the help overlay are generated from.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::msg::Action;

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The search field has the keys; plain letters are typed.
    Search,
    /// The list or the detail pane has the keys.
    Browse,
    /// The confirm dialog is open.
    Confirm,
    /// The confirm dialog of a production profile: the username must be typed.
    ConfirmTyped,
    /// The help overlay is open.
    Help,
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
    pub label: &'static str,
    /// What it does, in a few words.
    pub desc: &'static str,
    /// Whether the footer shows it.
    pub hint: bool,
}

/// The bindings, searched in order.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

fn bind(
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
        label,
        desc,
        hint,
    }
}

impl Default for KeyMap {
    fn default() -> Self {
        use Action as A;
        use KeyCode as K;
        use Mode::{Browse, Confirm, ConfirmTyped, Help, Search};
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
            bind(Browse, K::Char('u'), A::AskUnlock, "u", "unlock", true),
            bind(Browse, K::Char('r'), A::Refresh, "r", "refresh", true),
            bind(Browse, K::Char('?'), A::Help, "?", "help", true),
            bind(Browse, K::Char('q'), A::Quit, "q", "quit", true),
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
                "unlock if the username matches",
                true,
            ),
            bind(ConfirmTyped, K::Esc, A::Decline, "Esc", "cancel", true),
            bind(Help, K::Esc, A::Back, "Esc", "close help", true),
            bind(Help, K::Char('?'), A::Back, "?", "close help", false),
            bind(Help, K::Char('q'), A::Back, "q", "close help", false),
        ];
        for mode in [Search, Browse, Confirm, ConfirmTyped, Help] {
            let quit = Binding {
                modifiers: KeyModifiers::CONTROL,
                ..bind(mode, K::Char('c'), A::Quit, "Ctrl-C", "quit", false)
            };
            bindings.push(quit);
        }
        Self { bindings }
    }
}

impl KeyMap {
    /// The action bound to `key` in `mode`. Shift is ignored, so `?` and `G` work however the
    /// terminal reports them.
    pub fn lookup(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        let modifiers = key.modifiers - KeyModifiers::SHIFT;
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
                let fresh = !seen.contains(&b.desc);
                seen.push(b.desc);
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
}
