//! What happens (`Msg`), what a person asks for (`Action`), and what the loop must do (`Effect`).

use std::time::Instant;

use crossterm::event::KeyEvent;
use serde::Deserialize;

use crate::api::{ApiError, User, UserPage, UserQuery};

/// Identifies one request, so that late replies to superseded requests can be dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReqId(pub u64);

/// Facts that reach `update`.
#[derive(Debug)]
pub enum Msg {
    // --- terminal ---
    /// A key was pressed.
    Key(KeyEvent),
    /// The terminal changed size.
    Resized {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Time passed (debounce and countdowns); the clock comes in as data.
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
        /// What came back.
        result: Result<User, ApiError>,
    },
    /// An unlock finished, with the record PingOne returned (or failed).
    Unlocked {
        /// The request this answers.
        req: ReqId,
        /// What came back.
        result: Result<User, ApiError>,
    },
}

/// Intents a key can be bound to. `Deserialize` lets the config name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    // --- focus ---
    /// Put the cursor in the search field.
    FocusSearch,
    /// Move focus to the next pane.
    NextPane,
    /// Open the selected user in the detail pane.
    Open,
    /// Close the top layer or go back one pane.
    Back,
    // --- list ---
    /// Select the previous user.
    Up,
    /// Select the next user.
    Down,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,
    /// Select the first user.
    Home,
    /// Select the last user.
    End,
    // --- actions ---
    /// Ask to unlock the selected user.
    AskUnlock,
    /// Read the selected user again from PingOne.
    Refresh,
    /// Show or hide the key help.
    Help,
    /// Leave pingdesk.
    Quit,
    // --- confirm dialog ---
    /// Answer yes.
    Confirm,
    /// Answer no.
    Decline,
    /// Take the highlighted choice.
    Choose,
    /// Move the highlight between Yes and No.
    ToggleChoice,
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
    /// Unlock one user's account.
    Unlock {
        /// The request id its reply will carry.
        req: ReqId,
        /// The user.
        id: String,
    },
    /// Abort a request whose answer is no longer wanted.
    Cancel(ReqId),
}
