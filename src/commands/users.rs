//! `pingdesk users find|show|password`, and what every `users` command shares: finding the one
//! user an argument names, printing JSON, and asking before a write.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use super::output::{Picture, details, devices_table, password_details, sessions_table, table};
use super::{Exit, Failure, Session};
use crate::api::{ApiError, UserQuery};
use crate::cli::UsersCommand;
use crate::desk::inert;
use crate::pingone::User;

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
                let picture = picture(session, user).await;
                anstream::print!("{}", details(&picture));
            }
            Ok(Exit::Ok)
        }
        UsersCommand::Devices { user, json } => {
            let user = resolve(session, &user).await?;
            let devices = session.client.devices(&user.id).await?;
            if json {
                let mfa = user.mfa_enabled.unwrap_or(false);
                print_json(&serde_json::json!({ "mfaEnabled": mfa, "devices": devices }))?;
            } else {
                print!("{}", devices_table(&user, &devices, jiff::Timestamp::now()));
            }
            Ok(Exit::Ok)
        }
        UsersCommand::Sessions { user, json } => {
            let user = resolve(session, &user).await?;
            let sessions = session.client.sessions(&user.id).await?;
            if json {
                print_json(&serde_json::json!({ "sessions": sessions }))?;
            } else {
                print!("{}", sessions_table(&user, &sessions));
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

/// Everything `show` prints, read in parallel; what cannot be read is said on stderr and left
/// out, so the rest still shows.
async fn picture(session: &Session, user: User) -> Picture {
    let client = &session.client;
    let population = user.population.as_ref().map(|p| p.id.clone());
    let (password, devices, sessions, groups, population) = tokio::join!(
        client.password_state(&user.id),
        client.devices(&user.id),
        client.sessions(&user.id),
        client.group_names(&user.id),
        async {
            match &population {
                Some(id) => client.population(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    Picture {
        password: shown("password state", password),
        devices: shown("MFA devices", devices),
        sessions: shown("sessions", sessions),
        groups: shown("groups", groups),
        population: shown("population", population).flatten(),
        user,
        now: jiff::Timestamp::now(),
    }
}

/// Prints `value` as pretty JSON on standard output, no control character raw.
pub(super) fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = crate::desk::inert::to_json(value)
        .map_err(|e| Failure::new(Exit::Failure, e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// The value, or `None` with why it is not shown said on stderr.
fn shown<T>(what: &str, result: Result<T, ApiError>) -> Option<T> {
    result
        .map_err(|error| eprintln!("{what} not shown: {error}"))
        .ok()
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
    let answer = ask(&prompt).map_err(|e| Failure::new(Exit::Failure, e.to_string()))?;
    let accepted = if session.production() {
        answer == user.username
    } else {
        matches!(answer.as_str(), "y" | "Y" | "yes")
    };
    if accepted { Ok(()) } else { Err(declined()) }
}

/// Shows `prompt` on standard error and reads one line of answer from standard input, trimmed.
pub(super) fn ask(prompt: &str) -> std::io::Result<String> {
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(answer.trim().to_owned())
}

/// The refusal when a confirm is not given.
pub(super) fn declined() -> Failure {
    Failure::new(Exit::Refused, "declined: nothing was changed")
}
