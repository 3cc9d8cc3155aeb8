//! Human output for the commands: tables laid out by comfy-table (display widths measured, long
//! values cut with `…`), every user-supplied value made inert. Status words carry colour, which
//! anstream drops when stdout is not a terminal, under `NO_COLOR`, `CLICOLOR=0` or `--no-color`.

use std::fmt::Write as _;

use anstyle::AnsiColor;
use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement, Row, Table, Width};

use crate::desk::diagnosis::{account_status, countdown, countdown_to};
use crate::desk::inert::{LONG_VALUE, capped, one_line};
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

/// The widest a table column grows (display columns); longer values are cut with `…`.
pub const MAX_COLUMN: u16 = 40;

/// The status word, coloured (red and bold when locked, yellow when disabled or unverified,
/// green when fine).
fn status(user: &User) -> String {
    let word = status_word(user);
    let style = match word {
        StatusWord::Locked => AnsiColor::Red.on_default().bold(),
        StatusWord::Disabled | StatusWord::Unverified => AnsiColor::Yellow.on_default(),
        StatusWord::Ok => AnsiColor::Green.on_default(),
    };
    format!("{style}{}{style:#}", word.as_str())
}

/// Users as a table: USERNAME NAME EMAIL STATUS ID, one line each, long values cut.
pub fn table(users: &[User]) -> String {
    let mut table = Table::new();
    table
        .load_style(comfy_table::presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_truncation_indicator("…")
        .set_header(["USERNAME", "NAME", "EMAIL", "STATUS", "ID"]);
    for user in users {
        let mut row = Row::from(vec![
            Cell::new(one_line(&user.username)),
            Cell::new(one_line(&user.display_name().unwrap_or_default())),
            Cell::new(one_line(user.email.as_deref().unwrap_or(""))),
            Cell::new(status(user)),
            Cell::new(one_line(&user.id)),
        ]);
        row.max_height(1);
        table.add_row(row);
    }
    let last = table.column_count().saturating_sub(1);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if i == last { 0 } else { 2 }));
        column.set_cell_alignment(CellAlignment::Left);
        if i < 3 {
            column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(MAX_COLUMN)));
        }
    }
    let mut out = String::new();
    for line in table.lines() {
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// `2026-01-01T09:15:00Z`, or `-`.
fn time(at: Option<jiff::Timestamp>) -> String {
    at.map_or_else(|| "-".to_owned(), |t| t.to_string())
}

/// A value from PingOne on one line, cut past [`LONG_VALUE`] characters; `-` when absent.
fn text(value: Option<&str>) -> String {
    capped(value.unwrap_or("-"), LONG_VALUE).into_owned()
}

/// One user as `label  value` lines: the verdict and every cause with its fix first, then the
/// account, password, MFA devices, sessions, population and groups.
pub fn details(picture: &Picture) -> String {
    let user = &picture.user;
    let password = picture.password.as_ref();
    let account = user.account.clone().unwrap_or_default();
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
                capped(&user.username, LONG_VALUE),
                capped(&user.display_name().unwrap_or_default(), LONG_VALUE)
            ),
        ),
        ("verdict", verdict.headline().to_owned()),
    ];
    for cause in &verdict.causes {
        let id = one_line(&user.id);
        let fix = match (&cause.fix, &cause.target) {
            (Fix::Op(kind), Target::Device(target) | Target::Session(target)) => format!(
                "pingdesk users {} {id} {}",
                kind.cli_name(),
                one_line(target)
            ),
            (Fix::Op(kind), _) => format!("pingdesk users {} {id}", kind.cli_name()),
            (Fix::Wait, _) => "none: it ends by itself".to_owned(),
            (Fix::Elsewhere(place), _) => place.clone(),
        };
        let label = if cause.blocks { "cause" } else { "note" };
        lines.push((label, format!("{} (fix: {fix})", cause.text)));
    }
    lines.extend([
        ("status", status(user)),
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
                (Some(p), _) => format!("{} ({})", capped(&p.name, LONG_VALUE), one_line(&p.id)),
                (None, id) => text(id.as_ref().map(|p| p.id.as_str())),
            },
        ),
        (
            "groups",
            picture
                .groups
                .as_ref()
                .filter(|g| !g.is_empty())
                .map_or_else(|| "-".to_owned(), |g| text(Some(&g.join(", ")))),
        ),
        (
            "last sign-on",
            time(user.last_sign_on.as_ref().and_then(|s| s.at)),
        ),
        ("id", one_line(&user.id).into_owned()),
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
    let mut states = vec![text(
        device
            .status
            .as_ref()
            .map(crate::pingone::device::DeviceStatus::as_str),
    )];
    if device.is_blocked() {
        let since = device.block.as_ref().and_then(|b| b.blocked_at);
        states.push(format!("BLOCKED since {}", time(since)));
    }
    if let Some(until) = device.locked_until(now) {
        states.push(format!(
            "LOCKED until {until} (in {})",
            countdown_to(until, now)
        ));
    }
    format!(
        "{}  {}  id {}",
        device_label(device),
        states.join("  "),
        one_line(&device.id)
    )
}

/// `Chrome 126.0 on Mac OS X 14.5  london, united kingdom (203.0.113.10); …  started …
/// active …  id …`.
fn session_line(session: &Session) -> String {
    format!(
        "{}  {}  started {}  active {}  id {}",
        text(Some(&session.client())),
        session_places(session).unwrap_or_else(|| "no location".to_owned()),
        time(session.created_at),
        time(session.active_at),
        one_line(&session.id)
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
        ("user", capped(&user.username, LONG_VALUE).into_owned()),
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
    let mut lines = vec![("user", capped(&user.username, LONG_VALUE).into_owned())];
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
        ("user", capped(&user.username, LONG_VALUE).into_owned()),
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

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr as _;

    use super::*;
    use crate::pingone::user::Name;

    fn named(username: &str, formatted: &str) -> User {
        User {
            id: format!("id-{username}"),
            username: username.into(),
            name: Some(Name {
                formatted: Some(formatted.into()),
                ..Name::default()
            }),
            ..User::default()
        }
    }

    fn plain(text: &str) -> String {
        anstream::adapter::strip_str(text).to_string()
    }

    #[test]
    fn a_huge_name_is_cut_and_pads_no_other_row() {
        let huge = "N".repeat(10_000);
        let out = plain(&table(&[named("long", &huge), named("short", "Sam")]));
        for line in out.lines() {
            assert!(line.width() < 200, "{} columns: {line:.80}", line.width());
        }
        assert!(out.contains("…"), "{out}");
        let short = out.lines().find(|l| l.starts_with("short")).expect("a row");
        assert!(short.contains("Sam"), "{short}");
    }

    #[test]
    fn wide_characters_keep_the_columns_aligned() {
        let out = plain(&table(&[named("tanaka", "田中太郎"), named("bob", "Bob")]));
        let status_at: Vec<usize> = out
            .lines()
            .map(|line| {
                let byte = line
                    .find("STATUS")
                    .or_else(|| line.find("OK"))
                    .expect("a status");
                line[..byte].width()
            })
            .collect();
        assert!(status_at.windows(2).all(|w| w[0] == w[1]), "{out}");
    }

    #[test]
    fn status_words_carry_colour_for_anstream_to_keep_or_drop() {
        let mut locked = named("l", "L");
        locked.account = Some(crate::pingone::user::Account {
            status: Some(crate::pingone::user::AccountStatus::Locked),
            ..Default::default()
        });
        let text = table(&[locked]);
        assert!(
            text.contains("\u{1b}[1m\u{1b}[31mLOCKED\u{1b}[0m"),
            "{text:?}"
        );
        assert_eq!(
            plain(&text).lines().nth(1).map(|l| l.contains("LOCKED")),
            Some(true)
        );
    }
}
