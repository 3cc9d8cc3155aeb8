//! Running the real binary from a test: a `Command` aimed at a simulator through the
//! environment (or at nothing), with a private log file and none of the caller's settings.

#![allow(dead_code)] // each test file uses a different part

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use pingdesk::sim::{Route, SimHandle};
use secrecy::ExposeSecret as _;
use serde_json::Value;

/// Variables of the caller's environment that would change what the binary does.
const CLEARED: [&str; 16] = [
    "PINGONE_API_ACCESS_TOKEN",
    "PINGONE_REGION_CODE",
    "PINGONE_CLIENT_ID",
    "PINGONE_CLIENT_SECRET",
    "PINGONE_ENVIRONMENT_ID",
    "PINGONE_API_SERVICE_HOSTNAME",
    "PINGONE_AUTH_SERVICE_HOSTNAME",
    "PINGDESK_API_URL",
    "PINGDESK_AUTH_URL",
    "PINGDESK_PROFILE",
    "PINGDESK_CONFIG",
    "PINGDESK_READ_ONLY",
    "PINGDESK_TARGET_ENVIRONMENT_ID",
    "PINGDESK_JOURNAL",
    "PINGDESK_SYSLOG_SOCKET",
    "NO_COLOR",
];

/// A private log file for test `name`.
pub fn log_file(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("pingdesk-{name}-{}.log", std::process::id()))
}

/// `pingdesk` with no configuration at all, stdin closed, logging to `log`, its journal in a
/// directory beside the log (`….state/pingdesk/`).
pub fn bare(log: &PathBuf) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pingdesk"));
    command
        .env("PINGDESK_LOG_FILE", log)
        .env("HOME", "/nonexistent-home")
        .env("XDG_STATE_HOME", log.with_extension("state"))
        .env_remove("XDG_CONFIG_HOME")
        .stdin(Stdio::null());
    for name in CLEARED {
        command.env_remove(name);
    }
    command
}

/// `pingdesk` pointed at `sim` with the worker's credentials, through the environment.
pub fn at(sim: &SimHandle, log: &PathBuf) -> Command {
    let mut command = bare(log);
    let url = sim.base_url.as_str();
    command
        .env("PINGDESK_API_URL", url)
        .env("PINGDESK_AUTH_URL", url)
        .env("PINGONE_ENVIRONMENT_ID", &sim.environment_id)
        .env("PINGONE_CLIENT_ID", &sim.client_id)
        .env("PINGONE_CLIENT_SECRET", sim.client_secret.expose_secret());
    command
}

/// Runs it and returns what it did.
pub fn run(command: &mut Command) -> Output {
    command.output().expect("the binary runs")
}

/// The exit code (not a signal).
pub fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code, not a signal")
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard output as JSON.
pub fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("JSON on stdout ({e}): {}", stdout(output)))
}

/// Runs `pingdesk args…` with `extra_env` set, pointed at `sim` (or at nothing when `None`).
pub fn pingdesk(sim: Option<&SimHandle>, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
    let log = log_file("cli");
    let mut command = match sim {
        Some(sim) => at(sim, &log),
        None => bare(&log),
    };
    command.args(args).envs(extra_env.iter().copied());
    run(&mut command)
}

/// Arguments, extra environment, expected exit code, and what stderr must say.
pub type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], i32, &'a str);

/// Requests that would change a user, on every write route of `sim`.
pub fn writes(sim: &SimHandle) -> u64 {
    [
        Route::UserAction,
        Route::PasswordAction,
        Route::UserEnabled,
        Route::MfaEnabled,
        Route::DeviceAction,
        Route::DeleteSession,
    ]
    .into_iter()
    .map(|route| sim.stats().get(route))
    .sum()
}
