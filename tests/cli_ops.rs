//! The operations from a script: the real binary against an in-process simulator, configured
//! through the environment, stdin not a terminal. Every operation subcommand, its exit codes and
//! its JSON report; `users password` and `users show` are in `tests/cli_ops_show.rs`.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/wire.rs"]
mod wire;

use cli::{code, json, pingdesk, stderr, stdout, writes};
use pingdesk::desk::ops::Reply;
use pingdesk::desk::{Needs, OpKind, UserOp};
use pingdesk::sim::{FaultKind, FaultRule, Route};
use wire::start;

const CAROL: &str = "25fd2bf1-b169-4cb0-a006-387eb71d1e03";

/// `users ARGS…` split on spaces, as a script would write it.
fn users(line: &str) -> Vec<&str> {
    std::iter::once("users")
        .chain(line.split_whitespace())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_operation_applies_and_reports_what_pingone_holds() {
    use OpKind::{DisableUser, EnableUser, ForcePasswordChange, ResendVerification};
    use OpKind::{SendRecoveryCode, UnlockPassword};
    // (operation, user, a JSON pointer into the report and its value afterwards)
    let cases = [
        (UnlockPassword, "carol.pwfail", "/password/status", "OK"),
        (UnlockPassword, "carol.pwfail", "/user/account/status", "OK"),
        (
            ForcePasswordChange,
            "gina.pwtimer",
            "/password/status",
            "MUST_CHANGE_PASSWORD",
        ),
        (
            ForcePasswordChange,
            "frank.ok",
            "/password/status",
            "MUST_CHANGE_PASSWORD",
        ),
        (
            SendRecoveryCode,
            "hank.expired",
            "/user/username",
            "hank.expired",
        ),
        (
            SendRecoveryCode,
            "ivy.mustchange",
            "/user/username",
            "ivy.mustchange",
        ),
        (EnableUser, "dave.disabled", "/user/enabled", "true"),
        (DisableUser, "frank.ok", "/user/enabled", "false"),
        (
            DisableUser,
            "frank.ok",
            "/user/account/canAuthenticate",
            "false",
        ),
        (
            ResendVerification,
            "erin.unverified",
            "/user/lifecycle/status",
            "VERIFICATION_REQUIRED",
        ),
        (ResendVerification, "frank.ok", "/outcome", "nothing to do"),
    ];
    for (kind, user, pointer, value) in cases {
        let (sim, _client) = start().await;
        let args = ["users", kind.cli_name(), user, "--yes", "--json"];
        let output = pingdesk(Some(&sim), &args, &[]);
        let says = stderr(&output);
        assert_eq!(code(&output), 0, "{args:?}: {says}");
        let report = json(&output);
        let got = report
            .pointer(pointer)
            .map(|v| v.as_str().map_or(v.to_string(), str::to_owned));
        assert_eq!(got.as_deref(), Some(value), "{args:?}: {report}");
        assert_eq!(report["action"], kind.cli_name());
        assert_eq!(report["user"]["username"], user);
        if report["outcome"] == "nothing to do" {
            assert_eq!(writes(&sim), 0, "{args:?}: {says}");
            continue;
        }
        assert_eq!(report["outcome"], "applied", "{args:?}");
        assert!(
            says.contains(&UserOp::of(kind).done(user)),
            "{args:?}: {says}"
        );
        let with_password = UserOp::of(kind).reply() == Reply::Password;
        assert_eq!(report.get("password").is_some(), with_password, "{report}");
        let keys = report.as_object().expect("an object").len();
        assert_eq!(keys, 3 + usize::from(with_password), "{report}");
        assert_eq!(writes(&sim), 1, "{args:?}: one write");
        assert!(!sim.audit().is_empty(), "{args:?}: recorded");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_to_do_exits_0_with_a_message_and_sends_nothing() {
    let (sim, _client) = start().await;
    let cases = [
        (
            "password-unlock frank.ok",
            "frank.ok's password is not locked out (OK): nothing to",
        ),
        (
            "force-password-change ivy.mustchange",
            "must already change their password",
        ),
        (
            "force-password-change judy.nopassword",
            "has no password to change",
        ),
        (
            "force-password-change ken.ldap",
            "held by an external directory",
        ),
        (
            "send-recovery-code carol.pwfail",
            "password is locked out: unlock it first",
        ),
        (
            "send-recovery-code dave.disabled",
            "is disabled: PingOne sends no recovery code",
        ),
        (
            "send-recovery-code judy.nopassword",
            "has no PingOne password to recover",
        ),
        ("enable frank.ok", "frank.ok is already enabled"),
        ("disable dave.disabled", "dave.disabled is already disabled"),
        (
            "resend-verification frank.ok",
            "frank.ok is already verified",
        ),
        (
            "unlock frank.ok",
            "frank.ok's account is not locked: nothing to unlock",
        ),
        (
            "unlock carol.pwfail",
            "locked by the password lockout: unlock the password instead",
        ),
    ];
    for (line, says) in cases {
        let mut args = users(line);
        let output = pingdesk(Some(&sim), &args, &[]);
        assert_eq!(code(&output), 0, "{line}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(says),
            "{line}: {}",
            stderr(&output)
        );
        assert!(stdout(&output).is_empty(), "{line}: JSON only with --json");
        args.push("--json");
        let report = json(&pingdesk(Some(&sim), &args, &[]));
        assert_eq!(report["action"], args[1]);
        assert_eq!(report["outcome"], "nothing to do");
        assert_eq!(report["user"]["username"], args[2]);
        // The password state, when it was read to decide.
        let read = args[1] != "enable" && args[1] != "disable" && args[1] != "resend-verification";
        let read = read && line != "unlock frank.ok";
        assert_eq!(report.get("password").is_some(), read, "{line}: {report}");
    }
    assert_eq!(writes(&sim), 0, "nothing to do sends nothing");
    assert!(sim.audit().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_and_their_exit_codes() {
    let (sim, _client) = start().await;
    let cases = [
        (
            "password-unlock sofia.garcia --yes",
            1,
            "sofia.garcia signs in through GOOGLE",
        ),
        (
            "force-password-change sofia.garcia --yes",
            1,
            "managed there, not in PingOne",
        ),
        (
            "send-recovery-code anaya.patel --yes --json",
            1,
            "signs in through MICROSOFT",
        ),
        (
            "password-unlock carol.pwfail",
            5,
            "refusing to write without --yes",
        ),
        ("password-unlock carol.pwfail --json", 5, "not a terminal"),
        ("force-password-change frank.ok", 5, "not a terminal"),
        ("send-recovery-code hank.expired", 5, "not a terminal"),
        ("enable dave.disabled", 5, "not a terminal"),
        ("disable frank.ok", 5, "not a terminal"),
        ("resend-verification erin.unverified", 5, "not a terminal"),
        (
            "password-unlock carol.pwfail --yes --read-only",
            5,
            "Read-only: unlock password is",
        ),
        (
            "send-recovery-code hank.expired --yes --read-only",
            5,
            "Read-only: send recovery code",
        ),
        (
            "enable nobody.here --yes --read-only",
            5,
            "Read-only: enable user is disabled",
        ),
        (
            "password-unlock nobody.here --yes",
            3,
            "no user matches nobody.here",
        ),
        (
            "resend-verification nobody.here --yes --json",
            3,
            "no user matches",
        ),
    ];
    for (line, expected, says) in cases {
        let output = pingdesk(Some(&sim), &users(line), &[]);
        assert_eq!(code(&output), expected, "{line}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(says),
            "{line} should say {says:?}: {}",
            stderr(&output)
        );
        assert!(
            stdout(&output).is_empty(),
            "{line}: no report for a refusal"
        );
    }
    let read_only = [("PINGDESK_READ_ONLY", "1")];
    for kind in OpKind::all() {
        let mut args = vec!["users", kind.cli_name(), "frank.ok", "--yes"];
        match kind.target() {
            Needs::Device => args.push("some-device"),
            Needs::Session => args.push("--all"),
            Needs::User => {}
        }
        let output = pingdesk(Some(&sim), &args, &read_only);
        assert_eq!(code(&output), 5, "{kind:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(kind.verb()), "{}", stderr(&output));
    }
    assert_eq!(writes(&sim), 0, "no refused write reached PingOne");
    assert!(sim.audit().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_answer_is_reported_as_unknown_with_what_pingone_now_holds() {
    let (sim, _client) = start().await;
    for (route, args) in [
        (
            Route::PasswordAction,
            ["users", "password-unlock", CAROL, "--yes", "--json"],
        ),
        (
            Route::UserEnabled,
            ["users", "enable", "dave.disabled", "--yes", "--json"],
        ),
    ] {
        sim.add_fault(FaultRule {
            route: Some(route),
            kind: FaultKind::Truncated,
            times: Some(1),
        });
        let output = pingdesk(Some(&sim), &args, &[]);
        let says = stderr(&output);
        assert_eq!(
            code(&output),
            0,
            "{args:?}: the fresh read shows it fixed: {says}"
        );
        assert!(
            says.contains("Outcome unknown") && says.contains("PingOne now shows"),
            "{says}"
        );
        let report = json(&output);
        assert_eq!(report["outcome"], "unknown", "{report}");
        assert_eq!(sim.stats().get(route), 1, "{args:?}: never retried");
    }
    let carol = json(&pingdesk(
        Some(&sim),
        &["users", "password", "carol.pwfail", "--json"],
        &[],
    ));
    assert_eq!(carol["status"], "OK");
}
