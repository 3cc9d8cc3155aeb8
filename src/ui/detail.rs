//! The detail pane: the user's name, a bar of tabs (each marking its own loading state and
//! error), and the tab shown. Sign-in holds the verdict (every cause, with the key that fixes
//! it) and one line per section; the other tabs hold the sections in full. Every line is broken
//! into rows here, hanging under its value or text, so nothing from PingOne ever starts a row
//! at the left edge, where the verdict stands.

mod account;
mod bar;
mod rows;

pub use bar::tab_at;

use std::fmt::Write as _;

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr as _;

use super::attributes::{LABEL_COLUMN, labelled, relative};
use super::wrap::wrap;
use crate::app::sections::{Extras, Section};
use crate::app::tabs::Tab;
use crate::app::{Action, Focus, KeyMap, Mode, State};
use crate::config::theme::Theme;
use crate::desk::diagnosis::{account_status, countdown};
use crate::desk::inert::{LONG_VALUE, capped, capped_error, fit, one_line};
use crate::desk::{Fix, OpKind, Verdict};
use crate::pingone::User;

/// What every tab draws from.
struct View<'a> {
    state: &'a State,
    keys: &'a KeyMap,
    theme: &'a Theme,
    user: &'a User,
    extras: Option<&'a Extras>,
    /// The wall-clock time now (relative times count from it).
    now: Timestamp,
}

impl View<'_> {
    /// How the key for `kind` is written (`b`), or its verb when nothing is bound to it.
    fn key(&self, kind: OpKind) -> String {
        self.keys
            .label_of(Mode::Detail, Action::Op(kind))
            .unwrap_or_else(|| kind.verb().to_owned())
    }
}

/// Draws the selected user's details.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame, area: Rect) {
    let title = if state.view.raw_json {
        " Detail: raw JSON "
    } else {
        " Detail "
    };
    let block = super::pane(
        Line::styled(title, theme.title),
        state.focus == Focus::Detail,
        theme,
    );
    let Some(user) = state.selected_user() else {
        let hint = Paragraph::new(Span::styled("No user selected", theme.muted)).block(block);
        frame.render_widget(hint, area);
        return;
    };
    if state.view.raw_json {
        super::raw_json::render(state, user, theme, frame, area, block);
        return;
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, bar, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let width = usize::from(inner.width);
    frame.render_widget(Paragraph::new(heading(user, width, theme)), head);
    let view = View {
        state,
        keys,
        theme,
        user,
        extras: state.selected_extras(),
        now: state.view.wall_now(state.now),
    };
    frame.render_widget(Paragraph::new(bar::tab_bar(&view, bar.width)), bar);
    let (lines, keep_in_view) = match state.detail.tab {
        // Only this tab needs the verdict: not worked out on other tabs' frames.
        Tab::SignIn => (
            state
                .verdict()
                .map_or_else(Vec::new, |verdict| sign_in(&view, &verdict)),
            None,
        ),
        Tab::Account => (account::account(&view), None),
        Tab::Password => (account::password(&view), None),
        Tab::Mfa => rows::mfa(&view),
        Tab::Sessions => rows::sessions(&view),
        Tab::Groups => (rows::groups(&view), None),
        Tab::Attributes => (account::attributes(&view), None),
    };
    // Each line hung under its value, and how many rows the lines up to each one take.
    let mut rows = Vec::new();
    let mut rows_through = Vec::with_capacity(lines.len());
    for line in &lines {
        rows.extend(wrap(line, width, indent_of(line, theme)));
        rows_through.push(rows.len());
    }
    let visible = usize::from(body.height);
    // In a tab of rows the selected row stays in view: scrolled just enough to show its last
    // line. Elsewhere the pane scrolls as the agent asks, and scrolled to the end the last page
    // is full, not one row.
    let scroll = if let Some(end) = keep_in_view {
        let end = end
            .min(lines.len())
            .checked_sub(1)
            .map_or(0, |i| rows_through[i]);
        end.saturating_sub(visible)
    } else {
        let last = rows.len().saturating_sub(visible);
        usize::from(state.detail_scroll).min(last)
    };
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(rows).scroll((scroll, 0)), body);
}

/// The first row: username and name, on one line whatever they hold (cut with `…` to fit).
fn heading<'a>(user: &User, width: usize, theme: &Theme) -> Line<'a> {
    let username = fit(&one_line(&user.username), width).into_owned();
    let room = width.saturating_sub(username.width() + 2);
    let name = fit(&one_line(&user.display_name().unwrap_or_default()), room).into_owned();
    Line::from(vec![
        Span::styled(username, theme.title),
        Span::raw("  "),
        Span::raw(name),
    ])
}

/// Where the rows after a line's first start: under a field's value, under a cause's text,
/// and two columns in otherwise.
fn indent_of(line: &Line<'_>, theme: &Theme) -> usize {
    match line.spans.first() {
        // A field: a label (or a value's indent) then its value.
        Some(head)
            if line.spans.len() > 1
                && head.content.ends_with(' ')
                && (head.style == theme.muted || head.content.trim().is_empty()) =>
        {
            head.width()
        }
        Some(first) if first.content.starts_with("  ") => 4,
        _ => 2,
    }
}

/// A section that is not (yet) there as one line: `reading…`, or why it could not be read.
fn missing<'a, T>(label: &str, section: Option<&Section<T>>, theme: &Theme) -> Option<Line<'a>> {
    match section {
        Some(s) if s.ok().is_some() => None,
        Some(s) => Some(match s.error() {
            Some(error) => field(label, capped_error(error, LONG_VALUE), theme.danger, theme),
            None if s.loading => field(label, "reading…", theme.muted, theme),
            None => field(label, "not read", theme.muted, theme),
        }),
        None => Some(field(label, "reading…", theme.muted, theme)),
    }
}

/// The Sign-in tab: the verdict, then one line per section.
fn sign_in<'a>(view: &View<'_>, verdict: &Verdict) -> Vec<Line<'a>> {
    let mut lines = verdict_lines(verdict, view);
    lines.extend(summary(view));
    lines
}

/// The headline, then one line per cause with its fix: the key that fixes it, or where.
fn verdict_lines<'a>(verdict: &Verdict, view: &View<'_>) -> Vec<Line<'a>> {
    let theme = view.theme;
    let headline = if verdict.blocked() {
        Line::styled(format!("✘ {}", verdict.headline()), theme.danger)
    } else {
        Line::styled(format!("✔ {}", verdict.headline()), theme.ok)
    };
    let mut lines = vec![headline];
    for cause in &verdict.causes {
        let (mark, style) = if cause.blocks {
            ("✘", theme.danger)
        } else {
            ("ℹ", theme.warning)
        };
        let fix = match &cause.fix {
            Fix::Op(kind) => format!("{}: {}", view.key(*kind), kind.verb()),
            Fix::Wait => "wait".to_owned(),
            Fix::Elsewhere(place) => place.clone(),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark} {}", cause.text), style),
            Span::styled(" — ", theme.muted),
            Span::styled(fix, theme.title),
        ]));
    }
    lines
}

/// One line per section: the account, password, MFA, sessions, population and groups.
fn summary<'a>(view: &View<'_>) -> Vec<Line<'a>> {
    let (state, theme, user) = (view.state, view.theme, view.user);
    let extras = view.extras;
    let lock_style = if user.is_locked() {
        theme.locked
    } else {
        theme.ok
    };
    let seconds = state
        .results
        .selected_row()
        .and_then(|row| row.seconds_until_unlock(state.now));
    let unlock_at = user.account.as_ref().and_then(|a| a.unlock_at);
    let lock = match (user.is_locked(), unlock_at, seconds) {
        (false, ..) => String::new(),
        (true, Some(at), Some(seconds)) => format!(" until {} ({})", time(at), left(seconds)),
        (true, Some(at), None) => format!(" until {}", time(at)),
        (true, None, _) => " until an admin unlocks it".to_owned(),
    };
    let mut lines = vec![field(
        "account",
        format!("{}{lock}", account_status(user)),
        lock_style,
        theme,
    )];
    lines.extend(account::password_line(view));
    let devices = extras.map(|e| &e.devices);
    let mfa = match user.mfa_enabled {
        Some(true) => "on",
        Some(false) => "off",
        None => "—",
    };
    lines.push(match devices.and_then(Section::ok) {
        Some(list) => {
            let now = devices
                .and_then(|d| d.wall_now(state.now))
                .unwrap_or(Timestamp::UNIX_EPOCH);
            let blocked = list.iter().filter(|d| d.is_blocked()).count();
            let locked = list
                .iter()
                .filter(|d| d.locked_until(now).is_some())
                .count();
            let mut text = format!("{mfa} · {} device{}", list.len(), plural(list.len()));
            for (n, what) in [(blocked, "blocked"), (locked, "locked")] {
                if n > 0 {
                    let _ = write!(text, ", {n} {what}");
                }
            }
            let style = if blocked + locked > 0 {
                theme.danger
            } else {
                Style::new()
            };
            field("MFA", text, style, theme)
        }
        None => missing("MFA", devices, theme).unwrap_or_default(),
    });
    let sessions = extras.map(|e| &e.sessions);
    lines.push(match sessions.and_then(Section::ok) {
        Some(list) => {
            let newest = list.first().and_then(|s| {
                let now = sessions?.wall_now(state.now)?;
                Some(format!(", newest active {}", relative(s.active_at?, now)))
            });
            let text = format!("{}{}", list.len(), newest.unwrap_or_default());
            field("sessions", text, Style::new(), theme)
        }
        None => missing("sessions", sessions, theme).unwrap_or_default(),
    });
    lines.push(population_line(view));
    let groups = extras.map(|e| &e.groups);
    lines.push(match groups.and_then(Section::ok) {
        Some(names) if names.is_empty() => field("groups", "none", theme.muted, theme),
        Some(names) => field("groups", names.join(", "), Style::new(), theme),
        None => missing("groups", groups, theme).unwrap_or_default(),
    });
    lines
}

/// The population's name (its id until read, or why it could not be read).
fn population_line<'a>(view: &View<'_>) -> Line<'a> {
    let theme = view.theme;
    match view.state.population() {
        None => field("population", "—", theme.muted, theme),
        Some((_, Some(section))) if section.ok().is_some() => {
            let name = section.ok().map(|p| p.name.clone()).unwrap_or_default();
            field("population", name, Style::new(), theme)
        }
        Some((id, section)) => missing("population", section, theme)
            .filter(|_| section.is_some_and(|s| s.error().is_some() || s.loading))
            .unwrap_or_else(|| field("population", id, Style::new(), theme)),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A label and its value on one line: the value single-line and cut past [`LONG_VALUE`]
/// characters with its length.
fn field<'a>(label: &str, value: impl Into<String>, style: Style, theme: &Theme) -> Line<'a> {
    // The main labels are short: the column always holds them, so the field is one line.
    let column = LABEL_COLUMN.max(label.chars().count() + 1);
    let value = capped(&value.into(), LONG_VALUE).into_owned();
    let mut lines = labelled(label, &[value], style, column, theme);
    lines.remove(0)
}

/// `2026-01-01 09:15:00 UTC`.
fn time(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// `in 4m 05s`, for a countdown shown beside a time.
fn left(seconds: u64) -> String {
    format!("in {}", countdown(seconds))
}

fn yes_no(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "—",
    }
}
