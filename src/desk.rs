//! The domain: what a support agent can do and see, shared by the console and the CLI. The
//! operations ([`ops::UserOp`]), how one is applied ([`apply`]), why a user cannot sign in
//! ([`diagnosis`]) from what is [`known`], and how untrusted text is made safe to show
//! ([`inert`]).

pub mod apply;
pub mod bulk;
pub mod diagnosis;
pub mod inert;
pub mod journal;
pub mod journaled;
pub mod known;
pub mod ops;
pub mod outcome;
mod pacer;
pub mod queue;

pub use apply::{Applied, Sent, apply, lost_answer, lost_sentence};
pub use diagnosis::{Cause, Fix, StatusWord, Verdict, status_word};
pub use inert::inert;
pub use journal::{Journal, Subject};
pub use journaled::OpError;
pub use known::Known;
pub use ops::{Needs, OpKind, Refusal, Sessions, Target, UserOp};
pub use outcome::{Outcome, OutcomeKind, Seen, outcome, unread};
