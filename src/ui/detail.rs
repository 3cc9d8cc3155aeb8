//! The detail pane: the user's name, a bar of tabs (each marking its own loading state and
//! error), and the tab shown. Sign-in holds the verdict (every cause, with the key that fixes
//! it) and one line per section; the other tabs hold the sections in full.

mod account;
mod rows;

use std::fmt::Write as _;

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr as _;

use crate::app::sections::{Extras, Section};
use crate::app::tabs::Tab;
use crate::app::{Action, Focus, KeyMap, Mode, State};
use crate::config::theme::Theme;
use crate::desk::diagnosis::{account_status, countdown};
use crate::desk::{Fix, OpKind, Verdict, inert};
use crate::pingone::User;

/// What every tab draws from.
struct View<'a> {
    state: &'a State,
    keys: &'a KeyMap,
    theme: &'a Theme,
    user: &'a User,
    extras: Option<&'a Extras>,
}

impl View<'_> {
    /// How the key for `kind` is written (`b`), or its verb when nothing is bound to it.
    fn key(&self, kind: OpKind) -> String {
        self.keys
            .label_of(Mode::Browse, Action::Op(kind))
            .map_or_else(|| kind.verb().to_owned(), str::to_owned)
    }
}

/// Draws the selected user's details.
pub fn render(state: &State, keys: &KeyMap, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = super::pane(
        Line::styled(" Detail ", theme.title),
        state.focus == Focus::Detail,
        theme,
    );
    let (Some(user), Some(verdict)) = (state.selected_user(), state.verdict()) else {
        let hint = Paragraph::new(Span::styled("No user selected", theme.muted)).block(block);
        frame.render_widget(hint, area);
        return;
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, bar, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let name = user.display_name().unwrap_or_default();
    let title = Line::from(vec![
        Span::styled(inert(&user.username).into_owned(), theme.title),
        Span::raw("  "),
        Span::raw(inert(&name).into_owned()),
    ]);
    frame.render_widget(Paragraph::new(title), head);
    let view = View {
        state,
        keys,
        theme,
        user,
        extras: state.selected_extras(),
    };
    frame.render_widget(Paragraph::new(tab_bar(&view, bar.width)), bar);
    let (lines, keep_in_view) = match state.detail.tab {
        Tab::SignIn => (sign_in(&view, &verdict), None),
        Tab::Account => (account::account(&view), None),
        Tab::Password => (account::password(&view), None),
        Tab::Mfa => rows::mfa(&view),
        Tab::Sessions => rows::sessions(&view),
        Tab::Groups => (rows::groups(&view), None),
        Tab::Attributes => (account::attributes(&view), None),
    };
    // In a tab of rows the selected row stays in view: scrolled just enough to show its last
    // line. Elsewhere the pane scrolls as the agent asks.
    let scroll = if let Some(end) = keep_in_view {
        let end = wrapped_height(&lines[..end.min(lines.len())], body.width);
        end.saturating_sub(body.height)
    } else {
        let last = u16::try_from(lines.len().saturating_sub(1)).unwrap_or(u16::MAX);
        state.detail_scroll.min(last)
    };
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(paragraph, body);
}

/// How many rows `lines` take when wrapped at `width`.
fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines
        .iter()
        .map(|line| {
            let w: usize = line.spans.iter().map(|s| s.content.width()).sum();
            w.div_ceil(width).max(1)
        })
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// The tabs, the one shown highlighted; each with `…` while its section is read and `!` when
/// the read failed. Short labels when the full ones do not fit.
fn tab_bar<'a>(view: &View<'_>, width: u16) -> Line<'a> {
    let theme = view.theme;
    let mark = |tab: Tab| {
        let section = tab.section()?;
        let extras = view.extras?;
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
    let mut spans = Vec::new();
    for tab in Tab::ALL {
        let label = if short { tab.short() } else { tab.label() };
        let style = if tab == view.state.detail.tab {
            theme.selection
        } else {
            theme.muted
        };
        spans.push(Span::styled(format!(" {label}"), style));
        if let Some((sign, sign_style)) = mark(tab) {
            spans.push(Span::styled(sign, sign_style));
        }
        spans.push(Span::styled(" ", style));
    }
    Line::from(spans)
}

/// The error of section `kind`, if its last read failed.
fn section_error(extras: &Extras, kind: crate::app::sections::SectionKind) -> Option<&str> {
    use crate::app::sections::SectionKind as K;
    match kind {
        K::Password => extras.password.error(),
        K::Devices => extras.devices.error(),
        K::Sessions => extras.sessions.error(),
        K::Groups => extras.groups.error(),
    }
}

/// A section that is not (yet) there as one line: `reading…`, or why it could not be read.
fn missing<'a, T>(label: &str, section: Option<&Section<T>>, theme: &Theme) -> Option<Line<'a>> {
    match section {
        Some(s) if s.ok().is_some() => None,
        Some(s) => Some(match s.error() {
            Some(error) => field(label, error, theme.danger, theme),
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
        theme.danger
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
        (true, Some(at), Some(seconds)) => format!(" until {} ({})", time(Some(at)), left(seconds)),
        (true, Some(at), None) => format!(" until {}", time(Some(at))),
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
                Some(format!(", newest active {}", ago(now, s.active_at?)))
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

/// `just now`, `5m ago`, `3h ago`, `2d ago` (`now` and `at` are wall-clock times).
fn ago(now: Timestamp, at: Timestamp) -> String {
    let secs = u64::try_from(now.duration_since(at).as_secs()).unwrap_or(0);
    match secs {
        0..60 => "just now".to_owned(),
        60..3600 => format!("{}m ago", secs / 60),
        3600..86_400 => format!("{}h ago", secs / 3600),
        _ => format!("{}d ago", secs / 86_400),
    }
}

/// `label        value`, the value inert.
fn field<'a>(label: &str, value: impl Into<String>, style: Style, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{:<13}", inert(label)), theme.muted),
        Span::styled(inert(&value.into()).into_owned(), style),
    ])
}

/// `2026-01-01 09:15:00 UTC`, or `—`.
fn time(at: Option<Timestamp>) -> String {
    at.map_or_else(
        || "—".to_owned(),
        |t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
    )
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
