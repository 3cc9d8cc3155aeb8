//! Sleeping until the model's next wake-up with one wake-up, not several. tokio's timer wheel
//! parks until the coarse slot that holds a deadline a second away, then again for the rest
//! (two or three wake-ups per countdown second); on Linux a timerfd in the runtime's own epoll
//! set fires once, at the deadline. Elsewhere tokio's sleep is used.

use std::time::Instant;

/// The loop's alarm clock.
pub struct Timer {
    #[cfg(target_os = "linux")]
    fd: tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>,
}

impl Timer {
    /// A timer, not set.
    pub fn new() -> std::io::Result<Self> {
        #[cfg(target_os = "linux")]
        {
            use rustix::time::{TimerfdClockId, TimerfdFlags, timerfd_create};
            let fd = timerfd_create(
                TimerfdClockId::Monotonic,
                TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC,
            )?;
            // `AsyncFd::new` is deprecated because an arbitrary `AsRawFd` type may hand out a
            // different descriptor later; an `OwnedFd` cannot, and the one alternative,
            // `AsyncFd::register`, is `unsafe`, which this crate forbids.
            #[allow(deprecated)]
            let fd = tokio::io::unix::AsyncFd::new(fd)?;
            Ok(Self { fd })
        }
        #[cfg(not(target_os = "linux"))]
        Ok(Self {})
    }

    /// Waits until `at`, or forever when there is nothing to wait for. Dropping the future
    /// (another event came first) is fine: the next call sets the timer again.
    pub async fn sleep_until(&mut self, at: Option<Instant>) -> std::io::Result<()> {
        let Some(at) = at else {
            return std::future::pending().await;
        };
        #[cfg(target_os = "linux")]
        {
            use rustix::time::{Itimerspec, TimerfdTimerFlags, Timespec, timerfd_settime};
            // A zero value would disarm the timer: a deadline already past fires in 1 ns.
            let left = at
                .saturating_duration_since(Instant::now())
                .max(std::time::Duration::from_nanos(1));
            let value = Itimerspec {
                it_interval: Timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                },
                it_value: Timespec {
                    tv_sec: i64::try_from(left.as_secs()).unwrap_or(i64::MAX),
                    tv_nsec: i64::from(left.subsec_nanos()),
                },
            };
            timerfd_settime(self.fd.get_ref(), TimerfdTimerFlags::empty(), &value)?;
            loop {
                let mut ready = self.fd.readable().await?;
                let mut expirations = [0_u8; 8];
                match rustix::io::read(self.fd.get_ref(), &mut expirations) {
                    Ok(_) => return Ok(()),
                    Err(rustix::io::Errno::AGAIN) => ready.clear_ready(),
                    Err(error) => return Err(error.into()),
                }
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            tokio::time::sleep_until(tokio::time::Instant::from_std(at)).await;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn it_wakes_once_the_deadline_has_passed() {
        let mut timer = Timer::new().expect("a timer");
        let at = Instant::now() + std::time::Duration::from_millis(20);
        timer.sleep_until(Some(at)).await.expect("slept");
        assert!(Instant::now() >= at);
        // A deadline already past returns at once.
        timer.sleep_until(Some(at)).await.expect("slept");
    }
}
