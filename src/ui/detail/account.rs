//! The Account, Password and Attributes tabs: the account and lifecycle with the lock's
//! countdown, where the user comes from, the password state, and every other attribute.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{View, field, left, missing, population_line, time, yes_no};
use crate::desk::diagnosis::account_status;
use crate::desk::inert;
use crate::pingone::PasswordStatus;
use crate::pingone::user::LifecycleStatus;
use crate::ui::attributes::{other_attributes, when};

/// The account tab: the lock with its countdown, lifecycle, enabled, MFA, identity provider,
/// population, last sign-on, dates, id.
pub(super) fn account<'a>(view: &View<'_>) -> Vec<Line<'a>> {
    let (state, theme, user) = (view.state, view.theme, view.user);
    let plain = Style::new();
    let account = user.account.clone().unwrap_or_default();
    let locked = user.is_locked();
    let lock_style = if locked { theme.locked } else { theme.ok };
    let seconds = state
        .results
        .selected_row()
        .and_then(|row| row.seconds_until_unlock(state.now));
    let unlock = match (account.unlock_at, seconds) {
        (Some(at), Some(seconds)) => format!("{} ({})", time(at), left(seconds)),
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
    let idp = user.identity_provider.clone().unwrap_or_default();
    let idp_text = match (idp.kind, idp.id) {
        (Some(kind), Some(id)) => format!("{kind} ({id})"),
        (Some(kind), None) => kind,
        (None, _) => "—".to_owned(),
    };
    let sign_on = user.last_sign_on.clone().unwrap_or_default();
    let sign_on_text = match (sign_on.at, sign_on.remote_ip) {
        (None, _) => "never".to_owned(),
        (at, Some(ip)) => format!("{} from {ip}", when(at, view.now)),
        (at, None) => when(at, view.now),
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
        field("locked at", when(account.locked_at, view.now), plain, theme),
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
        field("identity", idp_text, plain, theme),
        population_line(view),
        field("last sign-on", sign_on_text, plain, theme),
        field("created", when(user.created_at, view.now), plain, theme),
        field("updated", when(user.updated_at, view.now), plain, theme),
        field("id", user.id.clone(), theme.muted, theme),
    ]
}

/// The password's state in one line (or `reading…`, or why it could not be read).
pub(super) fn password_line<'a>(view: &View<'_>) -> Option<Line<'a>> {
    password(view).into_iter().next()
}

/// The password tab: its state, when it changed, its lockout countdown; or that it is being
/// read, or why it could not be.
pub(super) fn password<'a>(view: &View<'_>) -> Vec<Line<'a>> {
    let (state, theme) = (view.state, view.theme);
    let section = view.extras.map(|extras| &extras.password);
    let Some(password) = state.live_password() else {
        return missing("password", section, theme).into_iter().collect();
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
            when(password.last_changed_at, view.now),
            Style::new(),
            theme,
        ),
    ];
    if password.is_locked_out() {
        let unlocks = password
            .seconds_until_unlock
            .map_or_else(|| "never by itself: an admin must unlock".to_owned(), left);
        lines.push(field("pw unlocks", unlocks, theme.danger, theme));
    }
    lines
}

/// Every other attribute PingOne sent (structured values as lines, labels cut to their
/// column), or that there is none.
pub(super) fn attributes<'a>(view: &View<'_>) -> Vec<Line<'a>> {
    let lines = other_attributes(view.user, view.theme);
    if lines.is_empty() {
        return vec![Line::from(Span::styled(
            "No other attributes",
            view.theme.muted,
        ))];
    }
    lines
}
