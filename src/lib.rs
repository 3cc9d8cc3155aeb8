//! pingdesk: a helpdesk console for PingOne.

pub mod api;
pub mod app;
pub mod cli;
pub mod config;
pub mod connect;
pub mod logging;
pub mod pingone;
pub mod sim;
pub mod sim_command;

use anyhow::Context as _;

/// Runs what the command line asks for.
pub fn run(cli: cli::Cli) -> anyhow::Result<()> {
    let log_file = cli
        .log_file
        .clone()
        .unwrap_or_else(logging::default_log_file);
    let _log_guard = logging::init(&log_file, &cli.log_level)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    match cli.command {
        Some(cli::Command::Sim(args)) => runtime.block_on(sim_command::run(args)),
        None => anyhow::bail!(
            "the console is not built yet (issue 2/4); run `pingdesk sim` for the PingOne simulator"
        ),
    }
}
