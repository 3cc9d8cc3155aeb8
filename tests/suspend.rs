//! Suspending the console in a PTY. Started from an interactive shell with job control, Ctrl-Z
//! and a SIGTSTP from outside give the terminal back as it was and stop it (the shell says
//! `Stopped` and prompts); `fg` takes the terminal again and draws the whole screen, with the
//! search and the list as they were. Started with no shell to return to, it does not stop.

#[path = "common/pty.rs"]
mod pty;

use std::time::Instant;

use pty::*;

/// The process state letter of `pid` (`T` when stopped), from `/proc/PID/stat`.
fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // "PID (COMM) STATE …": the state follows the last ')'.
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next())
        .unwrap_or('?')
}

/// Waits until `ready` holds, or fails naming `what`.
fn wait_until(pty: &Pty, what: &str, ready: impl Fn() -> bool) {
    let deadline = Instant::now() + timeout();
    while !ready() {
        if Instant::now() > deadline {
            pty.fail(&format!("timed out waiting for {what}"));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The shell's prompt.
const PROMPT: &str = "job-shell$ ";

/// An interactive bash with job control and no line editing (the terminal stays cooked at its
/// prompt, as a shell left it), running `pingdesk --demo` as a job; the PTY and pingdesk's pid.
fn demo_in_a_shell() -> (Pty, u32) {
    let mut pty = Pty::spawn_program("bash", 80, 24, |cmd, _, _| {
        cmd.args(["--norc", "--noprofile", "--noediting", "-i"]);
        cmd.env("PS1", PROMPT);
    });
    pty.wait_for("the shell's prompt", |s| s.contains(PROMPT));
    pty.send(format!("{} --demo\r", env!("CARGO_BIN_EXE_pingdesk")).as_bytes());
    let pty = ready(pty);
    let shell = pty.pid();
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
        .expect("the shell's children");
    let pid = children
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .expect("pingdesk runs as the shell's job");
    (pty, pid)
}

/// After something suspended pingdesk (`pid`): it is stopped, the terminal restored and the
/// shell prompts; `fg` brings back the whole screen as it was.
fn stopped_then_fg(pty: &mut Pty, pid: u32, how: &str) {
    wait_until(pty, &format!("pingdesk stopped by {how}"), || {
        process_state(pid) == 'T'
    });
    pty.wait_for(&format!("the shell's job report after {how}"), |s| {
        s.contains("Stopped") && s.trim_end().ends_with(PROMPT.trim_end())
    });
    pty.assert_restored(how);
    // While it is stopped another program uses the alternate screen and clears it (vt100 keeps
    // what the console drew there, where a real terminal clears it on entering).
    pty.feed_screen(b"\x1b[?1049h\x1b[2J\x1b[?1049l");
    pty.send(b"fg\r");
    wait_until(
        pty,
        &format!("the terminal taken again after {how}"),
        || pty.is_taken(),
    );
    let screen = pty.wait_settled(&format!("the whole screen again after {how}"), |s| {
        s.contains("carol.pwfail") && s.contains("Users 1 of 1") && s.contains("DEMO")
    });
    assert!(
        screen.contains("│carol"),
        "the search text is kept: {screen}"
    );
}

#[test]
fn ctrl_z_and_sigtstp_stop_it_as_a_shell_job_and_fg_brings_it_back() {
    let (mut pty, pid) = demo_in_a_shell();
    search_one(&mut pty, "carol", "carol.pwfail");
    pty.send(b"\x1a");
    stopped_then_fg(&mut pty, pid, "Ctrl-Z");
    let sent = std::process::Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .expect("running kill");
    assert!(sent.success());
    stopped_then_fg(&mut pty, pid, "SIGTSTP");
    let log = pty.log();
    assert_eq!(
        log.matches("suspended: the terminal is restored").count(),
        2,
        "each suspension is logged:\n{log}"
    );
    // Still working: keys go on to the list, and `q` ends it back at the shell.
    focus_list(&mut pty);
    pty.send(b"q");
    pty.wait_for("the shell again", |s| {
        s.trim_end().ends_with(PROMPT.trim_end())
    });
    pty.assert_restored("quitting");
    pty.send(b"exit\r");
    pty.wait_exit();
}

#[test]
fn with_no_shell_to_return_to_ctrl_z_says_so_and_it_runs_on() {
    // Started directly in the PTY (as `ssh -t host pingdesk` or a tmux window running it would
    // start it): nothing could continue it once stopped.
    let mut pty = start(80, 24);
    search_one(&mut pty, "carol", "carol.pwfail");
    pty.send(b"\x1a");
    pty.wait_for("the refusal", |s| s.contains("Not suspended: no shell"));
    assert_ne!(process_state(pty.pid()), 'T', "it did not stop");
    assert!(pty.is_taken(), "it keeps the terminal");
    focus_list(&mut pty);
    quit_cleanly(&mut pty, b"q");
}
