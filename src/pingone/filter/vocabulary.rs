//! What each collection lets a filter name: the users' documented attributes (and custom
//! string attributes), and the groups'.

use super::{FilterError, FilterOp, Vocabulary};

/// The users collection's vocabulary: PingOne's documented attributes and operators, plus the
/// environment's custom string attributes (`eq`, `sw`).
pub struct UserAttributes<'a> {
    /// The environment's custom string attributes.
    pub custom: &'a [String],
}

impl Vocabulary for UserAttributes<'_> {
    fn canonical(&self, attribute: &str, op: FilterOp) -> Result<String, FilterError> {
        let known = crate::pingone::FILTER_EQ_ATTRIBUTES
            .iter()
            .copied()
            .chain(["updatedAt"])
            .chain(self.custom.iter().map(String::as_str))
            .find(|known| known.eq_ignore_ascii_case(attribute));
        let custom = known.is_some_and(|k| self.custom.iter().any(|c| c == k));
        match known {
            Some(name) if custom && matches!(op, FilterOp::Eq | FilterOp::Sw) => {
                Ok(name.to_owned())
            }
            Some(name) if crate::pingone::is_filterable(name, op) => Ok(name.to_owned()),
            Some(name) => Err(FilterError(format!(
                "The '{}' operator is not supported for attribute '{name}'",
                op.as_str()
            ))),
            None => Err(FilterError(format!(
                "Attribute '{attribute}' is not supported in filters"
            ))),
        }
    }

    fn is_boolean(&self, attribute: &str) -> bool {
        attribute == "enabled"
    }

    fn allows_group_membership(&self) -> bool {
        true
    }
}

/// A collection whose filterable attributes are a fixed list, each with its operators (groups:
/// [`crate::pingone::GROUP_FILTER_ATTRIBUTES`], populations:
/// [`crate::pingone::POPULATION_FILTER_ATTRIBUTES`]).
pub struct FixedAttributes(pub &'static [(&'static str, &'static [FilterOp])]);

impl Vocabulary for FixedAttributes {
    fn canonical(&self, attribute: &str, op: FilterOp) -> Result<String, FilterError> {
        let known = self
            .0
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(attribute));
        match known {
            Some((name, ops)) if ops.contains(&op) => Ok((*name).to_owned()),
            Some((name, _)) => Err(FilterError(format!(
                "The '{}' operator is not supported for attribute '{name}'",
                op.as_str()
            ))),
            None => Err(FilterError(format!(
                "Attribute '{attribute}' is not supported in filters"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pingone::filter::parse;

    #[test]
    fn groups_filter_on_name_id_and_external_id() {
        let groups = FixedAttributes(crate::pingone::GROUP_FILTER_ATTRIBUTES);
        let expr = parse(r#"NAME sw "Fin" or id eq "g""#, &groups).expect("parses");
        assert_eq!(expr.render(), r#"name sw "Fin" or id eq "g""#);
        let refused = |filter: &str| parse(filter, &groups).expect_err(filter).0;
        assert!(refused(r#"id sw "g""#).contains("'sw'"));
        assert!(refused(r#"username eq "x""#).contains("username"));
        assert!(refused(r#"memberOfGroups[id eq "g"]"#).contains("memberOfGroups"));
    }
}
