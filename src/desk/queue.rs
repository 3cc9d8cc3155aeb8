//! The locked-now queue: the users whose account was locked within a window, from PingOne's
//! audit activities (`USER.LOCKED`; see [`pingone::events::LOCKOUTS`]), each verified against
//! the user's current record so that a user unlocked since is not shown; newest first, with the
//! cause and the time left when the lock ends by itself. When the worker may not read audit
//! data, a bounded scan of the users list finds the locked ones instead.

use std::collections::HashMap;

use futures_util::{StreamExt as _, stream};
use jiff::{SignedDuration, Timestamp};

use super::diagnosis::{Verdict, lock_may_be_the_password};
use super::known::Known;
use crate::api::{ApiClient, ApiError, ErrorKind, UserQuery};
use crate::pingone::{self, Expr, FilterOp, PasswordState, User};

/// Reads of users in flight at once while verifying.
const VERIFY_CONCURRENCY: usize = 8;
/// Users a bounded scan reads at most, by default.
pub const DEFAULT_SCAN: usize = 1000;
/// The window the queue looks back over, by default.
pub const DEFAULT_WINDOW: SignedDuration = SignedDuration::from_hours(24);

/// One user locked now.
#[derive(Debug, Clone, PartialEq)]
pub struct Locked {
    /// The user as read now.
    pub user: User,
    /// The password state, when the lock may be the password's (no `lockedAt`).
    pub password: Option<PasswordState>,
    /// When the lock event was recorded (a scan knows only `lockedAt`).
    pub since: Option<Timestamp>,
    /// What stops them, inert.
    pub cause: String,
    /// Seconds until the lock ends by itself, when it does.
    pub seconds_left: Option<u64>,
}

/// Where the queue came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The audit activities of the window.
    Audit {
        /// Lock events read.
        events: usize,
    },
    /// A scan of the first users of the list.
    Scan {
        /// Users read.
        scanned: usize,
    },
}

/// The queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Queue {
    /// Locked users, newest first.
    pub users: Vec<Locked>,
    /// Where they came from.
    pub source: Source,
}

/// Whether `error` means the worker may not read audit activities (offer a scan instead).
pub fn audit_forbidden(error: &ApiError) -> bool {
    error.kind == ErrorKind::Forbidden
}

/// The users locked now whose lock was recorded within `window` before `now`.
pub async fn locked_now(
    client: &ApiClient,
    window: SignedDuration,
    now: Timestamp,
) -> Result<Queue, ApiError> {
    let since = now - window;
    // A minute past now, so an event recorded by a clock slightly ahead is not missed.
    let until = now + SignedDuration::from_mins(1);
    let actions = Expr::any(
        pingone::events::LOCKOUTS
            .iter()
            .map(|action| Expr::cmp("action.type", FilterOp::Eq, action)),
    )
    .expect("at least one lockout action type");
    let filter = Expr::cmp("recordedAt", FilterOp::Gt, &since.to_string())
        .and(Expr::cmp("recordedAt", FilterOp::Lt, &until.to_string()))
        .and(actions);
    let mut page = client
        .activities(&filter, pingone::MAX_ACTIVITY_LIMIT)
        .await?;
    let mut newest: HashMap<String, Timestamp> = HashMap::new();
    let mut events = 0;
    loop {
        for activity in &page.activities {
            let (Some(user), Some(at)) = (activity.user(), activity.at()) else {
                continue;
            };
            events += 1;
            let entry = newest.entry(user.id.clone()).or_insert(at);
            *entry = (*entry).max(at);
        }
        match page.next.take() {
            Some(next) => page = client.next_activities(&next).await?,
            None => break,
        }
    }
    let users = verify(client, newest.into_iter().collect()).await?;
    Ok(Queue {
        users,
        source: Source::Audit { events },
    })
}

/// Reads each user now (a few at a time) and keeps those still locked, newest first.
async fn verify(
    client: &ApiClient,
    ids: Vec<(String, Timestamp)>,
) -> Result<Vec<Locked>, ApiError> {
    let checked: Vec<Result<Option<Locked>, ApiError>> = stream::iter(ids)
        .map(|(id, at)| async move {
            match client.get_user(&id).await {
                Ok(user) => locked(client, user, Some(at)).await,
                // Deleted since: nothing to unlock.
                Err(error) if error.kind == ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error),
            }
        })
        .buffer_unordered(VERIFY_CONCURRENCY)
        .collect()
        .await;
    let mut users = checked
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    newest_first(&mut users);
    Ok(users)
}

/// `user` as a queue entry if locked now; the password is read when the lock has no
/// `lockedAt` (it may be the password's, and only its state says how long is left).
async fn locked(
    client: &ApiClient,
    user: User,
    since: Option<Timestamp>,
) -> Result<Option<Locked>, ApiError> {
    if !user.is_locked() {
        return Ok(None);
    }
    let account = user.account.clone().unwrap_or_default();
    let password = if lock_may_be_the_password(&user) {
        Some(client.password_state(&user.id).await?)
    } else {
        None
    };
    let cause = Verdict::of(&Known::of_password(&user, password.as_ref()), 0).causes_text();
    let seconds_left = account
        .seconds_until_unlock
        .or_else(|| password.as_ref().and_then(|p| p.seconds_until_unlock));
    Ok(Some(Locked {
        since: since.or(account.locked_at),
        user,
        password,
        cause,
        seconds_left,
    }))
}

/// The locked users among the first `max` users of the list (for a worker that may not read
/// audit data: PingOne cannot filter on `account.status`).
pub async fn scan(client: &ApiClient, max: usize) -> Result<Queue, ApiError> {
    let mut page = client
        .find_users(&UserQuery::All, max.min(pingone::MAX_PAGE_LIMIT))
        .await?;
    let mut scanned = 0;
    let mut found = Vec::new();
    loop {
        scanned += page.users.len();
        found.extend(page.users.drain(..).filter(User::is_locked));
        match page.next.take().filter(|_| scanned < max) {
            Some(next) => page = client.next_page(&next).await?,
            None => break,
        }
    }
    let mut users = Vec::with_capacity(found.len());
    for user in found {
        users.extend(locked(client, user, None).await?);
    }
    newest_first(&mut users);
    Ok(Queue {
        users,
        source: Source::Scan { scanned },
    })
}

/// Newest lock first (unknown times last), then by username.
fn newest_first(users: &mut [Locked]) {
    users.sort_by(|a, b| {
        b.since
            .cmp(&a.since)
            .then_with(|| a.user.username.cmp(&b.user.username))
    });
}
