//! `pingdesk users <operation> USER`: the console's operations from a script, with the same
//! refusals, the same confirm, one request (one per session for `revoke-session --all`), and an
//! honest report of what PingOne holds after.

use super::users::{confirm, print_json, resolve};
use super::{Exit, Failure, Session};
use crate::cli::OpCommand;
use crate::desk::{Applied, Known, Needs, OpKind, Refusal, Target, UserOp, Verdict, inert};
use crate::pingone::{Device, PasswordState, Session as UserSession, User};

/// What was read about the user before the operation.
struct Before {
    user: User,
    password: Option<PasswordState>,
    devices: Option<Vec<Device>>,
    sessions: Option<Vec<UserSession>>,
}

impl Before {
    /// What is known, judged at `now`.
    fn known(&self, now: jiff::Timestamp) -> Known<'_> {
        Known {
            user: &self.user,
            password: self.password.as_ref(),
            devices: self.devices.as_deref(),
            sessions: self.sessions.as_deref(),
            now,
        }
    }
}

/// Runs one operation.
pub async fn run(session: &Session, command: OpCommand) -> Result<Exit, Failure> {
    let kind = command.kind;
    if session.read_only() {
        return Err(Failure::new(
            Exit::Refused,
            Refusal::ReadOnly(kind.verb()).to_string(),
        ));
    }
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
    let now = jiff::Timestamp::now();
    let known = before.known(now);
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
    confirm(session, &op.question(&known), &before.user, command.yes)?;
    let user = &before.user;
    tracing::info!(op = kind.verb(), user_id = %user.id, username = %user.username, actor = session.client.actor(), "sending an operation (CLI)");
    let applied = crate::desk::apply(&session.client, user, &op).await?;
    finish(&op, &before, &applied, command.json)
}

/// Reads what the operation's refusal and question need: the user, and the password state,
/// devices or sessions when it acts on them.
async fn read_before(session: &Session, command: &OpCommand) -> Result<Before, Failure> {
    let kind = command.kind;
    let user = resolve(session, &command.user).await?;
    // An account locked without `lockedAt` may be locked only by its password, which refuses
    // the account unlock: that needs the password state too.
    let lock_may_be_the_password = kind == OpKind::UnlockAccount
        && user.is_locked()
        && user.account.as_ref().is_some_and(|a| a.locked_at.is_none());
    let client = &session.client;
    let password = if UserOp::of(kind).needs_password() || lock_may_be_the_password {
        Some(client.password_state(&user.id).await?)
    } else {
        None
    };
    let devices = if kind.target() == Needs::Device {
        Some(client.devices(&user.id).await?)
    } else {
        None
    };
    let sessions = if kind.target() == Needs::Session {
        Some(client.sessions(&user.id).await?)
    } else {
        None
    };
    Ok(Before {
        user,
        password,
        devices,
        sessions,
    })
}

/// Says what happened and picks the exit code: an unknown outcome exits by what a fresh read
/// found (0 when the cause this operation fixes is gone, 7 when it is still there).
fn finish(op: &UserOp, before: &Before, applied: &Applied, json: bool) -> Result<Exit, Failure> {
    let kind = op.kind();
    // What came back (a device operation answers with one device, which replaces its old
    // self among those read before).
    let after = Before {
        user: applied.user.clone(),
        password: applied.password.clone(),
        devices: applied.devices_after(before.devices.as_deref()),
        sessions: applied.sessions.clone(),
    };
    let name = inert(&applied.user.username).into_owned();
    let verdict = Verdict::of(&after.known(jiff::Timestamp::now()), 0);
    let still = verdict.still(op);
    let (outcome, exit) = match (&applied.unknown, still) {
        (Some(error), _) => {
            eprintln!("outcome unknown: {error}");
            let fixed = still.is_none();
            eprintln!(
                "PingOne now shows {name}: {}{}",
                verdict.headline(),
                causes_text(&verdict)
            );
            ("unknown", if fixed { Exit::Ok } else { Exit::Network })
        }
        // A code sent (recovery, verification) fixes nothing until the user uses it.
        (None, Some(cause))
            if !matches!(kind, OpKind::SendRecoveryCode | OpKind::ResendVerification) =>
        {
            eprintln!("PingOne answered, but {name} still shows: {}", cause.text);
            ("applied", Exit::Failure)
        }
        (None, _) => {
            eprintln!("{}", op.done(&name));
            ("applied", Exit::Ok)
        }
    };
    if json {
        print_json(&report(kind, &after, outcome))?;
    }
    Ok(exit)
}

fn causes_text(verdict: &Verdict) -> String {
    let causes: Vec<&str> = verdict.causes.iter().map(|c| c.text.as_str()).collect();
    if causes.is_empty() {
        String::new()
    } else {
        format!(": {}", causes.join("; "))
    }
}

/// `{"action", "outcome", "user", "password"?, "devices"?, "sessions"?}` for `--json`.
fn report(kind: OpKind, held: &Before, outcome: &str) -> serde_json::Value {
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
