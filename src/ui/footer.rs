//! The footer: the status line, then key hints drawn from the key map. A status too long for
//! one line takes the hint line too, so an error's Correlation-Id is never cut off.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::state::StatusKind;
use crate::app::{KeyMap, State};
use crate::config::theme::Theme;
use crate::desk::inert;

/// Draws the status line and the hints.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut status_rows = 0;
    if let Some(status) = &state.status {
        let style = match status.kind {
            StatusKind::Info => theme.muted,
            StatusKind::Success => theme.ok,
            StatusKind::Error => theme.danger,
        };
        let text = format!(" {}", inert(&status.text));
        status_rows = if text.chars().count() > usize::from(area.width) {
            area.height
        } else {
            1
        };
        let paragraph = Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: false });
        frame.render_widget(
            paragraph,
            Rect {
                height: status_rows,
                ..area
            },
        );
    }
    if status_rows >= area.height {
        return;
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
