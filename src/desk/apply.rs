//! Applying one operation: its writes (one per session for a revoke of all), then only the
//! reads their answer leaves owed, and an honest answer when a write's outcome cannot be known.
//! [`send`], [`complete`] and [`recover`] are the parts, for callers that journal or pace
//! each write themselves.

use super::known::Known;
use super::ops::{Needs, Reply, UserOp};
use crate::api::{ApiClient, ApiError, ErrorKind, WriteAnswer};
use crate::pingone::{Device, PasswordState, Session, User};

/// What PingOne holds of a user after an operation (or as read before one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// The user record PingOne returned, or read afterwards; for an operation on a device or a
    /// session, which leaves the record as it was, the record it was sent for.
    pub user: User,
    /// The password state PingOne returned, or read afterwards for password operations.
    pub password: Option<PasswordState>,
    /// The device PingOne returned (block, unblock), or read afterwards.
    pub devices: Option<Vec<Device>>,
    /// The sessions read after a revoke.
    pub sessions: Option<Vec<Session>>,
    /// Set when a write's own answer was lost (timeout, broken connection, a body cut short),
    /// or when a revoke of all sessions stopped part way: it may or may not have been applied,
    /// and the rest is what a fresh read shows.
    pub unknown: Option<ApiError>,
    /// The `Correlation-Id` of the (last) write's answer, when there was one.
    pub correlation_id: Option<String>,
}

impl Applied {
    /// The devices after the operation: those PingOne returned replace the ones with the same
    /// id in `before` (a block answers with the one device); `None` when none came back.
    pub fn devices_after(&self, before: Option<&[Device]>) -> Option<Vec<Device>> {
        let answered = self.devices.as_ref()?;
        let mut devices = before.map(<[Device]>::to_vec).unwrap_or_default();
        for device in answered {
            match devices.iter_mut().find(|d| d.id == device.id) {
                Some(known) => known.clone_from(device),
                None => devices.push(device.clone()),
            }
        }
        Some(devices)
    }

    /// What it holds, as what is known of the user (device locks judged at `now`).
    pub fn known(&self, now: jiff::Timestamp) -> Known<'_> {
        Known {
            user: &self.user,
            password: self.password.as_ref(),
            devices: self.devices.as_deref(),
            sessions: self.sessions.as_deref(),
            now,
        }
    }

    /// What PingOne holds: `user` and nothing else read.
    fn of(user: User, correlation_id: Option<String>) -> Self {
        Self {
            user,
            correlation_id,
            ..Self::default()
        }
    }
}

/// What the writes' answers carried: the user record, the password state, the device, or
/// nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sent {
    /// The user record, when PingOne answered with it.
    pub user: Option<User>,
    /// The password state, when PingOne answered with it.
    pub password: Option<PasswordState>,
    /// The device, when PingOne answered with it (block, unblock).
    pub device: Option<Device>,
    /// The `Correlation-Id` of the (last) answer.
    pub correlation_id: Option<String>,
    /// Why a revoke of all sessions stopped part way, after some of its writes went through.
    pub stopped: Option<ApiError>,
}

/// Sends `op` for `user` once (never again by itself), then reads what its answer does not
/// carry. A write whose outcome is unknown is followed by a read of the user (and of what the
/// operation touched), so the caller can say what PingOne now holds.
pub async fn apply(client: &ApiClient, user: &User, op: &UserOp) -> Result<Applied, ApiError> {
    match send(client, &user.id, op).await {
        // Some writes went through: say what PingOne holds now.
        Ok(Sent {
            stopped: Some(error),
            ..
        }) => recover(client, &user.id, op, error).await,
        Ok(sent) => complete(client, user, op, sent).await,
        Err(error) if error.outcome_unknown() => recover(client, &user.id, op, error).await,
        Err(error) => Err(error),
    }
}

/// The writes alone, each once: what their answer carried. An error whose
/// [`ApiError::outcome_unknown`] holds (a lost or unreadable answer) may have been applied:
/// never send it again; [`recover`] says what PingOne now holds. A revoke of all sessions that
/// fails after its first write is not an error but [`Sent::stopped`].
pub async fn send(client: &ApiClient, id: &str, op: &UserOp) -> Result<Sent, ApiError> {
    let kind = op.kind();
    let mut last = None;
    for (n, write) in op.requests().iter().enumerate() {
        match client
            .write_user(id, kind.verb(), kind.permission(), write)
            .await
        {
            Ok(answer) => {
                tracing::info!(
                    op = kind.verb(),
                    user_id = id,
                    status = answer.status,
                    correlation_id = ?answer.correlation_id,
                    actor = client.actor(),
                    "applied"
                );
                last = Some(answer);
            }
            // One session of several ended meanwhile: what the revoke wanted.
            Err(error) if n > 0 && error.kind == ErrorKind::NotFound => {}
            Err(error) if n > 0 => {
                return Ok(Sent {
                    stopped: Some(error),
                    ..Sent::default()
                });
            }
            Err(error) => return Err(error),
        }
    }
    // No answer only when there was nothing to send (a revoke of no sessions).
    last.map_or_else(|| Ok(Sent::default()), |answer| decode(op, &answer))
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
        correlation_id: answer.correlation_id.clone(),
        ..Sent::default()
    };
    if answer.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(sent);
    }
    match op.reply() {
        Reply::User => sent.user = Some(serde_json::from_slice(&answer.body).map_err(unreadable)?),
        Reply::Password => {
            sent.password = Some(serde_json::from_slice(&answer.body).map_err(unreadable)?);
        }
        Reply::Device => {
            sent.device = Some(serde_json::from_slice(&answer.body).map_err(unreadable)?);
        }
        // Not used, but a body cut short still means the answer was lost.
        Reply::Sessions | Reply::Other | Reply::Unchanged => {
            serde_json::from_slice::<serde::de::IgnoredAny>(&answer.body).map_err(unreadable)?;
        }
    }
    Ok(sent)
}

/// Reads what the answer left owed: the user when no record came back (unless nothing about
/// the user changed), the password state for password operations that returned none, the
/// sessions after a revoke, the devices when a device action answered with none.
pub async fn complete(
    client: &ApiClient,
    user: &User,
    op: &UserOp,
    sent: Sent,
) -> Result<Applied, ApiError> {
    let id = user.id.as_str();
    let correlation_id = sent.correlation_id;
    if op.reply() == Reply::Sessions {
        return Ok(Applied {
            sessions: Some(client.sessions(id).await?),
            ..Applied::of(user.clone(), correlation_id)
        });
    }
    match (sent.user, sent.password, sent.device) {
        // Still locked without `lockedAt` after an account unlock: the password lockout may be
        // what is left, and only the password state can say.
        (Some(user), _, _) if op.needs_password_for(&user) => Ok(Applied {
            password: Some(client.password_state(id).await?),
            ..Applied::of(user, correlation_id)
        }),
        (Some(user), password, _) => Ok(Applied {
            password,
            ..Applied::of(user, correlation_id)
        }),
        (None, Some(state), _) => Ok(Applied {
            password: Some(state),
            ..Applied::of(client.get_user(id).await?, correlation_id)
        }),
        (None, None, Some(device)) => Ok(Applied {
            devices: Some(vec![device]),
            ..Applied::of(user.clone(), correlation_id)
        }),
        (None, None, None) if op.reply() == Reply::Device => Ok(Applied {
            devices: Some(client.devices(id).await?),
            ..Applied::of(user.clone(), correlation_id)
        }),
        (None, None, None) => {
            let password = if op.needs_password() && op.reply() != Reply::Unchanged {
                Some(client.password_state(id).await?)
            } else {
                None
            };
            Ok(Applied {
                password,
                ..Applied::of(client.get_user(id).await?, correlation_id)
            })
        }
    }
}

/// After a write whose outcome is unknown: read the user (a GET is safe to retry) and what the
/// operation touched (password, devices, sessions), and report them with the error; the error
/// itself when even the user cannot be read.
pub async fn recover(
    client: &ApiClient,
    id: &str,
    op: &UserOp,
    error: ApiError,
) -> Result<Applied, ApiError> {
    tracing::warn!(op = op.kind().verb(), user_id = id, %error, "outcome unknown; reading the user again");
    let Ok(fresh) = read_after(client, id, op).await else {
        return Err(error);
    };
    Ok(Applied {
        correlation_id: error.correlation_id.clone(),
        unknown: Some(error),
        ..fresh
    })
}

/// What PingOne holds of user `id` as far as `op` goes: the user, and the password, devices or
/// sessions the operation touches (each when it can be read); an error only when the user
/// cannot be read.
pub async fn read_after(client: &ApiClient, id: &str, op: &UserOp) -> Result<Applied, ApiError> {
    let user = client.get_user(id).await?;
    read_touched(client, user, op, false).await
}

/// `user` with what `op` is judged by besides the record, each read only when it is: the
/// password state ([`UserOp::needs_password_for`]), the devices or the sessions. A read that
/// fails is the error when `strict`, else left out.
pub async fn read_touched(
    client: &ApiClient,
    user: User,
    op: &UserOp,
    strict: bool,
) -> Result<Applied, ApiError> {
    let id = user.id.as_str();
    let target = op.kind().target();
    let password = if op.needs_password_for(&user) {
        kept(client.password_state(id).await, strict)?
    } else {
        None
    };
    let devices = if target == Needs::Device {
        kept(client.devices(id).await, strict)?
    } else {
        None
    };
    let sessions = if target == Needs::Session {
        kept(client.sessions(id).await, strict)?
    } else {
        None
    };
    Ok(Applied {
        password,
        devices,
        sessions,
        ..Applied::of(user, None)
    })
}

/// What a read gave; its failure is the error when `strict`, else `None`.
fn kept<T>(read: Result<T, ApiError>, strict: bool) -> Result<Option<T>, ApiError> {
    if strict {
        read.map(Some)
    } else {
        Ok(read.ok())
    }
}
