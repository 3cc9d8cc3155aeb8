//! Helpers for the incident tests: a scratch directory, and staging an incident on a simulator.

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
