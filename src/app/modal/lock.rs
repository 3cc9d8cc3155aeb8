//! The lock dialog's first step: how long the lock lasts (a few fixed spans, a typed time, or
//! until an admin unlocks it), and the time the choice means.

use jiff::{SignedDuration, Timestamp};

use crate::desk::UserOp;

/// The lock duration being chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockPicker {
    /// Index into [`LOCK_CHOICES`].
    pub choice: usize,
    /// The time typed for "until a time".
    pub until: String,
}

impl LockPicker {
    /// Whether the choice highlighted is "until a time", whose time is typed.
    pub fn types_a_time(&self) -> bool {
        LOCK_CHOICES[self.choice].0 == LockChoice::Typed
    }
}

/// How long a lock lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockChoice {
    /// This many minutes from now.
    Minutes(i64),
    /// Until a typed time (RFC 3339, or `+2h`).
    Typed,
    /// Until an admin unlocks it.
    Admin,
}

/// The lock dialog's choices, in order.
pub const LOCK_CHOICES: [(LockChoice, &str); 5] = [
    (LockChoice::Minutes(15), "15 minutes"),
    (LockChoice::Minutes(60), "1 hour"),
    (LockChoice::Minutes(480), "8 hours"),
    (LockChoice::Typed, "until a time (RFC 3339, or +2h, +30m)"),
    (LockChoice::Admin, "until an admin unlocks it"),
];

/// The question once the lock's end is chosen.
pub(super) fn lock_question(
    username: &str,
    unlock_at: Option<Timestamp>,
    now: Timestamp,
) -> String {
    let user = crate::pingone::User {
        username: username.to_owned(),
        ..crate::pingone::User::default()
    };
    UserOp::LockAccount { unlock_at }.question(&crate::desk::Known::record(&user, now))
}

/// The time the picker's choice means, or what is wrong with the typed time.
pub(super) fn lock_until(picker: &LockPicker, now: Timestamp) -> Result<Option<Timestamp>, String> {
    let minutes = |m: i64| {
        now.checked_add(SignedDuration::from_mins(m))
            .map_err(|e| e.to_string())
    };
    match LOCK_CHOICES.get(picker.choice).map(|(choice, _)| *choice) {
        Some(LockChoice::Minutes(m)) => minutes(m).map(Some),
        Some(LockChoice::Admin) | None => Ok(None),
        Some(LockChoice::Typed) => crate::desk::ops::lock_until(&picker.until, now).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_times_parse_and_refuse_the_past() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().expect("a time");
        let pick = |choice, until: &str| {
            lock_until(
                &LockPicker {
                    choice,
                    until: until.into(),
                },
                now,
            )
        };
        assert_eq!(
            pick(0, ""),
            Ok(Some("2026-01-01T00:15:00Z".parse().expect("a time")))
        );
        assert_eq!(pick(4, ""), Ok(None));
        assert_eq!(
            pick(3, "+2h"),
            Ok(Some("2026-01-01T02:00:00Z".parse().expect("a time")))
        );
        assert!(pick(3, "2025-01-01T00:00:00Z").is_err());
    }
}
