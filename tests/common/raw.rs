//! Plain HTTP against the simulator, as any PingOne client would talk to it: a token, then
//! requests with it; every answer must carry a `Correlation-Id`.

#![allow(dead_code)] // each test file uses a different part

use pingdesk::sim::{self, SimConfig, SimHandle};
use secrecy::ExposeSecret as _;
use serde_json::Value;

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
        pingdesk::api::client::install_crypto_provider();
        let http = reqwest::Client::new();
        let reply: Value = http
            .post(format!("{}{}/as/token", sim.base_url, sim.environment_id))
            .basic_auth(&sim.client_id, Some(sim.client_secret.expose_secret()))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .expect("token")
            .json()
            .await
            .expect("token JSON");
        let token = reply["access_token"]
            .as_str()
            .expect("access_token")
            .to_owned();
        Self { sim, http, token }
    }

    /// `{base}v1/environments/{env}/{path}`.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}v1/environments/{}/{path}",
            self.sim.base_url, self.sim.environment_id
        )
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
