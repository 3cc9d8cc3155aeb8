//! The PTY harness (STYLE.md §7, layer 5): the real `pingdesk` binary (or any program) runs in
//! a pseudo-terminal of a fixed size, its output is fed to a `vt100` parser, keys are sent as
//! bytes, and tests assert on the parsed screen and on the terminal's modes. Timeouts scale with
//! `PINGDESK_PTY_TIMEOUT_SECS`.

#![allow(dead_code)] // each test file uses a different part

#[path = "pty_effects.rs"]
mod effects;
#[path = "pty_flows.rs"]
mod flows;
pub use effects::SideEffects;
#[allow(unused_imports)] // the flows serve the console's tests, not every user of the PTY
pub use flows::*;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How often the screen is sampled while waiting.
pub const POLL: Duration = Duration::from_millis(100);

/// The patience for one wait: `PINGDESK_PTY_TIMEOUT_SECS` seconds, or 20.
pub fn timeout() -> Duration {
    let secs = std::env::var("PINGDESK_PTY_TIMEOUT_SECS")
        .ok()
        .and_then(|value| value.trim().parse::<u64>().ok())
        .filter(|&secs| secs > 0)
        .unwrap_or(20); // generous by default: CI machines are slow
    Duration::from_secs(secs)
}

/// The parser the reader thread feeds.
pub type Parser = Arc<Mutex<vt100::Parser<SideEffects>>>;

/// A running `pingdesk --demo` in a PTY, with its screen; killed and cleaned up on drop.
pub struct Pty {
    /// The screen, fed by the reader thread.
    pub parser: Parser,
    /// Every byte the program wrote, as the reader thread got it.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// Kept so the PTY stays open until the test ends; resizes go through it.
    master: Box<dyn MasterPty + Send>,
    /// Signals that the reader saw end of output (the child and every slave copy closed).
    reader_done: Receiver<()>,
    dir: PathBuf,
    log_file: PathBuf,
}

impl Pty {
    /// Starts `pingdesk --demo` in a `cols`×`rows` PTY with a scrubbed environment.
    pub fn spawn(cols: u16, rows: u16) -> Self {
        Self::spawn_with(cols, rows, None, &[], &[])
    }

    /// Like [`Pty::spawn`], with `config` as the config file (when given), `env` set and `args`
    /// after `--demo`.
    pub fn spawn_with(
        cols: u16,
        rows: u16,
        config: Option<&str>,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Self {
        let program = env!("CARGO_BIN_EXE_pingdesk");
        Self::spawn_program(program, cols, rows, |cmd, dir, log_file| {
            cmd.args(["--demo", "--log-file"]);
            cmd.arg(log_file);
            cmd.args(args);
            if let Some(text) = config {
                std::fs::create_dir_all(dir.join("pingdesk")).expect("the config dir");
                std::fs::write(dir.join("pingdesk").join("config.toml"), text).expect("the config");
            }
            for (key, value) in env {
                cmd.env(key, value);
            }
        })
    }

    /// Starts `pingdesk args…` in a `cols`×`rows` PTY with exactly `env` (plus `TERM` and
    /// `PATH`): nothing of the test's environment, not even the log file the other starts set.
    pub fn spawn_exact(args: &[&str], env: &[(String, String)], cols: u16, rows: u16) -> Self {
        let program = env!("CARGO_BIN_EXE_pingdesk");
        Self::spawn_program(program, cols, rows, |cmd, _, _| {
            cmd.env_clear();
            cmd.env("TERM", "xterm-256color");
            cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
            for (name, value) in env {
                cmd.env(name, value);
            }
            cmd.args(args);
        })
    }

    /// Starts `program` in a `cols`×`rows` PTY with a scrubbed environment, its own temporary
    /// directory (working, config and state directory) and log file; `set_up` gets the command
    /// last (to add arguments or override the environment), the directory and the log file.
    pub fn spawn_program(
        program: impl AsRef<std::ffi::OsStr>,
        cols: u16,
        rows: u16,
        set_up: impl FnOnce(&mut CommandBuilder, &Path, &Path),
    ) -> Self {
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        let n = SEQ.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("pingdesk-pty-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("creating the test's temp dir");
        let log_file = dir.join("pingdesk.log");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                ..PtySize::default()
            })
            .expect("opening a PTY");
        let mut cmd = CommandBuilder::new(program);
        // Nothing of the terminal the tests run in may leak in: not colour settings, not a
        // multiplexer that would wrap copies.
        for (key, _) in std::env::vars_os() {
            let name = key.to_string_lossy();
            let outside = ["NO_COLOR", "TMUX", "STY", "TERM_PROGRAM", "VTE_VERSION"];
            if name.starts_with("PINGONE_")
                || name.starts_with("PINGDESK_")
                || outside.contains(&name.as_ref())
            {
                cmd.env_remove(&key);
            }
        }
        cmd.env("PINGDESK_LOG_FILE", &log_file);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", &dir);
        cmd.env("XDG_CONFIG_HOME", &dir);
        cmd.cwd(&dir);
        set_up(&mut cmd, &dir, &log_file);
        let child = pair.slave.spawn_command(cmd).expect("spawning pingdesk");
        // Our copy of the slave must close, or the reader never sees the child's end.
        drop(pair.slave);
        let size = |n: u16| NonZeroU16::new(n).expect("a PTY size is never zero");
        let parser: Parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            size(rows),
            size(cols),
            0,
            SideEffects::default(),
        )));
        let mut reader = pair.master.try_clone_reader().expect("cloning the reader");
        let writer = pair.master.take_writer().expect("taking the PTY writer");
        let (done_tx, reader_done) = mpsc::channel();
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (feed, keep) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0_u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                lock(&feed).process(&buf[..n]);
                lock(&keep).extend_from_slice(&buf[..n]);
            }
            let _ = done_tx.send(());
        });
        Self {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
            reader_done,
            dir,
            log_file,
        }
    }

    /// Resizes the terminal, as a person dragging the window would (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                ..PtySize::default()
            })
            .expect("resizing the PTY");
        let size = |n: u16| NonZeroU16::new(n).expect("a PTY size is never zero");
        lock(&self.parser).set_size(size(rows), size(cols));
    }

    /// The side effects seen so far (title, clipboard, bell…), taken.
    pub fn take_side_effects(&self) -> Vec<String> {
        std::mem::take(&mut lock(&self.parser).callbacks_mut().0)
    }

    /// The screen's text as it stands.
    pub fn contents(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Every byte the program wrote so far.
    pub fn output(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    /// Sends raw bytes to the program, as typed keys.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("writing to the PTY");
        self.writer.flush().expect("flushing the PTY");
    }

    /// Waits until `ready(screen text)` holds; panics with the screen after the timeout.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout();
        loop {
            let screen = self.contents();
            if ready(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                self.fail(&format!("timed out waiting for {what}"));
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until two consecutive samples of the screen are identical, and returns it.
    pub fn settled(&self) -> String {
        let deadline = Instant::now() + timeout();
        let mut previous = self.contents();
        loop {
            std::thread::sleep(POLL * 2);
            let screen = self.contents();
            if screen == previous {
                return screen;
            }
            if Instant::now() > deadline {
                self.fail("timed out waiting for the screen to settle");
            }
            previous = screen;
        }
    }

    /// Waits for `ready`, then for the screen to settle, and checks `ready` still holds.
    pub fn wait_settled(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.wait_for(what, &ready);
        let screen = self.settled();
        if !ready(&screen) {
            self.fail(&format!("{what} did not hold once the screen settled"));
        }
        screen
    }

    /// Waits for the program to exit and for its last output; kills it after the timeout.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + timeout();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("polling the child") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                self.fail("timed out waiting for pingdesk to exit (killed it)");
            }
            std::thread::sleep(POLL);
        };
        if self.reader_done.recv_timeout(timeout()).is_err() {
            self.fail("pingdesk exited but its output never ended");
        }
        status
    }

    /// The writer to the program's input, to write from another thread (give it back after).
    pub fn take_writer(&mut self) -> Box<dyn Write + Send> {
        std::mem::replace(&mut self.writer, Box::new(std::io::sink()))
    }

    /// Puts back a writer [`Pty::take_writer`] took.
    pub fn give_writer(&mut self, writer: Box<dyn Write + Send>) {
        self.writer = writer;
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child has a pid")
    }

    /// Whether the terminal's line discipline is back in cooked mode (canonical input and
    /// echo on: raw mode has ended), read from the PTY's termios.
    pub fn is_cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master.get_termios().expect("the PTY's termios");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG)
    }

    /// The log file's text.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_file).unwrap_or_default()
    }

    /// Feeds `bytes` to the screen as another program's output would reach it (a shell, while
    /// the console is stopped).
    pub fn feed_screen(&self, bytes: &[u8]) {
        lock(&self.parser).process(bytes);
    }

    /// Whether the console holds the terminal: the alternate screen on and raw mode (the
    /// cursor shows when the search field has the focus).
    pub fn is_taken(&self) -> bool {
        let alternate = lock(&self.parser).screen().alternate_screen();
        alternate && !self.is_cooked()
    }

    /// Asserts that the terminal is as it was before the program ran: the alternate screen
    /// left, the cursor shown, bracketed paste and mouse capture off, raw mode ended.
    pub fn assert_restored(&self, after: &str) {
        let parser = lock(&self.parser);
        let screen = parser.screen();
        let problems: Vec<&str> = [
            (
                screen.alternate_screen(),
                "the alternate screen is still on",
            ),
            (screen.hide_cursor(), "the cursor is still hidden"),
            (screen.bracketed_paste(), "bracketed paste is still on"),
            (
                screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
                "mouse capture is still on",
            ),
            (!self.is_cooked(), "the terminal is still in raw mode"),
        ]
        .into_iter()
        .filter_map(|(bad, why)| bad.then_some(why))
        .collect();
        drop(parser);
        if !problems.is_empty() {
            self.fail(&format!("after {after}: {}", problems.join("; ")));
        }
    }

    /// Panics with `why`, the whole screen and the tail of the log.
    pub fn fail(&self, why: &str) -> ! {
        let screen = self.contents();
        let log = self.log();
        let skip = log.lines().count().saturating_sub(20);
        let tail: Vec<&str> = log.lines().skip(skip).collect();
        let file = self.log_file.display();
        panic!(
            "{why}\n--- screen ---\n{screen}\n--- log tail ({file}) ---\n{}",
            tail.join("\n")
        );
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Locks `mutex` (the screen, the output), even if a panicking thread poisoned it.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
