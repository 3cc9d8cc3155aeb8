//! The console's model: state, messages, effects and the `update` function that ties them.

mod confirm;
pub mod diagnosis;
pub mod msg;
pub mod state;
pub mod update;

pub use msg::{Action, Effect, Msg, ReqId};
pub use state::{Context, Focus, Modal, State};
pub use update::update;
