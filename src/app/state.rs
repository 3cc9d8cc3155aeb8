//! `State`: everything the console shows, owned by the loop and changed only by `update`.

use std::time::{Duration, Instant};

use tui_input::Input;

use super::msg::ReqId;
use crate::api::User;
use crate::api::types::AccountStatus;

/// How long typing must pause before a search is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(200);
/// How often the spinner turns while a request is in flight.
pub const SPINNER_STEP: Duration = Duration::from_millis(120);

/// What the header says about where we are connected.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Environment display name, when known.
    pub environment_name: Option<String>,
    /// Environment id.
    pub environment_id: String,
    /// Region code, or where the URLs point.
    pub region: String,
    /// Client id, or "access token".
    pub actor: String,
    /// Running on the embedded simulator.
    pub demo: bool,
    /// Writes are refused.
    pub read_only: bool,
    /// The config profile in use.
    pub profile: Option<String>,
    /// A production tenant: the unlock dialog asks for the username to be typed.
    pub production: bool,
    /// The banner colour the profile asks for.
    pub banner_color: Option<String>,
    /// Start-up warnings, shown in the status line.
    pub warnings: Vec<String>,
}

/// Which pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The search field.
    Search,
    /// The results list.
    Results,
    /// The detail pane.
    Detail,
}

/// A layer over the panes that takes keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// "Unlock this user?" with No highlighted unless moved.
    ConfirmUnlock {
        /// The user's id.
        id: String,
        /// Shown in the dialog.
        username: String,
        /// Shown in the dialog.
        email: String,
        /// Whether Yes is highlighted.
        yes_highlighted: bool,
        /// On a production profile: what has been typed so far, which must equal the username.
        typed: Option<String>,
    },
    /// The key help.
    Help,
}

/// How a status line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    /// Neutral news.
    Info,
    /// Something worked.
    Success,
    /// Something failed.
    Error,
}

/// The footer's status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What to say.
    pub text: String,
    /// How it reads.
    pub kind: StatusKind,
}

/// A listed user and when its record arrived (countdowns run from then).
///
/// The record is kept as compact JSON and decoded when shown: a decoded `User` is about twice
/// the size, and a console that has scrolled through 10,000 users should stay small. Only the
/// rows on screen and the selected one are ever decoded.
#[derive(Debug, Clone)]
pub struct Row {
    /// The record's JSON, as PingOne sent it less its `_links`.
    record: Box<str>,
    /// The user's id, for matching replies to rows without decoding.
    pub id: String,
    /// When it arrived.
    pub received: Instant,
    /// Whether the end of its countdown already asked for a fresh record.
    pub refreshed_at_zero: bool,
}

impl Row {
    /// A row for a record that arrived at `now`. The record's `_`-prefixed plumbing (`_links`:
    /// five URLs in nested maps, most of a listed record's memory) is dropped: the console never
    /// shows or follows it.
    pub fn new(mut user: User, now: Instant) -> Self {
        user.extra.retain(|key, _| !key.starts_with('_'));
        let record = serde_json::to_string(&user).expect("a User always encodes to JSON");
        Self {
            record: record.into_boxed_str(),
            id: user.id,
            received: now,
            refreshed_at_zero: false,
        }
    }

    /// The record, decoded.
    pub fn user(&self) -> User {
        serde_json::from_str(&self.record).expect("a row holds the JSON of the User it encoded")
    }

    /// Seconds until the lock ends by itself, counted down from the record's arrival.
    pub fn seconds_until_unlock(&self, now: Instant) -> Option<u64> {
        let account = self.user().account?;
        if account.status != Some(AccountStatus::Locked) {
            return None;
        }
        let at_arrival = account.seconds_until_unlock?;
        Some(at_arrival.saturating_sub(now.saturating_duration_since(self.received).as_secs()))
    }
}

/// The results list: rows, paging, and the request that fills it.
#[derive(Debug, Default)]
pub struct Results {
    /// Users listed so far.
    pub rows: Vec<Row>,
    /// How many match in all, when PingOne says.
    pub count: Option<u64>,
    /// The link to the next page.
    pub next: Option<url::Url>,
    /// Index of the selected row.
    pub selected: usize,
    /// The search in flight.
    pub search_req: Option<ReqId>,
    /// The next-page load in flight.
    pub more_req: Option<ReqId>,
    /// Whether a search has answered at least once (so "No users match" can be said).
    pub loaded: bool,
    /// The error that replaced the list, if the last search failed.
    pub error: Option<String>,
}

impl Results {
    /// The selected row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }
}

/// Everything the console shows.
#[derive(Debug)]
pub struct State {
    /// Header facts.
    pub context: Context,
    /// The search field.
    pub input: Input,
    /// When the search text last changed, while a search is still owed.
    pub typed_at: Option<Instant>,
    /// Which pane has the keys.
    pub focus: Focus,
    /// The layer over the panes.
    pub modal: Option<Modal>,
    /// The results list.
    pub results: Results,
    /// The unlock in flight, and whose.
    pub unlock_req: Option<(ReqId, String)>,
    /// The refresh in flight, and whose.
    pub refresh_req: Option<(ReqId, String)>,
    /// The footer's status line.
    pub status: Option<Status>,
    /// Rows the list shows at once (set by the renderer's layout), for paging.
    pub list_height: usize,
    /// Lines the detail pane is scrolled down by (when it has focus).
    pub detail_scroll: u16,
    /// The clock, as last told by a `Tick`.
    pub now: Instant,
    /// Spinner frame.
    pub spinner: usize,
    /// When the spinner last turned.
    pub spun_at: Instant,
    /// Whether the screen must be drawn again.
    pub dirty: bool,
    /// Whether to leave.
    pub quit: bool,
    next_req: u64,
}

impl State {
    /// A fresh console for `context`, at `now`.
    pub fn new(context: Context, now: Instant) -> Self {
        let status = (!context.warnings.is_empty()).then(|| Status {
            text: context.warnings.join("; "),
            kind: StatusKind::Error,
        });
        Self {
            context,
            input: Input::default(),
            typed_at: None,
            focus: Focus::Search,
            modal: None,
            results: Results::default(),
            unlock_req: None,
            refresh_req: None,
            status,
            list_height: 10,
            detail_scroll: 0,
            now,
            spinner: 0,
            spun_at: now,
            dirty: true,
            quit: false,
            next_req: 0,
        }
    }

    /// A new request id (sequential, so tests see the same ids every run).
    pub fn next_req(&mut self) -> ReqId {
        self.next_req += 1;
        ReqId(self.next_req)
    }

    /// Whether any request is in flight (the spinner turns).
    pub fn is_busy(&self) -> bool {
        self.results.search_req.is_some()
            || self.results.more_req.is_some()
            || self.unlock_req.is_some()
            || self.refresh_req.is_some()
    }

    /// When the loop must wake next with a `Tick`: the debounce, the spinner, or the selected
    /// user's countdown; `None` when nothing changes by itself (no wake-ups at all).
    pub fn next_wakeup(&self) -> Option<Instant> {
        let debounce = self.typed_at.map(|at| at + DEBOUNCE);
        let spinner = self.is_busy().then(|| self.spun_at + SPINNER_STEP);
        let countdown = self.results.selected_row().and_then(|row| {
            row.seconds_until_unlock(self.now)?;
            let elapsed = self.now.saturating_duration_since(row.received);
            let next_second = Duration::from_secs(elapsed.as_secs() + 1);
            Some(row.received + next_second)
        });
        [debounce, spinner, countdown].into_iter().flatten().min()
    }

    /// Sets the status line.
    pub fn say(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_keeps_what_is_shown_and_drops_the_links() {
        let mut user = User::default();
        user.extra.insert("costCenter".into(), "CC-7".into());
        user.extra
            .insert("_links".into(), serde_json::json!({"self": {"href": "x"}}));
        let row = Row::new(user, Instant::now());
        assert_eq!(row.user().extra.len(), 1);
        assert_eq!(row.user().extra["costCenter"], "CC-7");
    }
}
