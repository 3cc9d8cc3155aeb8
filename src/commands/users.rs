//! `pingdesk users find|show|password`, and what every `users` command shares: finding the one
//! user an argument names, printing JSON, and asking before a write.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use super::output::{details, password_details, table};
use super::{Exit, Failure, Session};
use crate::api::{ApiError, UserQuery};
use crate::cli::UsersCommand;
use crate::desk::inert;
use crate::pingone::{PasswordState, User};

/// Runs one `users` subcommand.
pub async fn run(session: &Session, command: UsersCommand) -> Result<Exit, Failure> {
    match command {
        UsersCommand::Find { text, limit, json } => {
            let page = session
                .client
                .find_users(&UserQuery::from_input(&text), usize::from(limit))
                .await?;
            if json {
                print_json(&serde_json::json!({ "count": page.count, "users": page.users }))?;
            } else if page.users.is_empty() {
                eprintln!("No users match {}", inert(&text));
                return Ok(Exit::NotFound);
            } else {
                anstream::print!("{}", table(&page.users));
            }
            Ok(Exit::Ok)
        }
        UsersCommand::Show { user, json } => {
            let user = resolve(session, &user).await?;
            if json {
                print_json(&user)?;
            } else {
                let password = password_or_note(session, &user).await;
                anstream::print!("{}", details(&user, password.as_ref().ok()));
                if let Err(note) = password {
                    eprintln!("{note}");
                }
            }
            Ok(Exit::Ok)
        }
        UsersCommand::Password { user, json } => {
            let user = resolve(session, &user).await?;
            let password = session.client.password_state(&user.id).await?;
            if json {
                print_json(&password)?;
            } else {
                print!("{}", password_details(&user, &password));
            }
            Ok(Exit::Ok)
        }
        UsersCommand::Locked { since, scan, json } => {
            super::locked::run(session, &since, scan, json).await
        }
        UsersCommand::Op(command) => match command.from.clone() {
            Some(from) => {
                super::bulk::run(
                    session,
                    &from,
                    command.ticket.as_deref(),
                    command.yes,
                    command.json,
                )
                .await
            }
            None => super::ops::run(session, command).await,
        },
    }
}

/// The password state, or why it is not shown (so `show` still shows the record).
async fn password_or_note(session: &Session, user: &User) -> Result<PasswordState, String> {
    session
        .client
        .password_state(&user.id)
        .await
        .map_err(|error: ApiError| format!("password state not shown: {error}"))
}

/// Prints `value` as pretty JSON on standard output, no control character raw.
pub(super) fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = crate::desk::inert::to_json(value)
        .map_err(|e| Failure::new(Exit::Failure, e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// The one user a username, email or id names.
pub(super) async fn resolve(session: &Session, text: &str) -> Result<User, Failure> {
    let text = text.trim();
    let page = session
        .client
        .find_users(&UserQuery::exact(text), 20)
        .await?;
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
                anstream::adapter::strip_str(&table(many))
                    .to_string()
                    .trim_end()
            ),
        )),
    }
}

/// Asks `question` on the terminal unless `--yes`; without a terminal, refuses. On a
/// production profile the username must be typed.
pub(super) fn confirm(
    session: &Session,
    question: &str,
    user: &User,
    yes: bool,
) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::new(
            Exit::Refused,
            "refusing to write without --yes: standard input is not a terminal",
        ));
    }
    let environment = inert(&session.environment).into_owned();
    let prompt = if session.production() {
        format!("{question} (PRODUCTION environment {environment}) Type the username to confirm: ")
    } else {
        format!("{question} (environment {environment}) [y/N] ")
    };
    eprint!("{prompt}");
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
