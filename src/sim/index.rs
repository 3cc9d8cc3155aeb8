//! The simulator's indexes: user positions sorted by an attribute, so `eq` and `sw` on the
//! usual search attributes need no scan even with a million users.

use super::matching::matches;
use super::store::{Directory, position};
use crate::pingone::FilterOp;
use crate::pingone::filter::{Expr, Literal};

/// Attributes with a sorted index, so `eq` and `sw` on them need no scan.
pub(super) const INDEXED: [&str; 4] = ["username", "email", "name.given", "name.family"];

/// User positions sorted by one attribute's value (users without it are left out).
pub(super) struct SortedIndex {
    pub(super) attribute: &'static str,
    pub(super) order: Vec<u32>,
}

impl Directory {
    pub(super) fn build_index(&self, attribute: &'static str) -> SortedIndex {
        let mut order: Vec<u32> = (0..self.users.len())
            .filter(|&i| super::matching::string_attribute(&self.users[i], attribute).is_some())
            .map(position)
            .collect();
        order.sort_by(|&a, &b| self.key(attribute, a).cmp(&self.key(attribute, b)));
        SortedIndex { attribute, order }
    }

    pub(super) fn key(&self, attribute: &str, at: u32) -> std::borrow::Cow<'_, str> {
        super::matching::string_attribute(&self.users[at as usize], attribute).unwrap_or_default()
    }

    /// Positions of every user matching `filter` (all users when `None`), in directory order.
    pub fn search(&self, filter: Option<&Expr>) -> Vec<u32> {
        let Some(expr) = filter else {
            return (0..self.users.len()).map(position).collect();
        };
        let matching = |at: u32| {
            let is_member = |group: &str| self.groups.is_member(at, group);
            matches(expr, &self.users[at as usize], &is_member)
        };
        match self.plan(expr) {
            Some(Plan { bits, exact: true }) => bits.ones().collect(),
            Some(Plan { bits, exact: false }) => bits.ones().filter(|&at| matching(at)).collect(),
            None => (0..self.users.len())
                .map(position)
                .filter(|&at| matching(at))
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
                    _ => return None,
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
            Expr::MemberOfGroup(group) => {
                let mut bits = Bits::new(self.users.len());
                self.groups
                    .members(group)
                    .into_iter()
                    .for_each(|at| bits.set(at));
                Some(Plan { bits, exact: true })
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
