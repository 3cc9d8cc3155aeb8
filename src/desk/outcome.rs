//! What an operation's answer means, in one sentence, for the console's status line and the
//! CLI's report alike: done; done but something else still stops the user; not done although
//! PingOne answered; or unknown (the answer was lost), with what PingOne now shows.

use super::apply::{Applied, lost_sentence};
use super::diagnosis::Verdict;
use super::inert::{in_sentence, inert};
use super::known::{Known, device_label};
use super::ops::{Sessions, UserOp};
use crate::api::ApiError;
use crate::pingone::PasswordStatus;

/// How an operation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeKind {
    /// Done, and nothing else stops the user.
    Done,
    /// Done, but another cause still stops the user.
    DoneButStill,
    /// PingOne answered, but the cause the operation fixes is still there.
    NotDone,
    /// The answer was lost; a fresh read shows the change made.
    UnknownButFixed,
    /// The answer was lost; a fresh read shows the change not made, or cannot tell.
    Unknown,
}

/// An operation's outcome and the sentence that says it (inert: safe to show).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// How it ended.
    pub kind: OutcomeKind,
    /// What to tell the person.
    pub text: String,
}

/// The outcome of `op`, from what PingOne holds after it (`applied`) and all that is known of
/// the user after it (`after`: `applied` with what was read before and not changed by it).
/// Whether a write whose answer was lost took is judged from `applied` alone: a fresh read.
pub fn outcome(op: &UserOp, applied: &Applied, after: &Known<'_>) -> Outcome {
    let lost = applied
        .unknown
        .as_ref()
        .map(|error| (lost_sentence(error), error.particulars()));
    told(op, applied, after, lost)
}

/// The outcome of `op` sent by an earlier run that ended before PingOne answered, from what a
/// read now shows (`applied`).
pub fn outcome_of_ended_run(op: &UserOp, applied: &Applied) -> Outcome {
    let lost = format!(
        "{} sent by a run that ended before PingOne answered",
        op.kind().verb()
    );
    let after = applied.known(jiff::Timestamp::now());
    told(op, applied, &after, Some((lost, String::new())))
}

/// The outcome of `op`; `lost` says how its answer was lost (and PingOne's particulars), when
/// it was.
fn told(
    op: &UserOp,
    applied: &Applied,
    after: &Known<'_>,
    lost: Option<(String, String)>,
) -> Outcome {
    let username = &after.user.username;
    let name = in_sentence(username);
    let verdict = Verdict::of(after, 0);
    let still = verdict.still(op);
    let shows = || {
        if verdict.causes.is_empty() {
            verdict.headline().to_owned()
        } else {
            format!("{}: {}", verdict.headline(), verdict.causes_text())
        }
    };
    let (kind, text) = match (lost, still) {
        (Some((lost, particulars)), _) => {
            // Sent once; whether it took is what a fresh read shows, never a second send.
            let seen = op.seen(&applied.known(after.now));
            (
                if matches!(seen, Seen::Done(_)) {
                    OutcomeKind::UnknownButFixed
                } else {
                    OutcomeKind::Unknown
                },
                format!(
                    "Outcome unknown ({}; not sent again). PingOne now shows {name}: {} — {}{}",
                    lost,
                    shows(),
                    seen.text(),
                    particulars
                ),
            )
        }
        (None, Some(cause)) if op.settles_cause() => (
            OutcomeKind::NotDone,
            format!("PingOne answered, but {name} still shows: {}", cause.text),
        ),
        (None, _) if verdict.blocked() => (
            OutcomeKind::DoneButStill,
            format!("{}; still {}", op.done(username), shows()),
        ),
        (None, _) => (OutcomeKind::Done, op.done(username)),
    };
    Outcome { kind, text }
}

/// What to say when an operation's answer was lost and the read after it failed too; `look`
/// says how to see what PingOne holds.
pub fn unread(error: &ApiError, look: &str) -> String {
    format!(
        "Outcome unknown ({}; not sent again), and the user could not be read again: {look}{}",
        lost_sentence(error),
        error.particulars()
    )
}

/// Whether a fresh read shows what an operation changes, said in words (for a write whose
/// answer was lost: did it happen?).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// The change is there: "the account is OK".
    Done(String),
    /// The change is not there: "the account is still LOCKED".
    NotDone(String),
    /// A read cannot tell (a code was emailed, or the password could not be read).
    Unseen(String),
}

impl Seen {
    /// The words.
    pub fn text(&self) -> &str {
        match self {
            Self::Done(text) | Self::NotDone(text) | Self::Unseen(text) => text,
        }
    }
}

impl UserOp {
    /// Whether what is `known` after it (the user, and the password, devices or sessions read
    /// after it) shows this operation's change.
    pub fn seen(&self, known: &Known<'_>) -> Seen {
        let user = known.user;
        let (done, yes, no) = match self {
            Self::UnlockAccount => (
                !user.is_locked(),
                "the account is OK",
                "the account is still LOCKED",
            ),
            Self::LockAccount { .. } => (
                user.is_locked(),
                "the account is LOCKED",
                "the account is not locked",
            ),
            Self::EnableUser => (
                user.enabled != Some(false),
                "the user is enabled",
                "the user is still disabled",
            ),
            Self::DisableUser => (
                user.enabled == Some(false),
                "the user is disabled",
                "the user is still enabled",
            ),
            Self::EnableMfa => (
                user.mfa_enabled == Some(true),
                "MFA is on",
                "MFA is still off",
            ),
            Self::DisableMfa => (
                user.mfa_enabled != Some(true),
                "MFA is off",
                "MFA is still on",
            ),
            Self::UnlockPassword | Self::ForcePasswordChange => return self.seen_password(known),
            Self::UnblockDevice { device } | Self::BlockDevice { device } => {
                return self.seen_device(known, device);
            }
            Self::RevokeSession { sessions } => return seen_sessions(known, sessions),
            Self::SendRecoveryCode | Self::ResendVerification => {
                return Seen::Unseen(
                    "PingOne does not show whether a code was emailed: ask the user".into(),
                );
            }
        };
        if done {
            Seen::Done(yes.to_owned())
        } else {
            Seen::NotDone(no.to_owned())
        }
    }

    /// A password unlock or forced change, as the password state read after it shows.
    fn seen_password(&self, known: &Known<'_>) -> Seen {
        let Some(password) = known.password else {
            return Seen::Unseen("the password state could not be read".into());
        };
        let done = match self {
            Self::UnlockPassword => !password.is_locked_out(),
            _ => password.status == PasswordStatus::MustChange,
        };
        let text = format!("the password is {}", inert(password.status.as_str()));
        if done {
            Seen::Done(text)
        } else {
            Seen::NotDone(text)
        }
    }

    /// A block or unblock of `device`, as the devices read after it show.
    fn seen_device(&self, known: &Known<'_>, device: &str) -> Seen {
        if known.devices.is_none() {
            return Seen::Unseen("the MFA devices could not be read".into());
        }
        let Some(found) = known.device(device) else {
            return Seen::Unseen(format!(
                "the MFA device {} is no longer listed",
                in_sentence(device)
            ));
        };
        let label = device_label(found);
        match (found.is_blocked(), matches!(self, Self::BlockDevice { .. })) {
            (true, true) => Seen::Done(format!("the MFA device {label} is BLOCKED")),
            (false, false) => Seen::Done(format!("the MFA device {label} is not blocked")),
            (true, false) => Seen::NotDone(format!("the MFA device {label} is still BLOCKED")),
            (false, true) => Seen::NotDone(format!("the MFA device {label} is not blocked")),
        }
    }
}

/// A revoke of `sessions`, as the sessions read after it show.
fn seen_sessions(known: &Known<'_>, sessions: &Sessions) -> Seen {
    if known.sessions.is_none() {
        return Seen::Unseen("the sessions could not be read".into());
    }
    let ids = match sessions {
        Sessions::One(id) => std::slice::from_ref(id),
        Sessions::All(ids) => ids.as_slice(),
    };
    match ids.iter().filter(|id| known.session(id).is_some()).count() {
        0 if ids.len() == 1 => Seen::Done("the session has ended".into()),
        0 => Seen::Done("none of those sessions is left".into()),
        1 if ids.len() == 1 => Seen::NotDone("the session is still there".into()),
        left => Seen::NotDone(format!(
            "{left} of those {} sessions are still there",
            ids.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::ops::{OpKind, Target};
    use crate::pingone::device::{BlockStatus, DeviceBlock};
    use crate::pingone::{Device, Session, User};

    fn blocked(id: &str, yes: bool) -> Device {
        Device {
            id: id.into(),
            kind: "SMS".into(),
            block: Some(DeviceBlock {
                status: if yes {
                    BlockStatus::Blocked
                } else {
                    BlockStatus::Unblocked
                },
                blocked_at: None,
            }),
            ..Device::default()
        }
    }

    #[test]
    fn a_fresh_read_says_whether_device_session_and_mfa_changes_took() {
        let user = User {
            mfa_enabled: Some(true),
            ..User::default()
        };
        let devices = [blocked("d1", false), blocked("d2", true)];
        let sessions = [Session {
            id: "s2".into(),
            ..Session::default()
        }];
        let read = Known {
            devices: Some(&devices),
            sessions: Some(&sessions),
            ..Known::record(&user, jiff::Timestamp::UNIX_EPOCH)
        };
        let seen = |kind, target| UserOp::at(kind, target).seen(&read);
        let device = |id: &str| Target::Device(id.into());
        assert!(matches!(
            seen(OpKind::UnblockDevice, device("d1")),
            Seen::Done(_)
        ));
        assert!(
            matches!(seen(OpKind::UnblockDevice, device("d2")), Seen::NotDone(t) if t.contains("still BLOCKED"))
        );
        assert!(matches!(
            seen(OpKind::BlockDevice, device("d2")),
            Seen::Done(_)
        ));
        assert!(matches!(
            seen(OpKind::UnblockDevice, device("zz")),
            Seen::Unseen(_)
        ));
        let session = |id: &str| Target::Session(id.into());
        assert_eq!(
            seen(OpKind::RevokeSession, session("s1")),
            Seen::Done("the session has ended".into())
        );
        assert!(matches!(
            seen(OpKind::RevokeSession, session("s2")),
            Seen::NotDone(_)
        ));
        let all = Target::AllSessions(vec!["s1".into(), "s2".into()]);
        assert_eq!(
            seen(OpKind::RevokeSession, all),
            Seen::NotDone("1 of those 2 sessions are still there".into())
        );
        assert_eq!(
            seen(OpKind::EnableMfa, Target::User),
            Seen::Done("MFA is on".into())
        );
        assert_eq!(
            seen(OpKind::DisableMfa, Target::User),
            Seen::NotDone("MFA is still on".into())
        );
        let unread = Known::record(&user, jiff::Timestamp::UNIX_EPOCH);
        let op = UserOp::at(OpKind::RevokeSession, session("s1"));
        assert!(
            matches!(op.seen(&unread), Seen::Unseen(_)),
            "nothing read, nothing claimed"
        );
    }
}
