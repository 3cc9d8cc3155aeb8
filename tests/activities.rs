//! The simulator's activities resource and the locked-now queue over loopback HTTP: the seeded
//! history of the demo's locked users, the date range PingOne requires, `action.type` and
//! paging, a staged incident, the queue leaving out users unlocked since their event, the scan
//! offered when audit data may not be read, the rate limit's 429 with `Retry-After`, and every
//! error of the activities and incident routes in PingOne's shape with a `Correlation-Id`.

#[path = "common/incident.rs"]
mod incident;
#[path = "common/wire.rs"]
mod wire;

use incident::stage;
use jiff::{SignedDuration, Timestamp};
use pingdesk::api::ApiClient;
use pingdesk::desk::queue::{self, Source};
use pingdesk::desk::{UserOp, apply};
use pingdesk::pingone::{Expr, FilterOp};
use pingdesk::sim::{self, FaultKind, FaultRule, Route, SimConfig, SimHandle};
use wire::{api, http, pingone_error, send, targets, token};

const ALICE: &str = "c49f2481-a62c-4e72-a451-dee7c524bf53";
const CAROL: &str = "25fd2bf1-b169-4cb0-a006-387eb71d1e03";

async fn start(config: SimConfig) -> (SimHandle, ApiClient) {
    let sim = sim::spawn(config).await.expect("simulator starts");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client builds");
    (sim, client)
}

/// `recordedAt` within the last day, and `extra`.
fn last_day(extra: Option<Expr>) -> Expr {
    let now = Timestamp::now();
    let range = Expr::cmp(
        "recordedAt",
        FilterOp::Gt,
        &(now - SignedDuration::from_hours(24)).to_string(),
    )
    .and(Expr::cmp(
        "recordedAt",
        FilterOp::Lt,
        &(now + SignedDuration::from_mins(1)).to_string(),
    ));
    match extra {
        Some(extra) => range.and(extra),
        None => range,
    }
}

#[tokio::test]
async fn the_demo_history_is_seeded_and_filtered_by_action_type() {
    let (_sim, client) = start(SimConfig::default()).await;
    let locks = Expr::cmp("action.type", FilterOp::Eq, "USER.LOCKED");
    let page = client
        .activities(&last_day(Some(locks)), 1000)
        .await
        .expect("activities");
    assert!(
        page.activities
            .iter()
            .all(|a| a.action.kind == "USER.LOCKED")
    );
    let users: Vec<&str> = page
        .activities
        .iter()
        .filter_map(|a| a.user().map(|u| u.id.as_str()))
        .collect();
    assert!(
        users.contains(&ALICE) && users.contains(&CAROL),
        "{users:?}"
    );
    let alice = page
        .activities
        .iter()
        .find(|a| a.user().is_some_and(|u| u.id == ALICE))
        .expect("alice's lock");
    assert_eq!(
        alice
            .actors
            .as_ref()
            .and_then(|a| a.client.as_ref())
            .map(|c| c.id.as_str()),
        Some("adminui"),
        "an admin lock is the admin console's"
    );
    assert_eq!(
        alice.user().and_then(|u| u.name.as_deref()),
        Some("alice.locked")
    );
    // Carol's lockout: failed checks without an actor, then the lock.
    let checks = Expr::cmp("action.type", FilterOp::Eq, "PASSWORD.CHECK_FAILED").and(Expr::cmp(
        "resources.id",
        FilterOp::Eq,
        CAROL,
    ));
    let carol = client
        .activities(&last_day(Some(checks)), 100)
        .await
        .expect("activities");
    assert_eq!(carol.activities.len(), 5);
    assert!(carol.activities.iter().all(|a| a.actors.is_none()));
}

#[tokio::test]
async fn a_filter_without_a_date_range_is_refused_and_pages_follow_next() {
    let (_sim, client) = start(SimConfig::default()).await;
    let error = client
        .activities(&Expr::cmp("action.type", FilterOp::Eq, "USER.LOCKED"), 10)
        .await
        .expect_err("no range");
    assert_eq!(error.status, Some(400));
    assert!(error.to_string().contains("date range"), "{error}");
    let mut page = client.activities(&last_day(None), 3).await.expect("page");
    let mut seen = page.activities.len();
    let mut pages = 1;
    while let Some(next) = page.next.take() {
        page = client.next_activities(&next).await.expect("next page");
        seen += page.activities.len();
        pages += 1;
    }
    assert!(pages > 3, "{pages} pages of 3");
    let all = client.activities(&last_day(None), 1000).await.expect("all");
    assert_eq!(seen, all.activities.len());
    assert!(all.next.is_none());
}

#[tokio::test]
async fn the_queue_leaves_out_users_unlocked_since_their_event() {
    let (sim, client) = start(SimConfig::default()).await;
    let now = Timestamp::now();
    let before = queue::locked_now(&client, queue::DEFAULT_WINDOW, now)
        .await
        .expect("queue");
    let names = |q: &queue::Queue| -> Vec<String> {
        q.users.iter().map(|l| l.user.username.clone()).collect()
    };
    assert!(names(&before).contains(&"alice.locked".to_owned()));
    assert!(matches!(before.source, Source::Audit { .. }));
    // Newest first.
    let times: Vec<_> = before.users.iter().map(|l| l.since).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    let carol = before
        .users
        .iter()
        .find(|l| l.user.id == CAROL)
        .expect("carol");
    assert!(carol.cause.contains("password"), "{}", carol.cause);

    let alice = client.get_user(ALICE).await.expect("alice");
    apply(&client, &alice, &UserOp::UnlockAccount)
        .await
        .expect("unlocked");
    let after = queue::locked_now(&client, queue::DEFAULT_WINDOW, Timestamp::now())
        .await
        .expect("queue");
    assert!(
        !names(&after).contains(&"alice.locked".to_owned()),
        "{:?}",
        names(&after)
    );
    assert_eq!(after.users.len(), before.users.len() - 1);

    // A staged incident shows up at the top.
    let staged: Vec<String> = stage(&sim, 4).await.into_iter().map(|(id, _)| id).collect();
    assert_eq!(staged.len(), 4);
    let incident = queue::locked_now(&client, queue::DEFAULT_WINDOW, Timestamp::now())
        .await
        .expect("queue");
    let top: Vec<&str> = incident.users[..4]
        .iter()
        .map(|l| l.user.id.as_str())
        .collect();
    for id in &staged {
        assert!(top.contains(&id.as_str()), "{id} among the newest");
    }
}

#[tokio::test]
async fn a_worker_that_may_not_read_audit_data_gets_a_scan() {
    let (sim, client) = start(SimConfig::default()).await;
    sim.add_fault(FaultRule::new(
        Route::Other,
        FaultKind::Status { status: 403 },
        1,
    ));
    let error = queue::locked_now(&client, queue::DEFAULT_WINDOW, Timestamp::now())
        .await
        .expect_err("forbidden");
    assert!(queue::audit_forbidden(&error), "{error}");
    let scanned = queue::scan(&client, queue::DEFAULT_SCAN)
        .await
        .expect("scan");
    assert_eq!(scanned.source, Source::Scan { scanned: 57 });
    assert!(scanned.users.iter().any(|l| l.user.id == ALICE));
    assert!(scanned.users.iter().all(|l| l.user.is_locked()));
}

#[tokio::test]
async fn the_rate_limit_answers_429_in_pingone_shape_with_retry_after() {
    let (sim, _client) = start(SimConfig {
        rate_limit: Some(5),
        ..SimConfig::default()
    })
    .await;
    let http = http();
    // The token endpoint is not limited.
    let token = token(&sim, &http).await;
    let mut statuses = Vec::new();
    let mut limited = None;
    for _ in 0..8 {
        let answer = send(
            http.get(api(&sim, &format!("users/{ALICE}")))
                .bearer_auth(&token),
        )
        .await;
        statuses.push(answer.status);
        if answer.status == 429 {
            limited = Some(answer);
        }
    }
    assert_eq!(&statuses[..5], [200; 5], "{statuses:?}");
    let limited = limited.expect("a request past the rate was refused");
    pingone_error(&limited, 429, "REQUEST_LIMITED");
    assert_eq!(
        limited
            .headers
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1")
    );
}

#[tokio::test]
async fn the_activities_and_incident_routes_answer_errors_in_pingone_shape() {
    let (sim, _client) = start(SimConfig::default()).await;
    let http = http();
    let token = token(&sim, &http).await;
    let activities = |query: &str| {
        http.get(api(&sim, &format!("activities{query}")))
            .bearer_auth(&token)
    };
    let range = last_day(None).render();
    let ok = send(activities(&format!("?filter={}", urlencode(&range)))).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert!(
        ok.headers.contains_key("correlation-id"),
        "a success has one too"
    );
    for param in ["filter", "limit", "cursor"] {
        let twice = send(activities(&format!("?{param}=a&{param}=b"))).await;
        let body = pingone_error(&twice, 400, "INVALID_DATA");
        assert_eq!(targets(&body), [param], "{body}");
    }
    let body = pingone_error(&send(activities("")).await, 400, "INVALID_DATA");
    assert_eq!(
        targets(&body),
        ["filter"],
        "a date range is required: {body}"
    );
    let limit = format!("?filter={}&limit=0", urlencode(&range));
    let body = pingone_error(&send(activities(&limit)).await, 400, "INVALID_DATA");
    assert_eq!(targets(&body), ["limit"], "{body}");
    let anonymous = http.get(api(&sim, "activities"));
    pingone_error(&send(anonymous).await, 401, "ACCESS_FAILED");

    let incident = format!("{}_sim/incident", sim.base_url);
    let stage = |body: &'static str| {
        http.post(incident.clone())
            .header("content-type", "application/json")
            .body(body)
    };
    pingone_error(&send(stage("{\"lock\": ")).await, 400, "INVALID_DATA");
    pingone_error(
        &send(stage("{\"lock\": \"many\"}")).await,
        400,
        "INVALID_DATA",
    );
    let staged = send(stage("{\"lock\": 2}")).await;
    assert_eq!(staged.body["count"], 2, "{}", staged.body);
}

/// `text` percent-encoded for a query.
fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
