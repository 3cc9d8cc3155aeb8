//! `pingdesk users <operation> USER …`: one subcommand per operation of [`OpKind`], generated
//! from the operation table, so a new operation appears on the command line by itself. What it
//! acts on besides the user ([`OpKind::target`]) adds its argument: `DEVICE`, or `SESSION` or
//! `--all`.

use clap::error::ErrorKind;
use clap::{Arg, ArgAction, ArgGroup, ArgMatches, Command};

use crate::desk::{Needs, OpKind};

/// One operation from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpCommand {
    /// Which operation.
    pub kind: OpKind,
    /// Username, email or id.
    pub user: String,
    /// Do not ask for confirmation.
    pub yes: bool,
    /// Print JSON.
    pub json: bool,
    /// A lock's duration (`--for 30m`).
    pub for_: Option<String>,
    /// A lock's end (`--until 2026-12-01T09:00:00Z`).
    pub until: Option<String>,
    /// The device or session id, for operations on one.
    pub target: Option<String>,
    /// Every session (`--all`), for a revoke.
    pub all: bool,
    /// The ticket the change is made for (`--ticket ID`).
    pub ticket: Option<String>,
    /// Unlock every user listed in this file, one per line (`-` = stdin): `unlock --from`.
    pub from: Option<String>,
}

/// The subcommand for `kind`.
fn command(kind: OpKind) -> Command {
    let mut command = Command::new(kind.cli_name())
        .about(kind.about())
        .arg(
            Arg::new("user")
                .required(true)
                .value_name("USER")
                .help("Username, email or id"),
        )
        .arg(
            Arg::new("ticket")
                .long("ticket")
                .value_name("ID")
                .help("The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled"),
        )
        .arg(
            Arg::new("yes")
                .long("yes")
                .action(ArgAction::SetTrue)
                .help("Do not ask for confirmation (required when stdin is not a terminal)"),
        )
        .arg(
            Arg::new("json")
                .long("json")
                .action(ArgAction::SetTrue)
                .help("Print what PingOne holds afterwards as JSON"),
        );
    match kind.target() {
        Needs::User => {}
        Needs::Device => {
            command = command.arg(
                Arg::new("target")
                    .required(true)
                    .value_name("DEVICE")
                    .help("The MFA device's id (`pingdesk users devices USER` lists them)"),
            );
        }
        Needs::Session => {
            command = command
                .arg(
                    Arg::new("target")
                        .value_name("SESSION")
                        .help("The session's id (`pingdesk users sessions USER` lists them)"),
                )
                .arg(
                    Arg::new("all")
                        .long("all")
                        .action(ArgAction::SetTrue)
                        .help("Every session of the user"),
                )
                .group(
                    ArgGroup::new("which")
                        .args(["target", "all"])
                        .required(true),
                );
        }
    }
    if kind == OpKind::UnlockAccount {
        command = command.mut_arg("user", |a| a.required(false).required_unless_present("from")).arg(
            Arg::new("from")
                .long("from")
                .value_name("FILE")
                .conflicts_with("user")
                .help("Unlock every user listed in FILE (- = stdin), one username, email or id per line"),
        );
    }
    if kind == OpKind::LockAccount {
        command = command
            .arg(
                Arg::new("for")
                    .long("for")
                    .value_name("DURATION")
                    .conflicts_with("until")
                    .help("Unlock by itself after this long, e.g. 30m, 2h, 1d"),
            )
            .arg(
                Arg::new("until")
                    .long("until")
                    .value_name("TIME")
                    .help("Unlock by itself at this time (RFC 3339, e.g. 2026-12-01T09:00:00Z)"),
            );
    }
    command
}

impl clap::FromArgMatches for OpCommand {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let Some((name, sub)) = matches.subcommand() else {
            return Err(clap::Error::new(ErrorKind::MissingSubcommand));
        };
        let kind = OpKind::from_cli_name(name)
            .ok_or_else(|| clap::Error::new(ErrorKind::InvalidSubcommand))?;
        let text = |id: &str| sub.try_get_one::<String>(id).ok().flatten().cloned();
        Ok(Self {
            kind,
            user: text("user").unwrap_or_default(),
            yes: sub.get_flag("yes"),
            json: sub.get_flag("json"),
            for_: text("for"),
            until: text("until"),
            target: text("target"),
            all: sub.try_get_one::<bool>("all").ok().flatten() == Some(&true),
            ticket: text("ticket"),
            from: text("from"),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl clap::Subcommand for OpCommand {
    fn augment_subcommands(command: Command) -> Command {
        OpKind::all().iter().fold(command, |command, kind| {
            command.subcommand(self::command(*kind))
        })
    }

    fn augment_subcommands_for_update(command: Command) -> Command {
        Self::augment_subcommands(command)
    }

    fn has_subcommand(name: &str) -> bool {
        OpKind::from_cli_name(name).is_some()
    }
}
