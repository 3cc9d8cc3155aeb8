//! `--rate-limit N/s`: a token bucket over the API routes (`/v1/…`; not the token endpoint nor
//! the controls). It holds N requests and refills at N per second; a request that finds it empty
//! gets PingOne's `429 REQUEST_LIMITED` with `Retry-After` in whole seconds.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::responses::rate_limited;
use super::{SimState, lock};

/// A token bucket.
#[derive(Debug)]
pub(super) struct Bucket {
    per_second: f64,
    tokens: f64,
    at: Instant,
}

impl Bucket {
    /// A full bucket of `per_second` tokens.
    pub(super) fn new(per_second: u32) -> Self {
        let per_second = f64::from(per_second.max(1));
        Self {
            per_second,
            tokens: per_second,
            at: Instant::now(),
        }
    }

    /// Takes a token at `now`, or says how long until there is one.
    fn take(&mut self, now: Instant) -> Result<(), Duration> {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.per_second);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64(
                (1.0 - self.tokens) / self.per_second,
            ))
        }
    }
}

/// The middleware: API requests beyond the rate get 429.
pub(super) async fn limit(
    State(state): State<Arc<SimState>>,
    request: Request,
    next: Next,
) -> Response {
    let Some(bucket) = state.rate_limit.as_ref() else {
        return next.run(request).await;
    };
    if !request.uri().path().starts_with("/v1/") {
        return next.run(request).await;
    }
    let taken = lock(bucket).take(Instant::now());
    match taken {
        Ok(()) => next.run(request).await,
        // Retry-After is whole seconds; never 0, or a client would hammer.
        Err(wait) => rate_limited(&wait.as_secs().max(1).to_string()),
    }
}

/// Reads `100/s` or `100` as requests per second.
pub fn parse_rate(text: &str) -> Result<u32, String> {
    let number = text.trim().strip_suffix("/s").unwrap_or(text.trim());
    match number.parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{text:?} is not a rate such as 100/s")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bucket_holds_a_second_and_refills() {
        let start = Instant::now();
        let mut bucket = Bucket::new(10);
        bucket.at = start;
        for _ in 0..10 {
            assert!(bucket.take(start).is_ok());
        }
        let wait = bucket.take(start).expect_err("empty");
        assert!(wait <= Duration::from_millis(100), "{wait:?}");
        assert!(bucket.take(start + Duration::from_millis(100)).is_ok());
        assert_eq!(parse_rate("100/s"), Ok(100));
        assert!(parse_rate("fast").is_err());
    }
}
