//! P1: one-shot unlock by username against a standalone simulator (token + find + unlock):
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
    let contenders: [Contender; 3] = [
        (
            "pingdesk users unlock",
            Box::new(|| {
                let mut c = procs::pingdesk(&ctx.bin, &ctx.scratch);
                c.args(["users", "unlock", USER, "--yes"])
                    .envs(sim.env.clone());
                c
            }),
        ),
        (
            "python3 requests script",
            Box::new(|| {
                let mut c = Command::new("python3");
                c.arg(ctx.peers.join("unlock.py"))
                    .arg(USER)
                    .envs(sim.env.clone());
                c
            }),
        ),
        (
            "curl chain (sh + curl + jq)",
            Box::new(|| {
                let mut c = Command::new("sh");
                c.arg(ctx.peers.join("unlock.sh"))
                    .arg(USER)
                    .envs(sim.env.clone());
                c
            }),
        ),
    ];
    let mut times: [Vec<f64>; 3] = Default::default();
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
    }
    for ((name, _), values) in contenders.iter().zip(&times) {
        report.add("P1", name, Summary::of(values), Unit::Ms, Goal::None);
    }
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
            "each contender makes 3 requests (token, find, unlock) on fresh connections; simulator \
             counters after all runs: {stats:?} (the driver's own token, lookup and re-locks included)"
        ),
    );
    Ok(())
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
