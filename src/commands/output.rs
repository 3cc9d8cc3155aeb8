//! Human output for the commands: aligned columns, colour only on a terminal without `NO_COLOR`,
//! and every user-supplied value made inert.

use std::fmt::Write as _;
use std::io::IsTerminal as _;

use unicode_width::UnicodeWidthStr as _;

use crate::desk::diagnosis::{account_status, countdown};
use crate::desk::known::{device_label, session_places};
use crate::desk::{Fix, Known, StatusWord, Target, Verdict, inert, status_word};
use crate::pingone::{Device, PasswordState, Population, Session, User};

/// Everything `users show` prints about one user (what could not be read is `None`).
pub struct Picture {
    /// The record.
    pub user: User,
    /// The password state.
    pub password: Option<PasswordState>,
    /// The MFA devices.
    pub devices: Option<Vec<Device>>,
    /// The sessions, newest first.
    pub sessions: Option<Vec<Session>>,
    /// The group names.
    pub groups: Option<Vec<String>>,
    /// The population.
    pub population: Option<Population>,
    /// When it was read (device locks are judged then).
    pub now: jiff::Timestamp,
}

/// Whether to colour standard output.
pub fn colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// The status word, red/yellow/green when colouring, padded to 10 columns.
fn status(user: &User, colour: bool) -> String {
    let word = status_word(user);
    let padded = format!("{:<10}", word.as_str());
    let code = match word {
        StatusWord::Locked => "31;1",
        StatusWord::Disabled | StatusWord::Unverified => "33",
        StatusWord::Ok => "32",
    };
    if colour {
        format!("\u{1b}[{code}m{padded}\u{1b}[0m")
    } else {
        padded
    }
}

/// Users as aligned columns: USERNAME NAME EMAIL STATUS ID.
pub fn table(users: &[User], colour: bool) -> String {
    let rows: Vec<[String; 3]> = users
        .iter()
        .map(|u| {
            [
                inert(&u.username).into_owned(),
                inert(&u.display_name().unwrap_or_default()).into_owned(),
                inert(u.email.as_deref().unwrap_or("")).into_owned(),
            ]
        })
        .collect();
    let titles = ["USERNAME", "NAME", "EMAIL"];
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].width())
            .chain([titles[i].width()])
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2)];
    let pad =
        |text: &str, w: usize| format!("{text}{}", " ".repeat(w.saturating_sub(text.width())));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}  {}  {:<10}  ID",
        pad(titles[0], widths[0]),
        pad(titles[1], widths[1]),
        pad(titles[2], widths[2]),
        "STATUS"
    );
    for (row, user) in rows.iter().zip(users) {
        let _ = writeln!(
            out,
            "{}  {}  {}  {}  {}",
            pad(&row[0], widths[0]),
            pad(&row[1], widths[1]),
            pad(&row[2], widths[2]),
            status(user, colour),
            user.id
        );
    }
    out
}

/// `2026-01-01T09:15:00Z`, or `-`.
fn time(at: Option<jiff::Timestamp>) -> String {
    at.map_or_else(|| "-".to_owned(), |t| t.to_string())
}

/// One user as `label  value` lines: the verdict and every cause with its fix first, then the
/// account, password, MFA devices, sessions, population and groups.
pub fn details(picture: &Picture, colour: bool) -> String {
    let user = &picture.user;
    let password = picture.password.as_ref();
    let account = user.account.clone().unwrap_or_default();
    let text = |v: Option<&str>| inert(v.unwrap_or("-")).into_owned();
    let known = Known {
        user,
        password,
        devices: picture.devices.as_deref(),
        sessions: picture.sessions.as_deref(),
        now: picture.now,
    };
    let verdict = Verdict::of(&known, 0);
    let unlocks = match (account.unlock_at, account.seconds_until_unlock) {
        (Some(at), Some(left)) => format!("{at} (in {})", countdown(left)),
        (Some(at), None) => at.to_string(),
        (None, _) if user.is_locked() => "never by itself: an admin must unlock".to_owned(),
        (None, _) => "-".to_owned(),
    };
    let mut lines = vec![
        (
            "user",
            format!(
                "{} ({})",
                inert(&user.username),
                inert(&user.display_name().unwrap_or_default())
            ),
        ),
        ("verdict", verdict.headline().to_owned()),
    ];
    for cause in &verdict.causes {
        let fix = match (&cause.fix, &cause.target) {
            (Fix::Op(kind), Target::Device(target) | Target::Session(target)) => format!(
                "pingdesk users {} {} {}",
                kind.cli_name(),
                user.id,
                inert(target)
            ),
            (Fix::Op(kind), _) => format!("pingdesk users {} {}", kind.cli_name(), user.id),
            (Fix::Wait, _) => "none: it ends by itself".to_owned(),
            (Fix::Elsewhere(place), _) => place.clone(),
        };
        let label = if cause.blocks { "cause" } else { "note" };
        lines.push((label, format!("{} (fix: {fix})", cause.text)));
    }
    lines.extend([
        ("status", status(user, colour).trim_end().to_owned()),
        ("email", text(user.email.as_deref())),
        ("account", account_status(user)),
        ("locked at", time(account.locked_at)),
        ("unlocks at", unlocks),
        (
            "password",
            password.map_or_else(|| "-".to_owned(), |p| inert(p.status.as_str()).into_owned()),
        ),
        ("enabled", user.enabled.unwrap_or(true).to_string()),
        ("MFA", user.mfa_enabled.unwrap_or(false).to_string()),
        (
            "identity",
            text(
                user.identity_provider
                    .as_ref()
                    .and_then(|i| i.kind.as_deref()),
            ),
        ),
        (
            "population",
            match (&picture.population, &user.population) {
                (Some(p), _) => format!("{} ({})", inert(&p.name), inert(&p.id)),
                (None, id) => text(id.as_ref().map(|p| p.id.as_str())),
            },
        ),
        (
            "groups",
            picture
                .groups
                .as_ref()
                .filter(|g| !g.is_empty())
                .map_or_else(|| "-".to_owned(), |g| inert(&g.join(", ")).into_owned()),
        ),
        (
            "last sign-on",
            time(user.last_sign_on.as_ref().and_then(|s| s.at)),
        ),
        ("id", user.id.clone()),
    ]);
    for device in picture.devices.iter().flatten() {
        lines.push(("MFA device", device_line(device, picture.now)));
    }
    for session in picture.sessions.iter().flatten() {
        lines.push(("session", session_line(session)));
    }
    aligned(&lines)
}

/// `SMS +1 •••• 0150  ACTIVE  BLOCKED since …  id …`.
fn device_line(device: &Device, now: jiff::Timestamp) -> String {
    let mut states = vec![
        device
            .status
            .as_ref()
            .map_or("-", crate::pingone::device::DeviceStatus::as_str)
            .to_owned(),
    ];
    if device.is_blocked() {
        let since = device.block.as_ref().and_then(|b| b.blocked_at);
        states.push(format!("BLOCKED since {}", time(since)));
    }
    if let Some(until) = device.locked_until(now) {
        let left = u64::try_from(until.duration_since(now).as_secs()).unwrap_or(0);
        states.push(format!("LOCKED until {until} (in {})", countdown(left)));
    }
    format!(
        "{}  {}  id {}",
        device_label(device),
        inert(&states.join("  ")),
        inert(&device.id)
    )
}

/// `Chrome 126.0 on Mac OS X 14.5  london, united kingdom (203.0.113.10); …  started …
/// active …  id …`.
fn session_line(session: &Session) -> String {
    format!(
        "{}  {}  started {}  active {}  id {}",
        inert(&session.client()),
        session_places(session).unwrap_or_else(|| "no location".to_owned()),
        time(session.created_at),
        time(session.active_at),
        inert(&session.id)
    )
}

/// A user's MFA devices as `label  value` lines: whether MFA is on, then one line per device.
pub fn devices_table(user: &User, devices: &[Device], now: jiff::Timestamp) -> String {
    let mfa = match user.mfa_enabled {
        Some(true) => "on",
        Some(false) => "off",
        None => "-",
    };
    let mut lines = vec![
        ("user", inert(&user.username).into_owned()),
        ("MFA", mfa.to_owned()),
    ];
    if devices.is_empty() {
        lines.push(("MFA device", "none".to_owned()));
    }
    lines.extend(devices.iter().map(|d| ("MFA device", device_line(d, now))));
    aligned(&lines)
}

/// A user's sessions as `label  value` lines, newest first.
pub fn sessions_table(user: &User, sessions: &[Session]) -> String {
    let mut lines = vec![("user", inert(&user.username).into_owned())];
    if sessions.is_empty() {
        lines.push(("session", "none".to_owned()));
    }
    lines.extend(sessions.iter().map(|s| ("session", session_line(s))));
    aligned(&lines)
}

/// A user's password state as `label  value` lines.
pub fn password_details(user: &User, password: &PasswordState) -> String {
    let unlocks = match (password.is_locked_out(), password.seconds_until_unlock) {
        (false, _) => "-".to_owned(),
        (true, Some(left)) => format!("in {}", countdown(left)),
        (true, None) => "never by itself: an admin must unlock".to_owned(),
    };
    let lines = [
        ("user", inert(&user.username).into_owned()),
        ("status", inert(password.status.as_str()).into_owned()),
        (
            "changed",
            password
                .last_changed_at
                .map_or_else(|| "-".to_owned(), |t| t.to_string()),
        ),
        ("unlocks", unlocks),
    ];
    aligned(&lines)
}

fn aligned(lines: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (label, value) in lines {
        let _ = writeln!(out, "{label:<13}{value}");
    }
    out
}
