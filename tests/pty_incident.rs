//! PTY end-to-end tests of the incident tools (the harness is a copy of `tests/pty.rs`'s): in the
//! demo, the locked-now queue, mark all, one confirm, the bulk unlock's progress and summary,
//! and the journal view; and a `kill -9` of a CLI unlock while the simulator holds the request,
//! after which the console offers to re-read the user and does. `PINGDESK_PTY_TIMEOUT_SECS`
//! stretches the waits.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use pingdesk::desk::journal::{Phase, read_records};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use secrecy::ExposeSecret as _;

const POLL: Duration = Duration::from_millis(100);

fn timeout() -> Duration {
    let secs = std::env::var("PINGDESK_PTY_TIMEOUT_SECS")
        .ok()
        .and_then(|value| value.trim().parse::<u64>().ok())
        .filter(|&secs| secs > 0)
        .unwrap_or(20);
    Duration::from_secs(secs)
}

type Parser = Arc<Mutex<vt100::Parser>>;

/// A running pingdesk in a PTY; killed on drop.
struct Pty {
    parser: Parser,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    _reader_done: Receiver<()>,
    log_file: PathBuf,
}

impl Pty {
    /// Starts pingdesk with `args` and `env` in a 100×30 PTY, its state in `dir`.
    fn spawn(dir: &Path, args: &[&str], env: &[(String, String)]) -> Self {
        let (cols, rows) = (100, 30);
        let log_file = dir.join("pingdesk.log");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                ..PtySize::default()
            })
            .expect("opening a PTY");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pingdesk"));
        cmd.args(args);
        for (key, _) in std::env::vars_os() {
            let name = key.to_string_lossy();
            if name.starts_with("PINGONE_") || name.starts_with("PINGDESK_") {
                cmd.env_remove(&key);
            }
        }
        cmd.env("PINGDESK_LOG_FILE", &log_file);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", dir);
        cmd.env("XDG_CONFIG_HOME", dir);
        for (key, value) in env {
            cmd.env(key, value);
        }
        cmd.cwd(dir);
        let child = pair.slave.spawn_command(cmd).expect("spawning pingdesk");
        drop(pair.slave);
        let size = |n: u16| NonZeroU16::new(n).expect("a PTY size is never zero");
        let parser: Parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let mut reader = pair.master.try_clone_reader().expect("cloning the reader");
        let writer = pair.master.take_writer().expect("taking the PTY writer");
        let (done_tx, reader_done) = mpsc::channel();
        let feed = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0_u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                lock(&feed).process(&buf[..n]);
            }
            let _ = done_tx.send(());
        });
        Self {
            parser,
            writer,
            child,
            _master: pair.master,
            _reader_done: reader_done,
            log_file,
        }
    }

    fn contents(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("writing to the PTY");
        self.writer.flush().expect("flushing the PTY");
    }

    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout();
        loop {
            let screen = self.contents();
            if ready(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                let log = std::fs::read_to_string(&self.log_file).unwrap_or_default();
                panic!(
                    "timed out waiting for {what}\n--- screen ---\n{screen}\n--- log ---\n{log}"
                );
            }
            std::thread::sleep(POLL);
        }
    }

    fn quit(&mut self) {
        self.send(b"\x03");
        let deadline = Instant::now() + timeout();
        while matches!(self.child.try_wait(), Ok(None)) {
            assert!(Instant::now() < deadline, "pingdesk did not quit");
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn lock(parser: &Parser) -> MutexGuard<'_, vt100::Parser> {
    parser
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "pingdesk-pty-incident-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn the_queue_marks_all_and_bulk_unlocks_in_the_demo() {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = scratch(&format!("demo{}", N.fetch_add(1, Ordering::SeqCst)));
    let mut pty = Pty::spawn(&dir, &["--demo"], &[]);
    pty.wait_for("the list", |s| s.contains(" of 57 "));
    pty.send(b"\r");
    pty.send(b"L");
    pty.wait_for("the queue", |s| s.contains("Locked now: 11"));
    pty.send(b"*");
    pty.wait_for("11 marked", |s| s.contains("11 marked"));
    pty.send(b"u");
    pty.wait_for("the bulk confirm", |s| s.contains("Unlock 11 users?"));
    pty.send(b"t");
    pty.send(b"INC-88\r");
    pty.send(b"y");
    let screen = pty.wait_for("the summary", |s| {
        s.contains("finished: Esc or Enter closes")
    });
    assert!(screen.contains("0 failed"), "{screen}");
    pty.send(b"\r");
    // Back to the queue, read again: the users unlocked since are gone from it.
    pty.wait_for("the queue read again", |s| {
        s.contains("Nobody is locked now") || s.contains("Locked now: 1 ")
    });
    pty.send(b"\x1b");
    // Alone, so that the terminal does not read Esc J as Alt-J.
    pty.wait_for("the queue closed", |s| !s.contains("Locked now"));
    pty.send(b"J");
    pty.wait_for("the journal view", |s| {
        s.contains("Journal, newest first") && s.contains("#INC-88")
    });
    pty.send(b"\x1b");
    pty.wait_for("the journal closed", |s| {
        !s.contains("Journal, newest first")
    });
    pty.quit();
    let records = read_records(&dir.join("pingdesk/demo-journal.jsonl")).expect("journal");
    assert!(records.len() >= 20, "{} records", records.len());
    assert!(
        records
            .iter()
            .all(|r| r.ticket.as_deref() == Some("INC-88"))
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// The environment pointing pingdesk at `sim`.
fn sim_env(sim: &SimHandle, journal: &Path) -> Vec<(String, String)> {
    let url = sim.base_url.as_str().to_owned();
    vec![
        ("PINGDESK_API_URL".into(), url.clone()),
        ("PINGDESK_AUTH_URL".into(), url),
        ("PINGONE_ENVIRONMENT_ID".into(), sim.environment_id.clone()),
        ("PINGONE_CLIENT_ID".into(), sim.client_id.clone()),
        (
            "PINGONE_CLIENT_SECRET".into(),
            sim.client_secret.expose_secret().to_owned(),
        ),
        ("PINGDESK_JOURNAL".into(), journal.display().to_string()),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_kill_mid_request_the_console_offers_to_reread_the_user() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    sim.add_fault(FaultRule::new(
        Route::UserAction,
        FaultKind::Delay { millis: 60_000 },
        1,
    ));
    let dir = scratch("kill");
    let journal = dir.join("journal.jsonl");
    let env = sim_env(&sim, &journal);
    let mut cli = std::process::Command::new(env!("CARGO_BIN_EXE_pingdesk"));
    cli.args([
        "users",
        "unlock",
        "alice.locked",
        "--yes",
        "--ticket",
        "INC-1",
    ])
    .envs(env.iter().map(|(k, v)| (k, v)))
    .env("XDG_STATE_HOME", &dir)
    .env("PINGDESK_LOG_FILE", dir.join("cli.log"))
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    let mut child = cli.spawn().expect("spawned");
    let deadline = Instant::now() + timeout();
    while read_records(&journal).expect("readable").is_empty()
        || sim.stats().get(Route::UserAction) == 0
    {
        assert!(Instant::now() < deadline, "no intent written");
        tokio::time::sleep(POLL).await;
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    let console = tokio::task::spawn_blocking(move || {
        let mut pty = Pty::spawn(&dir, &[], &env);
        let screen = pty.wait_for("the offer", |s| {
            s.contains("1 operation of unknown outcome")
        });
        assert!(screen.contains("alice.locked (ticket INC-1)"), "{screen}");
        pty.send(b"y");
        pty.wait_for("the re-read", |s| {
            s.contains("Outcome unknown") && s.contains("alice.locked")
        });
        pty.quit();
        dir
    });
    let dir = console.await.expect("the console ran");
    let records = read_records(&journal).expect("journal");
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].phase, Phase::Outcome);
    assert!(records[1].note.is_some());
    let _ = std::fs::remove_dir_all(dir);
}
