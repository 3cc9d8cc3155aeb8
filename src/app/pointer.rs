//! The mouse, when turned on: a click selects a row, focuses a pane or shows a detail tab; the
//! wheel scrolls the pane under the pointer (in the MFA and Sessions tabs it moves the selected
//! row). Dialogs and a too-small terminal ignore it.

use super::motion::{move_row, move_selection};
use super::msg::{Action, Effect};
use super::open::selection_moved;
use super::state::{Focus, State};
use super::view::{Place, Pointer, first_visible};

/// Lines the wheel scrolls the detail pane by, per notch.
const WHEEL_LINES: u16 = 3;

/// Applies what the mouse did.
pub(super) fn on_pointer(state: &mut State, pointer: Pointer) -> Vec<Effect> {
    if state.modal.is_some() || state.view.too_small {
        return Vec::new();
    }
    match pointer {
        Pointer::Click(Place::Search) => state.focus = Focus::Search,
        Pointer::Click(Place::List) => state.focus = Focus::Results,
        Pointer::Click(Place::Detail) => state.focus = Focus::Detail,
        Pointer::Click(Place::DetailTab(tab)) => {
            state.focus = Focus::Detail;
            super::tabs::show(state, tab);
        }
        Pointer::Click(Place::ListRow(row)) => {
            state.focus = Focus::Results;
            let index = first_visible(state.results.selected, state.list_height) + row;
            if index < state.results.rows.len() && index != state.results.selected {
                state.results.selected = index;
                return selection_moved(state);
            }
        }
        Pointer::ScrollUp(Place::Detail | Place::DetailTab(_)) => {
            if !move_row(state, Action::Up) {
                state.detail_scroll = state.detail_scroll.saturating_sub(WHEEL_LINES);
            }
        }
        Pointer::ScrollDown(Place::Detail | Place::DetailTab(_)) => {
            if !move_row(state, Action::Down) {
                state.detail_scroll = state.detail_scroll.saturating_add(WHEEL_LINES);
            }
        }
        Pointer::ScrollUp(Place::List | Place::ListRow(_)) => {
            return in_list(state, Action::Up);
        }
        Pointer::ScrollDown(Place::List | Place::ListRow(_)) => {
            return in_list(state, Action::Down);
        }
        Pointer::ScrollUp(Place::Search) | Pointer::ScrollDown(Place::Search) => {}
    }
    Vec::new()
}

/// Moves the list's selection whatever pane has focus.
fn in_list(state: &mut State, action: Action) -> Vec<Effect> {
    let focus = state.focus;
    state.focus = Focus::Results;
    let effects = move_selection(state, action);
    state.focus = focus;
    effects
}
