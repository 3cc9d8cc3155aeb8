//! The detail pane: the selected user's account and lifecycle state, from the listed record.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::text::inert;
use crate::api::types::{AccountStatus, LifecycleStatus};
use crate::app::diagnosis::{blockers, external_provider};
use crate::app::state::Row;
use crate::app::{Focus, State};
use crate::config::theme::Theme;

/// Draws the selected user's details.
pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = super::pane(
        Line::styled(" Detail ", theme.title),
        state.focus == Focus::Detail,
        theme,
    );
    let Some(row) = state.results.selected_row() else {
        let hint = Paragraph::new(Span::styled("No user selected", theme.muted)).block(block);
        frame.render_widget(hint, area);
        return;
    };
    let user = row.user();
    let mut lines = detail_lines(&user, row, state, theme);
    lines.extend(other_attributes(&user, theme));
    let last = u16::try_from(lines.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((state.detail_scroll.min(last), 0));
    frame.render_widget(paragraph, area);
}

/// Custom and less common attributes (address, external ids, custom schema attributes), so
/// nothing PingOne sent is hidden; `_links` are plumbing and left out.
fn other_attributes<'a>(user: &crate::api::User, theme: &Theme) -> Vec<Line<'a>> {
    let mut extra: Vec<(&String, &serde_json::Value)> = user
        .extra
        .iter()
        .filter(|(key, _)| !key.starts_with('_'))
        .collect();
    extra.sort_by_key(|(key, _)| key.as_str());
    let mut known = vec![
        ("title", user.title.clone()),
        ("type", user.user_type.clone()),
        ("externalId", user.external_id.clone()),
        ("locale", user.locale.clone()),
        ("timezone", user.timezone.clone()),
        ("mobilePhone", user.mobile_phone.clone()),
    ];
    known.retain(|(_, value)| value.is_some());
    if extra.is_empty() && known.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        Line::from(""),
        Line::styled("Other attributes", theme.title),
    ];
    for (key, value) in known {
        lines.push(field(key, value.unwrap_or_default(), Style::new(), theme));
    }
    for (key, value) in extra {
        let text = match value {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        lines.push(field(key, text, Style::new(), theme));
    }
    lines
}

fn field<'a>(label: &str, value: impl Into<String>, style: Style, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{:<13}", inert(label)), theme.muted),
        Span::styled(inert(&value.into()).into_owned(), style),
    ])
}

fn time(at: Option<Timestamp>) -> String {
    at.map_or_else(
        || "—".to_owned(),
        |t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
    )
}

fn yes_no(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "—",
    }
}

fn detail_lines<'a>(
    user: &crate::api::User,
    row: &Row,
    state: &State,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let plain = Style::new();
    let account = user.account.clone().unwrap_or_default();
    let locked = account.status == Some(AccountStatus::Locked);
    let status = match &account.status {
        Some(AccountStatus::Ok) => "OK".to_owned(),
        Some(AccountStatus::Locked) => "LOCKED".to_owned(),
        Some(AccountStatus::Other(other)) => other.clone(),
        None => "—".to_owned(),
    };
    let lock_style = if locked { theme.danger } else { theme.ok };
    let name = user.display_name().unwrap_or_default();
    let mut lines = vec![Line::from(vec![
        Span::styled(inert(&user.username).into_owned(), theme.title),
        Span::raw("  "),
        Span::raw(inert(&name).into_owned()),
    ])];
    lines.extend(sign_in_line(user, theme));
    lines.extend([
        field(
            "email",
            user.email.clone().unwrap_or_default(),
            plain,
            theme,
        ),
        field("account", status, lock_style, theme),
        field(
            "can sign in",
            yes_no(account.can_authenticate),
            lock_style,
            theme,
        ),
        field("locked at", time(account.locked_at), plain, theme),
    ]);
    let unlock = match (account.unlock_at, row.seconds_until_unlock(state.now)) {
        (Some(at), Some(left)) => format!("{} (in {})", time(Some(at)), countdown(left)),
        (Some(at), None) => time(Some(at)),
        (None, _) if locked => "never by itself: an admin must unlock".to_owned(),
        (None, _) => "—".to_owned(),
    };
    lines.push(field(
        "unlocks at",
        unlock,
        if locked { theme.danger } else { plain },
        theme,
    ));
    let lifecycle = match user.lifecycle.as_ref().and_then(|l| l.status.clone()) {
        Some(LifecycleStatus::AccountOk) => "ACCOUNT_OK".to_owned(),
        Some(LifecycleStatus::VerificationRequired) => "VERIFICATION_REQUIRED".to_owned(),
        Some(LifecycleStatus::Other(other)) => other,
        None => "—".to_owned(),
    };
    let enabled_style = if user.enabled == Some(false) {
        theme.warning
    } else {
        plain
    };
    lines.extend([
        field("lifecycle", lifecycle, plain, theme),
        field("enabled", yes_no(user.enabled), enabled_style, theme),
        field("MFA", yes_no(user.mfa_enabled), plain, theme),
        field(
            "ID verify",
            user.verify_status.clone().unwrap_or_else(|| "—".into()),
            plain,
            theme,
        ),
    ]);
    lines.extend(origin_lines(user, theme));
    lines
}

/// Where the user comes from and when they were last seen.
fn origin_lines<'a>(user: &crate::api::User, theme: &Theme) -> Vec<Line<'a>> {
    let plain = Style::new();
    let idp = user.identity_provider.clone().unwrap_or_default();
    let idp_text = match (idp.kind, idp.id) {
        (Some(kind), Some(id)) => format!("{kind} ({id})"),
        (Some(kind), None) => kind,
        (None, _) => "—".to_owned(),
    };
    let sign_on = user.last_sign_on.clone().unwrap_or_default();
    let sign_on_text = match (sign_on.at, sign_on.remote_ip) {
        (None, _) => "never".to_owned(),
        (at, Some(ip)) => format!("{} from {ip}", time(at)),
        (at, None) => time(at),
    };
    vec![
        field("identity", idp_text, plain, theme),
        field(
            "population",
            user.population
                .as_ref()
                .map(|p| p.id.clone())
                .unwrap_or_default(),
            plain,
            theme,
        ),
        field("last sign-on", sign_on_text, plain, theme),
        field("created", time(user.created_at), plain, theme),
        field("updated", time(user.updated_at), plain, theme),
        field("id", user.id.clone(), theme.muted, theme),
    ]
}

/// Whether the user can sign in and, if not, every reason why.
fn sign_in_line<'a>(user: &crate::api::User, theme: &Theme) -> Vec<Line<'a>> {
    let reasons = blockers(user);
    let mut lines = vec![if reasons.is_empty() {
        Line::styled("✔ nothing stops this user signing in", theme.ok)
    } else {
        Line::styled(
            format!("✘ cannot sign in: {}", reasons.join("; ")),
            theme.danger,
        )
    }];
    if let Some(note) = external_provider(user) {
        lines.push(Line::styled(format!("ℹ {}", inert(&note)), theme.warning));
    }
    lines
}

/// `1h 02m 05s`, `4m 09s`, `7s`.
fn countdown(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s:02}s"),
        _ => format!("{h}h {m:02}m {s:02}s"),
    }
}
