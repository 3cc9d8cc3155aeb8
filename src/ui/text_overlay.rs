//! The copy menu (after `c`) and the text overlay: what could not be copied by OSC 52, shown to
//! select by hand, scrollable.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::overlay::{centered, clear};
use crate::app::{Action, KeyMap, Mode, State};
use crate::config::theme::Theme;

/// The copy menu: each letter and what it copies, from the key map.
pub fn render_copy_menu(keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let lines: Vec<Line> = keys
        .help(Mode::Copy)
        .filter(|b| !matches!(b.action, Action::Quit | Action::Suspend))
        .map(|binding| {
            Line::from(vec![
                Span::styled(format!(" {:<6}", binding.label), theme.title),
                Span::raw(binding.desc),
            ])
        })
        .collect();
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(frame.area(), 36, height);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Line::styled(" Copy ", theme.title));
    clear(frame, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Text to select by hand. It is drawn without a side border so a terminal selection of whole
/// lines takes only the text.
pub fn render_text(
    state: &State,
    keys: &KeyMap,
    (title, text): (&str, &str),
    theme: &Theme,
    frame: &mut Frame,
) {
    let close = keys
        .label_of(Mode::Text, crate::app::Action::Back)
        .unwrap_or_default();
    let area = frame.area();
    let lines: Vec<Line> = text.lines().map(Line::raw).collect();
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(area, area.width, height.max(5));
    let most = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(area.height.saturating_sub(2));
    let block = Block::new()
        .borders(ratatui::widgets::Borders::TOP | ratatui::widgets::Borders::BOTTOM)
        .title(Line::styled(
            format!(" {title}: select it and copy it by hand ({close} closes) "),
            theme.title,
        ));
    clear(frame, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .scroll((state.view.overlay_scroll.min(most), 0)),
        area,
    );
}
