//! P9: bulk-unlocking 1,000 staged users against a standalone `pingdesk sim --rate-limit 100/s`:
//! each run stages an incident (`POST /_sim/incident`, 1,000 password lockouts), then the bulk
//! runner (the console's and the CLI's, journaled, 8 in flight, pacing on `429`) unlocks them as
//! the queue hands them over (one request each). Figures: unlocks per second sustained (from the
//! 100th to the last) and overall, duplicates (PingOne's audit, read back through the
//! activities route: unlocks beyond one per user), and lost users (no journal outcome). Once,
//! for context: `pingdesk users unlock --from FILE` end to end, which also resolves every name.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use pingdesk::api::{ApiClient, ClientConfig, ClientCredentials, Credentials, Endpoints};
use pingdesk::desk::bulk::{self, End, Item};
use pingdesk::desk::journal::{Phase, Settings, Snapshot, Subject, Who, read_records};
use pingdesk::desk::{Journal, UserOp};
use pingdesk::pingone::{Expr, FilterOp};
use secrecy::SecretString;

use crate::procs::{self, Sim};
use crate::report::{Goal, Report, Summary, Unit};
use crate::{Ctx, http, millis};

/// Users staged and unlocked per run.
const USERS: usize = 1000;

/// Measures P9.
#[allow(clippy::cast_precision_loss)] // counts of at most 1,000 users
pub fn bulk_unlock(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    let sim = Sim::start(
        &ctx.bin,
        &["--users", "1200", "--rate-limit", "100/s"],
        &ctx.scratch,
        Duration::from_secs(60),
    )?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let client = client(&sim)?;
    let (mut sustained, mut overall, mut duplicates, mut missing) =
        (vec![], vec![], vec![], vec![]);
    for run in 0..ctx.runs.clamp(1, 5) {
        let staged = stage(&sim)?;
        // Staging goes around the limit; let the bucket fill as an idle tenant's would.
        std::thread::sleep(Duration::from_millis(1100));
        let path = ctx.scratch.join(format!("p9-journal-{run}.jsonl"));
        let started_at = jiff::Timestamp::now();
        let (times, reports) = runtime.block_on(unlock(&client, &path, &staged));
        let done = reports.iter().filter(|e| **e == End::Done).count();
        if done != USERS {
            bail!("run {run}: {done} of {USERS} unlocked");
        }
        let last = times.last().copied().unwrap_or_default();
        // Past the start-up: the first burst, its 429 and the Retry-After pause are behind.
        let from_200th = last.saturating_sub(times[199]);
        sustained.push((USERS - 200) as f64 / from_200th.as_secs_f64());
        overall.push(USERS as f64 / last.as_secs_f64());
        duplicates.push(runtime.block_on(duplicate_unlocks(&client, started_at))? as f64);
        missing.push(lost_users(&path, &staged)? as f64);
    }
    report.add(
        "P9",
        "unlocks/s sustained (200th to 1,000th)",
        Summary::of(&sustained),
        Unit::PerSec,
        Goal::AtLeast(90.0),
    );
    report.add(
        "P9",
        "unlocks/s overall (first 429 and its pause included)",
        Summary::of(&overall),
        Unit::PerSec,
        Goal::None,
    );
    report.add(
        "P9",
        "duplicates (unlocks beyond one per user, PingOne's audit)",
        Summary::of(&duplicates),
        Unit::Count,
        Goal::AtMost(0.0),
    );
    report.add(
        "P9",
        "lost (users without a journal outcome)",
        Summary::of(&missing),
        Unit::Count,
        Goal::AtMost(0.0),
    );
    let cli = cli_end_to_end(ctx, &sim)?;
    report.add(
        "P9",
        "CLI users unlock --from, 1,000 names, resolving included (once)",
        Summary::of(&[millis(cli)]),
        Unit::Ms,
        Goal::None,
    );
    report.note(
        "P9",
        "simulator limited to 100 API requests/s with Retry-After in whole seconds; the bulk runner \
         sends 8 at a time and, after a 429, pauses for Retry-After and keeps to 95 % of the rate \
         PingOne accepted; the CLI run also resolves each name (a search and a password read: \
         3 requests per user under the same limit)",
    );
    Ok(())
}

/// A client for the simulator, from its `export` lines.
fn client(sim: &Sim) -> anyhow::Result<ApiClient> {
    let get = |name: &str| {
        sim.env
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .with_context(|| format!("no {name}"))
    };
    let url = get("PINGDESK_API_URL")?;
    let environment = get("PINGONE_ENVIRONMENT_ID")?;
    let credentials = Credentials::Client(ClientCredentials {
        environment_id: environment.clone(),
        client_id: get("PINGONE_CLIENT_ID")?,
        client_secret: SecretString::from(get("PINGONE_CLIENT_SECRET")?),
        method: pingdesk::api::ClientAuthMethod::default(),
    });
    let endpoints = Endpoints::from_urls(&url, &url)?;
    ApiClient::new(ClientConfig::new(endpoints, environment, credentials))
}

/// Stages the incident; the (id, username) of each user locked.
fn stage(sim: &Sim) -> anyhow::Result<Vec<(String, String)>> {
    let body = format!("{{\"lock\": {USERS}}}");
    let reply = http::request(
        sim.port,
        "POST",
        "/_sim/incident",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )?
    .ok()?;
    let value = reply.json()?;
    let users: Vec<(String, String)> = value["locked"]
        .as_array()
        .context("no locked users")?
        .iter()
        .map(|u| {
            (
                u["id"].as_str().unwrap_or_default().to_owned(),
                u["username"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    if users.len() != USERS {
        bail!("staged {} users, not {USERS}", users.len());
    }
    Ok(users)
}

/// Runs the bulk unlock of `staged`; each report's time since the start, and how each ended.
async fn unlock(
    client: &ApiClient,
    journal: &Path,
    staged: &[(String, String)],
) -> (Vec<Duration>, Vec<End>) {
    // As the locked-now queue hands them over: verified locked, password locked out.
    let before = Snapshot {
        account: Some("LOCKED".into()),
        password: Some("PASSWORD_LOCKED_OUT".into()),
        ..Snapshot::default()
    };
    let items: Vec<Item> = staged
        .iter()
        .map(|(id, username)| Item {
            subject: Subject {
                id: id.clone(),
                username: username.clone(),
                before: before.clone(),
            },
            op: UserOp::UnlockPassword,
        })
        .collect();
    let journal = Journal::new(
        Settings {
            path: journal.to_owned(),
            syslog: None,
            require_ticket: false,
        },
        Who::here(client.environment_id(), client.actor(), client.session_id()),
    );
    let started = Instant::now();
    let seen = Mutex::new((Vec::new(), Vec::new()));
    let report = |r: bulk::Report| {
        let mut seen = seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.0.push(started.elapsed());
        seen.1.push(r.end);
    };
    let stop = AtomicBool::new(false);
    bulk::run(
        &journal,
        client,
        items,
        Some("P9"),
        bulk::DEFAULT_CONCURRENCY,
        &stop,
        &report,
    )
    .await;
    seen.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Password unlocks recorded since `since` beyond one per user.
async fn duplicate_unlocks(client: &ApiClient, since: jiff::Timestamp) -> anyhow::Result<usize> {
    let until = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(1);
    let filter = Expr::cmp("recordedAt", FilterOp::Gt, &since.to_string())
        .and(Expr::cmp("recordedAt", FilterOp::Lt, &until.to_string()))
        .and(Expr::cmp("action.type", FilterOp::Eq, "PASSWORD.UNLOCKED"));
    let mut page = client.activities(&filter, 1000).await?;
    let mut per_user: HashMap<String, usize> = HashMap::new();
    loop {
        for activity in &page.activities {
            if let Some(user) = activity.user() {
                *per_user.entry(user.id.clone()).or_default() += 1;
            }
        }
        match page.next.take() {
            Some(next) => page = client.next_activities(&next).await?,
            None => break,
        }
    }
    if per_user.len() != USERS {
        bail!(
            "{} users unlocked in PingOne's audit, not {USERS}",
            per_user.len()
        );
    }
    Ok(per_user.values().map(|n| n - 1).sum())
}

/// Staged users without an outcome record in the journal.
fn lost_users(path: &Path, staged: &[(String, String)]) -> anyhow::Result<usize> {
    let records = read_records(path)?;
    let finished: std::collections::HashSet<&str> = records
        .iter()
        .filter(|r| r.phase == Phase::Outcome)
        .map(|r| r.user_id.as_str())
        .collect();
    Ok(staged
        .iter()
        .filter(|(id, _)| !finished.contains(id.as_str()))
        .count())
}

/// `pingdesk users unlock --from FILE --yes` on a fresh incident, timed.
fn cli_end_to_end(ctx: &Ctx, sim: &Sim) -> anyhow::Result<Duration> {
    let staged = stage(sim)?;
    std::thread::sleep(Duration::from_millis(1100));
    let list = ctx.scratch.join("p9-users.txt");
    let names: Vec<&str> = staged.iter().map(|(_, name)| name.as_str()).collect();
    std::fs::write(&list, names.join("\n"))?;
    let mut command = procs::pingdesk(&ctx.bin, &ctx.scratch);
    command
        .args(["users", "unlock", "--from"])
        .arg(&list)
        .args(["--yes", "--ticket", "P9"])
        .env("PINGDESK_JOURNAL", ctx.scratch.join("p9-cli-journal.jsonl"))
        .envs(sim.env.clone());
    procs::timed(&mut command, &format!("Unlocked {USERS} of {USERS}"))
}
