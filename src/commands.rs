//! The scriptable commands (`users …`, `doctor`, `completions`, `man`) and their stable exit codes.

mod bulk;
mod doctor;
mod journal;
mod locked;
mod ops;
mod output;
mod users;

use std::process::ExitCode;

use crate::api::{ApiClient, ApiError, ErrorKind};
use crate::cli::{Cli, Command};
use crate::connect::{Connection, Target};
use crate::desk::Journal;
use crate::desk::journal::Who;

/// Exit codes, stable for scripts (listed in the README).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success.
    Ok = 0,
    /// An unexpected failure.
    Failure = 1,
    /// Bad usage or configuration.
    Usage = 2,
    /// No user matches.
    NotFound = 3,
    /// The identifier matches several users.
    Ambiguous = 4,
    /// Refused: read-only, declined, or a write without `--yes` and no terminal.
    Refused = 5,
    /// PingOne refused the credentials or the permission.
    Auth = 6,
    /// Network, TLS, timeout, rate limit, or a PingOne server error.
    Network = 7,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// A command's failure: what to tell the person, and the exit code.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    /// The exit code.
    pub exit: Exit,
    /// What went wrong, in a sentence.
    pub message: String,
}

impl Failure {
    /// A failure with this exit code.
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Self {
            exit,
            message: message.into(),
        }
    }
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Self {
        let exit = match error.kind {
            ErrorKind::Unauthorized | ErrorKind::Forbidden => Exit::Auth,
            ErrorKind::NotFound => Exit::NotFound,
            ErrorKind::UnknownEnvironment => Exit::Usage,
            ErrorKind::Rejected => Exit::Failure,
            ErrorKind::RateLimited
            | ErrorKind::Server
            | ErrorKind::Timeout
            | ErrorKind::ConnectionRefused
            | ErrorKind::Network
            | ErrorKind::Tls
            | ErrorKind::Decode => Exit::Network,
        };
        Self::new(exit, error.to_string())
    }
}

/// Where a command runs: a client, and the connection's safety settings.
pub struct Session {
    /// The API client.
    pub client: ApiClient,
    /// The connection (absent in the demo).
    pub connection: Option<Connection>,
    /// Writes are refused.
    read_only: bool,
    /// The environment shown in prompts (its name in the demo).
    pub environment: String,
    /// The action journal every write goes through.
    pub journal: crate::desk::Journal,
    _demo: Option<crate::sim::SimHandle>,
}

impl Session {
    /// The id of the environment whose users are managed.
    pub fn environment_id(&self) -> &str {
        self.client.environment_id()
    }

    /// Whether writes are refused.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Whether confirms must type the username.
    pub fn production(&self) -> bool {
        self.connection.as_ref().is_some_and(|c| c.production)
    }
}

/// Runs a subcommand; `Ok` carries the exit code.
pub async fn run(
    command: Command,
    connect_args: &crate::connect::ConnectArgs,
) -> Result<Exit, Failure> {
    match command {
        Command::Users(users) => {
            let session = connect(connect_args).await?;
            journal::report_unresolved(&session);
            users::run(&session, users).await
        }
        Command::Journal {
            since,
            user,
            json,
            reread,
        } => {
            let session = connect(connect_args).await?;
            journal::run(&session, since.as_deref(), user.as_deref(), json, reread).await
        }
        Command::Doctor { json } => {
            let session = connect(connect_args).await?;
            doctor::run(&session, json).await
        }
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "pingdesk", &mut std::io::stdout());
            Ok(Exit::Ok)
        }
        Command::Man => {
            let page = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            page.render(&mut std::io::stdout())
                .map_err(|e| Failure::new(Exit::Failure, format!("writing the man page: {e}")))?;
            Ok(Exit::Ok)
        }
        Command::Sim(args) => crate::sim_command::run(args)
            .await
            .map(|()| Exit::Ok)
            .map_err(|e| Failure::new(Exit::Failure, format!("{e:#}"))),
    }
}

/// Connects as configured, or to a fresh demo simulator (said on stderr).
async fn connect(args: &crate::connect::ConnectArgs) -> Result<Session, Failure> {
    let target = crate::resolve_target(args)?;
    let build =
        |config| ApiClient::new(config).map_err(|e| Failure::new(Exit::Failure, format!("{e:#}")));
    match target {
        Target::Tenant(connection) => {
            for warning in &connection.warnings {
                eprintln!("pingdesk: warning: {warning}");
            }
            let client = build(connection.client.clone())?;
            let who = Who {
                profile: connection.profile.clone(),
                ..Who::of(&client)
            };
            Ok(Session {
                journal: Journal::new(connection.journal.clone(), who),
                environment: client.environment_id().to_owned(),
                client,
                read_only: connection.read_only,
                connection: Some(*connection),
                _demo: None,
            })
        }
        Target::Demo => {
            let sim = crate::sim::spawn(crate::sim::SimConfig::default())
                .await
                .map_err(|e| {
                    Failure::new(Exit::Failure, format!("starting the demo simulator: {e:#}"))
                })?;
            eprintln!(
                "pingdesk: DEMO: no credentials configured, using the embedded simulator (changes are not kept)"
            );
            let client = build(crate::connect::simulator_config(&sim))?;
            let who = Who {
                environment_name: Some(sim.environment_name.clone()),
                ..Who::of(&client)
            };
            Ok(Session {
                journal: Journal::new(crate::connect::demo_journal(), who),
                client,
                connection: None,
                read_only: args.read_only,
                environment: sim.environment_name.clone(),
                _demo: Some(sim),
            })
        }
    }
}
