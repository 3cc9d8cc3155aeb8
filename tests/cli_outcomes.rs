//! The CLI when an answer is lost or never comes: the report and exit code of a write whose
//! outcome is unknown (by what a fresh read shows), and the exit codes the README promises for
//! "no result" (3), configuration errors such as an unknown environment (2), and timeouts,
//! TLS failures, 429 and 5xx (7).

#[path = "common/cli.rs"]
mod cli;

use cli::{at, code, json, log_file, run, stderr};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};

async fn start() -> SimHandle {
    sim::spawn(SimConfig::default()).await.expect("simulator")
}

/// Runs `args` against `sim` with `fault` on its first request to `route`.
fn with_fault(
    sim: &SimHandle,
    route: Route,
    fault: FaultKind,
    args: &[&str],
) -> std::process::Output {
    sim.add_fault(FaultRule::new(route, fault, 1));
    run(at(sim, &log_file("cli-outcomes")).args(args))
}

/// Checks `output` exited with `expected` and said every one of `says` on stderr.
fn exits(output: &std::process::Output, expected: i32, says: &[&str]) {
    let text = stderr(output);
    assert_eq!(code(output), expected, "{text}");
    for needle in says {
        assert!(text.contains(needle), "expected {needle:?} in {text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_answer_exits_by_what_a_fresh_read_shows() {
    let sim = start().await;
    let lost = FaultKind::Disconnect { applied: false };
    let made = FaultKind::Disconnect { applied: true };
    let lock = ["users", "lock", "frank.ok", "--yes", "--json"];

    // The lock never reached the directory: not done, exit 7, and said so.
    let output = with_fault(&sim, Route::UserAction, lost.clone(), &lock);
    let unknown = [
        "Outcome unknown",
        "not sent again",
        "PingOne now shows frank.ok",
    ];
    exits(&output, 7, &unknown);
    exits(&output, 7, &["the account is not locked"]);
    assert_eq!(json(&output)["outcome"], "unknown");
    assert_eq!(sim.stats().get(Route::UserAction), 1, "never sent again");

    // The lock was made before the connection broke: done, exit 0.
    let output = with_fault(&sim, Route::UserAction, made.clone(), &lock);
    exits(&output, 0, &["the account is LOCKED"]);
    assert_eq!(json(&output)["user"]["account"]["status"], "LOCKED");
    assert_eq!(sim.stats().get(Route::UserAction), 2);

    // An unlock answered after the client gave up: made, exit 0.
    let stall = FaultKind::Stall { millis: 5_000 };
    let unlock = ["users", "unlock", "alice.locked", "--yes", "--timeout", "1"];
    let output = with_fault(&sim, Route::UserAction, stall, &unlock);
    exits(&output, 0, &["did not answer in time", "the account is OK"]);

    // A code emailed cannot be seen in a read: exit 7, and the person is told to ask.
    let code_sent = ["users", "send-recovery-code", "hank.expired", "--yes"];
    let output = with_fault(&sim, Route::PasswordAction, made, &code_sent);
    exits(&output, 7, &["ask the user"]);
    assert_eq!(sim.stats().get(Route::PasswordAction), 1);

    // The answer lost and the read after it refused: still "outcome unknown", never "could not".
    sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::Status { status: 404 },
        1,
    ));
    let bob = ["users", "unlock", "bob.autounlock", "--yes"];
    let output = with_fault(&sim, Route::UserAction, lost, &bob);
    exits(
        &output,
        7,
        &[
            "Outcome unknown",
            "could not be read again",
            "pingdesk users show",
        ],
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_codes_for_nothing_found_bad_settings_and_a_network_that_fails() {
    let sim = start().await;
    let log = log_file("cli-exit-codes");
    let find = |extra: &[(&str, &str)], args: &[&str]| {
        let mut command = at(&sim, &log);
        command.args(["users", "find"]).args(args);
        for (name, value) in extra {
            command.env(name, value);
        }
        run(&mut command)
    };
    let cases: Vec<(std::process::Output, i32, &str)> = vec![
        (find(&[], &["zzz-nobody"]), 3, "No users match"),
        (find(&[], &["alice", "--limit", "0"]), 2, "--limit"),
        (find(&[], &["alice", "--timeout", "0"]), 2, "timeout"),
        (
            find(
                &[(
                    "PINGDESK_TARGET_ENVIRONMENT_ID",
                    "00000000-0000-4000-8000-000000000000",
                )],
                &["alice"],
            ),
            2,
            "environment 00000000-0000-4000-8000-000000000000 not found, or this worker cannot see it",
        ),
        (
            find(
                &[(
                    "PINGONE_ENVIRONMENT_ID",
                    "11111111-1111-4111-8111-111111111111",
                )],
                &["alice"],
            ),
            2,
            "environment 11111111-1111-4111-8111-111111111111 not found",
        ),
        (
            {
                let https = sim.base_url.as_str().replace("http://", "https://");
                find(
                    &[("PINGDESK_API_URL", &https), ("PINGDESK_AUTH_URL", &https)],
                    &["alice"],
                )
            },
            7,
            "TLS",
        ),
    ];
    for (output, expected, says) in cases {
        exits(&output, expected, &[says]);
    }
    // An id that names no user is "not found", not a wrong environment.
    let output = find(&[], &["c49f2481-0000-4000-8000-000000000000"]);
    assert_eq!(code(&output), 3, "{}", stderr(&output));

    let faulted = |fault: FaultKind, args: &[&str], says: &str| {
        sim.add_fault(FaultRule {
            route: Some(Route::ListUsers),
            kind: fault,
            times: None,
        });
        exits(&find(&[], args), 7, &[says]);
    };
    faulted(
        FaultKind::Status { status: 503 },
        &["alice"],
        "server error",
    );
    clear_faults(&sim).await;
    faulted(
        FaultKind::RateLimit {
            retry_after_secs: 0,
        },
        &["alice"],
        "rate limiting",
    );
    clear_faults(&sim).await;
    faulted(
        FaultKind::Delay { millis: 5_000 },
        &["alice", "--timeout", "1"],
        "did not answer in time",
    );
    clear_faults(&sim).await;
}

/// Removes every fault rule, through the simulator's control endpoint.
async fn clear_faults(sim: &SimHandle) {
    pingdesk::api::client::install_crypto_provider();
    let answer = reqwest::Client::new()
        .put(format!("{}_sim/faults", sim.base_url))
        .json(&serde_json::json!({ "rules": [] }))
        .send()
        .await
        .expect("faults cleared");
    assert!(answer.status().is_success());
}
