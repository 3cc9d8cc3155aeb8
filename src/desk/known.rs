//! What is known about one user when a verdict is given or an operation is asked for: the
//! record and whatever was read besides it, and how its devices and sessions are named to a
//! person (on one line, capped, inert, contacts masked).

use jiff::Timestamp;

use super::inert::{LONG_VALUE, capped, in_sentence};
use crate::pingone::{Device, PasswordState, Session, User};

/// The record and what was read besides it (each `None` until read).
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    /// The user record.
    pub user: &'a User,
    /// The password state.
    pub password: Option<&'a PasswordState>,
    /// The MFA devices.
    pub devices: Option<&'a [Device]>,
    /// The sessions, newest first.
    pub sessions: Option<&'a [Session]>,
    /// The time device locks are judged at (wall clock).
    pub now: Timestamp,
}

impl<'a> Known<'a> {
    /// Only the record, judged at `now`.
    pub fn record(user: &'a User, now: Timestamp) -> Self {
        Self {
            user,
            password: None,
            devices: None,
            sessions: None,
            now,
        }
    }

    /// The record and the password state (when read), nothing else: no device lock to judge,
    /// so no clock.
    pub fn of_password(user: &'a User, password: Option<&'a PasswordState>) -> Self {
        Self {
            password,
            ..Self::record(user, Timestamp::UNIX_EPOCH)
        }
    }

    /// The device with this id, if the devices were read and hold it.
    pub fn device(&self, id: &str) -> Option<&'a Device> {
        self.devices?.iter().find(|d| d.id == id)
    }

    /// The session with this id, if the sessions were read and hold it.
    pub fn session(&self, id: &str) -> Option<&'a Session> {
        self.sessions?.iter().find(|s| s.id == id)
    }
}

/// `+1 •••• 0150`: the country code's first digit and the last four digits of a phone number.
pub fn mask_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 6 {
        return "•".repeat(digits.len().max(1));
    }
    let last: String = digits[digits.len() - 4..].iter().collect();
    let lead = if phone.trim_start().starts_with('+') {
        format!("+{} ", digits[0])
    } else {
        String::new()
    };
    format!("{lead}•••• {last}")
}

/// `f•••@example.com`: the first character of the local part and the domain.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_owned(),
    }
}

/// How a device is named to a person: `SMS +1 •••• 0150 (Work mobile)`, on one line and cut
/// like a name in a sentence ([`in_sentence`]).
pub fn device_label(device: &Device) -> String {
    let contact = device
        .phone
        .as_deref()
        .map(mask_phone)
        .or_else(|| device.email.as_deref().map(mask_email));
    let mut label = if device.kind.is_empty() {
        "device".to_owned()
    } else {
        device.kind.clone()
    };
    if let Some(contact) = contact {
        label = format!("{label} {contact}");
    }
    if let Some(nickname) = device.nickname.as_deref().filter(|n| !n.is_empty()) {
        label = format!("{label} ({nickname})");
    }
    in_sentence(&label)
}

/// How many of a session's last locations are shown (PingOne keeps 5).
pub const PLACES_SHOWN: usize = 3;

/// A session's last [`PLACES_SHOWN`] locations, newest first (`london, united kingdom
/// (203.0.113.10); reading, …`), on one line and capped ([`capped`]).
pub fn session_places(session: &Session) -> Option<String> {
    session
        .places(PLACES_SHOWN)
        .map(|places| capped(&places, LONG_VALUE).into_owned())
}

/// How a session is named to a person: `Chrome 126.0 on Mac OS X 14.5, london, united kingdom
/// (203.0.113.10)`, on one line and cut like a name in a sentence ([`in_sentence`]).
pub fn session_label(session: &Session) -> String {
    let label = match session.last_place() {
        Some(place) => format!("{}, {place}", session.client()),
        None => session.client(),
    };
    in_sentence(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_are_masked_and_labels_inert() {
        assert_eq!(mask_phone("+14135550150"), "+1 •••• 0150");
        assert_eq!(mask_phone("555-0150"), "•••• 0150");
        assert_eq!(mask_phone("12"), "••");
        assert_eq!(mask_email("frank.moreau@example.com"), "f•••@example.com");
        let device = Device {
            kind: "SMS".into(),
            phone: Some("+15555550109".into()),
            nickname: Some("Work\u{1b}[31m".into()),
            ..Device::default()
        };
        assert_eq!(device_label(&device), "SMS +1 •••• 0109 (Work␛[31m)");
        let padded = Device {
            kind: "SMS".into(),
            nickname: Some(format!("a\n{}b", " ".repeat(300))),
            ..Device::default()
        };
        assert_eq!(
            device_label(&padded),
            "SMS (a b)",
            "one line, blanks collapsed"
        );
        let long = Device {
            nickname: Some("n".repeat(500)),
            ..padded
        };
        assert!(device_label(&long).ends_with("(506 characters)"));
    }
}
