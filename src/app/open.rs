//! Opening a user: the selected record decoded once, and what the list does not carry (the
//! password state) read when the selection rests on a user or Enter opens it. A re-open within
//! [`FRESH_FOR`] reads nothing; moving on cancels what is in flight.

use super::msg::Effect;
use super::state::{OPEN_AFTER, Shown, State};
use crate::api::ApiError;
use crate::pingone::PasswordState;

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
/// The selection moved: the detail scrolls to the top, and what was being read about the
/// user left behind is cancelled.
pub(super) fn selection_moved(state: &mut State) -> Vec<Effect> {
    state.detail_scroll = 0;
    state.selected_at = state.now;
    state.opened = None;
    let selected = state.results.selected_row().map(|row| row.id.clone());
    let mut effects = Vec::new();
    if state
        .password
        .tag()
        .is_some_and(|id| Some(id) != selected.as_ref())
    {
        let left = state.password.tag().cloned();
        effects.extend(state.password.cancel());
        if let Some(extras) = left.and_then(|id| state.extras.get_mut(&id)) {
            extras.password.loading = false;
        }
    }
    effects
}

/// Opens the selected user: reads the password state unless it is fresh (or `force`).
pub(super) fn open_selected(state: &mut State, force: bool) -> Vec<Effect> {
    let Some(id) = state.results.selected_row().map(|row| row.id.clone()) else {
        return Vec::new();
    };
    state.opened = Some(id.clone());
    let now = state.now;
    let extras = state.extras.entry(id.clone()).or_default();
    if extras.password.loading || (!force && extras.password.is_fresh(now)) {
        return Vec::new();
    }
    extras.password.loading = true;
    let req = state.next_req();
    let mut effects: Vec<Effect> = state.password.start(req, id.clone()).into_iter().collect();
    effects.push(Effect::ReadPassword { req, id });
    effects
}

/// A password state (or its error) arrived for user `id`.
pub(super) fn on_password(state: &mut State, id: &str, result: Result<PasswordState, ApiError>) {
    if let Err(error) = &result {
        tracing::warn!(%error, user_id = id, "reading the password state failed");
    }
    let section = &mut state.extras.entry(id.to_owned()).or_default().password;
    section.loading = false;
    section.at = Some(state.now);
    section.value = Some(result.map_err(|e| e.to_string()));
}

/// Time passed: open the selection once it has rested, and read a password again when its
/// lockout countdown reaches zero.
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
    let ran_out = state.extras.get(&id).is_some_and(|extras| {
        let section = &extras.password;
        let (Some(left), Some(at)) = (
            section.ok().and_then(|p| p.seconds_until_unlock),
            section.at,
        ) else {
            return false;
        };
        !section.loading && left > 0 && state.now.saturating_duration_since(at).as_secs() >= left
    });
    if ran_out {
        return open_selected(state, true);
    }
    Vec::new()
}
