//! The header: badges, environment, region, who we act as, and the profile.

use std::str::FromStr as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};

use super::text::inert;
use crate::app::State;
use crate::config::theme::Theme;

/// Draws the header line; the environment id gives way to the name when both do not fit.
pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let context = &state.context;
    let badge = match context
        .banner_color
        .as_deref()
        .and_then(|c| Color::from_str(c).ok())
    {
        Some(color) => theme.badge.bg(color),
        None => theme.badge,
    };
    let mut spans = vec![Span::styled(" pingdesk ", theme.title)];
    for (shown, text) in [
        (context.demo, " DEMO "),
        (context.production, " PRODUCTION "),
        (context.read_only, " READ-ONLY "),
    ] {
        if shown {
            spans.extend([Span::styled(text, badge), Span::raw(" ")]);
        }
    }
    if let Some(profile) = &context.profile {
        spans.extend([
            Span::styled("profile ", theme.muted),
            Span::raw(format!("{}  ", inert(profile))),
        ]);
    }
    let environment = match &context.environment_name {
        Some(name) => inert(name).into_owned(),
        None => context.environment_id.clone(),
    };
    spans.extend([
        Span::styled("env ", theme.muted),
        Span::raw(environment),
        Span::styled("  region ", theme.muted),
        Span::raw(inert(&context.region).into_owned()),
        Span::styled("  as ", theme.muted),
        Span::raw(inert(&context.actor).into_owned()),
    ]);
    let used: usize = spans.iter().map(Span::width).sum();
    if context.environment_name.is_some()
        && used + context.environment_id.len() + 3 <= usize::from(area.width)
    {
        spans.push(Span::styled(
            format!("  ({})", context.environment_id),
            theme.muted,
        ));
    }
    frame.render_widget(Line::from(spans), area);
}
