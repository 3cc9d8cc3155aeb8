//! The console's flows as the PTY tests drive them: start the demo and wait for its list, find
//! one user, focus the list, quit; and reading the results, the detail and the keys the verdict
//! names off the screen.

use super::Pty;

/// The results-pane part of the first table row (below the column header) starting with `prefix`
/// once the border and the selection marker are trimmed.
pub fn row<'a>(screen: &'a str, prefix: &str) -> Option<&'a str> {
    screen
        .lines()
        .skip_while(|line| !line.contains("STATUS"))
        .skip(1)
        .map(|line| line.split("││").next().unwrap_or(line))
        .find(|left| left.trim_start_matches(['│', '▶', ' ']).starts_with(prefix))
}

/// Whether the detail pane shows the account status `value` (label `account.status` or
/// `account`, at the start of a detail line, then at least two spaces).
pub fn account_status_is(screen: &str, value: &str) -> bool {
    screen
        .lines()
        .filter_map(|line| line.split_once("││"))
        .any(|(_, detail)| {
            ["account.status", "account"].iter().any(|label| {
                detail.strip_prefix(label).is_some_and(|rest| {
                    rest.starts_with("  ") && rest.trim_start().starts_with(value)
                })
            })
        })
}

/// The key a verdict line names for `verb` (`— p: unlock password` gives `p`).
pub fn named_key(screen: &str, verb: &str) -> Option<char> {
    screen.lines().find_map(|line| {
        let (before, _) = line.split_once(&format!(": {verb}"))?;
        let head = before.strip_suffix(|c: char| c.is_alphanumeric())?;
        head.ends_with("— ")
            .then(|| before.chars().last())
            .flatten()
    })
}

/// Starts the console and waits for the demo banner and the first, settled list of users.
pub fn start(cols: u16, rows: u16) -> Pty {
    ready(Pty::spawn(cols, rows))
}

/// Waits for `pty`'s demo banner and first, settled list of users.
pub fn ready(pty: Pty) -> Pty {
    pty.wait_settled("the DEMO header and the users list", |s| {
        s.contains("DEMO") && s.contains("STATUS") && s.contains(" of 57 ")
    });
    pty
}

/// Types `query`, waits for a one-row list starting with `prefix`, returns that row and screen.
pub fn search_one(pty: &mut Pty, query: &str, prefix: &str) -> (String, String) {
    pty.send(query.as_bytes());
    let screen = pty.wait_settled(&format!("a list of one row, {prefix}…"), |s| {
        s.contains("Users 1 of 1") && row(s, prefix).is_some()
    });
    let found = row(&screen, prefix).unwrap_or_default().to_owned();
    (found, screen)
}

/// Moves focus from the search field to the list and waits for the list's key hints.
pub fn focus_list(pty: &mut Pty) -> String {
    pty.send(b"\r");
    pty.wait_settled("the list's key hints", |s| s.contains("u unlock"))
}

/// Sends the quit `key`, then asserts exit code 0 and a restored terminal.
pub fn quit_cleanly(pty: &mut Pty, key: &[u8]) {
    pty.send(key);
    let status = pty.wait_exit();
    assert!(status.success(), "pingdesk exited with {status:?}");
    assert_eq!(status.exit_code(), 0);
    pty.assert_restored("quitting");
}
