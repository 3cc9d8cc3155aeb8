//! What an operation's answer means, in one sentence, for the console's status line and the
//! CLI's report alike: done; done but something else still stops the user; not done although
//! PingOne answered; or unknown (the answer was lost), with what PingOne now shows.

use super::apply::{Applied, lost_sentence};
use super::diagnosis::{Fix, Verdict};
use super::inert::inert;
use super::ops::{Seen, UserOp};
use crate::api::ApiError;

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
    let name = inert(&applied.user.username).into_owned();
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
    let (kind, text) = match (&applied.unknown, still) {
        (Some(error), _) => {
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
                    lost_sentence(error),
                    shows(),
                    seen.text(),
                    error.particulars()
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
