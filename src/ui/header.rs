//! The header: badges, environment, region, who we act as, and the profile.

use std::str::FromStr as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};

use crate::app::State;
use crate::config::theme::Theme;
use crate::desk::inert::in_sentence;

/// Draws the header line: badges, profile, environment name and id, region, actor.
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
            Span::raw(format!("{}  ", in_sentence(profile))),
        ]);
    }
    let environment = in_sentence(context.environment_label());
    spans.extend([Span::styled("env ", theme.muted), Span::raw(environment)]);
    let tail = [
        Span::styled("  region ", theme.muted),
        Span::raw(in_sentence(&context.region)),
        Span::styled("  as ", theme.muted),
        Span::raw(in_sentence(&context.actor)),
    ];
    // With a name, the id follows it: in full when the line has room, else its first 8
    // characters (enough to tell environments apart), else not at all.
    if context.environment_name.is_some() {
        let used: usize = spans.iter().chain(&tail).map(Span::width).sum();
        let room = usize::from(area.width).saturating_sub(used);
        let id = &in_sentence(&context.environment_id);
        let shown = if id.len() + 3 <= room {
            Some(id.clone())
        } else {
            (room >= 12).then(|| format!("{}…", id.chars().take(8).collect::<String>()))
        };
        if let Some(shown) = shown {
            spans.push(Span::styled(format!(" ({shown})"), theme.muted));
        }
    }
    spans.extend(tail);
    frame.render_widget(Line::from(spans), area);
}
