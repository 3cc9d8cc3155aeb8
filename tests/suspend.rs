//! Suspending the console in a PTY: Ctrl-Z, and a SIGTSTP from outside, give the terminal back
//! as it was and stop the process (a shell then shows its prompt); SIGCONT, what `fg` sends,
//! takes the terminal again and draws the whole screen, with the search and the list as they
//! were.

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

fn kill(signal: &str, pid: u32) {
    let sent = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("running kill");
    assert!(sent.success(), "kill -{signal}");
}

/// After something suspended `pty`: the process is stopped and the terminal restored; SIGCONT
/// brings back the whole screen as it was.
fn stopped_then_continued(pty: &Pty, how: &str) {
    let pid = pty.pid();
    wait_until(pty, &format!("the process stopped by {how}"), || {
        process_state(pid) == 'T'
    });
    pty.assert_restored(how);
    // Meanwhile another program uses the alternate screen and clears it (vt100 keeps what the
    // console drew there, where a real terminal clears it on entering).
    pty.feed_screen(b"\x1b[?1049h\x1b[2J\x1b[?1049l");
    kill("CONT", pid);
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
fn ctrl_z_and_sigtstp_suspend_and_sigcont_takes_the_terminal_back() {
    let mut pty = start(80, 24);
    search_one(&mut pty, "carol", "carol.pwfail");
    pty.send(b"\x1a");
    stopped_then_continued(&pty, "Ctrl-Z");
    kill("TSTP", pty.pid());
    stopped_then_continued(&pty, "SIGTSTP");
    let log = pty.log();
    assert!(
        log.matches("suspended: the terminal is restored").count() == 2,
        "each suspension is logged:\n{log}"
    );
    // Still working: keys go on to the list, and Ctrl-C quits cleanly.
    focus_list(&mut pty);
    quit_cleanly(&mut pty, b"\x03");
}
