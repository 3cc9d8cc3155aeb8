//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod op_command;

pub use op_command::OpCommand;

/// A helpdesk console for PingOne: find a user, see why they cannot sign in, unlock them.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    /// Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]
    #[arg(long, env = "PINGDESK_LOG_FILE", global = true)]
    pub log_file: Option<PathBuf>,
    /// Log level or tracing filter, e.g. `info` or `pingdesk=debug`.
    #[arg(
        long,
        env = "PINGDESK_LOG_LEVEL",
        default_value = "info",
        global = true
    )]
    pub log_level: String,
    /// No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does.
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Which PingOne to talk to.
    #[command(flatten)]
    pub connect: crate::connect::ConnectArgs,
    /// What to do; the console when absent.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find, show, unlock and lock users from a script or a shell.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Check the connection: token, reading users, the worker's roles, clock skew, hosts.
    Doctor {
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the action journal: every change pingdesk made, for which ticket, and what PingOne answered.
    Journal {
        /// Only entries younger than this, e.g. 2h, 30m, 7d.
        #[arg(long, value_name = "AGE")]
        since: Option<String>,
        /// Only entries for this username or user id.
        #[arg(long)]
        user: Option<String>,
        /// Print the records as JSON.
        #[arg(long)]
        json: bool,
        /// Read again the users of operations whose outcome is unknown, and record what PingOne shows.
        #[arg(long)]
        reread: bool,
    },
    /// Run a PingOne simulator on loopback, for training, demos and scripts.
    Sim(SimArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff); e.g. `pingdesk man > pingdesk.1`.
    Man,
}

/// `pingdesk users …`. USER is a username, an email or an id; one that matches several users is
/// an error that lists them.
#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Search users as the console's search box does (prefix of username, email, name; an id).
    Find {
        /// What to search for.
        text: String,
        /// Most users to list (1 to 1000).
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u16).range(1..=1000))]
        limit: u16,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one user and why they cannot sign in.
    Show {
        /// Username, email or id.
        user: String,
        /// Print the user record as PingOne sent it.
        #[arg(long)]
        json: bool,
    },
    /// Show a user's password state.
    Password {
        /// Username, email or id.
        user: String,
        /// Print the password state as PingOne sent it.
        #[arg(long)]
        json: bool,
    },
    /// List a user's MFA devices (ids for block-device and unblock-device).
    Devices {
        /// Username, email or id.
        user: String,
        /// Print `{"mfaEnabled", "devices"}` with the devices as PingOne sent them.
        #[arg(long)]
        json: bool,
    },
    /// List a user's sessions, newest first (ids for revoke-session).
    Sessions {
        /// Username, email or id.
        user: String,
        /// Print `{"sessions"}` with the sessions as PingOne sent them.
        #[arg(long)]
        json: bool,
    },
    /// The users locked now: lock events of the audit activities, each checked against the user.
    Locked {
        /// How far back to look, e.g. 24h, 2h, 7d.
        #[arg(long, value_name = "AGE", default_value = "24h")]
        since: String,
        /// Scan the first 1,000 users instead of reading audit data.
        #[arg(long)]
        scan: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The operations: unlock, lock, password-unlock, force-password-change, …
    #[command(flatten)]
    Op(OpCommand),
}

/// `pingdesk sim`.
#[derive(Debug, Args)]
pub struct SimArgs {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Environment id to serve [default: the directory file's].
    #[arg(long)]
    pub env_id: Option<String>,
    /// Worker client id to accept.
    #[arg(long, default_value = "pingdesk-demo-worker")]
    pub client_id: String,
    /// Worker client secret to accept (a training secret: it is printed at start).
    #[arg(long, default_value = "demo-secret-not-for-production")]
    pub client_secret: String,
    /// Generated users to add to the directory, for scale tests.
    #[arg(long, default_value_t = 0)]
    pub users: usize,
    /// Seed for generated users.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// A directory file to serve instead of the bundled demo (same format as assets/demo/users.json).
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Lifetime of issued tokens, in seconds.
    #[arg(long, default_value_t = crate::pingone::TOKEN_LIFETIME_SECS)]
    pub token_lifetime: u64,
    /// Answer API requests beyond this rate with 429 and Retry-After, e.g. 100/s.
    #[arg(long, value_name = "N/s", value_parser = crate::sim::ratelimit::parse_rate)]
    pub rate_limit: Option<u32>,
}
