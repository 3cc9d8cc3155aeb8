//! The theme: colours by role. Widgets name a role, never a colour.

use ratatui::style::{Color, Modifier, Style};

/// Styles by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Pane titles and labels.
    pub title: Style,
    /// Secondary text.
    pub muted: Style,
    /// The border of the focused pane.
    pub focus: Style,
    /// The selected row.
    pub selection: Style,
    /// Locked accounts and errors.
    pub danger: Style,
    /// Disabled or unverified: a warning, not an emergency.
    pub warning: Style,
    /// Healthy state and success.
    pub ok: Style,
    /// The DEMO / READ-ONLY badges.
    pub badge: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            title: Style::new().add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::DarkGray),
            focus: Style::new().fg(Color::Cyan),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            danger: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow),
            ok: Style::new().fg(Color::Green),
            badge: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        }
    }
}
