//! The scriptable CLI, as a script would run it: the real binary against an in-process simulator,
//! configured through the environment, with stdin not a terminal.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/wire.rs"]
mod wire;

use std::process::Command;

use cli::{Case, code, pingdesk, stderr, stdout};
use pingdesk::api::ApiClient;
use pingdesk::pingone::user::NewUser;
use pingdesk::sim::Route;
use secrecy::ExposeSecret as _;
use wire::start;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn find_and_show_in_text_and_json() {
    let (sim, _client) = start().await;
    let found = pingdesk(Some(&sim), &["users", "find", "jsmith"], &[]);
    assert_eq!(code(&found), 0, "{}", stderr(&found));
    let listed = stdout(&found);
    assert!(
        listed.starts_with("USERNAME") && listed.contains("jsmithers") && listed.contains("LOCKED"),
        "{listed}"
    );
    assert!(
        !listed.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );

    let json = pingdesk(
        Some(&sim),
        &["users", "find", "jsmith", "--limit", "2", "--json"],
        &[],
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["users"].as_array().map(Vec::len), Some(2));
    assert!(value["count"].as_u64().is_some_and(|c| c >= 5));

    let shown = pingdesk(
        Some(&sim),
        &["users", "show", "alice.nguyen@example.com"],
        &[],
    );
    assert_eq!(code(&shown), 0);
    let out = stdout(&shown);
    assert!(out.contains("verdict      cannot sign in"), "{out}");
    assert!(
        out.contains("cause        account locked by an admin (fix: pingdesk users unlock "),
        "{out}"
    );
    assert!(out.contains("password     OK"), "{out}");
    let record = pingdesk(
        Some(&sim),
        &["users", "show", "alice.locked", "--json"],
        &[],
    );
    let user: serde_json::Value = serde_json::from_slice(&record.stdout).expect("JSON");
    assert_eq!(user["account"]["status"], "LOCKED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unlock_and_lock_with_yes() {
    let (sim, _client) = start().await;
    let unlocked = pingdesk(
        Some(&sim),
        &["users", "unlock", "alice.locked", "--yes", "--json"],
        &[],
    );
    assert_eq!(code(&unlocked), 0, "{}", stderr(&unlocked));
    let value: serde_json::Value = serde_json::from_slice(&unlocked.stdout).expect("JSON");
    assert_eq!(value["action"], "unlock");
    assert_eq!(value["user"]["account"]["status"], "OK");
    assert_eq!(sim.stats().get(Route::UserAction), 1);

    let locked = pingdesk(
        Some(&sim),
        &[
            "users", "lock", "frank.ok", "--for", "30m", "--yes", "--json",
        ],
        &[],
    );
    assert_eq!(code(&locked), 0, "{}", stderr(&locked));
    let value: serde_json::Value = serde_json::from_slice(&locked.stdout).expect("JSON");
    let left = value["user"]["account"]["secondsUntilUnlock"]
        .as_u64()
        .expect("timed lock");
    assert!((1790..=1800).contains(&left), "{left}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_exit_code() {
    let (sim, _client) = start().await;
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    for username in ["twin.one", "twin.two"] {
        let twin = NewUser {
            username: username.into(),
            email: "twins@example.com".into(),
            ..NewUser::default()
        };
        client.create_user(&twin).await.expect("create");
    }
    let cases: &[Case<'_>] = &[
        (&["users", "show", "frank.ok"], &[], 0, ""),
        (
            &[
                "users",
                "lock",
                "frank.ok",
                "--until",
                "2020-01-01T00:00:00Z",
                "--yes",
            ],
            &[],
            2,
            "in the past",
        ),
        (
            &["users", "find", "filter: username co \"a\""],
            &[],
            1,
            "not supported",
        ),
        (&["users", "show"], &[], 2, "USER"),
        (&["users", "show", "x", "--profile", "nope"], &[], 2, "nope"),
        (&["users", "show", "nobody.here"], &[], 3, "no user matches"),
        (
            &["users", "show", "twins@example.com"],
            &[],
            4,
            "matches 2 users",
        ),
        (
            &["users", "unlock", "alice.locked"],
            &[],
            5,
            "not a terminal",
        ),
        (
            &["users", "unlock", "alice.locked", "--yes", "--read-only"],
            &[],
            5,
            "Read-only",
        ),
        (
            &["users", "lock", "frank.ok", "--yes"],
            &[("PINGDESK_READ_ONLY", "1")],
            5,
            "Read-only",
        ),
        (
            &["users", "show", "frank.ok"],
            &[("PINGONE_CLIENT_SECRET", "wrong")],
            6,
            "credentials",
        ),
        (
            &["users", "show", "frank.ok"],
            &[
                ("PINGDESK_API_URL", "http://127.0.0.1:9"),
                ("PINGDESK_AUTH_URL", "http://127.0.0.1:9"),
            ],
            7,
            "refused",
        ),
    ];
    for (args, env, expected, says) in cases {
        let output = pingdesk(Some(&sim), args, env);
        let stderr = stderr(&output);
        assert_eq!(code(&output), *expected, "{args:?}: {stderr}");
        assert!(
            stderr.contains(says),
            "{args:?} should say {says:?}: {stderr}"
        );
    }
    assert_eq!(
        sim.stats().get(Route::UserAction),
        0,
        "no refused write reached PingOne"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn doctor_reports_token_roles_and_clock() {
    let (sim, _client) = start().await;
    let output = pingdesk(Some(&sim), &["doctor", "--json"], &[]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let checks: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let detail = |name: &str| {
        checks
            .as_array()
            .and_then(|all| all.iter().find(|c| c["name"] == name))
            .map(|c| (c["ok"].clone(), c["detail"].to_string()))
    };
    assert!(
        detail("worker roles").is_some_and(|(ok, d)| ok == true && d.contains("Help Desk Admin"))
    );
    assert!(detail("clock skew").is_some_and(|(ok, _)| ok == true));
    assert!(detail("target").is_some_and(|(_, d)| d.contains("127.0.0.1")));
    let failing = pingdesk(
        Some(&sim),
        &["doctor"],
        &[("PINGONE_CLIENT_SECRET", "wrong")],
    );
    assert_eq!(code(&failing), 6);
    assert!(stdout(&failing).contains("FAIL"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_never_reach_help_logs_or_errors() {
    let (sim, _client) = start().await;
    let secret = sim.client_secret.expose_secret().to_owned();
    let help = pingdesk(Some(&sim), &["--help"], &[]);
    let help_text = stdout(&help);
    assert!(
        help_text.contains("PINGONE_CLIENT_SECRET") && !help_text.contains(&secret),
        "{help_text}"
    );
    let log = std::env::temp_dir().join(format!("pingdesk-cli-secret-{}.log", std::process::id()));
    let log_arg = log.to_str().expect("utf-8 path");
    let run = pingdesk(
        Some(&sim),
        &[
            "users",
            "unlock",
            "alice.locked",
            "--yes",
            "--log-level",
            "trace",
            "--log-file",
            log_arg,
        ],
        &[],
    );
    assert_eq!(code(&run), 0);
    let logged = std::fs::read_to_string(&log).expect("log written");
    let line = logged
        .lines()
        .find(|line| line.contains("sending an operation (CLI)"))
        .expect("the unlock is logged before it is sent");
    for field in [
        "op=\"unlock account\"",
        "user_id=c49f2481-a62c-4e72-a451-dee7c524bf53",
        "username=alice.locked",
        "actor=\"pingdesk-demo-worker\"",
    ] {
        assert!(line.contains(field), "{field} missing from {line}");
    }
    assert!(logged.contains("applied"), "and its answer: {logged}");
    assert!(!logged.contains(&secret), "the secret is not in the log");
    let wrong = pingdesk(
        Some(&sim),
        &["users", "show", "x"],
        &[("PINGONE_CLIENT_SECRET", "hunter2-wrong")],
    );
    assert!(!stderr(&wrong).contains("hunter2"), "nor in an error");
}

#[test]
fn completions_and_man_page() {
    let bash = pingdesk(None, &["completions", "bash"], &[]);
    assert_eq!(code(&bash), 0);
    assert!(stdout(&bash).contains("pingdesk"));
    let man = pingdesk(None, &["man"], &[]);
    assert!(stdout(&man).contains(".TH pingdesk"));
}

#[test]
fn the_sim_subcommand_prints_export_lines_that_work() {
    use std::io::BufRead as _;
    let mut sim = Command::new(env!("CARGO_BIN_EXE_pingdesk"))
        .args(["sim", "--port", "0", "--users", "10"])
        .env(
            "PINGDESK_LOG_FILE",
            std::env::temp_dir().join("pingdesk-cli-sim.log"),
        )
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pingdesk sim starts");
    let stdout = sim.stdout.take().expect("stdout");
    let mut exports = Vec::new();
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.expect("a line");
        if let Some(export) = line.strip_prefix("export ") {
            let (name, value) = export.split_once('=').expect("NAME=value");
            exports.push((name.to_owned(), value.trim_matches('\'').to_owned()));
        }
        if exports.len() == 5 {
            break;
        }
    }
    let names: Vec<&str> = exports.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "PINGDESK_API_URL",
            "PINGDESK_AUTH_URL",
            "PINGONE_ENVIRONMENT_ID",
            "PINGONE_CLIENT_ID",
            "PINGONE_CLIENT_SECRET"
        ]
    );
    let env: Vec<(&str, &str)> = exports
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let found = pingdesk(None, &["users", "find", "frank", "--json"], &env);
    let _ = sim.kill();
    let _ = sim.wait();
    assert_eq!(code(&found), 0, "{}", stderr(&found));
    let value: serde_json::Value = serde_json::from_slice(&found.stdout).expect("JSON");
    assert!(
        value["users"]
            .as_array()
            .is_some_and(|u| u.iter().any(|u| u["username"] == "frank.ok"))
    );
}
