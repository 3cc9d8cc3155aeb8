//! The console's model: state, messages, effects, the key map, and the `update` function that
//! ties them. No IO, no terminal: everything here is tested by feeding messages.

mod actions;
mod context;
pub mod copy;
pub mod incident;
mod inflight;
mod keybuild;
pub mod keymap;
pub mod modal;
mod motion;
pub mod msg;
mod note;
mod open;
pub mod paste;
mod pointer;
mod rows;
pub mod sections;
pub mod state;
pub mod tabs;
pub mod update;
pub mod view;

pub use context::Context;
pub use copy::{Clipboard, Copyable, Wrap};
pub use inflight::InFlight;
pub use keybuild::KeyMapError;
pub use keymap::{KeyMap, Mode};
pub use modal::{Confirm, Modal, Step};
pub use msg::{Action, Effect, Msg, ReqId};
pub use state::{Focus, State};
pub use update::update;
pub use view::{Place, Pointer, View};
