//! Helpers for the incident tests: a scratch directory, staging an incident on a simulator, and
//! a `kill -9` of a CLI operation between its intent and its outcome.

#![allow(dead_code)] // each test file uses a different part

use std::path::PathBuf;

use pingdesk::sim::SimHandle;

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pingdesk-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// POSTs `/_sim/incident` with `{"lock": n}`; the (id, username) of each user locked.
pub async fn stage(sim: &SimHandle, n: usize) -> Vec<(String, String)> {
    pingdesk::api::client::install_crypto_provider();
    let url = sim.base_url.join("_sim/incident").expect("url");
    let body: serde_json::Value = reqwest::Client::new()
        .post(url)
        .json(&serde_json::json!({ "lock": n }))
        .send()
        .await
        .expect("staged")
        .json()
        .await
        .expect("json");
    body["locked"]
        .as_array()
        .expect("locked")
        .iter()
        .map(|u| {
            let field = |name: &str| u[name].as_str().expect("a string").to_owned();
            (field("id"), field("username"))
        })
        .collect()
}

/// Kills `child` (a CLI operation the simulator holds) with SIGKILL once its intent is in
/// `journal` and its request has reached `sim`, between intent and outcome; fails after
/// `patience`.
pub async fn kill_once_sent(
    mut child: std::process::Child,
    journal: &std::path::Path,
    sim: &SimHandle,
    patience: std::time::Duration,
) {
    let deadline = std::time::Instant::now() + patience;
    while pingdesk::desk::journal::read_records(journal)
        .expect("readable")
        .is_empty()
        || sim.stats().get(pingdesk::sim::Route::UserAction) == 0
    {
        assert!(std::time::Instant::now() < deadline, "no intent written");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}
