//! PTY end-to-end tests of the incident tools (harness: `tests/common/pty.rs`): in the demo,
//! the locked-now queue, mark all, one confirm, the bulk unlock's progress and summary, and the
//! journal view; and a `kill -9` of a CLI unlock while the simulator holds the request, after
//! which the console offers to re-read the user and does. `PINGDESK_PTY_TIMEOUT_SECS` stretches
//! the waits.

#[path = "common/incident.rs"]
mod incident;
#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};

use incident::scratch;
use pingdesk::desk::journal::{Phase, read_records};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};
use pty::Pty;
use secrecy::ExposeSecret as _;

/// The console in a 100×30 PTY with `args`, its state, config and log in `dir`, and `env`.
fn console(dir: &Path, args: &[&str], env: &[(String, String)]) -> Pty {
    let mut all: Vec<(String, String)> = ["HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"]
        .iter()
        .map(|name| ((*name).to_owned(), dir.display().to_string()))
        .collect();
    all.push((
        "PINGDESK_LOG_FILE".into(),
        dir.join("pingdesk.log").display().to_string(),
    ));
    all.extend_from_slice(env);
    Pty::spawn_exact(args, &all, 100, 30)
}

/// Ctrl-C, then the exit code.
fn quit(pty: &mut Pty) -> u32 {
    pty.send(b"\x03");
    pty.wait_exit().exit_code()
}

#[test]
fn the_queue_marks_all_and_bulk_unlocks_in_the_demo() {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = scratch(&format!("pty-demo{}", N.fetch_add(1, Ordering::SeqCst)));
    let mut pty = console(&dir, &["--demo"], &[]);
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
    assert_eq!(quit(&mut pty), 0);
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
    let dir = scratch("pty-kill");
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
    let child = cli.spawn().expect("spawned");
    incident::kill_once_sent(child, &journal, &sim, pty::timeout()).await;
    let console = tokio::task::spawn_blocking(move || {
        let mut pty = console(&dir, &[], &env);
        let screen = pty.wait_for("the offer", |s| {
            s.contains("1 operation of unknown outcome")
        });
        assert!(screen.contains("alice.locked (ticket INC-1)"), "{screen}");
        pty.send(b"y");
        pty.wait_for("the re-read", |s| {
            s.contains("Outcome unknown") && s.contains("alice.locked")
        });
        assert_eq!(quit(&mut pty), 0);
        dir
    });
    let dir = console.await.expect("the console ran");
    let records = read_records(&journal).expect("journal");
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].phase, Phase::Outcome);
    assert!(records[1].note.is_some());
    let _ = std::fs::remove_dir_all(dir);
}
