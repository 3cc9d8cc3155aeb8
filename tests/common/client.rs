//! The PingOne client against a fresh demo simulator, and finding a demo user through it.

#![allow(dead_code)] // each test file uses a different part

use pingdesk::api::{ApiClient, UserQuery};
use pingdesk::pingone::User;
use pingdesk::sim::{self, SimConfig, SimHandle};

/// A demo simulator on port 0 and a client pointed at it.
pub async fn start() -> (SimHandle, ApiClient) {
    let sim = sim::spawn(SimConfig::default())
        .await
        .expect("simulator starts");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client builds");
    (sim, client)
}

/// The demo user named `username`.
pub async fn demo_user(client: &ApiClient, username: &str) -> User {
    let page = client
        .find_users(&UserQuery::exact(username), 1)
        .await
        .expect("find");
    page.users.into_iter().next().expect("the user")
}
