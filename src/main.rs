//! The `pingdesk` binary: parse arguments, hand over to the library, map failures to exit codes.

use clap::Parser as _;
use pingdesk::commands::{Exit, Failure};
use pingdesk::desk::inert::inert_lines;

fn main() -> std::process::ExitCode {
    let cli = pingdesk::cli::Cli::parse();
    let Err(error) = pingdesk::run(cli) else {
        return Exit::Ok.into();
    };
    #[cfg(unix)]
    if let Some(stopped) = error.downcast_ref::<pingdesk::runtime::signals::Stopped>() {
        // Logged already; the terminal may be gone (SIGHUP), so nothing is printed.
        return std::process::ExitCode::from(stopped.exit_code());
    }
    if let Some(failure) = error.downcast_ref::<Failure>() {
        if !failure.message.is_empty() {
            eprintln!("pingdesk: {}", inert_lines(&failure.message));
        }
        return failure.exit.into();
    }
    eprintln!("pingdesk: {}", inert_lines(&format!("{error:#}")));
    Exit::Failure.into()
}
