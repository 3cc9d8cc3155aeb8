//! The console's model: state, messages, effects, the key map, and the `update` function that
//! ties them. No IO, no terminal: everything here is tested by feeding messages.

mod inflight;
pub mod keymap;
pub mod modal;
pub mod msg;
mod open;
pub mod paste;
pub mod state;
pub mod update;

pub use inflight::InFlight;
pub use keymap::{KeyMap, Mode};
pub use modal::{Confirm, Modal, Step};
pub use msg::{Action, Effect, Msg, ReqId};
pub use state::{Context, Focus, State};
pub use update::update;
