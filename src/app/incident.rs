//! The console's incident tools: the locked-now queue (`L`), the journal view (`J`), marks
//! (Space, `*`) and the bulk unlock of the marked users (one confirm, then a progress gauge
//! that Esc stops), and, at start, the offer to re-read the users of operations whose outcome
//! is unknown. Their state lives in [`Incident`]; they are drawn as [`View`]s of the modal.

mod bulk;
mod replies;

use std::collections::BTreeSet;
use std::time::Instant;

use jiff::SignedDuration;

pub use bulk::{BulkConfirm, BulkRun, sample, type_into};
pub use replies::{Job, Reply, on_reply};

use super::keymap::Mode;
use super::modal::Modal;
use super::msg::{Action, Effect, ReqId};
use super::state::{State, StatusKind};
use crate::desk::OpKind;
use crate::desk::journal::{Entry, Record};
use crate::desk::queue::Queue;

/// Which incident view is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The locked-now queue.
    Queue,
    /// The journal.
    Journal,
    /// "Unlock these N users?"
    BulkConfirm,
    /// The bulk unlock's progress, then its summary.
    Bulk,
    /// "N operations of unknown outcome: re-read those users?"
    Unresolved,
}

/// The incident tools' state.
#[derive(Debug, Default)]
pub struct Incident {
    /// Users marked in the results list, by id.
    pub marks: BTreeSet<String>,
    /// The locked-now queue.
    pub queue: QueueView,
    /// The journal view.
    pub journal: JournalView,
    /// The bulk confirm, while it is open.
    pub confirm: Option<BulkConfirm>,
    /// The bulk unlock running or just finished.
    pub bulk: Option<BulkRun>,
    /// Intents a previous run left without an outcome.
    pub unresolved: Vec<Record>,
    /// The re-read of those users, in flight.
    pub reread: Option<ReqId>,
}

/// The locked-now queue as shown.
#[derive(Debug, Default)]
pub struct QueueView {
    /// The load in flight.
    pub loading: Option<ReqId>,
    /// The queue, or why there is none (and whether a scan may help).
    pub result: Option<Result<Queue, QueueError>>,
    /// When it arrived (countdowns run from then).
    pub at: Option<Instant>,
    /// The selected row.
    pub selected: usize,
    /// Marked users, by id.
    pub marks: BTreeSet<String>,
}

/// Why the queue could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueueError {
    /// The worker may not read audit data: a scan is offered.
    Forbidden(String),
    /// Anything else.
    Failed(String),
}

/// The journal view.
#[derive(Debug, Default)]
pub struct JournalView {
    /// The load in flight.
    pub loading: Option<ReqId>,
    /// Its entries, newest first, or why it could not be read.
    pub entries: Option<Result<Vec<Entry>, String>>,
    /// Lines scrolled down.
    pub scroll: u16,
}

/// The effect that looks for unresolved intents when the console starts.
pub fn at_start() -> Vec<Effect> {
    vec![Effect::Incident(Job::CheckUnresolved)]
}

/// The key binding's action in an incident view (or on the list, for marks and the views).
pub fn on_action(state: &mut State, view: Option<View>, action: Action) -> Vec<Effect> {
    match view {
        None => on_list(state, action),
        Some(View::Queue) => on_queue(state, action),
        Some(View::Journal) => {
            if let Action::Back | Action::Journal = action {
                state.modal = None;
            } else {
                let page = super::view::page_rows(state);
                let journal = &mut state.incident.journal;
                journal.scroll = super::view::scrolled(journal.scroll, action, page);
            }
            Vec::new()
        }
        Some(View::BulkConfirm) => bulk::answer(state, action),
        Some(View::Bulk) => bulk::on_progress_key(state, action),
        Some(View::Unresolved) => match action {
            Action::Confirm => {
                let req = state.next_req();
                state.incident.reread = Some(req);
                state.modal = None;
                let intents = state.incident.unresolved.clone();
                state.say(StatusKind::Info, "Reading those users again…");
                vec![Effect::Incident(Job::Reread { req, intents })]
            }
            Action::Decline | Action::Back => {
                state.modal = None;
                state.say(
                    StatusKind::Info,
                    "Left as they are: `pingdesk journal --reread` re-reads them later",
                );
                Vec::new()
            }
            _ => Vec::new(),
        },
    }
}

/// Marks and the views, from the results list.
fn on_list(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Mark => {
            if let Some(id) = state.results.selected_row().map(|r| r.id.clone()) {
                toggle(&mut state.incident.marks, id);
            }
            Vec::new()
        }
        Action::MarkAll => {
            let ids = state.results.rows.iter().map(|r| r.id.clone());
            mark_all(&mut state.incident.marks, ids);
            Vec::new()
        }
        Action::Queue => open_queue(state),
        Action::Journal => {
            let req = state.next_req();
            state.incident.journal = JournalView {
                loading: Some(req),
                ..JournalView::default()
            };
            state.modal = Some(Modal::Incident(View::Journal));
            vec![Effect::Incident(Job::LoadJournal { req })]
        }
        Action::Op(OpKind::UnlockAccount) => {
            let users: Vec<_> = state
                .results
                .rows
                .iter()
                .filter(|r| state.incident.marks.contains(&r.id))
                .map(|r| {
                    let password = state
                        .extras
                        .get(&r.id)
                        .and_then(|e| e.password.ok().cloned());
                    (r.user(), password)
                })
                .collect();
            bulk::ask(state, &users);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn toggle(marks: &mut BTreeSet<String>, id: String) {
    if !marks.remove(&id) {
        marks.insert(id);
    }
}

/// Marks every id shown, or clears the marks when they all are marked already.
fn mark_all(marks: &mut BTreeSet<String>, ids: impl Iterator<Item = String>) {
    let ids: BTreeSet<String> = ids.collect();
    if !ids.is_empty() && ids.is_subset(marks) {
        marks.retain(|id| !ids.contains(id));
    } else {
        marks.extend(ids);
    }
}

/// Opens the queue and loads it (the last 24 hours of lock events).
fn open_queue(state: &mut State) -> Vec<Effect> {
    state.modal = Some(Modal::Incident(View::Queue));
    load_queue(state, false)
}

fn load_queue(state: &mut State, scan: bool) -> Vec<Effect> {
    let req = state.next_req();
    state.incident.queue.loading = Some(req);
    let window = SignedDuration::from_hours(24);
    vec![Effect::Incident(Job::LoadQueue { req, window, scan })]
}

fn on_queue(state: &mut State, action: Action) -> Vec<Effect> {
    let queue = &mut state.incident.queue;
    let shown: Vec<String> = match &queue.result {
        Some(Ok(q)) => q.users.iter().map(|l| l.user.id.clone()).collect(),
        _ => Vec::new(),
    };
    let last = shown.len().saturating_sub(1);
    match action {
        Action::Down => queue.selected = (queue.selected + 1).min(last),
        Action::Up => queue.selected = queue.selected.saturating_sub(1),
        Action::PageDown => queue.selected = (queue.selected + state.list_height).min(last),
        Action::PageUp => queue.selected = queue.selected.saturating_sub(state.list_height),
        Action::Home => queue.selected = 0,
        Action::End => queue.selected = last,
        Action::Mark => {
            if let Some(id) = shown.get(queue.selected) {
                toggle(&mut queue.marks, id.clone());
            }
        }
        Action::MarkAll => mark_all(&mut queue.marks, shown.into_iter()),
        Action::Refresh => return load_queue(state, false),
        Action::Scan => {
            if matches!(queue.result, Some(Err(QueueError::Forbidden(_)))) {
                return load_queue(state, true);
            }
        }
        Action::Op(OpKind::UnlockAccount) => {
            let Some(Ok(q)) = &queue.result else {
                return Vec::new();
            };
            let picked: Vec<_> = q
                .users
                .iter()
                .enumerate()
                .filter(|(i, l)| {
                    if queue.marks.is_empty() {
                        *i == queue.selected
                    } else {
                        queue.marks.contains(&l.user.id)
                    }
                })
                .map(|(_, l)| (l.user.clone(), l.password.clone()))
                .collect();
            bulk::ask(state, &picked);
        }
        Action::Back | Action::Queue => state.modal = None,
        _ => {}
    }
    Vec::new()
}

impl Incident {
    /// Whether an incident request is in flight (the spinner turns).
    pub fn is_busy(&self) -> bool {
        self.queue.loading.is_some()
            || self.journal.loading.is_some()
            || self.reread.is_some()
            || self.bulk.as_ref().is_some_and(|b| !b.finished)
    }
}

/// Which bindings apply in `view`.
pub fn mode(state: &State, view: View) -> Mode {
    match view {
        View::Queue => Mode::Queue,
        View::Journal => Mode::Journal,
        View::Bulk => Mode::Bulk,
        View::Unresolved => Mode::Reread,
        View::BulkConfirm => match &state.incident.confirm {
            Some(confirm) if confirm.editing_ticket => Mode::Ticket,
            Some(BulkConfirm { typed: Some(_), .. }) => Mode::ConfirmTyped,
            _ => Mode::Confirm,
        },
    }
}

/// The queue's next countdown second, while it is shown and a lock there ends by itself.
pub fn next_wakeup(state: &State) -> Option<Instant> {
    if state.modal != Some(Modal::Incident(View::Queue)) {
        return None;
    }
    let queue = &state.incident.queue;
    let (Some(Ok(q)), Some(at)) = (&queue.result, queue.at) else {
        return None;
    };
    let elapsed = state.now.saturating_duration_since(at).as_secs();
    q.users
        .iter()
        .any(|l| l.seconds_left.is_some_and(|s| s > elapsed))
        .then(|| at + std::time::Duration::from_secs(elapsed + 1))
}
