//! Secrets never echoed: a secret written inline in the config file, a secret command that
//! fails (its standard error may hold the secret), and a password in a URL's userinfo. The real
//! binary, as a command and as the console, exits 2 (a configuration error) and neither its
//! messages nor its log show the secret.

#[path = "common/cli.rs"]
mod cli;

use std::path::PathBuf;

use cli::{bare, code, log_file, run, stderr};

const SECRET: &str = "hunter2-do-not-show";

/// A config file in a fresh folder holding `text`.
fn config(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pingdesk-secrets-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let path = dir.join("config.toml");
    std::fs::write(&path, text).expect("written");
    path
}

/// Runs the console (no subcommand) and `users find x` with `env`; both must exit 2, say
/// `says`, and keep `SECRET` out of standard error and the log.
fn both_refuse(name: &str, env: &[(&str, &str)], says: &str) {
    for args in [&[][..], &["users", "find", "x"][..]] {
        let log = log_file(&format!("secrets-{name}"));
        let _ = std::fs::remove_file(&log);
        let mut command = bare(&log);
        command.args(args);
        for (key, value) in env {
            command.env(key, value);
        }
        let output = run(&mut command);
        let text = stderr(&output);
        assert_eq!(code(&output), 2, "{name} {args:?}: {text}");
        assert!(
            text.contains(says),
            "{name} {args:?}: expected {says:?} in {text}"
        );
        assert!(!text.contains(SECRET), "{name} {args:?}: {text}");
        let logged = std::fs::read_to_string(&log).unwrap_or_default();
        assert!(
            !logged.contains(SECRET),
            "{name} {args:?}: the log shows it"
        );
    }
}

#[test]
fn an_inline_secret_is_never_echoed() {
    for (name, text) in [
        (
            "string",
            format!(
                "default_profile = \"eu\"\n[profiles.eu]\nclient_id = \"w\"\nenvironment_id = \"e\"\nsecret = \"{SECRET}\"\n"
            ),
        ),
        (
            "field",
            format!(
                "default_profile = \"eu\"\n[profiles.eu]\nclient_id = \"w\"\nclient_secret = \"{SECRET}\"\n"
            ),
        ),
        (
            "table",
            format!("default_profile = \"eu\"\n[profiles.eu.secret]\nvalue = \"{SECRET}\"\n"),
        ),
    ] {
        let path = config(name, &text);
        let path = path.to_str().expect("utf-8");
        both_refuse(name, &[("PINGDESK_CONFIG", path)], "its value is not shown");
    }
}

#[test]
fn a_failing_secret_command_is_named_not_echoed() {
    // The command line holds no secret; what it prints does.
    let text = "default_profile = \"eu\"\n[profiles.eu]\nclient_id = \"w\"\nenvironment_id = \"e\"\napi_url = \"http://127.0.0.1:9\"\nauth_url = \"http://127.0.0.1:9\"\nsecret = { command = [\"sh\", \"-c\", \"printf hunter2-do-not-%s show; printf hunter2-do-not-%s show >&2; exit 1\"] }\n";
    let path = config("command", text);
    let path = path.to_str().expect("utf-8");
    both_refuse("command", &[("PINGDESK_CONFIG", path)], "run it by hand");
}

#[test]
fn a_password_in_a_url_is_masked_and_refused() {
    let url = format!("http://ann:{SECRET}@127.0.0.1:9");
    both_refuse(
        "userinfo",
        &[
            ("PINGDESK_API_URL", url.as_str()),
            ("PINGDESK_AUTH_URL", "http://127.0.0.1:9"),
            ("PINGONE_ENVIRONMENT_ID", "e"),
            ("PINGONE_CLIENT_ID", "w"),
            ("PINGONE_CLIENT_SECRET", "s"),
        ],
        "ann:***@127.0.0.1",
    );
}
