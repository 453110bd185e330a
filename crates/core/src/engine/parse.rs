//! Turning what a survivor typed into a value. Pure functions, forgiving on purpose: memory after
//! trauma is rarely exact, so "around 2014" and "marzo de 2014" are as good as "2014-03-15".

//!
//! The words of a date (month names, "around", "de") are each language's data, in the
//! [`Lexicon`] built from `locales/<lang>/locale.toml`.

use super::answer::PartialDate;
use crate::jurisdiction::fold;
use crate::lexicon::{Lexicon, Part};

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

/// Parses a partial date, with the month names and date words of every loaded language. `lang`,
/// the conversation's language, decides `3/4/2014` when both numbers could be a month, and the
/// era a year such as 2557 is counted in (docs/locales.md, `[dates]`).
pub fn parse_date(
    input: &str,
    words: &Lexicon,
    lang: &str,
    today: jiff::civil::Date,
    when: When,
) -> Result<PartialDate, DateError> {
    let d = parse_date_inner(input, words, lang).ok_or(DateError::Unreadable)?;
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

fn parse_date_inner(input: &str, words: &Lexicon, lang: &str) -> Option<PartialDate> {
    let mut s = fold(&words.ascii_digits(input));
    let mut approx = false;
    if let Some(rest) = s.strip_prefix('~') {
        approx = true;
        s = rest.trim().to_string();
    }
    // Strip approximation words at the front (longest first, so "alrededor de" beats "como"),
    // written before a space, a dot or the number itself ("大约2014年").
    for w in words.approx_words() {
        if let Some(rest) = s.strip_prefix(w.as_str()) {
            if rest.starts_with([' ', '.']) || rest.starts_with(|c: char| c.is_ascii_digit()) {
                approx = true;
                s = rest.trim_start_matches(['.', ' ']).to_string();
                break;
            }
        }
    }
    // ... and after it ("2014년쯤", "2014年左右").
    for w in words.approx_after_words() {
        if let Some(rest) = s.strip_suffix(w.as_str()) {
            approx = true;
            s = rest.trim_end().to_string();
            break;
        }
    }
    // "2014?" or "2014 (approx)"
    if s.ends_with('?') {
        approx = true;
        s = s.trim_end_matches('?').trim().to_string();
    }

    let mut d = if let Some(d) = parse_numeric(&s, words.day_first(lang)) { d } else { parse_words(&s, words)? };
    // A year of another era (Thai: 2557 is 2014), in a conversation in a language that counts so.
    if let Some(offset) = words.era_offset(lang).filter(|o| *o > 0) {
        if d.year >= 1900i16.saturating_add(offset) {
            d.year -= offset;
        }
    }
    d.approx = approx;
    d.is_valid().then_some(d)
}

/// `2014`, `2014-03`, `2014-03-15`, `3/2014`, `03/15/2014`, `15.03.2014`.
fn parse_numeric(s: &str, day_first: bool) -> Option<PartialDate> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.')) {
        return None;
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.iter().any(|p| p.is_empty() || p.len() > 4) {
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

/// One piece of a date written in words.
enum Piece {
    Month(u8),
    /// A number, how many digits it had, and what a mark after it (or a word before it) says
    /// it is.
    Num(u32, usize, Option<Part>),
}

/// Marks the start of a month name of several words, replaced by one token before splitting.
const LONG_MONTH: char = '\u{1}';

/// `March 2014`, `march 15, 2014`, `15 march 2014`, `15 de marzo de 2014`, `marzo del 2014`, and
/// with the marks a language declares, `2014年3月`, `2014년 3월 15일`, `tháng 3 năm 2014`.
fn parse_words(s: &str, words: &Lexicon) -> Option<PartialDate> {
    let mut s = format!(" {s} ");
    for (name, m) in words.long_months() {
        s = s.replace(&format!(" {name} "), &format!(" {LONG_MONTH}{m} "));
    }
    let mut pieces = Vec::new();
    let mut month_before = false;
    for token in s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '\u{60C}' | '\u{3001}' | '/')) {
        if let Some(m) = token.strip_prefix(LONG_MONTH) {
            pieces.push(Piece::Month(m.parse().ok()?));
            continue;
        }
        let mut segs: Vec<String> = segments(token).into_iter().map(str::to_string).collect();
        let mut i = 0;
        while let Some(raw) = segs.get(i).cloned() {
            i += 1;
            let raw = raw.as_str();
            let t = raw.trim_matches('.');
            if t.is_empty() {
                continue;
            }
            if t.chars().all(|c| c.is_ascii_digit()) {
                let n: u32 = t.parse().ok()?;
                let mut part = month_before.then_some(Part::Month);
                month_before = false;
                // What is written right after the number: a mark ("年", perhaps with more after
                // it: "年三月"), or an ordinal ending ("15th"), which says nothing.
                if let Some(next) = segs.get(i).cloned() {
                    let next_t = next.trim_matches('.');
                    if let Some((m, p)) = words.marks().find(|(m, _)| next_t.starts_with(m)) {
                        part = Some(p);
                        let rest = next_t[m.len()..].to_string();
                        if rest.is_empty() {
                            i += 1;
                        } else if let Some(seg) = segs.get_mut(i) {
                            *seg = rest;
                        }
                    } else if next_t.chars().all(|c| c.is_ascii_alphabetic()) && !is_word(words, next_t) {
                        i += 1;
                    }
                }
                pieces.push(Piece::Num(n, t.len(), part));
            } else if let Some(m) = words.month(raw).or_else(|| words.month(t)) {
                pieces.push(Piece::Month(m));
            } else if words.is_filler(raw) || words.is_filler(t) {
            } else if words.is_month_before(t) {
                month_before = true;
            } else {
                return None;
            }
        }
    }
    let mut year = None;
    let mut month = None;
    let mut day = None;
    // A part given twice is a contradiction, unless it is the same ("آذار/مارس").
    fn set<T: PartialEq>(slot: &mut Option<T>, v: T) -> Option<()> {
        match slot.replace(v) {
            Some(old) if Some(&old) != slot.as_ref() => None,
            _ => Some(()),
        }
    }
    for p in pieces {
        match p {
            Piece::Month(m) => set(&mut month, m)?,
            Piece::Num(n, 4, None | Some(Part::Year)) => set(&mut year, i16::try_from(n).ok()?)?,
            Piece::Num(n, 1 | 2, Some(Part::Month)) if (1..=12).contains(&n) => set(&mut month, n as u8)?,
            Piece::Num(n, 1 | 2, None | Some(Part::Day)) if (1..=31).contains(&n) => set(&mut day, n as u8)?,
            Piece::Num(..) => return None,
        }
    }
    let year = year?;
    if day.is_some() && month.is_none() {
        return None;
    }
    Some(PartialDate { year, month, day, approx: false })
}

/// What a mark declared by some language says the number before it is.
fn mark(words: &Lexicon, t: &str) -> Option<Part> {
    words.marks().find(|(m, _)| *m == t).map(|(_, p)| p)
}

/// Whether a word already means something in a date.
fn is_word(words: &Lexicon, t: &str) -> bool {
    words.is_filler(t) || words.is_month_before(t) || mark(words, t).is_some()
}

/// A token cut where digits meet other characters: `2014年3月` -> `2014`, `年`, `3`, `月`.
fn segments(token: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<bool> = None;
    for (i, c) in token.char_indices() {
        let digit = c.is_ascii_digit();
        if prev.is_some_and(|p| p != digit) {
            out.push(&token[start..i]);
            start = i;
        }
        prev = Some(digit);
    }
    if start < token.len() {
        out.push(&token[start..]);
    }
    out
}

/// A whole number, possibly followed by a word ("23 years", "23 años", "٢٣ سنة"), in any digits
/// a language declares.
pub fn parse_number(input: &str, words: &Lexicon) -> Option<i64> {
    let ascii = words.ascii_digits(input);
    let s = ascii.trim();
    let end = s
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && *c == '-')))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let (num, rest) = s.split_at(end);
    if !rest.trim().chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '.' || is_mark(c)) {
        return None;
    }
    num.parse().ok()
}

/// Combining marks (Thai vowel signs, Arabic harakat) count as letters in the word after a
/// number ("๒๓ ปี").
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_date(s: &str, day_first: bool, today: jiff::civil::Date, when: When) -> Result<PartialDate, DateError> {
        super::parse_date(s, &crate::locale::shipped_lexicon(), if day_first { "es" } else { "en" }, today, when)
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
        let w = crate::locale::shipped_lexicon();
        let parse_number = |s| super::parse_number(s, &w);
        assert_eq!(parse_number("23"), Some(23));
        assert_eq!(parse_number(" 23 years "), Some(23));
        assert_eq!(parse_number("23 años"), Some(23));
        assert_eq!(parse_number("twenty"), None);
        assert_eq!(parse_number("2x3"), None);
        assert_eq!(parse_number(""), None);
        // Digits the shipped languages declare: Arabic-Indic, Extended Arabic-Indic, Thai.
        assert_eq!(parse_number("٢٣"), Some(23));
        assert_eq!(parse_number("۲۳ سال"), Some(23));
        assert_eq!(parse_number("๒๓ ปี"), Some(23));
        assert_eq!(parse_number("٢x٣"), None);
    }

    /// A lexicon from one fixture `locale.toml` beside English, as `Locales::load` builds it.
    fn with_fixture(code: &str, toml: &str) -> Lexicon {
        // Compiled in: the engine reads no files, not even in its tests.
        let en = include_str!("../../../../locales/en/locale.toml").to_string();
        let tree = crate::data::Tree::new(
            "fixture",
            "/fixture",
            vec![("en/locale.toml".into(), en), (format!("{code}/locale.toml").into(), toml.to_string())],
            vec!["en".into(), code.into()],
        );
        let (l, diags) = crate::locale::Locales::load(&tree);
        assert!(diags.is_empty(), "{diags:?}");
        l.lexicon
    }

    #[test]
    fn marks_after_numbers_and_words_before_them_are_data() {
        let w = with_fixture(
            "zh-Hans",
            r#"
name = "中文"
draft = true
[dates]
months = [["一月"], ["二月"], ["三月"], ["四月"], ["五月"], ["六月"], ["七月"], ["八月"], ["九月"], ["十月"], ["十一月"], ["十二月"]]
approximate = ["大约", "大概"]
approximate_after = ["左右", "쯤"]
year_marks = ["年", "년"]
month_marks = ["月", "월"]
day_marks = ["日", "号", "일"]
month_before = ["tháng"]
filler = ["năm"]
"#,
        );
        let today = jiff::civil::date(2026, 12, 3);
        let d = |s: &str| match super::parse_date(s, &w, "zh-Hans", today, When::Past) {
            Ok(d) => d.to_iso(),
            Err(e) => format!("{e:?}"),
        };
        assert_eq!(d("2014年3月"), "2014-03");
        assert_eq!(d("2014年3月15日"), "2014-03-15");
        assert_eq!(d("2014年"), "2014");
        assert_eq!(d("2014年三月"), "2014-03");
        assert_eq!(d("大约2014年"), "~2014");
        assert_eq!(d("2014年左右"), "~2014");
        assert_eq!(d("2014년 3월"), "2014-03");
        assert_eq!(d("2014년 3월 15일"), "2014-03-15");
        assert_eq!(d("2014년쯤"), "~2014");
        assert_eq!(d("tháng 3 năm 2014"), "2014-03");
        assert_eq!(d("2014年13月"), "Unreadable");
        assert_eq!(d("3年"), "Unreadable");
        assert_eq!(d("2014年3月3月"), "2014-03");
        assert_eq!(d("2014年3月4月"), "Unreadable");
        // English is unchanged by them.
        assert_eq!(d("March 15th, 2014"), "2014-03-15");
    }

    #[test]
    fn chinese_korean_and_vietnamese_dates_as_people_write_them() {
        let w = crate::locale::shipped_lexicon();
        let today = jiff::civil::date(2026, 12, 3);
        let d = |s: &str, lang: &str| match super::parse_date(s, &w, lang, today, When::Past) {
            Ok(d) => d.to_iso(),
            Err(e) => format!("{e:?}"),
        };
        assert_eq!(d("2014年", "zh-Hans"), "2014");
        assert_eq!(d("2014年3月", "zh-Hans"), "2014-03");
        assert_eq!(d("2014年3月15日", "zh-Hans"), "2014-03-15");
        assert_eq!(d("大约2014年", "zh-Hans"), "~2014");
        assert_eq!(d("2014年左右", "zh-Hans"), "~2014");
        assert_eq!(d("三月 2014", "zh-Hans"), "2014-03");
        assert_eq!(d("2014년", "ko"), "2014");
        assert_eq!(d("2014년 3월", "ko"), "2014-03");
        assert_eq!(d("2014년 3월 15일", "ko"), "2014-03-15");
        assert_eq!(d("2014년쯤", "ko"), "~2014");
        assert_eq!(d("tháng 3 năm 2014", "vi"), "2014-03");
        assert_eq!(d("tháng ba năm 2014", "vi"), "2014-03");
        assert_eq!(d("tháng mười một năm 2015", "vi"), "2015-11");
        assert_eq!(d("tháng mười năm 2015", "vi"), "2015-10");
        assert_eq!(d("khoảng năm 2014", "vi"), "~2014");
    }

    #[test]
    fn thai_and_arabic_dates() {
        let w = crate::locale::shipped_lexicon();
        let today = jiff::civil::date(2026, 12, 3);
        let d = |s: &str, lang: &str| match super::parse_date(s, &w, lang, today, When::Past) {
            Ok(d) => d.to_iso(),
            Err(e) => format!("{e:?}"),
        };
        // Thai: Buddhist-era years (declared `era_offset = 543`), Thai digits and month names.
        assert_eq!(d("2557", "th"), "2014");
        assert_eq!(d("๒๕๕๗", "th"), "2014");
        assert_eq!(d("มีนาคม 2557", "th"), "2014-03");
        assert_eq!(d("15 มี.ค. 2557", "th"), "2014-03-15");
        assert_eq!(d("มีนาคม2557", "th"), "2014-03");
        assert_eq!(d("ประมาณ พ.ศ. 2557", "th"), "~2014");
        assert_eq!(d("15/3/2557", "th"), "2014-03-15");
        // A common-era year stays one in Thai.
        assert_eq!(d("2014", "th"), "2014");
        // The era is the conversation's: in English 2557 is a year far in the future.
        assert_ne!(d("2557", "en"), "2014");
        // Arabic: Arabic-Indic and Extended Arabic-Indic digits, both month-name systems
        // (one of them of two words).
        assert_eq!(d("٢٠١٤", "ar"), "2014");
        assert_eq!(d("۲۰۱۴", "ar"), "2014");
        assert_eq!(d("مارس ٢٠١٤", "ar"), "2014-03");
        assert_eq!(d("آذار 2014", "ar"), "2014-03");
        assert_eq!(d("١٥ كانون الثاني ٢٠١٤", "ar"), "2014-01-15");
        assert_eq!(d("تشرين الأول 2014", "ar"), "2014-10");
        assert_eq!(d("حوالي ٢٠١٤", "ar"), "~2014");
        assert_eq!(d("١٥/٣/٢٠١٤", "ar"), "2014-03-15");
        // Month names are pooled: an Arabic month is understood in an English conversation.
        assert_eq!(d("مارس 2014", "en"), "2014-03");
    }
}
