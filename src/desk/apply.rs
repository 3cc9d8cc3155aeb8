//! Applying one operation: the one write, then only the reads its answer leaves owed, and an
//! honest answer when the write's outcome cannot be known.

use super::ops::{Reply, UserOp};
use crate::api::{ApiClient, ApiError, ErrorKind, WriteAnswer};
use crate::pingone::{PasswordState, User};

/// What PingOne holds after an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The user record PingOne returned, or read afterwards.
    pub user: User,
    /// The password state PingOne returned, or read afterwards for password operations.
    pub password: Option<PasswordState>,
    /// Set when the write's own answer was lost (timeout, broken connection, a body cut short):
    /// it may or may not have been applied, and `user` is what a fresh read shows.
    pub unknown: Option<ApiError>,
    /// The `Correlation-Id` of the write's answer, when there was one.
    pub correlation_id: Option<String>,
}

/// What the write's own answer carried: the user record, or the password state, or nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    /// The user record, when PingOne answered with it.
    pub user: Option<User>,
    /// The password state, when PingOne answered with it.
    pub password: Option<PasswordState>,
    /// The `Correlation-Id` of the answer.
    pub correlation_id: Option<String>,
}

/// Sends `op` for user `id` once (never again by itself), then reads what its answer does not
/// carry. A write whose outcome is unknown is followed by a read of the user (and password), so
/// the caller can say what PingOne now holds.
pub async fn apply(client: &ApiClient, id: &str, op: &UserOp) -> Result<Applied, ApiError> {
    match send(client, id, op).await {
        Ok(sent) => complete(client, id, op, sent).await,
        Err(error) if error.outcome_unknown() => recover(client, id, op, error).await,
        Err(error) => Err(error),
    }
}

/// The write alone, once: what its answer carried. An error whose
/// [`ApiError::outcome_unknown`] holds (a lost or unreadable answer) may have been applied:
/// never send it again; [`recover`] says what PingOne now holds.
pub async fn send(client: &ApiClient, id: &str, op: &UserOp) -> Result<Sent, ApiError> {
    let kind = op.kind();
    let answer = client
        .write_user(id, kind.verb(), kind.permission(), &op.request())
        .await?;
    tracing::info!(
        op = kind.verb(),
        user_id = id,
        status = answer.status,
        correlation_id = ?answer.correlation_id,
        actor = client.actor(),
        "applied"
    );
    decode(op, &answer)
}

/// Whether `error`, returned by [`apply`] for `op`, is the write's own answer lost (its outcome
/// unknown) and not a refusal: the user could not even be read again afterwards.
pub fn lost_answer(op: &UserOp, error: &ApiError) -> bool {
    error.action == op.kind().verb() && error.outcome_unknown()
}

/// How a write's answer was lost, in words: "unlock account sent, but PingOne did not answer
/// in time".
pub fn lost_sentence(error: &ApiError) -> String {
    format!("{} sent, but {}", error.action, error.reason())
}

/// Decodes the answer as `op` says PingOne answers; an empty body is fine, an unreadable one is
/// an unknown outcome.
fn decode(op: &UserOp, answer: &WriteAnswer) -> Result<Sent, ApiError> {
    let unreadable = |e: serde_json::Error| ApiError {
        status: Some(answer.status),
        correlation_id: answer.correlation_id.clone(),
        ..ApiError::transport(op.kind().verb(), ErrorKind::Decode, e)
    };
    let mut sent = Sent {
        user: None,
        password: None,
        correlation_id: answer.correlation_id.clone(),
    };
    if answer.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(sent);
    }
    match op.reply() {
        Reply::User => sent.user = Some(serde_json::from_slice(&answer.body).map_err(unreadable)?),
        Reply::Password => {
            sent.password = Some(serde_json::from_slice(&answer.body).map_err(unreadable)?);
        }
        // Not used, but a body cut short still means the answer was lost.
        Reply::Other | Reply::Unchanged => {
            serde_json::from_slice::<serde::de::IgnoredAny>(&answer.body).map_err(unreadable)?;
        }
    }
    Ok(sent)
}

/// Reads what the answer left owed: the user when no record came back (unless nothing about
/// the user changed), the password state for password operations that returned none.
async fn complete(
    client: &ApiClient,
    id: &str,
    op: &UserOp,
    sent: Sent,
) -> Result<Applied, ApiError> {
    let (user, password) = match (sent.user, sent.password) {
        // Still locked without `lockedAt` after an account unlock: the password lockout may be
        // what is left, and only the password state can say.
        (Some(user), _) if op.needs_password_for(&user) => {
            (user, Some(client.password_state(id).await?))
        }
        (Some(user), password) => (user, password),
        (None, Some(state)) => (client.get_user(id).await?, Some(state)),
        (None, None) => {
            let password = if op.needs_password() && op.reply() != Reply::Unchanged {
                Some(client.password_state(id).await?)
            } else {
                None
            };
            (client.get_user(id).await?, password)
        }
    };
    Ok(Applied {
        user,
        password,
        unknown: None,
        correlation_id: sent.correlation_id,
    })
}

/// After a write whose outcome is unknown: read the user (a GET is safe to retry) and, for
/// password operations, the password, and report both with the error; the error itself when
/// even the read fails.
pub async fn recover(
    client: &ApiClient,
    id: &str,
    op: &UserOp,
    error: ApiError,
) -> Result<Applied, ApiError> {
    tracing::warn!(op = op.kind().verb(), user_id = id, %error, "outcome unknown; reading the user again");
    let Ok(user) = client.get_user(id).await else {
        return Err(error);
    };
    let password = if op.needs_password_for(&user) {
        client.password_state(id).await.ok()
    } else {
        None
    };
    Ok(Applied {
        user,
        password,
        correlation_id: error.correlation_id.clone(),
        unknown: Some(error),
    })
}
