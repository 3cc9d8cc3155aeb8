//! Hostile users, end to end: created through `POST /users` on the simulator (so PingOne's own
//! schema lets them through), then shown by the real binary, in the console (a PTY at 80×24
//! and 120×40) and from the CLI (tables, details, `--json`). No escape sequence of theirs
//! reaches the terminal, no padding or line break of theirs puts a fake verdict where
//! pingdesk's stands, and JSON round-trips them exactly.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/wire.rs"]
mod wire;

use pingdesk::sim::SimHandle;
use pty::Pty;
use secrecy::ExposeSecret as _;
use serde_json::{Value, json};

const FAKE: &str = "✔ nothing stops this user signing in";

/// What the hostile users hold, by username (all under the prefix `zz.`).
fn hostile_users() -> Vec<Value> {
    let ideographic = "\u{3000}".repeat(150);
    vec![
        json!({
            "username": "zz.pad",
            "email": "zz.pad@example.com",
            "name": {"given": format!("Zed{ideographic}{FAKE}"), "family": "Pad"},
            "title": format!("Clerk{ideographic}{FAKE}"),
            "deskNote": format!(
                "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}{}{FAKE}\n\n{FAKE}",
                " ".repeat(5_000)
            ),
        }),
        json!({
            "username": "zz.rtl",
            "email": "zz.rtl\u{202e}moc.elpmaxe@example.com",
            "externalId": "e".repeat(1_024),
            "nickname": format!("{}{FAKE}", " ".repeat(200)),
        }),
    ]
}

/// Creates the hostile users on `sim` through its API, and locks `zz.pad` (so the truth is
/// "cannot sign in"); returns the created records.
async fn create(sim: &SimHandle) -> Vec<Value> {
    let http = wire::http();
    let token = wire::token(sim, &http).await;
    let mut created = Vec::new();
    for body in hostile_users() {
        let answer = wire::send(
            http.post(wire::api(sim, "users"))
                .bearer_auth(&token)
                .json(&body),
        )
        .await;
        assert_eq!(answer.status, 201, "{}", answer.body);
        created.push(answer.body);
    }
    let id = created[0]["id"].as_str().expect("an id");
    let lock = http
        .post(wire::api(sim, &format!("users/{id}")))
        .bearer_auth(&token)
        .header("content-type", pingdesk::pingone::MEDIA_ACCOUNT_LOCK)
        .body("{}");
    assert_eq!(wire::send(lock).await.status, 200);
    created
}

/// The environment that points the binary at `sim`.
fn env(sim: &SimHandle) -> Vec<(String, String)> {
    let dir = std::env::temp_dir().join(format!("pingdesk-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let url = sim.base_url.to_string();
    [
        ("HOME", dir.display().to_string()),
        (
            "PINGDESK_LOG_FILE",
            dir.join("pingdesk.log").display().to_string(),
        ),
        ("PINGDESK_API_URL", url.clone()),
        ("PINGDESK_AUTH_URL", url),
        ("PINGONE_ENVIRONMENT_ID", sim.environment_id.clone()),
        ("PINGONE_CLIENT_ID", sim.client_id.clone()),
        (
            "PINGONE_CLIENT_SECRET",
            sim.client_secret.expose_secret().to_owned(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// Whether `text` holds a control character (C0 but line breaks, DEL, C1) or a bidi control.
fn has_controls(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_shows_hostile_users_inert_and_in_their_place() {
    let (sim, _client) = wire::start().await;
    create(&sim).await;
    for (cols, rows) in [(80, 24), (120, 40)] {
        let mut term = Pty::spawn_exact(&[], &env(&sim), cols, rows);
        term.wait_for("the first list", |s| s.contains("STATUS"));
        term.send(b"zz.");
        term.wait_for("the hostile users", |s| {
            s.contains("zz.rtl") && s.contains("zz.pad")
        });
        term.send(b"\r");
        // The list is sorted by username: zz.pad first. Enter opens it.
        term.send(b"\r");
        let screen = term.wait_for("the opened user", |s| {
            s.contains("✘ cannot sign in") && s.contains("password     OK")
        });
        for line in screen.lines() {
            let detail = line.split_once("││").map_or("", |(_, d)| d);
            assert!(
                !detail.starts_with('✔') && !detail.starts_with("  ✔"),
                "{cols}x{rows}: a fake verdict: {line}\n{screen}"
            );
        }
        let heading = screen
            .lines()
            .find_map(|l| {
                l.split_once("││")
                    .map(|(_, d)| d)
                    .filter(|d| d.starts_with("zz.pad"))
            })
            .expect("the heading");
        assert!(
            heading.contains("Zed ✔"),
            "one line, blanks collapsed: {heading}"
        );
        // The custom attributes are on the Attributes tab (the one before Sign-in), where the
        // escape sequences show as placeholders.
        term.send(b"[");
        let screen = term.wait_for("the custom attribute", |s| s.contains("deskNote"));
        assert!(screen.contains("␛]0;pwned␇␛[2J"), "{screen}");
        let output = String::from_utf8_lossy(&term.output()).into_owned();
        assert!(!output.contains("\u{1b}]0;pwned"), "no title set");
        assert!(
            !output.contains('\u{9b}') && !output.contains('\u{202e}'),
            "no C1 or bidi control"
        );
        if cols == 120 {
            unlock_and_check_the_log(&mut term, &sim);
        }
        term.send(b"q");
        assert_eq!(term.wait_exit().exit_code(), 0);
    }
}

/// Unlocks the opened `zz.pad` through the confirm, and checks the log has the attempt
/// before its answer, with the operation, the user's id and the actor.
fn unlock_and_check_the_log(term: &mut Pty, sim: &SimHandle) {
    term.send(b"u");
    term.wait_for("the confirm", |s| {
        s.contains("Unlock the account of zz.pad?")
    });
    term.send(b"y");
    term.wait_for("the answer", |s| {
        s.contains("Unlocked the account of zz.pad")
    });
    let log = env(sim)
        .into_iter()
        .find(|(k, _)| k == "PINGDESK_LOG_FILE")
        .map(|(_, path)| std::fs::read_to_string(path).expect("a log"))
        .unwrap_or_default();
    let sent = log
        .lines()
        .position(|l| l.contains("sending an operation"))
        .expect("the attempt is logged");
    let line = log.lines().nth(sent).unwrap_or_default();
    for field in [
        "op=\"unlock account\"",
        "user_id=",
        "actor=\"pingdesk-demo-worker\"",
    ] {
        assert!(line.contains(field), "{field} in {line}");
    }
    let answered = log.lines().position(|l| l.contains("applied"));
    assert!(
        answered.is_some_and(|at| at > sent),
        "logged before it is answered: {log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_shows_hostile_users_inert_and_json_round_trips_them() {
    let (sim, _client) = wire::start().await;
    let created = create(&sim).await;
    let log = cli::log_file("hostile");
    let run = |args: &[&str]| cli::run(cli::at(&sim, &log).args(args));

    let table = run(&["users", "find", "zz."]);
    assert_eq!(cli::code(&table), 0, "{}", cli::stderr(&table));
    let text = cli::stdout(&table);
    assert!(!has_controls(&text), "{text:?}");
    assert_eq!(
        text.lines().count(),
        3,
        "a header and one line a user: {text}"
    );
    assert!(
        text.lines().all(|l| l.chars().count() < 200),
        "columns are capped: {text}"
    );

    let shown = run(&["users", "show", "zz.pad"]);
    let text = cli::stdout(&shown);
    assert!(!has_controls(&text), "{text:?}");
    assert!(text.contains("verdict      cannot sign in"), "{text}");
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with('✔') || l.trim_start().starts_with(FAKE)),
        "{text}"
    );

    let json = run(&["users", "find", "zz.", "--json"]);
    let text = cli::stdout(&json);
    assert!(!has_controls(&text), "raw controls in JSON: {text:?}");
    assert!(
        text.contains("\\u001b]0;pwned") && text.contains("\\u009b") && text.contains("\\u202e")
    );
    let parsed: Value = serde_json::from_str(&text).expect("valid JSON");
    let listed = parsed["users"].as_array().expect("users");
    let note = |users: &[Value]| {
        users
            .iter()
            .find(|u| u["username"] == "zz.pad")
            .map(|u| u["deskNote"].clone())
    };
    assert_eq!(note(listed), note(&created), "round-trips exactly");
    let shown = cli::json(&run(&["users", "show", "zz.rtl", "--json"]));
    assert_eq!(shown["email"], created[1]["email"]);
    assert_eq!(shown["externalId"], created[1]["externalId"]);
}
