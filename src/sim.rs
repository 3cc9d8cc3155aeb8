//! The embedded PingOne simulator: an axum server on loopback that speaks PingOne's wire format
//! (paths, media types, filter grammar, paging, error bodies, status codes) over an in-memory
//! directory. The demo, `pingdesk sim` and every test use it.

// Handler helpers return `Err(Response)`, which is large by nature and never on a hot path.
#![allow(clippy::result_large_err)]

mod actions;
mod activities;
mod audit;
mod control;
pub mod data;
mod directory_api;
mod edges;
pub mod faults;
mod flags;
mod groups;
mod incident;
mod index;
pub mod matching;
mod media;
mod mfa;
mod mfa_api;
mod mutations;
mod paging;
mod passwords;
pub mod ratelimit;
mod responses;
mod roles;
mod routes;
pub mod store;
mod tokens;
mod validate;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use anyhow::Context as _;
use secrecy::SecretString;
use serde::Serialize;
use tokio::sync::oneshot;
use url::Url;

pub use audit::AuditEvent;
pub use faults::{FaultKind, FaultRule, Faults, Route};
use store::Directory;

/// How to start a simulator.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Address to listen on; port 0 picks a free port. Loopback only.
    pub addr: SocketAddr,
    /// Environment id; the directory file's when `None`.
    pub environment_id: Option<String>,
    /// The worker app's client id.
    pub client_id: String,
    /// The worker app's client secret.
    pub client_secret: SecretString,
    /// Generated users to add, for scale.
    pub generated_users: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// A directory file's text; the bundled demo directory when `None`.
    pub directory: Option<String>,
    /// Lifetime of issued tokens.
    pub token_lifetime: Duration,
    /// API requests per second before `429` (`--rate-limit N/s`); unlimited when `None`.
    pub rate_limit: Option<u32>,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            environment_id: None,
            client_id: "pingdesk-demo-worker".to_owned(),
            client_secret: SecretString::from("demo-secret-not-for-production"),
            generated_users: 0,
            seed: 1,
            directory: None,
            token_lifetime: Duration::from_secs(crate::pingone::TOKEN_LIFETIME_SECS),
            rate_limit: None,
        }
    }
}

/// Requests served, per route.
#[derive(Debug, Default)]
pub struct Stats {
    counts: [AtomicU64; Route::ALL.len()],
}

impl Stats {
    /// Counts one request.
    fn count(&self, route: Route) {
        self.counts[route_slot(route)].fetch_add(1, Ordering::Relaxed);
    }

    /// Requests served on `route` so far.
    pub fn get(&self, route: Route) -> u64 {
        self.counts[route_slot(route)].load(Ordering::Relaxed)
    }

    /// Every counter, keyed by route.
    pub fn snapshot(&self) -> HashMap<Route, u64> {
        Route::ALL
            .into_iter()
            .map(|route| (route, self.get(route)))
            .collect()
    }
}

fn route_slot(route: Route) -> usize {
    Route::ALL
        .iter()
        .position(|r| *r == route)
        .unwrap_or(Route::ALL.len() - 1)
}

/// Shared state of a running simulator.
pub(crate) struct SimState {
    config: SimConfig,
    base_url: Url,
    directory: RwLock<Directory>,
    tokens: tokens::TokenStore,
    faults: Mutex<Faults>,
    stats: Stats,
    audit: audit::AuditLog,
    rate_limit: Option<Mutex<ratelimit::Bucket>>,
}

impl SimState {
    /// `{base}v1/environments/{env}`: where the links of environment `env` start.
    fn environment_url(&self, env: &str) -> String {
        format!("{}v1/environments/{env}", self.base_url)
    }
}

/// A running simulator. Dropping it shuts the server down.
pub struct SimHandle {
    /// Base URL of both the API (`/v1/…`) and the auth service (`/{env}/as/token`).
    pub base_url: Url,
    /// The environment id it serves.
    pub environment_id: String,
    /// The environment's display name.
    pub environment_name: String,
    /// The worker client id it accepts.
    pub client_id: String,
    /// The worker client secret it accepts.
    pub client_secret: SecretString,
    state: Arc<SimState>,
    shutdown: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl SimHandle {
    /// Request counters.
    pub fn stats(&self) -> &Stats {
        &self.state.stats
    }

    /// The audit events requests and controls caused so far (`USER.UNLOCKED`, `USER.LOCKED`,
    /// `USER.CREATED`…), oldest first; the history seeded at start is served by the activities
    /// route only.
    pub fn audit(&self) -> Vec<AuditEvent> {
        self.state.audit.events()
    }

    /// Adds one fault rule.
    pub fn add_fault(&self, rule: FaultRule) {
        lock(&self.state.faults).rules.push(rule);
    }

    /// How many users the directory holds.
    pub fn user_count(&self) -> usize {
        read(&self.state.directory).len()
    }

    /// Stops the server and waits for it.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.shutdown.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.task).await;
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.shutdown.take() {
            let _ = stop.send(());
        }
    }
}

/// Loads the directory, binds the port and serves in the background.
pub async fn spawn(config: SimConfig) -> anyhow::Result<SimHandle> {
    anyhow::ensure!(
        config.addr.ip().is_loopback(),
        "the simulator only listens on loopback addresses"
    );
    let now = jiff::Timestamp::now();
    let text = config.directory.as_deref().unwrap_or(data::DEMO_DIRECTORY);
    let file = data::parse_directory(text, now).context("reading the simulator's directory")?;
    let mut environment = file.environment;
    if let Some(id) = &config.environment_id {
        environment.id.clone_from(id);
    }
    let mut users = file.users;
    users.extend(data::generate_users(
        config.generated_users,
        config.seed,
        &file.populations,
        now,
    ));
    let mut directory = Directory::new(environment.clone(), file.populations, users);
    directory
        .set_passwords(&file.passwords)
        .and_then(|()| directory.set_extras(file.extras))
        .context("reading the simulator's directory")?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("binding the simulator to {}", config.addr))?;
    let addr = listener
        .local_addr()
        .context("reading the simulator's address")?;
    let base_url = Url::parse(&format!("http://{addr}/")).context("building the simulator URL")?;
    let state = Arc::new(SimState {
        tokens: tokens::TokenStore::new(config.token_lifetime),
        config: config.clone(),
        base_url: base_url.clone(),
        directory: RwLock::new(directory),
        faults: Mutex::new(Faults::default()),
        stats: Stats::default(),
        audit: audit::AuditLog::new(&config.client_id),
        rate_limit: config
            .rate_limit
            .map(|n| Mutex::new(ratelimit::Bucket::new(n))),
    });
    activities::seed(&state.audit, &read(&state.directory), now);
    let app = routes::router(Arc::clone(&state));
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(edges::serve(listener, app, stopped));
    tracing::info!(%base_url, environment = %environment.id, "simulator listening");
    Ok(SimHandle {
        base_url,
        environment_id: environment.id,
        environment_name: environment.name,
        client_id: config.client_id,
        client_secret: config.client_secret,
        state,
        shutdown: Some(stop),
        task,
    })
}

/// Locks a mutex, recovering the data if a panicking handler poisoned it.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Read-locks the directory, recovering from poisoning.
fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Write-locks the directory, recovering from poisoning.
fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What `GET /_sim/stats` answers.
#[derive(Serialize)]
struct StatsBody {
    requests: HashMap<Route, u64>,
    users: usize,
}
