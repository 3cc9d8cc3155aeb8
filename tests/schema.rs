//! The simulator's responses validated against PingOne's `User`, `EntityArray` and `P1Error`
//! schemas (extracted from the community OpenAPI spec into `tests/schemas/`, see its README).

#[path = "common/raw.rs"]
mod raw;
#[path = "common/wire.rs"]
mod wire;

use pingdesk::sim::{FaultKind, FaultRule, Route};
use raw::Raw;
use serde_json::Value;

fn validator(name: &str) -> jsonschema::Validator {
    let path = format!("{}/tests/schemas/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, document: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n{}",
        errors.join("\n")
    );
}

#[tokio::test]
async fn every_demo_user_and_page_matches_the_spec() {
    let raw = Raw::start(200).await;
    let (user_schema, page_schema) = (validator("User"), validator("EntityArray"));
    let (status, page) = raw
        .send(raw.http.get(raw.users_url()).query(&[("limit", "1000")]))
        .await;
    assert_eq!(status, 200);
    assert_valid(&page_schema, "the users page", &page);
    let users = page["_embedded"]["users"].as_array().expect("users");
    assert_eq!(users.len(), raw.sim.user_count());
    for user in users {
        assert_valid(&user_schema, &format!("user {}", user["username"]), user);
    }
    let (status, paged) = raw
        .send(raw.http.get(raw.users_url()).query(&[("limit", "3")]))
        .await;
    assert_eq!(status, 200);
    assert_valid(&page_schema, "a page with a next link", &paged);
    assert!(paged["_links"]["next"]["href"].is_string());
    assert_eq!(paged["size"], 3);

    let id = users[0]["id"].as_str().expect("id");
    let unlock = raw
        .http
        .post(format!("{}/{id}", raw.users_url()))
        .header("content-type", pingdesk::pingone::MEDIA_ACCOUNT_UNLOCK);
    let (status, unlocked) = raw.send(unlock).await;
    assert_eq!(status, 200);
    assert_valid(&user_schema, "the unlock response", &unlocked);
}

#[tokio::test]
async fn every_error_matches_the_spec() {
    let raw = Raw::start(200).await;
    let error_schema = validator("P1Error");
    raw.sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::Status { status: 500 },
        1,
    ));
    raw.sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::Status { status: 403 },
        1,
    ));
    raw.sim.add_fault(FaultRule::new(
        Route::GetUser,
        FaultKind::RateLimit {
            retry_after_secs: 2,
        },
        1,
    ));
    let user = format!("{}/c49f2481-a62c-4e72-a451-dee7c524bf53", raw.users_url());
    let cases = [
        ("forced 500", raw.http.get(&user), 500),
        ("forced 403", raw.http.get(&user), 403),
        ("429", raw.http.get(&user), 429),
        (
            "unknown user",
            raw.http.get(format!("{}/nobody", raw.users_url())),
            404,
        ),
        (
            "refused filter",
            raw.http
                .get(raw.users_url())
                .query(&[("filter", "mfaEnabled eq true")]),
            400,
        ),
        (
            "bad limit",
            raw.http.get(raw.users_url()).query(&[("limit", "0")]),
            400,
        ),
        (
            "unknown media type",
            raw.http.post(&user).header("content-type", "text/plain"),
            415,
        ),
    ];
    for (what, request, expected) in cases {
        let (status, body) = raw.send(request).await;
        assert_eq!(status, expected, "{what}: {body}");
        assert_valid(&error_schema, what, &body);
        for key in ["id", "code", "message"] {
            assert!(body[key].is_string(), "{what}: `{key}` present in {body}");
        }
    }
    let unauthenticated = raw.http.get(raw.users_url()).send().await.expect("sent");
    assert_eq!(unauthenticated.status().as_u16(), 401);
    let body: Value = unauthenticated.json().await.expect("JSON");
    assert_valid(&error_schema, "401", &body);
    // P1Error requires nothing, so `{}` would pass the schema: check the fields themselves.
    for key in ["id", "code", "message"] {
        assert!(
            body[key].as_str().is_some_and(|s| !s.is_empty()),
            "401: `{key}` present in {body}"
        );
    }
    assert_eq!(body["code"], "ACCESS_FAILED");
}

#[tokio::test]
async fn the_users_list_reports_its_search_time_in_server_timing() {
    let raw = Raw::start(200).await;
    let response = raw
        .http
        .get(raw.users_url())
        .query(&[("filter", "username sw \"j\"")])
        .bearer_auth(&raw.token)
        .send()
        .await
        .expect("sent");
    let timing = response
        .headers()
        .get("server-timing")
        .and_then(|value| value.to_str().ok())
        .expect("a Server-Timing header")
        .to_owned();
    let millis = timing
        .strip_prefix("search;dur=")
        .and_then(|ms| ms.parse::<f64>().ok());
    assert!(millis.is_some_and(f64::is_finite), "{timing}");
}

#[tokio::test]
async fn groups_populations_memberships_and_mfa_match_the_spec() {
    let raw = Raw::start(0).await;
    let page_schema = validator("EntityArray");
    let (group, membership, population) = (
        validator("Group"),
        validator("GroupMembership"),
        validator("Population"),
    );
    let items = |page: &Value, key: &str| {
        page["_embedded"][key]
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    let (_, groups) = raw.get("groups", &[("limit", "4")]).await;
    assert_valid(&page_schema, "a page of groups", &groups);
    let (_, all) = raw.get("groups", &[]).await;
    for item in items(&all, "groups") {
        assert_valid(&group, &format!("group {}", item["name"]), &item);
        let id = item["id"].as_str().expect("id");
        let (_, one) = raw
            .get(&format!("groups/{id}"), &[("include", "totalMemberCounts")])
            .await;
        assert_valid(&group, "one group with its total", &one);
        // [SPEC] `GroupNesting` requires `file` and `usageType` (a copy slip in the community
        // spec), so nesting items are checked as the memberships they are.
        let (_, nesting) = raw.get(&format!("groups/{id}/memberOfGroups"), &[]).await;
        assert_valid(&page_schema, "a group's nesting", &nesting);
        for item in items(&nesting, "groupMemberships") {
            assert_valid(&membership, "a nesting", &item);
        }
    }
    let alice = raw.user_id("alice.locked").await;
    let (_, memberships) = raw
        .get(
            &format!("users/{alice}/memberOfGroups"),
            &[("expand", "group")],
        )
        .await;
    assert_valid(&page_schema, "a user's memberships", &memberships);
    let found = items(&memberships, "groupMemberships");
    assert!(!found.is_empty());
    for item in found {
        assert_valid(&membership, "a membership", &item);
    }
    let (_, populations) = raw.get("populations", &[]).await;
    assert_valid(&page_schema, "the populations", &populations);
    for item in items(&populations, "populations") {
        assert_valid(&population, &format!("population {}", item["name"]), &item);
    }
    let (_, user) = raw
        .get(
            &format!("users/{alice}"),
            &[("include", "memberOfGroupNames"), ("expand", "population")],
        )
        .await;
    assert_valid(&validator("User"), "a user with include and expand", &user);
    assert_valid(
        &population,
        "the expanded population",
        &user["_embedded"]["population"],
    );
    let mfa = validator("UserMFAEnabled");
    let (_, read) = raw.get(&format!("users/{alice}/mfaEnabled"), &[]).await;
    assert_valid(&mfa, "GET mfaEnabled", &read);
    let put = raw
        .http
        .put(raw.url(&format!("users/{alice}/mfaEnabled")))
        .header("content-type", "application/json")
        .body(r#"{"mfaEnabled": false}"#);
    let (status, written) = raw.send(put).await;
    assert_eq!(status, 200);
    assert_valid(&mfa, "PUT mfaEnabled", &written);
    // The spec has no schema for devices or sessions: their lists are checked as envelopes.
    for path in ["devices", "sessions"] {
        let (_, list) = raw.get(&format!("users/{alice}/{path}"), &[]).await;
        assert_valid(&page_schema, path, &list);
        assert!(!items(&list, path).is_empty(), "alice has {path}");
    }
}
