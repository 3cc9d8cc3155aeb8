//! The terminal layer end to end, in a PTY: every way the console ends leaves the terminal as it
//! found it (the modes read from the vt100 screen, raw mode from the PTY's termios); keyboard
//! input is read whole whatever the burst; pastes arrive as one event and an unended paste does
//! not swallow the keyboard; an idle console with rows listed does not wake.

#[path = "common/pty.rs"]
mod pty;

use std::time::Duration;

use pty::*;

/// The search field's text (the row under the Search title), trimmed.
fn search_text(screen: &str) -> String {
    screen
        .lines()
        .nth(2)
        .unwrap_or_default()
        .trim_matches(|c: char| c == '│' || c.is_whitespace())
        .to_owned()
}

#[test]
fn every_signal_that_ends_the_console_restores_the_terminal() {
    for (name, number) in [("INT", 2), ("QUIT", 3), ("TERM", 15), ("HUP", 1)] {
        let mut pty = start(80, 24);
        assert!(!pty.is_cooked(), "the console runs in raw mode");
        let sent = std::process::Command::new("kill")
            .args([format!("-{name}"), pty.pid().to_string()])
            .status()
            .expect("running kill");
        assert!(sent.success(), "kill -{name}");
        let status = pty.wait_exit();
        assert_eq!(
            status.exit_code(),
            128 + number,
            "SIG{name}: 128 + the signal"
        );
        pty.assert_restored(&format!("SIG{name}"));
        let log = pty.log();
        assert!(
            log.contains(&format!("signal=\"SIG{name}\"")) || log.contains(&format!("SIG{name}")),
            "the log says why it stopped:\n{log}"
        );
    }
}

#[test]
fn a_burst_of_20000_bytes_then_a_key_is_read() {
    let mut pty = start(80, 24);
    // 20,000 Backspaces into the empty search field, written from a thread: the PTY's input
    // queue holds about 4 KiB, so the writes wait for pingdesk to read.
    let mut writer = pty.take_writer();
    let burst = std::thread::spawn(move || {
        use std::io::Write as _;
        writer.write_all(&vec![0x7f; 20_000]).expect("the burst");
        writer.write_all(b"x").expect("the key");
        writer.flush().expect("flushed");
        writer
    });
    pty.wait_for("the key after the burst in the search field", |s| {
        search_text(s) == "x"
    });
    pty.give_writer(burst.join().expect("the writer thread"));
    quit_cleanly(&mut pty, &[0x03]);
}

#[test]
fn a_paste_is_one_event_into_the_search_field() {
    let mut pty = start(80, 24);
    pty.send(b"\r");
    pty.wait_settled("the list", |s| s.contains("u unlock"));
    // From the list: a pasted `q` must not quit, nor the Enter in it open anything.
    pty.send(b"\x1b[200~frank\r\n.ok q\x1b[201~");
    let screen = pty.wait_settled("the paste in the search field", |s| {
        search_text(s) == "frank.ok q"
    });
    assert!(
        screen.contains("go to results"),
        "focus is in the search field:\n{screen}"
    );
    pty.send(b"\x15\x1b[200~frank.ok\x1b[201~"); // Ctrl-U clears the field first
    pty.wait_settled("the pasted name's search", |s| {
        s.contains("Users 1 of 1") && row(s, "frank.ok").is_some()
    });
    quit_cleanly(&mut pty, &[0x03]);
}

#[test]
fn a_paste_whose_end_marker_never_comes_does_not_swallow_the_keyboard() {
    let mut pty = start(80, 24);
    pty.send(b"\x1b[200~abc");
    // The paste ends when input has been quiet for a second; keys then work again.
    pty.wait_for("the unended paste in the field", |s| {
        search_text(s) == "abc"
    });
    pty.send(b"d");
    pty.wait_for("a key after it", |s| search_text(s) == "abcd");
    assert!(
        pty.log().contains("never sent its end marker"),
        "the log says so:\n{}",
        pty.log()
    );
    quit_cleanly(&mut pty, &[0x03]);
}

/// Context switches (voluntary and not) of every thread of process `pid` so far.
fn switches(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the process's threads");
    tasks
        .flatten()
        .map(|task| std::fs::read_to_string(task.path().join("status")).unwrap_or_default())
        .flat_map(|status| {
            status
                .lines()
                .filter(|l| l.contains("ctxt_switches:"))
                .filter_map(|l| l.split_whitespace().last()?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

#[test]
fn an_idle_console_with_rows_listed_does_not_wake() {
    let mut pty = start(100, 30);
    pty.send(b"\r");
    // alice.locked is selected and opened (her lock has no countdown); nothing is due.
    pty.wait_settled("the opened first user", |s| {
        s.contains("u unlock") && s.contains("password") && !s.contains("reading…")
    });
    std::thread::sleep(Duration::from_millis(500));
    let before = switches(pty.pid());
    std::thread::sleep(Duration::from_secs(4));
    let woke = switches(pty.pid()) - before;
    // A periodic tick of even one per second would show 4 or more.
    assert!(
        woke <= 1,
        "the console woke {woke} times in 4 s with nothing due"
    );
    quit_cleanly(&mut pty, b"q");
}

/// Which way the child process leaves (`error` or `panic`), when this test binary runs as one.
const CHILD: &str = "PINGDESK_TERMINAL_CHILD";

/// Runs `child_ends_the_console` of this very test binary in a PTY, leaving by `how`.
fn leave_by(how: &str) -> Pty {
    let exe = std::env::current_exe().expect("the test binary");
    let mut pty = Pty::spawn_program(exe, 100, 60, |cmd, _, _| {
        cmd.args([
            "child_ends_the_console",
            "--exact",
            "--ignored",
            "--nocapture",
        ]);
        cmd.env(CHILD, how);
        cmd.env("RUST_BACKTRACE", "0");
    });
    pty.wait_exit();
    pty
}

#[test]
fn an_error_in_the_loop_restores_the_terminal() {
    let pty = leave_by("error");
    assert!(
        pty.contents().contains("1 passed"),
        "the child ran:\n{}",
        pty.contents()
    );
    pty.assert_restored("an error");
}

#[test]
fn a_panic_in_the_loop_restores_the_terminal() {
    let pty = leave_by("panic");
    assert!(
        pty.contents().contains("a test panic in the loop"),
        "the panic message is shown on the normal screen:\n{}",
        pty.contents()
    );
    pty.assert_restored("a panic");
    let log = pty.log();
    assert!(
        log.contains("pingdesk panicked") && log.contains("a test panic in the loop"),
        "the panic is in the log file:\n{log}"
    );
}

/// The child of the two tests above: the real terminal guard and loop, over an event stream
/// that fails or panics once the first frame is drawn.
#[test]
#[ignore = "the child process of the error and panic tests, which run it"]
fn child_ends_the_console() {
    use futures_util::stream::{self, BoxStream, StreamExt as _};
    let how = std::env::var(CHILD).expect("run by the error and panic tests");
    let log_file = std::env::var_os("PINGDESK_LOG_FILE").expect("the harness sets a log file");
    let _log = pingdesk::logging::init(std::path::Path::new(&log_file), "info").expect("logging");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let sim = pingdesk::sim::spawn(pingdesk::sim::SimConfig::default())
            .await
            .expect("the simulator");
        let client = pingdesk::api::ApiClient::new(pingdesk::connect::simulator_config(&sim))
            .expect("a client");
        let events: BoxStream<'static, std::io::Result<crossterm::event::Event>> = if how == "panic"
        {
            stream::poll_fn(|_| panic!("a test panic in the loop")).boxed()
        } else {
            stream::iter([Err(std::io::Error::other("the terminal went away"))]).boxed()
        };
        // With the mouse captured, so the tests see capture turned off again too.
        let mut guard =
            pingdesk::runtime::terminal::TerminalGuard::enter(true).expect("the terminal");
        let mut setup = pingdesk::runtime::Setup::new(pingdesk::app::Context::default());
        setup.mouse = true;
        let ended = pingdesk::runtime::run_loop(
            &mut guard.terminal,
            events,
            std::future::pending(),
            pingdesk::runtime::Suspension::headless(),
            client,
            setup,
            |_| {},
        )
        .await;
        drop(guard);
        assert!(ended.is_err(), "the loop ends with the error");
    });
}
