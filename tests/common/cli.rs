//! Running the real binary as a script would: pointed at an in-process simulator through the
//! environment, with stdin not a terminal and a private log file.

#![allow(dead_code)] // each test file uses a different part

use std::process::{Command, Output};

use pingdesk::sim::{self, SimConfig, SimHandle};
use secrecy::ExposeSecret as _;

/// Runs `pingdesk args…` pointed at `sim` (or nothing, when `None`), with a private log file.
pub fn pingdesk(sim: Option<&SimHandle>, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
    let log = std::env::temp_dir().join(format!("pingdesk-cli-test-{}.log", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_pingdesk"));
    command
        .args(args)
        .env("PINGDESK_LOG_FILE", &log)
        .env("HOME", "/nonexistent-home")
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
pub type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], i32, &'a str);

pub fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code, not a signal")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub async fn start() -> SimHandle {
    sim::spawn(SimConfig::default()).await.expect("simulator")
}
