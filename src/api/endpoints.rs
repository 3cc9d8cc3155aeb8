//! Where the PingOne API and auth services live: regions, explicit URL overrides, and the rule that
//! plain `http://` is for loopback only.

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use url::Url;

/// A PingOne region, by the codes the Terraform provider uses (`PINGONE_REGION_CODE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Region {
    /// North America (excluding Canada): `pingone.com`. The default.
    #[default]
    NA,
    /// Canada: `pingone.ca`.
    CA,
    /// European Union: `pingone.eu`.
    EU,
    /// Australia: `pingone.com.au`.
    AU,
    /// Singapore: `pingone.sg`.
    SG,
    /// Asia-Pacific, legacy `.asia` organisations only.
    AP,
}

impl Region {
    /// Every region, in the order the docs list them.
    pub const ALL: [Region; 6] = [Self::NA, Self::CA, Self::EU, Self::AU, Self::SG, Self::AP];

    /// The top-level domain after `pingone.` for this region.
    pub fn tld(self) -> &'static str {
        match self {
            Self::NA => "com",
            Self::CA => "ca",
            Self::EU => "eu",
            Self::AU => "com.au",
            Self::SG => "sg",
            Self::AP => "asia",
        }
    }

    /// The region's code as configured (`NA`, `EU`, …).
    pub fn code(self) -> &'static str {
        match self {
            Self::NA => "NA",
            Self::CA => "CA",
            Self::EU => "EU",
            Self::AU => "AU",
            Self::SG => "SG",
            Self::AP => "AP",
        }
    }

    /// The API and auth hosts of this region.
    pub fn endpoints(self) -> Endpoints {
        let host = |service: &str| {
            Url::parse(&format!("https://{service}.pingone.{}/", self.tld()))
                .expect("region hosts are valid URLs")
        };
        Endpoints {
            api: host("api"),
            auth: host("auth"),
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A region code that is not one of PingOne's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown PingOne region {0:?}: use one of NA, CA, EU, AU, SG, AP")]
pub struct UnknownRegion(String);

impl FromStr for Region {
    type Err = UnknownRegion;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|region| region.code().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| UnknownRegion(text.to_owned()))
    }
}

/// The two base URLs pingdesk talks to: the management API (paths start `/v1/`) and the auth
/// service (paths start `/{envID}/as/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// Base of the management API, e.g. `https://api.pingone.eu/`.
    pub api: Url,
    /// Base of the auth service, e.g. `https://auth.pingone.eu/`.
    pub auth: Url,
}

/// Why a base URL was refused.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum EndpointError {
    /// Not a URL at all.
    #[error("{which} URL {url:?} is not a valid URL: {reason}")]
    Invalid {
        /// "API" or "auth".
        which: &'static str,
        /// The URL as given.
        url: String,
        /// The parser's complaint.
        reason: String,
    },
    /// A user name or password in the URL: PingOne takes the worker's credentials, never these.
    #[error(
        "{which} URL {url:?} must not carry a user name or password: pingdesk authenticates with the worker app's credentials"
    )]
    Userinfo {
        /// "API" or "auth".
        which: &'static str,
        /// The URL as given, its password masked.
        url: String,
    },
    /// `http://` to a host that is not loopback, or a scheme that is neither http nor https.
    #[error(
        "{which} URL {url:?} must use https: plain http is only allowed for loopback hosts, so that a token never crosses a network in clear text"
    )]
    Insecure {
        /// "API" or "auth".
        which: &'static str,
        /// The URL as given.
        url: String,
    },
}

impl Endpoints {
    /// Builds endpoints from explicit base URLs, enforcing https except on loopback.
    pub fn from_urls(api: &str, auth: &str) -> Result<Self, EndpointError> {
        Ok(Self {
            api: parse_base("API", api)?,
            auth: parse_base("auth", auth)?,
        })
    }
}

/// `text` with the password of every URL in it (`scheme://user:password@host`) masked as `***`,
/// so that no message, log line or screen shows one.
pub fn redact_userinfo(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find("://") {
        let authority_start = at + 3;
        out.push_str(&rest[..authority_start]);
        let tail = &rest[authority_start..];
        let end = tail
            .find(|c: char| matches!(c, '/' | '?' | '#') || c.is_whitespace() || c == '"')
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@').and_then(|at| {
            let userinfo = &authority[..at];
            userinfo.find(':').map(|colon| (colon, at))
        }) {
            Some((colon, at)) => {
                out.push_str(&authority[..=colon]);
                out.push_str("***");
                out.push_str(&authority[at..]);
                changed = true;
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Parses a base URL, keeps its path as a directory (so joins append), and checks its scheme.
fn parse_base(which: &'static str, text: &str) -> Result<Url, EndpointError> {
    let shown = redact_userinfo(text).into_owned();
    let invalid = |reason: String| EndpointError::Invalid {
        which,
        url: shown.clone(),
        reason: redact_userinfo(&reason).into_owned(),
    };
    let mut url = Url::parse(text.trim()).map_err(|e| invalid(e.to_string()))?;
    let secure = match url.scheme() {
        "https" => true,
        "http" => is_loopback(&url),
        _ => false,
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Err(EndpointError::Userinfo { which, url: shown });
    }
    if !secure {
        return Err(EndpointError::Insecure { which, url: shown });
    }
    if url.host().is_none() {
        return Err(invalid("it has no host".to_owned()));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// Whether a URL's host is this machine (127.0.0.0/8, `::1` or `localhost`).
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_map_to_documented_hosts() {
        let eu = Region::EU.endpoints();
        assert_eq!(eu.api.as_str(), "https://api.pingone.eu/");
        assert_eq!(eu.auth.as_str(), "https://auth.pingone.eu/");
        assert_eq!(
            Region::AU.endpoints().api.as_str(),
            "https://api.pingone.com.au/"
        );
        assert_eq!(
            Region::AP.endpoints().auth.as_str(),
            "https://auth.pingone.asia/"
        );
        assert_eq!("sg".parse::<Region>().ok(), Some(Region::SG));
        assert!("Europe".parse::<Region>().is_err());
    }

    #[test]
    fn plain_http_only_for_loopback() {
        assert!(Endpoints::from_urls("http://127.0.0.1:9/", "http://localhost:9").is_ok());
        assert!(Endpoints::from_urls("http://[::1]:9", "https://auth.example.com").is_ok());
        let err = Endpoints::from_urls("http://10.0.0.5:9", "https://a.example.com");
        assert!(matches!(
            err,
            Err(EndpointError::Insecure { which: "API", .. })
        ));
        let err = Endpoints::from_urls("https://a.example.com", "ftp://127.0.0.1");
        assert!(matches!(
            err,
            Err(EndpointError::Insecure { which: "auth", .. })
        ));
        assert!(Endpoints::from_urls("not a url", "https://a.example.com").is_err());
    }

    #[test]
    fn passwords_in_urls_are_refused_and_never_shown() {
        assert_eq!(
            redact_userinfo("see https://ann:hunter2@api.example.com/x and ftp://b@c"),
            "see https://ann:***@api.example.com/x and ftp://b@c"
        );
        assert_eq!(redact_userinfo("no urls here"), "no urls here");
        for text in [
            "https://ann:hunter2@api.example.com",
            "http://ann:hunter2@10.0.0.5:9",
            "ftp://ann:hunter2@example.com",
            "https://ann:hunter2@exa mple.com",
        ] {
            let error = Endpoints::from_urls(text, "https://a.example.com").expect_err("refused");
            let message = error.to_string();
            assert!(!message.contains("hunter2"), "{message}");
            assert!(message.contains("ann:***@"), "{message}");
        }
    }

    #[test]
    fn base_paths_become_directories() {
        let endpoints = Endpoints::from_urls(
            "https://proxy.example.com/pingone?x=1",
            "https://a.example.com",
        )
        .expect("valid");
        assert_eq!(endpoints.api.as_str(), "https://proxy.example.com/pingone/");
    }
}
