//! The unlock confirm: who may be asked about, the dialog's answers, and the typed username that
//! a production profile requires. Only a "yes" here turns into an `Effect::Unlock`.

use crossterm::event::KeyCode;

use super::msg::{Action, Effect, ReqId};
use super::state::{Modal, State, StatusKind};

/// `u`: opens the dialog for a locked user, or says why not.
pub(super) fn ask_unlock(state: &mut State) {
    let Some(user) = state.results.selected_row().map(super::state::Row::user) else {
        state.say(StatusKind::Info, "Select a user first");
        return;
    };
    if state.context.read_only {
        state.say(
            StatusKind::Error,
            "Read-only: unlocking is disabled for this connection",
        );
    } else if state.unlock_req.is_some() {
        state.say(StatusKind::Info, "An unlock is already in progress");
    } else if !user.is_locked() {
        let why = super::diagnosis::blockers(&user);
        let text = if why.is_empty() {
            format!("{} is not locked: nothing to unlock", user.username)
        } else {
            format!(
                "{} is not locked, nothing to unlock. Other causes: {}",
                user.username,
                why.join("; ")
            )
        };
        state.say(StatusKind::Info, text);
    } else {
        state.modal = Some(Modal::ConfirmUnlock {
            id: user.id.clone(),
            username: user.username.clone(),
            email: user.email.clone().unwrap_or_default(),
            yes_highlighted: false,
            typed: state.context.production.then(String::new),
        });
    }
}

/// The dialog's answer: yes sends the one unlock, anything else closes it.
pub(super) fn answer(state: &mut State, action: Action) -> Vec<Effect> {
    let Some(Modal::ConfirmUnlock {
        id,
        username,
        yes_highlighted,
        typed,
        ..
    }) = state.modal.as_mut()
    else {
        return Vec::new();
    };
    let yes = match (action, typed.as_deref()) {
        (Action::ToggleChoice, _) => {
            *yes_highlighted = !*yes_highlighted;
            return Vec::new();
        }
        (Action::Choose, Some(typed)) if typed != username.as_str() => {
            state.say(
                StatusKind::Error,
                "Type the username exactly as shown to confirm, or Esc to cancel",
            );
            return Vec::new();
        }
        (Action::Choose, Some(_)) | (Action::Confirm, None) => true,
        (Action::Choose, None) => *yes_highlighted,
        _ => false,
    };
    let (id, username) = (id.clone(), username.clone());
    state.modal = None;
    if !yes {
        state.say(StatusKind::Info, format!("Unlock of {username} cancelled"));
        return Vec::new();
    }
    let req: ReqId = state.next_req();
    state.unlock_req = Some((req, id.clone()));
    state.say(StatusKind::Info, format!("Unlocking {username}…"));
    vec![Effect::Unlock { req, id }]
}

/// On a production dialog, typing edits the username being typed.
pub(super) fn type_into(state: &mut State, code: KeyCode) {
    let Some(Modal::ConfirmUnlock {
        typed: Some(typed), ..
    }) = state.modal.as_mut()
    else {
        return;
    };
    match code {
        KeyCode::Char(c) => typed.push(c),
        KeyCode::Backspace => {
            typed.pop();
        }
        _ => {}
    }
}
