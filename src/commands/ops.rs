//! `pingdesk users <operation> USER`: the console's operations from a script, with the same
//! refusals, the same confirm, one request (one per session for `revoke-session --all`), and an
//! honest report of what PingOne holds after.

use super::users::{confirm, print_json, resolve};
use super::{Exit, Failure, Session};
use crate::cli::OpCommand;
use crate::desk::apply::read_touched;
use crate::desk::inert::one_line;
use crate::desk::journal::JournalError;
use crate::desk::{
    Applied, Needs, OpError, OpKind, OutcomeKind, Refusal, Subject, Target, UserOp, journaled,
    lost_answer, outcome, unread,
};

/// Runs one operation.
pub async fn run(session: &Session, command: OpCommand) -> Result<Exit, Failure> {
    let kind = command.kind;
    writable(session, kind)?;
    let lock = match kind {
        OpKind::LockAccount => Some(UserOp::LockAccount {
            unlock_at: unlock_time(command.for_.as_deref(), command.until.as_deref())?,
        }),
        _ => None,
    };
    let before = read_before(session, &command).await?;
    let target = match (kind.target(), command.target.clone()) {
        (Needs::User, _) => Target::User,
        (Needs::Device, device) => Target::Device(device.unwrap_or_default()),
        (Needs::Session, _) if command.all => Target::AllSessions(
            before
                .sessions
                .iter()
                .flatten()
                .map(|s| s.id.clone())
                .collect(),
        ),
        (Needs::Session, id) => Target::Session(id.unwrap_or_default()),
    };
    let op = lock.unwrap_or_else(|| UserOp::at(kind, target));
    let known = before.known(jiff::Timestamp::now());
    match op.refusal(&known, session.read_only()) {
        Some(Refusal::NotApplicable(why)) => {
            // Nothing to do is not a failure: a script can run the same fix twice.
            eprintln!("{why}");
            if command.json {
                print_json(&report(kind, &before, "nothing to do"))?;
            }
            return Ok(Exit::Ok);
        }
        Some(refusal @ Refusal::Missing(_)) => {
            return Err(Failure::new(Exit::NotFound, refusal.to_string()));
        }
        Some(refusal) => return Err(Failure::new(Exit::Failure, refusal.to_string())),
        None => {}
    }
    ticket_given(session, command.ticket.as_deref())?;
    confirm(session, &op.question(&known), &before.user, command.yes)?;
    let user = &before.user;
    tracing::info!(op = kind.verb(), user_id = %user.id, username = %user.username, actor = session.client.actor(), "sending an operation (CLI)");
    let subject = Subject::of(user, before.password.as_ref());
    let done = journaled::apply(
        &session.journal,
        &session.client,
        user,
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
            let how = format!(
                "run `pingdesk users show {}` to see what PingOne holds",
                one_line(&user.id)
            );
            return Err(Failure::new(Exit::Network, unread(&error, &how)));
        }
        Err(OpError::Api(error)) => return Err(error.into()),
        Err(refused @ OpError::Refused(_)) => {
            return Err(Failure::new(Exit::Refused, refused.to_string()));
        }
    };
    finish(&op, &before, &applied, command.json)
}

/// Refuses `kind` when the session is read-only.
pub(super) fn writable(session: &Session, kind: OpKind) -> Result<(), Failure> {
    if session.read_only() {
        return Err(Failure::new(
            Exit::Refused,
            Refusal::ReadOnly(kind.verb()).to_string(),
        ));
    }
    Ok(())
}

/// Refuses a change without a ticket when the profile requires one.
pub(super) fn ticket_given(session: &Session, ticket: Option<&str>) -> Result<(), Failure> {
    if session.journal.requires_ticket() && crate::desk::journal::given_ticket(ticket).is_none() {
        return Err(Failure::new(
            Exit::Refused,
            JournalError::TicketRequired.to_string(),
        ));
    }
    Ok(())
}

/// Reads what the operation's refusal and question need: the user, and the password state,
/// devices or sessions when it acts on them.
async fn read_before(session: &Session, command: &OpCommand) -> Result<Applied, Failure> {
    let user = resolve(session, &command.user).await?;
    let op = UserOp::of(command.kind);
    Ok(read_touched(&session.client, user, &op, true).await?)
}

/// Says what happened and picks the exit code: an unknown outcome exits by what a fresh read
/// found (0 when it shows the change made, 7 when it does not or cannot tell).
fn finish(op: &UserOp, before: &Applied, applied: &Applied, json: bool) -> Result<Exit, Failure> {
    // What came back (a device operation answers with one device, which replaces its old
    // self among those read before).
    let after = Applied {
        devices: applied.devices_after(before.devices.as_deref()),
        ..applied.clone()
    };
    let told = outcome(op, applied, &after.known(jiff::Timestamp::now()));
    eprintln!("{}", told.text);
    let (label, exit) = match told.kind {
        OutcomeKind::Done | OutcomeKind::DoneButStill => ("applied", Exit::Ok),
        OutcomeKind::NotDone => ("applied", Exit::Failure),
        OutcomeKind::UnknownButFixed => ("unknown", Exit::Ok),
        OutcomeKind::Unknown => ("unknown", Exit::Network),
    };
    if json {
        print_json(&report(op.kind(), &after, label))?;
    }
    Ok(exit)
}

/// `{"action", "outcome", "user", "password"?, "devices"?, "sessions"?}` for `--json`.
fn report(kind: OpKind, held: &Applied, outcome: &str) -> serde_json::Value {
    let mut value = serde_json::json!({
        "action": kind.cli_name(),
        "outcome": outcome,
        "user": held.user,
    });
    if let Some(password) = &held.password {
        value["password"] = serde_json::json!(password);
    }
    if let Some(devices) = &held.devices {
        value["devices"] = serde_json::json!(devices);
    }
    if let Some(sessions) = &held.sessions {
        value["sessions"] = serde_json::json!(sessions);
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
