//! P1: one-shot unlock by username against a standalone simulator (token + find + unlock), the
//! token endpoint on a second listener (`forward`) as PingOne's auth host is apart from its API:
//! `pingdesk users unlock NAME --yes` beside a Python `requests` script and a `curl` chain
//! (`benches/peers/`). The user is locked again before every run, outside the timing; the order
//! of the three contenders rotates each round, and ratios are taken per round.

use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context as _, bail};

use crate::procs::{self, Sim};
use crate::report::{Goal, Report, Summary, Unit};
use crate::{Ctx, millis};

/// The user every contender unlocks.
const USER: &str = "alice.locked";

/// A contender: its name and how to make its command.
type Contender<'a> = (&'static str, Box<dyn Fn() -> Command + 'a>);

/// Measures P1.
pub fn one_shot(report: &mut Report, ctx: &Ctx) -> anyhow::Result<()> {
    ensure_peers()?;
    let sim = Sim::start(&ctx.bin, &[], &ctx.scratch, Duration::from_secs(60))?;
    let token = sim.token()?;
    let id = sim.user_id(&token, USER)?;
    let auth_port = crate::forward::to(sim.port)?;
    let env = with_auth_port(&sim.env, auth_port);
    let contenders: [Contender; 3] = [
        (
            "pingdesk users unlock",
            Box::new(|| {
                let mut c = procs::pingdesk(&ctx.bin, &ctx.scratch);
                c.args(["users", "unlock", USER, "--yes"]).envs(env.clone());
                c
            }),
        ),
        (
            "python3 requests script",
            Box::new(|| {
                let mut c = Command::new("python3");
                c.arg(ctx.peers.join("unlock.py"))
                    .arg(USER)
                    .envs(env.clone());
                c
            }),
        ),
        (
            "curl chain (sh + curl + jq)",
            Box::new(|| {
                let mut c = Command::new("sh");
                c.arg(ctx.peers.join("unlock.sh"))
                    .arg(USER)
                    .envs(env.clone());
                c
            }),
        ),
    ];
    let mut times: [Vec<f64>; 3] = Default::default();
    let mut python_start = Vec::new();
    // Round 0 warms the page cache (Python's imports, the binary) and is not counted.
    for round in 0..=ctx.runs {
        for k in 0..3 {
            let which = (round + k) % 3;
            sim.lock(&token, &id)?;
            let (_, make) = &contenders[which];
            let took = procs::timed(&mut make(), "Unlocked")?;
            if round > 0 {
                times[which].push(millis(took));
            }
        }
        let mut import = Command::new("python3");
        import.args(["-c", "import requests; print('imported')"]);
        let took = procs::timed(&mut import, "imported")?;
        if round > 0 {
            python_start.push(millis(took));
        }
    }
    for ((name, _), values) in contenders.iter().zip(&times) {
        report.add("P1", name, Summary::of(values), Unit::Ms, Goal::None);
    }
    report.add(
        "P1",
        "  of which python3 start-up + import requests",
        Summary::of(&python_start),
        Unit::Ms,
        Goal::None,
    );
    let ratio = |peer: usize| -> Vec<f64> {
        times[peer]
            .iter()
            .zip(&times[0])
            .map(|(p, us)| p / us)
            .collect()
    };
    report.add(
        "P1",
        "ratio python / pingdesk (per round)",
        Summary::of(&ratio(1)),
        Unit::Times,
        Goal::AtLeast(5.0),
    );
    report.add(
        "P1",
        "ratio curl chain / pingdesk (per round)",
        Summary::of(&ratio(2)),
        Unit::Times,
        Goal::AtLeast(1.5),
    );
    let stats = sim.stats()?;
    report.note(
        "P1",
        &format!(
            "each contender makes 3 requests (token, find, unlock), the token on a second \
             listener (127.0.0.1:{auth_port}, forwarded to the simulator) as PingOne's auth host \
             is apart from its API: two connections per run; simulator counters after all runs: \
             {stats:?} (the driver's own token, lookup and re-locks included)"
        ),
    );
    Ok(())
}

/// `env` with the token URL pointed at `127.0.0.1:port`.
fn with_auth_port(env: &[(String, String)], port: u16) -> Vec<(String, String)> {
    env.iter()
        .map(|(name, value)| match name.as_str() {
            "PINGDESK_AUTH_URL" => (name.clone(), format!("http://127.0.0.1:{port}")),
            _ => (name.clone(), value.clone()),
        })
        .collect()
}

/// Makes sure python3 with `requests`, curl and jq are there; installs what is missing.
fn ensure_peers() -> anyhow::Result<()> {
    let works = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !works("python3", &["-c", "import requests"]) {
        eprintln!("P1: installing the Python requests package (pip install --quiet requests)");
        let status = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "requests"])
            .status()
            .context("running pip")?;
        if !status.success() || !works("python3", &["-c", "import requests"]) {
            bail!("could not install the Python requests package");
        }
    }
    let missing: Vec<&str> = ["curl", "jq"]
        .into_iter()
        .filter(|tool| !works(tool, &["--version"]))
        .collect();
    if !missing.is_empty() {
        eprintln!("P1: installing {} with apt-get", missing.join(" "));
        let status = Command::new("apt-get")
            .args(["install", "-y", "-q"])
            .args(&missing)
            .status()
            .context("running apt-get")?;
        if !status.success() {
            bail!("could not install {}", missing.join(" "));
        }
    }
    Ok(())
}
