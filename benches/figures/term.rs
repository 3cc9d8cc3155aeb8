//! pingdesk in a pseudo-terminal: its output feeds a `vt100` screen, every byte is counted and
//! the time of the last one kept, keys go in as bytes. The essentials of `tests/pty.rs`.

use std::io::{Read as _, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::procs;

/// How long any one wait may take.
const PATIENCE: Duration = Duration::from_secs(60);
/// How often waits look at the screen.
const POLL: Duration = Duration::from_millis(2);

/// What the reader thread keeps.
struct Output {
    parser: vt100::Parser,
    bytes: u64,
    last_at: Instant,
    /// Every byte since the last `take_raw`, when capturing.
    raw: Option<Vec<u8>>,
    /// Cells changed by each stretch of output between two escapes since `count_cells` started,
    /// summed (text or attributes): every frame's changes, however the reads split them.
    cells: Option<u64>,
}

/// A pingdesk process in a PTY; killed on drop.
pub struct Term {
    output: Arc<Mutex<Output>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    /// The process id.
    pub pid: u32,
    /// Just before the spawn.
    pub spawned: Instant,
}

impl Term {
    /// Starts `bin args…` in a `cols`×`rows` PTY with `env` on top of the scratch environment.
    pub fn spawn(
        bin: &Path,
        args: &[&str],
        env: &[(String, String)],
        (cols, rows): (u16, u16),
        scratch: &Path,
    ) -> anyhow::Result<Self> {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                ..PtySize::default()
            })
            .map_err(|e| anyhow::anyhow!("opening a PTY: {e}"))?;
        let mut cmd = CommandBuilder::new(bin);
        cmd.args(args);
        for name in procs::scrubbed() {
            cmd.env_remove(name);
        }
        for (name, value) in procs::scratch_env(scratch).iter().chain(env) {
            cmd.env(name, value);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(scratch);
        let size = |n: u16| NonZeroU16::new(n).context("a PTY size is never zero");
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(size(rows)?, size(cols)?, 0),
            bytes: 0,
            last_at: Instant::now(),
            raw: None,
            cells: None,
        }));
        let mut reader = pair
            .master
            .try_clone_reader()
            .map_err(|e| anyhow::anyhow!("cloning the PTY reader: {e}"))?;
        let writer = pair
            .master
            .take_writer()
            .map_err(|e| anyhow::anyhow!("taking the PTY writer: {e}"))?;
        let spawned = Instant::now();
        let child = pair
            .slave
            .spawn_command(cmd)
            .map_err(|e| anyhow::anyhow!("spawning pingdesk: {e}"))?;
        drop(pair.slave);
        let pid = child.process_id().context("the child's pid")?;
        let feed = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0_u8; 16384];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let now = Instant::now();
                let mut out = lock(&feed);
                if out.cells.is_some() {
                    // Counted escape by escape: one read can hold several frames, and a cell two
                    // of them change counts twice, as it would read by read.
                    for piece in buf[..n].split_inclusive(|b| *b == 0x1b) {
                        let before = out.parser.screen().clone();
                        out.parser.process(piece);
                        let (changed, _) = changed_cells(&before, out.parser.screen());
                        *out.cells.get_or_insert(0) += changed as u64;
                    }
                } else {
                    out.parser.process(&buf[..n]);
                }
                out.bytes += n as u64;
                out.last_at = now;
                if let Some(raw) = &mut out.raw {
                    raw.extend_from_slice(&buf[..n]);
                }
            }
        });
        Ok(Self {
            output,
            writer,
            child,
            _master: pair.master,
            pid,
            spawned,
        })
    }

    /// The screen's text.
    pub fn text(&self) -> String {
        lock(&self.output).parser.screen().contents()
    }

    /// A copy of the screen, cells and attributes.
    pub fn screen(&self) -> vt100::Screen {
        lock(&self.output).parser.screen().clone()
    }

    /// Bytes the program has written so far, and when the last one arrived.
    pub fn written(&self) -> (u64, Instant) {
        let out = lock(&self.output);
        (out.bytes, out.last_at)
    }

    /// The bytes written since the last call (the first call starts the capture).
    pub fn take_raw(&self) -> Vec<u8> {
        lock(&self.output)
            .raw
            .replace(Vec::new())
            .unwrap_or_default()
    }

    /// Starts (or restarts) summing the cells each read changes; returns the sum so far.
    pub fn count_cells(&self) -> u64 {
        lock(&self.output).cells.replace(0).unwrap_or(0)
    }

    /// Types `bytes`.
    pub fn send(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.writer.write_all(bytes)?;
        self.writer.flush()?;
        Ok(())
    }

    /// Waits until `ready(screen text)` holds.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> anyhow::Result<String> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = self.text();
            if ready(&text) {
                return Ok(text);
            }
            if Instant::now() > deadline {
                bail!("timed out waiting for {what}; the screen:\n{text}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until nothing has been written for `quiet`.
    pub fn quiet(&self, quiet: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let (_, last) = self.written();
            if last.elapsed() >= quiet {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("the screen never went quiet");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits for `ready`, then for 300 ms without output, and checks `ready` still holds.
    pub fn settled(&self, what: &str, ready: impl Fn(&str) -> bool) -> anyhow::Result<String> {
        self.wait_for(what, &ready)?;
        self.quiet(Duration::from_millis(300))?;
        let text = self.text();
        if !ready(&text) {
            bail!("{what} no longer held once the screen settled:\n{text}");
        }
        Ok(text)
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Locks the reader's output, even if the reader panicked.
fn lock(output: &Mutex<Output>) -> MutexGuard<'_, Output> {
    output
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// How many cells differ (text or attributes) between two screens of the same size, and on how
/// many rows.
pub fn changed_cells(before: &vt100::Screen, after: &vt100::Screen) -> (usize, usize) {
    let (rows, cols) = after.size();
    let (rows, cols) = (rows.get(), cols.get());
    let per_row: Vec<usize> = (0..rows)
        .map(|row| {
            (0..cols)
                .filter(|&col| before.cell(row, col) != after.cell(row, col))
                .count()
        })
        .collect();
    let rows_touched = per_row.iter().filter(|&&n| n > 0).count();
    (per_row.iter().sum(), rows_touched)
}

/// The list title's "Users N of M", as (N, M).
pub fn listed(text: &str) -> Option<(u64, u64)> {
    let rest = &text[text.find(" Users ")? + 7..];
    let (loaded, rest) = rest.split_once(" of ")?;
    let total: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((loaded.trim().parse().ok()?, total.parse().ok()?))
}
