//! The directory's read routes besides users: groups (paged, filtered on name), one group, group
//! nesting, a user's group memberships, and populations.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde::Deserialize;

use super::matching::matches;
use super::paging::ListParams;
use super::responses::{href, invalid_data, json, not_found};
use super::routes::{Answer, admit, admit_query};
use super::store::Directory;
use super::{SimState, read};
use crate::pingone::filter::FixedAttributes;
use crate::pingone::group::{Group, GroupMembership, MemberCount, MembershipType};
use crate::pingone::user::IdRef;
use crate::pingone::{self, Population};

type Shared = State<Arc<SimState>>;

/// A group as PingOne sends it: member counts (the total only when asked), environment, links.
fn present_group(state: &SimState, directory: &Directory, group: &Group, total: bool) -> Group {
    let env = &directory.environment.id;
    let base = state.environment_url(env);
    let (direct, all) = directory.groups.counts(&group.id);
    let mut group = Group {
        environment: Some(IdRef { id: env.clone() }),
        direct_member_counts: Some(MemberCount { users: direct }),
        total_member_counts: total.then_some(MemberCount { users: all }),
        ..group.clone()
    };
    group.extra.insert(
        "_links".into(),
        serde_json::json!({
            "self": href(&format!("{base}/groups/{}", group.id)),
            "environment": href(&base),
        }),
    );
    group
}

/// A membership item: the group's id, name and how, with links (and the group, expanded).
fn membership(
    state: &SimState,
    directory: &Directory,
    group: &Group,
    kind: MembershipType,
    expand: bool,
) -> GroupMembership {
    let env = &directory.environment.id;
    let mut extra = serde_json::Map::new();
    extra.insert(
        "_links".into(),
        serde_json::json!({
            "group": href(&format!("{}/groups/{}", state.environment_url(env), group.id)),
        }),
    );
    if expand {
        extra.insert(
            "_embedded".into(),
            serde_json::json!({ "group": present_group(state, directory, group, false) }),
        );
    }
    GroupMembership {
        id: group.id.clone(),
        name: Some(group.name.clone()),
        kind: Some(kind),
        environment: Some(IdRef { id: env.clone() }),
        extra,
    }
}

/// Whether query parameter `name` asks for `allowed` (absent: no); another value is PingOne's
/// `400 INVALID_DATA` naming the parameter.
fn switch(name: &str, value: Option<&str>, allowed: &str) -> Result<bool, Response> {
    match value {
        None => Ok(false),
        Some(value) if value == allowed => Ok(true),
        Some(other) => Err(invalid_data(
            name,
            format!("{name}={other} is not supported; use {allowed}"),
        )),
    }
}

/// `GET /groups?filter=&limit=&cursor=`.
pub(super) async fn list_groups(
    State(state): Shared,
    Path(env): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let params: ListParams = admit_query(&state, &headers, &env, &uri)?;
    let directory = read(&state.directory);
    let url = format!("{}/groups", state.environment_url(&env));
    params.filtered(
        &FixedAttributes(pingone::GROUP_FILTER_ATTRIBUTES),
        directory.groups.all().iter(),
        |g| present_group(&state, &directory, g, false),
        (&url, "groups"),
    )
}

/// `?include=totalMemberCounts` on one group.
#[derive(Deserialize)]
pub(super) struct GroupParams {
    include: Option<String>,
}

/// `GET /groups/{id}`.
pub(super) async fn get_group(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let params: GroupParams = admit_query(&state, &headers, &env, &uri)?;
    let total = switch("include", params.include.as_deref(), "totalMemberCounts")?;
    let directory = read(&state.directory);
    let group = directory
        .groups
        .get(&id)
        .ok_or_else(|| not_found("group"))?;
    Ok(json(
        StatusCode::OK,
        &present_group(&state, &directory, group, total),
    ))
}

/// `GET /groups/{id}/memberOfGroups`: the groups this group is directly nested in.
pub(super) async fn group_nesting(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let params: ListParams = admit_query(&state, &headers, &env, &uri)?;
    let window = params.window()?;
    let directory = read(&state.directory);
    let parents = directory
        .groups
        .parents_of(&id)
        .ok_or_else(|| not_found("group"))?;
    let items: Vec<GroupMembership> = parents
        .into_iter()
        .map(|g| membership(&state, &directory, g, MembershipType::Direct, false))
        .collect();
    let url = format!("{}/groups/{id}/memberOfGroups", state.environment_url(&env));
    Ok(json(
        StatusCode::OK,
        &params.page_of(&url, window, "groupMemberships", items),
    ))
}

/// `?expand=group&limit=&cursor=` on a user's memberships.
#[derive(Deserialize)]
pub(super) struct MembershipParams {
    expand: Option<String>,
    #[serde(flatten)]
    list: ListParams,
}

/// `GET /users/{id}/memberOfGroups`: direct and (through nesting) indirect memberships.
pub(super) async fn user_groups(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let params: MembershipParams = admit_query(&state, &headers, &env, &uri)?;
    let expand = switch("expand", params.expand.as_deref(), "group")?;
    let groups = FixedAttributes(pingone::GROUP_FILTER_ATTRIBUTES);
    let (window, parsed) = params.list.query(&groups)?;
    let directory = read(&state.directory);
    let at = directory.position_of(&id)?;
    let items: Vec<GroupMembership> = directory
        .groups
        .of_user(at)
        .into_iter()
        .filter(|(g, _)| parsed.as_ref().is_none_or(|f| matches(f, *g, &|_| false)))
        .map(|(g, kind)| membership(&state, &directory, g, kind, expand))
        .collect();
    let url = format!("{}/users/{id}/memberOfGroups", state.environment_url(&env));
    Ok(json(
        StatusCode::OK,
        &params.list.page_of(&url, window, "groupMemberships", items),
    ))
}

/// A population as PingOne sends it: its user count, environment and links.
pub(super) fn present_population(
    state: &SimState,
    directory: &Directory,
    mut population: Population,
) -> Population {
    let env = &directory.environment.id;
    let base = state.environment_url(env);
    population.user_count = Some(directory.population_size(&population.id));
    population.default = Some(
        directory
            .populations
            .first()
            .is_some_and(|first| first.id == population.id),
    );
    population.extra.insert(
        "_links".into(),
        serde_json::json!({
            "self": href(&format!("{base}/populations/{}", population.id)),
            "environment": href(&base),
        }),
    );
    population
        .extra
        .insert("environment".into(), serde_json::json!({ "id": env }));
    population
}

/// `GET /populations?filter=&limit=&cursor=`.
pub(super) async fn list_populations(
    State(state): Shared,
    Path(env): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let params: ListParams = admit_query(&state, &headers, &env, &uri)?;
    let directory = read(&state.directory);
    let url = format!("{}/populations", state.environment_url(&env));
    params.filtered(
        &FixedAttributes(pingone::POPULATION_FILTER_ATTRIBUTES),
        directory.populations.iter(),
        |p| present_population(&state, &directory, p.clone()),
        (&url, "populations"),
    )
}

/// `GET /populations/{id}`.
pub(super) async fn get_population(
    State(state): Shared,
    Path((env, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    admit(&state, &headers, &env)?;
    let directory = read(&state.directory);
    let population = directory
        .population(&id)
        .ok_or_else(|| not_found("population"))?;
    Ok(json(
        StatusCode::OK,
        &present_population(&state, &directory, population.clone()),
    ))
}
