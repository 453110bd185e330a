//! The words a language lends to reading what a survivor types: month names and the other words
//! of a date, how a numeric date reads, the names of jurisdictions, what people type for the
//! commands, yes, no and "I don't know", and the words that turn a resume code down. They come
//! from each `locales/<lang>/locale.toml` (docs/locales.md), so a new language is new files, not
//! new Rust.
//!
//! A [`Lexicon`] is plain data, built once by [`crate::locale::Locales::load`] (which validates it
//! with file:line diagnostics) and handed to the engine by reference: looking a word up does no
//! I/O and logs nothing.
//!
//! Month names, jurisdiction names, command aliases, approximation words and code refusals are
//! understood in every conversation, whatever its language: someone chatting in English may well
//! type "Nueva York" or "marzo de 2014", and `/salir` must work for someone who picked English by
//! mistake. So they are pooled, and the loader refuses a spelling that two languages give two
//! meanings. Yes, no and "I don't know" are read only in the conversation's own language: "no"
//! does not mean no in every language.

use crate::engine::Command;
use crate::jurisdiction::{fold, JURISDICTIONS};
use std::collections::BTreeMap;

/// What every loaded language contributes, pooled, plus what each one says on its own.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// (folded spelling, month number, language it came from)
    months: Vec<(String, u8, String)>,
    /// Folded, longest first (so "alrededor de" is stripped before "como").
    approx: Vec<String>,
    /// Folded words after a date that make it approximate ("쯤", "左右").
    approx_after: Vec<String>,
    filler: Vec<String>,
    /// (folded name, code, language it came from; "" for the English names kept in Rust)
    names: Vec<(String, &'static str, String)>,
    /// Words around a jurisdiction's name that do not change it ("state of", "estado de").
    before: Vec<String>,
    after: Vec<String>,
    /// (lower-case alias, command, language it came from)
    commands: Vec<(String, Command, String)>,
    /// Folded words that turn down a resume code ("no code, thanks").
    no_code: Vec<String>,
    /// Digits other than 0-9 that some language writes ('٣', '๓'), with their value.
    digits: Vec<(char, u8)>,
    /// Folded marks written right after a number to say it is a year, a month or a day
    /// ("2014年3月", "2014년 3월 15일"), and words written right before a month's number.
    year_marks: Vec<String>,
    month_marks: Vec<String>,
    day_marks: Vec<String>,
    month_before: Vec<String>,
    langs: BTreeMap<String, Language>,
}

/// What a mark after a number says the number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Year,
    Month,
    Day,
}

/// A typed answer word, read in the conversation's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Yes,
    No,
    DontKnow,
}

/// What one language says for itself.
#[derive(Debug, Clone, Default)]
pub struct Language {
    /// Whether `3/4/2014` is 3 April (day first) or March 4.
    pub day_first: bool,
    /// (folded word, meaning)
    words: Vec<(String, Word)>,
    /// Code -> the name shown in this language.
    shown: BTreeMap<&'static str, String>,
    /// Years counted from another era: a year at least 1900 + this is read as this many years
    /// later than the common era (543 for the Thai Buddhist era: 2557 is 2014).
    pub era_offset: Option<i16>,
}

impl Language {
    pub fn new(day_first: bool) -> Language {
        Language { day_first, ..Language::default() }
    }

    /// Adds an answer word. `Err` with its other meaning when the word already means something
    /// else in this language.
    pub fn add_word(&mut self, text: &str, word: Word) -> Result<(), Word> {
        let f = fold(text);
        match self.words.iter().find(|(w, _)| *w == f) {
            Some((_, other)) if *other != word => Err(*other),
            Some(_) => Ok(()),
            None => {
                self.words.push((f, word));
                Ok(())
            }
        }
    }

    /// Sets the name a jurisdiction is shown by (the first one a language lists wins).
    pub fn show_name(&mut self, code: &'static str, name: &str) {
        self.shown.entry(code).or_insert_with(|| name.trim().to_string());
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

impl Lexicon {
    /// A lexicon that knows only what is not a language's: the jurisdictions' codes and English
    /// names (see [`crate::jurisdiction`]) and the commands' own names.
    pub fn new() -> Lexicon {
        Lexicon {
            months: Vec::new(),
            approx: Vec::new(),
            approx_after: Vec::new(),
            filler: Vec::new(),
            names: JURISDICTIONS.iter().map(|(code, en)| (fold(en), *code, String::new())).collect(),
            before: Vec::new(),
            after: Vec::new(),
            commands: Vec::new(),
            no_code: Vec::new(),
            digits: Vec::new(),
            year_marks: Vec::new(),
            month_marks: Vec::new(),
            day_marks: Vec::new(),
            month_before: Vec::new(),
            langs: BTreeMap::new(),
        }
    }

    // ----- building (the loader) ----------------------------------------------------------

    /// Adds a month spelling. `Err` with the month and language that already use it otherwise.
    pub fn add_month(&mut self, spelling: &str, month: u8, lang: &str) -> Result<(), (u8, String)> {
        let f = fold(spelling);
        match self.months.iter().find(|(s, _, _)| *s == f) {
            Some((_, m, l)) if *m != month => Err((*m, l.clone())),
            Some(_) => Ok(()),
            None => {
                self.months.push((f, month, lang.to_string()));
                Ok(())
            }
        }
    }

    pub fn add_approx(&mut self, word: &str) {
        push_new(&mut self.approx, fold(word));
        // Stable: among words of one length, the first loaded language's come first.
        self.approx.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }

    pub fn add_approx_after(&mut self, word: &str) {
        push_new(&mut self.approx_after, fold(word));
        self.approx_after.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }

    pub fn add_filler(&mut self, word: &str) {
        push_new(&mut self.filler, fold(word));
    }

    /// Adds a name people type for a jurisdiction. `Err` with the other code and the language
    /// ("" for English names) when the name already means another jurisdiction.
    pub fn add_jurisdiction_name(
        &mut self,
        name: &str,
        code: &'static str,
        lang: &str,
    ) -> Result<(), (&'static str, String)> {
        let f = fold(name);
        match self.names.iter().find(|(n, _, _)| *n == f) {
            Some((_, c, l)) if *c != code => Err((c, l.clone())),
            Some(_) => Ok(()),
            None => {
                self.names.push((f, code, lang.to_string()));
                Ok(())
            }
        }
    }

    pub fn add_jurisdiction_before(&mut self, word: &str) {
        push_new(&mut self.before, fold(word));
    }

    pub fn add_jurisdiction_after(&mut self, word: &str) {
        push_new(&mut self.after, fold(word));
    }

    /// Adds what people type for a command. `Err` with the command and language already using
    /// it (a command's own name counts, with the language "").
    pub fn add_command(&mut self, alias: &str, cmd: Command, lang: &str) -> Result<(), (Command, String)> {
        let a = alias.trim().trim_start_matches('/').to_lowercase();
        if let Some(other) = Command::ALL.iter().find(|c| c.name() == a) {
            return if *other == cmd { Ok(()) } else { Err((*other, String::new())) };
        }
        match self.commands.iter().find(|(s, _, _)| *s == a) {
            Some((_, c, l)) if *c != cmd => Err((*c, l.clone())),
            Some(_) => Ok(()),
            None => {
                self.commands.push((a, cmd, lang.to_string()));
                Ok(())
            }
        }
    }

    pub fn add_no_code(&mut self, words: &str) {
        push_new(&mut self.no_code, fold(words));
    }

    /// Adds a set of ten digits, zero first. `Err` with a digit that already has another value.
    pub fn add_digits(&mut self, zero_to_nine: &[char]) -> Result<(), char> {
        for (value, c) in (0u8..).zip(zero_to_nine) {
            match self.digits.iter().find(|(d, _)| d == c) {
                Some((_, v)) if *v != value => return Err(*c),
                Some(_) => {}
                None => self.digits.push((*c, value)),
            }
        }
        Ok(())
    }

    /// Adds a mark written right after a number ("年" after a year). `Err` with what the mark
    /// already means otherwise.
    pub fn add_mark(&mut self, mark: &str, part: Part) -> Result<(), Part> {
        let f = fold(mark);
        for (other, list) in
            [(Part::Year, &self.year_marks), (Part::Month, &self.month_marks), (Part::Day, &self.day_marks)]
        {
            if other != part && list.contains(&f) {
                return Err(other);
            }
        }
        let list = match part {
            Part::Year => &mut self.year_marks,
            Part::Month => &mut self.month_marks,
            Part::Day => &mut self.day_marks,
        };
        push_new(list, f);
        // Longest first, so a longer mark is never read as a shorter one and the rest.
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Ok(())
    }

    /// Adds a word written right before a month's number ("tháng 3").
    pub fn add_month_before(&mut self, word: &str) {
        push_new(&mut self.month_before, fold(word));
    }

    pub fn set_language(&mut self, code: &str, language: Language) {
        self.langs.insert(code.to_string(), language);
    }

    // ----- reading ------------------------------------------------------------------------

    /// `text` with every digit some language declares written as 0-9 (`٢٠١٤` -> `2014`); the
    /// rest unchanged. For reading numbers, dates and choice numbers, never for keeping what a
    /// person wrote.
    pub fn ascii_digits<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if text.is_ascii() || !text.chars().any(|c| self.digit(c).is_some()) {
            return std::borrow::Cow::Borrowed(text);
        }
        std::borrow::Cow::Owned(
            text.chars().map(|c| self.digit(c).map(|v| char::from(b'0' + v)).unwrap_or(c)).collect(),
        )
    }

    fn digit(&self, c: char) -> Option<u8> {
        self.digits.iter().find(|(d, _)| *d == c).map(|(_, v)| *v)
    }

    /// Which part of a date a mark after a number names, longest mark first: ("年" -> Year).
    pub fn marks(&self) -> impl Iterator<Item = (&str, Part)> {
        let y = self.year_marks.iter().map(|m| (m.as_str(), Part::Year));
        let m = self.month_marks.iter().map(|m| (m.as_str(), Part::Month));
        let d = self.day_marks.iter().map(|m| (m.as_str(), Part::Day));
        let mut all: Vec<(&str, Part)> = y.chain(m).chain(d).collect();
        all.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
        all.into_iter()
    }

    /// Whether a (folded) word comes right before a month's number ("tháng").
    pub fn is_month_before(&self, folded: &str) -> bool {
        self.month_before.iter().any(|w| w == folded)
    }

    /// Month spellings of more than one word ("كانون الثاني"), folded, longest first.
    pub fn long_months(&self) -> Vec<(&str, u8)> {
        let mut v: Vec<(&str, u8)> =
            self.months.iter().filter(|(s, _, _)| s.contains(' ')).map(|(s, m, _)| (s.as_str(), *m)).collect();
        v.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        v
    }

    /// The era `lang` counts years from, as years after the common era (see
    /// [`Language::era_offset`]).
    pub fn era_offset(&self, lang: &str) -> Option<i16> {
        self.language(lang).and_then(|l| l.era_offset)
    }

    /// The month a (folded) word names, in any language.
    pub fn month(&self, folded: &str) -> Option<u8> {
        self.months.iter().find(|(s, _, _)| s == folded).map(|(_, m, _)| *m)
    }

    /// Words that mark a date as approximate when they come first, folded, longest first.
    pub fn approx_words(&self) -> &[String] {
        &self.approx
    }

    /// Words that mark a date as approximate when they come last, folded, longest first.
    pub fn approx_after_words(&self) -> &[String] {
        &self.approx_after
    }

    /// Whether a (folded) word carries no meaning in a date ("de", "of").
    pub fn is_filler(&self, folded: &str) -> bool {
        self.filler.iter().any(|w| w == folded)
    }

    /// Recognises a typed jurisdiction: a two-letter code, or a name in any language (case,
    /// accents and words such as "state of" do not matter).
    pub fn jurisdiction(&self, input: &str) -> Option<&'static str> {
        let folded = fold(input);
        let mut s = folded.as_str();
        for w in &self.before {
            s = s.trim_start_matches(&format!("{w} "));
        }
        for w in &self.after {
            s = s.trim_end_matches(&format!(" {w}"));
        }
        let s = s.trim();
        if s.len() == 2 {
            let upper = s.to_ascii_uppercase();
            if let Some((c, _)) = JURISDICTIONS.iter().find(|(c, _)| *c == upper) {
                return Some(c);
            }
        }
        self.names.iter().find(|(n, _, _)| n == s).map(|(_, c, _)| *c)
    }

    /// The name of a jurisdiction in `lang` (or its base language), else its English name, else
    /// the code itself.
    pub fn jurisdiction_name(&self, lang: &str, code: &str) -> String {
        if let Some(name) = self.language(lang).and_then(|l| l.shown.get(code)) {
            return name.clone();
        }
        crate::jurisdiction::english_name(code).map(str::to_string).unwrap_or_else(|| code.to_string())
    }

    /// A command by its own name or by what some language types for it (`/salir`).
    pub fn command(&self, name: &str) -> Option<Command> {
        let n = name.trim().trim_start_matches('/').to_lowercase();
        Command::ALL
            .iter()
            .copied()
            .find(|c| c.name() == n)
            .or_else(|| self.commands.iter().find(|(a, _, _)| *a == n).map(|(_, c, _)| *c))
    }

    /// "no", "no code", "sin código": a person turning the resume code down in words.
    pub fn declines_code(&self, text: &str) -> bool {
        let t = fold(text);
        let t = t.trim_end_matches(['.', '!', ',']).trim();
        self.no_code.iter().any(|w| w == t)
    }

    /// What a typed answer means in the conversation's language, if it is a yes, a no or an
    /// "I don't know".
    pub fn answer_word(&self, lang: &str, text: &str) -> Option<Word> {
        let t = fold(text);
        self.language(lang)?.words.iter().find(|(w, _)| *w == t).map(|(_, m)| *m)
    }

    /// Whether `3/4/2014` means 3 April in `lang`. A language that does not say reads the day
    /// first, as most of the world does.
    pub fn day_first(&self, lang: &str) -> bool {
        self.language(lang).is_none_or(|l| l.day_first)
    }

    /// `lang`, or its base language (`es` for `es-MX`).
    fn language(&self, lang: &str) -> Option<&Language> {
        self.langs.get(lang).or_else(|| lang.split('-').next().and_then(|base| self.langs.get(base)))
    }
}

fn push_new(list: &mut Vec<String>, word: String) {
    if !word.is_empty() && !list.contains(&word) {
        list.push(word);
    }
}
