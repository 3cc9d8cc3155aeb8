//! Operations with the journal around them, for the console and the CLI alike: the intent is on
//! disk before the request leaves (or nothing leaves), the outcome is written after, and the
//! request carries the ticket as `X-Ping-External-Transaction-Id`. Also: re-reading the users
//! of intents a crashed run left without an outcome.

use super::apply::{Applied, Sent, read_after};
use super::journal::{Ending, Failure, Journal, JournalError, Record, Snapshot, Subject};
use super::ops::{OpKind, UserOp};
use super::outcome::outcome_of_ended_run;
use crate::api::{ApiClient, ApiError, ErrorKind};
use crate::pingone::User;

/// Why an operation did not happen as asked.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OpError {
    /// Refused before sending: the journal cannot be written, or a ticket is required.
    #[error("Refused, nothing was sent: {0}")]
    Refused(String),
    /// PingOne refused it, or it could not be sent or answered.
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl From<JournalError> for OpError {
    fn from(error: JournalError) -> Self {
        Self::Refused(error.to_string())
    }
}

/// An operation's result, and whether its outcome could not be journaled (the request had
/// left by then: it is said, not undone).
#[derive(Debug)]
pub struct Done<T> {
    /// What happened.
    pub result: Result<T, OpError>,
    /// The journal's failure to record the outcome, if it failed.
    pub unrecorded: Option<String>,
}

/// [`crate::desk::apply`] of `op` to `user` (as `subject`) between an intent and an outcome
/// record: one intent for the whole operation, also when it sends several writes (a revoke of
/// all sessions: the intent names every session).
pub async fn apply(
    journal: &Journal,
    client: &ApiClient,
    user: &User,
    subject: &Subject,
    op: &UserOp,
    ticket: Option<&str>,
) -> Done<Applied> {
    let intent = match journal.begin(subject, op, ticket).await {
        Ok(intent) => intent,
        Err(error) => return refused(error),
    };
    let client = ticketed(client, &intent);
    let result = super::apply(&client, user, op).await;
    let record = match &result {
        Ok(applied) => after_applied(&intent, applied),
        Err(error) => after_error(&intent, error),
    };
    Done {
        unrecorded: journal.finish(&record).await.err().map(|e| e.to_string()),
        result: result.map_err(OpError::Api),
    }
}

/// A refusal before anything was sent.
pub fn refused<T>(error: JournalError) -> Done<T> {
    Done {
        result: Err(error.into()),
        unrecorded: None,
    }
}

/// `client`, its requests carrying the intent's transaction id (the ticket).
pub fn ticketed(client: &ApiClient, intent: &Record) -> ApiClient {
    client.with_transaction_id(&intent.transaction_id)
}

/// The outcome record of an operation that came back with what PingOne holds after it (an
/// unknown outcome when its answer was lost and this is a fresh read).
pub fn after_applied(intent: &Record, applied: &Applied) -> Record {
    let ending = if applied.unknown.is_some() {
        Ending::Unknown
    } else {
        Ending::Ok
    };
    Record {
        after: Some(Snapshot::of(Some(&applied.user), applied.password.as_ref())),
        error: applied.unknown.as_ref().map(Failure::from),
        correlation_id: applied.correlation_id.clone(),
        ..intent.outcome(ending)
    }
}

/// The outcome record of a write that PingOne answered with `sent` (no read after it).
pub fn after_sent(intent: &Record, sent: &Sent) -> Record {
    Record {
        after: Some(Snapshot::of(sent.user.as_ref(), sent.password.as_ref())),
        correlation_id: sent.correlation_id.clone(),
        ..intent.outcome(Ending::Ok)
    }
}

/// The outcome record of a refusal (`failed`) or of a lost answer with no read after it
/// (`unknown`).
pub fn after_error(intent: &Record, error: &ApiError) -> Record {
    let ending = if error.outcome_unknown() {
        Ending::Unknown
    } else {
        Ending::Failed
    };
    Record {
        error: Some(Failure::from(error)),
        correlation_id: error.correlation_id.clone(),
        ..intent.outcome(ending)
    }
}

/// What re-reading the user of an unresolved intent found.
#[derive(Debug, Clone)]
pub struct Reread {
    /// The intent.
    pub intent: Record,
    /// What to tell the person (inert), e.g. "Outcome unknown (…). PingOne now shows …".
    pub text: String,
    /// Whether PingOne was read and the outcome recorded.
    pub recorded: bool,
}

/// Reads again the user of each intent that a run left without an outcome, and records an
/// `unknown` outcome with what PingOne shows now. Intents on another environment are left.
pub async fn reread(journal: &Journal, client: &ApiClient, intents: &[Record]) -> Vec<Reread> {
    let mut out = Vec::with_capacity(intents.len());
    for intent in intents {
        out.push(reread_one(journal, client, intent).await);
    }
    out
}

async fn reread_one(journal: &Journal, client: &ApiClient, intent: &Record) -> Reread {
    let name = super::inert::in_sentence(&intent.username);
    let left = |text: String| Reread {
        intent: intent.clone(),
        text,
        recorded: false,
    };
    if intent.who.environment != client.environment_id() {
        return left(format!(
            "{name}: the operation was on environment {}, not this one; not read",
            super::inert::in_sentence(&intent.who.environment)
        ));
    }
    let kind = OpKind::from_cli_name(&intent.operation);
    let op = kind.map_or(UserOp::UnlockAccount, |kind| intent.op(kind));
    let fresh = match read_after(client, &intent.user_id, &op).await {
        Ok(fresh) => fresh,
        Err(error) => return left(format!("{name}: could not read the user: {error}")),
    };
    let lost = ApiError::transport(
        kind.map_or("operation", OpKind::verb),
        ErrorKind::Network,
        "the run that sent it ended before its answer came",
    );
    let applied = Applied {
        unknown: Some(lost),
        ..fresh
    };
    let record = Record {
        note: Some(format!(
            "re-read by session {} after the run that sent it ended without an answer",
            journal.who().session_id
        )),
        ..after_applied(intent, &applied)
    };
    let text = outcome_of_ended_run(&op, &applied).text;
    match journal.finish(&record).await {
        Ok(()) => Reread {
            intent: intent.clone(),
            text,
            recorded: true,
        },
        Err(error) => left(format!("{text} (not recorded: {error})")),
    }
}
