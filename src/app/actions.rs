//! What each action is called in the key file and the help, and what it does in a few words.

use super::copy::Copyable;
use super::keymap::Mode;
use super::msg::Action;
use crate::desk::OpKind;

/// Every action that is not an operation (those come from [`OpKind::all`]).
const PLAIN: [Action; 33] = [
    Action::FocusSearch,
    Action::NextPane,
    Action::Open,
    Action::Back,
    Action::Up,
    Action::Down,
    Action::PageUp,
    Action::PageDown,
    Action::Home,
    Action::End,
    Action::NextTab,
    Action::PrevTab,
    Action::Refresh,
    Action::RawJson,
    Action::CopyMenu,
    Action::Copy(Copyable::Id),
    Action::Copy(Copyable::Username),
    Action::Copy(Copyable::Email),
    Action::Copy(Copyable::Json),
    Action::Copy(Copyable::Note),
    Action::Help,
    Action::Quit,
    Action::Suspend,
    Action::Confirm,
    Action::Decline,
    Action::Choose,
    Action::ToggleChoice,
    Action::EditTicket,
    Action::Queue,
    Action::Journal,
    Action::Mark,
    Action::MarkAll,
    Action::Scan,
];

impl Action {
    /// Every action a key can be bound to.
    pub fn all() -> impl Iterator<Item = Action> {
        PLAIN
            .into_iter()
            .chain(OpKind::all().iter().map(|kind| Action::Op(*kind)))
    }

    /// The action called `name` in the key file.
    pub fn named(name: &str) -> Option<Action> {
        Self::all().find(|action| action.name() == name)
    }

    /// Its name in the key file and the help (`unlock_account`, `page_down`).
    pub fn name(self) -> &'static str {
        match self {
            Action::FocusSearch => "focus_search",
            Action::NextPane => "next_pane",
            Action::Open => "open",
            Action::Back => "back",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Home => "home",
            Action::End => "end",
            Action::NextTab => "next_tab",
            Action::PrevTab => "prev_tab",
            Action::Op(kind) => kind.name(),
            Action::Refresh => "refresh",
            Action::RawJson => "raw_json",
            Action::CopyMenu => "copy",
            Action::Copy(what) => what.action_name(),
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::Confirm => "confirm",
            Action::Decline => "decline",
            Action::Choose => "choose",
            Action::ToggleChoice => "toggle_choice",
            Action::EditTicket => "edit_ticket",
            Action::Queue => "queue",
            Action::Journal => "journal",
            Action::Mark => "mark",
            Action::MarkAll => "mark_all",
            Action::Scan => "scan",
        }
    }

    /// What it does in `mode`, in a few words, for the footer and the help.
    pub fn describe(self, mode: Mode) -> &'static str {
        use Mode::{
            Bulk, ConfirmTyped, Copy, Help, Journal, PickLock, Queue, Reread, Search, Text, Ticket,
        };
        match (self, mode) {
            (Action::NextPane, Search) => "go to results",
            (Action::NextPane, _) => "switch pane",
            (Action::Back, Search) => "back to the list",
            (Action::Back, Help | Text | Queue | Journal)
            | (Action::Queue, Queue)
            | (Action::Journal, Journal) => "close",
            (Action::Back, Bulk) => "stop sending / close",
            (Action::Back, Copy) | (Action::Decline, PickLock | ConfirmTyped | Ticket) => "cancel",
            (Action::Back, _) => "back",
            (Action::Up, PickLock) => "previous choice",
            (Action::Down, PickLock) => "next choice",
            (Action::Up, Help | Text | Journal) => "scroll up",
            (Action::Down, Help | Text | Journal) => "scroll down",
            (Action::Home, Journal) => "newest",
            (Action::Up, _) => "up",
            (Action::Down, _) => "down",
            (Action::PageUp, _) => "page up",
            (Action::PageDown, _) => "page down",
            (Action::Home, _) => "first user",
            (Action::End, _) => "last user",
            (Action::NextTab, _) => "next detail tab",
            (Action::PrevTab, _) => "previous detail tab",
            (Action::FocusSearch, _) => "search",
            (Action::Open, _) => "open",
            (Action::Op(OpKind::UnlockAccount), Queue) => "unlock marked (or selected)",
            (Action::Op(kind), _) => kind.verb(),
            (Action::Refresh, _) => "read again",
            (Action::RawJson, _) => "raw JSON on/off",
            (Action::CopyMenu, _) => "copy…",
            (Action::Copy(what), _) => what.describe(),
            (Action::Help, _) => "help",
            (Action::Quit, _) => "quit",
            (Action::Suspend, _) => "suspend (fg to come back)",
            (Action::Confirm, Reread) => "re-read them now",
            (Action::Decline, Reread) => "leave them for later",
            (Action::Confirm, _) => "yes",
            (Action::Decline, _) => "no",
            (Action::Choose, PickLock) => "take this duration",
            (Action::Choose, ConfirmTyped) => "go ahead if the username matches",
            (Action::Choose, Bulk) => "close when done",
            (Action::Choose, Ticket) => "done with the ticket",
            (Action::Choose, _) => "take the highlighted choice",
            (Action::ToggleChoice, _) => "move the highlight",
            (Action::EditTicket, ConfirmTyped) => "edit the ticket",
            (Action::EditTicket, _) => "add a ticket",
            (Action::Queue, _) => "locked-now queue",
            (Action::Journal, _) => "journal",
            (Action::Mark, _) => "mark",
            (Action::MarkAll, Queue) => "mark all",
            (Action::MarkAll, _) => "mark all shown",
            (Action::Scan, _) => "scan users instead",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_name_of_its_own() {
        let names: Vec<&str> = Action::all().map(Action::name).collect();
        for (i, name) in names.iter().enumerate() {
            assert!(!names[i + 1..].contains(name), "{name} twice");
            assert_eq!(Action::named(name).map(Action::name), Some(*name));
        }
        assert_eq!(
            Action::named("unlock_password"),
            Some(Action::Op(OpKind::UnlockPassword))
        );
        assert_eq!(Action::named("unlock"), None);
    }
}
