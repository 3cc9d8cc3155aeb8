//! What an operation's answer means, in one sentence, for the console's status line and the
//! CLI's report alike: done; done but something else still stops the user; not done although
//! PingOne answered; or unknown (the answer was lost), with what PingOne now shows.

use super::apply::{Applied, lost_sentence};
use super::diagnosis::{Fix, Verdict};
use super::inert::in_sentence;
use super::inert::inert;
use super::ops::UserOp;
use crate::api::ApiError;
use crate::pingone::{PasswordState, PasswordStatus, User};

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

/// The outcome of `op`, from what PingOne holds after it.
pub fn outcome(op: &UserOp, applied: &Applied) -> Outcome {
    let lost = applied
        .unknown
        .as_ref()
        .map(|error| (lost_sentence(error), error.particulars()));
    told(op, applied, lost)
}

/// The outcome of `op` sent by an earlier run that ended before PingOne answered, from what a
/// read now shows (`applied`).
pub fn outcome_of_ended_run(op: &UserOp, applied: &Applied) -> Outcome {
    let lost = format!(
        "{} sent by a run that ended before PingOne answered",
        op.kind().verb()
    );
    told(op, applied, Some((lost, String::new())))
}

/// The outcome of `op`; `lost` says how its answer was lost (and PingOne's particulars), when
/// it was.
fn told(op: &UserOp, applied: &Applied, lost: Option<(String, String)>) -> Outcome {
    let name = in_sentence(&applied.user.username);
    let verdict = Verdict::of(&applied.user, applied.password.as_ref(), 0);
    let still = verdict
        .causes
        .iter()
        .find(|cause| cause.fix == Fix::Op(op.kind()));
    let shows = || {
        let causes: Vec<&str> = verdict.causes.iter().map(|c| c.text.as_str()).collect();
        match causes.as_slice() {
            [] => verdict.headline().to_owned(),
            _ => format!("{}: {}", verdict.headline(), causes.join("; ")),
        }
    };
    let (kind, text) = match (lost, still) {
        (Some((lost, particulars)), _) => {
            // Sent once; whether it took is what a fresh read shows, never a second send.
            let seen = op.seen(&applied.user, applied.password.as_ref());
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
            format!("{}; still {}", op.done(&name), shows()),
        ),
        (None, _) => (OutcomeKind::Done, op.done(&name)),
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
    /// Whether `user` (and `password`, read after it) show this operation's change.
    pub fn seen(&self, user: &User, password: Option<&PasswordState>) -> Seen {
        let status = password.map(|p| p.status.as_str().to_owned());
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
            Self::UnlockPassword | Self::ForcePasswordChange => {
                let Some(status) = status else {
                    return Seen::Unseen("the password state could not be read".into());
                };
                let done = match self {
                    Self::UnlockPassword => password.is_some_and(|p| !p.is_locked_out()),
                    _ => password.is_some_and(|p| p.status == PasswordStatus::MustChange),
                };
                let text = format!("the password is {}", inert(&status));
                return if done {
                    Seen::Done(text)
                } else {
                    Seen::NotDone(text)
                };
            }
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
}
