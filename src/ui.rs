//! Drawing: `render(&State)` lays out the regions and hands each to its module. No side effects.

mod attributes;
mod detail;
mod footer;
mod header;
mod incident;
mod overlay;
mod raw_json;
mod search;
mod text_overlay;
pub mod width;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::{Action, KeyMap, Mode, Place, State};
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

/// Rows above the body (header, search field) and below it besides the status (hints).
const CHROME: u16 = 1 + 3 + 1;

/// The regions of a screen whose status line takes `status_rows` rows (at least one).
fn regions(area: Rect, status_rows: u16) -> Regions {
    let [header, search, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(status_rows.max(1) + 1),
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

/// Whether a terminal of this size is too small to lay out in.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_SIZE.0 || height < MIN_SIZE.1
}

/// The regions as [`render`] lays them out for `state` in `area` (the status line may take
/// several rows), and the status rows themselves.
fn layout(state: &State, theme: &Theme, area: Rect) -> (Regions, Vec<Line<'static>>) {
    let most = area.height.saturating_sub(CHROME + footer::MIN_BODY);
    let status = footer::status_rows(state, theme, area.width, most);
    let regions = regions(area, u16::try_from(status.len()).unwrap_or(most));
    (regions, status)
}

/// What is at cell (`column`, `row`) of a terminal of this size showing `state`, for the mouse.
pub fn place(
    state: &State,
    theme: &Theme,
    (width, height): (u16, u16),
    (column, row): (u16, u16),
) -> Option<Place> {
    let (regions, _) = layout(state, theme, Rect::new(0, 0, width, height));
    let at = ratatui::layout::Position::new(column, row);
    if regions.search.contains(at) {
        Some(Place::Search)
    } else if regions.detail.contains(at) {
        // A border, the user's name, then the tabs.
        let bar = Rect::new(
            regions.detail.x + 1,
            regions.detail.y + 2,
            regions.detail.width.saturating_sub(2),
            1,
        );
        let tab = (row == bar.y)
            .then(|| detail::tab_at(state, theme, bar, column))
            .flatten();
        Some(tab.map_or(Place::Detail, Place::DetailTab))
    } else if regions.results.contains(at) {
        // A border, then the column titles, then the rows.
        let first = regions.results.y + 2;
        let last = regions.results.bottom().saturating_sub(1);
        Some(if (first..last).contains(&row) {
            Place::ListRow(usize::from(row - first))
        } else {
            Place::List
        })
    } else {
        None
    }
}

/// How many users the list shows at once in a terminal of this size (for paging keys).
pub fn list_rows(width: u16, height: u16) -> usize {
    let results = regions(Rect::new(0, 0, width, height), 1).results;
    usize::from(results.height.saturating_sub(3))
}

/// Draws the whole screen.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if too_small(area.width, area.height) {
        let quit: Vec<String> = keys
            .keys_of(Mode::TooSmall, Action::Quit)
            .iter()
            .map(|key| key.label())
            .collect();
        let text = format!(
            "Terminal too small: {}×{}. pingdesk needs at least {}×{}. Enlarge the window, or press {} to quit.",
            area.width,
            area.height,
            MIN_SIZE.0,
            MIN_SIZE.1,
            quit.join(" or ")
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let (regions, status) = layout(state, theme, area);
    header::render(state, theme, frame, regions.header);
    search::render_input(state, theme, frame, regions.search);
    search::render_results(state, theme, frame, regions.results);
    detail::render(state, keys, theme, frame, regions.detail);
    footer::render(state, keys, theme, frame, regions.footer, status);
    overlay::render(state, keys, theme, frame);
}

/// A bordered pane whose title shows focus. The borders keep one colour: recolouring them on
/// every focus move rewrote a few hundred 3-byte box-drawing cells (P4b); the title alone is a
/// few bytes and reads as clearly in reverse video.
fn pane<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    let block = Block::bordered().title(title).border_style(theme.muted);
    if focused {
        block.title_style(theme.focus_title)
    } else {
        block
    }
}
