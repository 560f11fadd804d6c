//! `usage`: one principal's own figures — requests, tokens, cost, error rate, latency, per model
//! and per hour — read from the hourly aggregates (model × provider × key × user) with only that
//! user's rows kept, so a plain user's view never holds anyone else's numbers. The HTTP layer
//! decides whose usage a caller may read (a plain user: only their own).

use super::{AdminError, Service, StatsGroup, blocking};
use crate::stats::{Agg, Summary};
use crate::store::{GroupBy, SEP};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `usage`: whose, over which time range (default: the last 24 hours).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UsageQuery {
    /// Unix milliseconds (default: 24 hours ago).
    pub since_ms: Option<u64>,
    /// Unix milliseconds (default: now).
    pub until_ms: Option<u64>,
    /// The user name (empty: requests made with the access key). Over HTTP a plain user always
    /// gets their own; an admin gets their own unless they name someone.
    pub user: Option<String>,
}

/// One user's figures for a time range.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Usage {
    pub since_ms: u64,
    pub until_ms: u64,
    /// Whose (empty: the access key).
    pub user: String,
    pub total: Summary,
    /// Errors / requests (0 with no requests).
    pub error_rate: f64,
    /// Busiest first.
    pub by_model: Vec<StatsGroup>,
    /// One group per hour with requests; `group` is the hour's start in unix seconds.
    pub series: Vec<StatsGroup>,
}

/// The groups of `user` in `rows` (named `user␟rest`), by `rest`.
fn of_user(rows: BTreeMap<String, Agg>, user: &str) -> BTreeMap<String, Agg> {
    rows.into_iter()
        .filter_map(|(k, a)| {
            let (u, rest) = k.split_once(SEP)?;
            (u == user).then(|| (rest.to_string(), a))
        })
        .collect()
}

impl Service {
    pub async fn usage(&self, q: UsageQuery) -> Result<Usage, AdminError> {
        let (since, until) = super::dashboard_ops::range(q.since_ms, q.until_ms)?;
        let user = q.user.unwrap_or_default();
        self.settle().await;
        let store = self.store()?;
        let (by_model, by_hour) = blocking(move || {
            Ok::<_, crate::store::StoreError>((
                store.stats(since, until, GroupBy::UserModel)?,
                store.stats(since, until, GroupBy::UserHour)?,
            ))
        })
        .await?;
        let by_model = of_user(by_model, &user);
        let by_hour = of_user(by_hour, &user);
        let total = by_model.values().fold(Agg::default(), |mut t, a| {
            t.merge(a);
            t
        });
        let total = total.summary();
        let groups = |m: &BTreeMap<String, Agg>| -> Vec<StatsGroup> {
            m.iter().map(|(k, a)| StatsGroup { group: k.clone(), summary: a.summary() }).collect()
        };
        let mut models = groups(&by_model);
        models.sort_by(|a, b| b.summary.requests.cmp(&a.summary.requests).then_with(|| a.group.cmp(&b.group)));
        let mut series = groups(&by_hour);
        series.sort_by_key(|g| g.group.parse::<u64>().unwrap_or(0));
        Ok(Usage {
            since_ms: since,
            until_ms: until,
            user,
            error_rate: if total.requests > 0 { total.errors as f64 / total.requests as f64 } else { 0.0 },
            total,
            by_model: models,
            series,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_named_users_groups_are_kept() {
        let mut rows = BTreeMap::new();
        for k in ["bob\u{1f}m1", "eve\u{1f}m1", "\u{1f}m2", "bob\u{1f}m2"] {
            rows.insert(k.to_string(), Agg::default());
        }
        let bob: Vec<String> = of_user(rows.clone(), "bob").into_keys().collect();
        assert_eq!(bob, ["m1", "m2"]);
        let key: Vec<String> = of_user(rows, "").into_keys().collect();
        assert_eq!(key, ["m2"]);
    }
}
