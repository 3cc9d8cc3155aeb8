//! The bulk unlock in the console: one confirm naming the count, the environment and a sample
//! of names (on production the count is typed; a ticket may be added, or must be), then the
//! progress (done, failed, left, an ETA) that Esc stops, then the summary of failures.

use std::time::{Duration, Instant};

use crossterm::event::KeyCode;

use super::{Job, View};
use crate::app::modal::{
    Modal, TICKET_MISSING, TICKET_STILL_BLANK, ticket_given, ticket_still_blank,
};
use crate::app::msg::{Action, Effect, ReqId};
use crate::app::state::{State, StatusKind};
use crate::desk::Refusal;
use crate::desk::bulk::{End, Item, Report};
use crate::desk::inert::in_sentence;
use crate::pingone::{PasswordState, User};

/// Names the confirm shows.
const SAMPLE: usize = 5;
/// Failures the summary keeps.
const KEPT_FAILURES: usize = 200;

/// "Unlock these N users?"
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkConfirm {
    /// What will be sent.
    pub items: Vec<Item>,
    /// Whether Yes is highlighted (No is, unless moved).
    pub yes_highlighted: bool,
    /// On production: what has been typed, which must be the count.
    pub typed: Option<String>,
    /// The ticket.
    pub ticket: String,
    /// Whether keys go to the ticket field.
    pub editing_ticket: bool,
    /// Marked users that are not locked (nothing to send for them).
    pub not_locked: usize,
}

/// A bulk unlock under way or just finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkRun {
    /// Its request.
    pub req: ReqId,
    /// Users to unlock.
    pub total: usize,
    /// How many ended each way.
    pub done: usize,
    /// Refused or not sendable.
    pub failed: usize,
    /// Answered but still locked.
    pub not_done: usize,
    /// Answer lost.
    pub unknown: usize,
    /// Not sent (stopped).
    pub skipped: usize,
    /// What went wrong, one line per user.
    pub failures: Vec<String>,
    /// When it started.
    pub started: Instant,
    /// Esc was pressed: nothing more is sent.
    pub stopping: bool,
    /// Every user has ended.
    pub finished: bool,
}

impl BulkRun {
    /// Users that have ended.
    pub fn settled(&self) -> usize {
        self.done + self.failed + self.not_done + self.unknown + self.skipped
    }

    /// Time left at the pace so far.
    pub fn eta(&self, now: Instant) -> Option<Duration> {
        let settled = self.settled();
        let elapsed = now.saturating_duration_since(self.started);
        if settled == 0 || self.finished {
            return None;
        }
        let left = u32::try_from(self.total - settled).unwrap_or(u32::MAX);
        let per = elapsed / u32::try_from(settled).unwrap_or(u32::MAX);
        Some(per * left)
    }

    /// Counts one user's report.
    pub(super) fn count(&mut self, report: &Report) {
        let slot = match report.end {
            End::Done => &mut self.done,
            End::Failed => &mut self.failed,
            End::NotDone => &mut self.not_done,
            End::Unknown => &mut self.unknown,
            End::Skipped => &mut self.skipped,
        };
        *slot += 1;
        if report.end != End::Done && self.failures.len() < KEPT_FAILURES {
            self.failures.push(report.text.clone());
        }
    }
}

/// Opens the confirm for unlocking `users` (each with its password state when read).
pub(super) fn ask(state: &mut State, users: &[(User, Option<PasswordState>)]) {
    if state.context.read_only {
        state.say(
            StatusKind::Error,
            Refusal::ReadOnly("unlock account").to_string(),
        );
        return;
    }
    if state.incident.bulk.as_ref().is_some_and(|b| !b.finished) {
        state.say(StatusKind::Info, "A bulk unlock is already running");
        return;
    }
    let items: Vec<Item> = users
        .iter()
        .filter_map(|(user, password)| Item::unlock(user, password.as_ref()))
        .collect();
    if items.is_empty() {
        state.say(
            StatusKind::Info,
            "None of these users is locked: nothing to unlock",
        );
        return;
    }
    let production = state.context.production;
    state.incident.confirm = Some(BulkConfirm {
        not_locked: users.len() - items.len(),
        items,
        yes_highlighted: false,
        typed: production.then(String::new),
        ticket: String::new(),
        editing_ticket: state.context.require_ticket,
    });
    state.modal = Some(Modal::Incident(View::BulkConfirm));
}

/// The names the confirm shows, and how many more there are.
pub fn sample(confirm: &BulkConfirm) -> (Vec<String>, usize) {
    let names: Vec<String> = confirm
        .items
        .iter()
        .take(SAMPLE)
        .map(|i| in_sentence(&i.subject.username))
        .collect();
    let more = confirm.items.len() - names.len();
    (names, more)
}

/// The confirm's keys.
pub(super) fn answer(state: &mut State, action: Action) -> Vec<Effect> {
    let require = state.context.require_ticket;
    let Some(confirm) = state.incident.confirm.as_mut() else {
        return Vec::new();
    };
    let count = confirm.items.len().to_string();
    let go = match (action, confirm.editing_ticket, &confirm.typed) {
        (Action::Choose, true, _) if ticket_still_blank(&confirm.ticket, require) => {
            state.say(StatusKind::Error, TICKET_STILL_BLANK);
            return Vec::new();
        }
        (Action::Choose, true, _) => {
            confirm.editing_ticket = false;
            return Vec::new();
        }
        (Action::EditTicket, false, _) => {
            confirm.editing_ticket = true;
            return Vec::new();
        }
        (Action::ToggleChoice, false, None) => {
            confirm.yes_highlighted = !confirm.yes_highlighted;
            return Vec::new();
        }
        (Action::Choose, false, Some(typed)) if typed.trim() != count => {
            state.say(
                StatusKind::Error,
                format!("Type the count ({count}) to confirm, or Esc to cancel"),
            );
            return Vec::new();
        }
        (Action::Choose, false, Some(_)) | (Action::Confirm, false, None) => true,
        (Action::Choose, false, None) => confirm.yes_highlighted,
        (Action::Decline | Action::Back, ..) => false,
        _ => return Vec::new(),
    };
    let Some(confirm) = state.incident.confirm.take() else {
        return Vec::new();
    };
    state.modal = None;
    if !go {
        state.say(StatusKind::Info, "Cancelled: nothing was sent");
        return Vec::new();
    }
    let ticket = ticket_given(&confirm.ticket);
    if require && ticket.is_none() {
        state.say(StatusKind::Error, TICKET_MISSING);
        return Vec::new();
    }
    let req = state.next_req();
    state.incident.bulk = Some(BulkRun {
        req,
        total: confirm.items.len(),
        done: 0,
        failed: 0,
        not_done: 0,
        unknown: 0,
        skipped: 0,
        failures: Vec::new(),
        started: state.now,
        stopping: false,
        finished: false,
    });
    state.incident.marks.clear();
    state.incident.queue.marks.clear();
    state.modal = Some(Modal::Incident(View::Bulk));
    vec![Effect::Incident(Job::Bulk {
        req,
        items: confirm.items,
        ticket,
    })]
}

/// Esc stops sending (requests in flight finish); once finished, Esc or Enter closes.
pub(super) fn on_progress_key(state: &mut State, action: Action) -> Vec<Effect> {
    let Some(run) = state.incident.bulk.as_mut() else {
        state.modal = None;
        return Vec::new();
    };
    match action {
        Action::Back | Action::Decline if !run.finished && !run.stopping => {
            run.stopping = true;
            let req = run.req;
            state.say(
                StatusKind::Info,
                "Stopping: nothing more is sent; requests in flight finish",
            );
            vec![Effect::Incident(Job::StopBulk { req })]
        }
        // Back to where it started, read again: the queue if it was open, else the list.
        Action::Back | Action::Choose if run.finished => {
            if state.incident.queue.result.is_some() {
                state.modal = Some(Modal::Incident(View::Queue));
                super::load_queue(state, false)
            } else {
                state.modal = None;
                crate::app::update::initial_search(state)
            }
        }
        _ => Vec::new(),
    }
}

/// Typing into the confirm: the ticket, or the count on production.
pub fn type_into(state: &mut State, code: KeyCode) {
    let Some(confirm) = state.incident.confirm.as_mut() else {
        return;
    };
    if !matches!(state.modal, Some(Modal::Incident(View::BulkConfirm))) {
        return;
    }
    let field = if confirm.editing_ticket {
        &mut confirm.ticket
    } else if let Some(typed) = confirm.typed.as_mut() {
        typed
    } else {
        return;
    };
    crate::app::modal::edit(field, code);
}
