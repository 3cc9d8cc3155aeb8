//! Copying what a ticket needs: `c` then a letter copies the selected user's id, username, email,
//! raw JSON or a ticket note. The text goes to the agent's own clipboard by OSC 52 (through SSH,
//! wrapped for tmux and screen), or, where that cannot work, into an overlay to select by hand.
//! What is copied is always the inert form: no escape from a user attribute rides along.

use base64::Engine as _;

use super::modal::Modal;
use super::msg::Effect;
use super::note;
use super::state::{State, StatusKind};
use crate::desk::inert;

/// What `c` then a letter copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Copyable {
    /// The user's id.
    Id,
    /// The username.
    Username,
    /// The email address.
    Email,
    /// The record as PingOne sent it, pretty-printed.
    Json,
    /// A paste-ready ticket note: who, what was wrong, what was done, when, Correlation-Id.
    Note,
}

impl Copyable {
    /// Its action's name in the key file.
    pub fn action_name(self) -> &'static str {
        match self {
            Self::Id => "copy_id",
            Self::Username => "copy_username",
            Self::Email => "copy_email",
            Self::Json => "copy_json",
            Self::Note => "copy_note",
        }
    }

    /// What it copies, for the help and the status line.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Id => "copy the id",
            Self::Username => "copy the username",
            Self::Email => "copy the email",
            Self::Json => "copy the raw JSON",
            Self::Note => "copy a ticket note",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Self::Id => "the id",
            Self::Username => "the username",
            Self::Email => "the email",
            Self::Json => "the raw JSON",
            Self::Note => "a ticket note",
        }
    }
}

/// How copied text reaches the agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clipboard {
    /// An OSC 52 sequence to the terminal, wrapped for a multiplexer when inside one.
    Osc52(Wrap),
    /// An overlay with the text, to select by hand; the reason says why not OSC 52.
    Overlay(String),
}

impl Default for Clipboard {
    fn default() -> Self {
        Self::Osc52(Wrap::None)
    }
}

/// The multiplexer an OSC 52 sequence must pass through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Wrap {
    /// Straight to the terminal.
    #[default]
    None,
    /// Inside tmux: the plain sequence (tmux keeps it when `set-clipboard` is on) and the same
    /// in tmux's passthrough, for the terminal outside.
    Tmux,
    /// Inside GNU screen: in screen's passthrough (a DCS string).
    Screen,
}

/// Decides how to copy from the environment and the config file's `clipboard`: `false` means
/// the overlay; terminals known to ignore OSC 52 get the overlay too.
pub fn clipboard_for(env: &dyn Fn(&str) -> Option<String>, enabled: Option<bool>) -> Clipboard {
    if enabled == Some(false) {
        return Clipboard::Overlay("clipboard = false in the config file".to_owned());
    }
    let term = env("TERM").unwrap_or_default();
    let program = env("TERM_PROGRAM").unwrap_or_default();
    let unsupported = if term == "linux" || term == "dumb" || term.is_empty() {
        Some(format!("TERM={term}"))
    } else if program == "Apple_Terminal" {
        Some("macOS Terminal".to_owned())
    } else {
        None
    };
    if let Some(terminal) = unsupported {
        return Clipboard::Overlay(format!("{terminal} does not take copies by OSC 52"));
    }
    if env("TMUX").is_some_and(|v| !v.is_empty()) {
        Clipboard::Osc52(Wrap::Tmux)
    } else if env("STY").is_some_and(|v| !v.is_empty()) {
        Clipboard::Osc52(Wrap::Screen)
    } else {
        Clipboard::Osc52(Wrap::None)
    }
}

/// The bytes that put `text` on the clipboard: `ESC ] 52 ; c ; BASE64 BEL`, wrapped for `wrap`.
pub fn osc52(text: &str, wrap: Wrap) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let plain = format!("\u{1b}]52;c;{encoded}\u{7}");
    match wrap {
        Wrap::None => plain.into_bytes(),
        Wrap::Tmux => format!("{plain}\u{1b}Ptmux;\u{1b}{plain}\u{1b}\\").into_bytes(),
        Wrap::Screen => format!("\u{1b}P{plain}\u{1b}\\").into_bytes(),
    }
}

/// Multi-line text made inert line by line (the line breaks stay).
pub(super) fn inert_lines(text: &str) -> String {
    text.lines()
        .map(|line| inert(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `c` then a letter: copies `what` of the selected user, or says why not.
pub(super) fn copy(state: &mut State, what: Copyable) -> Vec<Effect> {
    state.modal = None;
    let Some(user) = state.selected_user().cloned() else {
        state.say(StatusKind::Info, "Select a user first");
        return Vec::new();
    };
    let raw = match what {
        Copyable::Id => user.id.clone(),
        Copyable::Username => user.username.clone(),
        Copyable::Email => user.email.clone().unwrap_or_default(),
        Copyable::Json => {
            serde_json::to_string_pretty(&user).expect("a User always encodes to JSON")
        }
        Copyable::Note => note::ticket_note(state),
    };
    let text = inert_lines(&raw);
    let name = inert(&user.username).into_owned();
    if text.is_empty() {
        state.say(
            StatusKind::Info,
            format!("Nothing to copy: {} of {name} is empty", what.noun()),
        );
        return Vec::new();
    }
    match state.context.clipboard.clone() {
        Clipboard::Osc52(wrap) => {
            let size = match text.len() {
                1 => "1 byte".to_owned(),
                n => format!("{n} bytes"),
            };
            state.say(
                StatusKind::Success,
                format!(
                    "Copied {} of {name} ({size}) by OSC 52: paste it where you need it",
                    what.noun()
                ),
            );
            vec![Effect::Copy { text, wrap }]
        }
        Clipboard::Overlay(why) => {
            state.say(
                StatusKind::Info,
                format!("Not copied ({why}): select the text and copy it by hand"),
            );
            state.view.overlay_scroll = 0;
            state.modal = Some(Modal::Text {
                title: format!("{} of {name}", what.noun()),
                text,
            });
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_bytes_are_exact() {
        assert_eq!(osc52("hi", Wrap::None), b"\x1b]52;c;aGk=\x07");
        assert_eq!(
            osc52("hi", Wrap::Tmux),
            b"\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
        assert_eq!(osc52("hi", Wrap::Screen), b"\x1bP\x1b]52;c;aGk=\x07\x1b\\");
    }

    #[test]
    fn copied_text_is_inert() {
        let text = inert_lines("a\u{1b}]52;c;ZXZpbA==\u{7}\nsecond\u{9b}line");
        assert_eq!(text, "a␛]52;c;ZXZpbA==␇\nsecond\u{FFFD}line");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn the_environment_decides_how_to_copy() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let xterm = env(&[("TERM", "xterm-256color")]);
        assert_eq!(clipboard_for(&xterm, None), Clipboard::Osc52(Wrap::None));
        assert!(matches!(
            clipboard_for(&xterm, Some(false)),
            Clipboard::Overlay(_)
        ));
        let tmux = env(&[
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/tmux-0/default,1,0"),
        ]);
        assert_eq!(
            clipboard_for(&tmux, Some(true)),
            Clipboard::Osc52(Wrap::Tmux)
        );
        let screen = env(&[("TERM", "screen"), ("STY", "123.pts-0.host")]);
        assert_eq!(clipboard_for(&screen, None), Clipboard::Osc52(Wrap::Screen));
        let console = env(&[("TERM", "linux")]);
        assert_eq!(
            clipboard_for(&console, None),
            Clipboard::Overlay("TERM=linux does not take copies by OSC 52".into())
        );
        let apple = env(&[
            ("TERM", "xterm-256color"),
            ("TERM_PROGRAM", "Apple_Terminal"),
        ]);
        assert!(matches!(clipboard_for(&apple, None), Clipboard::Overlay(_)));
    }
}
