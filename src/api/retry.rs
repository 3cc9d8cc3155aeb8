//! When and how long to wait before trying an idempotent request again.

use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// Bounds on retries: how many attempts, how long each wait, how long in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = never retry).
    pub max_attempts: u32,
    /// The first backoff when the server gives no `Retry-After`; it doubles each attempt.
    pub base_delay: Duration,
    /// The longest single wait, `Retry-After` included.
    pub max_delay: Duration,
    /// The longest time all waits may add up to; past it the last error is returned.
    pub budget: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(10),
            budget: Duration::from_secs(20),
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt `attempt + 1` (attempt counts from 1), honouring `retry_after`;
    /// `None` when the policy says stop: out of attempts, or the wait would exceed the budget
    /// left after `waited` or the longest single wait.
    pub fn delay(
        &self,
        attempt: u32,
        retry_after: Option<Duration>,
        waited: Duration,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let delay = retry_after.unwrap_or_else(|| {
            let backoff = self.base_delay.saturating_mul(1 << (attempt - 1).min(16));
            // Jitter keeps many consoles from retrying in step.
            backoff
                .mul_f64(1.0 + fastrand::f64() * 0.25)
                .min(self.max_delay)
        });
        (delay <= self.max_delay && waited + delay <= self.budget).then_some(delay)
    }
}

/// Reads `Retry-After`, in seconds or as an HTTP date (RFC 9110 §10.2.3).
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = jiff::fmt::rfc2822::parse(text).ok()?.timestamp();
    let wait = at.duration_since(jiff::Timestamp::now());
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_stops() {
        let policy = RetryPolicy {
            base_delay: Duration::from_millis(100),
            ..RetryPolicy::default()
        };
        let first = policy.delay(1, None, Duration::ZERO).expect("retry");
        let second = policy.delay(2, None, Duration::ZERO).expect("retry");
        assert!(first >= Duration::from_millis(100) && first <= Duration::from_millis(125));
        assert!(second >= Duration::from_millis(200) && second <= Duration::from_millis(250));
        assert_eq!(policy.delay(4, None, Duration::ZERO), None);
    }

    #[test]
    fn retry_after_is_honoured_within_budget() {
        let policy = RetryPolicy::default();
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(3)), Duration::ZERO),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(60)), Duration::ZERO),
            None
        );
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(5)), Duration::from_secs(18)),
            None
        );
    }

    #[test]
    fn parses_both_retry_after_forms() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "7".parse().expect("header"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().expect("header"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
    }
}
