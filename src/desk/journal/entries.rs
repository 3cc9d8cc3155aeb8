//! The journal as a person reads it: one entry per operation (its intent joined with its
//! outcome), in words, every piece of it inert and on one line (names capped as in a sentence,
//! PingOne's messages at 256 characters).

use std::collections::HashMap;
use std::fmt::Write as _;

use jiff::Timestamp;

use super::record::{Ending, Phase, Record};
use crate::desk::inert::{LONG_VALUE, capped, in_sentence, one_line};

/// One operation, as shown by `pingdesk journal` and the console's journal view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// When it was asked for.
    pub time: Timestamp,
    /// `unlock`, `password-unlock`, …
    pub operation: String,
    /// The username (inert).
    pub username: String,
    /// The user id.
    pub user_id: String,
    /// What inside the user it acted on (inert): `device ID`, `session ID`, `all 3 sessions`.
    pub target: Option<String>,
    /// `ok`, `failed: …`, `unknown…`, or `no outcome recorded` (inert).
    pub result: String,
    /// The ticket (inert), if any.
    pub ticket: Option<String>,
    /// Who, from where (inert): "as CLIENT by USER@HOST from SSH".
    pub who: String,
    /// The run's external session id.
    pub session_id: String,
}

/// The operations of `records` (oldest first), whose time and user `keep` accepts.
pub fn entries(records: &[Record], keep: &dyn Fn(&Record) -> bool) -> Vec<Entry> {
    let mut outcomes: HashMap<&str, &Record> = HashMap::new();
    for record in records.iter().filter(|r| r.phase == Phase::Outcome) {
        outcomes.insert(&record.op_id, record);
    }
    records
        .iter()
        .filter(|r| r.phase == Phase::Intent && keep(r))
        .map(|intent| entry(intent, outcomes.get(intent.op_id.as_str()).copied()))
        .collect()
}

fn entry(intent: &Record, outcome: Option<&Record>) -> Entry {
    let result = match outcome {
        None => "no outcome recorded".to_owned(),
        Some(outcome) => {
            let error = outcome.error.as_ref().map(|e| {
                let code = e
                    .code
                    .as_deref()
                    .map(|c| format!("{c} "))
                    .unwrap_or_default();
                let status = e.status.map(|s| format!("{s} ")).unwrap_or_default();
                // PingOne's message, long or not, leaves the Correlation-Id after it whole.
                format!("{status}{code}{}", capped(&e.message, LONG_VALUE))
            });
            let correlation = outcome
                .correlation_id
                .as_deref()
                .map(|c| format!(" (Correlation-Id {c})"))
                .unwrap_or_default();
            match (outcome.result, error) {
                (Some(Ending::Ok) | None, _) => "ok".to_owned(),
                (Some(Ending::Failed), error) => {
                    format!("failed: {}{correlation}", error.unwrap_or_default())
                }
                (Some(Ending::Unknown), _) if outcome.note.is_some() => {
                    let now = outcome.after.as_ref().and_then(|a| a.account.clone());
                    format!(
                        "unknown; re-read later: account {}",
                        now.unwrap_or_else(|| "?".into())
                    )
                }
                (Some(Ending::Unknown), error) => {
                    format!("unknown: {}", error.unwrap_or_default())
                }
            }
        }
    };
    let who = &intent.who;
    let mut by = format!("as {}", who.client_id);
    if let Some(user) = &who.os_user {
        let _ = write!(by, " by {user}@{}", who.host);
    }
    if let Some(origin) = &who.ssh_origin {
        let _ = write!(by, " from {origin}");
    }
    Entry {
        time: intent.time,
        operation: intent.operation.clone(),
        username: in_sentence(&intent.username),
        user_id: intent.user_id.clone(),
        target: intent
            .target
            .as_ref()
            .and_then(crate::desk::ops::Target::describe)
            .map(|t| in_sentence(&t)),
        result: one_line(&result).into_owned(),
        ticket: intent.ticket.as_deref().map(in_sentence),
        who: one_line(&by).into_owned(),
        session_id: who.session_id.clone(),
    }
}
