//! The `pingdesk` binary: parse arguments, start logging, hand over to the library.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    let cli = pingdesk::cli::Cli::parse();
    match pingdesk::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pingdesk: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
