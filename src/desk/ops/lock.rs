//! Times as an agent types them: a duration (`2h`), and the end of a lock (a duration from
//! now, or a time).

use jiff::Timestamp;

use crate::desk::inert::inert;

/// A duration written `30m`, `2h`, `1d` (days of 24 hours), `2h 30m`.
pub fn age(text: &str) -> Result<jiff::SignedDuration, String> {
    let span: jiff::Span = text
        .trim()
        .parse()
        .map_err(|_| format!("{:?} is not a duration such as 2h, 30m or 7d", inert(text)))?;
    span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
        .map_err(|e| e.to_string())
}

/// When a lock typed as `+2h` (a duration from `now`: `30m`, `2h`, `1d`…) or as an RFC 3339
/// time (`2026-12-01T09:00:00Z`) ends; refused when it is not in the future.
pub fn lock_until(text: &str, now: Timestamp) -> Result<Timestamp, String> {
    let text = text.trim();
    let at = if let Some(span) = text.strip_prefix('+') {
        let duration = age(span)
            .map_err(|_| format!("{:?} is not a duration such as +2h or +30m", inert(text)))?;
        now.checked_add(duration).map_err(|e| e.to_string())?
    } else {
        text.parse::<Timestamp>().map_err(|_| {
            format!(
                "{:?} is not a time: write 2026-12-01T09:00:00Z, or +2h",
                inert(text)
            )
        })?
    };
    if at <= now {
        return Err(format!(
            "{} is in the past (or now): choose a time in the future",
            inert(text)
        ));
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_times_are_durations_or_times_in_the_future() {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().expect("a time");
        let at = |text: &str| lock_until(text, now).map(|t| t.to_string());
        assert_eq!(at("+2h").as_deref(), Ok("2026-01-01T02:00:00Z"));
        assert_eq!(at("+1d").as_deref(), Ok("2026-01-02T00:00:00Z"));
        assert_eq!(
            at("2026-03-01T09:00:00Z").as_deref(),
            Ok("2026-03-01T09:00:00Z")
        );
        assert!(at("2025-01-01T00:00:00Z").is_err());
        assert!(at("+0m").is_err());
        assert!(at("tomorrow").is_err());
    }
}
