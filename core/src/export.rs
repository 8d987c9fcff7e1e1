//! What a table shows, as CSV (UTF-8 with a byte-order mark, so that Excel reads Chinese
//! correctly) and as JSON, with the source and period of every figure.

use serde::Serialize;

use crate::compare::{Entry, Standing};
use crate::dataset::Dataset;
use crate::format;
use crate::lang::Lang;

/// One figure of one station, flattened for a spreadsheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    /// Station id.
    pub station_id: String,
    /// Station name in the reader's language.
    pub station: String,
    /// Metric id.
    pub metric_id: String,
    /// Metric label in the reader's language.
    pub metric: String,
    /// The value as the source states it (a decline is negative); empty when not reported.
    pub value: Option<f64>,
    /// Unit of `value`.
    pub unit: String,
    /// exact, about, at_least, at_most.
    pub qualifier: String,
    /// The value as shown (`下降12.9%`, `at least 1,800`), or "not reported".
    pub shown: String,
    /// The value compared (normalised when asked for).
    pub compared_value: Option<f64>,
    /// What it was divided by (`population 53000`), when normalised.
    pub denominator: String,
    /// The period, as shown.
    pub period: String,
    /// The baseline, as shown.
    pub baseline: String,
    /// When the figure was computed from monthly series: which months against which.
    pub computed_from: String,
    /// rank, unranked, not_comparable, no_denominator, not_reported.
    pub standing: String,
    /// Rank among the comparable stations.
    pub rank: Option<usize>,
    /// How many stations are ranked.
    pub ranked_of: Option<usize>,
    /// Percentile within the comparable stations (when enough report).
    pub percentile: Option<f64>,
    /// Source title.
    pub source_title: String,
    /// Source publisher.
    pub source_publisher: String,
    /// Source date, as printed (`2025-07-23`), or empty.
    pub source_date: String,
    /// Source address, when http(s).
    pub source_url: String,
}

/// The row of one comparison entry.
pub fn row(ds: &Dataset, e: &Entry<'_>, metric_id: &str, ranked: usize, lang: Lang) -> ExportRow {
    let st = e.station;
    let metric = ds.metric(metric_id);
    let fig = e.figure;
    let source = fig.and_then(|f| ds.source(&f.source));
    let (standing, rank, percentile) = match &e.standing {
        Standing::Ranked {
            rank, percentile, ..
        } => ("rank", Some(*rank), *percentile),
        Standing::Unranked => ("unranked", None, None),
        Standing::NotComparable(_) => ("not_comparable", None, None),
        Standing::NoDenominator => ("no_denominator", None, None),
        Standing::NotReported => ("not_reported", None, None),
    };
    ExportRow {
        station_id: st.id.clone(),
        station: lang.pick(&st.name).to_string(),
        metric_id: metric_id.to_string(),
        metric: metric
            .map(|m| lang.pick(&m.label).to_string())
            .unwrap_or_default(),
        value: fig.map(|f| f.value),
        unit: fig
            .map(|f| code(&f.unit))
            .or_else(|| metric.map(|m| code(&m.unit)))
            .unwrap_or_default(),
        qualifier: fig.map(|f| code(&f.qualifier)).unwrap_or_default(),
        shown: fig
            .map(|f| format::figure_value(lang, f))
            .unwrap_or_else(|| lang.strings().not_reported.to_string()),
        compared_value: e.value.filter(|_| fig.is_some()),
        denominator: e
            .denominator
            .map(|d| format::plain_number(d.value))
            .unwrap_or_default(),
        period: fig
            .map(|f| format::period(lang, &f.period))
            .unwrap_or_default(),
        baseline: fig
            .map(|f| format::baseline(lang, f.baseline.as_ref()))
            .unwrap_or_default(),
        computed_from: e
            .computed
            .map(|c| crate::i18n::computed_note(lang, c))
            .unwrap_or_default(),
        standing: standing.to_string(),
        rank,
        ranked_of: rank.map(|_| ranked),
        percentile,
        source_title: source
            .map(|s| lang.pick(&s.title).to_string())
            .unwrap_or_default(),
        source_publisher: source
            .map(|s| lang.pick(&s.publisher).to_string())
            .unwrap_or_default(),
        source_date: source
            .and_then(|s| s.date.map(|d| d.to_string()))
            .unwrap_or_default(),
        source_url: source
            .and_then(|s| s.url.clone())
            .filter(|u| crate::is_http_url(u))
            .unwrap_or_default(),
    }
}

/// The serde name of a unit-like enum (`percent`, `at_least`).
fn code<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// CSV bytes: a UTF-8 byte-order mark, a header line, one line per row.
pub fn to_csv(rows: &[ExportRow]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        for r in rows {
            // Writing to memory cannot fail.
            let _ = w.serialize(r);
        }
        if rows.is_empty() {
            let _ = w.write_record(HEADER);
        }
        let _ = w.flush();
    }
    out
}

const HEADER: [&str; 21] = [
    "station_id",
    "station",
    "metric_id",
    "metric",
    "value",
    "unit",
    "qualifier",
    "shown",
    "compared_value",
    "denominator",
    "period",
    "baseline",
    "computed_from",
    "standing",
    "rank",
    "ranked_of",
    "percentile",
    "source_title",
    "source_publisher",
    "source_date",
    "source_url",
];

/// Pretty JSON: an array of rows.
pub fn to_json(rows: &[ExportRow]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ExportRow {
        ExportRow {
            station_id: "meijiang".into(),
            station: "梅江派出所".into(),
            metric_id: "incidents".into(),
            metric: "警情总量".into(),
            value: Some(-12.9),
            unit: "percent".into(),
            qualifier: "exact".into(),
            shown: "下降12.9%".into(),
            compared_value: Some(-12.9),
            denominator: String::new(),
            period: "2024年".into(),
            baseline: "同比".into(),
            computed_from: String::new(),
            standing: "rank".into(),
            rank: Some(1),
            ranked_of: Some(2),
            percentile: None,
            source_title: "梅江派出所:“三把钥匙”, 打开".into(),
            source_publisher: "中国人民公安大学出版社".into(),
            source_date: "2025-07-23".into(),
            source_url: String::new(),
        }
    }

    #[test]
    fn csv_has_a_bom_a_header_and_quotes_where_needed() {
        let bytes = to_csv(&[sample()]);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next().unwrap(), HEADER.join(","));
        let line = lines.next().unwrap();
        assert!(
            line.starts_with(
                "meijiang,梅江派出所,incidents,警情总量,-12.9,percent,exact,下降12.9%,"
            ),
            "{line}"
        );
        assert!(
            line.contains("\"梅江派出所:“三把钥匙”, 打开\""),
            "a comma forces quotes: {line}"
        );
        assert!(line.ends_with(",2025-07-23,"), "{line}");
    }

    #[test]
    fn empty_tables_still_have_a_header() {
        let text = String::from_utf8(to_csv(&[])[3..].to_vec()).unwrap();
        assert_eq!(text.trim_end(), HEADER.join(","));
        assert_eq!(to_json(&[]), "[]");
    }

    #[test]
    fn json_keeps_missing_values_null() {
        let mut r = sample();
        r.value = None;
        let v: serde_json::Value = serde_json::from_str(&to_json(&[r])).unwrap();
        assert!(v[0]["value"].is_null());
        assert_eq!(v[0]["source_publisher"], "中国人民公安大学出版社");
    }
}
