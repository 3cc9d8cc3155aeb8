//! Runs effects as tasks and sends their results back as messages; aborts superseded ones.

use std::collections::HashMap;
use std::io::Write;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::AbortHandle;
use tracing::Instrument as _;

use crate::api::{ApiClient, ApiError};
use crate::app::incident::Reply;
use crate::app::sections::{SectionKind, SectionValue};
use crate::app::{Effect, Msg, ReqId};
use crate::desk::{Applied, Journal, OpError, Subject, UserOp, journaled};
use crate::pingone::User;

/// One request's work, boxed so that every kind is spawned the same way.
pub type BoxFuture = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>;

/// Turns effects into tasks against the API.
pub struct Executor {
    client: ApiClient,
    replies: UnboundedSender<Msg>,
    running: HashMap<ReqId, AbortHandle>,
    page_size: usize,
    jobs: super::incident::Jobs,
    /// The terminal, for OSC 52 copies.
    terminal_out: Box<dyn Write + Send>,
}

impl Executor {
    /// An executor whose tasks reply on `replies`, journal on `journal` and write copies to
    /// `terminal_out`.
    pub fn new(
        client: ApiClient,
        replies: UnboundedSender<Msg>,
        page_size: usize,
        journal: Option<Journal>,
        terminal_out: Box<dyn Write + Send>,
    ) -> Self {
        Self {
            client,
            replies,
            running: HashMap::new(),
            page_size,
            jobs: super::incident::Jobs::new(journal),
            terminal_out,
        }
    }

    /// Writes `text` to the terminal by OSC 52, through `wrap`.
    fn copy(&mut self, text: &str, wrap: crate::app::Wrap) {
        let bytes = crate::app::copy::osc52(text, wrap);
        let written = self
            .terminal_out
            .write_all(&bytes)
            .and_then(|()| self.terminal_out.flush());
        if let Err(error) = written {
            tracing::warn!(%error, "writing a copy to the terminal failed");
        }
    }

    /// Starts (or cancels) what the effects ask for.
    pub fn run(&mut self, effects: Vec<Effect>) {
        self.running.retain(|_, handle| !handle.is_finished());
        for effect in effects {
            let client = self.client.clone();
            let replies = self.replies.clone();
            let page_size = self.page_size;
            let (req, work): (ReqId, BoxFuture) = match effect {
                Effect::Cancel(req) => {
                    if let Some(handle) = self.running.remove(&req) {
                        handle.abort();
                        tracing::debug!(?req, "aborted a superseded request");
                    }
                    continue;
                }
                Effect::Copy { text, wrap } => {
                    self.copy(&text, wrap);
                    continue;
                }
                // The loop does it: suspending needs the terminal.
                Effect::Suspend => continue,
                Effect::Search { req, query } => (
                    req,
                    Box::pin(async move {
                        let result = client.find_users(&query, page_size).await;
                        let _ = replies.send(Msg::SearchLoaded { req, result });
                    }),
                ),
                Effect::LoadMore { req, next } => (
                    req,
                    Box::pin(async move {
                        let result = client.next_page(&next).await;
                        let _ = replies.send(Msg::MoreLoaded { req, result });
                    }),
                ),
                Effect::Refresh { req, id } => (
                    req,
                    Box::pin(async move {
                        let result = client.get_user(&id).await.map(Box::new);
                        let _ = replies.send(Msg::UserRefreshed { req, result });
                    }),
                ),
                Effect::ReadSection { req, id, kind } => (
                    req,
                    Box::pin(async move {
                        let result = read_section(&client, &id, kind).await;
                        let read_at = jiff::Timestamp::now();
                        let _ = replies.send(Msg::SectionLoaded {
                            req,
                            kind,
                            read_at,
                            result,
                        });
                    }),
                ),
                Effect::ReadPopulation { req, id } => (
                    req,
                    Box::pin(async move {
                        let result = client.population(&id).await;
                        let _ = replies.send(Msg::PopulationLoaded { req, id, result });
                    }),
                ),
                Effect::Apply {
                    req,
                    user,
                    op,
                    ticket,
                    subject,
                } => {
                    let journal = self.jobs.journal().cloned();
                    (
                        req,
                        Box::pin(async move {
                            let done = journaled_apply(
                                journal.as_ref(),
                                &client,
                                &user,
                                &subject,
                                &op,
                                ticket.as_deref(),
                            )
                            .await;
                            let result = done.result.map(Box::new);
                            let _ = replies.send(Msg::Applied { req, op, result });
                            if let Some(trouble) = done.unrecorded {
                                let _ = replies.send(Msg::Incident(Reply::Unrecorded(trouble)));
                            }
                        }),
                    )
                }
                Effect::Incident(job) => match self.jobs.start(job, client, replies) {
                    Some(task) => task,
                    None => continue,
                },
            };
            // Every log line of the request carries its id.
            let task = tokio::spawn(work.instrument(tracing::info_span!("request", req = req.0)));
            self.running.insert(req, task.abort_handle());
        }
    }
}

/// `op` on `user` through `journal` (refused without one), logged before it leaves (so a kill
/// mid-request still leaves a trace) and when it fails.
async fn journaled_apply(
    journal: Option<&Journal>,
    client: &ApiClient,
    user: &User,
    subject: &Subject,
    op: &UserOp,
    ticket: Option<&str>,
) -> journaled::Done<Applied> {
    let id = &user.id;
    tracing::info!(op = op.kind().verb(), user_id = %id, actor = client.actor(), "sending an operation");
    let done = match journal {
        Some(journal) => journaled::apply(journal, client, user, subject, op, ticket).await,
        None => journaled::Done {
            result: Err(OpError::Refused(super::incident::NO_JOURNAL.into())),
            unrecorded: None,
        },
    };
    if let Err(error) = &done.result {
        tracing::warn!(op = op.kind().verb(), user_id = %id, %error, "operation failed");
    }
    done
}

/// Reads one section of user `id`.
async fn read_section(
    client: &ApiClient,
    id: &str,
    kind: SectionKind,
) -> Result<SectionValue, ApiError> {
    match kind {
        SectionKind::Password => client.password_state(id).await.map(SectionValue::Password),
        SectionKind::Devices => client.devices(id).await.map(SectionValue::Devices),
        SectionKind::Sessions => client.sessions(id).await.map(SectionValue::Sessions),
        SectionKind::Groups => client.group_names(id).await.map(SectionValue::Groups),
    }
}
