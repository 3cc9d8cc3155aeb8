//! PTY end-to-end tests of the console's flows: the real `pingdesk --demo` binary in a
//! pseudo-terminal (the harness is `tests/common/pty.rs`), asserting on the parsed screen.

#[path = "common/pty.rs"]
mod pty;

use pty::*;

/// The unlock flow, at one terminal size.
fn unlock_a_locked_user(cols: u16, rows: u16) {
    let mut pty = start(cols, rows);
    let (found, screen) = search_one(&mut pty, "alice.locked", "alice.");
    assert!(found.contains("LOCKED"), "row not LOCKED:\n{screen}");
    assert!(
        account_status_is(&screen, "LOCKED"),
        "the detail should say LOCKED:\n{screen}"
    );
    focus_list(&mut pty);
    pty.send(b"u");
    let dialog = pty.wait_settled("the confirm dialog", |s| s.contains("Confirm: unlock"));
    assert!(
        dialog.contains("Unlock the account of alice.locked?"),
        "the dialog should name the user:\n{dialog}"
    );
    pty.send(b"y");
    let screen = pty.wait_settled("the unlock to finish", |s| {
        s.contains("Unlocked the account of alice.locked") && account_status_is(s, "OK")
    });
    assert!(!screen.contains("Confirm:"), "dialog still open:\n{screen}");
    let found = row(&screen, "alice.").unwrap_or_default();
    assert!(
        found.contains("OK") && !found.contains("LOCKED"),
        "the row should say OK now:\n{screen}"
    );
    quit_cleanly(&mut pty, b"q");
}

#[test]
fn unlock_a_locked_user_at_80x24() {
    unlock_a_locked_user(80, 24);
}

#[test]
fn unlock_a_locked_user_at_120x40() {
    unlock_a_locked_user(120, 40);
}

#[test]
fn a_locked_out_password_is_unlocked_with_the_key_the_verdict_names() {
    let mut pty = start(100, 30);
    search_one(&mut pty, "carol.pwfail", "carol.");
    let screen = pty.wait_settled("the password read and the verdict", |s| {
        s.contains("PASSWORD_LOCKED_OUT") && s.contains("password locked out")
    });
    // The verdict names the key ("— p: unlock password", maybe wrapped onto the next row);
    // press exactly that key.
    let Some(key) = named_key(&screen, "unlock password") else {
        pty.fail("the verdict names no key for the password lockout");
    };
    assert_eq!(key, 'p', "the default key:\n{screen}");
    focus_list(&mut pty);
    pty.send(key.to_string().as_bytes());
    let dialog = pty.wait_settled("the confirm dialog", |s| {
        s.contains("Confirm: unlock password")
    });
    assert!(
        dialog.contains("Unlock the password of carol.pwfail?"),
        "the dialog should name the user:\n{dialog}"
    );
    pty.send(b"y");
    let screen = pty.wait_settled("the password unlocked", |s| {
        s.contains("Unlocked the password of carol.pwfail")
            && s.contains("password     OK")
            && account_status_is(s, "OK")
    });
    let found = row(&screen, "carol.").unwrap_or_default();
    assert!(found.contains("OK"), "the row should say OK now:\n{screen}");
    quit_cleanly(&mut pty, b"q");
}

#[test]
fn a_user_who_is_not_locked_is_not_unlocked() {
    let mut pty = start(100, 30);
    let (found, _) = search_one(&mut pty, "frank.ok", "frank.ok");
    assert!(found.contains("OK"), "frank.ok is not OK: {found}");
    focus_list(&mut pty);
    pty.send(b"u");
    let screen = pty.wait_settled("the not-locked status", |s| s.contains("not locked"));
    assert!(
        screen.contains("frank.ok's account is not locked: nothing to unlock"),
        "unexpected status:\n{screen}"
    );
    assert!(!screen.contains("Confirm:"), "a dialog opened:\n{screen}");
    assert!(
        account_status_is(&screen, "OK"),
        "the detail changed:\n{screen}"
    );
    quit_cleanly(&mut pty, b"q");
}

#[test]
fn too_small_terminal_says_so_and_quits_cleanly() {
    let mut pty = Pty::spawn(60, 20);
    let screen = pty.wait_settled("the too-small notice", |s| s.contains("Terminal too small"));
    assert!(!screen.contains("STATUS"), "laid out anyway:\n{screen}");
    quit_cleanly(&mut pty, &[0x03]);
}

#[test]
fn escape_sequences_in_attributes_are_inert() {
    let mut pty = start(120, 40);
    let (found, _) = search_one(&mut pty, "mallory", "mallory.ansi");
    assert!(
        found.contains("Mallory") && found.contains("OK"),
        "the row should render plainly: {found}"
    );
    focus_list(&mut pty);
    // The group's name, the custom attribute, the device's nickname and the session's browser
    // are drawn with visible placeholders (␛, ␇) instead of escapes, on every tab.
    let groups = pty.wait_settled("the group names", |s| s.contains("␛[31mRed Team␛[0m ␇"));
    assert!(groups.contains(" DEMO "), "screen cleared:\n{groups}");
    pty.send(b"[");
    let screen = pty.wait_settled("the Attributes tab", |s| s.contains("deskNote"));
    assert!(
        screen.contains("␛[2J") && screen.contains("pwned␇"),
        "the deskNote attribute should show its escapes as placeholders:\n{screen}"
    );
    pty.send(b"]]]]");
    pty.wait_settled("the MFA tab", |s| s.contains("(␛]0;pwned␇phone)"));
    pty.send(b"]");
    pty.wait_settled("the Sessions tab", |s| s.contains("␛[2JEvil␇ 1.0 on Linux"));
    let effects = std::mem::take(&mut lock(&pty.parser).callbacks_mut().0);
    assert!(effects.is_empty(), "escapes leaked: {effects:?}");
    quit_cleanly(&mut pty, b"q");
}

#[test]
fn a_blocked_mfa_device_is_unblocked_with_the_key_the_verdict_names() {
    let mut pty = start(100, 30);
    search_one(&mut pty, "wei.lin", "wei.lin");
    let screen = pty.wait_settled("the devices read and the verdict", |s| {
        s.contains("MFA device SMS") && s.contains("unblock MFA device")
    });
    assert!(screen.contains("cannot sign in"), "{screen}");
    // The verdict names the key ("— b: unblock MFA device", maybe wrapped); press that key.
    let Some(key) = named_key(&screen, "unblock MFA device") else {
        pty.fail("the verdict names no key for the blocked device");
    };
    assert_eq!(key, 'b', "the default key:\n{screen}");
    focus_list(&mut pty);
    pty.send(key.to_string().as_bytes());
    let dialog = pty.wait_settled("the confirm dialog", |s| {
        s.contains("Confirm: unblock MFA device")
    });
    assert!(
        dialog.contains("Unblock the MFA device SMS +1 •••• 0138 (Personal phone) of"),
        "the dialog names the device:\n{dialog}"
    );
    pty.send(b"t");
    pty.send(b"INC-9\r");
    pty.wait_settled("the ticket typed", |s| s.contains("INC-9"));
    pty.send(b"y");
    let screen = pty.wait_settled("the device unblocked", |s| {
        s.contains("Unblocked an MFA device of wei.lin")
            && s.contains("nothing stops this user signing in")
    });
    assert!(
        screen.contains("MFA          on · 2 devices") && !screen.contains("1 blocked"),
        "the MFA line re-rendered from the answer:\n{screen}"
    );
    // The unblock is in the journal, with its ticket.
    pty.send(b"J");
    let journal = pty.wait_settled("the journal view", |s| {
        s.contains("Journal, newest first") && s.contains("unblock-device")
    });
    assert!(
        journal.contains("wei.lin") && journal.contains("ok  #INC-9  device "),
        "the journal names the user, the result, the ticket and the device: {journal}"
    );
    pty.send(b"\x1b");
    pty.wait_settled("the journal closed", |s| {
        !s.contains("Journal, newest first")
    });
    quit_cleanly(&mut pty, b"q");
}
