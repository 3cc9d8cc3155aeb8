//! `update`: the only code that changes `State`. Keys become actions, replies are checked
//! against the request they answer, and IO leaves as `Effect`s.

use std::time::Instant;

use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler as _;

use super::msg::{Action, Effect, Msg, ReqId};
use super::state::{DEBOUNCE, Focus, Modal, Row, SPINNER_STEP, State, StatusKind};
use crate::api::{ApiError, User, UserPage, UserQuery};
use crate::config::keys::{KeyMap, Mode};

/// Applies one message; returns the IO to perform.
pub fn update(state: &mut State, keys: &KeyMap, msg: Msg) -> Vec<Effect> {
    state.dirty = true;
    match msg {
        Msg::Key(key) => on_key(state, keys, key),
        Msg::Resized { width, height } => {
            state.list_height = crate::ui::list_rows(width, height);
            Vec::new()
        }
        Msg::Tick(now) => on_tick(state, now),
        Msg::SearchLoaded { req, result } => {
            if state.results.search_req != Some(req) {
                tracing::debug!(?req, "dropped a stale search reply");
                return Vec::new();
            }
            state.results.search_req = None;
            on_first_page(state, result);
            Vec::new()
        }
        Msg::MoreLoaded { req, result } => {
            if state.results.more_req != Some(req) {
                return Vec::new();
            }
            state.results.more_req = None;
            match result {
                Ok(page) => {
                    let now = state.now;
                    state
                        .results
                        .rows
                        .extend(page.users.into_iter().map(|u| Row::new(u, now)));
                    state.results.next = page.next;
                }
                Err(error) => fail(state, &error),
            }
            Vec::new()
        }
        Msg::UserRefreshed { req, result } => {
            if !take_if_answered(&mut state.refresh_req, req) {
                return Vec::new();
            }
            match result {
                Ok(user) => {
                    let name = user.username.clone();
                    replace_row(state, user);
                    state.say(StatusKind::Info, format!("Refreshed {name}"));
                }
                Err(error) => fail(state, &error),
            }
            Vec::new()
        }
        Msg::Unlocked { req, result } => {
            if !take_if_answered(&mut state.unlock_req, req) {
                return Vec::new();
            }
            match result {
                Ok(user) => {
                    let name = user.username.clone();
                    let still_locked = user.is_locked();
                    replace_row(state, user);
                    if still_locked {
                        state.say(
                            StatusKind::Error,
                            format!("PingOne answered, but {name} is still locked"),
                        );
                    } else {
                        state.say(StatusKind::Success, format!("Unlocked {name}"));
                    }
                }
                Err(error) => fail(state, &error),
            }
            Vec::new()
        }
    }
}

/// Clears `slot` if `req` is the request it waits for; false means a stale reply to drop.
fn take_if_answered(slot: &mut Option<(ReqId, String)>, req: ReqId) -> bool {
    let answered = slot.as_ref().is_some_and(|(waiting, _)| *waiting == req);
    if answered {
        *slot = None;
    } else {
        tracing::debug!(?req, "dropped a stale reply");
    }
    answered
}

/// The key map's mode for the current focus and modal.
pub fn mode(state: &State) -> Mode {
    match (&state.modal, state.focus) {
        (Some(Modal::ConfirmUnlock { typed: Some(_), .. }), _) => Mode::ConfirmTyped,
        (Some(Modal::ConfirmUnlock { .. }), _) => Mode::Confirm,
        (Some(Modal::Help), _) => Mode::Help,
        (None, Focus::Search) => Mode::Search,
        (None, _) => Mode::Browse,
    }
}

fn on_key(state: &mut State, keys: &KeyMap, key: KeyEvent) -> Vec<Effect> {
    let mode = mode(state);
    if let Some(action) = keys.lookup(mode, &key) {
        return apply(state, action);
    }
    if mode == Mode::Search
        && state
            .input
            .handle_event(&Event::Key(key))
            .is_some_and(|c| c.value)
    {
        state.typed_at = Some(state.now);
    }
    super::confirm::type_into(state, key.code);
    Vec::new()
}

fn on_tick(state: &mut State, now: Instant) -> Vec<Effect> {
    state.now = now;
    if state.is_busy() && now.saturating_duration_since(state.spun_at) >= SPINNER_STEP {
        state.spinner = state.spinner.wrapping_add(1);
        state.spun_at = now;
    }
    let mut effects = Vec::new();
    if state
        .typed_at
        .is_some_and(|at| now.saturating_duration_since(at) >= DEBOUNCE)
    {
        effects.extend(search_now(state));
    }
    // When a timed lock runs out, read the user once so the screen shows what PingOne says.
    let at_zero = state
        .results
        .selected_row()
        .is_some_and(|row| !row.refreshed_at_zero && row.seconds_until_unlock(now) == Some(0));
    if at_zero && state.refresh_req.is_none() {
        if let Some(row) = state.results.rows.get_mut(state.results.selected) {
            row.refreshed_at_zero = true;
        }
        effects.extend(apply(state, Action::Refresh));
    }
    effects
}

/// Sends the search for the current text, superseding any in flight.
fn search_now(state: &mut State) -> Vec<Effect> {
    state.typed_at = None;
    let mut effects: Vec<Effect> = [
        state.results.search_req.take(),
        state.results.more_req.take(),
    ]
    .into_iter()
    .flatten()
    .map(Effect::Cancel)
    .collect();
    let req = state.next_req();
    state.results.search_req = Some(req);
    effects.push(Effect::Search {
        req,
        query: UserQuery::from_input(state.input.value()),
    });
    effects
}

/// The first search, sent at start-up.
pub fn initial_search(state: &mut State) -> Vec<Effect> {
    search_now(state)
}

fn on_first_page(state: &mut State, result: Result<UserPage, ApiError>) {
    let results = &mut state.results;
    results.loaded = true;
    results.selected = 0;
    match result {
        Ok(page) => {
            let now = state.now;
            results.rows = page.users.into_iter().map(|u| Row::new(u, now)).collect();
            results.count = page.count;
            results.next = page.next;
            results.error = None;
        }
        Err(error) => {
            results.rows.clear();
            results.next = None;
            results.count = None;
            results.error = Some(error.to_string());
            tracing::warn!(%error, cause = ?error.cause, "search failed");
            state.say(StatusKind::Error, error.to_string());
        }
    }
}

fn fail(state: &mut State, error: &ApiError) {
    tracing::warn!(%error, cause = ?error.cause, "request failed");
    state.say(StatusKind::Error, error.to_string());
}

fn replace_row(state: &mut State, user: User) {
    let now = state.now;
    if let Some(row) = state.results.rows.iter_mut().find(|r| r.id == user.id) {
        *row = Row::new(user, now);
    }
}

fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => state.quit = true,
        Action::Help => state.modal = Some(Modal::Help),
        Action::FocusSearch => state.focus = Focus::Search,
        Action::NextPane => {
            let flush = state.focus == Focus::Search && state.typed_at.is_some();
            state.focus = match state.focus {
                Focus::Search => Focus::Results,
                Focus::Results => Focus::Detail,
                Focus::Detail => Focus::Search,
            };
            if flush {
                return search_now(state);
            }
        }
        Action::Open => state.focus = Focus::Detail,
        Action::Back => back(state),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Home
        | Action::End => {
            return move_selection(state, action);
        }
        Action::AskUnlock => super::confirm::ask_unlock(state),
        Action::Refresh => {
            let Some(id) = state.results.selected_row().map(|r| r.id.clone()) else {
                return Vec::new();
            };
            let mut effects: Vec<Effect> = state
                .refresh_req
                .take()
                .map(|(old, _)| Effect::Cancel(old))
                .into_iter()
                .collect();
            let req = state.next_req();
            state.refresh_req = Some((req, id.clone()));
            effects.push(Effect::Refresh { req, id });
            return effects;
        }
        Action::Confirm | Action::Decline | Action::Choose | Action::ToggleChoice => {
            return super::confirm::answer(state, action);
        }
    }
    Vec::new()
}

fn back(state: &mut State) {
    if state.modal.take().is_some() {
        return;
    }
    state.focus = match state.focus {
        Focus::Detail => Focus::Results,
        Focus::Results | Focus::Search => {
            if state.results.rows.is_empty() {
                Focus::Search
            } else {
                Focus::Results
            }
        }
    };
}

fn move_selection(state: &mut State, action: Action) -> Vec<Effect> {
    if state.focus == Focus::Detail {
        scroll_detail(state, action);
        return Vec::new();
    }
    state.detail_scroll = 0;
    let results = &mut state.results;
    let len = results.rows.len();
    if len == 0 {
        return Vec::new();
    }
    let page = state.list_height.max(1);
    let last = len - 1;
    let wanted = match action {
        Action::Up => results.selected.saturating_sub(1),
        Action::Down => results.selected + 1,
        Action::PageUp => results.selected.saturating_sub(page),
        Action::PageDown => results.selected + page,
        Action::Home => 0,
        _ => last,
    };
    let past_end = wanted > last || (action == Action::End);
    results.selected = wanted.min(last);
    let next = results
        .next
        .clone()
        .filter(|_| past_end && results.more_req.is_none());
    let Some(next) = next else { return Vec::new() };
    let req = state.next_req();
    state.results.more_req = Some(req);
    vec![Effect::LoadMore { req, next }]
}

/// Scrolls the detail pane; the renderer clamps to the content.
fn scroll_detail(state: &mut State, action: Action) {
    let page = u16::try_from(state.list_height).unwrap_or(u16::MAX).max(1);
    state.detail_scroll = match action {
        Action::Up => state.detail_scroll.saturating_sub(1),
        Action::Down => state.detail_scroll.saturating_add(1),
        Action::PageUp => state.detail_scroll.saturating_sub(page),
        Action::PageDown => state.detail_scroll.saturating_add(page),
        Action::Home => 0,
        _ => u16::MAX,
    };
}
