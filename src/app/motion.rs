//! Moving about: the selection in the results (past the end the next page is loaded), the
//! selected row of the MFA or Sessions tab, the detail pane's scroll, and back one pane.

use super::msg::{Action, Effect};
use super::open::selection_moved;
use super::state::{Focus, State};
use super::tabs::Tab;
use super::view::scrolled;

/// Closes the top layer, or goes back one pane.
pub(super) fn back(state: &mut State) {
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

/// Moves the selection (or scrolls the detail pane when it has focus); past the end of the list
/// the next page is loaded.
pub(super) fn move_selection(state: &mut State, action: Action) -> Vec<Effect> {
    if state.focus == Focus::Detail {
        if !move_row(state, action) {
            scroll_detail(state, action);
        }
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

/// Moves the selected row of the MFA or Sessions tab (the renderer keeps it in view); false
/// when the tab shown has no rows to choose.
pub(super) fn move_row(state: &mut State, action: Action) -> bool {
    let rows = state.row_targets().len();
    if !matches!(state.detail.tab, Tab::Mfa | Tab::Sessions) || rows == 0 {
        return false;
    }
    let last = rows - 1;
    let row = state.detail.row;
    state.detail.row = match action {
        Action::Up => row.saturating_sub(1),
        Action::Down => (row + 1).min(last),
        Action::PageUp | Action::Home => 0,
        _ => last,
    };
    true
}

/// Scrolls the detail pane; the renderer clamps to the content.
fn scroll_detail(state: &mut State, action: Action) {
    let page = super::view::page_rows(state);
    state.detail_scroll = scrolled(state.detail_scroll, action, page);
}
