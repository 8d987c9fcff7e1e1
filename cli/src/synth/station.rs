//! One generated station: profile, figures of every family, monthly series and quotes.

use super::*;

/// A monthly series with its statuses, before it is written.
pub(super) struct Monthly {
    pub(super) values: Vec<Option<f64>>,
    pub(super) status: Vec<ValueStatus>,
}

impl Monthly {
    /// The sum over calendar year `year`, and whether any month of it is an estimate;
    /// `None` when the series does not cover the whole year or misses a month of it.
    pub(super) fn year(&self, first_month: i64, year: i32) -> Option<(f64, bool)> {
        let from = i64::from(year) * 12 - first_month;
        if from < 0 || from + 12 > self.values.len() as i64 {
            return None;
        }
        let range = from as usize..from as usize + 12;
        let mut sum = 0.0;
        for v in &self.values[range.clone()] {
            sum += (*v)?;
        }
        let estimated = self.status[range].contains(&ValueStatus::Estimated);
        Some((sum, estimated))
    }
}

/// A series of counts around `level` a month with a yearly `trend` (0.9 = −10% a year).
pub(super) fn monthly(
    rng: &mut Rng,
    first_month: i64,
    months: usize,
    level: f64,
    trend: f64,
    season: &[f64; 12],
    estimated_tail: usize,
) -> Monthly {
    let mut values = Vec::with_capacity(months);
    let mut status = Vec::with_capacity(months);
    // The yearly trend spread over months (to first order, without `powf`); `level` is
    // the level of the last month.
    let monthly_factor = 1.0 + (trend - 1.0) / 12.0;
    let mut s = 1.0;
    for _ in 1..months {
        s /= monthly_factor;
    }
    for i in 0..months {
        let month_of_year = ((first_month + i as i64).rem_euclid(12)) as usize;
        let noise = 1.0 + 0.07 * rng.normal();
        let v = (level * s * season[month_of_year] * noise).round().max(0.0);
        s *= monthly_factor;
        values.push(Some(v));
        status.push(if i + estimated_tail >= months {
            ValueStatus::Estimated
        } else {
            ValueStatus::Reported
        });
    }
    // Now and then one or two months are missing.
    if months > 3 && rng.chance(0.05) {
        let at = rng.below(months - 1);
        let len = 1 + rng.below(2);
        for k in at..(at + len).min(months) {
            values[k] = None;
            status[k] = ValueStatus::Missing;
        }
    }
    Monthly { values, status }
}

pub(super) fn to_series(metric: &str, first_month: i64, m: Monthly, source: &str) -> Series {
    let status = m
        .status
        .contains(&ValueStatus::Estimated)
        .then_some(m.status);
    Series {
        metric: metric.to_string(),
        start: PartialDate::from_month_index(first_month),
        values: m.values,
        status,
        source: source.to_string(),
    }
}

pub(super) fn percent_change(now: f64, before: f64) -> Option<f64> {
    (before > 0.0).then(|| round_to((now - before) / before * 100.0, 1))
}

/// "下降12.9%" / "上升3%" for quotes.
pub(super) fn change_zh(v: f64) -> String {
    let n = scorecards_core::format::plain_number(v.abs());
    if v < 0.0 {
        format!("下降{n}%")
    } else if v > 0.0 {
        format!("上升{n}%")
    } else {
        "持平".to_string()
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn station(
    rng: &mut Rng,
    opts: &Options,
    id: String,
    name: Text,
    region: Region,
    parent_bureau: Text,
    source: &str,
) -> Station {
    let src = source.to_string();
    let fact = |value: f64, quote: String| Fact {
        value,
        qualifier: Qualifier::Exact,
        source: src.clone(),
        quote: Some(quote),
    };
    let population = (rng.between(15_000.0, 160_000.0) / 100.0).round() * 100.0;
    let officers = rng.between(12.0, 80.0).round();
    let auxiliary = (officers * rng.between(0.8, 2.0)).round();
    let area = round_to(rng.between(1.5, 320.0), 2);
    let founded = 1950 + rng.below(66) as i32;
    let profile = Profile {
        area_km2: Some(fact(
            area,
            format!(
                "（合成）辖区面积{}平方公里",
                scorecards_core::format::plain_number(area)
            ),
        )),
        population: Some(fact(
            population,
            format!("（合成）实有人口{}人", population),
        )),
        officers: Some(fact(officers, format!("（合成）现有民警{officers}人"))),
        auxiliary_officers: Some(fact(auxiliary, format!("（合成）辅警{auxiliary}人"))),
        founded: Some(DateFact {
            date: PartialDate::Year(founded),
            source: src.clone(),
            quote: Some(format!("（合成）派出所始建于{founded}年")),
        }),
    };

    let months = opts.months;
    let last_month = i64::from(LAST_YEAR) * 12 + 11;
    let first_month = last_month - months as i64 + 1;
    // About one station in five gives its latest one to three months as estimates.
    let estimated_tail = if rng.chance(0.2) { 1 + rng.below(3) } else { 0 };
    let per_1000 = rng.between(0.5, 2.2);
    let incident_level = population / 1000.0 * per_1000 * 4.0;
    let trend = rng.between(0.85, 1.04);
    let incidents = monthly(
        rng,
        first_month,
        months,
        incident_level,
        trend,
        &INCIDENT_SEASON,
        estimated_tail,
    );
    let (level, trend) = (
        incident_level * rng.between(0.08, 0.2),
        rng.between(0.85, 1.05),
    );
    let disputes = monthly(
        rng,
        first_month,
        months,
        level,
        trend,
        &DISPUTE_SEASON,
        estimated_tail,
    );
    let (level, trend) = (
        population / 1000.0 * rng.between(0.02, 0.15),
        rng.between(0.7, 1.1),
    );
    let fraud = monthly(
        rng,
        first_month,
        months,
        level,
        trend,
        &FRAUD_SEASON,
        estimated_tail,
    );

    let year = LAST_YEAR;
    let period = Period {
        start: Some(PartialDate::Year(year)),
        end: Some(PartialDate::Year(year)),
    };
    let figure = |metric: &str,
                  value: f64,
                  unit: Unit,
                  estimated: bool,
                  baseline: Option<Baseline>,
                  quote: String| Figure {
        metric: metric.to_string(),
        value,
        unit,
        qualifier: if estimated {
            Qualifier::About
        } else {
            Qualifier::Exact
        },
        period: period.clone(),
        baseline,
        source: src.clone(),
        scope: None,
        quote: Some(quote),
    };
    let about = |estimated: bool| if estimated { "约" } else { "" };
    let mut figures = Vec::new();
    let inc_now = incidents.year(first_month, year);
    let inc_before = incidents.year(first_month, year - 1);
    // One `figure(…)` call per metric, with its own quote (the `duplicates` tool pairs the
    // calls): what varies is the metric, the numbers and the sentence.
    if let Some((now, est)) = inc_now {
        figures.push(figure(
            "incidents",
            now,
            Unit::Count,
            est,
            None,
            format!("（合成）{year}年，全所共接报警情{}{now}起", about(est)),
        ));
        if let Some((before, est_b)) = inc_before {
            if let Some(change) = percent_change(now, before) {
                let est = est || est_b;
                figures.push(figure(
                    "incidents",
                    change,
                    Unit::Percent,
                    est,
                    Some(Baseline::YearOnYear),
                    format!(
                        "（合成）{year}年，全所警情同比{}{}",
                        about(est),
                        change_zh(change)
                    ),
                ));
            }
        }
        // Criminal incidents: a share of all incidents in each year.
        let share_now = rng.between(0.06, 0.18);
        let criminal_now = (now * share_now).round();
        figures.push(figure(
            "criminal_incidents",
            criminal_now,
            Unit::Count,
            est,
            None,
            format!("（合成）刑事警情{}{criminal_now}起", about(est)),
        ));
        if let Some((before, est_b)) = inc_before {
            let criminal_before = (before * (share_now * rng.between(0.9, 1.2))).round();
            if let Some(change) = percent_change(criminal_now, criminal_before) {
                let est = est || est_b;
                figures.push(figure(
                    "criminal_incidents",
                    change,
                    Unit::Percent,
                    est,
                    Some(Baseline::YearOnYear),
                    format!("（合成）刑事警情同比{}{}", about(est), change_zh(change)),
                ));
            }
        }
    }
    if let Some((total, est)) = disputes.year(first_month, year) {
        if total > 0.0 {
            let resolved = (total * rng.between(0.86, 0.995)).round();
            let rate = round_to(resolved / total * 100.0, 1);
            figures.push(figure(
                "mediation_success_rate",
                rate,
                Unit::Percent,
                est,
                None,
                format!(
                    "（合成）调解成功率{}{}%",
                    about(est),
                    scorecards_core::format::plain_number(rate)
                ),
            ));
            figures.push(figure(
                "disputes_mediated",
                resolved,
                Unit::Count,
                est,
                None,
                format!("（合成）成功调解矛盾纠纷{}{resolved}起", about(est)),
            ));
        }
        figures.push(figure(
            "disputes",
            total,
            Unit::Count,
            est,
            None,
            format!("（合成）受理矛盾纠纷{}{total}起", about(est)),
        ));
    }
    let coverage = round_to(rng.between(35.0, 97.0), 1);
    let groups = (population / rng.between(400.0, 2500.0)).round().max(1.0);
    let at_end = Period {
        start: None,
        end: Some(PartialDate::Month(year, 12)),
    };
    let mut cov = figure(
        "group_population_coverage",
        coverage,
        Unit::Percent,
        false,
        None,
        format!(
            "（合成）群防群治群组覆盖辖区{}%的实有人口",
            scorecards_core::format::plain_number(coverage)
        ),
    );
    cov.period = at_end.clone();
    figures.push(cov);
    let mut grp = figure(
        "community_groups",
        groups,
        Unit::Count,
        false,
        None,
        format!("（合成）已建立群防群治群组{groups}个"),
    );
    grp.period = at_end;
    figures.push(grp);
    if let Some((now, est)) = fraud.year(first_month, year) {
        figures.push(figure(
            "fraud_cases",
            now,
            Unit::Count,
            est,
            None,
            format!("（合成）电信网络诈骗发案{}{now}起", about(est)),
        ));
        if let Some((before, est_b)) = fraud.year(first_month, year - 1) {
            if let Some(change) = percent_change(now, before) {
                let est = est || est_b;
                figures.push(figure(
                    "fraud_cases",
                    change,
                    Unit::Percent,
                    est,
                    Some(Baseline::YearOnYear),
                    format!(
                        "（合成）电信网络诈骗发案同比{}{}",
                        about(est),
                        change_zh(change)
                    ),
                ));
            }
        }
        let losses = (now * rng.between(8_000.0, 120_000.0) / 100.0).round() * 100.0;
        figures.push(figure(
            "fraud_losses",
            losses,
            Unit::Yuan,
            est,
            None,
            format!("（合成）群众被骗损失{}{losses}元", about(est)),
        ));
    }

    let series = if months == 0 {
        Vec::new()
    } else {
        vec![
            to_series("incidents", first_month, incidents, source),
            to_series("disputes", first_month, disputes, source),
            to_series("fraud_cases", first_month, fraud, source),
        ]
    };
    Station {
        id,
        name,
        region,
        parent_bureau: Some(parent_bureau),
        profile,
        figures,
        series,
        detail: None,
        location: None,
    }
}
