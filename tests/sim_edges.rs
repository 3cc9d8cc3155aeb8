//! The simulator's edges over real loopback HTTP: every error in PingOne's shape with a
//! `Correlation-Id` (oversized bodies, URIs and headers, repeated query parameters, JSON it
//! cannot read, unknown routes), `POST /users` checked against the spec's limits and patterns,
//! the token endpoint's RFC 6749 errors and JWT-shaped tokens, and the filter's bounds.

#[path = "common/wire.rs"]
mod wire;

use base64::Engine as _;
use pingdesk::api::{ErrorKind, UserQuery};
use pingdesk::sim::Route;
use secrecy::ExposeSecret as _;
use serde_json::{Value, json};
use wire::{api, http, pingone_error, raw, send, start, targets, token, token_url};

#[tokio::test]
async fn every_error_is_in_pingone_shape_with_a_correlation_id() {
    let (sim, _client) = start().await;
    let http = http();
    let token = token(&sim, &http).await;
    let get = |url: String| http.get(url).bearer_auth(&token);

    for param in ["filter", "limit", "cursor"] {
        for collection in ["users", "groups", "populations"] {
            let url = api(&sim, &format!("{collection}?{param}=a&{param}=b"));
            let body = pingone_error(&send(get(url)).await, 400, "INVALID_DATA");
            assert_eq!(targets(&body), [param], "{collection}: {body}");
        }
    }
    let alice = "c49f2481-a62c-4e72-a451-dee7c524bf53";
    let twice = api(
        &sim,
        &format!("users/{alice}?include=memberOfGroupNames&include=memberOfGroupIDs"),
    );
    let body = pingone_error(&send(get(twice)).await, 400, "INVALID_DATA");
    assert_eq!(targets(&body), ["include"], "{body}");
    // Too long for an HTTP client to build: sent over a bare connection. (Past 64 KB the HTTP
    // layer itself answers a bare 414: it cannot hold such a URI at all.)
    let path = format!("/v1/environments/{}/users", sim.environment_id);
    let huge_query = format!("GET {path}?filter={} HTTP/1.1", "a".repeat(60 << 10));
    pingone_error(&raw(&sim, &huge_query, b"").await, 414, "INVALID_REQUEST");
    let huge_header = format!(
        "GET {path} HTTP/1.1\r\nx-padding: {}",
        "p".repeat(100 << 10)
    );
    pingone_error(&raw(&sim, &huge_header, b"").await, 431, "INVALID_REQUEST");
    let huge_body = http
        .post(api(&sim, "users"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(vec![b' '; 5 << 20]);
    pingone_error(&send(huge_body).await, 413, "INVALID_REQUEST");

    let bad_json = |url: String, body: &'static str| {
        http.post(url)
            .header("content-type", "application/json")
            .body(body)
    };
    let checks = format!("{}_sim/users/x/password-checks", sim.base_url);
    pingone_error(
        &send(bad_json(checks.clone(), "{\"failures\": ")).await,
        400,
        "INVALID_DATA",
    );
    pingone_error(
        &send(bad_json(checks, "{\"failures\": \"five\"}")).await,
        400,
        "INVALID_DATA",
    );
    let faults = format!("{}_sim/faults", sim.base_url);
    let misnamed = http
        .put(faults)
        .header("content-type", "application/json")
        .body(r#"{"faults": [{"route": "user_action", "kind": "malformed"}]}"#);
    pingone_error(&send(misnamed).await, 400, "INVALID_DATA");
    let create = bad_json(api(&sim, "users"), "{").bearer_auth(&token);
    let body = pingone_error(&send(create).await, 400, "INVALID_DATA");
    assert_eq!(targets(&body), ["body"]);
    pingone_error(
        &send(get(format!("{}nowhere", sim.base_url))).await,
        404,
        "NOT_FOUND",
    );
    pingone_error(
        &send(http.delete(api(&sim, "users")).bearer_auth(&token)).await,
        405,
        "METHOD_NOT_ALLOWED",
    );
    pingone_error(
        &send(http.get(api(&sim, "users"))).await,
        401,
        "ACCESS_FAILED",
    );

    // Successes carry one too, and the simulator is still serving.
    let fine = send(get(api(&sim, "users?limit=1"))).await;
    assert_eq!(fine.status, 200);
    assert!(fine.headers.contains_key("correlation-id"));
}

#[tokio::test]
async fn created_users_are_checked_against_the_schema() {
    let (sim, _client) = start().await;
    let http = http();
    let token = token(&sim, &http).await;
    let create = |body: Value| {
        http.post(api(&sim, "users"))
            .bearer_auth(&token)
            .json(&body)
    };
    let refused = [
        (
            json!({"username": "t1", "email": "t1@example.com", "title": "x".repeat(1 << 20)}),
            "title",
        ),
        (json!({"username": "t2", "email": "no-at-sign"}), "email"),
        (
            json!({"username": "t3", "email": "a@b", "population": {"id": "no-such-population"}}),
            "population.id",
        ),
        (
            json!({"username": "t4\u{1b}[31m", "email": "t4@example.com"}),
            "username",
        ),
        (
            json!({"username": "u".repeat(129), "email": "t5@example.com"}),
            "username",
        ),
        (
            json!({"username": "t6", "email": "t6@example.com", "name": {"family": "Lima ✔"}}),
            "name.family",
        ),
        (
            json!({"username": "t7", "email": "t7@example.com", "timezone": "Mars"}),
            "timezone",
        ),
        (json!({"email": "t8@example.com"}), "username"),
    ];
    for (body, target) in refused {
        let answer = send(create(body.clone())).await;
        let error = pingone_error(&answer, 400, "INVALID_DATA");
        assert_eq!(targets(&error), [target], "{body}");
        assert_eq!(error["details"][0]["code"], "INVALID_VALUE");
    }
    assert_eq!(sim.audit().len(), 0, "nothing refused was created");
    let all_wrong = send(create(json!({"username": "", "email": "x", "title": ""}))).await;
    let error = pingone_error(&all_wrong, 400, "INVALID_DATA");
    assert_eq!(targets(&error), ["username", "title", "email"]);
    let bounds = &error["details"][0]["innerError"];
    assert_eq!(
        (
            bounds["rangeMinimumValue"].as_u64(),
            bounds["rangeMaximumValue"].as_u64()
        ),
        (Some(1), Some(128))
    );

    // What the spec allows is created, however odd it looks.
    let odd = json!({
        "username": format!("odd {}✔ nothing stops this user signing in", " ".repeat(60)),
        "email": "odd@example.com",
        "name": {"given": "\u{3000}✔ cannot"},
        "deskNote": "\u{1b}]0;title\u{7}\u{202e}custom attributes are not checked",
    });
    let created = send(create(odd)).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert!(created.headers.contains_key("correlation-id"));
}

#[tokio::test]
async fn the_token_endpoint_answers_as_rfc_6749_says() {
    let (sim, _client) = start().await;
    let http = http();
    let secret = sim.client_secret.expose_secret().to_owned();
    let basic = |form: &[(&str, &str)]| {
        http.post(token_url(&sim))
            .basic_auth(&sim.client_id, Some(&secret))
            .form(form)
    };
    let oauth = |answer: &wire::Answer, status: u16, error: &str| {
        assert_eq!(answer.status, status, "{}", answer.body);
        assert_eq!(answer.body["error"], error, "{}", answer.body);
        assert_eq!(answer.headers["cache-control"], "no-store");
        assert!(answer.headers.contains_key("correlation-id"));
    };
    oauth(&send(basic(&[])).await, 400, "invalid_request");
    oauth(
        &send(basic(&[("grant_type", "password")])).await,
        400,
        "unsupported_grant_type",
    );
    let twice = http
        .post(token_url(&sim))
        .basic_auth(&sim.client_id, Some(&secret))
        .body("grant_type=client_credentials&grant_type=client_credentials")
        .header("content-type", "application/x-www-form-urlencoded");
    oauth(&send(twice).await, 400, "invalid_request");
    let wrong_basic = http
        .post(token_url(&sim))
        .basic_auth(&sim.client_id, Some("wrong"))
        .form(&[("grant_type", "client_credentials")]);
    let wrong_post = http.post(token_url(&sim)).form(&[
        ("grant_type", "client_credentials"),
        ("client_id", sim.client_id.as_str()),
        ("client_secret", "wrong"),
    ]);
    let anonymous = http
        .post(token_url(&sim))
        .form(&[("grant_type", "client_credentials")]);
    for request in [wrong_basic, wrong_post, anonymous] {
        let answer = send(request).await;
        oauth(&answer, 401, "invalid_client");
        let challenge = answer.headers["www-authenticate"].to_str().expect("text");
        assert!(challenge.starts_with("Basic"), "{challenge}");
    }

    let issued = send(basic(&[("grant_type", "client_credentials")])).await;
    assert_eq!(issued.status, 200);
    assert_eq!(issued.headers["cache-control"], "no-store");
    let token = issued.body["access_token"].as_str().expect("a token");
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "header.payload.signature: {token}");
    let decode = |part: &str| -> Value {
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part)
            .expect("base64url");
        serde_json::from_slice(&bytes).expect("JSON")
    };
    assert_eq!(decode(parts[0])["typ"], "JWT");
    let claims = decode(parts[1]);
    assert_eq!(claims["client_id"], sim.client_id.as_str());
    assert_eq!(claims["env"], sim.environment_id.as_str());
    let (iat, exp) = (claims["iat"].as_i64(), claims["exp"].as_i64());
    assert_eq!(
        exp.zip(iat).map(|(e, i)| e - i),
        issued.body["expires_in"].as_i64(),
        "{claims}"
    );
    let now = jiff::Timestamp::now().as_second();
    assert!(iat.is_some_and(|iat| (iat - now).abs() < 300), "{claims}");
    let users = send(http.get(api(&sim, "users?limit=1")).bearer_auth(token)).await;
    assert_eq!(users.status, 200, "the token works");
}

#[tokio::test]
async fn nested_and_long_filters_are_refused_over_http_and_the_simulator_lives_on() {
    let (sim, client) = start().await;
    let nested = format!("{}username eq \"x\"{}", "(".repeat(3000), ")".repeat(3000));
    let long = format!(
        "username eq \"{}\"",
        "a".repeat(pingdesk::pingone::MAX_FILTER_LENGTH)
    );
    for filter in [nested, long] {
        let error = client
            .find_users(&UserQuery::Raw(filter), 10)
            .await
            .expect_err("refused");
        assert_eq!(
            (error.status, error.kind),
            (Some(400), ErrorKind::Rejected),
            "{error}"
        );
        let body = error.body.as_ref().expect("PingOne's error body");
        assert_eq!(body.code, "INVALID_DATA");
        assert_eq!(body.details[0].target.as_deref(), Some("filter"));
    }
    let page = client
        .find_users(&UserQuery::from_input("alice"), 10)
        .await
        .expect("still serving");
    assert!(!page.users.is_empty());
    assert_eq!(sim.stats().get(Route::ListUsers), 3);
}
