//! Opening a user: the selected record decoded once, and what the list does not carry read
//! when the selection rests on a user or Enter opens it: the password state, the MFA devices,
//! the sessions and the group names, in parallel (one request each, each with its own slot),
//! and the population's name (once per population per run). A re-open within
//! [`super::sections::FRESH_FOR`] reads nothing; moving on cancels what is in flight.

use jiff::Timestamp;

use super::msg::{Effect, ReqId};
use super::sections::{SectionKind, SectionValue};
use super::state::{OPEN_AFTER, Row, Shown, State};
use crate::api::ApiError;
use crate::pingone::{Population, User};

/// Keeps [`State::shown`] the decoded record of the selected row.
pub(super) fn sync_shown(state: &mut State) {
    let Some(row) = state.results.selected_row() else {
        state.shown = None;
        return;
    };
    let index = state.results.selected;
    let current = state.shown.as_ref().is_some_and(|shown| {
        shown.index == index && shown.id == row.id && shown.received == row.received
    });
    if !current {
        state.shown = Some(Shown {
            index,
            id: row.id.clone(),
            user: row.user(),
            received: row.received,
        });
    }
}

#[must_use = "the effects cancel what was being read"]
/// The selection moved: the detail scrolls to the top and its row cursor to the first row, and
/// what was being read about the user left behind is cancelled.
pub(super) fn selection_moved(state: &mut State) -> Vec<Effect> {
    state.detail_scroll = 0;
    state.detail.row = 0;
    state.selected_at = state.now;
    state.opened = None;
    let selected = state.results.selected_row().map(|row| row.id.clone());
    let mut effects = Vec::new();
    for kind in SectionKind::ALL {
        let slot = state.reads.slot_mut(kind);
        let Some(left) = slot
            .tag()
            .filter(|id| Some(*id) != selected.as_ref())
            .cloned()
        else {
            continue;
        };
        effects.extend(slot.cancel());
        if let Some(extras) = state.extras.get_mut(&left) {
            extras.set_loading(kind, false);
        }
    }
    effects
}

/// Opens the selected user: reads every section that is not fresh (all of them when `force`)
/// and the population when it was never read; returns the reads, all sent at once.
pub(super) fn open_selected(state: &mut State, force: bool) -> Vec<Effect> {
    let Some(id) = state.results.selected_row().map(|row| row.id.clone()) else {
        return Vec::new();
    };
    state.opened = Some(id.clone());
    let mut effects = Vec::new();
    for kind in SectionKind::ALL {
        effects.extend(read_section(state, &id, kind, force));
    }
    effects.extend(read_population(state));
    effects
}

/// Reads section `kind` of user `id` unless it is being read, or fresh (and not `force`).
fn read_section(state: &mut State, id: &str, kind: SectionKind, force: bool) -> Vec<Effect> {
    let now = state.now;
    let extras = state.extras.entry(id.to_owned()).or_default();
    if extras.is_loading(kind) || (!force && extras.is_fresh(kind, now)) {
        return Vec::new();
    }
    extras.set_loading(kind, true);
    let req = state.next_req();
    let mut effects: Vec<Effect> = state
        .reads
        .slot_mut(kind)
        .start(req, id.to_owned())
        .into_iter()
        .collect();
    effects.push(Effect::ReadSection {
        req,
        id: id.to_owned(),
        kind,
    });
    effects
}

/// Reads the selected user's population unless it was read (or is being read) this run.
fn read_population(state: &mut State) -> Option<Effect> {
    let id = state.population()?.0.to_owned();
    let read = state.populations.get(&id).is_some_and(|p| p.ok().is_some());
    if read || state.population_reads.contains_key(&id) {
        return None;
    }
    let req = state.next_req();
    state.populations.entry(id.clone()).or_default().loading = true;
    state.population_reads.insert(id.clone(), req);
    Some(Effect::ReadPopulation { req, id })
}

/// A section of a user (or its error) arrived, answering `req`; a reply to a read that was
/// superseded or cancelled is dropped.
pub(super) fn on_section(
    state: &mut State,
    req: ReqId,
    kind: SectionKind,
    read_at: Timestamp,
    result: Result<SectionValue, ApiError>,
) {
    let Some(id) = state.reads.slot_mut(kind).settle(req) else {
        return;
    };
    if let Err(error) = &result {
        tracing::warn!(%error, user_id = id, ?kind, "reading a section failed");
    }
    store_section(state, &id, kind, read_at, result.map_err(|e| e.to_string()));
}

/// Keeps what was read (or learned from an operation's answer) about section `kind` of `id`.
pub(super) fn store_section(
    state: &mut State,
    id: &str,
    kind: SectionKind,
    read_at: Timestamp,
    result: Result<SectionValue, String>,
) {
    let now = state.now;
    let extras = state.extras.entry(id.to_owned()).or_default();
    extras.settle(kind, result, now, read_at);
    // The selected row stays on a row that exists.
    let rows = state.row_targets().len();
    state.detail.row = state.detail.row.min(rows.saturating_sub(1));
}

/// A population (or its error) arrived.
pub(super) fn on_population(
    state: &mut State,
    req: ReqId,
    id: &str,
    result: Result<Population, ApiError>,
) {
    if state.population_reads.get(id) != Some(&req) {
        return;
    }
    state.population_reads.remove(id);
    if let Err(error) = &result {
        tracing::warn!(%error, population_id = id, "reading a population failed");
    }
    let now = state.now;
    state.populations.entry(id.to_owned()).or_default().settle(
        result.map_err(|e| e.to_string()),
        now,
        Timestamp::UNIX_EPOCH,
    );
}

/// Time passed: open the selection once it has rested, and read a section again when its
/// countdown (a password lockout, a device lock) reaches zero.
pub(super) fn on_tick(state: &mut State) -> Vec<Effect> {
    let Some(id) = state.results.selected_row().map(|row| row.id.clone()) else {
        return Vec::new();
    };
    let rested = state.now.saturating_duration_since(state.selected_at) >= OPEN_AFTER;
    if state.opened.as_ref() != Some(&id) {
        return if rested {
            open_selected(state, false)
        } else {
            Vec::new()
        };
    }
    let now = state.now;
    let ran_out: Vec<SectionKind> = state.extras.get(&id).map_or_else(Vec::new, |extras| {
        [SectionKind::Password, SectionKind::Devices]
            .into_iter()
            .filter(|&kind| {
                !extras.is_loading(kind) && extras.runs_out_at(kind).is_some_and(|at| at <= now)
            })
            .collect()
    });
    ran_out
        .into_iter()
        .flat_map(|kind| read_section(state, &id, kind, true))
        .collect()
}

/// Replaces the listed record of `user` with this fresher one.
pub(super) fn replace_row(state: &mut State, user: User) {
    let now = state.now;
    if let Some(row) = state.results.rows.iter_mut().find(|r| r.id == user.id) {
        if state
            .shown
            .as_ref()
            .is_some_and(|shown| shown.id == user.id)
        {
            state.shown = None;
        }
        *row = Row::new(user, now);
    }
}

/// Reads the selected user again, and their password.
pub(super) fn refresh(state: &mut State) -> Vec<Effect> {
    let Some(id) = state.results.selected_row().map(|r| r.id.clone()) else {
        return Vec::new();
    };
    let req = state.next_req();
    let mut effects: Vec<Effect> = state.refresh.start(req, id.clone()).into_iter().collect();
    effects.push(Effect::Refresh { req, id });
    effects
}
