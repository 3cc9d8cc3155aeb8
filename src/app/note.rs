//! The ticket note (`c` `n`): who the user is, what was wrong, what was done, when, and the
//! `Correlation-Id` PingOne gave the answer, ready to paste into a ticket.

use jiff::Timestamp;

use super::state::State;
use crate::api::ApiError;
use crate::desk::{Applied, UserOp, Verdict, inert};

/// The last operation on a user, as the note tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// The operation ("unlock account").
    pub verb: &'static str,
    /// What stopped the user before it.
    pub was_wrong: Vec<String>,
    /// What the status line said when it was answered.
    pub said: String,
    /// When it was answered.
    pub at: Timestamp,
    /// PingOne's `Correlation-Id` for the answer, when it gave one.
    pub correlation_id: Option<String>,
}

/// What the note must keep of an operation whose answer just arrived, taken before the answer
/// changes the state.
pub(super) struct Pending {
    id: String,
    verb: &'static str,
    was_wrong: Vec<String>,
    correlation_id: Option<String>,
}

impl Pending {
    /// Operation `op` on user `id` has been answered with `result`.
    pub(super) fn new(
        state: &State,
        id: &str,
        op: &UserOp,
        result: &Result<Box<Applied>, ApiError>,
    ) -> Self {
        Self {
            id: id.to_owned(),
            verb: op.kind().verb(),
            was_wrong: causes_of(state, id),
            correlation_id: match result {
                Ok(applied) => applied.correlation_id.clone(),
                Err(error) => error.correlation_id.clone(),
            },
        }
    }

    /// Keeps it, with what the status line now says.
    pub(super) fn record(self, state: &mut State) {
        let done = Done {
            verb: self.verb,
            was_wrong: self.was_wrong,
            said: state
                .status
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
            at: state.view.wall_now(state.now),
            correlation_id: self.correlation_id,
        };
        state.view.done.insert(self.id, done);
    }
}

/// What stops user `id` signing in, as the console knows it now.
fn causes_of(state: &State, id: &str) -> Vec<String> {
    let Some(row) = state.results.rows.iter().find(|row| row.id == id) else {
        return Vec::new();
    };
    state
        .known_since(id, &row.user(), row.received, |known| Verdict::of(known, 0))
        .causes
        .into_iter()
        .map(|cause| cause.text)
        .collect()
}

/// The note for the selected user (empty when none is selected).
pub(super) fn ticket_note(state: &State) -> String {
    let Some(user) = state.selected_user() else {
        return String::new();
    };
    let name = user.display_name().unwrap_or_default();
    let context = &state.context;
    let environment = match &context.environment_name {
        Some(name) => format!("{name} ({})", context.environment_id),
        None => context.environment_id.clone(),
    };
    let mut lines = vec![
        ("User", format!("{} ({name})", user.username)),
        ("Email", user.email.clone().unwrap_or_else(|| "—".into())),
        ("User id", user.id.clone()),
        ("Environment", environment),
    ];
    let now = state.verdict().map(|verdict| verdict.summary());
    if let Some(done) = state.view.done.get(&user.id) {
        let was_wrong = if done.was_wrong.is_empty() {
            "nothing the console could see".to_owned()
        } else {
            done.was_wrong.join("; ")
        };
        lines.extend([
            ("What was wrong", was_wrong),
            ("What was done", format!("{}: {}", done.verb, done.said)),
            ("When", stamp(done.at)),
            (
                "Correlation-Id",
                done.correlation_id.clone().unwrap_or_else(|| "—".into()),
            ),
        ]);
        lines.extend(now.map(|now| ("Now", now)));
    } else {
        lines.extend(now.map(|now| ("What is wrong", now)));
        lines.extend([
            ("What was done", "nothing yet".to_owned()),
            ("When", stamp(state.view.wall_now(state.now))),
        ]);
    }
    lines
        .into_iter()
        .map(|(label, value)| format!("{label}: {}", inert(&value)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn stamp(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
}
