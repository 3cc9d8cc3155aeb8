//! Layers over the panes: the unlock confirm dialog and the help overlay.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::text::inert;
use crate::app::{Modal, State};
use crate::config::keys::{KeyMap, Mode};
use crate::config::theme::Theme;

/// Draws the modal, if any.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    match &state.modal {
        Some(Modal::ConfirmUnlock {
            username,
            email,
            yes_highlighted,
            ..
        }) => {
            let area = centered(frame.area(), 60, 9);
            let environment = state
                .context
                .environment_name
                .as_deref()
                .unwrap_or(&state.context.environment_id);
            let choice = |label: &'static str, on: bool| {
                Span::styled(
                    format!(" {label} "),
                    if on { theme.selection } else { theme.muted },
                )
            };
            let lines = vec![
                Line::from(vec![
                    Span::raw("Unlock "),
                    Span::styled(inert(username).into_owned(), theme.title),
                    Span::raw("?"),
                ]),
                Line::from(vec![
                    Span::styled("email        ", theme.muted),
                    Span::raw(inert(email).into_owned()),
                ]),
                Line::from(vec![
                    Span::styled("environment  ", theme.muted),
                    Span::raw(inert(environment).into_owned()),
                ]),
                Line::from(""),
                Line::from(vec![
                    choice("Yes (y)", *yes_highlighted),
                    Span::raw("   "),
                    choice("No (n)", !*yes_highlighted),
                ]),
            ];
            let block = Block::bordered()
                .border_type(BorderType::Double)
                .border_style(theme.danger)
                .title(Line::styled(" Confirm unlock ", theme.title));
            frame.render_widget(Clear, area);
            frame.render_widget(
                Paragraph::new(lines)
                    .block(block)
                    .wrap(Wrap { trim: false }),
                area,
            );
        }
        Some(Modal::Help) => {
            let mut lines = Vec::new();
            for (mode, title) in [
                (Mode::Browse, "List and detail"),
                (Mode::Search, "Search field"),
                (Mode::Confirm, "Confirm dialog"),
            ] {
                lines.push(Line::styled(title, theme.title));
                for binding in keys.help(mode) {
                    lines.push(Line::from(vec![
                        Span::raw(format!("  {:<10}", binding.label)),
                        Span::styled(binding.desc, theme.muted),
                    ]));
                }
            }
            let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
            let area = centered(frame.area(), 56, height);
            let block = Block::bordered().title(Line::styled(" Keys (Esc closes) ", theme.title));
            frame.render_widget(Clear, area);
            frame.render_widget(Paragraph::new(lines).block(block), area);
        }
        None => {}
    }
}

/// A `width`×`height` box in the middle of `area`, clipped to it.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [middle] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    middle
}
