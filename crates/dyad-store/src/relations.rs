//! Dyadic time series: how two actors get on, period by period.
//!
//! For actors A and B (code prefixes: `RUS`, `USAGOV`), every asserted,
//! non-negated event between them (either direction) is bucketed by its
//! date into weeks (ISO), months, quarters or years. Each period reports
//! event counts by QuadClass, total and mean Goldstein score for A→B, B→A
//! and both combined, and the events with the largest |Goldstein| as
//! evidence. The trend is the least-squares slope of the combined mean
//! Goldstein score over the periods that have events.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::error::StoreError;
use crate::query::{EventFilter, EventRow};
use crate::store::Store;

/// Bucket size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Quarter,
    Year,
}

impl Period {
    /// The label of the period holding `date`: `2017-W19`, `2017-05`, `2017-Q2`, `2017`.
    pub fn label(&self, date: NaiveDate) -> String {
        match self {
            Period::Week => {
                let w = date.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => format!("{}-{:02}", date.year(), date.month()),
            Period::Quarter => format!("{}-Q{}", date.year(), (date.month() - 1) / 3 + 1),
            Period::Year => format!("{}", date.year()),
        }
    }

    /// The first day of the period after the one holding `date`.
    fn next_start(&self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Week => date.checked_add_days(chrono::Days::new(
                7 - date.weekday().num_days_from_monday() as u64,
            )),
            Period::Month => date.with_day(1)?.checked_add_months(chrono::Months::new(1)),
            Period::Quarter => {
                let first =
                    NaiveDate::from_ymd_opt(date.year(), (date.month() - 1) / 3 * 3 + 1, 1)?;
                first.checked_add_months(chrono::Months::new(3))
            }
            Period::Year => NaiveDate::from_ymd_opt(date.year() + 1, 1, 1),
        }
    }
}

/// Counts and Goldstein sums for one direction in one period.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DirectionStats {
    pub events: usize,
    /// Events per QuadClass: verbal coop, material coop, verbal conflict, material conflict.
    pub quad: [usize; 4],
    pub goldstein_total: f64,
    pub goldstein_mean: Option<f64>,
}

impl DirectionStats {
    fn add(&mut self, row: &EventRow) {
        self.events += 1;
        if let Some(slot) = (row.quad_class as usize)
            .checked_sub(1)
            .and_then(|i| self.quad.get_mut(i))
        {
            *slot += 1;
        }
        self.goldstein_total += row.goldstein;
        self.goldstein_mean = Some(self.goldstein_total / self.events as f64);
    }
}

/// One evidence event.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub date: Option<String>,
    pub code: String,
    pub goldstein: f64,
    pub source: Option<String>,
    pub target: Option<String>,
    pub sentence: String,
    pub headline: Option<String>,
    pub url: Option<String>,
}

/// One period of the series.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodRow {
    pub period: String,
    pub a_to_b: DirectionStats,
    pub b_to_a: DirectionStats,
    pub combined: DirectionStats,
    pub top_events: Vec<Evidence>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct RelationsReport {
    pub a: String,
    pub b: String,
    pub by: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub periods: Vec<PeriodRow>,
    pub total: DirectionStats,
    /// Events between the two actors that have no date (their article gave
    /// no publication date): not in any period.
    pub undated: usize,
    /// Change of the mean Goldstein score per period (least squares).
    pub trend_per_period: Option<f64>,
    /// "warming", "cooling" or "steady" (|slope| < 0.25 per period).
    pub trend: String,
}

/// Options of a relations query.
#[derive(Debug, Clone)]
pub struct RelationsQuery {
    pub a: String,
    pub b: String,
    pub by: Period,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Evidence events kept per period.
    pub top: usize,
}

impl Store {
    /// The relations report for a dyad.
    pub fn relations(&self, q: &RelationsQuery) -> Result<RelationsReport, StoreError> {
        let rows = self.events(&EventFilter {
            dyad: Some((q.a.clone(), q.b.clone())),
            from: q.from.clone(),
            to: q.to.clone(),
            ..EventFilter::default()
        })?;
        Ok(build_report(q, &rows))
    }
}

fn is_actor(code: &Option<String>, prefix: &str) -> bool {
    code.as_deref().is_some_and(|c| c.starts_with(prefix))
}

/// Bucket rows into periods (empty periods between the first and last are
/// kept, so the series has no gaps).
pub fn build_report(q: &RelationsQuery, rows: &[EventRow]) -> RelationsReport {
    let mut buckets: BTreeMap<NaiveDate, (String, Vec<&EventRow>)> = BTreeMap::new();
    let mut undated = 0;
    for row in rows {
        let Some(date) = row
            .date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            undated += 1;
            continue;
        };
        let start = period_start(q.by, date);
        buckets
            .entry(start)
            .or_insert_with(|| (q.by.label(date), Vec::new()))
            .1
            .push(row);
    }
    if let (Some(first), Some(last)) = (
        buckets.keys().next().copied(),
        buckets.keys().last().copied(),
    ) {
        let mut day = first;
        while day < last {
            buckets
                .entry(day)
                .or_insert_with(|| (q.by.label(day), Vec::new()));
            match q.by.next_start(day) {
                Some(next) => day = next,
                None => break,
            }
        }
    }
    let mut total = DirectionStats::default();
    let mut periods = Vec::with_capacity(buckets.len());
    for (_, (label, events)) in buckets {
        let mut row = PeriodRow {
            period: label,
            a_to_b: DirectionStats::default(),
            b_to_a: DirectionStats::default(),
            combined: DirectionStats::default(),
            top_events: Vec::new(),
        };
        for ev in &events {
            if is_actor(&ev.source_actor, &q.a) && is_actor(&ev.target_actor, &q.b) {
                row.a_to_b.add(ev);
            } else {
                row.b_to_a.add(ev);
            }
            row.combined.add(ev);
            total.add(ev);
        }
        let mut ranked = events.clone();
        ranked.sort_by(|x, y| y.goldstein.abs().total_cmp(&x.goldstein.abs()));
        row.top_events = ranked
            .into_iter()
            .take(q.top)
            .map(|e| Evidence {
                date: e.date.clone(),
                code: e.code.clone(),
                goldstein: e.goldstein,
                source: e.source_actor.clone(),
                target: e.target_actor.clone(),
                sentence: e.sentence.clone(),
                headline: e.headline.clone(),
                url: e.url.clone(),
            })
            .collect();
        periods.push(row);
    }
    let points: Vec<(f64, f64)> = periods
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.combined.goldstein_mean.map(|m| (i as f64, m)))
        .collect();
    let slope = least_squares_slope(&points);
    let trend = match slope {
        Some(s) if s >= 0.25 => "warming",
        Some(s) if s <= -0.25 => "cooling",
        Some(_) => "steady",
        None => "unknown",
    };
    RelationsReport {
        a: q.a.clone(),
        b: q.b.clone(),
        by: format!("{:?}", q.by).to_lowercase(),
        from: q.from.clone(),
        to: q.to.clone(),
        periods,
        total,
        undated,
        trend_per_period: slope,
        trend: trend.to_string(),
    }
}

fn period_start(by: Period, date: NaiveDate) -> NaiveDate {
    let start = match by {
        Period::Week => date.checked_sub_days(chrono::Days::new(
            date.weekday().num_days_from_monday() as u64,
        )),
        Period::Month => date.with_day(1),
        Period::Quarter => NaiveDate::from_ymd_opt(date.year(), (date.month() - 1) / 3 * 3 + 1, 1),
        Period::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1),
    };
    start.unwrap_or(date)
}

/// Slope of the least-squares line through `points`; `None` with fewer than two.
fn least_squares_slope(points: &[(f64, f64)]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}
