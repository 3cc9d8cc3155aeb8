//! `update`: the only code that changes `State`. Keys become actions, replies are checked
//! against the request they answer, and IO leaves as `Effect`s.

use std::time::Instant;

use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler as _;

use super::incident;
use super::keymap::{KeyMap, Mode};
use super::modal::{self, Modal};
use super::motion::{back, move_selection};
use super::msg::{Action, Effect, Msg};
use super::open::{
    on_population, on_section, open_selected, refresh, replace_row, selection_moved, store_section,
    sync_shown,
};
use super::sections::SectionValue;
use super::state::{DEBOUNCE, Focus, Row, SPINNER_STEP, State, StatusKind};
use super::view::{page_rows, scrolled};
use crate::api::{ApiError, ErrorKind, UserPage, UserQuery};
use crate::desk::inert::in_sentence;
use crate::desk::{Applied, OpError, OpKind, OutcomeKind, UserOp, lost_answer, outcome, unread};

/// Applies one message; returns the IO to perform.
pub fn update(state: &mut State, keys: &KeyMap, msg: Msg) -> Vec<Effect> {
    state.dirty = true;
    let effects = match msg {
        Msg::Key(key) => on_key(state, keys, key),
        Msg::Resized {
            list_rows,
            too_small,
        } => {
            state.list_height = list_rows;
            state.view.too_small = too_small;
            Vec::new()
        }
        Msg::Pasted(text) => {
            super::paste::on_paste(state, &text);
            Vec::new()
        }
        Msg::Pointer(pointer) => super::pointer::on_pointer(state, pointer),
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
                    Err(error) => read_failed(state, &error),
                }
            }
            Vec::new()
        }
        Msg::UserRefreshed { req, result } => {
            if state.refresh.settle(req).is_some() {
                match result {
                    Ok(user) => {
                        let name = in_sentence(&user.username);
                        replace_row(state, *user);
                        state.say(StatusKind::Info, format!("Read {name} again"));
                    }
                    Err(error) => read_failed(state, &error),
                }
            }
            Vec::new()
        }
        Msg::SectionLoaded {
            req,
            kind,
            read_at,
            result,
        } => {
            on_section(state, req, kind, read_at, result);
            Vec::new()
        }
        Msg::PopulationLoaded { req, id, result } => {
            on_population(state, req, &id, result);
            Vec::new()
        }
        Msg::Applied { req, op, result } => {
            if let Some(id) = state.op.settle(req) {
                on_answer(state, &id, &op, result);
            }
            Vec::new()
        }
        Msg::Incident(reply) => incident::on_reply(state, reply),
    };
    sync_shown(state);
    effects
}

fn on_key(state: &mut State, keys: &KeyMap, key: KeyEvent) -> Vec<Effect> {
    let mode = state.mode();
    // Quitting and suspending work the same in every mode, dialogs included.
    if let Some(action) = keys.lookup(mode, &key) {
        return match action {
            Action::Suspend => vec![Effect::Suspend],
            Action::Quit => {
                state.quit = true;
                Vec::new()
            }
            action => apply(state, action),
        };
    }
    if mode == Mode::Search
        && state
            .input
            .handle_event(&Event::Key(key))
            .is_some_and(|c| c.value)
    {
        state.typed_at = Some(state.now);
    }
    if mode != Mode::TooSmall {
        modal::type_into(state, key.code);
        incident::type_into(state, key.code);
    }
    Vec::new()
}

fn on_tick(state: &mut State, now: Instant) -> Vec<Effect> {
    state.now = now;
    if state.view.too_small {
        return Vec::new();
    }
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

/// The first search, sent at start-up; owed until the terminal is large enough to show it.
pub fn initial_search(state: &mut State) -> Vec<Effect> {
    if state.view.too_small {
        state.typed_at = Some(state.now);
        return Vec::new();
    }
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
            if std::mem::take(&mut state.status_from_read) {
                state.status = None;
            }
        }
        // Nothing can work against an environment that is not there: leave, as the CLI does.
        Err(error) if error.kind == ErrorKind::UnknownEnvironment => {
            tracing::error!(%error, "the environment is unknown; leaving");
            state.fatal = Some(error.to_string());
            state.quit = true;
            return Vec::new();
        }
        Err(error) => {
            results.rows.clear();
            results.next = None;
            results.count = None;
            results.error = Some(error.to_string());
            read_failed(state, &error);
        }
    }
    selection_moved(state)
}

/// An operation's answer: what it did (kept for the ticket note), or why it was not sent.
fn on_answer(state: &mut State, id: &str, op: &UserOp, result: Result<Box<Applied>, OpError>) {
    let result = match result {
        Ok(applied) => Ok(applied),
        Err(OpError::Api(error)) => Err(error),
        // Refused before sending (the journal, a ticket): nothing was done to note.
        Err(refused @ OpError::Refused(_)) => {
            state.say(StatusKind::Error, refused.to_string());
            return;
        }
    };
    let note = super::note::Pending::new(state, id, op, &result);
    match result {
        Ok(applied) => on_applied(state, op, *applied),
        Err(error) if lost_answer(op, &error) => {
            tracing::warn!(%error, "an operation's answer was lost, and the read after it failed");
            state.say(
                StatusKind::Error,
                unread(&error, "press r to see what PingOne holds"),
            );
        }
        Err(error) => fail(state, &error),
    }
    note.record(state);
}

/// After an operation: the row and detail re-render from what PingOne returned, and the status
/// line says what happened, what still stops the user, or that the outcome is unknown and what
/// PingOne now shows.
fn on_applied(state: &mut State, op: &UserOp, applied: Applied) {
    let id = applied.user.id.clone();
    // What came back is as fresh as a read: dated now.
    let read_at = jiff::Timestamp::now();
    let before = state.extras.get(&id).and_then(|e| e.devices.ok());
    let answered = [
        applied.password.clone().map(SectionValue::Password),
        applied
            .devices_after(before.map(Vec::as_slice))
            .map(SectionValue::Devices),
        applied.sessions.clone().map(SectionValue::Sessions),
    ];
    for value in answered.into_iter().flatten() {
        store_section(state, &id, value.kind(), read_at, Ok(value));
    }
    let told = state.known_of(&id, &applied.user, |after| outcome(op, &applied, after));
    replace_row(state, applied.user);
    let kind = match told.kind {
        OutcomeKind::Done => StatusKind::Success,
        OutcomeKind::DoneButStill => StatusKind::Info,
        OutcomeKind::NotDone | OutcomeKind::Unknown | OutcomeKind::UnknownButFixed => {
            StatusKind::Error
        }
    };
    state.say(kind, told.text);
}

/// A read (a search, more results, a user read again) failed: said until the next search
/// succeeds, which shows PingOne is reachable again.
fn read_failed(state: &mut State, error: &ApiError) {
    fail(state, error);
    state.status_from_read = true;
}

fn fail(state: &mut State, error: &ApiError) {
    tracing::warn!(%error, cause = ?error.cause, "request failed");
    state.say(StatusKind::Error, error.to_string());
}

fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    if let Some(Modal::Confirm(_)) = &state.modal {
        return modal::answer(state, action);
    }
    if let Some(Modal::Incident(view)) = state.modal {
        return incident::on_action(state, Some(view), action);
    }
    if let Some(Modal::Help | Modal::Text { .. }) = &state.modal
        && matches!(
            action,
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
        )
    {
        let page = page_rows(state);
        state.view.overlay_scroll = scrolled(state.view.overlay_scroll, action, page);
        return Vec::new();
    }
    let bulk = action == Action::Op(OpKind::UnlockAccount) && !state.incident.marks.is_empty();
    if bulk
        || matches!(
            action,
            Action::Queue | Action::Journal | Action::Mark | Action::MarkAll
        )
    {
        return incident::on_action(state, None, action);
    }
    match action {
        Action::Help => {
            state.view.overlay_scroll = 0;
            state.modal = Some(Modal::Help);
        }
        Action::RawJson => {
            state.view.raw_json = !state.view.raw_json;
            state.detail_scroll = 0;
        }
        Action::CopyMenu => {
            if state.selected_user().is_some() {
                state.modal = Some(Modal::CopyMenu);
            } else {
                state.say(StatusKind::Info, "Select a user first");
            }
        }
        Action::Copy(what) => return super::copy::copy(state, what),
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
        Action::NextTab | Action::PrevTab => {
            let tab = state.detail.tab.step(action == Action::PrevTab);
            super::tabs::show(state, tab);
        }
        Action::Refresh => {
            let mut effects = refresh(state);
            sync_shown(state);
            effects.extend(open_selected(state, true));
            return effects;
        }
        Action::Confirm
        | Action::Decline
        | Action::Choose
        | Action::ToggleChoice
        | Action::EditTicket
        | Action::Queue
        | Action::Journal
        | Action::Mark
        | Action::MarkAll
        | Action::Scan
        | Action::Quit
        | Action::Suspend => {}
    }
    Vec::new()
}
