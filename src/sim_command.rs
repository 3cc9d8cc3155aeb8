//! `pingdesk sim`: a standalone simulator that prints how to point pingdesk at it.

use std::fmt::Write as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context as _;
use secrecy::{ExposeSecret, SecretString};

use crate::cli::SimArgs;
use crate::sim::{self, SimConfig, SimHandle};

/// Starts the simulator, prints its URLs, credentials and `export` lines, and serves until
/// Ctrl-C or SIGTERM.
pub async fn run(args: SimArgs) -> anyhow::Result<()> {
    let directory = match &args.data {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("reading the directory file {}", path.display()))?,
        ),
        None => None,
    };
    let config = SimConfig {
        addr: SocketAddr::from(([127, 0, 0, 1], args.port)),
        environment_id: args.env_id,
        client_id: args.client_id,
        client_secret: SecretString::from(args.client_secret),
        generated_users: args.users,
        seed: args.seed,
        directory,
        token_lifetime: Duration::from_secs(args.token_lifetime),
        rate_limit: args.rate_limit,
    };
    let handle = sim::spawn(config).await?;
    // A reader that stops early (`| grep export`) must not crash the simulator.
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(banner(&handle).as_bytes())
        .and_then(|()| stdout.flush());
    drop(stdout);
    wait_for_stop().await?;
    handle.shutdown().await;
    Ok(())
}

/// What `pingdesk sim` prints at start: URLs, ids, and `export` lines a shell can eval.
pub fn banner(handle: &SimHandle) -> String {
    let url = handle.base_url.as_str().trim_end_matches('/');
    let env = &handle.environment_id;
    let mut text = format!(
        "PingOne simulator ({}, {} users)\n\
         API:            {url}/v1/environments/{env}/users\n\
         Token endpoint: {url}/{env}/as/token\n\
         Environment id: {env}\n\
         Client id:      {}\n\
         Client secret:  {}\n\
         Faults:         PUT {url}/_sim/faults   Counters: GET {url}/_sim/stats\n\
         Incident:       POST {url}/_sim/incident {{\"lock\": N}}\n\n\
         Point pingdesk at it from another shell:\n",
        handle.environment_name,
        handle.user_count(),
        handle.client_id,
        handle.client_secret.expose_secret(),
    );
    for (name, value) in [
        ("PINGDESK_API_URL", url),
        ("PINGDESK_AUTH_URL", url),
        ("PINGONE_ENVIRONMENT_ID", env.as_str()),
        ("PINGONE_CLIENT_ID", handle.client_id.as_str()),
        (
            "PINGONE_CLIENT_SECRET",
            handle.client_secret.expose_secret(),
        ),
    ] {
        let _ = writeln!(text, "export {name}={}", shell_quote(value));
    }
    text
}

/// Single-quotes a value for a POSIX shell.
fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// Waits for Ctrl-C, or SIGTERM on Unix.
async fn wait_for_stop() -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).context("listening for SIGTERM")?;
        tokio::select! {
            result = tokio::signal::ctrl_c() => result.context("listening for Ctrl-C")?,
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    tokio::signal::ctrl_c()
        .await
        .context("listening for Ctrl-C")?;
    Ok(())
}
