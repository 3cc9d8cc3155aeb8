//! What happens (`Msg`), what a person asks for (`Action`), and what the loop must do (`Effect`).

use std::time::Instant;

use crossterm::event::KeyEvent;
use jiff::Timestamp;

use super::copy::{Copyable, Wrap};
use super::incident;
use super::sections::{SectionKind, SectionValue};
use super::view::Pointer;
use crate::api::{ApiError, UserPage, UserQuery};
use crate::desk::{Applied, OpError, OpKind, Subject, UserOp};
use crate::pingone::{Population, User};

/// Identifies one request, so that late replies to superseded requests can be dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReqId(pub u64);

/// Facts that reach `update`.
#[derive(Debug)]
pub enum Msg {
    // --- terminal ---
    /// A key was pressed.
    Key(KeyEvent),
    /// The terminal changed size; the loop measured the layout.
    Resized {
        /// Rows the results list shows at once (for paging).
        list_rows: usize,
        /// Whether it is below the smallest size the console lays out in.
        too_small: bool,
    },
    /// Text was pasted (the terminal bracketed it, so it is one event however long).
    Pasted(String),
    /// The mouse clicked or scrolled (only when the mouse is turned on).
    Pointer(Pointer),
    /// Time passed (debounce, opening, countdowns); the clock comes in as data.
    Tick(Instant),
    // --- replies ---
    /// A search's first page arrived (or failed).
    SearchLoaded {
        /// The request this answers.
        req: ReqId,
        /// What came back.
        result: Result<UserPage, ApiError>,
    },
    /// A further page arrived (or failed).
    MoreLoaded {
        /// The request this answers.
        req: ReqId,
        /// What came back.
        result: Result<UserPage, ApiError>,
    },
    /// A user was read again (or failed).
    UserRefreshed {
        /// The request this answers.
        req: ReqId,
        /// What came back (boxed: a user record is large).
        result: Result<Box<User>, ApiError>,
    },
    /// A section of a user (password, devices, sessions, groups) arrived, or failed.
    SectionLoaded {
        /// The request this answers.
        req: ReqId,
        /// Which section.
        kind: SectionKind,
        /// When it arrived, by the wall clock (device locks end at a date).
        read_at: Timestamp,
        /// What came back.
        result: Result<SectionValue, ApiError>,
    },
    /// A population arrived (or failed).
    PopulationLoaded {
        /// The request this answers.
        req: ReqId,
        /// The population's id.
        id: String,
        /// What came back.
        result: Result<Population, ApiError>,
    },
    /// An operation finished, with what PingOne holds afterwards (or failed).
    Applied {
        /// The request this answers.
        req: ReqId,
        /// The operation.
        op: UserOp,
        /// What came back (boxed: a user and a password state are large).
        result: Result<Box<Applied>, OpError>,
    },
    /// The incident tools' replies (queue, journal, bulk unlock, unresolved operations).
    Incident(incident::Reply),
}

/// Intents a key can be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // --- focus ---
    /// Put the cursor in the search field.
    FocusSearch,
    /// Move focus to the next pane.
    NextPane,
    /// Open the selected user in the detail pane (and read what the list does not show).
    Open,
    /// Close the top layer or go back one pane.
    Back,
    // --- list ---
    /// Select the previous user (or choice).
    Up,
    /// Select the next user (or choice).
    Down,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,
    /// Select the first user.
    Home,
    /// Select the last user.
    End,
    // --- detail ---
    /// Show the next tab of the detail pane.
    NextTab,
    /// Show the previous tab of the detail pane.
    PrevTab,
    // --- actions ---
    /// Ask to apply an operation to the selected user (a confirm follows).
    Op(OpKind),
    /// Read the selected user (and every section) again from PingOne.
    Refresh,
    /// Show the record's raw JSON in the detail pane, or the formatted view again.
    RawJson,
    /// Ask what to copy (the next key says).
    CopyMenu,
    /// Copy something of the selected user.
    Copy(Copyable),
    /// Show or hide the key help.
    Help,
    /// Leave pingdesk.
    Quit,
    /// Give the terminal back and stop until `fg` (Ctrl-Z).
    Suspend,
    // --- confirm dialog ---
    /// Answer yes.
    Confirm,
    /// Answer no.
    Decline,
    /// Take the highlighted choice.
    Choose,
    /// Move the highlight between Yes and No.
    ToggleChoice,
    /// Edit the confirm's ticket field.
    EditTicket,
    // --- incidents ---
    /// Open the locked-now queue.
    Queue,
    /// Open the journal.
    Journal,
    /// Mark or unmark the selected user.
    Mark,
    /// Mark every user shown (or clear them when all are marked).
    MarkAll,
    /// Scan the users list for locked users (when audit data may not be read).
    Scan,
}

/// IO for the executor to run; results come back as `Msg`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Find users (first page).
    Search {
        /// The request id its reply will carry.
        req: ReqId,
        /// What to find.
        query: UserQuery,
    },
    /// Load the page behind a `next` link.
    LoadMore {
        /// The request id its reply will carry.
        req: ReqId,
        /// The `next` link.
        next: url::Url,
    },
    /// Read one user again.
    Refresh {
        /// The request id its reply will carry.
        req: ReqId,
        /// The user.
        id: String,
    },
    /// Read one section of one user (password, devices, sessions, groups).
    ReadSection {
        /// The request id its reply will carry.
        req: ReqId,
        /// The user.
        id: String,
        /// Which section.
        kind: SectionKind,
    },
    /// Read one population.
    ReadPopulation {
        /// The request id its reply will carry.
        req: ReqId,
        /// The population.
        id: String,
    },
    /// Apply one operation to one user (only ever after a confirm), journaled.
    Apply {
        /// The request id its reply will carry.
        req: ReqId,
        /// The user, as the console holds it (an operation on a device or a session leaves it
        /// as it is; boxed: a record is large).
        user: Box<User>,
        /// The operation.
        op: UserOp,
        /// The ticket it is made for.
        ticket: Option<String>,
        /// The user and their state before, for the journal.
        subject: Subject,
    },
    /// The incident tools' IO.
    Incident(incident::Job),
    /// Abort a request whose answer is no longer wanted.
    Cancel(ReqId),
    /// Put `text` on the agent's clipboard by OSC 52 (already inert).
    Copy {
        /// What to copy.
        text: String,
        /// The multiplexer to pass through.
        wrap: Wrap,
    },
    /// Give the terminal back and stop until `fg`; the loop does it (it owns the terminal),
    /// never the executor.
    Suspend,
}
