//! Processes the driver runs and watches: a standalone `pingdesk sim` (started, read from its
//! `export` lines, stopped), plain commands timed to exit, and `/proc` readings (CPU ticks,
//! context switches, memory) of a running process.

use std::collections::BTreeMap;
use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};

use crate::http;

/// A running `pingdesk sim`, killed on drop.
pub struct Sim {
    child: Child,
    /// The `export` lines it printed, as (name, value): point pingdesk at it with these.
    pub env: Vec<(String, String)>,
    /// Its port on 127.0.0.1.
    pub port: u16,
    env_id: String,
    basic: String,
}

impl Sim {
    /// Starts `bin sim --port 0 <extra>` and waits (up to `patience`) for its `export` lines.
    pub fn start(
        bin: &Path,
        extra: &[&str],
        scratch: &Path,
        patience: Duration,
    ) -> anyhow::Result<Self> {
        let mut child = pingdesk(bin, scratch)
            .args(["sim", "--port", "0", "--log-file"])
            .arg(scratch.join("sim.log"))
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context("starting pingdesk sim")?;
        let stdout = child.stdout.take().context("the simulator's stdout")?;
        let (lines, seen) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
        let deadline = Instant::now() + patience;
        let mut env = Vec::new();
        while env.len() < 5 {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok(line) = seen.recv_timeout(left) else {
                let _ = child.kill();
                bail!("pingdesk sim printed no export lines within {patience:?}");
            };
            if let Some((name, value)) =
                line.strip_prefix("export ").and_then(|l| l.split_once('='))
            {
                env.push((name.to_owned(), value.trim_matches('\'').to_owned()));
            }
        }
        let get = |name: &str| {
            env.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .with_context(|| format!("no {name} export"))
        };
        let port = get("PINGDESK_API_URL")?
            .rsplit(':')
            .next()
            .and_then(|p| p.trim_end_matches('/').parse().ok())
            .context("the simulator's port")?;
        let env_id = get("PINGONE_ENVIRONMENT_ID")?;
        let credentials = format!(
            "{}:{}",
            get("PINGONE_CLIENT_ID")?,
            get("PINGONE_CLIENT_SECRET")?
        );
        let basic = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, credentials);
        Ok(Self {
            child,
            env,
            port,
            env_id,
            basic,
        })
    }

    /// A fresh access token (client credentials, `client_secret_basic`).
    pub fn token(&self) -> anyhow::Result<String> {
        let auth = format!("Basic {}", self.basic);
        let reply = http::request(
            self.port,
            "POST",
            &format!("/{}/as/token", self.env_id),
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            b"grant_type=client_credentials",
        )?
        .ok()?;
        reply.json()?["access_token"]
            .as_str()
            .map(str::to_owned)
            .context("no access_token")
    }

    /// `GET …/users?filter=<filter>&limit=<limit>` with `token`.
    pub fn list(&self, token: &str, filter: &str, limit: usize) -> anyhow::Result<http::Reply> {
        let path = format!(
            "/v1/environments/{}/users?filter={}&limit={limit}",
            self.env_id,
            http::encode(filter)
        );
        let bearer = format!("Bearer {token}");
        http::request(self.port, "GET", &path, &[("Authorization", &bearer)], b"")?.ok()
    }

    /// The id of the user named `username`.
    pub fn user_id(&self, token: &str, username: &str) -> anyhow::Result<String> {
        let filter = format!("username eq {}", serde_json::Value::from(username));
        self.list(token, &filter, 1)?.json()?["_embedded"]["users"][0]["id"]
            .as_str()
            .map(str::to_owned)
            .with_context(|| format!("no user {username}"))
    }

    /// Locks user `id` (an admin lock, no `unlockAt`).
    pub fn lock(&self, token: &str, id: &str) -> anyhow::Result<()> {
        let bearer = format!("Bearer {token}");
        let path = format!("/v1/environments/{}/users/{id}", self.env_id);
        let media = (
            "Content-Type",
            "application/vnd.pingidentity.account.lock+json",
        );
        http::request(
            self.port,
            "POST",
            &path,
            &[("Authorization", &bearer), media],
            b"",
        )?
        .ok()?;
        Ok(())
    }

    /// Requests served so far, per route (`token`, `list_users`, `get_user`, `user_action`…).
    pub fn stats(&self) -> anyhow::Result<BTreeMap<String, u64>> {
        let reply = http::request(self.port, "GET", "/_sim/stats", &[], b"")?.ok()?;
        let value = reply.json()?;
        let requests = value["requests"]
            .as_object()
            .context("no requests in stats")?;
        Ok(requests
            .iter()
            .map(|(route, n)| (route.clone(), n.as_u64().unwrap_or(0)))
            .collect())
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Variables to remove from a pingdesk run: the person's own connection settings.
pub fn scrubbed() -> Vec<String> {
    std::env::vars_os()
        .map(|(name, _)| name.to_string_lossy().into_owned())
        .filter(|name| name.starts_with("PINGONE_") || name.starts_with("PINGDESK_"))
        .collect()
}

/// Variables that keep a pingdesk run's config, state and log inside `scratch`.
pub fn scratch_env(scratch: &Path) -> Vec<(String, String)> {
    let dir = scratch.display().to_string();
    vec![
        ("XDG_CONFIG_HOME".to_owned(), dir.clone()),
        ("XDG_STATE_HOME".to_owned(), dir.clone()),
        (
            "PINGDESK_LOG_FILE".to_owned(),
            format!("{dir}/pingdesk.log"),
        ),
    ]
}

/// A command for `bin` with the person's pingdesk settings removed and [`scratch_env`] set.
pub fn pingdesk(bin: &Path, scratch: &Path) -> Command {
    let mut command = Command::new(bin);
    for name in scrubbed() {
        command.env_remove(name);
    }
    command.envs(scratch_env(scratch));
    command
}

/// Runs `command` to completion and returns its wall time; fails unless it exits 0 and its
/// output (stdout and stderr) contains `expect`.
pub fn timed(command: &mut Command, expect: &str) -> anyhow::Result<Duration> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let output = command.output().context("running a contender")?;
    let took = started.elapsed();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if !output.status.success() || !text.contains(expect) {
        bail!("{command:?} failed ({}): {}", output.status, text.trim());
    }
    Ok(took)
}

/// CPU and scheduling counters of one process, summed over its threads.
#[derive(Debug, Clone, Default)]
pub struct Usage {
    /// utime + stime of the process (clock ticks), exited threads included.
    pub ticks: u64,
    /// Voluntary + involuntary context switches, summed over the live threads.
    pub switches: u64,
    /// Voluntary context switches alone (the thread slept and was woken).
    pub voluntary: u64,
    /// Per thread name: (ticks, voluntary, involuntary switches).
    pub by_thread: BTreeMap<String, (u64, u64, u64)>,
}

impl Usage {
    /// What happened between `self` (earlier) and `later`.
    pub fn until(&self, later: &Usage) -> Usage {
        let by_thread = later
            .by_thread
            .iter()
            .map(|(name, &(t, v, i))| {
                let (t0, v0, i0) = self.by_thread.get(name).copied().unwrap_or_default();
                let d = (
                    t.saturating_sub(t0),
                    v.saturating_sub(v0),
                    i.saturating_sub(i0),
                );
                (name.clone(), d)
            })
            .filter(|(_, d)| *d != (0, 0, 0))
            .collect();
        Usage {
            ticks: later.ticks.saturating_sub(self.ticks),
            switches: later.switches.saturating_sub(self.switches),
            voluntary: later.voluntary.saturating_sub(self.voluntary),
            by_thread,
        }
    }
}

/// Reads `/proc/PID/stat` and every `/proc/PID/task/*/{stat,status}`.
pub fn usage(pid: u32) -> anyhow::Result<Usage> {
    let (_, ticks) = stat_ticks(&format!("/proc/{pid}/stat"))?;
    let mut usage = Usage {
        ticks,
        ..Usage::default()
    };
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))?.flatten() {
        let dir = task.path();
        let Ok((name, ticks)) = stat_ticks(&dir.join("stat").display().to_string()) else {
            continue; // the thread ended while we looked
        };
        let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
        let count = |field: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|rest| rest.trim().parse::<u64>().ok())
                .unwrap_or(0)
        };
        let (voluntary, involuntary) = (
            count("voluntary_ctxt_switches:"),
            count("nonvoluntary_ctxt_switches:"),
        );
        usage.switches += voluntary + involuntary;
        usage.voluntary += voluntary;
        let entry = usage.by_thread.entry(name).or_default();
        entry.0 += ticks;
        entry.1 += voluntary;
        entry.2 += involuntary;
    }
    Ok(usage)
}

/// (comm, utime + stime) from a `stat` file.
fn stat_ticks(path: &str) -> anyhow::Result<(String, u64)> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let open = text.find('(').context("no comm")?;
    let close = text.rfind(')').context("no comm")?;
    let fields: Vec<&str> = text[close + 1..].split_whitespace().collect();
    // After the comm: state is field 3, utime 14 and stime 15 (man 5 proc), so indexes 11, 12.
    let num = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Ok((text[open + 1..close].to_owned(), num(11) + num(12)))
}

/// (`VmRSS`, `VmHWM`) of a process, in KiB.
pub fn memory_kib(pid: u32) -> anyhow::Result<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .with_context(|| format!("no {name} in /proc/{pid}/status"))
    };
    Ok((field("VmRSS:")?, field("VmHWM:")?))
}
