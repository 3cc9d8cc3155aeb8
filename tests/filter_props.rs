//! Property tests: whatever a person types, the filter the client builds parses in the
//! simulator's PingOne grammar with every value as one literal, so no input changes the structure.

use pingdesk::api::query::prefix_filter;
use pingdesk::pingone::FilterOp;
use pingdesk::pingone::filter::{Comparison, Expr, Literal, UserAttributes, parse, quote};
use proptest::prelude::*;

const USERS: UserAttributes<'static> = UserAttributes { custom: &[] };

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_round_trips_as_one_literal(value in any::<String>()) {
        let filter = format!("username eq {}", quote(&value));
        let parsed = parse(&filter, &USERS).expect("a quoted value always parses");
        prop_assert_eq!(parsed, Expr::Cmp(Comparison {
            attribute: "username".into(),
            op: FilterOp::Eq,
            value: Literal::Str(value),
        }));
    }

    #[test]
    fn prefix_searches_only_ever_compare_the_typed_text(text in "\\PC{1,40}|[\"\\\\() a-z]{1,20}") {
        let trimmed = text.trim();
        prop_assume!(!trimmed.is_empty());
        let built = prefix_filter(trimmed);
        let parsed = parse(&built.render(), &USERS).expect("the client's filter parses");
        prop_assert_eq!(parsed.render(), built.render(), "what the client renders parses back to what it built");
        let found: Vec<Comparison> = parsed.comparisons().into_iter().cloned().collect();
        let mut sources: Vec<&str> = trimmed.split_whitespace().collect();
        sources.push(trimmed);
        for cmp in found {
            prop_assert_eq!(cmp.op, FilterOp::Sw);
            let Literal::Str(value) = cmp.value else { panic!("string literal expected") };
            let is_variant = sources.iter().any(|source| {
                let mut chars = source.chars();
                let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                value == *source || value == source.to_lowercase() || value == capitalised
            });
            prop_assert!(is_variant, "{:?} is not a casing of the text or of one of its words", value);
        }
    }
}
