//! Turning what a survivor typed into a value. Pure functions, forgiving on purpose: memory after
//! trauma is rarely exact, so "around 2014" and "marzo de 2014" are as good as "2014-03-15".

//!
//! The words of a date (month names, "around", "de") are each language's data, in the
//! [`Lexicon`] built from `locales/<lang>/locale.toml`.

use super::answer::PartialDate;
use crate::jurisdiction::fold;
use crate::lexicon::Lexicon;

/// Why a date was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    Unreadable,
    /// The date is in the future where only past dates make sense, or the reverse.
    WrongSide,
}

/// Which side of today a date may fall on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Past,
    Future,
    Any,
}

/// Parses a partial date, with the month names and date words of every loaded language.
/// `day_first` decides `3/4/2014` when both numbers could be a month.
pub fn parse_date(
    input: &str,
    words: &Lexicon,
    day_first: bool,
    today: jiff::civil::Date,
    when: When,
) -> Result<PartialDate, DateError> {
    let d = parse_date_inner(input, words, day_first).ok_or(DateError::Unreadable)?;
    let ok = match when {
        When::Any => true,
        When::Past => d.earliest() <= today,
        When::Future => d.latest() >= today,
    };
    if ok {
        Ok(d)
    } else {
        Err(DateError::WrongSide)
    }
}

fn parse_date_inner(input: &str, words: &Lexicon, day_first: bool) -> Option<PartialDate> {
    let mut s = fold(input);
    let mut approx = false;
    if let Some(rest) = s.strip_prefix('~') {
        approx = true;
        s = rest.trim().to_string();
    }
    // Strip approximation words at the front (longest first, so "alrededor de" beats "como").
    for w in words.approx_words() {
        if let Some(rest) = s.strip_prefix(w.as_str()) {
            if rest.starts_with(' ') || rest.starts_with('.') {
                approx = true;
                s = rest.trim_start_matches(['.', ' ']).to_string();
                break;
            }
        }
    }
    // "2014?" or "2014 (approx)"
    if s.ends_with('?') {
        approx = true;
        s = s.trim_end_matches('?').trim().to_string();
    }

    let mut d = if let Some(d) = parse_numeric(&s, day_first) { d } else { parse_words(&s, words)? };
    d.approx = approx;
    d.is_valid().then_some(d)
}

/// `2014`, `2014-03`, `2014-03-15`, `3/2014`, `03/15/2014`, `15.03.2014`.
fn parse_numeric(s: &str, day_first: bool) -> Option<PartialDate> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.')) {
        return None;
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let nums: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let year_of = |p: &str, n: u32| -> Option<i16> {
        match p.len() {
            4 => Some(n as i16),
            2 => Some(if n <= 40 { 2000 + n as i16 } else { 1900 + n as i16 }),
            _ => None,
        }
    };
    match (parts.as_slice(), nums.as_slice()) {
        ([p0], [n0]) if p0.len() == 4 => Some(PartialDate::year(*n0 as i16)),
        ([p0, p1], [n0, n1]) => {
            if p0.len() == 4 {
                Some(PartialDate { year: *n0 as i16, month: Some(*n1 as u8), day: None, approx: false })
            } else {
                let year = year_of(p1, *n1)?;
                Some(PartialDate { year, month: Some(*n0 as u8), day: None, approx: false })
            }
        }
        ([p0, _, p2], [n0, n1, n2]) => {
            if p0.len() == 4 {
                return Some(PartialDate {
                    year: *n0 as i16,
                    month: Some(*n1 as u8),
                    day: Some(*n2 as u8),
                    approx: false,
                });
            }
            let year = year_of(p2, *n2)?;
            let (a, b) = (*n0, *n1);
            let (month, day) = if a > 12 {
                (b, a)
            } else if b > 12 {
                (a, b)
            } else if day_first {
                (b, a)
            } else {
                (a, b)
            };
            Some(PartialDate { year, month: Some(month as u8), day: Some(day as u8), approx: false })
        }
        _ => None,
    }
}

/// `March 2014`, `march 15, 2014`, `15 march 2014`, `15 de marzo de 2014`, `marzo del 2014`.
fn parse_words(s: &str, words: &Lexicon) -> Option<PartialDate> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty() && !words.is_filler(t))
        .collect();
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for t in tokens {
        if let Some(m) = words.month(t) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
            if year.replace(t.parse::<i16>().ok()?).is_some() {
                return None;
            }
        } else {
            let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let n: u8 = digits.parse().ok()?;
            if !(1..=31).contains(&n) || day.replace(n).is_some() {
                return None;
            }
        }
    }
    let year = year?;
    if day.is_some() && month.is_none() {
        return None;
    }
    Some(PartialDate { year, month, day, approx: false })
}

/// A whole number, possibly followed by a word ("23 years", "23 años").
pub fn parse_number(input: &str) -> Option<i64> {
    let s = input.trim();
    let end = s
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && *c == '-')))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let (num, rest) = s.split_at(end);
    if !rest.trim().chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '.') {
        return None;
    }
    num.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_date(s: &str, day_first: bool, today: jiff::civil::Date, when: When) -> Result<PartialDate, DateError> {
        super::parse_date(s, &crate::locale::shipped_lexicon(), day_first, today, when)
    }

    fn d(s: &str) -> String {
        let today = jiff::civil::date(2026, 11, 25);
        match parse_date(s, false, today, When::Any) {
            Ok(d) => d.to_iso(),
            Err(e) => format!("{e:?}"),
        }
    }

    #[test]
    fn partial_dates_in_english_and_spanish() {
        assert_eq!(d("2014"), "2014");
        assert_eq!(d("around 2014"), "~2014");
        assert_eq!(d("Around  2014"), "~2014");
        assert_eq!(d("March 2014"), "2014-03");
        assert_eq!(d("march, 2014"), "2014-03");
        assert_eq!(d("March 15, 2014"), "2014-03-15");
        assert_eq!(d("15 March 2014"), "2014-03-15");
        assert_eq!(d("3/2014"), "2014-03");
        assert_eq!(d("03/15/2014"), "2014-03-15");
        assert_eq!(d("2014-03-15"), "2014-03-15");
        assert_eq!(d("marzo de 2014"), "2014-03");
        assert_eq!(d("alrededor de 2014"), "~2014");
        assert_eq!(d("más o menos marzo del 2014"), "~2014-03");
        assert_eq!(d("15 de marzo de 2014"), "2014-03-15");
        assert_eq!(d("2014?"), "~2014");
        assert_eq!(d("yesterday"), "Unreadable");
        assert_eq!(d("March"), "Unreadable");
        assert_eq!(d("31 February 2014"), "Unreadable");
        assert_eq!(d("2014 2015"), "Unreadable");
    }

    #[test]
    fn day_first_only_decides_ambiguous_numbers() {
        let today = jiff::civil::date(2026, 11, 25);
        let es = |s| parse_date(s, true, today, When::Any).unwrap().to_iso();
        assert_eq!(es("3/4/2014"), "2014-04-03");
        assert_eq!(es("3/14/2014"), "2014-03-14");
        assert_eq!(d("3/4/2014"), "2014-03-04");
    }

    #[test]
    fn past_and_future() {
        let today = jiff::civil::date(2026, 11, 25);
        assert_eq!(parse_date("2030", false, today, When::Past), Err(DateError::WrongSide));
        assert!(parse_date("2026", false, today, When::Past).is_ok());
        assert_eq!(parse_date("2020", false, today, When::Future), Err(DateError::WrongSide));
        assert!(parse_date("December 2026", false, today, When::Future).is_ok());
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("23"), Some(23));
        assert_eq!(parse_number(" 23 years "), Some(23));
        assert_eq!(parse_number("23 años"), Some(23));
        assert_eq!(parse_number("twenty"), None);
        assert_eq!(parse_number("2x3"), None);
        assert_eq!(parse_number(""), None);
    }
}
