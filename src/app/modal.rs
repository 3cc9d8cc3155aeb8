//! The one confirm dialog, for every operation: who it is for, the operation it carries, and its
//! steps (how long, for a lock; then yes or no, or the typed username on production). Only a
//! "yes" here turns into an `Effect::Apply`.

mod lock;

use crossterm::event::KeyCode;
use jiff::Timestamp;

pub use lock::{LOCK_CHOICES, LockChoice, LockPicker};
use lock::{lock_question, lock_until};

use super::msg::{Action, Effect};
use super::state::{State, StatusKind};
use crate::desk::inert::in_sentence;
use crate::desk::journal::given_ticket;
use crate::desk::{OpKind, Refusal, UserOp};

/// A layer over the panes that takes keys first.
// One modal at a time, and tests match on `Modal::Confirm(Confirm { .. })`: not worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// "Do this to that user?"
    Confirm(Confirm),
    /// The key help.
    Help,
    /// What to copy: the next key says.
    CopyMenu,
    /// Text to read or select by hand (what could not be copied).
    Text {
        /// What it is.
        title: String,
        /// The text, inert.
        text: String,
    },
    /// The locked-now queue, the journal, a bulk unlock (their state is in `State::incident`).
    Incident(super::incident::View),
}

/// The confirm dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    /// The operation; a lock's time is filled in by the first step.
    pub op: UserOp,
    /// The user's id.
    pub id: String,
    /// The question, inert.
    pub question: String,
    /// Shown in the dialog: email, why this operation.
    pub username: String,
    /// Shown in the dialog.
    pub email: String,
    /// Where the dialog is.
    pub step: Step,
    /// The ticket the change is for (sent as `X-Ping-External-Transaction-Id`, journaled).
    pub ticket: String,
    /// Whether keys go to the ticket field (from the start when the profile requires one).
    pub editing_ticket: bool,
    /// The user and their state now, for the journal.
    pub subject: crate::desk::Subject,
}

/// The dialog's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A lock's duration, chosen from [`LOCK_CHOICES`].
    PickLock(LockPicker),
    /// Yes or no.
    Answer {
        /// Whether Yes is highlighted (No is, unless moved).
        yes_highlighted: bool,
        /// On a production profile: what has been typed so far, which must equal the username.
        typed: Option<String>,
    },
}

/// The key for operation `kind` on the selected user: opens the dialog, or says why not. An
/// operation on a device or a session acts on the row selected in its tab when the detail pane
/// shows that tab; elsewhere on the one row it applies to, or, when several do, the tab opens
/// for the agent to choose one.
pub(super) fn ask(state: &mut State, kind: OpKind) {
    let Some(user) = state.selected_user().cloned() else {
        state.say(StatusKind::Info, "Select a user first");
        return;
    };
    if state.op.is_busy() {
        state.say(StatusKind::Info, "An operation is already in progress");
        return;
    }
    if state.context.read_only {
        state.say(
            StatusKind::Error,
            Refusal::ReadOnly(kind.verb()).to_string(),
        );
        return;
    }
    let Some(op) = super::tabs::aim(state, kind) else {
        return;
    };
    let read_only = state.context.read_only;
    let Some((refusal, question)) =
        state.with_known(|known| (op.refusal(known, read_only), op.question(known)))
    else {
        return;
    };
    if let Some(refusal) = refusal {
        state.say(StatusKind::Error, refusal.to_string());
        return;
    }
    let (step, question) = if kind == OpKind::LockAccount {
        let question = format!(
            "Lock the account of {}: for how long?",
            in_sentence(&user.username)
        );
        (Step::PickLock(LockPicker::default()), question)
    } else {
        (answer_step(state.context.production), question)
    };
    state.modal = Some(Modal::Confirm(Confirm {
        question,
        ticket: String::new(),
        editing_ticket: state.context.require_ticket,
        subject: crate::desk::Subject::of(&user, state.live_password().as_ref()),
        op,
        id: user.id.clone(),
        username: user.username.clone(),
        email: user.email.clone().unwrap_or_default(),
        step,
    }));
}

/// The yes-or-no step, No highlighted; on `production` the username must be typed.
fn answer_step(production: bool) -> Step {
    Step::Answer {
        yes_highlighted: false,
        typed: production.then(String::new),
    }
}

/// The dialog's answer: yes sends the one operation, anything else closes it.
pub(super) fn answer(state: &mut State, action: Action) -> Vec<Effect> {
    let production = state.context.production;
    let now = Timestamp::now();
    let Some(Modal::Confirm(confirm)) = state.modal.as_mut() else {
        return Vec::new();
    };
    if confirm.editing_ticket || action == Action::EditTicket {
        ticket_keys(state, action);
        return Vec::new();
    }
    let yes = match (&mut confirm.step, action) {
        (Step::PickLock(picker), Action::Up) => {
            picker.choice = picker.choice.saturating_sub(1);
            return Vec::new();
        }
        (Step::PickLock(picker), Action::Down) => {
            picker.choice = (picker.choice + 1).min(LOCK_CHOICES.len() - 1);
            return Vec::new();
        }
        (Step::PickLock(picker), Action::Choose) => {
            match lock_until(picker, now) {
                Ok(unlock_at) => {
                    confirm.op = UserOp::LockAccount { unlock_at };
                    confirm.question = lock_question(&confirm.username, unlock_at, now);
                    confirm.step = answer_step(production);
                }
                Err(problem) => state.say(StatusKind::Error, problem),
            }
            return Vec::new();
        }
        (
            Step::Answer {
                yes_highlighted, ..
            },
            Action::ToggleChoice,
        ) => {
            *yes_highlighted = !*yes_highlighted;
            return Vec::new();
        }
        (
            Step::Answer {
                typed: Some(typed), ..
            },
            Action::Choose,
        ) if typed.as_str() != confirm.username => {
            state.say(
                StatusKind::Error,
                "Type the username exactly as shown to confirm, or Esc to cancel",
            );
            return Vec::new();
        }
        (Step::Answer { typed: Some(_), .. }, Action::Choose)
        | (Step::Answer { typed: None, .. }, Action::Confirm) => true,
        (
            Step::Answer {
                typed: None,
                yes_highlighted,
            },
            Action::Choose,
        ) => *yes_highlighted,
        (_, Action::Decline | Action::Back) => false,
        _ => return Vec::new(),
    };
    let Some(Modal::Confirm(confirm)) = state.modal.take() else {
        return Vec::new();
    };
    if yes {
        send(state, confirm)
    } else {
        let verb = confirm.op.kind().verb();
        let name = in_sentence(&confirm.username);
        state.say(StatusKind::Info, format!("Cancelled: {verb} {name}"));
        Vec::new()
    }
}

/// The confirmed operation, sent (with its ticket, for the journal) to the user as listed now;
/// nothing when a required ticket is missing or the user is no longer listed.
fn send(state: &mut State, confirm: Confirm) -> Vec<Effect> {
    let verb = confirm.op.kind().verb();
    let name = in_sentence(&confirm.username);
    let ticket = ticket_given(&confirm.ticket);
    if ticket.is_none() && state.context.require_ticket {
        state.say(StatusKind::Error, TICKET_MISSING);
        return Vec::new();
    }
    let Some(user) = state
        .results
        .rows
        .iter()
        .find(|row| row.id == confirm.id)
        .map(|row| Box::new(row.user()))
    else {
        state.say(
            StatusKind::Error,
            format!("{name} is no longer listed: nothing sent"),
        );
        return Vec::new();
    };
    let req = state.next_req();
    let mut effects: Vec<Effect> = state
        .op
        .start(req, confirm.id.clone())
        .into_iter()
        .collect();
    state.say(StatusKind::Info, format!("Sending: {verb} {name}…"));
    effects.push(Effect::Apply {
        req,
        user,
        op: confirm.op,
        ticket,
        subject: confirm.subject,
    });
    effects
}

/// Said when Enter would leave a required ticket field blank.
pub(super) const TICKET_STILL_BLANK: &str = "A ticket is required: type it, then Enter";
/// Said when a required ticket is missing at the send.
pub(super) const TICKET_MISSING: &str = "A ticket is required: nothing was sent";

/// The ticket typed, trimmed; `None` when blank.
pub(super) fn ticket_given(typed: &str) -> Option<String> {
    given_ticket(Some(typed)).map(str::to_owned)
}

/// Whether a ticket field holding `typed` still needs one before Enter leaves it.
pub(super) fn ticket_still_blank(typed: &str, require: bool) -> bool {
    require && given_ticket(Some(typed)).is_none()
}

/// The ticket field's keys: `t` (or Tab) opens it; Enter leaves it (unless a required ticket is
/// empty); Esc cancels the dialog.
fn ticket_keys(state: &mut State, action: Action) {
    let require = state.context.require_ticket;
    let Some(Modal::Confirm(confirm)) = state.modal.as_mut() else {
        return;
    };
    match action {
        Action::EditTicket => confirm.editing_ticket = true,
        Action::Choose if ticket_still_blank(&confirm.ticket, require) => {
            state.say(StatusKind::Error, TICKET_STILL_BLANK);
        }
        Action::Choose => confirm.editing_ticket = false,
        Action::Decline | Action::Back => {
            state.modal = None;
            state.say(StatusKind::Info, "Cancelled: nothing was sent");
        }
        _ => {}
    }
}

/// Typing into the dialog: the username on production, or the lock's time.
pub(super) fn type_into(state: &mut State, code: KeyCode) {
    let Some(Modal::Confirm(confirm)) = state.modal.as_mut() else {
        return;
    };
    let field = match &mut confirm.step {
        _ if confirm.editing_ticket => &mut confirm.ticket,
        Step::Answer {
            typed: Some(typed), ..
        } => typed,
        Step::PickLock(picker) if picker.types_a_time() => &mut picker.until,
        _ => return,
    };
    edit(field, code);
}

/// A typed character or Backspace into a dialog's text field (at most 128 characters).
pub(super) fn edit(field: &mut String, code: KeyCode) {
    match code {
        KeyCode::Char(c) if field.chars().count() < 128 => field.push(c),
        KeyCode::Backspace => {
            field.pop();
        }
        _ => {}
    }
}
