//! One request slot, for every kind of request: starting a request cancels the one it replaces,
//! and settling accepts only the reply to the request in the slot (a late reply to a superseded
//! one is dropped).

use super::msg::{Effect, ReqId};

/// The request in flight for one purpose, tagged with what it is for (a user id, an operation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InFlight<T> {
    current: Option<(ReqId, T)>,
}

impl<T> Default for InFlight<T> {
    fn default() -> Self {
        Self { current: None }
    }
}

impl<T> InFlight<T> {
    /// Puts `req` in the slot; the request it replaces (if any) is to be cancelled.
    #[must_use = "the replaced request must be cancelled"]
    pub fn start(&mut self, req: ReqId, tag: T) -> Option<Effect> {
        let old = self.current.replace((req, tag));
        old.map(|(old, _)| Effect::Cancel(old))
    }

    /// Takes the slot's tag if `req` answers the request in it; `None` means a stale reply.
    pub fn settle(&mut self, req: ReqId) -> Option<T> {
        if self
            .current
            .as_ref()
            .is_some_and(|(waiting, _)| *waiting == req)
        {
            return self.current.take().map(|(_, tag)| tag);
        }
        tracing::debug!(?req, "dropped a stale reply");
        None
    }

    /// Empties the slot; the request in it (if any) is to be cancelled.
    #[must_use = "the request must be cancelled"]
    pub fn cancel(&mut self) -> Option<Effect> {
        self.current.take().map(|(req, _)| Effect::Cancel(req))
    }

    /// Whether a request is in flight.
    pub fn is_busy(&self) -> bool {
        self.current.is_some()
    }

    /// What the request in flight is for.
    pub fn tag(&self) -> Option<&T> {
        self.current.as_ref().map(|(_, tag)| tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_cancels_the_old_and_settle_drops_stale_replies() {
        let mut slot = InFlight::default();
        assert_eq!(slot.start(ReqId(1), "a"), None);
        assert_eq!(slot.start(ReqId(2), "b"), Some(Effect::Cancel(ReqId(1))));
        assert_eq!(slot.settle(ReqId(1)), None, "a stale reply");
        assert!(slot.is_busy());
        assert_eq!(slot.settle(ReqId(2)), Some("b"));
        assert!(!slot.is_busy());
        assert_eq!(slot.settle(ReqId(2)), None, "a second reply");
        assert_eq!(slot.start(ReqId(3), "c"), None);
        assert_eq!(slot.cancel(), Some(Effect::Cancel(ReqId(3))));
    }
}
