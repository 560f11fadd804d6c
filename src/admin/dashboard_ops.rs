//! `info`, `dashboard` and `analytics.*`: the server's facts for clients (version, uptime, the
//! base URLs OpenAI and Anthropic clients should use, derived from `server.public_host` by the
//! original's rules), the dashboard's figures in one answer (totals, error rate, percentiles,
//! per model / provider / key / user, an hourly series), the slowest requests by first-token
//! time, and how cost divides between providers and models.

use super::{AdminError, Service, StatsGroup, StatsQuery};
use crate::stats::Summary;
use crate::store::{GroupBy, LogEntry, LogQuery, unix_ms};
use serde::{Deserialize, Serialize};
use std::time::SystemTime;

/// Rows `analytics.slow` reads at most before answering with what it found.
const SLOW_SCAN_MAX_ROWS: usize = 200_000;
const SLOW_DEFAULT_THRESHOLD_MS: f64 = 2000.0;
const SLOW_DEFAULT_LIMIT: usize = 100;
const SLOW_MAX_LIMIT: usize = 1000;

/// `info`: `host` is the `Host` the client reached the relay at (the HTTP API passes it), used
/// when `server.public_host` is not set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct InfoQuery {
    pub host: Option<String>,
}

/// What a client needs to know of this relay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ServerInfo {
    pub version: String,
    pub uptime_secs: u64,
    pub listen: Option<String>,
    /// `server.public_host` as configured (`None`: not set).
    pub public_host: Option<String>,
    /// For OpenAI clients (ends in `/v1`).
    pub openai_base_url: String,
    /// For Anthropic clients and Claude Code (the same without `/v1`).
    pub anthropic_base_url: String,
    pub providers: usize,
}

/// `dashboard`, `analytics.costs`: a time range (default: the last 24 hours).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    /// Unix milliseconds (default: 24 hours ago).
    pub since_ms: Option<u64>,
    /// Unix milliseconds (default: now).
    pub until_ms: Option<u64>,
}

/// The dashboard's figures for a time range.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Dashboard {
    pub since_ms: u64,
    pub until_ms: u64,
    pub total: Summary,
    /// Errors / requests (0 with no requests).
    pub error_rate: f64,
    pub by_model: Vec<StatsGroup>,
    pub by_provider: Vec<StatsGroup>,
    /// `provider/label`.
    pub by_key: Vec<StatsGroup>,
    /// The user name (empty: the access key).
    pub by_user: Vec<StatsGroup>,
    /// One group per hour; `group` is the hour's start in unix seconds.
    pub series: Vec<StatsGroup>,
}

/// `analytics.slow`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SlowQuery {
    pub since_ms: Option<u64>,
    pub until_ms: Option<u64>,
    /// Time to first byte above which a request is slow (default 2000).
    pub threshold_ms: Option<f64>,
    /// At most this many (default 100, at most 1000), slowest first.
    pub limit: Option<usize>,
}

/// The slowest requests by time to first byte.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SlowRequests {
    pub threshold_ms: f64,
    /// How many requests in the range were slow (`items` holds the first `limit`).
    pub total: u64,
    /// Fewer rows were read than the range holds (it is very large).
    pub partial: bool,
    pub items: Vec<LogEntry>,
}

/// One part of the cost.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CostShare {
    pub group: String,
    pub requests: u64,
    pub cost_usd: f64,
    /// Percent of the total cost (0 when the total is 0).
    pub percent: f64,
}

/// How cost divides between providers and models.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CostDistribution {
    pub since_ms: u64,
    pub until_ms: u64,
    pub total_cost_usd: f64,
    pub by_provider: Vec<CostShare>,
    pub by_model: Vec<CostShare>,
}

/// The OpenAI base URL for `public_host` (the original's rules), else for the address the client
/// used, else for the listen address.
pub fn openai_base_url(public_host: Option<&str>, host: Option<&str>, listen: Option<&str>) -> String {
    let listen = listen.unwrap_or("127.0.0.1:8000");
    let port = listen.rsplit_once(':').map_or("8000", |(_, p)| p);
    let with_v1 = |u: &str| {
        let u = u.trim_end_matches('/');
        if u.ends_with("/v1") { u.to_string() } else { format!("{u}/v1") }
    };
    match public_host.map(str::trim).filter(|h| !h.is_empty()) {
        Some(h) if h.starts_with("http") => with_v1(h),
        Some(h) => {
            let last = h.rsplit('.').next().unwrap_or("");
            if h.contains('.') && !last.chars().any(|c| c.is_ascii_digit()) {
                format!("https://{}/v1", h.trim_end_matches('/'))
            } else {
                format!("http://{h}:{port}/v1")
            }
        }
        None => match host.map(str::trim).filter(|h| !h.is_empty() && valid_host(h)) {
            Some(h) => format!("http://{h}/v1"),
            None => {
                let l = listen.replace("0.0.0.0:", "127.0.0.1:").replace("[::]:", "[::1]:");
                format!("http://{l}/v1")
            }
        },
    }
}

/// A `Host` header worth putting in a URL: a host name or address and an optional port.
fn valid_host(h: &str) -> bool {
    h.len() <= 255 && h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'))
}

pub(super) fn range(since: Option<u64>, until: Option<u64>) -> Result<(u64, u64), AdminError> {
    let now = unix_ms(SystemTime::now());
    let until = until.unwrap_or(now + 1);
    let since = since.unwrap_or(until.saturating_sub(86_400_000));
    if since > until {
        return Err(AdminError::invalid(Some("since_ms"), "must not be after until_ms"));
    }
    Ok((since, until))
}

fn shares(groups: &[StatsGroup], total: f64) -> Vec<CostShare> {
    let mut out: Vec<CostShare> = groups
        .iter()
        .map(|g| CostShare {
            group: g.group.clone(),
            requests: g.summary.requests,
            cost_usd: g.summary.cost_usd,
            percent: if total > 0.0 { g.summary.cost_usd / total * 100.0 } else { 0.0 },
        })
        .collect();
    out.sort_by(|a, b| b.cost_usd.total_cmp(&a.cost_usd).then_with(|| a.group.cmp(&b.group)));
    out
}

impl Service {
    pub fn info(&self, q: InfoQuery) -> Result<ServerInfo, AdminError> {
        let config = self.config()?;
        let public_host = config.server.public_host.clone().filter(|h| !h.trim().is_empty());
        let listen = self.host.as_ref().and_then(|h| h.listen());
        let openai = openai_base_url(public_host.as_deref(), q.host.as_deref(), listen.as_deref());
        let anthropic = openai.strip_suffix("/v1").unwrap_or(&openai).to_string();
        Ok(ServerInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            uptime_secs: self.host.as_ref().map_or(0, |h| h.uptime_secs()),
            listen,
            public_host,
            openai_base_url: openai,
            anthropic_base_url: anthropic,
            providers: config.providers.len(),
        })
    }

    async fn stats_by(&self, since_ms: u64, until_ms: u64, by: GroupBy) -> Result<Vec<StatsGroup>, AdminError> {
        Ok(self.stats(StatsQuery { since_ms: Some(since_ms), until_ms: Some(until_ms), by }).await?.groups)
    }

    pub async fn dashboard(&self, q: RangeQuery) -> Result<Dashboard, AdminError> {
        let (since, until) = range(q.since_ms, q.until_ms)?;
        let total = self.stats(StatsQuery { since_ms: Some(since), until_ms: Some(until), by: GroupBy::Total }).await?;
        let t = total.total;
        Ok(Dashboard {
            since_ms: since,
            until_ms: until,
            error_rate: if t.requests > 0 { t.errors as f64 / t.requests as f64 } else { 0.0 },
            total: t,
            by_model: self.stats_by(since, until, GroupBy::Model).await?,
            by_provider: self.stats_by(since, until, GroupBy::Provider).await?,
            by_key: self.stats_by(since, until, GroupBy::Key).await?,
            by_user: self.stats_by(since, until, GroupBy::User).await?,
            series: self.stats_by(since, until, GroupBy::Hour).await?,
        })
    }

    pub async fn analytics_costs(&self, q: RangeQuery) -> Result<CostDistribution, AdminError> {
        let (since, until) = range(q.since_ms, q.until_ms)?;
        let by_provider = self.stats_by(since, until, GroupBy::Provider).await?;
        let by_model = self.stats_by(since, until, GroupBy::Model).await?;
        let total: f64 = by_provider.iter().map(|g| g.summary.cost_usd).sum();
        Ok(CostDistribution {
            since_ms: since,
            until_ms: until,
            total_cost_usd: total,
            by_provider: shares(&by_provider, total),
            by_model: shares(&by_model, total),
        })
    }

    pub async fn analytics_slow(&self, q: SlowQuery) -> Result<SlowRequests, AdminError> {
        let (since, until) = range(q.since_ms, q.until_ms)?;
        let threshold = q.threshold_ms.unwrap_or(SLOW_DEFAULT_THRESHOLD_MS);
        if !threshold.is_finite() || threshold < 0.0 {
            return Err(AdminError::invalid(Some("threshold_ms"), "must be a number >= 0"));
        }
        let limit = q.limit.unwrap_or(SLOW_DEFAULT_LIMIT);
        if !(1..=SLOW_MAX_LIMIT).contains(&limit) {
            return Err(AdminError::invalid(Some("limit"), format!("must be 1 to {SLOW_MAX_LIMIT}")));
        }
        let mut query =
            LogQuery { since_ms: Some(since), until_ms: Some(until), limit: Some(1000), ..LogQuery::default() };
        let (mut slow, mut read, mut partial) = (Vec::new(), 0usize, false);
        loop {
            let page = self.logs_query(query.clone()).await?;
            read += page.entries.len();
            slow.extend(page.entries.into_iter().filter(|e| e.ttfb_ms.is_some_and(|t| t > threshold)));
            match page.next {
                Some(next) if read < SLOW_SCAN_MAX_ROWS => query.after = Some(next),
                Some(_) => {
                    partial = true;
                    break;
                }
                None => break,
            }
        }
        slow.sort_by(|a, b| b.ttfb_ms.unwrap_or(0.0).total_cmp(&a.ttfb_ms.unwrap_or(0.0)));
        let total = slow.len() as u64;
        slow.truncate(limit);
        Ok(SlowRequests { threshold_ms: threshold, total, partial, items: slow })
    }
}

#[cfg(test)]
mod tests {
    use super::openai_base_url;

    #[test]
    fn base_urls_follow_the_original_rules() {
        let l = Some("0.0.0.0:8000");
        assert_eq!(openai_base_url(Some("https://relay.example.com/"), None, l), "https://relay.example.com/v1");
        assert_eq!(openai_base_url(Some("http://10.0.0.2:9000/v1"), None, l), "http://10.0.0.2:9000/v1");
        assert_eq!(openai_base_url(Some("relay.example.com"), None, l), "https://relay.example.com/v1");
        assert_eq!(openai_base_url(Some("10.0.0.2"), None, l), "http://10.0.0.2:8000/v1");
        assert_eq!(openai_base_url(Some("myhost"), None, l), "http://myhost:8000/v1");
        assert_eq!(openai_base_url(None, Some("relay.lan:8000"), l), "http://relay.lan:8000/v1");
        assert_eq!(openai_base_url(None, Some("bad host/<x>"), l), "http://127.0.0.1:8000/v1");
        assert_eq!(openai_base_url(None, None, l), "http://127.0.0.1:8000/v1");
    }
}
