//! The incident tools' IO: the jobs the executor runs and the replies that come back.

use jiff::SignedDuration;

use super::{QueueError, View};
use crate::api::ApiError;
use crate::app::modal::Modal;
use crate::app::msg::{Effect, ReqId};
use crate::app::state::{State, StatusKind};
use crate::desk::bulk::{Item, Report};
use crate::desk::journal::{Record, entries};
use crate::desk::journaled::Reread;
use crate::desk::queue::{self, Queue};

/// Work for the executor.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Look in the journal for intents a previous run left without an outcome.
    CheckUnresolved,
    /// Read those intents' users again and record what PingOne shows.
    Reread {
        /// The request id its reply will carry.
        req: ReqId,
        /// The intents.
        intents: Vec<Record>,
    },
    /// Build the locked-now queue from the audit activities of `window` (or a bounded scan).
    LoadQueue {
        /// The request id its reply will carry.
        req: ReqId,
        /// How far back.
        window: SignedDuration,
        /// Scan the users list instead of reading audit data.
        scan: bool,
    },
    /// Read the journal.
    LoadJournal {
        /// The request id its reply will carry.
        req: ReqId,
    },
    /// Unlock these users (only ever after the bulk confirm).
    Bulk {
        /// The request id its replies will carry.
        req: ReqId,
        /// What to send.
        items: Vec<Item>,
        /// The ticket.
        ticket: Option<String>,
    },
    /// Send nothing more for bulk `req`; requests in flight finish.
    StopBulk {
        /// The bulk unlock.
        req: ReqId,
    },
}

/// What comes back.
#[derive(Debug)]
pub enum Reply {
    /// The intents without an outcome (or why the journal could not be read).
    Unresolved(Result<Vec<Record>, String>),
    /// What re-reading their users found.
    Reread {
        /// The request this answers.
        req: ReqId,
        /// One per intent.
        results: Vec<Reread>,
    },
    /// The queue (or why not).
    QueueLoaded {
        /// The request this answers.
        req: ReqId,
        /// What came back.
        result: Result<Queue, ApiError>,
    },
    /// The journal's records (or why not).
    JournalLoaded {
        /// The request this answers.
        req: ReqId,
        /// What came back.
        result: Result<Vec<Record>, String>,
    },
    /// One user of a bulk unlock ended.
    BulkItem {
        /// The bulk unlock.
        req: ReqId,
        /// How.
        report: Report,
    },
    /// Every user of a bulk unlock ended.
    BulkFinished {
        /// The bulk unlock.
        req: ReqId,
    },
    /// An operation was sent but its outcome could not be journaled.
    Unrecorded(String),
}

/// Applies a reply.
pub fn on_reply(state: &mut State, reply: Reply) -> Vec<Effect> {
    let incident = &mut state.incident;
    match reply {
        Reply::Unresolved(Ok(intents)) if !intents.is_empty() => {
            incident.unresolved = intents;
            if state.modal.is_none() {
                state.modal = Some(Modal::Incident(View::Unresolved));
            }
        }
        Reply::Unresolved(Ok(_)) => {}
        Reply::Unresolved(Err(error)) => state.say(StatusKind::Error, error),
        Reply::Reread { req, results } if incident.reread == Some(req) => {
            incident.reread = None;
            incident.unresolved.clear();
            let texts: Vec<String> = results.into_iter().map(|r| r.text).collect();
            state.say(StatusKind::Info, texts.join(" · "));
        }
        Reply::QueueLoaded { req, result } if incident.queue.loading == Some(req) => {
            let queue = &mut incident.queue;
            queue.loading = None;
            queue.at = Some(state.now);
            queue.selected = 0;
            queue.result = Some(result.map_err(|error| {
                if queue::audit_forbidden(&error) {
                    QueueError::Forbidden(error.to_string())
                } else {
                    QueueError::Failed(error.to_string())
                }
            }));
            if let Some(Ok(q)) = &queue.result {
                let shown: std::collections::BTreeSet<&String> =
                    q.users.iter().map(|l| &l.user.id).collect();
                queue.marks.retain(|id| shown.contains(id));
            }
        }
        Reply::JournalLoaded { req, result } if incident.journal.loading == Some(req) => {
            incident.journal.loading = None;
            incident.journal.entries = Some(result.map(|records| {
                let mut all = entries(&records, &|_| true);
                all.reverse();
                all
            }));
        }
        Reply::BulkItem { req, report } => {
            if let Some(run) = incident.bulk.as_mut().filter(|b| b.req == req) {
                run.count(&report);
            }
        }
        Reply::BulkFinished { req } => {
            if let Some(run) = incident.bulk.as_mut().filter(|b| b.req == req) {
                run.finished = true;
                let text = format!(
                    "Bulk unlock: {} of {} unlocked, {} failed, {} still locked, {} unknown, {} not sent",
                    run.done, run.total, run.failed, run.not_done, run.unknown, run.skipped
                );
                let clean = run.done == run.total;
                state.say(
                    if clean {
                        StatusKind::Success
                    } else {
                        StatusKind::Error
                    },
                    text,
                );
            }
        }
        Reply::Unrecorded(error) => {
            let text = match &state.status {
                Some(status) => format!("{}; the outcome was not journaled: {error}", status.text),
                None => format!("The outcome was not journaled: {error}"),
            };
            state.say(StatusKind::Error, text);
        }
        Reply::Reread { .. } | Reply::QueueLoaded { .. } | Reply::JournalLoaded { .. } => {
            tracing::debug!("dropped a stale incident reply");
        }
    }
    Vec::new()
}
