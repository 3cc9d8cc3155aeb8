//! `pingdesk users <operation> USER`: the console's operations from a script, with the same
//! refusals, the same confirm, one request, and an honest report of what PingOne holds after.

use super::users::{confirm, print_json, resolve};
use super::{Exit, Failure, Session};
use crate::cli::OpCommand;
use crate::desk::inert::one_line;
use crate::desk::{
    Applied, OpError, OpKind, OutcomeKind, Refusal, Subject, UserOp, journaled, lost_answer,
    outcome, unread,
};

/// Runs one operation.
pub async fn run(session: &Session, command: OpCommand) -> Result<Exit, Failure> {
    let kind = command.kind;
    if session.read_only() {
        return Err(Failure::new(
            Exit::Refused,
            Refusal::ReadOnly(kind.verb()).to_string(),
        ));
    }
    let op = match kind {
        OpKind::LockAccount => UserOp::LockAccount {
            unlock_at: unlock_time(command.for_.as_deref(), command.until.as_deref())?,
        },
        other => UserOp::of(other),
    };
    let user = resolve(session, &command.user).await?;
    let password = if op.needs_password_for(&user) {
        Some(session.client.password_state(&user.id).await?)
    } else {
        None
    };
    match op.refusal(&user, password.as_ref(), session.read_only()) {
        Some(Refusal::NotApplicable(why)) => {
            // Nothing to do is not a failure: a script can run the same fix twice.
            eprintln!("{why}");
            if command.json {
                print_json(&report(kind, &user, password.as_ref(), "nothing to do"))?;
            }
            return Ok(Exit::Ok);
        }
        Some(refusal) => return Err(Failure::new(Exit::Failure, refusal.to_string())),
        None => {}
    }
    if session.journal.requires_ticket() && command.ticket.as_deref().is_none_or(str::is_empty) {
        return Err(Failure::new(
            Exit::Refused,
            crate::desk::journal::JournalError::TicketRequired.to_string(),
        ));
    }
    confirm(session, &op.question(&user), &user, command.yes)?;
    tracing::info!(op = kind.verb(), user_id = %user.id, username = %user.username, actor = session.client.actor(), "sending an operation (CLI)");
    let subject = Subject::of(&user, password.as_ref());
    let done = journaled::apply(
        &session.journal,
        &session.client,
        &subject,
        &op,
        command.ticket.as_deref(),
    )
    .await;
    if let Some(trouble) = &done.unrecorded {
        eprintln!("pingdesk: warning: the outcome was not journaled: {trouble}");
    }
    let applied = match done.result {
        Ok(applied) => applied,
        Err(OpError::Api(error)) if lost_answer(&op, &error) => {
            let look = format!(
                "run `pingdesk users show {}` to see what PingOne holds",
                one_line(&user.id)
            );
            return Err(Failure::new(Exit::Network, unread(&error, &look)));
        }
        Err(OpError::Api(error)) => return Err(error.into()),
        Err(refused @ OpError::Refused(_)) => {
            return Err(Failure::new(Exit::Refused, refused.to_string()));
        }
    };
    finish(kind, &op, &applied, command.json)
}

/// Says what happened and picks the exit code: an unknown outcome exits by what a fresh read
/// found (0 when it shows the change made, 7 when it does not or cannot tell).
fn finish(kind: OpKind, op: &UserOp, applied: &Applied, json: bool) -> Result<Exit, Failure> {
    let told = outcome(op, applied);
    eprintln!("{}", told.text);
    let (label, exit) = match told.kind {
        OutcomeKind::Done | OutcomeKind::DoneButStill => ("applied", Exit::Ok),
        OutcomeKind::NotDone => ("applied", Exit::Failure),
        OutcomeKind::UnknownButFixed => ("unknown", Exit::Ok),
        OutcomeKind::Unknown => ("unknown", Exit::Network),
    };
    if json {
        print_json(&report(
            kind,
            &applied.user,
            applied.password.as_ref(),
            label,
        ))?;
    }
    Ok(exit)
}

/// `{"action", "outcome", "user", "password"?}` for `--json`.
fn report(
    kind: OpKind,
    user: &crate::pingone::User,
    password: Option<&crate::pingone::PasswordState>,
    outcome: &str,
) -> serde_json::Value {
    let mut value = serde_json::json!({
        "action": kind.cli_name(),
        "outcome": outcome,
        "user": user,
    });
    if let Some(password) = password {
        value["password"] = serde_json::json!(password);
    }
    value
}

/// `--for 30m` or `--until 2026-12-01T09:00:00Z` as a time; neither means "until an admin unlocks".
fn unlock_time(
    for_: Option<&str>,
    until: Option<&str>,
) -> Result<Option<jiff::Timestamp>, Failure> {
    let text = match (for_, until) {
        (Some(duration), _) => format!("+{}", duration.trim()),
        (None, Some(time)) => time.to_owned(),
        (None, None) => return Ok(None),
    };
    let flag = if for_.is_some() { "--for" } else { "--until" };
    crate::desk::ops::lock_until(&text, jiff::Timestamp::now())
        .map(Some)
        .map_err(|why| Failure::new(Exit::Usage, format!("{flag}: {why}")))
}
