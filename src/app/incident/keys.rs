//! The incident tools' key bindings: the queue and journal keys on the list, marks, and the
//! keys of the queue, journal, bulk and ticket modes.

use crossterm::event::KeyCode as K;

use crate::app::keymap::{Binding, Mode, bind};
use crate::app::msg::Action as A;
use crate::desk::OpKind;

/// Every binding of the incident tools.
pub fn bindings() -> Vec<Binding> {
    use Mode::{Browse, Bulk, Confirm, ConfirmTyped, Journal, Queue, Ticket};
    let unlock = A::Op(OpKind::UnlockAccount);
    vec![
        bind(
            Browse,
            K::Char('L'),
            A::Queue,
            "L",
            "locked-now queue",
            false,
        ),
        bind(Browse, K::Char('J'), A::Journal, "J", "journal", false),
        bind(Browse, K::Char(' '), A::Mark, "Space", "mark", false),
        bind(
            Browse,
            K::Char('*'),
            A::MarkAll,
            "*",
            "mark all shown",
            false,
        ),
        bind(Queue, K::Char('j'), A::Down, "j/↓", "down", true),
        bind(Queue, K::Down, A::Down, "↓", "down", false),
        bind(Queue, K::Char('k'), A::Up, "k/↑", "up", false),
        bind(Queue, K::Up, A::Up, "↑", "up", false),
        bind(Queue, K::PageDown, A::PageDown, "PgDn", "page down", false),
        bind(Queue, K::PageUp, A::PageUp, "PgUp", "page up", false),
        bind(Queue, K::Char(' '), A::Mark, "Space", "mark", true),
        bind(Queue, K::Char('*'), A::MarkAll, "*", "mark all", true),
        bind(
            Queue,
            K::Char('u'),
            unlock,
            "u",
            "unlock marked (or selected)",
            true,
        ),
        bind(Queue, K::Char('r'), A::Refresh, "r", "read again", true),
        bind(
            Queue,
            K::Char('s'),
            A::Scan,
            "s",
            "scan users instead",
            false,
        ),
        bind(Queue, K::Esc, A::Back, "Esc", "close", true),
        bind(Queue, K::Char('L'), A::Queue, "L", "close", false),
        bind(Journal, K::Char('j'), A::Down, "j/↓", "scroll", true),
        bind(Journal, K::Down, A::Down, "↓", "scroll", false),
        bind(Journal, K::Char('k'), A::Up, "k/↑", "scroll up", false),
        bind(Journal, K::Up, A::Up, "↑", "scroll up", false),
        bind(
            Journal,
            K::PageDown,
            A::PageDown,
            "PgDn",
            "page down",
            false,
        ),
        bind(Journal, K::PageUp, A::PageUp, "PgUp", "page up", false),
        bind(Journal, K::Home, A::Home, "Home", "newest", false),
        bind(Journal, K::Esc, A::Back, "Esc", "close", true),
        bind(Journal, K::Char('J'), A::Journal, "J", "close", false),
        bind(Bulk, K::Esc, A::Back, "Esc", "stop sending / close", true),
        bind(Bulk, K::Enter, A::Choose, "Enter", "close when done", true),
        bind(
            Confirm,
            K::Char('t'),
            A::EditTicket,
            "t",
            "add a ticket",
            true,
        ),
        bind(
            ConfirmTyped,
            K::Tab,
            A::EditTicket,
            "Tab",
            "edit the ticket",
            true,
        ),
        bind(
            Ticket,
            K::Enter,
            A::Choose,
            "Enter",
            "done with the ticket",
            true,
        ),
        bind(Ticket, K::Esc, A::Decline, "Esc", "cancel", true),
    ]
}
