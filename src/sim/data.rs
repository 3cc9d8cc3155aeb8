//! Where the simulator's users come from: the bundled demo directory (or a file in the same
//! format), plus a deterministic generator for scale tests.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Span, Timestamp};
use serde::Deserialize;
use serde_json::Value;

use super::groups::GroupEntry;
use super::mfa::{DeviceEntry, SessionEntry};
use super::passwords::PasswordEntry;
use super::store::Environment;
use crate::pingone::user::{
    Account, AccountStatus, IdRef, IdentityProvider, Lifecycle, LifecycleStatus, Name,
};
use crate::pingone::{Population, User};

/// The bundled demo directory, `assets/demo/users.json`.
pub const DEMO_DIRECTORY: &str = include_str!("../../assets/demo/users.json");

/// A directory file: an environment, its populations and its users in PingOne's wire shape.
/// Any date-time may be written relative to load time: `now-2h`, `now+5m` (units s, m, h, d).
#[derive(Debug, Deserialize)]
pub struct DirectoryFile {
    /// The environment.
    pub environment: Environment,
    /// Its populations.
    pub populations: Vec<Population>,
    /// Its users.
    pub users: Vec<User>,
    /// Passwords that are not simply OK (by username).
    #[serde(default)]
    pub passwords: Vec<PasswordEntry>,
    /// Groups, MFA devices and sessions.
    #[serde(flatten)]
    pub extras: Extras,
}

/// What a directory file lists besides users and passwords.
#[derive(Debug, Default, Deserialize)]
pub struct Extras {
    /// Groups, with their members by username and the groups they are nested in.
    #[serde(default)]
    pub groups: Vec<GroupEntry>,
    /// MFA devices, by username.
    #[serde(default)]
    pub devices: Vec<DeviceEntry>,
    /// Sessions, by username.
    #[serde(default)]
    pub sessions: Vec<SessionEntry>,
}

/// Why a directory file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// Not JSON, or not the directory shape.
    #[error("the directory file is not valid: {0}")]
    Invalid(#[from] serde_json::Error),
    /// A relative time that does not parse.
    #[error("bad relative time {0:?}: write now-2h, now+5m, now-30s or now-400d")]
    BadRelativeTime(String),
}

/// Parses a directory file, resolving relative times against `now`.
pub fn parse_directory(text: &str, now: Timestamp) -> Result<DirectoryFile, DataError> {
    let mut value: Value = serde_json::from_str(text)?;
    resolve_relative_times(&mut value, now)?;
    Ok(serde_json::from_value(value)?)
}

/// Replaces every `now±N[smhd]` string with an RFC 3339 time.
fn resolve_relative_times(value: &mut Value, now: Timestamp) -> Result<(), DataError> {
    match value {
        Value::String(text) if text.starts_with("now") => {
            *text = relative_time(text, now)?.to_string();
        }
        Value::Array(items) => items
            .iter_mut()
            .try_for_each(|v| resolve_relative_times(v, now))?,
        Value::Object(map) => map
            .values_mut()
            .try_for_each(|v| resolve_relative_times(v, now))?,
        _ => {}
    }
    Ok(())
}

/// `now±DURATION` resolved against `now`, the duration in jiff's friendly format (`2h`, `5m`,
/// `400d`, `1h30m`); days are 24 hours, as on a UTC clock.
fn relative_time(text: &str, now: Timestamp) -> Result<Timestamp, DataError> {
    let bad = || DataError::BadRelativeTime(text.to_owned());
    let offset = text.strip_prefix("now").ok_or_else(bad)?;
    if !offset.starts_with(['+', '-']) {
        return Err(bad());
    }
    let span: Span = offset.parse().map_err(|_| bad())?;
    now.to_zoned_datetime(TimeZone::UTC)
        .checked_add(span)
        .map(|zoned| zoned.timestamp())
        .map_err(|_| bad())
}

const GIVEN: [&str; 40] = [
    "James", "Mary", "Wei", "Aisha", "Lucas", "Sofia", "Hiroshi", "Priya", "Olga", "Mateo", "Emma",
    "Noah", "Fatima", "Liam", "Chloe", "Arjun", "Yuki", "Carlos", "Ingrid", "Kwame", "Leila",
    "Ethan", "Mia", "Omar", "Zara", "Jonas", "Elena", "Ravi", "Sara", "Tomas", "Nina", "Diego",
    "Hana", "Ivan", "Amara", "Felix", "Lena", "Marco", "Nadia", "Oscar",
];
const FAMILY: [&str; 40] = [
    "Smith", "Johnson", "Chen", "Khan", "Silva", "Rossi", "Tanaka", "Patel", "Ivanova", "Garcia",
    "Brown", "Wilson", "Haddad", "Murphy", "Martin", "Sharma", "Sato", "Lopez", "Larsen", "Mensah",
    "Nasser", "Taylor", "Moore", "Farouk", "Ali", "Weber", "Popescu", "Iyer", "Cohen", "Novak",
    "Berg", "Ramos", "Kim", "Petrov", "Okafor", "Schmidt", "Fischer", "Bianchi", "Rahman",
    "Nilsen",
];

/// SplitMix64: a tiny, well-known deterministic mixer, so user `n` is the same on every run.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `count` generated users, deterministic for a given `seed`, spread over `populations`.
pub fn generate_users(
    count: usize,
    seed: u64,
    populations: &[Population],
    now: Timestamp,
) -> Vec<User> {
    (0..count)
        .map(|n| generated_user(n as u64, seed, populations, now))
        .collect()
}

fn generated_user(n: u64, seed: u64, populations: &[Population], now: Timestamp) -> User {
    let r = mix(seed ^ mix(n));
    let pick = |shift: u32, len: usize| usize::try_from((r >> shift) % len as u64).unwrap_or(0);
    let given = GIVEN[pick(0, GIVEN.len())];
    let family = FAMILY[pick(8, FAMILY.len())];
    let username = format!("{}.{}{n}", given.to_lowercase(), family.to_lowercase());
    let id =
        uuid::Builder::from_random_bytes((u128::from(mix(r)) << 64 | u128::from(r)).to_le_bytes())
            .into_uuid();
    let roll = (r >> 16) % 100;
    let ago = |seconds: u64| now - SignedDuration::from_secs(i64::try_from(seconds).unwrap_or(0));
    let account = match roll {
        0..=1 => Account {
            status: Some(AccountStatus::Locked),
            locked_at: Some(ago(r % 86_400)),
            ..Account::default()
        },
        2 => Account {
            status: Some(AccountStatus::Locked),
            ..Account::default()
        },
        _ => Account {
            status: Some(AccountStatus::Ok),
            ..Account::default()
        },
    };
    let lifecycle = if roll == 3 {
        LifecycleStatus::VerificationRequired
    } else {
        LifecycleStatus::AccountOk
    };
    User {
        id: id.to_string(),
        email: Some(format!("{username}@example.com")),
        username,
        email_verified: Some(roll != 3),
        name: Some(Name {
            given: Some(given.into()),
            family: Some(family.into()),
            formatted: Some(format!("{given} {family}")),
            ..Name::default()
        }),
        enabled: Some(roll != 4),
        account: Some(account),
        lifecycle: Some(Lifecycle {
            status: Some(lifecycle),
        }),
        mfa_enabled: Some(r >> 40 & 1 == 1),
        identity_provider: Some(IdentityProvider {
            kind: Some("PING_ONE".into()),
            id: None,
        }),
        population: populations
            .get(pick(24, populations.len().max(1)))
            .map(|p| IdRef { id: p.id.clone() }),
        created_at: Some(ago(86_400 * 30 + (r >> 32) % (86_400 * 700))),
        updated_at: Some(ago((r >> 20) % (86_400 * 30))),
        ..User::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_directory_loads_with_fresh_times() {
        let now = Timestamp::now();
        let file = parse_directory(DEMO_DIRECTORY, now).expect("demo directory parses");
        assert!(file.users.len() >= 40, "{} users", file.users.len());
        let bob = file
            .users
            .iter()
            .find(|u| u.username == "bob.autounlock")
            .expect("bob");
        let unlock_at = bob
            .account
            .as_ref()
            .and_then(|a| a.unlock_at)
            .expect("unlockAt");
        assert!(unlock_at > now, "bob's lock ends in the future");
    }

    #[test]
    fn relative_times_and_their_errors() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().expect("time");
        assert_eq!(
            relative_time("now-2h", now).expect("ok").to_string(),
            "2025-12-31T22:00:00Z"
        );
        assert_eq!(
            relative_time("now+90s", now).expect("ok").to_string(),
            "2026-01-01T00:01:30Z"
        );
        assert_eq!(
            relative_time("now-400d", now).expect("ok").to_string(),
            "2024-11-27T00:00:00Z"
        );
        assert_eq!(
            relative_time("now+1h30m", now).expect("ok").to_string(),
            "2026-01-01T01:30:00Z"
        );
        for bad in ["now", "now5m", "now+", "now+5x", "nowish", "now+ever"] {
            assert!(relative_time(bad, now).is_err(), "{bad}");
        }
    }

    #[test]
    fn generation_is_deterministic() {
        let now = Timestamp::now();
        let a = generate_users(50, 7, &[], now);
        let b = generate_users(50, 7, &[], now);
        assert_eq!(a, b);
        assert_ne!(a[0].id, a[1].id);
    }
}
