//! Reading PingOne's audit activities: one filtered page, and the pages after it.

use url::Url;

use super::client::ApiClient;
use super::error::ApiError;
use super::request::Request;
use crate::pingone::{self, Activity, Expr, Page};

/// One page of activities.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityPage {
    /// The activities on this page.
    pub activities: Vec<Activity>,
    /// The `_links.next.href` to follow for more, if there are more.
    pub next: Option<Url>,
}

const ACTION: &str = "read audit activities";

impl ApiClient {
    /// `GET …/activities?filter=…&limit=…`: the first page of activities `filter` selects
    /// (PingOne requires a date range in it).
    pub async fn activities(&self, filter: &Expr, limit: usize) -> Result<ActivityPage, ApiError> {
        let mut url = self.environment_url(ACTION, &["activities"])?;
        url.query_pairs_mut()
            .append_pair("filter", &filter.render())
            .append_pair(
                "limit",
                &limit.clamp(1, pingone::MAX_ACTIVITY_LIMIT).to_string(),
            );
        self.activity_page(url).await
    }

    /// The page after one that had a `next` link.
    pub async fn next_activities(&self, next: &Url) -> Result<ActivityPage, ApiError> {
        self.same_origin(ACTION, next)?;
        self.activity_page(next.clone()).await
    }

    async fn activity_page(&self, url: Url) -> Result<ActivityPage, ApiError> {
        let request = Request::read(ACTION, pingone::PERMISSION_READ_AUDIT, url);
        let mut page: Page<Activity> = self.call(request).await?;
        let next = page.link("next").and_then(|href| Url::parse(href).ok());
        Ok(ActivityPage {
            activities: page.take("activities"),
            next,
        })
    }
}
