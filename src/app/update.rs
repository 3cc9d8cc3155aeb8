//! `update`: the only code that changes `State`. Keys become actions, replies are checked
//! against the request they answer, and IO leaves as `Effect`s.

use std::time::Instant;

use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler as _;

use super::keymap::{KeyMap, Mode};
use super::modal::{self, Modal};
use super::msg::{Action, Effect, Msg};
use super::open::{on_password, open_selected, selection_moved, sync_shown};
use super::state::{DEBOUNCE, Focus, Row, SPINNER_STEP, State, StatusKind};
use crate::api::{ApiError, UserPage, UserQuery};
use crate::desk::{Applied, Fix, UserOp, Verdict, inert};
use crate::pingone::User;

/// Applies one message; returns the IO to perform.
pub fn update(state: &mut State, keys: &KeyMap, msg: Msg) -> Vec<Effect> {
    state.dirty = true;
    let effects = match msg {
        Msg::Key(key) => on_key(state, keys, key),
        Msg::Resized { list_rows } => {
            state.list_height = list_rows;
            Vec::new()
        }
        Msg::Pasted(text) => {
            super::paste::on_paste(state, &text);
            Vec::new()
        }
        Msg::Tick(now) => on_tick(state, now),
        Msg::SearchLoaded { req, result } => {
            if state.search.settle(req).is_none() {
                return Vec::new();
            }
            on_first_page(state, result)
        }
        Msg::MoreLoaded { req, result } => {
            if state.more.settle(req).is_some() {
                match result {
                    Ok(page) => {
                        let now = state.now;
                        let rows = page.users.into_iter().map(|u| Row::new(u, now));
                        state.results.rows.extend(rows);
                        state.results.next = page.next;
                    }
                    Err(error) => fail(state, &error),
                }
            }
            Vec::new()
        }
        Msg::UserRefreshed { req, result } => {
            if state.refresh.settle(req).is_some() {
                match result {
                    Ok(user) => {
                        let name = inert(&user.username).into_owned();
                        replace_row(state, *user);
                        state.say(StatusKind::Info, format!("Read {name} again"));
                    }
                    Err(error) => fail(state, &error),
                }
            }
            Vec::new()
        }
        Msg::PasswordLoaded { req, result } => {
            if let Some(id) = state.password.settle(req) {
                on_password(state, &id, result);
            }
            Vec::new()
        }
        Msg::Applied { req, op, result } => {
            if state.op.settle(req).is_some() {
                match result {
                    Ok(applied) => on_applied(state, &op, *applied),
                    Err(error) => fail(state, &error),
                }
            }
            Vec::new()
        }
    };
    sync_shown(state);
    effects
}

fn on_key(state: &mut State, keys: &KeyMap, key: KeyEvent) -> Vec<Effect> {
    let mode = state.mode();
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
    modal::type_into(state, key.code);
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
    sync_shown(state);
    effects.extend(super::open::on_tick(state));
    // When a timed lock runs out, read the user once so the screen shows what PingOne says.
    let at_zero = state
        .results
        .selected_row()
        .is_some_and(|row| !row.refreshed_at_zero && row.seconds_until_unlock(now) == Some(0));
    if at_zero && !state.refresh.is_busy() {
        if let Some(row) = state.results.rows.get_mut(state.results.selected) {
            row.refreshed_at_zero = true;
        }
        effects.extend(refresh(state));
    }
    effects
}

/// Sends the search for the current text, superseding any in flight.
fn search_now(state: &mut State) -> Vec<Effect> {
    state.typed_at = None;
    let req = state.next_req();
    let mut effects: Vec<Effect> = [state.search.start(req, ()), state.more.cancel()]
        .into_iter()
        .flatten()
        .collect();
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

fn on_first_page(state: &mut State, result: Result<UserPage, ApiError>) -> Vec<Effect> {
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
    selection_moved(state)
}

/// After an operation: the row and detail re-render from what PingOne returned, and the status
/// line says what happened, or that the outcome is unknown and what PingOne now shows.
fn on_applied(state: &mut State, op: &UserOp, applied: Applied) {
    let name = inert(&applied.user.username).into_owned();
    let id = applied.user.id.clone();
    if let Some(password) = applied.password.clone() {
        on_password(state, &id, Ok(password));
    }
    let password = state
        .extras
        .get(&id)
        .and_then(|extras| extras.password.ok().cloned());
    let verdict = Verdict::of(&applied.user, password.as_ref(), 0);
    replace_row(state, applied.user);
    let now_shows = || {
        let causes: Vec<&str> = verdict.causes.iter().map(|c| c.text.as_str()).collect();
        match causes.as_slice() {
            [] => verdict.headline().to_owned(),
            _ => format!("{}: {}", verdict.headline(), causes.join("; ")),
        }
    };
    if let Some(error) = applied.unknown {
        state.say(
            StatusKind::Error,
            format!(
                "Outcome unknown ({}). PingOne now shows {name}: {}",
                error,
                now_shows()
            ),
        );
        return;
    }
    let still = verdict
        .causes
        .iter()
        .find(|cause| cause.fix == Fix::Op(op.kind()));
    match still {
        Some(cause) => state.say(
            StatusKind::Error,
            format!("PingOne answered, but {name} still shows: {}", cause.text),
        ),
        // Done, but something else still stops them: say so rather than sound finished.
        None if verdict.blocked() => state.say(
            StatusKind::Info,
            format!("{}; still {}", op.done(&name), now_shows()),
        ),
        None => state.say(StatusKind::Success, op.done(&name)),
    }
}

fn fail(state: &mut State, error: &ApiError) {
    tracing::warn!(%error, cause = ?error.cause, "request failed");
    state.say(StatusKind::Error, error.to_string());
}

/// Replaces the listed record of `user` with this fresher one.
fn replace_row(state: &mut State, user: User) {
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
fn refresh(state: &mut State) -> Vec<Effect> {
    let Some(id) = state.results.selected_row().map(|r| r.id.clone()) else {
        return Vec::new();
    };
    let req = state.next_req();
    let mut effects: Vec<Effect> = state.refresh.start(req, id.clone()).into_iter().collect();
    effects.push(Effect::Refresh { req, id });
    effects
}

fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    if let Some(Modal::Confirm(_)) = &state.modal {
        return modal::answer(state, action);
    }
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
        Action::Open => {
            state.focus = Focus::Detail;
            sync_shown(state);
            return open_selected(state, false);
        }
        Action::Back => back(state),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Home
        | Action::End => {
            return move_selection(state, action);
        }
        Action::Op(kind) => modal::ask(state, kind),
        Action::Refresh => {
            let mut effects = refresh(state);
            sync_shown(state);
            effects.extend(open_selected(state, true));
            return effects;
        }
        Action::Confirm | Action::Decline | Action::Choose | Action::ToggleChoice => {}
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
    let before = results.selected;
    results.selected = wanted.min(last);
    let mut effects = Vec::new();
    if state.results.selected != before {
        effects.extend(selection_moved(state));
    }
    let next = state
        .results
        .next
        .clone()
        .filter(|_| past_end && !state.more.is_busy());
    if let Some(next) = next {
        let req = state.next_req();
        effects.extend(state.more.start(req, ()));
        effects.push(Effect::LoadMore { req, next });
    }
    effects
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
