//! Bulk unlock: many users, each journaled, with bounded concurrency. A user is never sent
//! twice: the list is de-duplicated, a write whose answer is lost is never repeated, and only a
//! `429` (PingOne refused it unread) is sent again, after `Retry-After`, with the pace slowed
//! below the rate PingOne accepted. Stopping sends nothing more; requests in flight finish.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::{StreamExt as _, stream};

use super::apply::{Sent, recover, send};
use super::diagnosis::lock_may_be_the_password;
use super::inert::in_sentence;
use super::journal::{Journal, Subject};
use super::journaled::{after_applied, after_error, after_sent, ticketed};
use super::ops::{OpKind, UserOp};
use super::pacer::Pacer;
use crate::api::{ApiClient, ApiError, ErrorKind};
use crate::pingone::{PasswordState, PasswordStatus, User};

/// Requests in flight at once, by default.
pub const DEFAULT_CONCURRENCY: usize = 8;

/// One user to unlock, with the operation that unlocks them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The user and their state before.
    pub subject: Subject,
    /// `UnlockAccount`, or `UnlockPassword` when the lock is the password's.
    pub op: UserOp,
}

impl Item {
    /// The unlock `user` needs, as far as the record and the password state (when read) say;
    /// `None` when nothing is locked. A lock without `lockedAt` is the password's (PingOne:
    /// absent "if the account was locked out automatically by failed password attempts")
    /// unless the password state says otherwise: it is unlocked through the password, which
    /// frees the account with it.
    pub fn unlock(user: &User, password: Option<&PasswordState>) -> Option<Self> {
        let password_out = password.is_some_and(|p| p.status == PasswordStatus::LockedOut);
        let op = if lock_may_be_the_password(user) && (password.is_none() || password_out) {
            UserOp::UnlockPassword
        } else if user.is_locked() {
            UserOp::UnlockAccount
        } else if password_out {
            UserOp::UnlockPassword
        } else {
            return None;
        };
        Some(Self {
            subject: Subject::of(user, password),
            op,
        })
    }
}

/// How one user ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Unlocked (also when the answer was lost but a fresh read shows it unlocked).
    Done,
    /// PingOne answered, but the user is still locked.
    NotDone,
    /// The answer was lost, it was not sent again, and a fresh read could not show it done.
    Unknown,
    /// PingOne refused it (or it could not be sent).
    Failed,
    /// Not sent: listed twice, stopped, or the journal refused it.
    Skipped,
}

/// One user's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The user.
    pub subject: Subject,
    /// The operation.
    pub op: OpKind,
    /// How it ended.
    pub end: End,
    /// What to tell the person (inert).
    pub text: String,
    /// Requests sent for it (more than one only after `429`s).
    pub attempts: u32,
}

/// Runs the unlocks of `items`, at most `concurrency` at a time, each between an intent and an
/// outcome record; `report` hears of each user as it ends (in the order they end). `stop`
/// ends sending.
pub async fn run(
    journal: &Journal,
    client: &ApiClient,
    items: Vec<Item>,
    ticket: Option<&str>,
    concurrency: usize,
    stop: &AtomicBool,
    report: &(dyn Fn(Report) + Send + Sync),
) {
    let pacer = Pacer::default();
    let mut seen = HashSet::new();
    let (fresh, twice): (Vec<Item>, Vec<Item>) = items
        .into_iter()
        .partition(|item| seen.insert(item.subject.id.clone()));
    for item in twice {
        report(skipped(&item, "listed twice: sent once"));
    }
    stream::iter(fresh)
        .map(|item| one(journal, client, item, ticket, stop, &pacer))
        .buffer_unordered(concurrency.max(1))
        .for_each(|done| {
            report(done);
            async {}
        })
        .await;
}

fn skipped(item: &Item, why: &str) -> Report {
    Report {
        text: format!("{}: {why}", in_sentence(&item.subject.username)),
        subject: item.subject.clone(),
        op: item.op.kind(),
        end: End::Skipped,
        attempts: 0,
    }
}

async fn one(
    journal: &Journal,
    client: &ApiClient,
    item: Item,
    ticket: Option<&str>,
    stop: &AtomicBool,
    pacer: &Pacer,
) -> Report {
    pacer.slot(stop).await;
    if stop.load(Ordering::SeqCst) {
        return skipped(&item, "stopped before it was sent");
    }
    let intent = match journal.begin(&item.subject, &item.op, ticket).await {
        Ok(intent) => intent,
        Err(error) => return skipped(&item, &format!("not sent: {error}")),
    };
    let client = ticketed(client, &intent);
    let (id, op) = (item.subject.id.as_str(), &item.op);
    let mut attempts = 0;
    let (record, end, text) = loop {
        attempts += 1;
        match send(&client, id, op).await {
            Ok(sent) => {
                pacer.accepted();
                let (end, text) = judge(&item, &sent);
                break (after_sent(&intent, &sent), end, text);
            }
            // Refused unread: nothing was applied, so it may be sent again, later and slower.
            Err(error) if error.kind == ErrorKind::RateLimited && !stop.load(Ordering::SeqCst) => {
                pacer.limited(error.retry_after);
                pacer.slot(stop).await;
                if stop.load(Ordering::SeqCst) {
                    break failed(&intent, &item, &error);
                }
            }
            Err(error) if error.outcome_unknown() => {
                pacer.accepted();
                let name = in_sentence(&item.subject.username);
                break match recover(&client, id, op, error).await {
                    Ok(applied) => {
                        // As for one user: a fresh read that shows the change made counts as
                        // done (the text still says the answer was lost).
                        let told =
                            super::outcome(op, &applied, &applied.known(jiff::Timestamp::now()));
                        let end = if told.kind == super::OutcomeKind::UnknownButFixed {
                            End::Done
                        } else {
                            End::Unknown
                        };
                        (after_applied(&intent, &applied), end, told.text)
                    }
                    Err(error) => (
                        after_error(&intent, &error),
                        End::Unknown,
                        format!("{name}: outcome unknown ({error}); not sent again"),
                    ),
                };
            }
            Err(error) => {
                if error.kind != ErrorKind::RateLimited {
                    pacer.accepted();
                }
                break failed(&intent, &item, &error);
            }
        }
    };
    let text = match journal.finish(&record).await {
        Ok(()) => text,
        Err(error) => format!("{text} (outcome not journaled: {error})"),
    };
    Report {
        subject: item.subject,
        op: item.op.kind(),
        end,
        text,
        attempts,
    }
}

fn failed(
    intent: &super::journal::Record,
    item: &Item,
    error: &ApiError,
) -> (super::journal::Record, End, String) {
    (
        after_error(intent, error),
        End::Failed,
        format!("{}: {error}", in_sentence(&item.subject.username)),
    )
}

/// Whether the answer shows the user unlocked.
fn judge(item: &Item, sent: &Sent) -> (End, String) {
    let name = in_sentence(&item.subject.username);
    let still = match (&sent.user, &sent.password) {
        (Some(user), _) => user.is_locked(),
        (None, Some(password)) => password.status == PasswordStatus::LockedOut,
        (None, None) => false,
    };
    if still {
        (
            End::NotDone,
            format!("PingOne answered, but {name} is still locked"),
        )
    } else {
        (End::Done, item.op.done(&name))
    }
}
