//! What is read about a user besides the record, each part on its own: the password state, the
//! MFA devices, the sessions and the group names. Each section keeps its own value or error,
//! when it arrived and whether a read is under way; each kind of read has its own request slot.

use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};

use super::inflight::InFlight;
use crate::pingone::{Device, PasswordState, Session};

/// How long what was read about a user stays fresh: a re-open within it sends nothing.
pub const FRESH_FOR: Duration = Duration::from_secs(30);

/// A part of a user read besides the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// `GET …/users/{id}/password`.
    Password,
    /// `GET …/users/{id}/devices`.
    Devices,
    /// `GET …/users/{id}/sessions`.
    Sessions,
    /// `GET …/users/{id}?include=memberOfGroupNames`.
    Groups,
}

impl SectionKind {
    /// Every kind, in the order the reads are sent.
    pub const ALL: [SectionKind; 4] = [Self::Password, Self::Devices, Self::Sessions, Self::Groups];

    /// Its slot in per-kind arrays.
    fn index(self) -> usize {
        self as usize
    }
}

/// What one read returned.
#[derive(Debug, Clone, PartialEq)]
pub enum SectionValue {
    /// The password state.
    Password(PasswordState),
    /// The MFA devices.
    Devices(Vec<Device>),
    /// The sessions, newest first.
    Sessions(Vec<Session>),
    /// The group names.
    Groups(Vec<String>),
}

impl SectionValue {
    /// Which section it fills.
    pub fn kind(&self) -> SectionKind {
        match self {
            Self::Password(_) => SectionKind::Password,
            Self::Devices(_) => SectionKind::Devices,
            Self::Sessions(_) => SectionKind::Sessions,
            Self::Groups(_) => SectionKind::Groups,
        }
    }
}

/// One thing read about a user besides the record: its value or error, when it was read, and
/// whether a read is under way.
#[derive(Debug, Clone, PartialEq)]
pub struct Section<T> {
    /// The last answer: the value, or the error in words.
    pub value: Option<Result<T, String>>,
    /// When the last answer arrived (the loop's clock).
    pub at: Option<Instant>,
    /// When the last answer arrived (the wall clock, for times PingOne sends as dates).
    pub read_at: Option<Timestamp>,
    /// Whether a read is in flight.
    pub loading: bool,
}

impl<T> Default for Section<T> {
    fn default() -> Self {
        Self {
            value: None,
            at: None,
            read_at: None,
            loading: false,
        }
    }
}

impl<T> Section<T> {
    /// The value, when the last read succeeded.
    pub fn ok(&self) -> Option<&T> {
        self.value.as_ref().and_then(|v| v.as_ref().ok())
    }

    /// The error, when the last read failed.
    pub fn error(&self) -> Option<&str> {
        self.value
            .as_ref()
            .and_then(|v| v.as_ref().err())
            .map(String::as_str)
    }

    /// Whether it was read successfully less than [`FRESH_FOR`] before `now`.
    pub fn is_fresh(&self, now: Instant) -> bool {
        self.ok().is_some()
            && self
                .at
                .is_some_and(|at| now.saturating_duration_since(at) < FRESH_FOR)
    }

    /// Seconds since the answer arrived, by the loop's clock.
    pub fn age(&self, now: Instant) -> Option<u64> {
        Some(now.saturating_duration_since(self.at?).as_secs())
    }

    /// The wall-clock time at `now`, counted from the answer's arrival (so dates PingOne sent
    /// are compared without reading the clock while drawing).
    pub fn wall_now(&self, now: Instant) -> Option<Timestamp> {
        let elapsed = now.saturating_duration_since(self.at?);
        let elapsed = SignedDuration::try_from(elapsed).ok()?;
        self.read_at?.checked_add(elapsed).ok()
    }

    /// Keeps an answer that arrived at `now` (`read_at` on the wall clock).
    pub fn settle(&mut self, value: Result<T, String>, now: Instant, read_at: Timestamp) {
        self.loading = false;
        self.at = Some(now);
        self.read_at = Some(read_at);
        self.value = Some(value);
    }
}

/// What was read about one user besides the record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    /// The password state.
    pub password: Section<PasswordState>,
    /// The MFA devices.
    pub devices: Section<Vec<Device>>,
    /// The sessions, newest first.
    pub sessions: Section<Vec<Session>>,
    /// The names of the groups the user is a member of.
    pub groups: Section<Vec<String>>,
}

impl Extras {
    /// Whether section `kind` is being read.
    pub fn is_loading(&self, kind: SectionKind) -> bool {
        match kind {
            SectionKind::Password => self.password.loading,
            SectionKind::Devices => self.devices.loading,
            SectionKind::Sessions => self.sessions.loading,
            SectionKind::Groups => self.groups.loading,
        }
    }

    /// Marks section `kind` as being read, or not.
    pub fn set_loading(&mut self, kind: SectionKind, loading: bool) {
        match kind {
            SectionKind::Password => self.password.loading = loading,
            SectionKind::Devices => self.devices.loading = loading,
            SectionKind::Sessions => self.sessions.loading = loading,
            SectionKind::Groups => self.groups.loading = loading,
        }
    }

    /// Whether section `kind` was read successfully less than [`FRESH_FOR`] before `now`.
    pub fn is_fresh(&self, kind: SectionKind, now: Instant) -> bool {
        match kind {
            SectionKind::Password => self.password.is_fresh(now),
            SectionKind::Devices => self.devices.is_fresh(now),
            SectionKind::Sessions => self.sessions.is_fresh(now),
            SectionKind::Groups => self.groups.is_fresh(now),
        }
    }

    /// Keeps the answer to a read of `kind` (a value or the error in words).
    pub fn settle(
        &mut self,
        kind: SectionKind,
        result: Result<SectionValue, String>,
        now: Instant,
        read_at: Timestamp,
    ) {
        match result {
            Ok(SectionValue::Password(v)) => self.password.settle(Ok(v), now, read_at),
            Ok(SectionValue::Devices(v)) => self.devices.settle(Ok(v), now, read_at),
            Ok(SectionValue::Sessions(v)) => self.sessions.settle(Ok(v), now, read_at),
            Ok(SectionValue::Groups(v)) => self.groups.settle(Ok(v), now, read_at),
            Err(e) => match kind {
                SectionKind::Password => self.password.settle(Err(e), now, read_at),
                SectionKind::Devices => self.devices.settle(Err(e), now, read_at),
                SectionKind::Sessions => self.sessions.settle(Err(e), now, read_at),
                SectionKind::Groups => self.groups.settle(Err(e), now, read_at),
            },
        }
    }

    /// When a countdown in section `kind` reaches zero (a password lockout, a device lock), by
    /// the loop's clock: the moment to read it again.
    pub fn runs_out_at(&self, kind: SectionKind) -> Option<Instant> {
        match kind {
            SectionKind::Password => {
                let left = self
                    .password
                    .ok()?
                    .seconds_until_unlock
                    .filter(|&s| s > 0)?;
                Some(self.password.at? + Duration::from_secs(left))
            }
            SectionKind::Devices => {
                let read_at = self.devices.read_at?;
                let first = self
                    .devices
                    .ok()?
                    .iter()
                    .filter_map(|d| d.locked_until(read_at))
                    .min()?;
                // Rounded up: reading it again a moment early would find it still locked.
                let left = first.duration_since(read_at).as_secs_f64().ceil();
                Some(self.devices.at? + Duration::try_from_secs_f64(left).ok()?)
            }
            SectionKind::Sessions | SectionKind::Groups => None,
        }
    }
}

/// The request slots of the reads, one per kind, each tagged with the user it reads.
#[derive(Debug, Default)]
pub struct Reads {
    slots: [InFlight<String>; SectionKind::ALL.len()],
}

impl Reads {
    /// The slot of `kind`.
    pub fn slot(&self, kind: SectionKind) -> &InFlight<String> {
        &self.slots[kind.index()]
    }

    /// The slot of `kind`, to start, settle or cancel a read.
    pub fn slot_mut(&mut self, kind: SectionKind) -> &mut InFlight<String> {
        &mut self.slots[kind.index()]
    }

    /// Whether any read is in flight.
    pub fn is_busy(&self) -> bool {
        self.slots.iter().any(InFlight::is_busy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_keeps_its_clocks_and_counts_the_wall_time_from_arrival() {
        let start = Instant::now();
        let read_at: Timestamp = "2026-01-01T00:00:00Z".parse().expect("a time");
        let mut section: Section<u8> = Section::default();
        assert!(!section.is_fresh(start));
        section.settle(Ok(1), start, read_at);
        assert!(section.is_fresh(start + Duration::from_secs(29)));
        assert!(!section.is_fresh(start + FRESH_FOR));
        let later = section.wall_now(start + Duration::from_secs(90));
        assert_eq!(
            later.map(|t| t.to_string()).as_deref(),
            Some("2026-01-01T00:01:30Z")
        );
        section.settle(Err("no".into()), start, read_at);
        assert_eq!(section.error(), Some("no"));
        assert!(!section.is_fresh(start));
    }
}
