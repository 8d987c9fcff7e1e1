//! Parsing a data file into a [`Dataset`]: syntax, schema version, structure, then rules.

use std::collections::HashSet;

use serde::Deserialize;

use crate::dataset::Dataset;
use crate::error::{Issue, IssueKind, LoadError};
use crate::model::*;

/// Parses and validates the bytes of a data file. `file` names it in error messages.
///
/// Stages: UTF-8 byte-order mark stripped; well-formed JSON and `schema_version` checked
/// first, so that a file of another version gets that message rather than a list of
/// structural complaints; then the structure (with the JSON path of the first mismatch);
/// then every rule, all problems at once. A file whose only problems are warnings loads, and
/// carries them in [`Dataset::warnings`].
pub fn parse(bytes: &[u8], file: &str) -> Result<Dataset, LoadError> {
    let doc = decode(bytes, file)?;
    if doc.kind == Kind::Detail {
        return Err(LoadError::Invalid {
            file: file.to_string(),
            issues: vec![Issue {
                path: "$.kind".to_string(),
                kind: IssueKind::DetailFileAlone,
            }],
        });
    }
    let issues = validate(&doc);
    if issues.iter().all(Issue::is_warning) {
        Ok(Dataset::new(doc, issues))
    } else {
        Err(LoadError::Invalid {
            file: file.to_string(),
            issues,
        })
    }
}

/// The first stages of [`parse`] without the rules: byte-order mark, well-formed JSON,
/// `schema_version`, structure. Tools that want the document even when it breaks rules
/// (to report every problem, or to give advice) call this and then [`validate`];
/// `parse(bytes)` is exactly `decode(bytes)` followed by `validate`.
pub fn decode(bytes: &[u8], file: &str) -> Result<Document, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The common case first, in one pass: a well-formed file of this version. Only when
    // decoding fails is the file read again, to report the version before the structure
    // and to name the JSON path (tracking paths slows decoding down, and national files
    // are tens of megabytes).
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|i| bytes[i] == b'{') {
        if let Ok(doc) = serde_json::from_slice::<Document>(bytes) {
            if doc.schema_version == SCHEMA_VERSION {
                return Ok(doc);
            }
        }
    }
    check_version(bytes, file)?;
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let doc: Document = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = json_path(e.path());
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            syntax_error(file, &inner)
        } else {
            LoadError::Structure {
                file: file.to_string(),
                path,
                line: inner.line(),
                column: inner.column(),
                detail: inner.to_string(),
            }
        }
    })?;
    Ok(doc)
}

fn syntax_error(file: &str, e: &serde_json::Error) -> LoadError {
    LoadError::Syntax {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

fn check_version(bytes: &[u8], file: &str) -> Result<(), LoadError> {
    // A derived struct would also accept a JSON array; the format's top level is an object.
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(i) = first.filter(|&i| bytes[i] != b'{') {
        let line = 1 + bytes[..i].iter().filter(|&&b| b == b'\n').count();
        let column = 1 + i
            - bytes[..i]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
        if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
            return Err(LoadError::Structure {
                file: file.to_string(),
                path: "$".to_string(),
                line,
                column,
                detail: "expected a JSON object at the top level".to_string(),
            });
        }
    }
    let probe: VersionProbe = match serde_json::from_slice(bytes) {
        Ok(p) => p,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(syntax_error(file, &e)),
        // The top level is not an object: report it as a structure problem at `$`.
        Err(e) => {
            return Err(LoadError::Structure {
                file: file.to_string(),
                path: "$".to_string(),
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            })
        }
    };
    match probe.schema_version {
        Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => Ok(()),
        other => Err(LoadError::UnsupportedVersion {
            file: file.to_string(),
            found: other.map_or_else(|| "missing".to_string(), |v| v.to_string()),
        }),
    }
}

/// Turns serde_path_to_error's path (`stations[2].figures[0].value`) into `$.stations[2]…`.
fn json_path(path: &serde_path_to_error::Path) -> String {
    let mut out = String::from("$");
    for seg in path.iter() {
        match seg {
            serde_path_to_error::Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key } => {
                out.push('.');
                out.push_str(key);
            }
            serde_path_to_error::Segment::Enum { variant } => {
                out.push('.');
                out.push_str(variant);
            }
            serde_path_to_error::Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

/// Every rule of the format that the types cannot express. Returns all problems, in file order.
pub fn validate(doc: &Document) -> Vec<Issue> {
    let mut v = Validator::default();
    v.text("$.publisher", &doc.publisher);
    if chrono::DateTime::parse_from_rfc3339(&doc.generated_at).is_err() {
        v.push(
            "$.generated_at",
            IssueKind::BadTimestamp {
                text: doc.generated_at.clone(),
            },
        );
    }
    let mut ids = HashSet::new();
    for (i, s) in doc.sources.iter().enumerate() {
        let p = format!("$.sources[{i}]");
        v.id(&p, &s.id, &mut ids);
        v.text(&format!("{p}.title"), &s.title);
        if let Some(url) = &s.url {
            if !is_http_url(url) {
                v.push(
                    &format!("{p}.url"),
                    IssueKind::NotHttpUrl { url: url.clone() },
                );
            }
        }
    }
    let sources = ids;
    let mut metric_ids = HashSet::new();
    for (i, m) in doc.metrics.iter().enumerate() {
        let p = format!("$.metrics[{i}]");
        v.id(&p, &m.id, &mut metric_ids);
        v.text(&format!("{p}.label"), &m.label);
    }
    let mut station_ids = HashSet::new();
    for (i, st) in doc.stations.iter().enumerate() {
        let p = format!("$.stations[{i}]");
        v.id(&p, &st.id, &mut station_ids);
        if let Some(href) = &st.detail {
            let dp = format!("{p}.detail");
            if doc.kind != Kind::Index {
                v.push(&dp, IssueKind::DetailOutsideIndex);
            } else if !crate::layout::is_detail_ref(href) {
                v.push(&dp, IssueKind::BadDetailRef { href: href.clone() });
            }
        }
        v.text(&format!("{p}.name"), &st.name);
        v.text(&format!("{p}.region.province"), &st.region.province);
        let facts = [
            ("area_km2", &st.profile.area_km2),
            ("population", &st.profile.population),
            ("officers", &st.profile.officers),
            ("auxiliary_officers", &st.profile.auxiliary_officers),
        ];
        for (name, fact) in facts {
            if let Some(f) = fact {
                let fp = format!("{p}.profile.{name}");
                v.non_negative(&format!("{fp}.value"), f.value);
                v.source(&fp, &f.source, &sources);
            }
        }
        if let Some(f) = &st.profile.founded {
            v.source(&format!("{p}.profile.founded"), &f.source, &sources);
        }
        for (j, fig) in st.figures.iter().enumerate() {
            v.figure(&format!("{p}.figures[{j}]"), fig, doc, &sources);
        }
        for (j, s) in st.series.iter().enumerate() {
            v.series(&format!("{p}.series[{j}]"), s, doc, &sources);
        }
    }
    v.issues
}

/// Whether a link may become a clickable link: absolute `http:` or `https:` only.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/'))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[derive(Default)]
struct Validator {
    issues: Vec<Issue>,
}

impl Validator {
    fn push(&mut self, path: &str, kind: IssueKind) {
        self.issues.push(Issue {
            path: path.to_string(),
            kind,
        });
    }

    fn text(&mut self, path: &str, t: &Text) {
        if t.zh.trim().is_empty() {
            self.push(&format!("{path}.zh"), IssueKind::EmptyText);
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        let p = format!("{path}.id");
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if !ok {
            self.push(&p, IssueKind::BadId { id: id.to_string() });
        } else if !seen.insert(id.to_string()) {
            self.push(&p, IssueKind::DuplicateId { id: id.to_string() });
        }
    }

    fn source(&mut self, path: &str, id: &str, sources: &HashSet<String>) {
        if !sources.contains(id) {
            self.push(
                &format!("{path}.source"),
                IssueKind::UnknownSource { id: id.to_string() },
            );
        }
    }

    fn non_negative(&mut self, path: &str, value: f64) {
        if value < 0.0 {
            self.push(path, IssueKind::Negative { value });
        }
    }

    fn period(
        &mut self,
        path: &str,
        start: Option<&crate::PartialDate>,
        end: Option<&crate::PartialDate>,
    ) {
        if let (Some(s), Some(e)) = (start, end) {
            if e.last_day() < s.first_day() {
                self.push(
                    path,
                    IssueKind::PeriodReversed {
                        start: s.to_string(),
                        end: e.to_string(),
                    },
                );
            }
        }
    }

    fn figure(&mut self, p: &str, fig: &Figure, doc: &Document, sources: &HashSet<String>) {
        self.source(p, &fig.source, sources);
        self.period(
            &format!("{p}.period"),
            fig.period.start.as_ref(),
            fig.period.end.as_ref(),
        );
        if let Some(Baseline::Period { start, end }) = &fig.baseline {
            self.period(&format!("{p}.baseline"), Some(start), Some(end));
        }
        let Some(metric) = doc.metrics.iter().find(|m| m.id == fig.metric) else {
            self.push(
                &format!("{p}.metric"),
                IssueKind::UnknownMetric {
                    id: fig.metric.clone(),
                },
            );
            return;
        };
        let vp = format!("{p}.value");
        if fig.is_change() {
            let unit_ok = fig.unit == metric.unit
                || fig.unit == Unit::Percent
                || (fig.unit == Unit::PercentagePoints && metric.unit == Unit::Percent);
            if !unit_ok {
                self.push(
                    &format!("{p}.unit"),
                    IssueKind::UnitMismatch {
                        metric_unit: metric.unit,
                        found: fig.unit,
                        change: true,
                    },
                );
            } else if fig.unit == Unit::Percent
                && metric.unit != Unit::Percent
                && fig.value < -100.0
            {
                self.push(&vp, IssueKind::DeclineBeyondAll { value: fig.value });
            }
        } else if fig.unit != metric.unit {
            self.push(
                &format!("{p}.unit"),
                IssueKind::UnitMismatch {
                    metric_unit: metric.unit,
                    found: fig.unit,
                    change: false,
                },
            );
        } else {
            self.level(&vp, fig.unit, fig.value);
        }
    }

    fn level(&mut self, path: &str, unit: Unit, value: f64) {
        if let Some(kind) = level_issue(unit, value) {
            self.push(path, kind);
        }
    }

    fn series(&mut self, p: &str, s: &Series, doc: &Document, sources: &HashSet<String>) {
        self.source(p, &s.source, sources);
        if s.start.month().is_none() || matches!(s.start, crate::PartialDate::Day(_)) {
            self.push(
                &format!("{p}.start"),
                IssueKind::SeriesNotMonthly {
                    start: s.start.to_string(),
                },
            );
        }
        let unit = match doc.metrics.iter().find(|m| m.id == s.metric) {
            Some(m) => Some(m.unit),
            None => {
                self.push(
                    &format!("{p}.metric"),
                    IssueKind::UnknownMetric {
                        id: s.metric.clone(),
                    },
                );
                None
            }
        };
        if let Some(status) = &s.status {
            if status.len() != s.values.len() {
                self.push(
                    &format!("{p}.status"),
                    IssueKind::SeriesLengthMismatch {
                        values: s.values.len(),
                        status: status.len(),
                    },
                );
            } else {
                for (k, (v, st)) in s.values.iter().zip(status).enumerate() {
                    if v.is_none() != (*st == ValueStatus::Missing) {
                        self.push(&format!("{p}.status[{k}]"), IssueKind::StatusMismatch);
                    }
                }
            }
        }
        if let Some(unit) = unit {
            for (k, v) in s.values.iter().enumerate() {
                // The path is only formatted for a value that breaks a rule: series can be long.
                if let Some(kind) = v.and_then(|v| level_issue(unit, v)) {
                    self.push(&format!("{p}.values[{k}]"), kind);
                }
            }
        }
    }
}

/// What is wrong with a level of `value` in `unit`, if anything.
fn level_issue(unit: Unit, value: f64) -> Option<IssueKind> {
    match unit {
        Unit::Percent if !(0.0..=100.0).contains(&value) => {
            Some(IssueKind::PercentOutOfRange { value })
        }
        Unit::Count | Unit::People | Unit::PersonTimes | Unit::Yuan if value < 0.0 => {
            Some(IssueKind::Negative { value })
        }
        _ => None,
    }
}
