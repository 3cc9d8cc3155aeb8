//! The simulator's MFA devices and sessions: what a directory file lists for each user, device
//! locks that end by the clock, blocks, and revoked sessions.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::Deserialize;

use super::store::{Directory, StoreError};
use crate::pingone::device::{BlockStatus, DeviceBlock, DeviceLock, LockStatus};
use crate::pingone::session::MAX_SESSIONS;
use crate::pingone::user::IdRef;
use crate::pingone::{Device, Session, events};

/// A device line of a directory file: `{"user": "alice.locked", "type": "SMS", …}`.
#[derive(Debug, Clone, Deserialize)]
pub struct DeviceEntry {
    /// The owner's username.
    pub user: String,
    /// The device in PingOne's shape (an id is made up when absent).
    #[serde(flatten)]
    pub device: Device,
}

/// A session line of a directory file: `{"user": "frank.ok", "createdAt": "now-2h", …}`.
#[derive(Debug, Clone, Deserialize)]
pub struct SessionEntry {
    /// The owner's username.
    pub user: String,
    /// The session in PingOne's shape (an id is made up when absent).
    #[serde(flatten)]
    pub session: Session,
}

/// Devices and sessions by user position.
#[derive(Debug, Default)]
pub struct Mfa {
    devices: HashMap<u32, Vec<Device>>,
    sessions: HashMap<u32, Vec<Session>>,
}

impl Mfa {
    /// The devices and sessions of a directory file; `user_at(username)` finds the owner.
    pub fn load(
        devices: Vec<DeviceEntry>,
        sessions: Vec<SessionEntry>,
        user_at: impl Fn(&str) -> Option<u32>,
    ) -> Result<Self, StoreError> {
        let owner = |what: &'static str, name: &str| {
            user_at(name).ok_or_else(|| StoreError::Invalid(what, format!("no user {name:?}")))
        };
        let mut mfa = Self::default();
        for DeviceEntry { user, mut device } in devices {
            let at = owner("devices", &user)?;
            if device.id.is_empty() {
                device.id = uuid::Uuid::new_v4().to_string();
            }
            mfa.devices.entry(at).or_default().push(device);
        }
        for SessionEntry { user, mut session } in sessions {
            let at = owner("sessions", &user)?;
            if session.id.is_empty() {
                session.id = uuid::Uuid::new_v4().to_string();
            }
            mfa.sessions.entry(at).or_default().push(session);
        }
        for list in mfa.sessions.values_mut() {
            // Newest first; PingOne keeps 10 and drops the oldest.
            list.sort_by_key(|s| std::cmp::Reverse(s.created_at));
            list.truncate(MAX_SESSIONS);
        }
        Ok(mfa)
    }
}

/// A device as PingOne would send it at `now`: a lock whose time has passed is over.
fn present_device(mut device: Device, user: &str, environment: &str, now: Timestamp) -> Device {
    if device.lock.is_some() && device.locked_until(now).is_none() {
        device.lock = Some(DeviceLock {
            status: LockStatus::Unlocked,
            expires_at: None,
        });
    }
    device.user = Some(IdRef {
        id: user.to_owned(),
    });
    device.environment = Some(IdRef {
        id: environment.to_owned(),
    });
    device
}

impl Directory {
    /// The MFA devices of user `id` as PingOne would send them at `now`.
    pub fn devices(&self, id: &str, now: Timestamp) -> Result<Vec<Device>, StoreError> {
        let at = self.position_of(id)?;
        let env = &self.environment.id;
        Ok(self
            .mfa
            .devices
            .get(&at)
            .into_iter()
            .flatten()
            .map(|d| present_device(d.clone(), id, env, now))
            .collect())
    }

    /// One device of user `id`.
    pub fn device(&self, id: &str, device: &str, now: Timestamp) -> Result<Device, StoreError> {
        self.devices(id, now)?
            .into_iter()
            .find(|d| d.id == device)
            .ok_or(StoreError::Missing("device"))
    }

    /// Blocks (or unblocks) a device of user `id`: the device afterwards and the event, if it
    /// changed. A device already in that state is answered as it is (idempotent: UNVERIFIED).
    pub fn block_device(
        &mut self,
        id: &str,
        device: &str,
        blocked: bool,
        now: Timestamp,
    ) -> Result<(Device, Option<&'static str>), StoreError> {
        let at = self.position_of(id)?;
        let stored = self
            .mfa
            .devices
            .get_mut(&at)
            .and_then(|list| list.iter_mut().find(|d| d.id == device))
            .ok_or(StoreError::Missing("device"))?;
        if stored.is_blocked() == blocked {
            return Ok((self.device(id, device, now)?, None));
        }
        let (status, event) = if blocked {
            (BlockStatus::Blocked, events::DEVICE_BLOCKED)
        } else {
            (BlockStatus::Unblocked, events::DEVICE_UNBLOCKED)
        };
        stored.block = Some(DeviceBlock {
            status,
            blocked_at: blocked.then_some(now),
        });
        stored.updated_at = Some(now);
        Ok((self.device(id, device, now)?, Some(event)))
    }

    /// The sessions of user `id`, newest first (at most 10).
    pub fn sessions(&self, id: &str) -> Result<Vec<Session>, StoreError> {
        let at = self.position_of(id)?;
        let env = &self.environment.id;
        Ok(self
            .mfa
            .sessions
            .get(&at)
            .into_iter()
            .flatten()
            .map(|s| Session {
                user: Some(IdRef { id: id.to_owned() }),
                environment: Some(IdRef { id: env.clone() }),
                ..s.clone()
            })
            .collect())
    }

    /// One session of user `id`.
    pub fn session(&self, id: &str, session: &str) -> Result<Session, StoreError> {
        self.sessions(id)?
            .into_iter()
            .find(|s| s.id == session)
            .ok_or(StoreError::Missing("session"))
    }

    /// Revokes (deletes) a session of user `id`.
    pub fn delete_session(&mut self, id: &str, session: &str) -> Result<(), StoreError> {
        let at = self.position_of(id)?;
        let missing = || StoreError::Missing("session");
        let list = self.mfa.sessions.get_mut(&at).ok_or_else(missing)?;
        let before = list.len();
        list.retain(|s| s.id != session);
        if list.len() < before {
            Ok(())
        } else {
            Err(missing())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pingone::device::DeviceStatus;

    #[test]
    fn a_device_lock_ends_by_the_clock() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().expect("a time");
        let device = Device {
            status: Some(DeviceStatus::Active),
            lock: Some(DeviceLock {
                status: LockStatus::Locked,
                expires_at: Some("2026-01-01T00:05:00Z".parse().expect("a time")),
            }),
            ..Device::default()
        };
        let locked = present_device(device.clone(), "u", "e", now);
        assert!(locked.locked_until(now).is_some());
        let later: Timestamp = "2026-01-01T00:06:00Z".parse().expect("a time");
        let freed = present_device(device, "u", "e", later);
        assert_eq!(freed.lock.map(|l| l.status), Some(LockStatus::Unlocked));
        assert_eq!(freed.user.map(|u| u.id).as_deref(), Some("u"));
    }

    #[test]
    fn an_owner_who_does_not_exist_is_refused_by_name() {
        let device = DeviceEntry {
            user: "zed".into(),
            device: Device::default(),
        };
        let refused = Mfa::load(vec![device], Vec::new(), |_| None);
        assert!(matches!(refused, Err(StoreError::Invalid("devices", m)) if m.contains("zed")));
    }

    #[test]
    fn sessions_are_newest_first_and_at_most_ten() {
        let sessions = (0..12)
            .map(|n| SessionEntry {
                user: "ann".into(),
                session: Session {
                    created_at: Some(Timestamp::from_second(n).expect("a time")),
                    ..Session::default()
                },
            })
            .collect();
        let mfa = Mfa::load(Vec::new(), sessions, |_| Some(0)).expect("loads");
        let list = &mfa.sessions[&0];
        assert_eq!(list.len(), MAX_SESSIONS);
        assert_eq!(list[0].created_at.map(Timestamp::as_second), Some(11));
        assert!(list.iter().all(|s| !s.id.is_empty()));
    }
}
