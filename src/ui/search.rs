//! The search field and the results list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState};

use crate::app::{Focus, State};
use crate::config::theme::Theme;
use crate::desk::inert::{fit, one_line};
use crate::desk::{StatusWord, inert};

const SPINNER: [&str; 4] = ["⠋", "⠙", "⠸", "⠴"];

/// Draws the search field; places the cursor when it has focus.
pub fn render_input(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = state.focus == Focus::Search && state.modal.is_none();
    let mut title = vec![Span::styled(" Search ", theme.title)];
    if state.search.is_busy() {
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
        _ if results.rows.is_empty() => " Users ".to_owned(),
        Some(count) => format!(" Users {} of {count} ", results.rows.len()),
        None => format!(" Users {} ", results.rows.len()),
    };
    let mut title = vec![Span::styled(shown, theme.title)];
    if state.more.is_busy() {
        title.push(Span::raw("loading more… "));
    }
    let block = super::pane(Line::from(title), state.focus == Focus::Results, theme);
    let empty = if let Some(error) = &results.error {
        Some(Span::styled(one_line(error).into_owned(), theme.danger))
    } else if results.rows.is_empty() && state.search.is_busy() {
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
    // Narrow panes drop the email, then the name: username and status always fit.
    let inner = area.width.saturating_sub(2 + 2);
    let columns: &[(&str, Constraint)] = match inner {
        70.. => &[
            ("USERNAME", Constraint::Fill(3)),
            ("NAME", Constraint::Fill(3)),
            ("EMAIL", Constraint::Fill(4)),
            ("STATUS", Constraint::Length(10)),
        ],
        40..70 => &[
            ("USERNAME", Constraint::Fill(1)),
            ("NAME", Constraint::Fill(1)),
            ("STATUS", Constraint::Length(10)),
        ],
        _ => &[
            ("USERNAME", Constraint::Fill(1)),
            ("STATUS", Constraint::Length(10)),
        ],
    };
    let widths: Vec<Constraint> = columns.iter().map(|(_, c)| *c).collect();
    let cells = Layout::horizontal(widths.clone())
        .spacing(1)
        .split(Rect::new(0, 0, inner, 1));
    // Only the rows that fit are built, so a frame costs the same with 10,000 users listed as
    // with 20. The window keeps the selection in view the way ratatui's own offset would.
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let first = crate::app::view::first_visible(results.selected, visible);
    let window = results.rows.iter().skip(first).take(visible);
    let rows = window.map(|row| {
        let word = row.status;
        let style = match word {
            StatusWord::Locked => theme.locked,
            StatusWord::Disabled | StatusWord::Unverified => theme.warning,
            StatusWord::Ok => theme.ok,
        };
        let marked = state
            .incident
            .marks
            .contains(&row.id)
            .then(|| format!("✓ {}", row.username));
        let text_of = |title: &str| match title {
            "USERNAME" => marked.as_ref().unwrap_or(&row.username),
            "NAME" => &row.name,
            _ => &row.email,
        };
        Row::new(columns.iter().zip(cells.iter()).map(|((title, _), cell)| {
            if *title == "STATUS" {
                Cell::from(Span::styled(word.as_str(), style))
            } else {
                Cell::from(fit(&one_line(text_of(title)), usize::from(cell.width)).into_owned())
            }
        }))
    });
    let header = Row::new(columns.iter().map(|(title, _)| *title)).style(theme.muted);
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme.selection)
        .highlight_symbol("▶ ")
        .highlight_spacing(HighlightSpacing::Always)
        .column_spacing(1);
    let mut table_state = TableState::default().with_selected(Some(results.selected - first));
    frame.render_stateful_widget(table, area, &mut table_state);
}
