//! Paging a collection as PingOne does: its query (`filter`, `limit`, `cursor`, each at most
//! once), the page's bounds, and the `_links` to a page (the cursor is an opaque offset).

use axum::response::Response;
use base64::Engine as _;

use super::responses::invalid_data;
use crate::pingone;

/// The query of a collection (`GET /users`, `GET /activities`).
#[derive(Default)]
pub(super) struct ListParams {
    /// `filter`, as sent.
    pub(super) filter: Option<String>,
    /// `limit`, as sent.
    pub(super) limit: Option<String>,
    /// `cursor`, as sent.
    pub(super) cursor: Option<String>,
}

impl ListParams {
    /// Reads the query; a parameter given twice is refused, naming it.
    pub(super) fn parse(query: Option<&str>) -> Result<Self, Response> {
        let mut params = Self::default();
        for (name, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
            let slot = match name.as_ref() {
                "filter" => &mut params.filter,
                "limit" => &mut params.limit,
                "cursor" => &mut params.cursor,
                _ => continue,
            };
            if slot.replace(value.into_owned()).is_some() {
                return Err(invalid_data(
                    &name,
                    format!("The query parameter {name} may be given only once"),
                ));
            }
        }
        Ok(params)
    }

    /// The page asked for: `limit` (PingOne's default when absent, at most `max`) and the
    /// offset the cursor holds (0 without one); a bad one is refused, naming it.
    pub(super) fn page(&self, max: usize) -> Result<(usize, usize), Response> {
        let limit = match self.limit.as_deref().map(str::parse::<usize>) {
            None => pingone::DEFAULT_PAGE_LIMIT,
            Some(Ok(n)) if (1..=max).contains(&n) => n,
            Some(_) => {
                return Err(invalid_data(
                    "limit",
                    format!("limit must be a number from 1 to {max}"),
                ));
            }
        };
        let offset = match self.cursor.as_deref().map(decode_cursor) {
            None => 0,
            Some(Some(offset)) => offset,
            Some(None) => return Err(invalid_data("cursor", "The cursor is not valid")),
        };
        Ok((limit, offset))
    }
}

/// A page's link: the collection's URL with its filter, limit and cursor (an offset).
pub(super) fn page_link(
    collection: &str,
    filter: Option<&str>,
    limit: usize,
    cursor: Option<usize>,
) -> String {
    let mut url = url::Url::parse(collection).expect("the simulator's own URL parses");
    {
        let mut pairs = url.query_pairs_mut();
        if let Some(filter) = filter {
            pairs.append_pair("filter", filter);
        }
        pairs.append_pair("limit", &limit.to_string());
        if let Some(at) = cursor {
            pairs.append_pair("cursor", &encode_cursor(at));
        }
    }
    url.into()
}

fn encode_cursor(offset: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("offset:{offset}"))
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    String::from_utf8(bytes)
        .ok()?
        .strip_prefix("offset:")?
        .parse()
        .ok()
}
