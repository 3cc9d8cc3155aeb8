//! Property tests: whatever a person types, the filter the client builds parses in the
//! simulator's PingOne grammar with every value as one literal, so no input changes the structure.

use pingdesk::api::filter::{prefix_filter, quote};
use pingdesk::pingone::FilterOp;
use pingdesk::sim::filter::{Comparison, Expr, Literal, parse};
use proptest::prelude::*;

fn comparisons(expr: &Expr, out: &mut Vec<Comparison>) {
    match expr {
        Expr::And(a, b) | Expr::Or(a, b) => {
            comparisons(a, out);
            comparisons(b, out);
        }
        Expr::Cmp(cmp) => out.push(cmp.clone()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_round_trips_as_one_literal(value in any::<String>()) {
        let filter = format!("username eq {}", quote(&value));
        let parsed = parse(&filter, &[]).expect("a quoted value always parses");
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
        let parsed = parse(&prefix_filter(trimmed), &[]).expect("the client's filter parses");
        let mut found = Vec::new();
        comparisons(&parsed, &mut found);
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
