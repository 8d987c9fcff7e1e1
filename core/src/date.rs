//! Dates as precise as a source gives them: a year, a month or a day.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A year (`2024`), a month (`2024-07`) or a day (`2024-07-23`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartialDate {
    /// A whole year.
    Year(i32),
    /// A whole month (1–12).
    Month(i32, u32),
    /// One day.
    Day(NaiveDate),
}

/// Why a string is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates such as `2023-02-30`.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let err = || DateError(s.to_string());
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        match parts.as_slice() {
            [y] => Ok(PartialDate::Year(num(y, 4)? as i32)),
            [y, m] => {
                let (y, m) = (num(y, 4)? as i32, num(m, 2)?);
                if (1..=12).contains(&m) {
                    Ok(PartialDate::Month(y, m))
                } else {
                    Err(err())
                }
            }
            [y, m, d] => NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)
                .map(PartialDate::Day)
                .ok_or_else(err),
            _ => Err(err()),
        }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        match *self {
            PartialDate::Year(y) | PartialDate::Month(y, _) => y,
            PartialDate::Day(d) => d.year(),
        }
    }

    /// The month, when known.
    pub fn month(&self) -> Option<u32> {
        match *self {
            PartialDate::Year(_) => None,
            PartialDate::Month(_, m) => Some(m),
            PartialDate::Day(d) => Some(d.month()),
        }
    }

    /// The first day this date covers.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            PartialDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            PartialDate::Day(d) => Some(d),
        }
        .unwrap_or(NaiveDate::MIN)
    }

    /// The last day this date covers.
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            PartialDate::Month(y, m) => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            PartialDate::Day(d) => Some(d),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// Months since year 0, for a month date; used to index monthly series.
    pub fn month_index(&self) -> Option<i64> {
        self.month()
            .map(|m| i64::from(self.year()) * 12 + i64::from(m) - 1)
    }

    /// The month date for a month index (inverse of [`PartialDate::month_index`]).
    pub fn from_month_index(i: i64) -> PartialDate {
        PartialDate::Month(i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            // By hand rather than chrono's `format`, whose strftime code would be the only
            // reason it is in the browser bundle (docs/size-notes.md).
            PartialDate::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read in place (no string allocated): the date is parsed once, from the file's bytes.
        d.deserialize_str(DateVisitor)
    }
}

struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = PartialDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<PartialDate, E> {
        PartialDate::parse(s).map_err(E::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A year (YYYY), a month (YYYY-MM) or a day (YYYY-MM-DD).",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2024"), Ok(PartialDate::Year(2024)));
        assert_eq!(
            PartialDate::parse("2024-07"),
            Ok(PartialDate::Month(2024, 7))
        );
        assert_eq!(
            PartialDate::parse("2004-11-01").map(|d| d.to_string()),
            Ok("2004-11-01".to_string())
        );
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in [
            "2023-02-30",
            "2024-13",
            "2024-00",
            "24",
            "2024-7",
            "2024/07",
            "",
            "2024-07-01-01",
            "２０２４",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok(), "leap day");
    }

    #[test]
    fn first_and_last_days() {
        let m = PartialDate::Month(2024, 2);
        assert_eq!(m.first_day().to_string(), "2024-02-01");
        assert_eq!(m.last_day().to_string(), "2024-02-29");
        assert_eq!(
            PartialDate::Month(2023, 12).last_day().to_string(),
            "2023-12-31"
        );
        assert_eq!(PartialDate::Year(2019).last_day().to_string(), "2019-12-31");
    }

    #[test]
    fn month_index_round_trips() {
        let m = PartialDate::Month(2024, 1);
        let i = m.month_index().unwrap();
        assert_eq!(
            PartialDate::from_month_index(i - 1),
            PartialDate::Month(2023, 12)
        );
        assert_eq!(
            PartialDate::from_month_index(i + 11),
            PartialDate::Month(2024, 12)
        );
        assert_eq!(PartialDate::Year(2024).month_index(), None);
    }
}
