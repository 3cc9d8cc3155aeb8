//! The CLI's confirm on a terminal (a PTY): `[y/N]`, where anything but yes declines and exits
//! 5 with nothing sent; and on a production profile the username typed in full.

#[path = "common/pty.rs"]
mod pty;

use pingdesk::sim::{self, Route, SimConfig, SimHandle};
use pty::Pty;
use secrecy::ExposeSecret as _;

/// The environment that points the binary at `sim`, with `extra`.
fn env(sim: &SimHandle, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let dir = std::env::temp_dir().join(format!("pingdesk-prompt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let url = sim.base_url.to_string();
    let mut vars = vec![
        ("HOME".to_owned(), dir.display().to_string()),
        (
            "PINGDESK_LOG_FILE".to_owned(),
            dir.join("pingdesk.log").display().to_string(),
        ),
        ("PINGDESK_API_URL".to_owned(), url.clone()),
        ("PINGDESK_AUTH_URL".to_owned(), url),
        (
            "PINGONE_ENVIRONMENT_ID".to_owned(),
            sim.environment_id.clone(),
        ),
    ];
    vars.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    vars
}

/// Runs `users unlock USER` on a terminal, answers `typed` at the prompt `asks`, returns the
/// exit code and the screen.
fn answer(env: &[(String, String)], user: &str, asks: &str, typed: &str) -> (u32, String) {
    let mut term = Pty::spawn_exact(&["users", "unlock", user], env, 120, 10);
    term.wait_for(asks, |screen| screen.contains(asks));
    term.send(typed.as_bytes());
    let code = term.wait_exit().exit_code();
    (code, term.contents())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn y_n_prompt_declines_by_default_and_exits_5() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let secret = sim.client_secret.expose_secret().to_owned();
    let env = env(
        &sim,
        &[
            ("PINGONE_CLIENT_ID", sim.client_id.as_str()),
            ("PINGONE_CLIENT_SECRET", secret.as_str()),
        ],
    );
    for typed in ["n\r", "\r", "yes please\r"] {
        let (code, screen) = answer(&env, "alice.locked", "[y/N]", typed);
        assert_eq!(code, 5, "{typed:?}: {screen}");
        assert!(screen.contains("declined: nothing was changed"), "{screen}");
        assert!(
            screen.contains("Unlock the account of alice.locked?"),
            "{screen}"
        );
    }
    assert_eq!(sim.stats().get(Route::UserAction), 0, "nothing sent");
    let (code, screen) = answer(&env, "alice.locked", "[y/N]", "y\r");
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("Unlocked the account of alice.locked"),
        "{screen}"
    );
    assert_eq!(sim.stats().get(Route::UserAction), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_asks_for_the_username_typed_in_full() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let dir = std::env::temp_dir().join(format!("pingdesk-prompt-prod-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.prod]\nproduction = true\nclient_id = \"{}\"\nsecret = {{ env = \"SIM_SECRET\" }}\n",
            sim.client_id
        ),
    )
    .expect("written");
    let secret = sim.client_secret.expose_secret().to_owned();
    let config = config.display().to_string();
    let env = env(
        &sim,
        &[
            ("PINGDESK_CONFIG", config.as_str()),
            ("PINGDESK_PROFILE", "prod"),
            ("SIM_SECRET", secret.as_str()),
        ],
    );
    let asks = "Type the username to confirm:";
    for typed in ["y\r", "alice\r", "ALICE.LOCKED\r"] {
        let (code, screen) = answer(&env, "alice.locked", asks, typed);
        assert_eq!(code, 5, "{typed:?}: {screen}");
        assert!(screen.contains("PRODUCTION environment"), "{screen}");
    }
    assert_eq!(sim.stats().get(Route::UserAction), 0, "nothing sent");
    let (code, screen) = answer(&env, "alice.locked", asks, "alice.locked\r");
    assert_eq!(code, 0, "{screen}");
    assert_eq!(sim.stats().get(Route::UserAction), 1);
}
