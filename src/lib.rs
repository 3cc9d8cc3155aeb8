//! pingdesk: a helpdesk console for PingOne.

pub mod api;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod connect;
pub mod desk;
pub mod logging;
pub mod pingone;
pub mod runtime;
pub mod sim;
pub mod sim_command;
pub mod ui;

use anyhow::Context as _;

/// Runs what the command line asks for.
pub fn run(cli: cli::Cli) -> anyhow::Result<()> {
    let log_file = cli
        .log_file
        .clone()
        .unwrap_or_else(logging::default_log_file);
    let _log_guard = logging::init(&log_file, &cli.log_level)?;
    if cli.no_color {
        anstream::ColorChoice::Never.write_global();
    }
    // The console runs on the main thread alone: a timer (a countdown's second) then wakes that
    // one thread, not a worker that must wake the main thread. The rest use worker threads.
    let mut builder = if cli.command.is_none() {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    };
    let runtime = builder
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    match cli.command {
        None => runtime.block_on(console(&cli.connect, cli.no_color)),
        Some(command) => match runtime.block_on(commands::run(command, &cli.connect)) {
            Ok(commands::Exit::Ok) => Ok(()),
            Ok(exit) => Err(commands::Failure::new(exit, String::new()).into()),
            Err(failure) => Err(failure.into()),
        },
    }
}

/// Reads the connection settings from the flags, the process environment and the config file;
/// a broken setting is a usage error (exit 2), in the console as in the CLI.
pub fn resolve_target(
    connect: &connect::ConnectArgs,
) -> Result<connect::Target, commands::Failure> {
    let env = |name: &str| std::env::var(name).ok();
    connect::resolve(connect, &env).map_err(|e| settings_failure(&e))
}

/// A connection setting that cannot be used: a usage error (exit 2).
fn settings_failure(error: &connect::ConnectError) -> commands::Failure {
    commands::Failure::new(
        commands::Exit::Usage,
        format!("reading the connection settings: {error}"),
    )
}

/// Starts the console on the configured tenant, or on the embedded simulator for the demo, with
/// the keys, theme, mouse and clipboard settings of the config file.
async fn console(connect: &connect::ConnectArgs, no_color: bool) -> anyhow::Result<()> {
    let env = |name: &str| std::env::var(name).ok();
    let usage = |e: &dyn std::fmt::Display| {
        commands::Failure::new(
            commands::Exit::Usage,
            format!("reading the config file: {e:#}"),
        )
    };
    // A broken config file is a usage error (exit 2), in the console as in the CLI.
    let (config_path, settings) = connect::config_file(connect, &env).map_err(|e| usage(&e))?;
    // The simulator lives as long as the console when it serves the demo.
    let mut demo_sim = None;
    // The file read once, for the connection and for the console's own settings.
    let target = connect::resolve_with(connect, &env, config_path.as_deref(), settings.as_ref())
        .map_err(|e| settings_failure(&e))?;
    let (config, context, journal) = match target {
        connect::Target::Tenant(connection) => {
            let context = app::Context {
                environment_id: connection.client.environment_id.clone(),
                region: connection.region_label.clone(),
                actor: connection.client.credentials.actor(),
                profile: connection.profile.clone(),
                read_only: connection.read_only,
                production: connection.production,
                banner_color: connection.banner_color.clone(),
                warnings: connection.warnings.clone(),
                require_ticket: connection.journal.require_ticket,
                ..app::Context::default()
            };
            (connection.client, context, connection.journal)
        }
        connect::Target::Demo => {
            let sim = sim::spawn(sim::SimConfig::default())
                .await
                .context("starting the demo simulator")?;
            let context = app::Context {
                environment_name: Some(sim.environment_name.clone()),
                environment_id: sim.environment_id.clone(),
                region: "simulator".to_owned(),
                actor: sim.client_id.clone(),
                demo: true,
                read_only: connect.read_only,
                ..app::Context::default()
            };
            let config = crate::connect::simulator_config(&sim);
            demo_sim = Some(sim);
            (config, context, crate::connect::demo_journal())
        }
    };
    let file = config_path.as_deref().zip(settings.as_ref());
    let mut setup =
        runtime::Setup::from_config(context, file, &env, no_color).map_err(|e| usage(&e))?;
    let client = api::ApiClient::new(config)?;
    let context = &mut setup.context;
    let who = desk::journal::Who {
        environment_name: context.environment_name.clone(),
        profile: context.profile.clone(),
        ..desk::journal::Who::of(&client)
    };
    context.journal = Some(desk::Journal::new(journal, who));
    let result = runtime::run(client, setup).await;
    drop(demo_sim);
    result
}
