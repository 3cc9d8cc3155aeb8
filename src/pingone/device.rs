//! A user's MFA devices: `GET /environments/{envID}/users/{userID}/devices` (`_embedded.devices`)
//! and one device, as the block and unblock actions answer it. [DEV] mfa-devices; the example
//! body of unblock-mfa-user-device (research notes, wire.md §5b).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::user::IdRef;

/// `status` of a device. [DEV] mfa-devices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeviceStatus {
    /// Activated: it can be used to sign in.
    #[serde(rename = "ACTIVE")]
    Active,
    /// Paired but not yet activated (the user never completed the first use).
    #[serde(rename = "ACTIVATION_REQUIRED")]
    ActivationRequired,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

impl DeviceStatus {
    /// The status as PingOne spells it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Active => "ACTIVE",
            Self::ActivationRequired => "ACTIVATION_REQUIRED",
            Self::Other(other) => other,
        }
    }
}

/// `lock.status`: failed attempts lock a device for a while. The `LOCKED` literal is
/// UNVERIFIED (inferred from `UNLOCKED` and the `DEVICE.LOCKED` audit event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LockStatus {
    /// Not locked.
    #[serde(rename = "UNLOCKED")]
    Unlocked,
    /// Locked until `expiresAt`.
    #[serde(rename = "LOCKED")]
    Locked,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// `lock`: `{"status": "LOCKED", "expiresAt": …}` or `{"status": "UNLOCKED"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceLock {
    /// Locked or not.
    pub status: LockStatus,
    /// When a lock ends by itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Timestamp>,
}

/// `block.status`: an admin's block, lifted only by an unblock. The `BLOCKED` literal is
/// UNVERIFIED (inferred from `UNBLOCKED` and the `DEVICE.BLOCKED` audit event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockStatus {
    /// Not blocked.
    #[serde(rename = "UNBLOCKED")]
    Unblocked,
    /// Blocked by an admin.
    #[serde(rename = "BLOCKED")]
    Blocked,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// `block`: `{"status": "BLOCKED", "blockedAt": …}` or `{"status": "UNBLOCKED"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceBlock {
    /// Blocked or not.
    pub status: BlockStatus,
    /// When it was blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_at: Option<Timestamp>,
}

/// One MFA device of a user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Device {
    /// The device's id.
    #[serde(default)]
    pub id: String,
    /// `SMS`, `EMAIL`, `VOICE`, `TOTP`, `MOBILE`, `FIDO2`, `OATH_TOKEN`… (the full list is
    /// UNVERIFIED, so any string is kept).
    #[serde(rename = "type", default)]
    pub kind: String,
    /// `ACTIVE` or `ACTIVATION_REQUIRED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DeviceStatus>,
    /// The name the user gave it. Echoed in reads: UNVERIFIED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// SMS and voice devices: the phone number (sent in clear to an admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Email devices: the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Lock after failed attempts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<DeviceLock>,
    /// An admin's block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<DeviceBlock>,
    /// The user it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<IdRef>,
    /// The environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<IdRef>,
    /// When it was paired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Everything else: `_links`, `testMode`, per-type fields.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Device {
    /// Whether an admin blocked it.
    pub fn is_blocked(&self) -> bool {
        self.block.as_ref().map(|b| &b.status) == Some(&BlockStatus::Blocked)
    }

    /// When its lock ends, if it is locked at `now`.
    pub fn locked_until(&self, now: Timestamp) -> Option<Timestamp> {
        let lock = self
            .lock
            .as_ref()
            .filter(|l| l.status == LockStatus::Locked)?;
        // A lock without `expiresAt` is shown as ending now: PingOne documents none.
        let until = lock.expires_at.unwrap_or(now);
        (until > now).then_some(until)
    }

    /// Whether it is activated.
    pub fn is_active(&self) -> bool {
        self.status == Some(DeviceStatus::Active)
    }

    /// Whether it can be used to sign in at `now`: active, not blocked, not locked.
    pub fn is_usable(&self, now: Timestamp) -> bool {
        self.is_active() && !self.is_blocked() && self.locked_until(now).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_unblock_answer_decodes_and_round_trips() {
        let json = serde_json::json!({
            "_links": {"self": {"href": "https://x/devices/d"}},
            "id": "6697f628-7712-4e71-b52b-920ba0635020",
            "environment": {"id": "e"}, "user": {"id": "u"},
            "type": "SMS", "lock": {"status": "UNLOCKED"}, "block": {"status": "UNBLOCKED"},
            "status": "ACTIVE", "createdAt": "2022-09-22T13:07:15.115Z",
            "updatedAt": "2022-11-20T15:52:58.519Z", "phone": "+14135550150", "testMode": true
        });
        let device: Device = serde_json::from_value(json.clone()).expect("decodes");
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().expect("a time");
        assert!(device.is_usable(now));
        assert_eq!(device.extra["testMode"], true);
        assert_eq!(serde_json::to_value(&device).expect("encodes"), json);
    }

    #[test]
    fn locks_end_by_the_clock_and_blocks_do_not() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().expect("a time");
        let later: Timestamp = "2026-01-01T00:10:00Z".parse().expect("a time");
        let device = Device {
            status: Some(DeviceStatus::Active),
            lock: Some(DeviceLock {
                status: LockStatus::Locked,
                expires_at: Some("2026-01-01T00:05:00Z".parse().expect("a time")),
            }),
            block: Some(DeviceBlock {
                status: BlockStatus::Blocked,
                blocked_at: Some(now),
            }),
            ..Device::default()
        };
        assert!(device.locked_until(now).is_some());
        assert!(device.locked_until(later).is_none());
        assert!(device.is_blocked());
        assert!(!device.is_usable(later));
    }
}
