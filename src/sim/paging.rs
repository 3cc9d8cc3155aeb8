//! Paged collections, as PingOne lists users, groups, populations and activities: `limit`
//! (1–1000, default 100), an opaque `cursor` in `_links.next`, the `filter` carried along,
//! `count` and `size`; every query parameter at most once.

use std::collections::HashSet;

use axum::extract::Query;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::matching::{Record, matches};
use super::responses::{invalid_data, json};
use super::routes::Answer;
use crate::pingone::filter::{self, Expr, Vocabulary};
use crate::pingone::{self, Page};

/// The query of `uri` read as `T`, every parameter given at most once: one given twice is
/// PingOne's `400 INVALID_DATA` naming it; one that does not fit `T` is the framework's
/// rejection, which the simulator's edge answers in PingOne's shape.
pub(super) fn once<T: DeserializeOwned>(uri: &Uri) -> Result<T, Response> {
    let query = uri.query().unwrap_or_default();
    let mut seen = HashSet::new();
    for (name, _) in url::form_urlencoded::parse(query.as_bytes()) {
        if !seen.insert(name.clone()) {
            return Err(invalid_data(
                &name,
                format!("The query parameter {name} may be given only once"),
            ));
        }
    }
    Query::try_from_uri(uri)
        .map(|Query(params)| params)
        .map_err(IntoResponse::into_response)
}

/// `?filter=&limit=&cursor=`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ListParams {
    /// The filter, as sent.
    pub(super) filter: Option<String>,
    /// The page size, as sent.
    pub(super) limit: Option<String>,
    /// Where the page starts, from a `next` link.
    pub(super) cursor: Option<String>,
}

/// Which slice of a collection a request asks for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Window {
    /// Items per page.
    pub(super) limit: usize,
    /// Items skipped.
    pub(super) offset: usize,
}

impl Window {
    /// The items of this window.
    pub(super) fn slice<T>(self, all: impl Iterator<Item = T>) -> impl Iterator<Item = T> {
        all.skip(self.offset).take(self.limit)
    }
}

impl ListParams {
    /// The page asked for, or PingOne's `400 INVALID_DATA` naming `limit` or `cursor`.
    pub(super) fn window(&self) -> Result<Window, Response> {
        self.window_up_to(pingone::MAX_PAGE_LIMIT)
    }

    /// The page asked for, at most `max` items, or the `400` naming `limit` or `cursor`.
    pub(super) fn window_up_to(&self, max: usize) -> Result<Window, Response> {
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
        Ok(Window { limit, offset })
    }

    /// The filter parsed in `vocabulary`, or PingOne's `400 INVALID_DATA` naming `filter`.
    pub(super) fn parsed(&self, vocabulary: &dyn Vocabulary) -> Result<Option<Expr>, Response> {
        self.filter
            .as_deref()
            .map(|f| filter::parse(f, vocabulary))
            .transpose()
            .map_err(|error| invalid_data("filter", error.0))
    }

    /// The page asked for and the filter parsed in `vocabulary`, or the `400` for the first
    /// that is wrong.
    pub(super) fn query(
        &self,
        vocabulary: &dyn Vocabulary,
    ) -> Result<(Window, Option<Expr>), Response> {
        Ok((self.window()?, self.parsed(vocabulary)?))
    }

    /// The page of the records of `all` that match the filter (parsed in `vocabulary`), each as
    /// `present` makes it, as `_embedded.{key}` of `collection`; or the `400` for a bad limit,
    /// cursor or filter.
    pub(super) fn filtered<'a, T: Record + 'a, U: Serialize>(
        &self,
        vocabulary: &dyn Vocabulary,
        all: impl Iterator<Item = &'a T>,
        present: impl Fn(&T) -> U,
        (collection, key): (&str, &str),
    ) -> Answer {
        let (window, filter) = self.query(vocabulary)?;
        let matching: Vec<U> = all
            .filter(|r| filter.as_ref().is_none_or(|f| matches(f, *r, &|_| false)))
            .map(present)
            .collect();
        Ok(json(
            StatusCode::OK,
            &self.page_of(collection, window, key, matching),
        ))
    }

    /// A link to this collection from `offset` on, with the same filter and limit.
    fn link(&self, collection: &str, limit: usize, offset: Option<usize>) -> String {
        let mut url = url::Url::parse(collection).expect("the simulator's own URL parses");
        {
            let mut pairs = url.query_pairs_mut();
            if let Some(f) = &self.filter {
                pairs.append_pair("filter", f);
            }
            pairs.append_pair("limit", &limit.to_string());
            if let Some(at) = offset {
                pairs.append_pair("cursor", &encode_cursor(at));
            }
        }
        url.into()
    }

    /// The page `window` of `matching` (every match, in order) as `_embedded.{key}`, with
    /// `self` and `next` links to `collection`.
    pub(super) fn page_of<T: Serialize>(
        &self,
        collection: &str,
        window: Window,
        key: &str,
        matching: Vec<T>,
    ) -> Page<T> {
        let total = matching.len();
        let items = window.slice(matching.into_iter()).collect();
        self.page(collection, window, key, total, items)
    }

    /// `items`, the page `window` of `total` matches, as `_embedded.{key}`, with `self` and
    /// `next` links to `collection`.
    pub(super) fn page<T: Serialize>(
        &self,
        collection: &str,
        window: Window,
        key: &str,
        total: usize,
        items: Vec<T>,
    ) -> Page<T> {
        let shown = items.len();
        let here = (window.offset > 0).then_some(window.offset);
        let mut page = Page::new(key, items, total)
            .with_link("self", &self.link(collection, window.limit, here));
        if window.offset + shown < total {
            let next = self.link(collection, window.limit, Some(window.offset + shown));
            page = page.with_link("next", &next);
        }
        page
    }
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
