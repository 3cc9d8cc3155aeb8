//! What a script reads before acting: `users password USER [--json]` for every kind of password,
//! and `users show` naming the password state and every cause with its fix, run by the real
//! binary against an in-process simulator (operations themselves are in `tests/cli_ops.rs`).

#[path = "common/cli.rs"]
mod cli;
#[path = "common/wire.rs"]
mod wire;

use cli::{code, json, pingdesk, stderr, stdout, writes};
use pingdesk::sim::SimHandle;
use wire::start;

const OSCAR: &str = "e4f6a8b0-2c4d-4e6f-a8b0-c2d4e6f8a0b2";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_state_in_text_and_json() {
    let (sim, _client) = start().await;
    let cases = [
        (
            "carol.pwfail",
            "PASSWORD_LOCKED_OUT",
            "never by itself: an admin must unlock",
        ),
        ("gina.pwtimer", "PASSWORD_LOCKED_OUT", "in 1"),
        ("hank.expired", "PASSWORD_EXPIRED", "-"),
        ("ivy.mustchange", "MUST_CHANGE_PASSWORD", "-"),
        ("judy.nopassword", "NO_PASSWORD", "-"),
        ("ken.ldap", "EXTERNAL", "-"),
        ("frank.ok", "OK", "-"),
        ("sofia.garcia", "NO_PASSWORD", "-"),
    ];
    for (user, status, unlocks) in cases {
        let text = pingdesk(Some(&sim), &["users", "password", user], &[]);
        assert_eq!(code(&text), 0, "{user}: {}", stderr(&text));
        let out = stdout(&text);
        assert!(out.contains(&format!("user         {user}\n")), "{out}");
        assert!(out.contains(&format!("status       {status}\n")), "{out}");
        assert!(out.contains(&format!("unlocks      {unlocks}")), "{out}");
        let value = json(&pingdesk(
            Some(&sim),
            &["users", "password", user, "--json"],
            &[],
        ));
        assert_eq!(value["status"], status, "{user}");
        assert!(value["user"]["id"].is_string() && value["_links"].is_object());
    }
    let gina = json(&pingdesk(
        Some(&sim),
        &["users", "password", "gina.pwtimer", "--json"],
        &[],
    ));
    let left = gina["secondsUntilUnlock"].as_u64().expect("a countdown");
    assert!((820..=840).contains(&left), "{left}");
    let carol = json(&pingdesk(
        Some(&sim),
        &["users", "password", "carol.pwfail", "--json"],
        &[],
    ));
    assert!(carol.get("secondsUntilUnlock").is_none(), "{carol}");
    let read_only = pingdesk(
        Some(&sim),
        &["users", "password", "frank.ok", "--read-only"],
        &[],
    );
    assert_eq!(code(&read_only), 0, "reading is allowed read-only");
    let nobody = pingdesk(Some(&sim), &["users", "password", "nobody.here"], &[]);
    assert_eq!(code(&nobody), 3);
    assert!(stderr(&nobody).contains("no user matches"));
    assert_eq!(writes(&sim), 0);
}

/// `users show USER` on `sim`: exit 0 and its standard output.
fn show(sim: &SimHandle, user: &str) -> String {
    let output = pingdesk(Some(sim), &["users", "show", user], &[]);
    assert_eq!(code(&output), 0, "{user}: {}", stderr(&output));
    stdout(&output)
}

/// The `cause` and `note` lines of `users show` output.
fn causes(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|line| line.starts_with("cause ") || line.starts_with("note "))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_names_the_password_and_every_cause_with_its_fix() {
    let (sim, _client) = start().await;
    let expected: &[(&str, &str, &[&str])] = &[
        (
            "oscar.twolocks",
            "PASSWORD_LOCKED_OUT",
            &[
                "cause        password locked out; an admin must unlock it (fix: pingdesk users password-unlock e4f6a8b0-2c4d-4e6f-a8b0-c2d4e6f8a0b2)",
                "cause        account locked by an admin (fix: pingdesk users unlock e4f6a8b0-2c4d-4e6f-a8b0-c2d4e6f8a0b2)",
            ],
        ),
        (
            "carol.pwfail",
            "PASSWORD_LOCKED_OUT",
            &[
                "cause        password locked out, which locks the account; an admin must unlock it (fix: pingdesk users password-unlock 25fd2bf1-b169-4cb0-a006-387eb71d1e03)",
                // Her devices are read too: MFA is on and she has none.
                "note         MFA is on but no device is registered (fix: the sign-on policy decides whether they can add one at sign-on)",
            ],
        ),
        (
            "dave.disabled",
            "OK",
            &[
                "cause        user disabled (fix: pingdesk users enable a7a66baf-633c-4f93-b70d-af97b604a226)",
            ],
        ),
        (
            "erin.unverified",
            "OK",
            &[
                "cause        email not verified (fix: pingdesk users resend-verification 0f92d175-ff20-4515-9931-343f508ba56a)",
            ],
        ),
        (
            "hank.expired",
            "PASSWORD_EXPIRED",
            &[
                "cause        password expired; a new one must be chosen (fix: pingdesk users send-recovery-code 9e7d2c41-3b5a-4f08-8c6e-71d4a0b2e5f6)",
            ],
        ),
        (
            "ivy.mustchange",
            "MUST_CHANGE_PASSWORD",
            &[
                "note         must choose a new password at the next sign-on (fix: pingdesk users send-recovery-code c2f8a6d1-4e3b-4a9c-b7d5-0e1f2a3b4c5d)",
            ],
        ),
        (
            "judy.nopassword",
            "NO_PASSWORD",
            &["cause        no password set (fix: set one in the PingOne admin console)"],
        ),
        (
            "ken.ldap",
            "EXTERNAL",
            &[
                "note         password held by an external directory (LDAP gateway) (fix: reset it in that directory, not in PingOne)",
            ],
        ),
        (
            "sofia.garcia",
            "NO_PASSWORD",
            &[
                "note         signs in through GOOGLE; the password is managed there (fix: reset it in GOOGLE, not in PingOne)",
            ],
        ),
        ("frank.ok", "OK", &[]),
    ];
    for (user, password, lines) in expected {
        let out = show(&sim, user);
        assert!(out.contains(&format!("password     {password}\n")), "{out}");
        assert_eq!(causes(&out), *lines, "{user}: {out}");
        let blocked = lines.iter().any(|line| line.starts_with("cause "));
        let verdict = if blocked {
            "cannot sign in"
        } else {
            "nothing stops this user signing in"
        };
        assert!(
            out.contains(&format!("verdict      {verdict}\n")),
            "{user}: {out}"
        );
    }
    let gina = show(&sim, "gina.pwtimer");
    assert!(
        gina.contains(
            "cause        password locked out, which locks the account; unlocks by itself in 1"
        ),
        "{gina}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fixes_show_names_clear_oscars_two_locks_in_either_order() {
    let account =
        format!("cause        account locked by an admin (fix: pingdesk users unlock {OSCAR})");
    let password = format!(
        "cause        password locked out, which locks the account; an admin must unlock it \
         (fix: pingdesk users password-unlock {OSCAR})"
    );
    let orders = [
        (
            ["password-unlock", "unlock"],
            &account,
            &["PASSWORD.UNLOCKED", "USER.UNLOCKED"][..],
        ),
        (
            ["unlock", "password-unlock"],
            &password,
            &["USER.UNLOCKED", "PASSWORD.UNLOCKED", "USER.UNLOCKED"][..],
        ),
    ];
    for ([first, second], left, events) in orders {
        let (sim, _client) = start().await;
        let done = pingdesk(Some(&sim), &["users", first, OSCAR, "--yes"], &[]);
        assert_eq!(code(&done), 0, "{first}: {}", stderr(&done));
        let out = show(&sim, "oscar.twolocks");
        assert_eq!(causes(&out), [left.as_str()], "after {first}: {out}");
        let done = pingdesk(Some(&sim), &["users", second, OSCAR, "--yes"], &[]);
        assert_eq!(code(&done), 0, "{second}: {}", stderr(&done));
        let out = show(&sim, "oscar.twolocks");
        assert!(causes(&out).is_empty(), "{out}");
        assert!(
            out.contains("verdict      nothing stops this user signing in\n"),
            "{out}"
        );
        assert!(out.contains("password     OK\n"), "{out}");
        let actions: Vec<String> = sim.audit().into_iter().map(|e| e.action).collect();
        assert_eq!(actions, events, "{first} then {second}");
    }
}
