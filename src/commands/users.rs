//! `pingdesk users find|show|unlock|lock`.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use super::output::{colour, details, table};
use super::{Exit, Failure, Session};
use crate::api::filter::quote;
use crate::api::{User, UserQuery};
use crate::cli::UsersCommand;
use crate::ui::text::inert;

/// Runs one `users` subcommand.
pub async fn run(session: &Session, command: UsersCommand) -> Result<Exit, Failure> {
    match command {
        UsersCommand::Find { text, limit, json } => {
            let page = session
                .client
                .find_users(&UserQuery::from_input(&text), limit)
                .await?;
            if json {
                print_json(&serde_json::json!({ "count": page.count, "users": page.users }))?;
            } else if page.users.is_empty() {
                eprintln!("No users match {}", inert(&text));
                return Ok(Exit::NotFound);
            } else {
                print!("{}", table(&page.users, colour()));
            }
            Ok(Exit::Ok)
        }
        UsersCommand::Show { user, json } => {
            let user = resolve(session, &user).await?;
            if json {
                print_json(&user)?;
            } else {
                print!("{}", details(&user, colour()));
            }
            Ok(Exit::Ok)
        }
        UsersCommand::Unlock { user, yes, json } => {
            refuse_if_read_only(session, "unlock")?;
            let user = resolve(session, &user).await?;
            if !user.is_locked() {
                eprintln!("{} is not locked: nothing to unlock", inert(&user.username));
                return finish(json, "unlock", &user);
            }
            confirm(session, "Unlock", &user, yes)?;
            let unlocked = session.client.unlock_user(&user.id).await?;
            tracing::info!(user_id = %unlocked.id, username = %unlocked.username, actor = session.client.actor(), "unlocked account (CLI)");
            eprintln!("Unlocked {}", inert(&unlocked.username));
            finish(json, "unlock", &unlocked)
        }
        UsersCommand::Lock {
            user,
            for_,
            until,
            yes,
            json,
        } => {
            refuse_if_read_only(session, "lock")?;
            let unlock_at = unlock_time(for_.as_deref(), until.as_deref())?;
            let user = resolve(session, &user).await?;
            confirm(session, "Lock", &user, yes)?;
            let locked = session.client.lock_user(&user.id, unlock_at).await?;
            tracing::info!(user_id = %locked.id, username = %locked.username, actor = session.client.actor(), ?unlock_at, "locked account (CLI)");
            eprintln!("Locked {}", inert(&locked.username));
            finish(json, "lock", &locked)
        }
    }
}

fn finish(json: bool, action: &str, user: &User) -> Result<Exit, Failure> {
    if json {
        print_json(&serde_json::json!({ "action": action, "user": user }))?;
    }
    Ok(Exit::Ok)
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::new(Exit::Failure, e.to_string()))?;
    println!("{text}");
    Ok(())
}

fn refuse_if_read_only(session: &Session, action: &str) -> Result<(), Failure> {
    if session.read_only() {
        return Err(Failure::new(
            Exit::Refused,
            format!("read-only: refusing to {action} (this connection is configured read-only)"),
        ));
    }
    Ok(())
}

/// The one user a username, email or id names.
async fn resolve(session: &Session, text: &str) -> Result<User, Failure> {
    let text = text.trim();
    let query = match UserQuery::from_input(text) {
        UserQuery::Id(id) => UserQuery::Id(id),
        _ if text.contains('@') => {
            UserQuery::Filter(format!("username eq {0} or email eq {0}", quote(text)))
        }
        _ => UserQuery::Filter(format!("username eq {}", quote(text))),
    };
    let page = session.client.find_users(&query, 20).await?;
    match page.users.as_slice() {
        [] => Err(Failure::new(
            Exit::NotFound,
            format!("no user matches {}", inert(text)),
        )),
        [one] => Ok(one.clone()),
        many => Err(Failure::new(
            Exit::Ambiguous,
            format!(
                "{} matches {} users; name one by id:\n{}",
                inert(text),
                many.len(),
                table(many, false).trim_end()
            ),
        )),
    }
}

/// Asks on the terminal unless `--yes`; without a terminal, refuses.
fn confirm(session: &Session, verb: &str, user: &User, yes: bool) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::new(
            Exit::Refused,
            format!(
                "refusing to {} without --yes: standard input is not a terminal",
                verb.to_lowercase()
            ),
        ));
    }
    let who = format!(
        "{} <{}>",
        inert(&user.username),
        inert(user.email.as_deref().unwrap_or(""))
    );
    let question = if session.production() {
        format!(
            "{verb} {who} in PRODUCTION environment {}? Type the username to confirm: ",
            session.environment
        )
    } else {
        format!(
            "{verb} {who} in environment {}? [y/N] ",
            session.environment
        )
    };
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Failure::new(Exit::Failure, e.to_string()))?;
    let answer = answer.trim();
    let accepted = if session.production() {
        answer == user.username
    } else {
        matches!(answer, "y" | "Y" | "yes")
    };
    if accepted {
        Ok(())
    } else {
        Err(Failure::new(Exit::Refused, "declined: nothing was changed"))
    }
}

/// `--for 30m` or `--until 2026-12-01T09:00:00Z` as a time; neither means "until an admin unlocks".
fn unlock_time(
    for_: Option<&str>,
    until: Option<&str>,
) -> Result<Option<jiff::Timestamp>, Failure> {
    let bad = |what: &str, text: &str, e: &dyn std::fmt::Display| {
        Failure::new(Exit::Usage, format!("{what} {text:?} is not valid: {e}"))
    };
    match (for_, until) {
        (Some(text), _) => {
            let span: jiff::Span = text.parse().map_err(|e| bad("--for", text, &e))?;
            let duration = span
                .to_duration(jiff::SpanRelativeTo::days_are_24_hours())
                .map_err(|e| bad("--for", text, &e))?;
            if duration.is_negative() || duration.is_zero() {
                return Err(Failure::new(
                    Exit::Usage,
                    "--for must be a positive duration such as 30m",
                ));
            }
            jiff::Timestamp::now()
                .checked_add(duration)
                .map(Some)
                .map_err(|e| bad("--for", text, &e))
        }
        (None, Some(text)) => {
            let at: jiff::Timestamp = text.parse().map_err(|e| bad("--until", text, &e))?;
            if at <= jiff::Timestamp::now() {
                return Err(Failure::new(
                    Exit::Usage,
                    format!("--until {text} is in the past"),
                ));
            }
            Ok(Some(at))
        }
        (None, None) => Ok(None),
    }
}
