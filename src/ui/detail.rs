//! The detail pane: the verdict (every cause, with the key that fixes it), then the account, the
//! password, where the user comes from, and every other attribute.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr as _;

use super::attributes::{LABEL_COLUMN, labelled, other_attributes, when};
use super::wrap::wrap;
use crate::app::{Action, Focus, KeyMap, Mode, State};
use crate::config::theme::Theme;
use crate::desk::diagnosis::{account_status, countdown};
use crate::desk::inert::{LONG_VALUE, capped, fit, one_line};
use crate::desk::{Fix, Verdict, inert};
use crate::pingone::user::LifecycleStatus;
use crate::pingone::{PasswordStatus, User};

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
    let (Some(user), Some(verdict)) = (state.selected_user(), state.verdict()) else {
        let hint = Paragraph::new(Span::styled("No user selected", theme.muted)).block(block);
        frame.render_widget(hint, area);
        return;
    };
    if state.view.raw_json {
        super::raw_json::render(state, user, theme, frame, area, block);
        return;
    }
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![heading(user, width, theme)];
    lines.extend(verdict_lines(&verdict, keys, theme));
    lines.extend(account_lines(state, user, theme));
    lines.extend(password_lines(state, theme));
    lines.extend(origin_lines(state, user, theme));
    lines.extend(other_attributes(user, theme));
    // Every line is broken into rows here, a field's rows indented under its value and any
    // other line's under its text: nothing from PingOne ever starts a row at the left edge,
    // where the verdict stands.
    let rows: Vec<Line<'_>> = lines
        .iter()
        .flat_map(|line| wrap(line, width, indent_of(line, theme)))
        .collect();
    // Scrolled to the end, the last page is full, not one row.
    let visible = usize::from(area.height.saturating_sub(2));
    let last = u16::try_from(rows.len().saturating_sub(visible)).unwrap_or(u16::MAX);
    let paragraph = Paragraph::new(rows)
        .block(block)
        .scroll((state.detail_scroll.min(last), 0));
    frame.render_widget(paragraph, area);
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

/// The headline, then one line per cause with its fix: the key that fixes it, or where.
fn verdict_lines<'a>(verdict: &Verdict, keys: &KeyMap, theme: &Theme) -> Vec<Line<'a>> {
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
            Fix::Op(kind) => match keys.label_of(Mode::Detail, Action::Op(*kind)) {
                Some(key) => format!("{key}: {}", kind.verb()),
                None => kind.verb().to_owned(),
            },
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

fn account_lines<'a>(state: &State, user: &User, theme: &Theme) -> Vec<Line<'a>> {
    let plain = Style::new();
    let account = user.account.clone().unwrap_or_default();
    let locked = user.is_locked();
    let lock_style = if locked { theme.locked } else { theme.ok };
    let now = state.view.wall_now(state.now);
    let left = state
        .results
        .selected_row()
        .and_then(|row| row.seconds_until_unlock(state.now));
    let unlock = match (account.unlock_at, left) {
        (Some(at), Some(left)) => format!("{} (in {})", time(at), countdown(left)),
        (Some(at), None) => time(at),
        (None, _) if locked => "never by itself: an admin must unlock".to_owned(),
        (None, _) => "—".to_owned(),
    };
    let lifecycle = user
        .lifecycle
        .as_ref()
        .and_then(|l| l.status.as_ref())
        .map_or("—", LifecycleStatus::as_str)
        .to_owned();
    let enabled_style = if user.enabled == Some(false) {
        theme.warning
    } else {
        plain
    };
    vec![
        field(
            "email",
            user.email.clone().unwrap_or_default(),
            plain,
            theme,
        ),
        field("account", account_status(user), lock_style, theme),
        field(
            "can sign in",
            yes_no(account.can_authenticate),
            lock_style,
            theme,
        ),
        field("locked at", when(account.locked_at, now), plain, theme),
        field(
            "unlocks at",
            unlock,
            if locked { theme.danger } else { plain },
            theme,
        ),
        field("lifecycle", lifecycle, plain, theme),
        field("enabled", yes_no(user.enabled), enabled_style, theme),
        field("MFA", yes_no(user.mfa_enabled), plain, theme),
        field(
            "ID verify",
            user.verify_status.clone().unwrap_or_else(|| "—".into()),
            plain,
            theme,
        ),
    ]
}

/// The password section: its state, when it changed, its lockout countdown; or that it is
/// being read, or why it could not be.
fn password_lines<'a>(state: &State, theme: &Theme) -> Vec<Line<'a>> {
    let plain = Style::new();
    let section = state.selected_extras().map(|extras| &extras.password);
    let Some(password) = state.live_password() else {
        let text = match section.and_then(|s| s.value.as_ref()) {
            Some(Err(error)) => Span::styled(one_line(error).into_owned(), theme.danger),
            _ => Span::styled("reading…", theme.muted),
        };
        return vec![Line::from(vec![
            Span::styled(format!("{:<13}", "password"), theme.muted),
            text,
        ])];
    };
    let style = match password.status {
        PasswordStatus::Ok => theme.ok,
        PasswordStatus::LockedOut | PasswordStatus::Expired | PasswordStatus::NoPassword => {
            theme.danger
        }
        _ => theme.warning,
    };
    let mut status = inert(password.status.as_str()).into_owned();
    if section.is_some_and(|s| s.loading) {
        status.push_str("  (reading again…)");
    }
    let mut lines = vec![
        field("password", status, style, theme),
        field(
            "pw changed",
            when(password.last_changed_at, state.view.wall_now(state.now)),
            plain,
            theme,
        ),
    ];
    if password.is_locked_out() {
        let unlocks = password.seconds_until_unlock.map_or_else(
            || "never by itself: an admin must unlock".to_owned(),
            |left| format!("in {}", countdown(left)),
        );
        lines.push(field("pw unlocks", unlocks, theme.danger, theme));
    }
    lines
}

/// Where the user comes from and when they were last seen.
fn origin_lines<'a>(state: &State, user: &User, theme: &Theme) -> Vec<Line<'a>> {
    let plain = Style::new();
    let now = state.view.wall_now(state.now);
    let idp = user.identity_provider.clone().unwrap_or_default();
    let idp_text = match (idp.kind, idp.id) {
        (Some(kind), Some(id)) => format!("{kind} ({id})"),
        (Some(kind), None) => kind,
        (None, _) => "—".to_owned(),
    };
    let sign_on = user.last_sign_on.clone().unwrap_or_default();
    let sign_on_text = match (sign_on.at, sign_on.remote_ip) {
        (None, _) => "never".to_owned(),
        (at, Some(ip)) => format!("{} from {ip}", when(at, now)),
        (at, None) => when(at, now),
    };
    let population = user.population.as_ref().map(|p| p.id.clone());
    vec![
        field("identity", idp_text, plain, theme),
        field("population", population.unwrap_or_default(), plain, theme),
        field("last sign-on", sign_on_text, plain, theme),
        field("created", when(user.created_at, now), plain, theme),
        field("updated", when(user.updated_at, now), plain, theme),
        field("id", user.id.clone(), theme.muted, theme),
    ]
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

fn time(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
}

fn yes_no(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "—",
    }
}
