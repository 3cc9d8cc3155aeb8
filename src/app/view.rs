//! How the console is being looked at, apart from what it shows: the raw JSON toggle, the
//! overlay's scroll, a terminal too small to draw in, the wall clock, the last operation on each
//! user (for ticket notes), and mouse positions.

use std::collections::HashMap;
use std::time::Instant;

use jiff::{SignedDuration, Timestamp};

use super::msg::Action;
use super::note::Done;
use super::tabs::Tab;

/// The console's view state.
#[derive(Debug, Clone)]
pub struct View {
    /// The detail pane shows the record's raw JSON (`v`).
    pub raw_json: bool,
    /// Lines the help or text overlay is scrolled down by.
    pub overlay_scroll: u16,
    /// The terminal is below the smallest size: nothing is drawn, searched or read.
    pub too_small: bool,
    /// The last operation on each user, by id, for the ticket note.
    pub done: HashMap<String, Done>,
    /// A moment on the monotonic clock and the wall-clock time then.
    clock: (Instant, Timestamp),
}

impl View {
    /// A view whose wall clock read `wall` at `now`.
    pub fn new(now: Instant, wall: Timestamp) -> Self {
        Self {
            raw_json: false,
            overlay_scroll: 0,
            too_small: false,
            done: HashMap::new(),
            clock: (now, wall),
        }
    }

    /// Sets the wall clock: it reads `wall` at `now` (tests pin it).
    pub fn set_clock(&mut self, now: Instant, wall: Timestamp) {
        self.clock = (now, wall);
    }

    /// The wall-clock time at `now`.
    pub fn wall_now(&self, now: Instant) -> Timestamp {
        let (then, wall) = self.clock;
        let elapsed = SignedDuration::try_from(now.saturating_duration_since(then))
            .unwrap_or(SignedDuration::ZERO);
        wall.saturating_add(elapsed).unwrap_or(wall)
    }
}

/// Where the pointer is, as the loop measured it against the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The search field.
    Search,
    /// A row of the results list, counted from the first one shown.
    ListRow(usize),
    /// The list, outside its rows (borders, header).
    List,
    /// The detail pane.
    Detail,
    /// A tab's label in the detail pane's bar.
    DetailTab(Tab),
}

/// What the mouse did, where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// A left click.
    Click(Place),
    /// The wheel, towards the top.
    ScrollUp(Place),
    /// The wheel, towards the bottom.
    ScrollDown(Place),
}

/// The first row the list shows when `visible` rows fit and `selected` is selected: the window
/// keeps the selection in view at its bottom edge, as ratatui's own offset would.
pub fn first_visible(selected: usize, visible: usize) -> usize {
    (selected + 1).saturating_sub(visible.max(1))
}

/// Rows a page up or down moves in the list and the overlays (at least one).
pub fn page_rows(state: &super::State) -> u16 {
    u16::try_from(state.list_height).unwrap_or(u16::MAX).max(1)
}

/// `current` scrolled by a movement key, a page being `page` lines; the renderer clamps it.
pub fn scrolled(current: u16, action: Action, page: u16) -> u16 {
    match action {
        Action::Up => current.saturating_sub(1),
        Action::Down => current.saturating_add(1),
        Action::PageUp => current.saturating_sub(page),
        Action::PageDown => current.saturating_add(page),
        Action::Home => 0,
        Action::End => u16::MAX,
        _ => current,
    }
}
