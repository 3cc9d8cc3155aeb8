//! Plain HTTP against the simulator, as any PingOne client would talk to it: a token, then
//! requests with it; every answer must carry a `Correlation-Id`.

#![allow(dead_code)] // each test file uses a different part

use pingdesk::sim::{self, SimConfig, SimHandle};
use serde_json::Value;

use super::wire;

/// A simulator and a bearer token for it.
pub struct Raw {
    /// The simulator.
    pub sim: SimHandle,
    /// A plain HTTP client.
    pub http: reqwest::Client,
    /// An access token.
    pub token: String,
}

impl Raw {
    /// A simulator with the demo directory and `generated` more users, and a token for it.
    pub async fn start(generated: usize) -> Self {
        let sim = sim::spawn(SimConfig {
            generated_users: generated,
            ..SimConfig::default()
        })
        .await
        .expect("sim");
        let http = wire::http();
        let token = wire::token(&sim, &http).await;
        Self { sim, http, token }
    }

    /// `{base}v1/environments/{env}/{path}`.
    pub fn url(&self, path: &str) -> String {
        wire::api(&self.sim, path)
    }

    /// The users collection.
    pub fn users_url(&self) -> String {
        self.url("users")
    }

    /// Sends `request` with the token: the status and the JSON body.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> (u16, Value) {
        let response = request.bearer_auth(&self.token).send().await.expect("sent");
        let status = response.status().as_u16();
        assert!(
            response.headers().contains_key("correlation-id"),
            "Correlation-Id on HTTP {status}"
        );
        (status, response.json().await.expect("JSON body"))
    }

    /// `GET {path}` with query `pairs`: the status and the JSON body.
    pub async fn get(&self, path: &str, pairs: &[(&str, &str)]) -> (u16, Value) {
        self.send(self.http.get(self.url(path)).query(pairs)).await
    }

    /// The id of the user named `username`.
    pub async fn user_id(&self, username: &str) -> String {
        let filter = format!("username eq {}", Value::from(username));
        let (_, page) = self.get("users", &[("filter", &filter)]).await;
        page["_embedded"]["users"][0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no user {username}"))
            .to_owned()
    }
}
