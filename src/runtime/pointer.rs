//! Mouse events, measured against the layout: what was clicked or scrolled, where.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Size;

use crate::app::{Pointer, State};
use crate::config::theme::Theme;

/// What `event` did and where, in a terminal of `size` showing `state`; `None` for what the
/// console ignores (moves, drags, releases, other buttons, the too-small screen).
pub fn pointer(state: &State, theme: &Theme, size: Size, event: MouseEvent) -> Option<Pointer> {
    if crate::ui::too_small(size.width, size.height) {
        return None;
    }
    let place = crate::ui::place(
        state,
        theme,
        (size.width, size.height),
        (event.column, event.row),
    )?;
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Pointer::Click(place)),
        MouseEventKind::ScrollUp => Some(Pointer::ScrollUp(place)),
        MouseEventKind::ScrollDown => Some(Pointer::ScrollDown(place)),
        _ => None,
    }
}
