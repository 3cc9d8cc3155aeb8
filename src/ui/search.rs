//! The search field and the results list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::text::inert;
use crate::app::diagnosis::{StatusWord, status_word};
use crate::app::{Focus, State};
use crate::config::theme::Theme;

const SPINNER: [&str; 4] = ["⠋", "⠙", "⠸", "⠴"];

/// Draws the search field; places the cursor when it has focus.
pub fn render_input(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = state.focus == Focus::Search && state.modal.is_none();
    let mut title = vec![Span::styled(" Search ", theme.title)];
    if state.results.search_req.is_some() {
        title.push(Span::raw(format!(
            "{} ",
            SPINNER[state.spinner % SPINNER.len()]
        )));
    }
    let block = super::pane(Line::from(title), focused, theme);
    let width = area.width.saturating_sub(2) as usize;
    let scroll = state.input.visual_scroll(width);
    let text = inert(state.input.value()).into_owned();
    let shown = if text.is_empty() && !focused {
        Paragraph::new(Span::styled(
            "press / and type a username, name, email or id",
            theme.muted,
        ))
    } else {
        Paragraph::new(text).scroll((0, u16::try_from(scroll).unwrap_or(0)))
    };
    frame.render_widget(shown.block(block), area);
    if focused {
        let cursor = state.input.visual_cursor().saturating_sub(scroll);
        let x = area.x + 1 + u16::try_from(cursor).unwrap_or(0);
        frame.set_cursor_position((x.min(area.right().saturating_sub(2)), area.y + 1));
    }
}

/// Draws the results list, or why it is empty.
pub fn render_results(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let results = &state.results;
    let shown = match results.count {
        Some(count) => format!(" Users {} of {count} ", results.rows.len()),
        None => format!(" Users {} ", results.rows.len()),
    };
    let mut title = vec![Span::styled(shown, theme.title)];
    if results.more_req.is_some() {
        title.push(Span::raw("loading more… "));
    }
    let block = super::pane(Line::from(title), state.focus == Focus::Results, theme);
    let empty = if let Some(error) = &results.error {
        Some(Span::styled(inert(error).into_owned(), theme.danger))
    } else if results.rows.is_empty() && results.search_req.is_some() {
        Some(Span::styled("Searching…", theme.muted))
    } else if results.rows.is_empty() && results.loaded {
        Some(Span::styled("No users match", theme.muted))
    } else {
        None
    };
    if let Some(message) = empty {
        let paragraph =
            Paragraph::new(Line::from(message)).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(paragraph.block(block), area);
        return;
    }
    let rows = results.rows.iter().map(|row| {
        let user = &row.user;
        let word = status_word(user);
        let style = match word {
            StatusWord::Locked => theme.danger,
            StatusWord::Disabled | StatusWord::Unverified => theme.warning,
            StatusWord::Ok => theme.ok,
        };
        Row::new(vec![
            Cell::from(inert(&user.username).into_owned()),
            Cell::from(inert(&user.display_name().unwrap_or_default()).into_owned()),
            Cell::from(inert(user.email.as_deref().unwrap_or("")).into_owned()),
            Cell::from(Span::styled(word.as_str(), style)),
        ])
    });
    let widths = [
        Constraint::Fill(3),
        Constraint::Fill(3),
        Constraint::Fill(4),
        Constraint::Length(10),
    ];
    let header = Row::new(["USERNAME", "NAME", "EMAIL", "STATUS"]).style(theme.muted);
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme.selection)
        .column_spacing(1);
    let mut table_state = TableState::default().with_selected(Some(results.selected));
    frame.render_stateful_widget(table, area, &mut table_state);
}
