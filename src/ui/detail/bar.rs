//! The detail pane's bar of tabs: each label marked `…` while its section is read and `!` when
//! the read failed (short labels when the full ones do not fit), and which label the mouse is on.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr as _;

use super::View;
use crate::app::State;
use crate::app::sections::{Extras, SectionKind};
use crate::app::tabs::Tab;
use crate::config::theme::Theme;

/// The tabs, the one shown highlighted; each with `…` while its section is read and `!` when
/// the read failed. Short labels when the full ones do not fit.
pub(super) fn tab_bar<'a>(view: &View<'_>, width: u16) -> Line<'a> {
    let spans = tab_spans(view.state, view.extras, view.theme, width);
    Line::from(
        spans
            .into_iter()
            .flat_map(|(_, spans)| spans)
            .collect::<Vec<_>>(),
    )
}

/// Each tab of the bar with its spans, in order: ` label`, its mark (`…` while read, `!` when
/// the read failed), a blank; the short labels when the full ones do not fit in `width`.
fn tab_spans<'a>(
    state: &State,
    extras: Option<&Extras>,
    theme: &Theme,
    width: u16,
) -> Vec<(Tab, Vec<Span<'a>>)> {
    let mark = |tab: Tab| {
        let section = tab.section()?;
        let extras = extras?;
        if extras.is_loading(section) {
            Some(("…", theme.muted))
        } else if section_error(extras, section).is_some() {
            Some(("!", theme.danger))
        } else {
            None
        }
    };
    let full: usize = Tab::ALL
        .iter()
        .map(|t| t.label().width() + 2 + usize::from(mark(*t).is_some()))
        .sum();
    let short = full > usize::from(width);
    Tab::ALL
        .into_iter()
        .map(|tab| {
            let label = if short { tab.short() } else { tab.label() };
            let style = if tab == state.detail.tab {
                theme.selection
            } else {
                theme.muted
            };
            let mut spans = vec![Span::styled(format!(" {label}"), style)];
            if let Some((sign, sign_style)) = mark(tab) {
                spans.push(Span::styled(sign, sign_style));
            }
            spans.push(Span::styled(" ", style));
            (tab, spans)
        })
        .collect()
}

/// The tab whose label is at `column` of the bar drawn at `bar` (the detail pane's second
/// inner row), for the mouse; `None` off the labels or when no user is shown.
pub fn tab_at(state: &State, theme: &Theme, bar: Rect, column: u16) -> Option<Tab> {
    state.selected_user()?;
    if state.view.raw_json || !(bar.x..bar.right()).contains(&column) {
        return None;
    }
    let mut left = usize::from(bar.x);
    let at = usize::from(column);
    tab_spans(state, state.selected_extras(), theme, bar.width)
        .into_iter()
        .find_map(|(tab, spans)| {
            let right = left + spans.iter().map(|s| s.content.width()).sum::<usize>();
            let hit = (left..right).contains(&at);
            left = right;
            hit.then_some(tab)
        })
}

/// The error of section `kind`, if its last read failed.
fn section_error(extras: &Extras, kind: SectionKind) -> Option<&str> {
    match kind {
        SectionKind::Password => extras.password.error(),
        SectionKind::Devices => extras.devices.error(),
        SectionKind::Sessions => extras.sessions.error(),
        SectionKind::Groups => extras.groups.error(),
    }
}
