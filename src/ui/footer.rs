//! The footer: the status line, then key hints drawn from the key map.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::inert;
use crate::app::State;
use crate::app::state::StatusKind;
use crate::app::update::mode;
use crate::config::keys::KeyMap;
use crate::config::theme::Theme;

/// Draws the status line and the hints.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame, area: Rect) {
    if let Some(status) = &state.status {
        let style = match status.kind {
            StatusKind::Info => theme.muted,
            StatusKind::Success => theme.ok,
            StatusKind::Error => theme.danger,
        };
        let line = Line::styled(inert(&status.text).into_owned(), style);
        frame.render_widget(line, Rect { height: 1, ..area });
    }
    let mut spans = Vec::new();
    for binding in keys.hints(mode(state)) {
        spans.push(Span::styled(format!(" {} ", binding.label), theme.title));
        spans.push(Span::styled(format!("{} ", binding.desc), theme.muted));
    }
    let hints = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1,
        ..area
    };
    frame.render_widget(Line::from(spans), hints);
}
