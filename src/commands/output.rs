//! Human output for the commands: aligned columns, colour only on a terminal without `NO_COLOR`,
//! and every user-supplied value made inert.

use std::fmt::Write as _;
use std::io::IsTerminal as _;

use unicode_width::UnicodeWidthStr as _;

use crate::desk::diagnosis::{account_status, countdown};
use crate::desk::inert::{LONG_VALUE, capped, fit, one_line};
use crate::desk::{Fix, StatusWord, Verdict, inert, status_word};
use crate::pingone::{PasswordState, User};

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

/// Widest a text column of [`table`] grows, in terminal columns; longer values are cut with `…`.
pub const MAX_COLUMN: usize = 40;

/// Users as aligned columns: USERNAME NAME EMAIL STATUS ID. Each value is on one line and a
/// column is at most [`MAX_COLUMN`] wide, so one long value cannot pad every row.
pub fn table(users: &[User], colour: bool) -> String {
    let cell = |text: &str| fit(&one_line(text), MAX_COLUMN).into_owned();
    let rows: Vec<[String; 3]> = users
        .iter()
        .map(|u| {
            [
                cell(&u.username),
                cell(&u.display_name().unwrap_or_default()),
                cell(u.email.as_deref().unwrap_or("")),
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
            one_line(&user.id)
        );
    }
    out
}

/// One user as `label  value` lines: the verdict and every cause with its fix first.
pub fn details(user: &User, password: Option<&PasswordState>, colour: bool) -> String {
    let account = user.account.clone().unwrap_or_default();
    let time = |t: Option<jiff::Timestamp>| t.map_or_else(|| "-".to_owned(), |t| t.to_string());
    let text = |v: Option<&str>| capped(v.unwrap_or("-"), LONG_VALUE).into_owned();
    let verdict = Verdict::of(user, password, 0);
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
        let fix = match &cause.fix {
            Fix::Op(kind) => format!("pingdesk users {} {}", kind.cli_name(), one_line(&user.id)),
            Fix::Elsewhere(place) => place.clone(),
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
            text(user.population.as_ref().map(|p| p.id.as_str())),
        ),
        (
            "last sign-on",
            time(user.last_sign_on.as_ref().and_then(|s| s.at)),
        ),
        ("id", one_line(&user.id).into_owned()),
    ]);
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
