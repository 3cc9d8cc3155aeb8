//! A user's sign-on sessions: `GET /environments/{envID}/users/{userID}/sessions` (at most 10,
//! newest first, `_embedded.sessions`) and `DELETE …/sessions/{sessionID}` (revoke, `204`).
//! [DEV] user-sessions; the example bodies in the research notes (wire.md §6).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::user::{IdRef, LastSignOn};

/// The most sessions PingOne lists for a user; the oldest is dropped past it. [DEV]
/// user-sessions.
pub const MAX_SESSIONS: usize = 10;

/// A name and version (`browser`, `operatingSystem`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NameVersion {
    /// The name, e.g. `Firefox`, `Mac OS X`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The version, e.g. `103.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

impl NameVersion {
    /// `Firefox 103.0`, `Firefox`, or nothing.
    pub fn text(&self) -> Option<String> {
        let name = self.name.as_deref()?;
        Some(match self.version.as_deref() {
            Some(version) => format!("{name} {version}"),
            None => name.to_owned(),
        })
    }
}

/// One place a session was seen: `locations[]` (the last 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
    /// From which address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_ip: Option<String>,
    /// City, as PingOne's geolocation spells it (often lower case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State or province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// `device` of a session: what kind of machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SessionDevice {
    /// E.g. `Mac`, `iPhone`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// One session of a user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// The session's id.
    #[serde(default)]
    pub id: String,
    /// When it started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it was last active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_at: Option<Timestamp>,
    /// The browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<NameVersion>,
    /// The operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operating_system: Option<NameVersion>,
    /// The kind of machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<SessionDevice>,
    /// Where it was seen, newest first (the last 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
    /// The sign-on that started it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_sign_on: Option<LastSignOn>,
    /// The user it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<IdRef>,
    /// The environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<IdRef>,
    /// Everything else: `_links`, `userAgent`, `idleTimeoutInMinutes`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Session {
    /// `Firefox 103.0 on Mac OS X 10.15`, or what of it is known.
    pub fn client(&self) -> String {
        let browser = self.browser.as_ref().and_then(NameVersion::text);
        let os = self.operating_system.as_ref().and_then(NameVersion::text);
        match (browser, os) {
            (Some(b), Some(o)) => format!("{b} on {o}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => "unknown client".to_owned(),
        }
    }

    /// The newest location as `city, country (ip)`, or what of it is known.
    pub fn last_place(&self) -> Option<String> {
        self.locations.first().and_then(Location::text)
    }

    /// The last `n` locations, newest first, joined with `; `.
    pub fn places(&self, n: usize) -> Option<String> {
        let places: Vec<String> = self
            .locations
            .iter()
            .take(n)
            .filter_map(Location::text)
            .collect();
        (!places.is_empty()).then(|| places.join("; "))
    }
}

impl Location {
    /// `city, country (ip)`, or what of it is known.
    pub fn text(&self) -> Option<String> {
        let town: Vec<&str> = [&self.city, &self.country]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        Some(match (town.is_empty(), self.remote_ip.as_deref()) {
            (false, Some(ip)) => format!("{} ({ip})", town.join(", ")),
            (false, None) => town.join(", "),
            (true, Some(ip)) => ip.to_owned(),
            (true, None) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documented_session_decodes_and_reads_out() {
        let json = serde_json::json!({
            "id": "465b7031-292f-4641-941f-e21240a88a43",
            "environment": {"id": "e"}, "user": {"id": "u"},
            "createdAt": "2020-07-22T19:26:10.681Z", "activeAt": "2020-07-22T19:26:55.666Z",
            "userAgent": "Mozilla/5.0", "idleTimeoutInMinutes": 72000,
            "browser": {"name": "Firefox", "version": "103.0"},
            "operatingSystem": {"name": "Mac OS X", "version": "10.15"},
            "device": {"type": "Mac"},
            "locations": [{"at": "2020-07-22T19:26:55.666Z", "remoteIp": "174.1.62.19",
                "city": "tacoma", "state": "washington", "country": "united states"}],
            "lastSignOn": {"at": "2020-07-22T19:26:10.681Z", "remoteIp": "174.1.62.19"}
        });
        let session: Session = serde_json::from_value(json.clone()).expect("decodes");
        assert_eq!(session.client(), "Firefox 103.0 on Mac OS X 10.15");
        assert_eq!(
            session.last_place().as_deref(),
            Some("tacoma, united states (174.1.62.19)")
        );
        assert_eq!(serde_json::to_value(&session).expect("encodes"), json);
        assert_eq!(Session::default().client(), "unknown client");
        let travelled = Session {
            locations: vec![
                Location {
                    city: Some("oslo".into()),
                    ..Location::default()
                },
                Location::default(),
                Location {
                    remote_ip: Some("192.0.2.1".into()),
                    ..Location::default()
                },
            ],
            ..Session::default()
        };
        assert_eq!(travelled.places(5).as_deref(), Some("oslo; 192.0.2.1"));
        assert_eq!(travelled.places(1).as_deref(), Some("oslo"));
    }
}
