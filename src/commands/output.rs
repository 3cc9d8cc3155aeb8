//! Human output for the commands: tables laid out by comfy-table (display widths measured, long
//! values cut with `…`), every user-supplied value made inert. Status words carry colour, which
//! anstream drops when stdout is not a terminal, under `NO_COLOR`, `CLICOLOR=0` or `--no-color`.

use std::fmt::Write as _;

use anstyle::AnsiColor;
use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement, Row, Table, Width};

use crate::desk::diagnosis::{account_status, countdown};
use crate::desk::inert::{LONG_VALUE, capped, one_line};
use crate::desk::{Fix, StatusWord, Verdict, inert, status_word};
use crate::pingone::{PasswordState, User};

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

/// One user as `label  value` lines: the verdict and every cause with its fix first.
pub fn details(user: &User, password: Option<&PasswordState>) -> String {
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
