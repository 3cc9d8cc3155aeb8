//! `pingdesk doctor`: token, reading users, the worker's roles, clock skew, region and hosts.

use std::time::Instant;

use serde::Serialize;

use super::{Exit, Failure, Session};
use crate::api::{ApiError, Credentials, UserQuery};

/// One check's outcome.
#[derive(Debug, Serialize)]
struct Check {
    name: &'static str,
    ok: bool,
    detail: String,
}

/// Runs every check, prints them, and exits with the first failure's code.
pub async fn run(session: &Session, json: bool) -> Result<Exit, Failure> {
    let mut checks = Vec::new();
    let mut first_failure: Option<Failure> = None;
    let mut record = |name: &'static str, result: Result<String, ApiError>| {
        let (ok, detail) = match result {
            Ok(detail) => (true, detail),
            Err(error) => {
                let detail = error.to_string();
                first_failure.get_or_insert_with(|| Failure::from(error));
                (false, detail)
            }
        };
        checks.push(Check { name, ok, detail });
    };
    let client = &session.client;
    let connection = session.connection.as_ref();
    let hosts = connection.map_or_else(
        || "embedded demo simulator".to_owned(),
        |c| {
            format!(
                "region {}, API {}, auth {}",
                c.region_label, c.client.endpoints.api, c.client.endpoints.auth
            )
        },
    );
    record(
        "target",
        Ok(format!(
            "{hosts}; environment {}; acting as {}",
            session.environment,
            client.actor()
        )),
    );
    let started = Instant::now();
    let read = client.find_users(&UserQuery::All, 1).await;
    let elapsed = started.elapsed().as_millis();
    record(
        "token and read users",
        read.map(|page| {
            format!(
                "{} users visible; token and first read took {elapsed} ms",
                page.count.map_or("?".into(), |c| c.to_string())
            )
        }),
    );
    let worker = connection.and_then(|c| match &c.client.credentials {
        Credentials::Client(client) => {
            Some((client.environment_id.clone(), client.client_id.clone()))
        }
        Credentials::AccessToken(_) => None,
    });
    let worker = worker.or_else(|| {
        connection.is_none().then(|| {
            (
                session.environment_id().to_owned(),
                client.actor().to_owned(),
            )
        })
    });
    match worker {
        Some((environment, app)) => {
            record("worker roles", roles(session, &environment, &app).await);
        }
        None => record(
            "worker roles",
            Ok("skipped: a pre-issued access token has no application to ask about".into()),
        ),
    }
    record("clock skew", skew(session).await);
    if json {
        super::users::print_json(&checks)?;
    } else {
        for check in &checks {
            println!(
                "{} {:<22}{}",
                if check.ok { "ok  " } else { "FAIL" },
                check.name,
                crate::desk::inert(&check.detail)
            );
        }
    }
    first_failure.map_or(Ok(Exit::Ok), Err)
}

async fn roles(session: &Session, environment: &str, app: &str) -> Result<String, ApiError> {
    let assignments = session.client.role_assignments(environment, app).await?;
    if assignments.is_empty() {
        return Ok("none: the worker app has no roles and can read nothing".into());
    }
    let mut names = Vec::new();
    for assignment in assignments {
        let name = match session.client.role(&assignment.role.id).await {
            Ok(role) => role.name,
            Err(_) => assignment.role.id.clone(),
        };
        names.push(format!(
            "{name} over {} {}",
            assignment.scope.kind, assignment.scope.id
        ));
    }
    Ok(names.join("; "))
}

async fn skew(session: &Session) -> Result<String, ApiError> {
    let before = jiff::Timestamp::now();
    let server = session.client.server_time(session.environment_id()).await?;
    let Some(server) = server else {
        return Ok("unknown: PingOne sent no Date header".into());
    };
    let seconds = (server.as_second() - before.as_second()).abs();
    let verdict = if seconds > 60 {
        "too large: tokens and lock times will look wrong; fix the clock"
    } else {
        "fine"
    };
    Ok(format!("{seconds} s ({verdict})"))
}
