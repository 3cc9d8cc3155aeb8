//! The simulator's directory: users in memory with sorted indexes for prefix search, live account
//! state (locks that expire by the clock), and the mutations the API offers.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::filter::{Expr, Literal, string_attribute};
use crate::api::types::{
    Account, AccountStatus, IdRef, IdentityProvider, Lifecycle, LifecycleStatus, User,
};
use crate::pingone::FilterOp;

/// The environment the simulator serves.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Environment {
    /// Its id.
    pub id: String,
    /// Its display name.
    pub name: String,
}

/// A population.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Population {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Attributes with a sorted index, so `eq` and `sw` on them need no scan.
const INDEXED: [&str; 4] = ["username", "email", "name.given", "name.family"];

/// User positions sorted by one attribute's value (users without it are left out).
struct SortedIndex {
    attribute: &'static str,
    order: Vec<u32>,
}

/// Why a mutation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// No user with that id.
    #[error("user not found")]
    NotFound,
    /// A field is missing or wrong; `(target, message)`.
    #[error("{1}")]
    Invalid(&'static str, String),
    /// The username is taken.
    #[error("a user with username {0:?} already exists")]
    Duplicate(String),
}

/// The users of one environment.
pub struct Directory {
    /// The environment.
    pub environment: Environment,
    /// Its populations; the first is the default.
    pub populations: Vec<Population>,
    users: Vec<User>,
    by_id: HashMap<String, u32>,
    indexes: Vec<SortedIndex>,
    custom_attributes: Vec<String>,
}

impl Directory {
    /// Builds a directory and its indexes.
    pub fn new(environment: Environment, populations: Vec<Population>, users: Vec<User>) -> Self {
        let mut custom: Vec<String> = users
            .iter()
            .flat_map(|u| {
                u.extra
                    .iter()
                    .filter(|(k, v)| v.is_string() && !k.starts_with('_'))
            })
            .map(|(k, _)| k.clone())
            .collect();
        custom.sort();
        custom.dedup();
        let by_id = users
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), position(i)))
            .collect();
        let mut directory = Self {
            environment,
            populations,
            users,
            by_id,
            indexes: Vec::new(),
            custom_attributes: custom,
        };
        directory.indexes = INDEXED.iter().map(|a| directory.build_index(a)).collect();
        directory
    }

    fn build_index(&self, attribute: &'static str) -> SortedIndex {
        let mut order: Vec<u32> = (0..self.users.len())
            .filter(|&i| string_attribute(&self.users[i], attribute).is_some())
            .map(position)
            .collect();
        order.sort_by(|&a, &b| self.key(attribute, a).cmp(&self.key(attribute, b)));
        SortedIndex { attribute, order }
    }

    fn key(&self, attribute: &str, at: u32) -> std::borrow::Cow<'_, str> {
        string_attribute(&self.users[at as usize], attribute).unwrap_or_default()
    }

    /// How many users there are.
    pub fn len(&self) -> usize {
        self.users.len()
    }

    /// Whether there are no users.
    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    /// The custom string attributes, which PingOne lets filters use.
    pub fn custom_attributes(&self) -> &[String] {
        &self.custom_attributes
    }

    /// Positions of every user matching `filter` (all users when `None`), in directory order.
    pub fn search(&self, filter: Option<&Expr>) -> Vec<u32> {
        let Some(expr) = filter else {
            return (0..self.users.len()).map(position).collect();
        };
        match self.plan(expr) {
            Some(Plan { bits, exact: true }) => bits.ones().collect(),
            Some(Plan { bits, exact: false }) => bits
                .ones()
                .filter(|&i| expr.matches(&self.users[i as usize]))
                .collect(),
            None => (0..self.users.len())
                .filter(|&i| expr.matches(&self.users[i]))
                .map(position)
                .collect(),
        }
    }

    /// Candidates for `expr` from the indexes, if the indexes can narrow it.
    fn plan(&self, expr: &Expr) -> Option<Plan> {
        match expr {
            Expr::Cmp(cmp) => {
                let Literal::Str(value) = &cmp.value else {
                    return None;
                };
                let index = self
                    .indexes
                    .iter()
                    .find(|ix| ix.attribute == cmp.attribute)?;
                let exact_match = match cmp.op {
                    FilterOp::Eq => true,
                    FilterOp::Sw => false,
                    FilterOp::Ew | FilterOp::Ge | FilterOp::Le => return None,
                };
                let key = |at: u32| self.key(index.attribute, at);
                let start = index
                    .order
                    .partition_point(|&at| key(at).as_ref() < value.as_str());
                let len = index.order[start..].partition_point(|&at| {
                    let k = key(at);
                    if exact_match {
                        k.as_ref() == value
                    } else {
                        k.starts_with(value.as_str())
                    }
                });
                let mut bits = Bits::new(self.users.len());
                index.order[start..start + len]
                    .iter()
                    .for_each(|&at| bits.set(at));
                Some(Plan { bits, exact: true })
            }
            Expr::Or(a, b) => {
                let (mut a, b) = (self.plan(a)?, self.plan(b)?);
                a.bits.union(&b.bits);
                Some(Plan {
                    bits: a.bits,
                    exact: a.exact && b.exact,
                })
            }
            Expr::And(a, b) => match (self.plan(a), self.plan(b)) {
                (Some(mut a), Some(b)) => {
                    a.bits.intersect(&b.bits);
                    Some(Plan {
                        bits: a.bits,
                        exact: a.exact && b.exact,
                    })
                }
                (Some(one), None) | (None, Some(one)) => Some(Plan {
                    bits: one.bits,
                    exact: false,
                }),
                (None, None) => None,
            },
        }
    }

    /// The user at `at` as PingOne would send it at `now`.
    pub fn present_at(&self, at: u32, now: Timestamp) -> User {
        self.present(&self.users[at as usize], now)
    }

    /// The user with `id` as PingOne would send it at `now`.
    pub fn get(&self, id: &str, now: Timestamp) -> Option<User> {
        self.by_id.get(id).map(|&at| self.present_at(at, now))
    }

    /// Adds the fields PingOne computes when a record is read.
    fn present(&self, stored: &User, now: Timestamp) -> User {
        let mut user = stored.clone();
        let mut account = effective_account(stored.account.clone().unwrap_or_default(), now);
        let locked = account.status == Some(AccountStatus::Locked);
        account.can_authenticate = Some(stored.enabled != Some(false) && !locked);
        account.seconds_until_unlock = account.unlock_at.map(|at| {
            u64::try_from(at.as_second() - now.as_second())
                .unwrap_or(0)
                .max(1)
        });
        user.account = Some(account);
        user.environment = Some(IdRef {
            id: self.environment.id.clone(),
        });
        user
    }

    /// Unlocks an account; returns the record as read afterwards.
    pub fn unlock(&mut self, id: &str, now: Timestamp) -> Result<User, StoreError> {
        let user = self.stored_mut(id)?;
        user.account = Some(Account {
            status: Some(AccountStatus::Ok),
            ..Account::default()
        });
        user.updated_at = Some(now);
        self.get(id, now).ok_or(StoreError::NotFound)
    }

    /// Locks an account until `unlock_at`, or until an admin unlocks it.
    pub fn lock(
        &mut self,
        id: &str,
        unlock_at: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<User, StoreError> {
        if unlock_at.is_some_and(|at| at <= now) {
            // UNVERIFIED: docs say a past unlockAt means "not locked"; we refuse it as invalid.
            return Err(StoreError::Invalid(
                "unlockAt",
                "unlockAt must be in the future".into(),
            ));
        }
        let user = self.stored_mut(id)?;
        user.account = Some(Account {
            status: Some(AccountStatus::Locked),
            locked_at: Some(now),
            unlock_at,
            ..Account::default()
        });
        user.updated_at = Some(now);
        self.get(id, now).ok_or(StoreError::NotFound)
    }

    /// Creates a user from a `POST /users` body.
    pub fn create(&mut self, mut user: User, now: Timestamp) -> Result<User, StoreError> {
        if user.username.is_empty() || user.username.chars().count() > 128 {
            return Err(StoreError::Invalid(
                "username",
                "username is required (1 to 128 characters)".into(),
            ));
        }
        if user.email.as_deref().is_none_or(|e| !e.contains('@')) {
            return Err(StoreError::Invalid(
                "email",
                "a valid email is required".into(),
            ));
        }
        let taken = self.indexes[0]
            .order
            .binary_search_by(|&at| self.key("username", at).as_ref().cmp(&user.username));
        if taken.is_ok() {
            return Err(StoreError::Duplicate(user.username));
        }
        user.id = uuid::Uuid::new_v4().to_string();
        let default_population = self.populations.first().map(|p| IdRef { id: p.id.clone() });
        user.population = user.population.or(default_population);
        user.enabled = Some(true);
        user.account = Some(Account {
            status: Some(AccountStatus::Ok),
            ..Account::default()
        });
        user.lifecycle = Some(Lifecycle {
            status: Some(LifecycleStatus::AccountOk),
        });
        user.mfa_enabled = Some(user.mfa_enabled.unwrap_or(false));
        user.identity_provider = Some(IdentityProvider {
            kind: Some("PING_ONE".into()),
            id: None,
        });
        user.created_at = Some(now);
        user.updated_at = Some(now);
        let at = position(self.users.len());
        let id = user.id.clone();
        self.users.push(user);
        self.by_id.insert(id.clone(), at);
        for i in 0..self.indexes.len() {
            let attribute = self.indexes[i].attribute;
            let Some(key) = string_attribute(&self.users[at as usize], attribute) else {
                continue;
            };
            let key = key.into_owned();
            let slot = self.indexes[i]
                .order
                .partition_point(|&other| self.key(attribute, other).as_ref() < key.as_str());
            self.indexes[i].order.insert(slot, at);
        }
        self.get(&id, now).ok_or(StoreError::NotFound)
    }

    fn stored_mut(&mut self, id: &str) -> Result<&mut User, StoreError> {
        let at = *self.by_id.get(id).ok_or(StoreError::NotFound)?;
        Ok(&mut self.users[at as usize])
    }
}

/// The account as it stands at `now`: a lock whose `unlockAt` has passed is over.
fn effective_account(account: Account, now: Timestamp) -> Account {
    let expired = account.status == Some(AccountStatus::Locked)
        && account.unlock_at.is_some_and(|at| at <= now);
    if expired {
        Account {
            status: Some(AccountStatus::Ok),
            ..Account::default()
        }
    } else {
        account
    }
}

/// A vector index as a stored position.
fn position(index: usize) -> u32 {
    u32::try_from(index).expect("the simulator holds fewer than 4 billion users")
}

/// Index candidates, and whether every candidate is known to match.
struct Plan {
    bits: Bits,
    exact: bool,
}

/// A fixed-size bit set over user positions.
struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize) -> Self {
        Self(vec![0; len.div_ceil(64)])
    }
    fn set(&mut self, at: u32) {
        self.0[at as usize / 64] |= 1 << (at % 64);
    }
    fn union(&mut self, other: &Self) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }
    fn intersect(&mut self, other: &Self) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }
    fn ones(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(word_at, &word)| {
            let base = position(word_at * 64);
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    base + bit
                })
            })
        })
    }
}
