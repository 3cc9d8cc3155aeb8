//! Bracketed paste framing: the bytes between `ESC [200~` and `ESC [201~` become one paste,
//! everything else passes through as key bytes. A paste whose end marker never comes ends when
//! the input has been quiet for [`PASTE_QUIET`], so it cannot swallow the keyboard.

use std::time::{Duration, Instant};

/// How long a paste may go without a byte before it is taken as ended without its marker.
pub const PASTE_QUIET: Duration = Duration::from_secs(1);
/// How long a tail that may be the start of a paste marker waits for the rest of it.
const HOLD: Duration = Duration::from_millis(50);
/// The most bytes of one paste kept; the rest is read and dropped until the paste ends.
pub const MAX_PASTE_BYTES: usize = 64 * 1024;

const START: &[u8] = b"\x1b[200~";
const END: &[u8] = b"\x1b[201~";

/// A stretch of input, in order.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Bytes to parse as keys; `more` when the read filled the buffer (an escape sequence may
    /// continue in the next read).
    Keys {
        /// The bytes.
        bytes: Vec<u8>,
        /// Whether more bytes may belong to the last sequence.
        more: bool,
    },
    /// One paste.
    Paste {
        /// What was pasted (invalid UTF-8 replaced), at most [`MAX_PASTE_BYTES`] of it.
        text: String,
        /// False when the end marker never came (the paste ended by going quiet).
        ended: bool,
    },
}

/// Splits input into key bytes and pastes.
#[derive(Debug, Default)]
pub struct Framer {
    /// The paste being collected, when inside one.
    paste: Option<Vec<u8>>,
    /// A tail that may be the start of a paste marker, waiting for the next read.
    held: Vec<u8>,
    /// When the last bytes came.
    last: Option<Instant>,
}

impl Framer {
    /// Takes the bytes of one read (`full` when it filled the buffer) that came at `now`.
    pub fn feed(&mut self, bytes: &[u8], full: bool, now: Instant) -> Vec<Piece> {
        self.last = Some(now);
        let mut data = std::mem::take(&mut self.held);
        data.extend_from_slice(bytes);
        let mut out = Vec::new();
        let mut rest: &[u8] = &data;
        loop {
            if let Some(paste) = &mut self.paste {
                // The end marker may straddle what was kept and what came now.
                let from = paste.len().saturating_sub(END.len() - 1);
                paste.extend_from_slice(rest);
                let Some(at) = find(&paste[from..], END).map(|i| from + i) else {
                    if paste.len() > MAX_PASTE_BYTES + END.len() {
                        // Keep the first bytes and the last few (where the marker may start).
                        paste.drain(MAX_PASTE_BYTES..paste.len() - (END.len() - 1));
                    }
                    return out;
                };
                let after = paste.split_off(at + END.len());
                paste.truncate(at.min(MAX_PASTE_BYTES));
                out.push(Piece::Paste {
                    text: String::from_utf8_lossy(paste).into_owned(),
                    ended: true,
                });
                self.paste = None;
                // What followed the paste is handled outside it.
                if !after.is_empty() {
                    out.extend(self.feed(&after, full, now));
                }
                return out;
            }
            if let Some(at) = find(rest, START) {
                if at > 0 {
                    out.push(Piece::Keys {
                        bytes: rest[..at].to_vec(),
                        more: false,
                    });
                }
                self.paste = Some(Vec::new());
                rest = &rest[at + START.len()..];
                continue;
            }
            let keep = partial_marker_len(rest);
            let (keys, held) = rest.split_at(rest.len() - keep);
            if !keys.is_empty() {
                out.push(Piece::Keys {
                    bytes: keys.to_vec(),
                    more: full && held.is_empty(),
                });
            }
            self.held = held.to_vec();
            return out;
        }
    }

    /// When the framer needs to hear back even if no byte comes (a paste or a held tail).
    pub fn deadline(&self) -> Option<Instant> {
        let last = self.last?;
        if self.paste.is_some() {
            Some(last + PASTE_QUIET)
        } else if !self.held.is_empty() {
            Some(last + HOLD)
        } else {
            None
        }
    }

    /// No byte came until `now`: ends a quiet paste, or releases a held tail as keys.
    pub fn expire(&mut self, now: Instant) -> Vec<Piece> {
        if self.deadline().is_none_or(|at| now < at) {
            return Vec::new();
        }
        if let Some(mut paste) = self.paste.take() {
            paste.truncate(MAX_PASTE_BYTES);
            return vec![Piece::Paste {
                text: String::from_utf8_lossy(&paste).into_owned(),
                ended: false,
            }];
        }
        vec![Piece::Keys {
            bytes: std::mem::take(&mut self.held),
            more: false,
        }]
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes at the end of `bytes` could be the start of a paste marker still arriving.
/// A lone ESC is not held: it is the Escape key far more often than half a marker.
fn partial_marker_len(bytes: &[u8]) -> usize {
    (2..START.len())
        .rev()
        .find(|&n| bytes.len() >= n && bytes.ends_with(&START[..n]))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8], more: bool) -> Piece {
        Piece::Keys {
            bytes: bytes.to_vec(),
            more,
        }
    }

    fn paste(text: &str, ended: bool) -> Piece {
        Piece::Paste {
            text: text.into(),
            ended,
        }
    }

    #[test]
    fn a_paste_between_keys_is_one_piece() {
        let mut framer = Framer::default();
        let now = Instant::now();
        let pieces = framer.feed(b"ab\x1b[200~x\ny\x1b[201~c", false, now);
        assert_eq!(
            pieces,
            [keys(b"ab", false), paste("x\ny", true), keys(b"c", false)]
        );
        assert_eq!(framer.deadline(), None);
    }

    #[test]
    fn markers_split_across_reads_are_found() {
        let mut framer = Framer::default();
        let now = Instant::now();
        assert_eq!(framer.feed(b"a\x1b[20", true, now), [keys(b"a", false)]);
        assert!(framer.deadline().is_some(), "the tail is held");
        assert_eq!(framer.feed(b"0~hel", false, now), []);
        assert_eq!(framer.feed(b"lo\x1b[2", false, now), []);
        assert_eq!(framer.feed(b"01~", false, now), [paste("hello", true)]);
    }

    #[test]
    fn a_paste_without_its_end_marker_ends_when_input_goes_quiet() {
        let mut framer = Framer::default();
        let start = Instant::now();
        assert_eq!(framer.feed(b"\x1b[200~abc", false, start), []);
        assert_eq!(framer.expire(start + PASTE_QUIET / 2), []);
        assert_eq!(framer.deadline(), Some(start + PASTE_QUIET));
        assert_eq!(framer.expire(start + PASTE_QUIET), [paste("abc", false)]);
        // Keys work again.
        assert_eq!(
            framer.feed(b"q", false, start + PASTE_QUIET * 2),
            [keys(b"q", false)]
        );
    }

    #[test]
    fn a_lone_escape_is_a_key_and_a_held_tail_is_released() {
        let mut framer = Framer::default();
        let now = Instant::now();
        assert_eq!(framer.feed(b"\x1b", false, now), [keys(b"\x1b", false)]);
        assert_eq!(framer.feed(b"\x1b[", false, now), []);
        assert_eq!(framer.expire(now + HOLD), [keys(b"\x1b[", false)]);
    }

    #[test]
    fn a_huge_paste_is_capped_but_read_to_its_end() {
        let mut framer = Framer::default();
        let now = Instant::now();
        framer.feed(START, false, now);
        for _ in 0..40 {
            assert_eq!(framer.feed(&[b'x'; 4096], true, now), []);
        }
        let pieces = framer.feed(b"\x1b[201~z", false, now);
        let [
            Piece::Paste { text, ended: true },
            Piece::Keys { bytes, .. },
        ] = &pieces[..]
        else {
            panic!("a paste then a key: {pieces:?}")
        };
        assert_eq!(text.len(), MAX_PASTE_BYTES);
        assert_eq!(bytes, b"z");
    }

    #[test]
    fn a_full_read_says_more_may_follow() {
        let mut framer = Framer::default();
        assert_eq!(
            framer.feed(b"ab\x1b", true, Instant::now()),
            [keys(b"ab\x1b", true)]
        );
    }
}
