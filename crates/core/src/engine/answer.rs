//! Answers as the engine keeps them.
//!
//! The four states a question can be in are kept apart on purpose: a survivor who chose not to say
//! must never be shown to an attorney as someone who did not know, and neither is the same as a
//! question that was never asked (which simply has no entry).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where an answer lives: a step id, plus the instance number inside a repeating group.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Pos {
    pub step: String,
    /// Index of the instance inside the step's repeating group (0-based), `None` outside groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<u32>,
}

impl Pos {
    pub fn new(step: impl Into<String>, instance: Option<u32>) -> Pos {
        Pos { step: step.into(), instance }
    }

    /// The answer-map key: `step` or `step#N` (N 0-based).
    pub fn key(&self) -> String {
        match self.instance {
            Some(i) => format!("{}#{}", self.step, i),
            None => self.step.clone(),
        }
    }

    pub fn from_key(key: &str) -> Pos {
        match key.rsplit_once('#') {
            Some((step, n)) => match n.parse() {
                Ok(i) => Pos::new(step, Some(i)),
                Err(_) => Pos::new(key, None),
            },
            None => Pos::new(key, None),
        }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// The state of one answered question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Answered(Value),
    /// The survivor chose not to say.
    PreferNot,
    DontKnow,
    /// Passed over with `/skip`.
    Skipped,
}

impl Answer {
    pub fn value(&self) -> Option<&Value> {
        match self {
            Answer::Answered(v) => Some(v),
            _ => None,
        }
    }

    pub fn state_name(&self) -> &'static str {
        match self {
            Answer::Answered(_) => "answered",
            Answer::PreferNot => "prefer_not",
            Answer::DontKnow => "dont_know",
            Answer::Skipped => "skipped",
        }
    }
}

/// An answered value. Choice values are the flow's stable option ids, never translated labels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "v", rename_all = "snake_case")]
pub enum Value {
    Choice(String),
    Choices(Vec<String>),
    Text(String),
    Number(i64),
    Date(PartialDate),
    /// USPS code, or `US` for federal.
    Jurisdiction(String),
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to a year, a month or a day, possibly only approximately ("around 2014").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
}

impl PartialDate {
    pub fn year(year: i16) -> PartialDate {
        PartialDate { year, month: None, day: None, approx: false }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The earliest day this date may stand for.
    pub fn earliest(&self) -> jiff::civil::Date {
        let m = self.month.unwrap_or(1) as i8;
        let d = self.day.unwrap_or(1) as i8;
        jiff::civil::Date::new(self.year, m, d).unwrap_or(jiff::civil::Date::constant(2000, 1, 1))
    }

    /// The latest day this date may stand for.
    pub fn latest(&self) -> jiff::civil::Date {
        let m = self.month.unwrap_or(12) as i8;
        let first = jiff::civil::Date::new(self.year, m, 1).unwrap_or(jiff::civil::Date::constant(2000, 1, 1));
        match self.day {
            Some(d) => jiff::civil::Date::new(self.year, m, d as i8).unwrap_or(first),
            None => first.last_of_month(),
        }
    }

    /// Canonical text form: `2014`, `2014-03`, `2014-03-15`, with a leading `~` when approximate.
    pub fn to_iso(&self) -> String {
        let mut s = String::new();
        if self.approx {
            s.push('~');
        }
        s.push_str(&format!("{:04}", self.year));
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        s
    }

    /// Parses the canonical form written by [`PartialDate::to_iso`].
    pub fn from_iso(s: &str) -> Option<PartialDate> {
        let s = s.trim();
        let (approx, rest) = match s.strip_prefix('~') {
            Some(r) => (true, r),
            None => (false, s),
        };
        let mut parts = rest.split('-');
        let year: i16 = parts.next()?.parse().ok()?;
        let month: Option<u8> = match parts.next() {
            Some(m) => Some(m.parse().ok()?),
            None => None,
        };
        let day: Option<u8> = match parts.next() {
            Some(d) => Some(d.parse().ok()?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let d = PartialDate { year, month, day, approx };
        d.is_valid().then_some(d)
    }

    pub fn is_valid(&self) -> bool {
        if !(1900..=2200).contains(&self.year) {
            return false;
        }
        match (self.month, self.day) {
            (None, Some(_)) => false,
            (None, None) => true,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => jiff::civil::Date::new(self.year, m as i8, d as i8).is_ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_keeps_precision_and_approximation() {
        for s in ["2014", "2014-03", "2014-03-15", "~2014", "~2014-07"] {
            let d = PartialDate::from_iso(s).unwrap();
            assert_eq!(d.to_iso(), s);
        }
        assert_eq!(PartialDate::from_iso("2014-02-30"), None);
        assert_eq!(PartialDate::from_iso("2014-13"), None);
    }

    #[test]
    fn bounds_of_partial_dates() {
        let d = PartialDate::from_iso("2016-02").unwrap();
        assert_eq!(d.earliest().to_string(), "2016-02-01");
        assert_eq!(d.latest().to_string(), "2016-02-29");
        let y = PartialDate::from_iso("2015").unwrap();
        assert_eq!(y.latest().to_string(), "2015-12-31");
    }
}
