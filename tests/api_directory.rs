//! Groups and populations against the simulator over real loopback HTTP, as pingdesk reads them
//! (group names on the user, the population by id) and as other PingOne clients do: paged and
//! filtered groups, one group, nesting, a user's memberships, the users filter
//! `memberOfGroups[id eq "…"]`, `include` and `expand` on a user, populations.

#[path = "common/raw.rs"]
mod raw;
#[path = "common/wire.rs"]
mod wire;

use pingdesk::api::{ApiClient, ErrorKind, UserQuery};
use pingdesk::pingone::{Expr, FilterOp};
use pingdesk::sim::{self, Route, SimConfig};
use raw::Raw;
use serde_json::Value;

/// The `name`s of `page`'s `_embedded.{key}`.
fn names(page: &Value, key: &str) -> Vec<String> {
    page["_embedded"][key]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The id of the group named `name`.
async fn group_id(raw: &Raw, name: &str) -> String {
    let filter = format!("name eq {}", Value::from(name));
    let (_, page) = raw.get("groups", &[("filter", &filter)]).await;
    page["_embedded"]["groups"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no group {name}"))
        .to_owned()
}

#[tokio::test]
async fn groups_are_paged_like_users_and_filtered_on_name() {
    let raw = Raw::start(0).await;
    let (status, first) = raw.get("groups", &[("limit", "5")]).await;
    assert_eq!(status, 200);
    let total = first["count"].as_u64().expect("count");
    assert!(total >= 10, "{total}");
    assert_eq!(first["size"], 5);
    let mut seen = names(&first, "groups");
    let mut next = first["_links"]["next"]["href"].as_str().map(str::to_owned);
    while let Some(href) = next {
        let (_, page) = raw.send(raw.http.get(&href)).await;
        seen.extend(names(&page, "groups"));
        next = page["_links"]["next"]["href"].as_str().map(str::to_owned);
    }
    assert_eq!(seen.len() as u64, total, "every group once: {seen:?}");
    let (_, staff) = raw.get("groups", &[("filter", r#"name sw "S""#)]).await;
    let found = names(&staff, "groups");
    assert!(found.contains(&"Store Managers".to_owned()), "{found:?}");
    assert!(found.iter().all(|n| n.starts_with('S')), "{found:?}");
    let (_, fin) = raw
        .get("groups", &[("filter", r#"externalId eq "AD-FIN""#)])
        .await;
    assert_eq!(names(&fin, "groups"), ["Finance"]);
    let contractors = "9892064f-c05a-4f3d-88fb-27547787c5ce";
    let filter = format!("population.id eq {}", Value::from(contractors));
    let (_, theirs) = raw.get("groups", &[("filter", &filter)]).await;
    assert_eq!(
        names(&theirs, "groups"),
        [
            "Contractors EMEA",
            "DevOps On-Call",
            "\u{1b}[31mRed Team\u{1b}[0m \u{7}"
        ]
    );
    let (_, by_id) = raw
        .get(
            "groups",
            &[(
                "filter",
                &format!("id eq {}", Value::from(group_id(&raw, "IT").await)),
            )],
        )
        .await;
    assert_eq!(names(&by_id, "groups"), ["IT"]);
    for refused in [r#"name co "a""#, r#"description eq "x""#, r#"id sw "4""#] {
        let (status, body) = raw.get("groups", &[("filter", refused)]).await;
        assert_eq!(status, 400, "{refused}: {body}");
        assert_eq!(body["details"][0]["target"], "filter");
    }
}

#[tokio::test]
async fn one_group_with_its_counts_and_its_nesting() {
    let raw = Raw::start(0).await;
    let finance = group_id(&raw, "Finance").await;
    let (status, group) = raw
        .get(
            &format!("groups/{finance}"),
            &[("include", "totalMemberCounts")],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(group["name"], "Finance");
    assert_eq!(group["directMemberCounts"]["users"], 3);
    assert_eq!(
        group["totalMemberCounts"]["users"], 5,
        "Payroll's two count too"
    );
    let (_, plain) = raw.get(&format!("groups/{finance}"), &[]).await;
    assert!(
        plain.get("totalMemberCounts").is_none(),
        "only when asked for"
    );
    let payroll = group_id(&raw, "Payroll").await;
    let (_, nesting) = raw
        .get(&format!("groups/{payroll}/memberOfGroups"), &[])
        .await;
    assert_eq!(names(&nesting, "groupMemberships"), ["Finance"]);
    assert_eq!(raw.get("groups/nope", &[]).await.0, 404);
    assert_eq!(raw.get("groups/nope/memberOfGroups", &[]).await.0, 404);
}

#[tokio::test]
async fn a_users_memberships_are_direct_then_through_nesting() {
    let raw = Raw::start(0).await;
    let alice = raw.user_id("alice.locked").await;
    let (status, page) = raw
        .get(
            &format!("users/{alice}/memberOfGroups"),
            &[("expand", "group")],
        )
        .await;
    assert_eq!(status, 200);
    let items = page["_embedded"]["groupMemberships"]
        .as_array()
        .expect("memberships");
    let seen: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap_or(""),
                i["type"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("Payroll", "DIRECT"),
            ("VPN Users", "DIRECT"),
            ("Finance", "INDIRECT"),
            ("All Staff", "INDIRECT"),
        ]
    );
    assert_eq!(items[0]["_embedded"]["group"]["name"], "Payroll");
    let (status, _) = raw
        .get(
            &format!("users/{alice}/memberOfGroups"),
            &[("expand", "everything")],
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn the_users_filter_finds_members_of_a_group_and_its_nested_groups() {
    let raw = Raw::start(500).await;
    let client = ApiClient::new(pingdesk::connect::simulator_config(&raw.sim)).expect("client");
    let finance = group_id(&raw, "Finance").await;
    let members = |expr: Expr| {
        let client = client.clone();
        async move {
            let page = client
                .find_users(&UserQuery::Filter(expr), 100)
                .await
                .expect("search");
            let mut names: Vec<String> = page.users.into_iter().map(|u| u.username).collect();
            names.sort();
            names
        }
    };
    assert_eq!(
        members(Expr::MemberOfGroup(finance.clone())).await,
        [
            "alice.locked",
            "hank.expired",
            "jsmith",
            "mgarcia",
            "priya.sharma"
        ]
    );
    let narrowed = Expr::MemberOfGroup(finance).and(Expr::cmp("username", FilterOp::Sw, "m"));
    assert_eq!(members(narrowed).await, ["mgarcia"]);
    assert!(
        members(Expr::MemberOfGroup("no-such-group".into()))
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn include_and_expand_on_a_user_read() {
    let raw = Raw::start(0).await;
    let alice = raw.user_id("alice.locked").await;
    let (status, user) = raw
        .get(
            &format!("users/{alice}"),
            &[("include", "memberOfGroupNames"), ("expand", "population")],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        user["memberOfGroupNames"],
        serde_json::json!(["Payroll", "VPN Users", "Finance", "All Staff"])
    );
    assert_eq!(user["_embedded"]["population"]["name"], "Employees");
    assert!(user.get("memberOfGroupIDs").is_none());
    let (_, ids) = raw
        .get(
            &format!("users/{alice}"),
            &[("include", "memberOfGroupIDs")],
        )
        .await;
    assert_eq!(ids["memberOfGroupIDs"].as_array().map(Vec::len), Some(4));
    let (_, plain) = raw.get(&format!("users/{alice}"), &[]).await;
    assert!(
        plain.get("memberOfGroupNames").is_none(),
        "only when asked for"
    );
    let (status, _) = raw
        .get(&format!("users/{alice}"), &[("include", "passwords")])
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn pingdesk_reads_group_names_and_a_population_by_id() {
    let sim = sim::spawn(SimConfig::default()).await.expect("sim");
    let client = ApiClient::new(pingdesk::connect::simulator_config(&sim)).expect("client");
    let page = client
        .find_users(&UserQuery::exact("mallory.ansi"), 1)
        .await
        .expect("find");
    let mallory = &page.users[0];
    let groups = client.group_names(&mallory.id).await.expect("groups");
    assert_eq!(
        groups,
        ["\u{1b}[31mRed Team\u{1b}[0m \u{7}"],
        "sent as stored: shown inert"
    );
    assert_eq!(sim.stats().get(Route::GetUser), 1, "one read, with include");
    let population = mallory.population.as_ref().expect("a population");
    let read = client.population(&population.id).await.expect("population");
    assert_eq!(read.name, "Contractors");
    assert!(read.user_count.is_some_and(|n| n > 0));
    let missing = client.population("nope").await.expect_err("404");
    assert_eq!(missing.kind, ErrorKind::NotFound);
    let dave = client
        .find_users(&UserQuery::exact("dave.disabled"), 1)
        .await
        .expect("find");
    let groups = client.group_names(&dave.users[0].id).await.expect("groups");
    assert_eq!(groups, ["VPN Users"]);
}

#[tokio::test]
async fn populations_are_listed_with_names_descriptions_and_counts() {
    let raw = Raw::start(0).await;
    let (status, page) = raw.get("populations", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(
        names(&page, "populations"),
        ["Employees", "Contractors", "Customers", "Retail Stores"]
    );
    let first = &page["_embedded"]["populations"][0];
    assert_eq!(first["default"], true);
    assert!(first["description"].is_string());
    let total: u64 = page["_embedded"]["populations"]
        .as_array()
        .expect("populations")
        .iter()
        .map(|p| p["userCount"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(total, 57, "every demo user is in one");
    let (_, named) = raw
        .get("populations", &[("filter", r#"name sw "C""#)])
        .await;
    assert_eq!(names(&named, "populations"), ["Contractors", "Customers"]);
    let id = first["id"].as_str().expect("id");
    let (status, one) = raw.get(&format!("populations/{id}"), &[]).await;
    assert_eq!((status, one["name"].as_str()), (200, Some("Employees")));
    assert_eq!(raw.get("populations/nope", &[]).await.0, 404);
}
