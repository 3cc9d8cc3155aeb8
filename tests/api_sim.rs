//! The PingOne client against the simulator over real loopback HTTP: every operation.

#[path = "common/wire.rs"]
mod wire;

use std::time::Duration;

use wire::start;

use pingdesk::api::{ApiClient, ClientAuthMethod, ClientConfig, Credentials, ErrorKind, UserQuery};
use pingdesk::desk::{UserOp, apply};
use pingdesk::pingone::User;
use pingdesk::pingone::user::{AccountStatus, NewUser};
use pingdesk::sim::{self, Route, SimConfig};

const ALICE: &str = "c49f2481-a62c-4e72-a451-dee7c524bf53";

#[tokio::test]
async fn prefix_search_finds_users_by_username_and_name() {
    let (sim, client) = start().await;
    let page = client
        .find_users(&UserQuery::from_input("jsmith"), 50)
        .await
        .expect("search");
    let names: Vec<&str> = page.users.iter().map(|u| u.username.as_str()).collect();
    assert!(
        names.contains(&"jsmith") && names.contains(&"jsmithers"),
        "{names:?}"
    );
    assert!(names.iter().all(|n| n.starts_with("jsmith")), "{names:?}");
    assert_eq!(page.count, Some(names.len() as u64));

    // Lower-case input still finds capitalised family names.
    let page = client
        .find_users(&UserQuery::from_input("nguyen"), 50)
        .await
        .expect("search");
    assert!(page.users.iter().any(|u| u.username == "alice.locked"));
    assert_eq!(
        sim.stats().get(Route::Token),
        1,
        "one token serves every request"
    );
}

#[tokio::test]
async fn paging_follows_next_links_to_the_end() {
    let (sim, client) = start().await;
    let mut page = client
        .find_users(&UserQuery::All, 7)
        .await
        .expect("first page");
    let total = page.count.expect("count");
    let mut seen: Vec<String> = page.users.iter().map(|u| u.id.clone()).collect();
    while let Some(next) = page.next.clone() {
        page = client.next_page(&next).await.expect("next page");
        assert!(page.users.len() <= 7);
        seen.extend(page.users.iter().map(|u| u.id.clone()));
    }
    assert_eq!(seen.len() as u64, total);
    assert_eq!(seen.len(), sim.user_count());
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), sim.user_count(), "no user twice");
}

#[tokio::test]
async fn get_user_and_lookup_by_id() {
    let (_sim, client) = start().await;
    let alice = client.get_user(ALICE).await.expect("get");
    assert_eq!(alice.username, "alice.locked");
    assert!(alice.is_locked());
    let account = alice.account.expect("account");
    assert_eq!(account.can_authenticate, Some(false));
    assert!(account.locked_at.is_some() && account.unlock_at.is_none());

    let page = client
        .find_users(&UserQuery::from_input(&ALICE.to_uppercase()), 10)
        .await
        .expect("by id");
    assert_eq!(page.users.len(), 1);
    let none = client
        .find_users(
            &UserQuery::from_input("00000000-0000-4000-8000-000000000000"),
            10,
        )
        .await
        .expect("unknown id is an empty result");
    assert!(none.users.is_empty());
}

#[tokio::test]
async fn unknown_user_is_not_found_with_pingone_details() {
    let (_sim, client) = start().await;
    let error = client.get_user("no-such-user").await.expect_err("404");
    assert_eq!(error.kind, ErrorKind::NotFound);
    assert_eq!(error.status, Some(404));
    assert_eq!(
        error.body.as_ref().map(|b| b.code.as_str()),
        Some("NOT_FOUND")
    );
    assert!(
        error.correlation_id.is_some(),
        "errors carry the Correlation-Id"
    );
    assert!(error.to_string().contains("Correlation-Id"));
}

#[tokio::test]
async fn unlock_returns_the_record_and_sends_one_request() {
    let (sim, client) = start().await;
    // The record the operation is sent for, as the console holds it (not counted: a new id).
    let alice = User {
        id: ALICE.into(),
        ..User::default()
    };
    let user = apply(&client, &alice, &UserOp::UnlockAccount)
        .await
        .map(|a| a.user)
        .expect("unlock");
    let account = user.account.expect("account in the response");
    assert_eq!(account.status, Some(AccountStatus::Ok));
    assert_eq!(account.can_authenticate, Some(true));
    assert_eq!(sim.stats().get(Route::UserAction), 1);
    assert_eq!(
        sim.stats().get(Route::GetUser),
        0,
        "no second GET: the response is the record"
    );
    assert!(
        !client.get_user(ALICE).await.expect("get").is_locked(),
        "the unlock stuck"
    );
    let audit = sim.audit();
    assert_eq!(audit.len(), 1);
    assert_eq!(
        (audit[0].action.as_str(), audit[0].user_id.as_str()),
        ("USER.UNLOCKED", ALICE)
    );
    let session = audit[0].external_session_id.as_deref().unwrap_or_default();
    assert!(
        session.starts_with("pingdesk-"),
        "the unlock is traceable to this run: {session:?}"
    );
}

#[tokio::test]
async fn lock_with_and_without_unlock_at() {
    let (_sim, client) = start().await;
    let frank = client
        .find_users(&UserQuery::Raw(r#"username eq "frank.ok""#.into()), 1)
        .await
        .expect("find");
    let id = &frank.users[0];
    let until = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(600);
    let locked = apply(
        &client,
        id,
        &UserOp::LockAccount {
            unlock_at: Some(until),
        },
    )
    .await
    .map(|a| a.user)
    .expect("lock");
    let account = locked.account.expect("account");
    assert_eq!(account.status, Some(AccountStatus::Locked));
    let left = account
        .seconds_until_unlock
        .expect("secondsUntilUnlock is computed");
    assert!((590..=600).contains(&left), "{left}");

    let locked = apply(&client, id, &UserOp::LockAccount { unlock_at: None })
        .await
        .map(|a| a.user)
        .expect("admin lock");
    assert!(locked.account.expect("account").unlock_at.is_none());

    let past = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(60);
    let error = apply(
        &client,
        id,
        &UserOp::LockAccount {
            unlock_at: Some(past),
        },
    )
    .await
    .map(|a| a.user)
    .expect_err("past unlockAt");
    assert_eq!(error.kind, ErrorKind::Rejected);
    assert_eq!(error.body.expect("body").code, "INVALID_DATA");
}

#[tokio::test]
async fn create_then_find_and_duplicates_refused() {
    let (_sim, client) = start().await;
    let new = NewUser {
        username: "new.hire".into(),
        email: "new.hire@example.com".into(),
        ..NewUser::default()
    };
    let created = client.create_user(&new).await.expect("create");
    assert_eq!(
        created.account.as_ref().and_then(|a| a.status.clone()),
        Some(AccountStatus::Ok)
    );
    let found = client
        .find_users(&UserQuery::from_input("new.h"), 10)
        .await
        .expect("find");
    assert_eq!(found.users.len(), 1);
    assert_eq!(found.users[0].id, created.id);
    let error = client.create_user(&new).await.expect_err("duplicate");
    assert_eq!(error.status, Some(400));
    assert!(error.to_string().contains("already exists"), "{error}");
}

#[tokio::test]
async fn client_secret_post_works_and_a_wrong_secret_is_unauthorized() {
    let (sim, _client) = start().await;
    let mut config = pingdesk::connect::simulator_config(&sim);
    if let Credentials::Client(client) = &mut config.credentials {
        client.method = ClientAuthMethod::ClientSecretPost;
    }
    let post = ApiClient::new(config.clone()).expect("client");
    post.get_user(ALICE)
        .await
        .expect("client_secret_post authenticates");

    if let Credentials::Client(client) = &mut config.credentials {
        client.client_secret = "wrong".into();
    }
    let error = ApiClient::new(config)
        .expect("client")
        .get_user(ALICE)
        .await
        .expect_err("401");
    assert_eq!(error.kind, ErrorKind::Unauthorized);
    assert_eq!(
        error.body.as_ref().map(|b| b.code.as_str()),
        Some("invalid_client")
    );
    assert!(
        !error.to_string().contains("wrong"),
        "the secret never appears in a message"
    );
}

#[tokio::test]
async fn a_bad_access_token_is_final() {
    let (sim, _client) = start().await;
    let mut config: ClientConfig = pingdesk::connect::simulator_config(&sim);
    config.credentials = Credentials::AccessToken("not-a-token".into());
    let error = ApiClient::new(config)
        .expect("client")
        .get_user(ALICE)
        .await
        .expect_err("401");
    assert_eq!(error.kind, ErrorKind::Unauthorized);
    assert_eq!(error.status, Some(401));
    assert_eq!(
        sim.stats().get(Route::GetUser),
        1,
        "a pre-issued token cannot be refreshed"
    );
    assert_eq!(sim.stats().get(Route::Token), 0);
}

#[tokio::test]
async fn unknown_environment_is_its_own_error() {
    let (sim, _client) = start().await;
    let mut config = pingdesk::connect::simulator_config(&sim);
    config.environment_id = "00000000-0000-4000-8000-00000000beef".into();
    let client = ApiClient::new(config).expect("client");
    for query in [UserQuery::All, UserQuery::Id(ALICE.into())] {
        let error = client.find_users(&query, 5).await.expect_err("404");
        assert_eq!(
            (error.kind, error.status),
            (ErrorKind::UnknownEnvironment, Some(404))
        );
        assert!(
            error
                .to_string()
                .contains("environment 00000000-0000-4000-8000-00000000beef not found"),
            "{error}"
        );
    }
}

#[tokio::test]
async fn refused_filters_are_invalid_data() {
    let (_sim, client) = start().await;
    for filter in [
        r#"username co "a""#,
        r#"account.status eq "LOCKED""#,
        "username eq",
        r#"(username eq "a""#,
    ] {
        let error = client
            .find_users(&UserQuery::Raw(filter.into()), 5)
            .await
            .expect_err(filter);
        assert_eq!(error.status, Some(400), "{filter}");
        let body = error.body.as_ref().expect("P1Error body");
        assert_eq!(body.code, "INVALID_DATA");
        assert_eq!(body.details[0].target.as_deref(), Some("filter"));
    }
    let ok = client
        .find_users(
            &UserQuery::Raw(r#"(enabled eq false) AND email ew "@example.com""#.into()),
            50,
        )
        .await
        .expect("supported filter");
    assert!(ok.users.iter().all(|u| u.enabled == Some(false)));
    assert!(!ok.users.is_empty());
}

#[tokio::test]
async fn hostile_search_text_stays_one_literal() {
    let (_sim, client) = start().await;
    for text in [
        r#"" or username sw ""#,
        r#"a\" or email sw \""#,
        "x) or (username sw \"",
        "\u{1b}[31m",
    ] {
        let page = client
            .find_users(&UserQuery::from_input(text), 100)
            .await
            .expect(text);
        assert!(
            page.users.is_empty(),
            "{text:?} matched {} users",
            page.users.len()
        );
    }
}

#[tokio::test]
async fn a_next_link_to_another_host_is_refused() {
    let (_sim, client) = start().await;
    let evil = url::Url::parse("https://attacker.example.com/v1/environments/x/users?cursor=1")
        .expect("url");
    let error = client.next_page(&evil).await.expect_err("refused");
    assert!(
        error.to_string().contains("could not be read")
            || error
                .cause
                .as_deref()
                .is_some_and(|c| c.contains("another host"))
    );
}

#[tokio::test]
async fn concurrent_requests_share_one_token_fetch() {
    let (sim, client) = start().await;
    let searches = (0..8).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.find_users(&UserQuery::from_input("a"), 5).await })
    });
    for search in searches {
        search.await.expect("task").expect("search");
    }
    assert_eq!(sim.stats().get(Route::Token), 1);
}

#[tokio::test]
async fn expired_tokens_are_refused() {
    let sim = sim::spawn(SimConfig {
        token_lifetime: Duration::ZERO,
        ..SimConfig::default()
    })
    .await
    .expect("simulator starts");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    let error = client
        .get_user(ALICE)
        .await
        .expect_err("every token is already expired");
    assert_eq!(error.kind, ErrorKind::Unauthorized);
    assert!(
        error
            .pingone_message()
            .is_some_and(|m| m.contains("expired")),
        "{error}"
    );
    assert_eq!(
        sim.stats().get(Route::Token),
        2,
        "one refresh, then the 401 is reported"
    );
}
