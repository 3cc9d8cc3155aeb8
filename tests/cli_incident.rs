//! The journal, tickets, the locked-now queue and bulk unlock from the real binary against an
//! in-process simulator: two processes appending to one journal at once, an unwritable journal
//! refusing the write, a profile that requires a ticket, `users locked`, `users unlock --from`,
//! `journal` with its filters, and `kill -9` between intent and outcome, reported at the next
//! start and resolved by `journal --reread`.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/incident.rs"]
mod incident;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use cli::{code, stderr, stdout};
use incident::{scratch, stage};
use pingdesk::desk::journal::{Ending, Phase, Record, read_records};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};
use serde_json::Value;

/// `pingdesk args…` pointed at `sim`, journaling to `journal`, its home, state, config and log
/// in the journal's directory, no terminal.
fn command(sim: &SimHandle, journal: &Path, args: &[&str]) -> Command {
    let dir = journal.parent().expect("a directory");
    let mut command = cli::at(sim, &dir.join("pingdesk.log"));
    command
        .args(args)
        .env("HOME", dir)
        .env("XDG_STATE_HOME", dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("PINGDESK_JOURNAL", journal);
    command
}

fn run(sim: &SimHandle, journal: &Path, args: &[&str]) -> Output {
    cli::run(&mut command(sim, journal, args))
}

/// Locks `n` users by failed checks; their usernames.
async fn stage_names(sim: &SimHandle, n: usize) -> Vec<String> {
    stage(sim, n)
        .await
        .into_iter()
        .map(|(_, name)| name)
        .collect()
}

async fn start(generated: usize) -> SimHandle {
    sim::spawn(SimConfig {
        generated_users: generated,
        ..SimConfig::default()
    })
    .await
    .expect("simulator")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_appending_at_once_never_tear_a_line() {
    let sim = start(200).await;
    let names = stage_names(&sim, 120).await;
    let dir = scratch("cli-two");
    let journal = dir.join("journal.jsonl");
    let (a, b) = names.split_at(60);
    std::fs::write(dir.join("a.txt"), a.join("\n")).expect("list a");
    std::fs::write(dir.join("b.txt"), b.join("\n")).expect("list b");
    let spawn = |list: &str| {
        command(
            &sim,
            &journal,
            &["users", "unlock", "--from", list, "--yes", "--ticket", list],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawned")
    };
    let first = spawn(dir.join("a.txt").to_str().expect("utf-8"));
    let second = spawn(dir.join("b.txt").to_str().expect("utf-8"));
    let (first, second) =
        tokio::task::spawn_blocking(move || (first.wait_with_output(), second.wait_with_output()))
            .await
            .expect("joined");
    for output in [first.expect("first"), second.expect("second")] {
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        assert!(
            stderr(&output).contains("Unlocked 60 of 60"),
            "{}",
            stderr(&output)
        );
    }
    let text = std::fs::read_to_string(&journal).expect("journal");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 240, "an intent and an outcome per user");
    for line in &lines {
        let record: Record = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(record.result.is_none_or(|r| r == Ending::Ok));
    }
    let pids: std::collections::HashSet<u32> = read_records(&journal)
        .expect("records")
        .iter()
        .map(|r| r.who.pid)
        .collect();
    assert_eq!(pids.len(), 2, "both processes wrote");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&journal)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unwritable_journal_refuses_the_write() {
    let sim = start(0).await;
    let dir = scratch("cli-unwritable");
    let journal = dir.join("journal.jsonl");
    std::fs::create_dir_all(&journal).expect("a directory in the way");
    let output = run(
        &sim,
        &journal,
        &["users", "unlock", "alice.locked", "--yes"],
    );
    assert_eq!(code(&output), 5, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot be written"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("nothing was sent"),
        "{}",
        stderr(&output)
    );
    assert_eq!(sim.stats().get(Route::UserAction), 0);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_that_requires_a_ticket_refuses_a_change_without_one() {
    let sim = start(0).await;
    let dir = scratch("cli-ticket");
    let journal = dir.join("journal.jsonl");
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        "[profiles.prod]\nclient_id = \"pingdesk-demo-worker\"\nrequire_ticket = true\n",
    )
    .expect("config");
    let with_profile = |args: &[&str]| {
        let mut c = command(&sim, &journal, args);
        c.env("PINGDESK_CONFIG", &config)
            .env("PINGDESK_PROFILE", "prod");
        c.output().expect("runs")
    };
    let refused = with_profile(&["users", "unlock", "alice.locked", "--yes"]);
    assert_eq!(code(&refused), 5, "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("requires a ticket"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(sim.stats().get(Route::UserAction), 0);
    // A blank ticket is none: refused before any question is asked (no --yes, no terminal).
    let blank = with_profile(&["users", "unlock", "alice.locked", "--ticket", "   "]);
    assert_eq!(code(&blank), 5, "{}", stderr(&blank));
    assert!(
        stderr(&blank).contains("requires a ticket"),
        "{}",
        stderr(&blank)
    );
    assert_eq!(sim.stats().get(Route::UserAction), 0);
    let done = with_profile(&[
        "users",
        "unlock",
        "alice.locked",
        "--yes",
        "--ticket",
        "CHG-7",
    ]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    let records = read_records(&journal).expect("records");
    assert!(records.iter().all(|r| r.ticket.as_deref() == Some("CHG-7")));
    assert_eq!(records[0].who.profile.as_deref(), Some("prod"));
    assert_eq!(
        sim.audit().pop().and_then(|e| e.external_transaction_id),
        Some("CHG-7".to_owned())
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn locked_bulk_unlock_and_the_journal_from_a_script() {
    let sim = start(50).await;
    let staged = stage_names(&sim, 5).await;
    let dir = scratch("cli-script");
    let journal = dir.join("journal.jsonl");
    let locked = run(&sim, &journal, &["users", "locked", "--json"]);
    assert_eq!(code(&locked), 0, "{}", stderr(&locked));
    let value: Value = serde_json::from_slice(&locked.stdout).expect("json");
    let names: Vec<&str> = value["users"]
        .as_array()
        .expect("users")
        .iter()
        .map(|u| u["user"]["username"].as_str().expect("username"))
        .collect();
    for name in &staged {
        assert!(
            names[..5].contains(&name.as_str()),
            "{name} newest: {names:?}"
        );
    }
    assert!(names.contains(&"alice.locked"));
    let list = dir.join("list.txt");
    let mut text = staged.join("\n");
    text.push_str("\n# a comment\n\nalice.locked\nnobody.here\n");
    std::fs::write(&list, text).expect("list");
    let bulk = run(
        &sim,
        &journal,
        &[
            "users",
            "unlock",
            "--from",
            list.to_str().expect("utf-8"),
            "--yes",
            "--ticket",
            "INC-5",
            "--json",
        ],
    );
    assert_eq!(code(&bulk), 1, "one name matches nobody: {}", stderr(&bulk));
    assert!(
        stderr(&bulk).contains("Unlocked 6 of 6"),
        "{}",
        stderr(&bulk)
    );
    assert!(stderr(&bulk).contains("nobody.here"), "{}", stderr(&bulk));
    let report: Value = serde_json::from_slice(&bulk.stdout).expect("json");
    assert_eq!(report["users"].as_array().expect("users").len(), 6);
    let after = run(&sim, &journal, &["users", "locked"]);
    assert!(
        !stdout(&after).contains("alice.locked"),
        "{}",
        stdout(&after)
    );

    let all = run(&sim, &journal, &["journal"]);
    assert_eq!(stdout(&all).lines().count(), 6, "{}", stdout(&all));
    assert!(stdout(&all).contains("ticket INC-5"));
    let alice = run(
        &sim,
        &journal,
        &["journal", "--user", "alice.locked", "--json"],
    );
    let records: Vec<Record> = serde_json::from_slice(&alice.stdout).expect("json");
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r.username == "alice.locked"));
    let none = run(&sim, &journal, &["journal", "--since", "0s"]);
    assert_eq!(stdout(&none), "");
    let bad = run(&sim, &journal, &["journal", "--since", "soon"]);
    assert_eq!(code(&bad), 2);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_between_intent_and_outcome_is_reported_at_the_next_start() {
    let sim = start(0).await;
    // The simulator holds the unlock for a minute: the kill comes while it waits.
    sim.add_fault(FaultRule::new(
        Route::UserAction,
        FaultKind::Delay { millis: 60_000 },
        1,
    ));
    let dir = scratch("cli-kill");
    let journal = dir.join("journal.jsonl");
    let child = command(
        &sim,
        &journal,
        &[
            "users",
            "unlock",
            "alice.locked",
            "--yes",
            "--ticket",
            "INC-1",
        ],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .expect("spawned");
    incident::kill_once_sent(child, &journal, &sim, Duration::from_secs(30)).await;
    let records = read_records(&journal).expect("records");
    assert_eq!(records.len(), 1, "the intent, and no outcome");
    assert_eq!(records[0].phase, Phase::Intent);

    let next = run(&sim, &journal, &["journal"]);
    assert!(
        stderr(&next).contains("1 operation of unknown outcome"),
        "{}",
        stderr(&next)
    );
    assert!(
        stderr(&next).contains("alice.locked (ticket INC-1)"),
        "{}",
        stderr(&next)
    );
    assert!(
        stdout(&next).contains("no outcome recorded"),
        "{}",
        stdout(&next)
    );

    let reread = run(&sim, &journal, &["journal", "--reread"]);
    assert_eq!(code(&reread), 0, "{}", stderr(&reread));
    assert!(
        stdout(&reread).starts_with("Outcome unknown"),
        "{}",
        stdout(&reread)
    );
    assert!(
        stdout(&reread).contains("alice.locked"),
        "{}",
        stdout(&reread)
    );
    let after = run(&sim, &journal, &["journal"]);
    assert!(
        !stderr(&after).contains("unknown outcome"),
        "{}",
        stderr(&after)
    );
    assert!(
        stdout(&after).contains("unknown; re-read later"),
        "{}",
        stdout(&after)
    );
    let _ = std::fs::remove_dir_all(dir);
}
