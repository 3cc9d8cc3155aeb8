//! PTY end-to-end tests of the console made one's own: a key remapped in the config file, a copy
//! by OSC 52, `NO_COLOR`, a mouse click and the wheel (SGR mouse sequences) and a terminal too
//! small to use (no typing, no paste; q and Ctrl-C quit).

#[path = "common/pty.rs"]
mod pty;

use base64::Engine as _;
use pty::*;

/// Starts `pingdesk --demo` with `config` as its config file and `env` set, ready.
fn start_with(cols: u16, rows: u16, config: Option<&str>, env: &[(&str, &str)]) -> Pty {
    ready(Pty::spawn_with(cols, rows, config, env, &[]))
}

#[test]
fn a_key_remapped_in_the_config_file_works_and_the_footer_shows_it() {
    let config = "[keys.browse]\nunlock_account = \"U\"\n";
    let mut pty = start_with(100, 30, Some(config), &[]);
    search_one(&mut pty, "alice.locked", "alice.");
    pty.send(b"\r");
    pty.wait_settled("the remapped hint", |s| s.contains("U unlock account"));
    pty.send(b"u");
    let screen = pty.settled();
    assert!(
        !screen.contains("Confirm:"),
        "u no longer unlocks:\n{screen}"
    );
    pty.send(b"U");
    let dialog = pty.wait_settled("the confirm dialog", |s| s.contains("Confirm: unlock"));
    assert!(dialog.contains("alice.locked"), "{dialog}");
    pty.send(b"\x1b");
    pty.wait_settled("the dialog to close", |s| !s.contains("Confirm:"));
    quit_cleanly(&mut pty, b"q");
}

#[test]
fn a_bad_key_in_the_config_file_is_an_error_on_its_line() {
    let config = "mouse = false\n\n[keys.list]\nunlock_account = \"j\"\n";
    let mut pty = Pty::spawn_with(100, 30, Some(config), &[], &[]);
    let status = pty.wait_exit();
    assert!(!status.success());
    let screen = pty.contents();
    assert!(
        screen.contains("config.toml:4: keys.list: j is bound to both down and unlock_account"),
        "{screen}"
    );
}

#[test]
fn c_then_i_copies_the_id_by_osc52() {
    let mut pty = start(100, 30);
    search_one(&mut pty, "alice.locked", "alice.");
    pty.take_side_effects();
    pty.send(b"\r");
    pty.wait_settled("the list", |s| s.contains("c copy"));
    pty.send(b"c");
    pty.wait_settled("the copy menu", |s| s.contains("copy the id"));
    pty.send(b"i");
    let screen = pty.wait_settled("the status line", |s| s.contains("Copied the id"));
    assert!(screen.contains("(36 bytes) by OSC 52"), "{screen}");
    let effects = pty.take_side_effects();
    let [write] = &effects[..] else {
        panic!("one clipboard write: {effects:?}")
    };
    let encoded = write
        .strip_prefix("clipboard write ")
        .expect("a clipboard write");
    let id = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .expect("base64");
    let id = String::from_utf8(id).expect("text");
    assert_eq!(id.len(), 36, "{id}");
    // Her id is on the Account tab.
    pty.send(b"]");
    let screen = pty.wait_settled("the Account tab", |s| s.contains("can sign in"));
    assert!(screen.contains(&id), "the copied id is alice's:\n{screen}");
    quit_cleanly(&mut pty, b"q");
}

#[test]
fn no_color_runs_the_console_in_mono() {
    assert_mono(start_with(100, 30, None, &[("NO_COLOR", "1")]));
}

#[test]
fn the_no_color_flag_runs_the_console_in_mono() {
    let env = [("NO_COLOR", "")];
    assert_mono(ready(Pty::spawn_with(100, 30, None, &env, &["--no-color"])));
}

/// No cell of `pty`'s screen has a colour, and the focused pane's title is in reverse video.
fn assert_mono(mut pty: Pty) {
    {
        let parser = lock(&pty.parser);
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        for row in 0..rows {
            for col in 0..cols {
                let cell = screen.cell(row, col).expect("a cell");
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "({row}, {col})");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "({row}, {col})");
            }
        }
        // The search field has focus: mono draws its title in reverse video, the dark theme
        // in cyan only (which NO_COLOR alone would leave invisible).
        let title = (0..cols)
            .find(|&col| screen.contents_between(1, col, 1, col + 6) == "Search")
            .expect("the Search title");
        assert!(screen.cell(1, title).expect("a cell").inverse());
        assert!(
            screen.cell(1, 2).expect("a cell").bold()
                || screen.cell(1, title).expect("a cell").bold()
        );
    }
    quit_cleanly(&mut pty, &[0x03]);
}

#[test]
fn with_the_mouse_on_a_click_selects_a_row() {
    let mut pty = start_with(100, 30, Some("mouse = true\n"), &[]);
    let screen = lock(&pty.parser).screen().clone();
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::PressRelease,
        "mouse capture is on, for presses and the wheel only (no motion reports)"
    );
    assert_eq!(
        screen.mouse_protocol_encoding(),
        vt100::MouseProtocolEncoding::Sgr,
        "reported in SGR form"
    );
    let screen = pty.contents();
    let third = screen.lines().nth(8).expect("the third row");
    let name = third
        .trim_start_matches(['│', '▶', ' '])
        .split_whitespace()
        .next()
        .expect("a username")
        .to_owned();
    // Left button down and up on the third row of the list (1-based column 5, row 9).
    pty.send(b"\x1b[<0;5;9M\x1b[<0;5;9m");
    let screen = pty.wait_settled("the clicked row selected", |s| {
        s.lines().nth(8).is_some_and(|line| line.contains('▶'))
    });
    assert!(
        screen.lines().nth(8).is_some_and(|l| l.contains(&name)),
        "{screen}"
    );
    // The wheel, one notch down over the list, moves the selection down a row.
    pty.send(b"\x1b[<65;5;9M");
    pty.wait_settled("the row below selected", |s| {
        s.lines().nth(9).is_some_and(|line| line.contains('▶'))
    });
    // Mouse capture off again, with the rest of the terminal.
    quit_cleanly(&mut pty, b"q");
}

#[test]
fn a_too_small_terminal_takes_no_typing_and_quits_with_q() {
    let mut pty = Pty::spawn(60, 20);
    pty.wait_settled("the too-small notice", |s| s.contains("Terminal too small"));
    pty.send(b"zzz\r\x1b[200~yyy\x1b[201~");
    pty.settled();
    pty.resize(100, 30);
    let screen = pty.wait_settled("the whole list", |s| s.contains(" of 57 "));
    assert!(
        !screen.contains("zzz") && !screen.contains("yyy"),
        "typing or a paste went to the hidden field:\n{screen}"
    );
    pty.resize(60, 20);
    pty.wait_settled("the too-small notice", |s| s.contains("press q or Ctrl-C"));
    quit_cleanly(&mut pty, b"q");
}

#[test]
fn ctrl_c_quits_the_too_small_terminal() {
    let mut pty = Pty::spawn(60, 20);
    pty.wait_settled("the too-small notice", |s| s.contains("Terminal too small"));
    quit_cleanly(&mut pty, &[0x03]);
}
