//! `Context`: where the console is connected and under what rules, fixed at start-up.

use super::copy::Clipboard;

/// What the header says about where we are connected.
// Independent facts about the connection, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Environment display name, when known.
    pub environment_name: Option<String>,
    /// Environment id.
    pub environment_id: String,
    /// Region code, or where the URLs point.
    pub region: String,
    /// Client id, or "access token".
    pub actor: String,
    /// Running on the embedded simulator.
    pub demo: bool,
    /// Writes are refused.
    pub read_only: bool,
    /// The config profile in use.
    pub profile: Option<String>,
    /// A production tenant: confirms ask for the username to be typed.
    pub production: bool,
    /// The banner colour the profile asks for.
    pub banner_color: Option<String>,
    /// Start-up warnings, shown in the status line.
    pub warnings: Vec<String>,
    /// How copies reach the agent's clipboard.
    pub clipboard: Clipboard,
    /// Every change needs a ticket.
    pub require_ticket: bool,
    /// The action journal every write goes through; without one, writes are refused.
    pub journal: Option<crate::desk::Journal>,
}

impl Context {
    /// The environment's name, or its id when it has none.
    pub fn environment_label(&self) -> &str {
        self.environment_name
            .as_deref()
            .unwrap_or(&self.environment_id)
    }
}
