//! Where the action journal goes: a profile's `journal` file, syslog and ticket rule, or the
//! demo's own journal.

use std::path::PathBuf;

use crate::config::file::Profile;
use crate::desk::journal::{DEFAULT_SYSLOG_SOCKET, Settings as JournalSettings};

/// The journal a profile asks for: its `journal` file (or `PINGDESK_JOURNAL`, or
/// `$XDG_STATE_HOME/pingdesk/journal.jsonl`), syslog (at `PINGDESK_SYSLOG_SOCKET`, or
/// `/dev/log`) when `journal_syslog`, and whether a ticket is required.
pub(super) fn settings(
    profile: &Profile,
    env_value: &dyn Fn(&str) -> Option<String>,
) -> JournalSettings {
    let default = JournalSettings::in_state_dir("journal.jsonl");
    JournalSettings {
        path: env_value("PINGDESK_JOURNAL")
            .map(PathBuf::from)
            .or_else(|| profile.journal.clone())
            .unwrap_or(default.path),
        syslog: profile.journal_syslog.then(|| {
            env_value("PINGDESK_SYSLOG_SOCKET")
                .map_or_else(|| PathBuf::from(DEFAULT_SYSLOG_SOCKET), PathBuf::from)
        }),
        require_ticket: profile.require_ticket,
    }
}

/// The demo's journal: `$XDG_STATE_HOME/pingdesk/demo-journal.jsonl` (or `PINGDESK_JOURNAL`),
/// apart from any tenant's.
pub fn demo_journal() -> JournalSettings {
    let mut settings = JournalSettings::in_state_dir("demo-journal.jsonl");
    if let Some(path) = std::env::var_os("PINGDESK_JOURNAL").filter(|p| !p.is_empty()) {
        settings.path = PathBuf::from(path);
    }
    settings
}
