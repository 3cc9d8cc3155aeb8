//! How each failure class reaches the client, through the simulator's injected faults over real
//! loopback HTTP: refresh on 401, Retry-After on 429, retries of reads only, decode errors,
//! timeouts, refused connections and TLS failures.

use std::time::{Duration, Instant};

use pingdesk::api::retry::RetryPolicy;
use pingdesk::api::{ApiClient, ClientConfig, Endpoints, ErrorKind, UserQuery};
use pingdesk::desk::{UserOp, apply};
use pingdesk::pingone::User;
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};

const ALICE: &str = "c49f2481-a62c-4e72-a451-dee7c524bf53";

/// alice.locked's record as the console would hold it (the operations need only her id).
fn alice() -> User {
    User {
        id: ALICE.into(),
        ..User::default()
    }
}

fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_secs(2),
        budget: Duration::from_secs(3),
    }
}

async fn start() -> (SimHandle, ClientConfig) {
    let sim = sim::spawn(SimConfig::default())
        .await
        .expect("simulator starts");
    let mut config = pingdesk::connect::simulator_config(&sim);
    config.retry = quick_retries();
    (sim, config)
}

#[tokio::test]
async fn a_401_gets_one_refresh_then_succeeds() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::Status { status: 401 },
        1,
    ));
    client
        .get_user(ALICE)
        .await
        .expect("succeeds after one refresh");
    assert_eq!(
        sim.stats().get(Route::Token),
        2,
        "the refused token was replaced once"
    );
    assert_eq!(sim.stats().get(Route::GetUser), 2);
}

#[tokio::test]
async fn a_second_401_is_returned_not_looped() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    sim.add_fault(FaultRule::new(
        Route::UserAction,
        FaultKind::Status { status: 401 },
        5,
    ));
    let error = apply(&client, &alice(), &UserOp::UnlockAccount)
        .await
        .map(|a| a.user)
        .expect_err("still 401");
    assert_eq!(error.kind, ErrorKind::Unauthorized);
    assert_eq!(
        sim.stats().get(Route::UserAction),
        2,
        "exactly one retry after a refresh"
    );
}

#[tokio::test]
async fn a_429_retry_after_is_honoured() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    sim.add_fault(FaultRule::new(
        Route::ListUsers,
        FaultKind::RateLimit {
            retry_after_secs: 1,
        },
        1,
    ));
    let started = Instant::now();
    client
        .find_users(&UserQuery::All, 5)
        .await
        .expect("succeeds after waiting");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited as Retry-After asked"
    );
    assert_eq!(sim.stats().get(Route::ListUsers), 2);
}

#[tokio::test]
async fn a_429_longer_than_the_budget_is_reported_with_its_wait() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    sim.add_fault(FaultRule::new(
        Route::ListUsers,
        FaultKind::RateLimit {
            retry_after_secs: 30,
        },
        1,
    ));
    let error = client
        .find_users(&UserQuery::All, 5)
        .await
        .expect_err("429");
    assert_eq!(error.kind, ErrorKind::RateLimited);
    assert_eq!(error.retry_after, Some(Duration::from_secs(30)));
    assert!(error.to_string().contains("try again in 30s"), "{error}");
    assert_eq!(sim.stats().get(Route::ListUsers), 1);
}

#[tokio::test]
async fn reads_are_retried_on_5xx_within_bounds() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::Status { status: 503 },
        2,
    ));
    client
        .get_user(ALICE)
        .await
        .expect("third attempt succeeds");
    assert_eq!(sim.stats().get(Route::GetUser), 3);

    sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::Status { status: 500 },
        10,
    ));
    let error = client.get_user(ALICE).await.expect_err("gives up");
    assert_eq!(error.kind, ErrorKind::Server);
    assert_eq!(
        error.body.as_ref().map(|b| b.code.as_str()),
        Some("UNEXPECTED_ERROR")
    );
    assert_eq!(
        sim.stats().get(Route::GetUser),
        6,
        "three attempts, then stop"
    );
}

#[tokio::test]
async fn a_write_is_never_retried_after_a_5xx() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    sim.add_fault(FaultRule::new(
        Route::UserAction,
        FaultKind::Status { status: 502 },
        1,
    ));
    let error = apply(&client, &alice(), &UserOp::UnlockAccount)
        .await
        .map(|a| a.user)
        .expect_err("502");
    assert_eq!(error.kind, ErrorKind::Server);
    assert_eq!(sim.stats().get(Route::UserAction), 1, "sent once");
}

#[tokio::test]
async fn forbidden_says_which_permission_is_missing() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    sim.add_fault(FaultRule::new(
        Route::UserAction,
        FaultKind::Status { status: 403 },
        1,
    ));
    let error = apply(&client, &alice(), &UserOp::UnlockAccount)
        .await
        .map(|a| a.user)
        .expect_err("403");
    assert_eq!(error.kind, ErrorKind::Forbidden);
    let text = error.to_string();
    assert!(
        text.contains("dir:update:user") && text.contains("Help Desk Admin"),
        "{text}"
    );
}

#[tokio::test]
async fn malformed_and_truncated_bodies_are_decode_errors() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    sim.add_fault(FaultRule::new(Route::ListUsers, FaultKind::Malformed, 1));
    let error = client
        .find_users(&UserQuery::All, 5)
        .await
        .expect_err("malformed");
    assert_eq!(error.kind, ErrorKind::Decode);
    assert_eq!(error.status, Some(200));

    sim.add_fault(FaultRule::new(Route::GetUser, FaultKind::Truncated, 1));
    let error = client.get_user(ALICE).await.expect_err("truncated");
    assert_eq!(error.kind, ErrorKind::Decode);
    assert!(error.to_string().contains("could not be read"), "{error}");
}

#[tokio::test]
async fn a_slow_answer_times_out() {
    let (sim, mut config) = start().await;
    config.request_timeout = Duration::from_millis(200);
    config.retry = RetryPolicy {
        max_attempts: 1,
        ..quick_retries()
    };
    let client = ApiClient::new(config).expect("client");
    client.get_user(ALICE).await.expect("warm: token fetched");
    sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::Delay { millis: 2_000 },
        1,
    ));
    let error = client.get_user(ALICE).await.expect_err("timeout");
    assert_eq!(error.kind, ErrorKind::Timeout);
}

#[tokio::test]
async fn a_closed_port_is_connection_refused() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let (_sim, config) = start().await;
    let error = read_once_from(config, &format!("http://{addr}/")).await;
    assert_eq!(error.kind, ErrorKind::ConnectionRefused, "{error:?}");
}

#[tokio::test]
async fn https_to_a_plain_server_is_a_tls_error() {
    let (sim, config) = start().await;
    let error = read_once_from(
        config,
        &sim.base_url.as_str().replace("http://", "https://"),
    )
    .await;
    assert_eq!(error.kind, ErrorKind::Tls, "{error:?}");
}

/// Reads Alice once, without retries, from `url`; the read must fail.
async fn read_once_from(mut config: ClientConfig, url: &str) -> pingdesk::api::ApiError {
    config.endpoints = Endpoints::from_urls(url, url).expect("a loopback URL");
    config.retry = RetryPolicy {
        max_attempts: 1,
        ..quick_retries()
    };
    let client = ApiClient::new(config).expect("client");
    client.get_user(ALICE).await.expect_err("the read fails")
}

#[tokio::test]
async fn every_response_has_a_correlation_id_and_content_types_are_checked() {
    let (sim, config) = start().await;
    let client = ApiClient::new(config).expect("client");
    client.get_user(ALICE).await.expect("warm");
    pingdesk::api::client::install_crypto_provider();
    let http = reqwest::Client::new();
    let url = format!(
        "{}v1/environments/{}/users/{ALICE}",
        sim.base_url, sim.environment_id
    );
    let token = http
        .post(format!("{}{}/as/token", sim.base_url, sim.environment_id))
        .basic_auth(
            &sim.client_id,
            Some(secrecy::ExposeSecret::expose_secret(&sim.client_secret)),
        )
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("token")
        .json::<serde_json::Value>()
        .await
        .expect("json")["access_token"]
        .as_str()
        .expect("token")
        .to_owned();
    let post = |types: &[&str]| {
        let mut request = http.post(&url).bearer_auth(&token);
        for media in types {
            request = request.header(reqwest::header::CONTENT_TYPE, *media);
        }
        request.send()
    };
    let doubled = post(&["application/json", pingdesk::pingone::MEDIA_ACCOUNT_UNLOCK])
        .await
        .expect("sent");
    assert_eq!(
        doubled.status().as_u16(),
        415,
        "two Content-Type headers are refused"
    );
    assert!(doubled.headers().contains_key("correlation-id"));
    let other = post(&["application/vnd.pingidentity.account.frobnicate+json"])
        .await
        .expect("sent");
    assert_eq!(other.status().as_u16(), 415);
    let body: serde_json::Value = other.json().await.expect("P1Error");
    assert_eq!(body["code"], "INVALID_REQUEST");
    let none = http.get(&url).send().await.expect("sent");
    assert_eq!(none.status().as_u16(), 401, "no bearer, no data");
    assert!(none.headers().contains_key("correlation-id"));
}
