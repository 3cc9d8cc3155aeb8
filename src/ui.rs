//! Drawing: `render(&State)` lays out the regions and hands each to its module. No side effects.

mod detail;
mod footer;
mod header;
mod incident;
mod overlay;
mod search;
pub mod width;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::KeyMap;
use crate::app::State;
use crate::config::theme::Theme;

/// The smallest terminal the console lays out in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// The regions of the screen.
struct Regions {
    header: Rect,
    search: Rect,
    results: Rect,
    detail: Rect,
    footer: Rect,
}

fn regions(area: Rect) -> Regions {
    let [header, search, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(area);
    // The detail pane must fit a label and a UUID; the list gives way on narrow terminals.
    let list_share = if area.width < 100 { 36 } else { 45 };
    let [results, detail] =
        Layout::horizontal([Constraint::Percentage(list_share), Constraint::Fill(1)]).areas(body);
    Regions {
        header,
        search,
        results,
        detail,
        footer,
    }
}

/// How many users the list shows at once in a terminal of this size (for paging keys).
pub fn list_rows(width: u16, height: u16) -> usize {
    let results = regions(Rect::new(0, 0, width, height)).results;
    usize::from(results.height.saturating_sub(3))
}

/// Draws the whole screen.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let text = format!(
            "Terminal too small: {}×{}. pingdesk needs at least {}×{}. Enlarge the window, or press Ctrl-C to quit.",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let regions = regions(area);
    header::render(state, theme, frame, regions.header);
    search::render_input(state, theme, frame, regions.search);
    search::render_results(state, theme, frame, regions.results);
    detail::render(state, keys, theme, frame, regions.detail);
    footer::render(state, keys, theme, frame, regions.footer);
    overlay::render(state, keys, theme, frame);
}

/// A bordered pane whose border shows focus.
fn pane<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    let block = Block::bordered().title(title);
    if focused {
        block.border_style(theme.focus)
    } else {
        block.border_style(theme.muted)
    }
}
