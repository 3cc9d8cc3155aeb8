//! A paste (bracketed by the terminal, so one event however long): it goes into the search
//! field as text, never as keys, so nothing pasted can press a binding or answer a dialog.

use tui_input::InputRequest;

use super::keymap::Mode;
use super::state::{Focus, State, StatusKind};

/// The most characters a paste puts into the search field.
pub const MAX_PASTE_CHARS: usize = 256;

/// Puts `text` into the search field (focusing it from the list or the detail pane), with line
/// breaks and other control characters dropped and at most [`MAX_PASTE_CHARS`] characters
/// kept; says so when it cut. While a dialog, a menu or the help is open the paste is ignored
/// with a word on the status line; the too-small screen takes no text at all.
pub fn on_paste(state: &mut State, text: &str) {
    match state.mode() {
        Mode::Search | Mode::List | Mode::Detail => {}
        Mode::TooSmall => return,
        _ => {
            state.say(StatusKind::Info, "Paste ignored: close the dialog first");
            return;
        }
    }
    let kept: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
    if kept.is_empty() {
        return;
    }
    state.focus = Focus::Search;
    for &c in kept.iter().take(MAX_PASTE_CHARS) {
        state.input.handle(InputRequest::InsertChar(c));
    }
    if kept.len() > MAX_PASTE_CHARS {
        state.say(
            StatusKind::Info,
            format!(
                "Pasted the first {MAX_PASTE_CHARS} of {} characters",
                kept.len()
            ),
        );
    }
    state.typed_at = Some(state.now);
}
