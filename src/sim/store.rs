//! The simulator's directory: users in memory with sorted indexes for prefix search, live account
//! state (locks that expire by the clock), and the mutations the API offers.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::groups::Groups;
use super::index::{INDEXED, SortedIndex};
use super::matching::string_attribute;
use super::mfa::Mfa;
use super::passwords::{PasswordEntry, PasswordPolicy, StoredPassword};
use crate::pingone::user::{
    Account, AccountStatus, IdRef, IdentityProvider, Lifecycle, LifecycleStatus,
};
use crate::pingone::{PasswordState, Population, User};

/// The environment the simulator serves.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Environment {
    /// Its id.
    pub id: String,
    /// Its display name.
    pub name: String,
}

/// Why a mutation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// No user with that id.
    #[error("user not found")]
    NotFound,
    /// No such thing (a device, a session, a group) under that id.
    #[error("{0} not found")]
    Missing(&'static str),
    /// A field is missing or wrong; `(target, message)`.
    #[error("{1}")]
    Invalid(&'static str, String),
    /// The username is taken.
    #[error("a user with username {0:?} already exists")]
    Duplicate(String),
    /// PingOne cannot do this to this user in its state (`REQUEST_FAILED`).
    #[error("{0}")]
    Refused(String),
}

/// The users of one environment.
pub struct Directory {
    /// The environment.
    pub environment: Environment,
    /// Its populations; the first is the default.
    pub populations: Vec<Population>,
    /// The password policy every user falls under.
    pub policy: PasswordPolicy,
    pub(super) users: Vec<User>,
    pub(super) by_id: HashMap<String, u32>,
    pub(super) indexes: Vec<SortedIndex>,
    /// Passwords that differ from [`StoredPassword::default_for`], by position.
    pub(super) passwords: HashMap<u32, StoredPassword>,
    /// Groups and memberships.
    pub(super) groups: Groups,
    /// MFA devices and sessions.
    pub(super) mfa: Mfa,
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
            policy: PasswordPolicy::default(),
            users,
            by_id,
            indexes: Vec::new(),
            passwords: HashMap::new(),
            groups: Groups::default(),
            mfa: Mfa::default(),
            custom_attributes: custom,
        };
        directory.indexes = INDEXED.iter().map(|a| directory.build_index(a)).collect();
        directory
    }

    /// Sets the passwords a directory file lists (by username).
    pub fn set_passwords(&mut self, entries: &[PasswordEntry]) -> Result<(), StoreError> {
        for entry in entries {
            let at = self.user_at(&entry.user).ok_or_else(|| {
                StoreError::Invalid("passwords", format!("no user {:?}", entry.user))
            })?;
            self.passwords.insert(at, StoredPassword::from_entry(entry));
        }
        Ok(())
    }

    /// Sets the groups, devices and sessions a directory file lists (by username).
    pub fn set_extras(&mut self, file: super::data::Extras) -> Result<(), StoreError> {
        let user_at = |name: &str| self.user_at(name);
        let groups = Groups::load(&file.groups, user_at)?;
        let mfa = Mfa::load(file.devices, file.sessions, user_at)?;
        self.groups = groups;
        self.mfa = mfa;
        Ok(())
    }

    /// The position of the user named `username`.
    pub fn user_at(&self, username: &str) -> Option<u32> {
        let order = &self.indexes[0].order;
        let at = order.partition_point(|&at| self.key("username", at).as_ref() < username);
        order
            .get(at)
            .copied()
            .filter(|&at| self.key("username", at) == username)
    }

    /// How many users there are.
    pub fn len(&self) -> usize {
        self.users.len()
    }

    /// Whether there are no users.
    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    /// The population with id `id`.
    pub fn population(&self, id: &str) -> Option<&Population> {
        self.populations.iter().find(|p| p.id == id)
    }

    /// How many users belong to population `id`.
    pub fn population_size(&self, id: &str) -> u64 {
        self.users
            .iter()
            .filter(|u| u.population.as_ref().is_some_and(|p| p.id == id))
            .count() as u64
    }

    /// The custom string attributes, which PingOne lets filters use.
    pub fn custom_attributes(&self) -> &[String] {
        &self.custom_attributes
    }

    /// The user at `at` as PingOne would send it at `now`.
    pub fn present_at(&self, at: u32, now: Timestamp) -> User {
        self.present(at, now)
    }

    /// The password of the user at `at`, as stored.
    pub(super) fn stored_password(&self, at: u32) -> StoredPassword {
        self.passwords
            .get(&at)
            .cloned()
            .unwrap_or_else(|| StoredPassword::default_for(&self.users[at as usize]))
    }

    /// The password state of user `id` as PingOne would send it at `now`.
    pub fn password(&self, id: &str, now: Timestamp) -> Result<PasswordState, StoreError> {
        let at = *self.by_id.get(id).ok_or(StoreError::NotFound)?;
        Ok(self
            .stored_password(at)
            .present(id, &self.environment.id, &self.policy, now))
    }

    /// The position of user `id`.
    pub(super) fn position_of(&self, id: &str) -> Result<u32, StoreError> {
        self.by_id.get(id).copied().ok_or(StoreError::NotFound)
    }

    /// The user with `id` as PingOne would send it at `now`.
    pub fn get(&self, id: &str, now: Timestamp) -> Option<User> {
        self.by_id.get(id).map(|&at| self.present_at(at, now))
    }

    /// Adds the fields PingOne computes when a record is read. A locked-out password locks
    /// the account too, without `lockedAt` ([DEV] user-accounts: "absent … if the account was
    /// locked out automatically by failed password attempts").
    fn present(&self, at: u32, now: Timestamp) -> User {
        let stored = &self.users[at as usize];
        let mut user = stored.clone();
        let mut account = effective_account(stored.account.clone().unwrap_or_default(), now);
        let password = self.stored_password(at).at(now);
        if account.status != Some(AccountStatus::Locked) && password.is_locked_out(now) {
            account = Account {
                status: Some(AccountStatus::Locked),
                unlock_at: password.locked_until,
                ..Account::default()
            };
        }
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

    /// Creates a user from a `POST /users` body already checked against the schema.
    pub fn create(&mut self, mut user: User, now: Timestamp) -> Result<User, StoreError> {
        if self.user_at(&user.username).is_some() {
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

    pub(super) fn stored_mut(&mut self, id: &str) -> Result<&mut User, StoreError> {
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
pub(super) fn position(index: usize) -> u32 {
    u32::try_from(index).expect("the simulator holds fewer than 4 billion users")
}
