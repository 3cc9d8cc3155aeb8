//! The header: environment, region, who we act as, and the DEMO / READ-ONLY badges.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::inert;
use crate::app::State;
use crate::config::theme::Theme;

/// Draws the header line.
pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let context = &state.context;
    let mut spans = vec![Span::styled(" pingdesk ", theme.title)];
    if context.demo {
        spans.push(Span::styled(" DEMO ", theme.badge));
        spans.push(Span::raw(" "));
    }
    if context.read_only {
        spans.push(Span::styled(" READ-ONLY ", theme.badge));
        spans.push(Span::raw(" "));
    }
    let environment = match &context.environment_name {
        Some(name) => format!("{} ({})", inert(name), context.environment_id),
        None => context.environment_id.clone(),
    };
    spans.push(Span::styled("env ", theme.muted));
    spans.push(Span::raw(environment));
    spans.push(Span::styled("  region ", theme.muted));
    spans.push(Span::raw(context.region.clone()));
    spans.push(Span::styled("  as ", theme.muted));
    spans.push(Span::raw(inert(&context.actor).into_owned()));
    frame.render_widget(Line::from(spans), area);
}
