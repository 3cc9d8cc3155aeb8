//! The scriptable CLI, as a script would run it: the real binary against an in-process simulator,
//! configured through the environment, with stdin not a terminal.

use std::process::{Command, Output};

use pingdesk::api::ApiClient;
use pingdesk::pingone::user::NewUser;
use pingdesk::sim::{self, Route, SimConfig, SimHandle};
use secrecy::ExposeSecret as _;

/// Runs `pingdesk args…` pointed at `sim` (or nothing, when `None`), with a private log file.
fn pingdesk(sim: Option<&SimHandle>, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
    let log = std::env::temp_dir().join(format!("pingdesk-cli-test-{}.log", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_pingdesk"));
    command
        .args(args)
        .env("PINGDESK_LOG_FILE", &log)
        .env("HOME", "/nonexistent-home")
        // The action journal of these runs stays in the temp directory.
        .env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join(format!("pingdesk-cli-state-{}", std::process::id())),
        )
        .env_remove("PINGDESK_JOURNAL")
        .env_remove("XDG_CONFIG_HOME");
    for name in [
        "PINGONE_CLIENT_ID",
        "PINGONE_CLIENT_SECRET",
        "PINGONE_ENVIRONMENT_ID",
        "PINGONE_API_ACCESS_TOKEN",
        "PINGONE_REGION_CODE",
        "PINGDESK_API_URL",
        "PINGDESK_AUTH_URL",
        "PINGDESK_PROFILE",
        "PINGDESK_CONFIG",
        "NO_COLOR",
    ] {
        command.env_remove(name);
    }
    if let Some(sim) = sim {
        let url = sim.base_url.as_str();
        command
            .env("PINGDESK_API_URL", url)
            .env("PINGDESK_AUTH_URL", url)
            .env("PINGONE_ENVIRONMENT_ID", &sim.environment_id)
            .env("PINGONE_CLIENT_ID", &sim.client_id)
            .env("PINGONE_CLIENT_SECRET", sim.client_secret.expose_secret());
    }
    for (name, value) in extra_env {
        command.env(name, value);
    }
    command
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs")
}

/// Arguments, extra environment, expected exit code, and what stderr must say.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], i32, &'a str);

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code, not a signal")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

async fn start() -> SimHandle {
    sim::spawn(SimConfig::default()).await.expect("simulator")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn find_and_show_in_text_and_json() {
    let sim = start().await;
    let found = pingdesk(Some(&sim), &["users", "find", "jsmith"], &[]);
    assert_eq!(code(&found), 0, "{}", text(&found.stderr));
    let stdout = text(&found.stdout);
    assert!(
        stdout.starts_with("USERNAME") && stdout.contains("jsmithers") && stdout.contains("LOCKED"),
        "{stdout}"
    );
    assert!(
        !stdout.contains('\u{1b}'),
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
    let out = text(&shown.stdout);
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
    let sim = start().await;
    let unlocked = pingdesk(
        Some(&sim),
        &["users", "unlock", "alice.locked", "--yes", "--json"],
        &[],
    );
    assert_eq!(code(&unlocked), 0, "{}", text(&unlocked.stderr));
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
    assert_eq!(code(&locked), 0, "{}", text(&locked.stderr));
    let value: serde_json::Value = serde_json::from_slice(&locked.stdout).expect("JSON");
    let left = value["user"]["account"]["secondsUntilUnlock"]
        .as_u64()
        .expect("timed lock");
    assert!((1790..=1800).contains(&left), "{left}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_exit_code() {
    let sim = start().await;
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
        let stderr = text(&output.stderr);
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
    let sim = start().await;
    let output = pingdesk(Some(&sim), &["doctor", "--json"], &[]);
    assert_eq!(code(&output), 0, "{}", text(&output.stderr));
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
    assert!(text(&failing.stdout).contains("FAIL"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_never_reach_help_logs_or_errors() {
    let sim = start().await;
    let secret = sim.client_secret.expose_secret().to_owned();
    let help = pingdesk(Some(&sim), &["--help"], &[]);
    let help_text = text(&help.stdout);
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
    assert!(!text(&wrong.stderr).contains("hunter2"), "nor in an error");
}

#[test]
fn completions_and_man_page() {
    let bash = pingdesk(None, &["completions", "bash"], &[]);
    assert_eq!(code(&bash), 0);
    assert!(text(&bash.stdout).contains("pingdesk"));
    let man = pingdesk(None, &["man"], &[]);
    assert!(text(&man.stdout).contains(".TH pingdesk"));
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
    assert_eq!(code(&found), 0, "{}", text(&found.stderr));
    let value: serde_json::Value = serde_json::from_slice(&found.stdout).expect("JSON");
    assert!(
        value["users"]
            .as_array()
            .is_some_and(|u| u.iter().any(|u| u["username"] == "frank.ok"))
    );
}
