//! The footer: the status line, then key hints drawn from the key map. The status line grows
//! to as many rows as its text needs (the body gives way, down to [`MIN_BODY`] rows); past
//! that the middle of the text is cut with a marker, and the `Correlation-Id` at its end always
//! stays whole.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::wrap::wrap;
use crate::app::state::StatusKind;
use crate::app::{KeyMap, State};
use crate::config::theme::Theme;
use crate::desk::inert::{correlation_tail, one_line};

/// Rows the lists and the detail keep however long the status is.
pub const MIN_BODY: u16 = 8;

/// The status line's rows at `width` columns, at most `max` of them.
pub fn status_rows(state: &State, theme: &Theme, width: u16, max: u16) -> Vec<Line<'static>> {
    let Some(status) = &state.status else {
        return Vec::new();
    };
    let style = match status.kind {
        StatusKind::Info => theme.muted,
        StatusKind::Success => theme.ok,
        StatusKind::Error => theme.danger,
    };
    let text = one_line(&status.text);
    // The Correlation-Id is wrapped on its own, so that it is never split or cut.
    let (body, tail) = correlation_tail(&text);
    let width = usize::from(width);
    let wrapped = |text: &str| wrap(&Line::styled(format!(" {text}"), style), width, 1);
    let mut rows = wrapped(body);
    let tail = tail.map(wrapped).unwrap_or_default();
    let max = usize::from(max.max(1));
    if rows.len() + tail.len() > max {
        let keep = max.saturating_sub(tail.len()).max(1) - 1;
        let left: usize = rows[keep..].iter().map(Line::width).sum();
        rows.truncate(keep);
        rows.push(Line::styled(
            format!(" … (about {left} more characters; the whole message is in the log)"),
            theme.muted,
        ));
    }
    rows.extend(tail);
    rows
}

/// Draws the status rows and the hints below them.
pub fn render(
    state: &State,
    keys: &KeyMap,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    status: Vec<Line<'static>>,
) {
    for (i, row) in status.into_iter().enumerate() {
        let Ok(y) = u16::try_from(i) else { break };
        if y + 1 >= area.height {
            break;
        }
        frame.render_widget(
            row,
            Rect {
                y: area.y + y,
                height: 1,
                ..area
            },
        );
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for binding in keys.hints(state.mode()) {
        let (key, desc) = (format!(" {} ", binding.label), format!("{} ", binding.desc));
        // Whole hints only: one that does not fit is left out, never cut in half.
        used += key.chars().count() + desc.chars().count();
        if used > usize::from(area.width) {
            break;
        }
        spans.push(Span::styled(key, theme.title));
        spans.push(Span::styled(desc, theme.muted));
    }
    let hints = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1,
        ..area
    };
    frame.render_widget(Line::from(spans), hints);
}
