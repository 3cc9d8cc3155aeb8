//! Colour in the CLI's output, as anstream decides it: none when stdout is not a terminal, none
//! with `NO_COLOR` or `--no-color`, and `CLICOLOR_FORCE` forcing it for a pipe.

use std::process::{Command, Output};

/// Runs `pingdesk --demo args…` with a clean colour environment plus `env`.
fn demo(args: &[&str], env: &[(&str, &str)]) -> Output {
    let log = std::env::temp_dir().join(format!("pingdesk-cli-output-{}.log", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_pingdesk"));
    command
        .arg("--demo")
        .args(args)
        .env("PINGDESK_LOG_FILE", &log)
        .env("XDG_CONFIG_HOME", "/nonexistent-config");
    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "PINGDESK_CONFIG"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    command
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs")
}

fn coloured(output: &Output) -> bool {
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("LOCKED"), "{stdout}");
    stdout.contains("\u{1b}[")
}

#[test]
fn colour_follows_the_terminal_no_color_clicolor_and_the_flag() {
    let find = ["users", "find", "alice.locked"];
    assert!(!coloured(&demo(&find, &[])), "a pipe gets no colour");
    assert!(coloured(&demo(&find, &[("CLICOLOR_FORCE", "1")])), "forced");
    let flagged: Vec<&str> = ["--no-color"].iter().chain(&find).copied().collect();
    assert!(
        !coloured(&demo(&flagged, &[("CLICOLOR_FORCE", "1")])),
        "--no-color wins"
    );
    let show = ["users", "show", "alice.locked"];
    assert!(coloured(&demo(&show, &[("CLICOLOR_FORCE", "1")])));
    assert!(!coloured(&demo(&show, &[("CLICOLOR", "0")])));
}
