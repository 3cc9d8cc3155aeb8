//! Pacing a bulk run under PingOne's rate limit: nothing while a `Retry-After` runs; after a
//! `429`, no faster than 95 % of the rate PingOne accepted over the last second (each further
//! `429` slows it by a tenth at least), and 5 % faster after each 5 s without one, to find the
//! rate again if it rose. Slots are kept on the schedule the pace sets, whatever a timer's
//! late wake-up: a pace of 97/s sends 97 a second, not the 90 that drifting slots gave.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::Instant;

/// Answers accepted in the last second before a `429` needed to set a pace from them.
const MIN_EVIDENCE: usize = 8;
/// How long without a `429` before the pace tries 5 % faster.
const CALM: Duration = Duration::from_secs(5);

/// The pace shared by a run's requests.
#[derive(Debug, Default)]
pub struct Pacer {
    state: std::sync::Mutex<Pace>,
}

#[derive(Debug, Default)]
struct Pace {
    paused_until: Option<Instant>,
    interval: Option<Duration>,
    /// When the next slot is due.
    next: Option<Instant>,
    accepted: VecDeque<Instant>,
    /// The last `429`, or the last speed-up since.
    calm_since: Option<Instant>,
}

impl Pacer {
    fn lock(&self) -> std::sync::MutexGuard<'_, Pace> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Waits for this request's turn (or for `stop`).
    pub async fn slot(&self, stop: &AtomicBool) {
        loop {
            let wait = {
                let mut pace = self.lock();
                let now = Instant::now();
                let at = pace
                    .paused_until
                    .into_iter()
                    .chain(pace.next)
                    .max()
                    .unwrap_or(now);
                if at <= now {
                    pace.next = pace.interval.map(|interval| {
                        // From the slot due, not from now: timers wake up to a millisecond
                        // late, and counting from then would push every later slot back. At
                        // most one slot is banked, so a pause never ends in a burst.
                        let due = pace.next.unwrap_or(now);
                        let floor = now.checked_sub(interval).unwrap_or(now);
                        due.max(floor) + interval
                    });
                    None
                } else {
                    Some(at - now)
                }
            };
            match wait {
                None => return,
                Some(_) if stop.load(Ordering::SeqCst) => return,
                // Short naps, so a stop is seen soon.
                Some(wait) => tokio::time::sleep(wait.min(Duration::from_millis(100))).await,
            }
        }
    }

    /// A request was accepted (answered other than `429`).
    pub fn accepted(&self) {
        let mut pace = self.lock();
        let now = Instant::now();
        pace.accepted.push_back(now);
        let calm = pace
            .calm_since
            .is_some_and(|at| now.duration_since(at) >= CALM);
        if let Some(interval) = pace.interval.filter(|_| calm) {
            pace.interval = Some(interval.div_f64(1.05));
            pace.calm_since = Some(now);
        }
        while pace
            .accepted
            .front()
            .is_some_and(|at| now.duration_since(*at) > Duration::from_secs(1))
        {
            pace.accepted.pop_front();
        }
    }

    /// PingOne answered `429`: pause for `Retry-After` (1 s when absent) and slow down.
    pub fn limited(&self, retry_after: Option<Duration>) {
        let mut pace = self.lock();
        let now = Instant::now();
        let until = now + retry_after.unwrap_or(Duration::from_secs(1));
        if let Some(paused) = pace.paused_until.filter(|p| *p > now) {
            // Another answer of the same burst: wait longer if told, but slow down once.
            pace.paused_until = Some(paused.max(until));
            return;
        }
        pace.paused_until = Some(until);
        pace.calm_since = Some(now);
        // Too few answers in the last second to tell PingOne's rate: the pause alone.
        if pace.accepted.len() < MIN_EVIDENCE {
            return;
        }
        #[allow(clippy::cast_precision_loss)] // a count of requests in one second
        let rate = pace.accepted.len() as f64 * 0.95;
        let from_rate = Duration::from_secs_f64(1.0 / rate);
        pace.interval = Some(match pace.interval {
            Some(interval) => interval.mul_f64(1.1).max(from_rate),
            None => from_rate,
        });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// A pacer set by a `429` after `accepted` answers in one second, its pause over.
    async fn paced_after(accepted: usize) -> Arc<Pacer> {
        let pacer = Arc::new(Pacer::default());
        for _ in 0..accepted {
            pacer.accepted();
        }
        pacer.limited(Some(Duration::from_secs(1)));
        tokio::time::sleep(Duration::from_secs(1)).await;
        pacer
    }

    /// Slots taken by 8 tasks in a row until `total`; the time they took (tokio's clock).
    async fn take_slots(pacer: &Arc<Pacer>, total: usize) -> Duration {
        let stop = Arc::new(AtomicBool::new(false));
        let taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let started = Instant::now();
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (pacer, stop, taken) = (pacer.clone(), stop.clone(), taken.clone());
                tokio::spawn(async move {
                    while taken.fetch_add(1, Ordering::SeqCst) < total {
                        pacer.slot(&stop).await;
                        // A request's round trip, not a multiple of the interval.
                        tokio::time::sleep(Duration::from_micros(3_700)).await;
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("a task");
        }
        started.elapsed()
    }

    #[tokio::test(start_paused = true)]
    async fn slots_keep_to_the_pace_set_whatever_the_timers_late_wake_ups() {
        // 102 accepted in the last second: 96.9/s. Tokio's timers fire on whole milliseconds
        // (the clock here is tokio's, paused and advanced exactly as timers fire), so a slot
        // every 10.3 ms is taken up to a millisecond late; counted from then, the pace drifted
        // to 90/s.
        let pacer = paced_after(102).await;
        let took = take_slots(&pacer, 970).await;
        let rate = 970.0 / took.as_secs_f64();
        assert!((96.0..=98.0).contains(&rate), "{rate:.1}/s, set to 96.9/s");
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_banks_one_slot_at_most() {
        let pacer = paced_after(100).await;
        // Idle for 2 s: the slots missed are not sent at once afterwards.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let took = take_slots(&pacer, 11).await;
        let interval = 1.0 / (100.0 * 0.95);
        assert!(
            took.as_secs_f64() >= 9.0 * interval,
            "11 slots in {took:?}: a burst"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn calm_speeds_up_and_a_429_slows_to_95_percent_of_what_was_accepted() {
        let pacer = paced_after(100).await;
        let interval = |p: &Pacer| p.lock().interval.expect("a pace");
        assert_eq!(interval(&pacer), Duration::from_secs_f64(1.0 / 95.0));
        tokio::time::sleep(CALM).await;
        pacer.accepted();
        let faster = interval(&pacer);
        assert_eq!(faster, Duration::from_secs_f64(1.0 / 95.0).div_f64(1.05));
        // A second 429 with 50 accepted in the last second: 47.5/s.
        tokio::time::sleep(Duration::from_secs(2)).await;
        for _ in 0..50 {
            pacer.accepted();
        }
        pacer.limited(None);
        assert_eq!(interval(&pacer), Duration::from_secs_f64(1.0 / 47.5));
    }
}
