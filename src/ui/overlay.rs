//! Layers over the panes: the confirm dialog (every operation) and the help overlay.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr as _;

use super::wrap::wrap;

use crate::app::modal::LOCK_CHOICES;
use crate::app::{Confirm, KeyMap, Modal, Mode, State, Step};
use crate::config::theme::Theme;
use crate::desk::inert;
use crate::desk::inert::in_sentence;

/// Columns of the confirm dialog, borders included.
const DIALOG_WIDTH: u16 = 66;

/// Draws the modal, if any.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    match &state.modal {
        Some(Modal::Confirm(confirm)) => {
            let lines = confirm_lines(state, keys, theme, confirm);
            let title = format!(" Confirm: {} ", confirm.op.kind().verb());
            dialog(frame, theme, title, &lines, DIALOG_WIDTH);
        }
        Some(Modal::Help) => render_help(state, keys, theme, frame),
        Some(Modal::CopyMenu) => super::text_overlay::render_copy_menu(keys, theme, frame),
        Some(Modal::Text { title, text }) => {
            super::text_overlay::render_text(state, keys, (title, text), theme, frame);
        }
        Some(Modal::Incident(view)) => super::incident::render(state, keys, theme, frame, *view),
        None => {}
    }
}

fn confirm_lines<'a>(
    state: &State,
    keys: &KeyMap,
    theme: &Theme,
    confirm: &Confirm,
) -> Vec<Line<'a>> {
    let context = &state.context;
    let environment = context.environment_label();
    let label = |text: &'static str| Span::styled(format!("{text:<13}"), theme.muted);
    let why = state
        .verdict()
        .filter(|_| state.shown.as_ref().is_some_and(|s| s.id == confirm.id))
        .map(|verdict| verdict.summary())
        .unwrap_or_default();
    let mut lines = vec![
        Line::styled(confirm.question.clone(), theme.title),
        Line::from(vec![label("email"), Span::raw(in_sentence(&confirm.email))]),
        Line::from(vec![
            label("environment"),
            Span::raw(in_sentence(environment)),
        ]),
        Line::from(vec![label("state"), Span::styled(why, theme.danger)]),
        super::incident::confirm_ticket(
            state,
            keys,
            theme,
            &confirm.ticket,
            confirm.editing_ticket,
        ),
        Line::from(""),
    ];
    match &confirm.step {
        Step::PickLock(picker) => {
            lines.push(Line::styled(
                "Lock for how long? (↑/↓, Enter; Esc cancels)",
                theme.muted,
            ));
            for (i, (_, text)) in LOCK_CHOICES.iter().enumerate() {
                let on = i == picker.choice;
                let style = if on {
                    theme.selection
                } else {
                    ratatui::style::Style::new()
                };
                lines.push(Line::styled(
                    format!("{} {text}", if on { "▶" } else { " " }),
                    style,
                ));
            }
            if picker.types_a_time() {
                lines.push(Line::from(vec![
                    Span::raw("> "),
                    Span::styled(format!("{}▏", inert(&picker.until)), theme.title),
                ]));
            }
        }
        Step::Answer {
            typed: Some(typed), ..
        } => {
            lines.push(Line::styled(
                "Production: type the username to confirm, then Enter (Esc cancels)",
                theme.muted,
            ));
            lines.push(Line::from(vec![
                Span::raw("> "),
                Span::styled(format!("{}▏", inert(typed)), theme.title),
            ]));
        }
        Step::Answer {
            yes_highlighted,
            typed: None,
        } => lines.push(yes_no(theme, *yes_highlighted)),
    }
    lines
}

/// "Yes (y)   No (n)   Enter = No", the highlighted choice marked.
pub(super) fn yes_no<'a>(theme: &Theme, yes_highlighted: bool) -> Line<'a> {
    let choice = |text: &'static str, on: bool| {
        Span::styled(
            format!(" {text} "),
            if on { theme.selection } else { theme.muted },
        )
    };
    Line::from(vec![
        choice("Yes (y)", yes_highlighted),
        Span::raw("   "),
        choice("No (n)", !yes_highlighted),
        Span::styled(
            if yes_highlighted {
                "   Enter = Yes"
            } else {
                "   Enter = No"
            },
            theme.muted,
        ),
    ])
}

/// The key help, generated from the key map in force: the keys of the pane it was opened from,
/// then the other modes', each line with the action's name for the key file. It scrolls.
fn render_help(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let here = if state.focus == crate::app::Focus::Detail {
        (Mode::Detail, "Detail pane")
    } else {
        (Mode::List, "List")
    };
    let sections = [
        here,
        (Mode::Search, "Search field"),
        (Mode::Copy, "After c (copy)"),
        (Mode::Confirm, "Confirm dialog"),
        (Mode::PickLock, "Lock dialog"),
        (Mode::Queue, "Locked-now queue"),
        (Mode::Journal, "Journal"),
        (Mode::Bulk, "Bulk unlock"),
        (Mode::Ticket, "Ticket field"),
    ];
    let mut lines = Vec::new();
    for (mode, title) in sections {
        lines.push(Line::from(vec![
            Span::styled(title, theme.title),
            Span::styled(format!("  [keys.{}]", mode.name()), theme.muted),
        ]));
        for binding in keys.help(mode) {
            lines.push(Line::from(vec![
                Span::raw(format!("  {:<12}", binding.label)),
                Span::raw(format!("{:<28}", binding.desc)),
                Span::styled(binding.action.name(), theme.muted),
            ]));
        }
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(frame.area(), 72, height);
    let most = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(area.height.saturating_sub(2));
    let close = keys
        .label_of(Mode::Help, crate::app::Action::Back)
        .unwrap_or_default();
    let title = format!(" Keys ({close} closes, ↑/↓ scroll) ");
    let block = Block::bordered().title(Line::styled(title, theme.title));
    clear(frame, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((state.view.overlay_scroll.min(most), 0)),
        area,
    );
}

/// Empties `area` for a layer: every cell it covers, and any wide glyph left of it whose right
/// half reaches in (the terminal would draw that half over the layer's left border).
pub(super) fn clear(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let buffer = frame.buffer_mut();
    let from = area.left().saturating_sub(3).max(buffer.area.left());
    for y in area.top()..area.bottom() {
        for x in from..area.left() {
            let cell = &mut buffer[(x, y)];
            if x + u16::try_from(cell.symbol().width()).unwrap_or(u16::MAX) > area.left() {
                cell.set_symbol(" ");
            }
        }
    }
}

/// A dialog of `lines`, `width` wide, in the middle of the screen: a double border in the danger
/// colour, for questions whose answer changes something. Every line is broken into rows here
/// (later rows indented), so the height fits them all: a long name cannot push the dialog's own
/// choices out of the box.
pub(super) fn dialog(
    frame: &mut Frame,
    theme: &Theme,
    title: String,
    lines: &[Line<'_>],
    width: u16,
) {
    let rows: Vec<Line<'_>> = lines
        .iter()
        .flat_map(|line| wrap(line, usize::from(width.saturating_sub(2)), 2))
        .collect();
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    let area = centered(frame.area(), width, height);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.danger)
        .title(Line::styled(title, theme.title));
    clear(frame, area);
    frame.render_widget(Paragraph::new(rows).block(block), area);
}

/// A `width`×`height` box in the middle of `area`, clipped to it.
pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [middle] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    middle
}
