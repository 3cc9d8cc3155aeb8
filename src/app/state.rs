//! `State`: everything the console shows, owned by the loop and changed only by `update`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use tui_input::Input;

use super::context::Context;
use super::inflight::InFlight;
use super::keymap::Mode;
use super::modal::{Modal, Step};
use super::msg::ReqId;
pub use super::rows::{Results, Row, Shown};
use super::sections::{Extras, Reads, Section, SectionKind};
use super::tabs::{DetailView, Tab, row_targets};
use super::view::View;
use crate::desk::{Known, Target, Verdict};
use crate::pingone::{PasswordState, Population, User};

/// How long typing must pause before a search is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(200);
/// How often the spinner turns while a request is in flight.
pub const SPINNER_STEP: Duration = Duration::from_millis(120);
/// How long the selection must rest on a user before it is opened (its sections read).
pub const OPEN_AFTER: Duration = Duration::from_millis(300);

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
    /// The search in flight.
    pub search: InFlight<()>,
    /// The next-page load in flight.
    pub more: InFlight<()>,
    /// The re-read of a user in flight, and whose.
    pub refresh: InFlight<String>,
    /// The reads of the opened user's sections in flight, one slot per kind, and whose.
    pub reads: Reads,
    /// The operation in flight, and on whom.
    pub op: InFlight<String>,
    /// The selected user, decoded.
    pub shown: Option<Shown>,
    /// What was read about users besides their records, by id.
    pub extras: HashMap<String, Extras>,
    /// Populations by id, each read once per run.
    pub populations: HashMap<String, Section<Population>>,
    /// The population reads in flight, by population id.
    pub population_reads: HashMap<String, ReqId>,
    /// The detail pane's tab and selected row.
    pub detail: DetailView,
    /// The user the selection opened (whose extras were asked for), if any.
    pub opened: Option<String>,
    /// When the selection last moved.
    pub selected_at: Instant,
    /// The footer's status line.
    pub status: Option<Status>,
    /// Whether the status line tells of a failed read, which the next successful search clears.
    pub status_from_read: bool,
    /// Rows the list shows at once (measured by the loop), for paging.
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
    /// How the console is being looked at (raw JSON, overlay scroll, size, clock, notes).
    pub view: View,
    /// A configuration error that ended the console (an unknown environment): said on leaving,
    /// with the CLI's exit code for configuration errors.
    pub fatal: Option<String>,
    /// The locked-now queue, the journal view, marks and bulk unlocks.
    pub incident: super::incident::Incident,
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
            search: InFlight::default(),
            more: InFlight::default(),
            refresh: InFlight::default(),
            reads: Reads::default(),
            op: InFlight::default(),
            shown: None,
            extras: HashMap::new(),
            populations: HashMap::new(),
            population_reads: HashMap::new(),
            detail: DetailView::default(),
            opened: None,
            selected_at: now,
            status,
            status_from_read: false,
            list_height: 10,
            detail_scroll: 0,
            now,
            spinner: 0,
            spun_at: now,
            dirty: true,
            quit: false,
            view: View::new(now, jiff::Timestamp::now()),
            fatal: None,
            incident: super::incident::Incident::default(),
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
        self.search.is_busy()
            || self.more.is_busy()
            || self.refresh.is_busy()
            || self.reads.is_busy()
            || !self.population_reads.is_empty()
            || self.op.is_busy()
            || self.incident.is_busy()
    }

    /// Which bindings apply now.
    pub fn mode(&self) -> Mode {
        if self.view.too_small {
            return Mode::TooSmall;
        }
        match (&self.modal, self.focus) {
            (Some(Modal::Help), _) => Mode::Help,
            (Some(Modal::CopyMenu), _) => Mode::Copy,
            (Some(Modal::Text { .. }), _) => Mode::Text,
            (Some(Modal::Incident(view)), _) => super::incident::mode(self, *view),
            (Some(Modal::Confirm(confirm)), _) if confirm.editing_ticket => Mode::Ticket,
            (Some(Modal::Confirm(confirm)), _) => match &confirm.step {
                Step::PickLock(_) => Mode::PickLock,
                Step::Answer { typed: Some(_), .. } => Mode::ConfirmTyped,
                Step::Answer { .. } => Mode::Confirm,
            },
            (None, Focus::Search) => Mode::Search,
            (None, Focus::Results) => Mode::List,
            (None, Focus::Detail) => Mode::Detail,
        }
    }

    /// The selected user's record, decoded.
    pub fn selected_user(&self) -> Option<&User> {
        self.shown.as_ref().map(|shown| &shown.user)
    }

    /// What was read about the selected user besides the record.
    pub fn selected_extras(&self) -> Option<&Extras> {
        self.extras.get(&self.shown.as_ref()?.id)
    }

    /// The selected user's password state with its countdown brought up to `now`.
    pub fn live_password(&self) -> Option<PasswordState> {
        self.live_password_of(&self.shown.as_ref()?.id)
    }

    /// User `id`'s password state with its countdown brought up to `now`.
    fn live_password_of(&self, id: &str) -> Option<PasswordState> {
        let section = &self.extras.get(id)?.password;
        let mut state = section.ok()?.clone();
        let elapsed = self.now.saturating_duration_since(section.at?).as_secs();
        state.seconds_until_unlock = state
            .seconds_until_unlock
            .map(|s| s.saturating_sub(elapsed));
        Some(state)
    }

    /// What is known about the selected user, with countdowns brought up to `now`, handed to
    /// `f` (a verdict, a refusal, a question).
    pub fn with_known<R>(&self, f: impl FnOnce(&Known<'_>) -> R) -> Option<R> {
        let shown = self.shown.as_ref()?;
        Some(self.known_since(&shown.id, &shown.user, shown.received, f))
    }

    /// What is known about user `id` whose record `user` arrived at `received`, with its
    /// countdowns brought up to `now`, handed to `f`.
    pub fn known_since<R>(
        &self,
        id: &str,
        user: &User,
        received: Instant,
        f: impl FnOnce(&Known<'_>) -> R,
    ) -> R {
        let elapsed = self.now.saturating_duration_since(received).as_secs();
        let mut user = user.clone();
        if let Some(account) = user.account.as_mut() {
            account.seconds_until_unlock = account
                .seconds_until_unlock
                .map(|s| s.saturating_sub(elapsed));
        }
        self.known_of(id, &user, f)
    }

    /// What is known about user `id` whose record is `user` (countdowns already brought up to
    /// `now`), with what was read besides it, handed to `f`.
    pub fn known_of<R>(&self, id: &str, user: &User, f: impl FnOnce(&Known<'_>) -> R) -> R {
        let password = self.live_password_of(id);
        let extras = self.extras.get(id);
        let devices = extras.map(|e| &e.devices);
        let known = Known {
            user,
            password: password.as_ref(),
            devices: devices.and_then(Section::ok).map(Vec::as_slice),
            sessions: extras.and_then(|e| e.sessions.ok()).map(Vec::as_slice),
            // Device locks are judged by the wall clock counted from the devices' arrival.
            now: devices
                .and_then(|d| d.wall_now(self.now))
                .unwrap_or(Timestamp::UNIX_EPOCH),
        };
        f(&known)
    }

    /// The verdict on the selected user, with countdowns brought up to `now`.
    pub fn verdict(&self) -> Option<Verdict> {
        self.with_known(|known| Verdict::of(known, 0))
    }

    /// The rows of the detail tab shown, as targets (devices, sessions, "all sessions").
    pub fn row_targets(&self) -> Vec<Target> {
        self.targets_in(self.detail.tab)
    }

    /// The rows of `tab` for the selected user, as targets.
    pub fn targets_in(&self, tab: Tab) -> Vec<Target> {
        let extras = self.selected_extras();
        let devices: Option<Vec<String>> = extras
            .and_then(|e| e.devices.ok())
            .map(|list| list.iter().map(|d| d.id.clone()).collect());
        let sessions: Option<Vec<String>> = extras
            .and_then(|e| e.sessions.ok())
            .map(|list| list.iter().map(|s| s.id.clone()).collect());
        row_targets(tab, devices.as_deref(), sessions.as_deref())
    }

    /// The selected user's population: its id and what was read of it.
    pub fn population(&self) -> Option<(&str, Option<&Section<Population>>)> {
        let id = self.selected_user()?.population.as_ref()?.id.as_str();
        Some((id, self.populations.get(id)))
    }

    /// When the loop must wake next with a `Tick`: the debounce, the spinner, opening the
    /// selection, or a countdown's next second; `None` when nothing changes by itself.
    pub fn next_wakeup(&self) -> Option<Instant> {
        // Nothing is searched, read or counted down while nothing can be seen.
        if self.view.too_small {
            return None;
        }
        let debounce = self.typed_at.map(|at| at + DEBOUNCE);
        let spinner = self.is_busy().then(|| self.spun_at + SPINNER_STEP);
        let open = self
            .results
            .selected_row()
            .filter(|row| self.opened.as_ref() != Some(&row.id))
            .map(|_| self.selected_at + OPEN_AFTER);
        let next_second = |from: Instant| {
            let elapsed = self.now.saturating_duration_since(from);
            from + Duration::from_secs(elapsed.as_secs() + 1)
        };
        let account = self.results.selected_row().and_then(|row| {
            (row.seconds_until_unlock(self.now)? > 0).then(|| next_second(row.received))
        });
        // A password lockout or a device lock counting down: each second from its arrival.
        let countdowns = self.selected_extras().into_iter().flat_map(|extras| {
            [SectionKind::Password, SectionKind::Devices]
                .into_iter()
                .filter_map(|kind| {
                    let at = match kind {
                        SectionKind::Password => extras.password.at?,
                        _ => extras.devices.at?,
                    };
                    (extras.runs_out_at(kind)? > self.now).then(|| next_second(at))
                })
        });
        let queue = super::incident::next_wakeup(self);
        [debounce, spinner, open, account, queue]
            .into_iter()
            .flatten()
            .chain(countdowns)
            .min()
    }

    /// Sets the status line.
    pub fn say(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status_from_read = false;
        self.status = Some(Status {
            text: text.into(),
            kind,
        });
    }
}
