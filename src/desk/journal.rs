//! The action journal: every write, from the console and the CLI, as JSON Lines appended to a
//! file (`$XDG_STATE_HOME/pingdesk/journal.jsonl` by default, created `0600`). An intent record
//! is written and flushed to disk before the request leaves, an outcome record after; a write
//! whose intent cannot be recorded is refused. Concurrent processes append whole lines under
//! an exclusive lock. Optionally each record also goes to the local syslog socket (RFC 5424).
//! The journaled operations themselves are in [`crate::desk::journaled`].

mod entries;
mod file;
pub mod record;
mod syslog;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};

pub use entries::{Entry, entries};
pub use file::read_records;
pub use record::{Ending, Failure, Phase, Record, Snapshot, Subject, Who};

use self::file::append_line;
use super::ops::{Target, UserOp};
use crate::api::ApiClient;
use crate::pingone;

/// The ticket given, trimmed; `None` when absent or blank: a blank ticket is no ticket, in the
/// console's dialog, on the command line and in the journal alike.
pub fn given_ticket(typed: Option<&str>) -> Option<&str> {
    typed.map(str::trim).filter(|ticket| !ticket.is_empty())
}

/// Where syslog listens on a Linux host.
pub const DEFAULT_SYSLOG_SOCKET: &str = "/dev/log";

/// An intent without an outcome is still running, not unknown, while its process lives and it
/// is younger than this (a request gives up after 30 s).
const STILL_RUNNING_FOR: SignedDuration = SignedDuration::from_mins(10);

/// Why the journal could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The file or its directory could not be written.
    #[error("the journal {path} cannot be written: {source}")]
    Write {
        /// The journal file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file could not be read.
    #[error("the journal {path} cannot be read: {source}")]
    Read {
        /// The journal file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The profile requires a ticket and none was given.
    #[error(
        "this profile requires a ticket for every change: give one (--ticket ID, or in the dialog)"
    )]
    TicketRequired,
}

/// How a journal is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The file.
    pub path: PathBuf,
    /// Also send each record to this syslog socket.
    pub syslog: Option<PathBuf>,
    /// Refuse a change that has no ticket.
    pub require_ticket: bool,
}

impl Settings {
    /// `$XDG_STATE_HOME/pingdesk/<name>` (`~/.local/state/pingdesk/…`), or the temp directory
    /// when there is no home; no syslog, no ticket required.
    pub fn in_state_dir(name: &str) -> Self {
        let dir = directories::ProjectDirs::from("", "", "pingdesk")
            .and_then(|dirs| dirs.state_dir().map(Path::to_path_buf))
            .unwrap_or_else(std::env::temp_dir);
        Self {
            path: dir.join(name),
            syslog: None,
            require_ticket: false,
        }
    }
}

/// The journal of one run: where it goes and who acts. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Journal {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    settings: Settings,
    who: Who,
}

impl Journal {
    /// A journal with `settings` for a run acting as `who`.
    pub fn new(settings: Settings, who: Who) -> Self {
        Self {
            inner: Arc::new(Inner { settings, who }),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.inner.settings.path
    }

    /// Who this run acts as.
    pub fn who(&self) -> &Who {
        &self.inner.who
    }

    /// Whether every change needs a ticket.
    pub fn requires_ticket(&self) -> bool {
        self.inner.settings.require_ticket
    }

    /// Records the intent to apply `op` to `subject` for `ticket`, on disk, before anything is
    /// sent, and returns it; refused without a ticket when one is required.
    pub async fn begin(
        &self,
        subject: &Subject,
        op: &UserOp,
        ticket: Option<&str>,
    ) -> Result<Record, JournalError> {
        let ticket = given_ticket(ticket);
        if ticket.is_none() && self.requires_ticket() {
            return Err(JournalError::TicketRequired);
        }
        let transaction_id = ticket.map_or_else(
            || format!("pingdesk-{}", uuid::Uuid::new_v4().simple()),
            pingone::external_id,
        );
        let record = Record {
            time: Timestamp::now(),
            phase: Phase::Intent,
            op_id: uuid::Uuid::new_v4().to_string(),
            operation: op.kind().cli_name().to_owned(),
            unlock_at: match op {
                UserOp::LockAccount { unlock_at } => *unlock_at,
                _ => None,
            },
            target: Some(op.target()).filter(|target| *target != Target::User),
            user_id: subject.id.clone(),
            username: subject.username.clone(),
            who: self.inner.who.clone(),
            ticket: ticket.map(str::to_owned),
            transaction_id,
            before: Some(subject.before.clone()),
            result: None,
            after: None,
            error: None,
            correlation_id: None,
            note: None,
        };
        self.append(&record, true).await?;
        Ok(record)
    }

    /// Records how an intent ended. Not flushed to disk: an outcome lost to a power cut
    /// leaves an intent without outcome, which the next start reports and re-reads.
    pub async fn finish(&self, outcome: &Record) -> Result<(), JournalError> {
        self.append(outcome, false).await
    }

    /// Appends one record as one line, under an exclusive lock (so concurrent processes never
    /// interleave), after healing a line a crash left torn; `durable` waits for the disk.
    async fn append(&self, record: &Record, durable: bool) -> Result<(), JournalError> {
        let mut line = serde_json::to_vec(record).expect("a record always encodes to JSON");
        line.push(b'\n');
        let path = self.inner.settings.path.clone();
        let written = tokio::task::spawn_blocking(move || append_line(&path, &line, durable))
            .await
            .map_err(|e| std::io::Error::other(e.to_string()));
        written
            .and_then(|r| r)
            .map_err(|source| JournalError::Write {
                path: self.inner.settings.path.clone(),
                source,
            })?;
        if let Some(socket) = &self.inner.settings.syslog
            && let Err(error) = syslog::send(socket, record)
        {
            // The file is the record; a syslog daemon that is down must not stop the helpdesk.
            tracing::warn!(%error, socket = %socket.display(), "could not send a journal record to syslog");
        }
        Ok(())
    }

    /// Every record, oldest first; lines that are not records (a torn line) are skipped. An
    /// absent file is an empty journal.
    pub fn read(&self) -> Result<Vec<Record>, JournalError> {
        read_records(&self.inner.settings.path)
    }

    /// Intents that have no outcome and whose run is over (a crash, a `kill -9`): their outcome
    /// is unknown.
    pub fn unresolved(&self) -> Result<Vec<Record>, JournalError> {
        Ok(unresolved(&self.read()?, Timestamp::now()))
    }
}

/// The intents of `records` without an outcome whose run is over at `now`.
pub fn unresolved(records: &[Record], now: Timestamp) -> Vec<Record> {
    let finished: std::collections::HashSet<&str> = records
        .iter()
        .filter(|r| r.phase == Phase::Outcome)
        .map(|r| r.op_id.as_str())
        .collect();
    let here = host_name();
    records
        .iter()
        .filter(|r| r.phase == Phase::Intent && !finished.contains(r.op_id.as_str()))
        .filter(|r| !still_running(r, &here, now))
        .cloned()
        .collect()
}

/// Whether the run that wrote `intent` may still be waiting for its answer: on this host, not
/// this process, still alive, and recent.
fn still_running(intent: &Record, here: &str, now: Timestamp) -> bool {
    let recent = now.duration_since(intent.time) < STILL_RUNNING_FOR;
    let other = intent.who.pid != std::process::id();
    let proc_fs = Path::new("/proc/self").exists();
    let alive = !proc_fs || Path::new(&format!("/proc/{}", intent.who.pid)).exists();
    intent.who.host == here && other && alive && recent
}

/// This host's name.
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_owned())
}

impl Who {
    /// This process acting through `client`: its environment, actor and session ([`Who::here`]).
    pub fn of(client: &ApiClient) -> Self {
        Self::here(client.environment_id(), client.actor(), client.session_id())
    }

    /// This process acting on `environment` as `client_id`, with the OS user and the SSH origin
    /// read from the environment (`USER`/`LOGNAME`, `SSH_CLIENT`).
    pub fn here(environment: &str, client_id: &str, session_id: &str) -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let ssh_origin = var("SSH_CLIENT").map(|value| {
            let mut parts = value.split_whitespace();
            match (parts.next(), parts.next()) {
                (Some(address), Some(port)) => format!("{address}:{port}"),
                _ => value.trim().to_owned(),
            }
        });
        Self {
            environment: environment.to_owned(),
            environment_name: None,
            profile: None,
            client_id: client_id.to_owned(),
            os_user: var("USER").or_else(|| var("LOGNAME")),
            ssh_origin,
            session_id: session_id.to_owned(),
            host: host_name(),
            pid: std::process::id(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    #[test]
    fn a_blank_ticket_is_no_ticket() {
        assert_eq!(given_ticket(None), None);
        assert_eq!(given_ticket(Some("")), None);
        assert_eq!(given_ticket(Some(" \t ")), None);
        assert_eq!(given_ticket(Some("  INC-7 ")), Some("INC-7"));
    }

    fn record(op_id: &str, phase: Phase, pid: u32, time: Timestamp) -> Record {
        Record {
            time,
            phase,
            op_id: op_id.into(),
            operation: "unlock".into(),
            unlock_at: None,
            target: None,
            user_id: "u".into(),
            username: "user".into(),
            who: Who {
                pid,
                host: host_name(),
                ..Who::default()
            },
            ticket: None,
            transaction_id: "t".into(),
            before: None,
            result: None,
            after: None,
            error: None,
            correlation_id: None,
            note: None,
        }
    }

    #[test]
    fn only_intents_of_finished_runs_are_unresolved() {
        let now = Timestamp::now();
        let mine = std::process::id();
        let gone = u32::MAX - 7; // no such process
        let records = [
            record("done", Phase::Intent, gone, now),
            record("done", Phase::Outcome, gone, now),
            record("crashed", Phase::Intent, gone, now),
            record("pid reused", Phase::Intent, mine, now),
        ];
        let open: Vec<String> = unresolved(&records, now)
            .into_iter()
            .map(|r| r.op_id)
            .collect();
        assert_eq!(open, ["crashed", "pid reused"]);
    }

    #[test]
    fn a_torn_line_is_ended_and_skipped() {
        let dir =
            std::env::temp_dir().join(format!("pingdesk-journal-unit-{}", std::process::id()));
        let path = dir.join("j.jsonl");
        let _ = std::fs::remove_dir_all(&dir);
        let line = |r: &Record| {
            let mut bytes = serde_json::to_vec(r).expect("json");
            bytes.push(b'\n');
            bytes
        };
        let first = record("a", Phase::Intent, 1, Timestamp::now());
        append_line(&path, &line(&first), true).expect("written");
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(b"{\"time\":\"20"))
            .expect("torn");
        let second = record("b", Phase::Outcome, 1, Timestamp::now());
        append_line(&path, &line(&second), false).expect("written");
        let records = read_records(&path).expect("read");
        assert_eq!(records, [first, second]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
