//! The executor's side of the incident tools: the queue, the journal, re-reads and bulk unlocks
//! as tasks, and the stop flags that let Esc end a bulk unlock without aborting the requests
//! in flight.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::mpsc::UnboundedSender;

use super::executor::BoxFuture;
use crate::api::ApiClient;
use crate::app::incident::{Job, Reply};
use crate::app::{Msg, ReqId};
use crate::desk::{Journal, bulk, journaled, queue};

/// Running bulk unlocks' stop flags, and the journal.
pub struct Jobs {
    journal: Option<Journal>,
    stops: HashMap<ReqId, Arc<AtomicBool>>,
}

pub(super) const NO_JOURNAL: &str = "no journal is configured for this connection";

/// Runs `read` (a journal read: file IO) on the blocking pool; its error, or the pool's, in
/// words.
async fn off_the_loop<T, E>(
    read: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, String>
where
    T: Send + 'static,
    E: std::fmt::Display + Send + 'static,
{
    tokio::task::spawn_blocking(read)
        .await
        .map_err(|e| e.to_string())
        .and_then(|r| r.map_err(|e| e.to_string()))
}

impl Jobs {
    /// Jobs writing to `journal` (without one, bulk unlocks are refused).
    pub fn new(journal: Option<Journal>) -> Self {
        Self {
            journal,
            stops: HashMap::new(),
        }
    }

    /// The journal, if any.
    pub fn journal(&self) -> Option<&Journal> {
        self.journal.as_ref()
    }

    /// The task for `job` (with the request id it answers), or `None` when it needs none.
    pub fn start(
        &mut self,
        job: Job,
        client: ApiClient,
        replies: UnboundedSender<Msg>,
    ) -> Option<(ReqId, BoxFuture)> {
        let send = move |reply: Reply| {
            let _ = replies.send(Msg::Incident(reply));
        };
        let journal = self.journal.clone();
        let task: (ReqId, BoxFuture) = match job {
            Job::CheckUnresolved => {
                let journal = journal?;
                (
                    ReqId(0),
                    Box::pin(async move {
                        let found = off_the_loop(move || journal.unresolved()).await;
                        send(Reply::Unresolved(found));
                    }),
                )
            }
            Job::Reread { req, intents } => (
                req,
                Box::pin(async move {
                    let results = match &journal {
                        Some(journal) => journaled::reread(journal, &client, &intents).await,
                        None => Vec::new(),
                    };
                    send(Reply::Reread { req, results });
                }),
            ),
            Job::LoadQueue { req, window, scan } => (
                req,
                Box::pin(async move {
                    let result = if scan {
                        queue::scan(&client, queue::DEFAULT_SCAN).await
                    } else {
                        queue::locked_now(&client, window, jiff::Timestamp::now()).await
                    };
                    send(Reply::QueueLoaded { req, result });
                }),
            ),
            Job::LoadJournal { req } => (
                req,
                Box::pin(async move {
                    let result = match journal {
                        Some(journal) => off_the_loop(move || journal.read()).await,
                        None => Err(NO_JOURNAL.to_owned()),
                    };
                    send(Reply::JournalLoaded { req, result });
                }),
            ),
            Job::StopBulk { req } => {
                if let Some(stop) = self.stops.remove(&req) {
                    stop.store(true, Ordering::SeqCst);
                }
                return None;
            }
            Job::Bulk { req, items, ticket } => {
                let stop = Arc::new(AtomicBool::new(false));
                self.stops.retain(|_, s| Arc::strong_count(s) > 1);
                self.stops.insert(req, Arc::clone(&stop));
                (
                    req,
                    Box::pin(async move {
                        let report = |report: bulk::Report| send(Reply::BulkItem { req, report });
                        match &journal {
                            Some(journal) => {
                                bulk::run(
                                    journal,
                                    &client,
                                    items,
                                    ticket.as_deref(),
                                    bulk::DEFAULT_CONCURRENCY,
                                    &stop,
                                    &report,
                                )
                                .await;
                            }
                            None => {
                                for item in items {
                                    report(bulk::Report {
                                        text: format!("not sent: {NO_JOURNAL}"),
                                        op: item.op.kind(),
                                        subject: item.subject,
                                        end: bulk::End::Skipped,
                                        attempts: 0,
                                    });
                                }
                            }
                        }
                        send(Reply::BulkFinished { req });
                    }),
                )
            }
        };
        Some(task)
    }
}
