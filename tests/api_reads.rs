//! Reads against the simulator over loopback HTTP, as the README states them: a `Retry-After`
//! given as an HTTP date is honoured, and a token is renewed before it expires (no request is
//! ever refused for an expired token first). Broken connections retried: `tests/api_outcomes.rs`.

use std::time::{Duration, Instant};

use pingdesk::api::{ApiClient, UserQuery};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig};

#[tokio::test]
async fn a_retry_after_date_in_the_future_is_waited_for() {
    let sim = sim::spawn(SimConfig::default()).await.expect("simulator");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    client.get_user("warm-up").await.ok();
    sim.add_fault(FaultRule::new(
        Route::ListUsers,
        FaultKind::RateLimitUntil {
            retry_after_secs: 2,
        },
        1,
    ));
    let started = Instant::now();
    let page = client
        .find_users(&UserQuery::from_input("alice"), 5)
        .await
        .expect("answered on the second try");
    // The date is two seconds ahead, to the second: at least one second is waited. Without
    // reading the date, the first back-off is a quarter of a second.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert!(!page.users.is_empty());
    assert_eq!(sim.stats().get(Route::ListUsers), 2);
}

#[tokio::test]
async fn a_token_is_renewed_before_it_expires() {
    let sim = sim::spawn(SimConfig {
        token_lifetime: Duration::from_secs(2),
        ..SimConfig::default()
    })
    .await
    .expect("simulator");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    let query = UserQuery::from_input("alice");
    let search = || client.find_users(&query, 5);
    search().await.expect("first");
    search().await.expect("second, same token");
    assert_eq!(sim.stats().get(Route::Token), 1);
    // Past 90 % of the lifetime (1.8 s) but before it ends: a new token, and the search is
    // sent once (a token used until refused would cost a 401 and a second send).
    tokio::time::sleep(Duration::from_millis(1_900)).await;
    search().await.expect("third");
    assert_eq!(sim.stats().get(Route::Token), 2, "renewed ahead of expiry");
    assert_eq!(
        sim.stats().get(Route::ListUsers),
        3,
        "no request refused first"
    );
}
