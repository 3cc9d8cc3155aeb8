//! The results list: each listed user as the list shows it, with its record kept compact; and
//! the selected user decoded.

use std::time::Instant;

use crate::desk::{StatusWord, status_word};
use crate::pingone::User;

/// A listed user: what the list shows, decoded once on arrival, and the record itself.
///
/// The record is kept as compact JSON (a decoded `User` is about twice the size, and a console
/// that has scrolled through 10,000 users should stay small); it is decoded only when the user
/// is selected.
#[derive(Debug, Clone)]
pub struct Row {
    /// The record's JSON, as PingOne sent it less its `_links`.
    record: Box<str>,
    /// The user's id.
    pub id: String,
    /// The username.
    pub username: String,
    /// The name to show.
    pub name: String,
    /// The email address.
    pub email: String,
    /// The status word.
    pub status: StatusWord,
    /// `account.secondsUntilUnlock` at arrival, while locked.
    pub lock_seconds: Option<u64>,
    /// When it arrived.
    pub received: Instant,
    /// Whether the end of its countdown already asked for a fresh record.
    pub refreshed_at_zero: bool,
}

impl Row {
    /// A row for a record that arrived at `now`. The record's `_`-prefixed plumbing (`_links`)
    /// is dropped: the console never shows or follows it.
    pub fn new(mut user: User, now: Instant) -> Self {
        user.extra.retain(|key, _| !key.starts_with('_'));
        let record = serde_json::to_string(&user).expect("a User always encodes to JSON");
        let lock_seconds = user
            .account
            .as_ref()
            .filter(|_| user.is_locked())
            .and_then(|a| a.seconds_until_unlock);
        Self {
            record: record.into_boxed_str(),
            name: user.display_name().unwrap_or_default(),
            email: user.email.clone().unwrap_or_default(),
            status: status_word(&user),
            username: user.username,
            id: user.id,
            lock_seconds,
            received: now,
            refreshed_at_zero: false,
        }
    }

    /// The record, decoded.
    pub fn user(&self) -> User {
        serde_json::from_str(&self.record).expect("a row holds the JSON of the User it encoded")
    }

    /// Seconds until the lock ends by itself, counted down from the record's arrival.
    pub fn seconds_until_unlock(&self, now: Instant) -> Option<u64> {
        let elapsed = now.saturating_duration_since(self.received).as_secs();
        self.lock_seconds.map(|s| s.saturating_sub(elapsed))
    }
}

/// The results list: rows and paging.
#[derive(Debug, Default)]
pub struct Results {
    /// Users listed so far.
    pub rows: Vec<Row>,
    /// How many match in all, when PingOne says.
    pub count: Option<u64>,
    /// The link to the next page.
    pub next: Option<url::Url>,
    /// Index of the selected row.
    pub selected: usize,
    /// Whether a search has answered at least once (so "No users match" can be said).
    pub loaded: bool,
    /// The error that replaced the list, if the last search failed.
    pub error: Option<String>,
}

impl Results {
    /// The selected row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }
}

/// The selected user's record, decoded once when selected.
#[derive(Debug, Clone)]
pub struct Shown {
    /// The row it came from.
    pub index: usize,
    /// The user's id.
    pub id: String,
    /// The record.
    pub user: User,
    /// When the record arrived (countdowns run from then).
    pub received: Instant,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_keeps_what_is_shown_and_drops_the_links() {
        let mut user = User::default();
        user.extra.insert("costCenter".into(), "CC-7".into());
        user.extra
            .insert("_links".into(), serde_json::json!({"self": {"href": "x"}}));
        let row = Row::new(user, Instant::now());
        assert_eq!(row.user().extra.len(), 1);
        assert_eq!(row.user().extra["costCenter"], "CC-7");
    }
}
