//! Logging to a file only (never to the terminal the console draws on), ANSI off, file and line on.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// The default log file: `$XDG_STATE_HOME/pingdesk/pingdesk.log`
/// (`~/.local/state/pingdesk/pingdesk.log`), or the temp directory when there is no home.
pub fn default_log_file() -> PathBuf {
    directories::ProjectDirs::from("", "", "pingdesk")
        .and_then(|dirs| dirs.state_dir().map(Path::to_path_buf))
        .unwrap_or_else(std::env::temp_dir)
        .join("pingdesk.log")
}

/// Log lines held for the writer thread before new ones are dropped (the console never waits on
/// the disk). The appender's default, 128,000, preallocates a 4 MB channel: most of the console's
/// memory goal (P7) for lines it never has.
const BUFFERED_LINES: usize = 4096;

/// Starts logging to `path` at `level` (a `tracing` filter such as `info` or `pingdesk=debug`).
/// Keep the guard until exit, or the last lines are lost.
pub fn init(path: &Path, level: &str) -> anyhow::Result<WorkerGuard> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("creating the log directory {}", dir.display()))?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("opening the log file {}", path.display()))?;
    let filter =
        EnvFilter::try_new(level).with_context(|| format!("reading the log level {level:?}"))?;
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .buffered_lines_limit(BUFFERED_LINES)
        .finish(file);
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_file(true)
        .with_line_number(true)
        .with_env_filter(filter)
        .try_init()
        .map_err(|e| anyhow::anyhow!("starting the logger: {e}"))?;
    Ok(guard)
}
