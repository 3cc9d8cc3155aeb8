//! The CLI's MFA devices and sessions, as a script would run them: listing (text and JSON),
//! block, unblock and revoke with their arguments (`DEVICE`, `SESSION` or `--all`), `--yes`,
//! `--json` and the exit codes of the other operations; `users show` with every section.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/wire.rs"]
mod wire;

use cli::{Case, code, pingdesk, stderr, stdout};
use pingdesk::desk::Target;
use pingdesk::sim::{Route, SimHandle};
use serde_json::Value;
use wire::start;

/// `pingdesk users <what> USER --json`, parsed.
fn listed(sim: &SimHandle, what: &str, user: &str) -> Value {
    let output = pingdesk(Some(sim), &["users", what, user, "--json"], &[]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// The id of `user`'s first device that is (or is not) blocked.
fn device_id(sim: &SimHandle, user: &str, blocked: bool) -> String {
    let devices = listed(sim, "devices", user);
    devices["devices"]
        .as_array()
        .expect("devices")
        .iter()
        .find(|d| (d["block"]["status"] == "BLOCKED") == blocked)
        .and_then(|d| d["id"].as_str())
        .expect("such a device")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn devices_and_sessions_are_listed_in_text_and_json() {
    let (sim, _client) = start().await;
    let devices = listed(&sim, "devices", "wei.lin");
    assert_eq!(devices["mfaEnabled"], true);
    assert_eq!(devices["devices"].as_array().map(Vec::len), Some(2));
    let shown = pingdesk(Some(&sim), &["users", "devices", "sobrien"], &[]);
    let out = stdout(&shown);
    assert!(out.contains("MFA          on"), "{out}");
    assert!(
        out.contains("VOICE +1 •••• 0132 (Desk phone)  ACTIVE  LOCKED until "),
        "{out}"
    );
    let sessions = listed(&sim, "sessions", "frank.ok");
    assert_eq!(sessions["sessions"].as_array().map(Vec::len), Some(3));
    let shown = pingdesk(Some(&sim), &["users", "sessions", "frank.ok"], &[]);
    let out = stdout(&shown);
    assert!(
        out.contains(
            "session      Chrome 126.0 on Mac OS X 14.5  london, united kingdom (203.0.113.10); \
             reading, united kingdom (198.51.100.41)  started "
        ),
        "{out}"
    );
    let none = pingdesk(Some(&sim), &["users", "sessions", "judy.nopassword"], &[]);
    assert!(stdout(&none).contains("session      none"));
    // mallory.ansi's device nickname, browser and city hold escape sequences: shown as
    // placeholders, each device and session on its one line.
    for (what, shows, rows) in [
        ("devices", "(␛]0;pwned␇phone)", 3),
        (
            "sessions",
            "␛[2JEvil␇ 1.0 on Linux  ␛]52;c;cHduZWQ=␇atlantis",
            2,
        ),
    ] {
        let out = stdout(&pingdesk(Some(&sim), &["users", what, "mallory.ansi"], &[]));
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains(shows), "{what}: {out}");
        assert_eq!(out.lines().count(), rows, "{what}: {out}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_has_every_section_and_the_device_fix_names_the_device() {
    let (sim, _client) = start().await;
    let blocked = device_id(&sim, "wei.lin", true);
    let shown = pingdesk(Some(&sim), &["users", "show", "wei.lin"], &[]);
    assert_eq!(code(&shown), 0, "{}", stderr(&shown));
    let out = stdout(&shown);
    for expected in [
        "verdict      cannot sign in",
        "population   Employees (c3e9a259-2d39-4d71-a481-03d93c9564f3)",
        "groups       IT, VPN Users, All Staff",
        "MFA device   SMS +1 •••• 0138 (Personal phone)  ACTIVE  BLOCKED since ",
        "MFA device   EMAIL w•••@example.com  ACTIVATION_REQUIRED",
        "session      Chrome 126.0 on Android 14  singapore, singapore (2001:db8:5::9)",
    ] {
        assert!(out.contains(expected), "{expected:?} in\n{out}");
    }
    assert!(
        out.contains("(fix: pingdesk users unblock-device ")
            && out.contains(&format!(" {blocked})")),
        "{out}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unblock_a_device_then_again_is_nothing_to_do() {
    let (sim, _client) = start().await;
    let blocked = device_id(&sim, "wei.lin", true);
    let args = [
        "users",
        "unblock-device",
        "wei.lin",
        blocked.as_str(),
        "--yes",
        "--json",
    ];
    let done = pingdesk(Some(&sim), &args, &[]);
    assert_eq!(code(&done), 0, "{}", stderr(&done));
    assert!(stderr(&done).contains("Unblocked an MFA device of wei.lin"));
    let report: Value = serde_json::from_slice(&done.stdout).expect("JSON");
    assert_eq!(report["action"], "unblock-device");
    assert_eq!(report["outcome"], "applied");
    let device = report["devices"]
        .as_array()
        .expect("devices")
        .iter()
        .find(|d| d["id"] == blocked.as_str())
        .expect("the device");
    assert_eq!(device["block"]["status"], "UNBLOCKED");
    assert_eq!(sim.stats().get(Route::DeviceAction), 1);
    let again = pingdesk(Some(&sim), &args, &[]);
    assert_eq!(code(&again), 0);
    assert!(stderr(&again).contains("is not blocked: nothing to unblock"));
    let report: Value = serde_json::from_slice(&again.stdout).expect("JSON");
    assert_eq!(report["outcome"], "nothing to do");
    assert_eq!(
        sim.stats().get(Route::DeviceAction),
        1,
        "nothing sent the second time"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoke_one_session_or_all_of_them() {
    let (sim, _client) = start().await;
    let sessions = listed(&sim, "sessions", "frank.ok");
    let first = sessions["sessions"][0]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let one = pingdesk(
        Some(&sim),
        &["users", "revoke-session", "frank.ok", &first, "--yes"],
        &[],
    );
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    assert!(stderr(&one).contains("Revoked a session of frank.ok"));
    let all = pingdesk(
        Some(&sim),
        &[
            "users",
            "revoke-session",
            "frank.ok",
            "--all",
            "--yes",
            "--json",
            "--ticket",
            "CLI-REVOKE-ALL",
        ],
        &[],
    );
    assert_eq!(code(&all), 0, "{}", stderr(&all));
    assert!(stderr(&all).contains("Revoked all 2 sessions of frank.ok"));
    let report: Value = serde_json::from_slice(&all.stdout).expect("JSON");
    assert_eq!(report["sessions"], serde_json::json!([]));
    assert_eq!(sim.stats().get(Route::DeleteSession), 3);
    // Journaled once, naming both sessions, beside the run's log.
    let journal = cli::log_file("cli").with_extension("state");
    let records = pingdesk::desk::journal::read_records(&journal.join("pingdesk/journal.jsonl"))
        .expect("the journal");
    let mine: Vec<_> = records
        .iter()
        .filter(|r| r.ticket.as_deref() == Some("CLI-REVOKE-ALL"))
        .collect();
    assert_eq!(mine.len(), 2, "one intent and one outcome: {mine:?}");
    assert!(
        matches!(&mine[0].target, Some(Target::AllSessions(ids)) if ids.len() == 2),
        "{:?}",
        mine[0].target
    );
    // `pingdesk journal` names what inside the user each operation acted on.
    let shown = pingdesk(Some(&sim), &["journal", "--user", "frank.ok"], &[]);
    let shown = String::from_utf8_lossy(&shown.stdout).into_owned();
    let line = |needle: &str| {
        shown
            .lines()
            .find(|l| l.contains(needle))
            .map(str::to_owned)
    };
    let all_line = line("CLI-REVOKE-ALL").unwrap_or_else(|| panic!("no ticket line in {shown}"));
    assert!(all_line.contains("frank.ok (all 2 sessions)"), "{all_line}");
    assert!(
        line(&format!("frank.ok (session {first})")).is_some(),
        "the single revoke names its session: {shown}"
    );
    let none = pingdesk(
        Some(&sim),
        &["users", "revoke-session", "frank.ok", "--all", "--yes"],
        &[],
    );
    assert_eq!(code(&none), 0);
    assert!(stderr(&none).contains("no session: nothing to revoke"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arguments_refusals_and_exit_codes() {
    let (sim, _client) = start().await;
    let unblocked = device_id(&sim, "frank.ok", false);
    let blocked = device_id(&sim, "b.tran", true);
    let cases: [Case; 9] = [
        (&["users", "unblock-device", "wei.lin"], &[], 2, "DEVICE"),
        (&["users", "revoke-session", "frank.ok"], &[], 2, "--all"),
        (
            &["users", "revoke-session", "frank.ok", "x", "--all"],
            &[],
            2,
            "cannot be used",
        ),
        (
            &[
                "users",
                "block-device",
                "frank.ok",
                "no-such-device",
                "--yes",
            ],
            &[],
            3,
            "has no MFA device no-such-device",
        ),
        (
            &["users", "revoke-session", "frank.ok", "gone", "--yes"],
            &[],
            3,
            "has no session gone",
        ),
        (
            &["users", "block-device", "frank.ok", &unblocked],
            &[],
            5,
            "refusing to write without --yes",
        ),
        (
            &["users", "unblock-device", "b.tran", &blocked, "--yes"],
            &[("PINGDESK_READ_ONLY", "1")],
            5,
            "Read-only",
        ),
        (
            &["users", "mfa-off", "kwame.mensah", "--yes"],
            &[],
            0,
            "MFA is already off for kwame.mensah",
        ),
        (
            &["users", "mfa-on", "kwame.mensah", "--yes"],
            &[],
            0,
            "Turned MFA on for kwame.mensah",
        ),
    ];
    for (args, env, expected, says) in cases {
        let output = pingdesk(Some(&sim), args, env);
        let stderr = stderr(&output);
        assert_eq!(code(&output), expected, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {says:?} in {stderr}");
    }
    assert_eq!(
        sim.stats().get(Route::DeviceAction),
        0,
        "no device write went out"
    );
    assert_eq!(sim.stats().get(Route::MfaEnabled), 1, "only the mfa-on");
}
