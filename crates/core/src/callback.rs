//! The callback data of every button the bot and the case desk make: one enum, encoded and decoded
//! here and nowhere else.
//!
//! The wire strings are those of the first release, byte for byte: buttons stay on survivors' and
//! attorneys' phones for days, and a press of an old one must still mean what it meant. Anything
//! that is not an encoding of a [`Callback`] (an old format, a forged press, junk) decodes to
//! [`Callback::Stale`], never to an error; a press is stale if it does not read back exactly as
//! written, so every accepted string has one meaning.
//!
//! This module depends on `std` only (it is meant for the channel-neutral core), and knows nothing
//! of prompts: a prompt's `tag` is opaque here (the Telegram channel makes it from the step key),
//! and holds no `:`.
//!
//! | wire                         | value                                          |
//! |------------------------------|------------------------------------------------|
//! | `x`                          | [`Callback::Exit`]                             |
//! | `c:<tag>:<id>`               | [`Callback::Choice`] (`id` may hold `:`)       |
//! | `t:<tag>:<id>`               | [`Callback::Tick`]                             |
//! | `d:<tag>` / `d:<tag>:<ticks>`| [`Callback::Done`]                             |
//! | `p:<tag>:<page>:<ticks>`     | [`Callback::Page`]                             |
//! | `a:<code>` / `n:<code>`      | [`Callback::Accept`] / [`Callback::Decline`]   |

use std::collections::BTreeSet;

/// Telegram refuses callback data longer than this many bytes.
pub const MAX_BYTES: usize = 64;
/// Pages of a prompt's buttons a press may ask for (more is junk).
pub const MAX_PAGE: usize = 999;
/// Option indices a tick mask can carry (32 hex digits).
pub const MAX_TICKS: usize = 128;

/// What a button press asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// ✕: leave now.
    Exit,
    /// One option of the prompt tagged `tag`, answered at once (on the review: `submit` or
    /// `change:<key>`).
    Choice { tag: String, id: String },
    /// Tick or untick an option of a multiple choice; the conversation does not change.
    Tick { tag: String, id: String },
    /// Done on a multiple choice. On a long list, `elsewhere` holds the options (by index in the
    /// full list) ticked on pages other than the one shown; `None` on a list of one page.
    Done { tag: String, elsewhere: Option<BTreeSet<usize>> },
    /// Another page of a prompt's buttons, with the ticks of the other pages.
    Page { tag: String, page: usize, ticks: BTreeSet<usize> },
    /// The case desk's Accept button on an offered case.
    Accept(String),
    /// The case desk's Decline button.
    Decline(String),
    /// Anything else: a press this build does not make.
    Stale,
}

impl Callback {
    /// The callback data. A value made by [`Callback::decode`] encodes to the string it came from.
    /// `Stale` has no button; it encodes to the empty string, which decodes back to `Stale`.
    pub fn encode(&self) -> String {
        match self {
            Callback::Exit => "x".to_string(),
            Callback::Choice { tag, id } => format!("c:{tag}:{id}"),
            Callback::Tick { tag, id } => format!("t:{tag}:{id}"),
            Callback::Done { tag, elsewhere: None } => format!("d:{tag}"),
            Callback::Done { tag, elsewhere: Some(ticks) } => format!("d:{tag}:{}", encode_ticks(ticks)),
            Callback::Page { tag, page, ticks } => format!("p:{tag}:{page}:{}", encode_ticks(ticks)),
            Callback::Accept(code) => format!("a:{code}"),
            Callback::Decline(code) => format!("n:{code}"),
            Callback::Stale => String::new(),
        }
    }

    /// Reads callback data. Never fails: what is not exactly an encoding is [`Callback::Stale`].
    pub fn decode(data: &str) -> Callback {
        match Self::parse(data) {
            Some(c) if c.encode() == data => c,
            _ => Callback::Stale,
        }
    }

    fn parse(data: &str) -> Option<Callback> {
        if data == "x" {
            return Some(Callback::Exit);
        }
        let (kind, rest) = data.split_once(':')?;
        let tagged = || rest.split_once(':').map(|(tag, id)| (tag.to_string(), id.to_string()));
        Some(match kind {
            "c" => tagged().map(|(tag, id)| Callback::Choice { tag, id })?,
            "t" => tagged().map(|(tag, id)| Callback::Tick { tag, id })?,
            "d" => match rest.split_once(':') {
                Some((tag, mask)) => Callback::Done { tag: tag.to_string(), elsewhere: Some(decode_ticks(mask)?) },
                None => Callback::Done { tag: rest.to_string(), elsewhere: None },
            },
            "p" => {
                let mut parts = rest.splitn(3, ':');
                let tag = parts.next()?.to_string();
                let page = parts.next()?.parse::<usize>().ok().filter(|p| *p <= MAX_PAGE)?;
                let ticks = decode_ticks(parts.next()?)?;
                Callback::Page { tag, page, ticks }
            }
            "a" => Callback::Accept(rest.to_string()),
            "n" => Callback::Decline(rest.to_string()),
            _ => return None,
        })
    }

    /// The prompt tag a survivor's press names, if it names one.
    pub fn tag(&self) -> Option<&str> {
        match self {
            Callback::Choice { tag, .. }
            | Callback::Tick { tag, .. }
            | Callback::Done { tag, .. }
            | Callback::Page { tag, .. } => Some(tag),
            Callback::Exit | Callback::Accept(_) | Callback::Decline(_) | Callback::Stale => None,
        }
    }
}

/// Option indices as hex digits, four indices to a digit, lowest first ("" for none). The last
/// digit is never 0, so each set has one encoding.
fn encode_ticks(ticks: &BTreeSet<usize>) -> String {
    let Some(last) = ticks.iter().next_back() else { return String::new() };
    (0..=last / 4)
        .map(|d| {
            let nibble = (0..4).filter(|b| ticks.contains(&(d * 4 + b))).fold(0u32, |n, b| n | (1 << b));
            char::from_digit(nibble, 16).unwrap_or('0')
        })
        .collect()
}

/// The inverse of [`encode_ticks`]; `None` for anything else (at most [`MAX_TICKS`] indices).
fn decode_ticks(s: &str) -> Option<BTreeSet<usize>> {
    if s.len() > MAX_TICKS / 4 {
        return None;
    }
    let mut ticks = BTreeSet::new();
    for (d, c) in s.chars().enumerate() {
        let nibble = c.to_digit(16)?;
        ticks.extend((0..4).filter(|b| nibble & (1 << b) != 0).map(|b| d * 4 + b));
    }
    Some(ticks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_formats_on_phones_read_as_they_did() {
        let tag = || "abcd1234".to_string();
        for (wire, value) in [
            ("x", Callback::Exit),
            ("c:abcd1234:agree", Callback::Choice { tag: tag(), id: "agree".into() }),
            ("c:abcd1234:change:charge#1", Callback::Choice { tag: tag(), id: "change:charge#1".into() }),
            ("t:abcd1234:theft", Callback::Tick { tag: tag(), id: "theft".into() }),
            ("d:abcd1234", Callback::Done { tag: tag(), elsewhere: None }),
            ("d:abcd1234:", Callback::Done { tag: tag(), elsewhere: Some(BTreeSet::new()) }),
            ("d:abcd1234:09", Callback::Done { tag: tag(), elsewhere: Some(BTreeSet::from([7, 4])) }),
            ("p:abcd1234:3:", Callback::Page { tag: tag(), page: 3, ticks: BTreeSet::new() }),
            ("p:abcd1234:1:1", Callback::Page { tag: tag(), page: 1, ticks: BTreeSet::from([0]) }),
            ("a:K7QX2M", Callback::Accept("K7QX2M".into())),
            ("n:K7QX2M", Callback::Decline("K7QX2M".into())),
        ] {
            assert_eq!(Callback::decode(wire), value, "{wire}");
            assert_eq!(value.encode(), wire);
        }
    }

    #[test]
    fn junk_and_near_misses_are_stale() {
        for junk in [
            "",
            "X",
            "x:",
            "c:",
            "c:abcd1234",
            "t:abcd1234",
            "d:abcd1234:zz",
            "d:abcd1234:10",
            "p:",
            "p:x",
            "p:x:",
            "p:x:-1:",
            "p:x:1000:",
            "p:x:007:",
            "p:x:1:zz",
            "p:x:1:ffffffffffffffffffffffffffffffffff",
            "q:abc",
            "stale",
        ] {
            assert_eq!(Callback::decode(junk), Callback::Stale, "{junk:?}");
        }
    }

    /// Moved from the Telegram channel with the page format (was `PageTo::encode`/`parse`).
    #[test]
    fn ticks_and_pages_read_back_as_written_and_junk_is_refused() {
        for ticks in [BTreeSet::new(), BTreeSet::from([0]), BTreeSet::from([3, 4, 17, 99]), (0..128).collect()] {
            assert_eq!(decode_ticks(&encode_ticks(&ticks)), Some(ticks.clone()));
            let page = Callback::Page { tag: "abcd1234".into(), page: 3, ticks };
            assert_eq!(Callback::decode(&page.encode()), page);
        }
        for junk in
            ["p:", "p:x", "p:x:", "p:x:-1:", "p:x:99999:", "p:x:1:zz", "p:x:1:ffffffffffffffffffffffffffffffffff"]
        {
            assert_eq!(Callback::decode(junk), Callback::Stale, "{junk}");
        }
    }

    fn ticks() -> impl Strategy<Value = BTreeSet<usize>> {
        proptest::collection::btree_set(0..MAX_TICKS, 0..20)
    }

    /// Values as the bot makes them: an 8-hex-digit tag, an option id or `change:<step key>` of
    /// at most 48 bytes, a resume-style case code.
    fn callback() -> impl Strategy<Value = Callback> {
        let tag = "[0-9a-f]{8}";
        let id = prop_oneof!["[a-z_]{1,40}", "change:[a-z_]{1,30}(#[0-9]{1,3})?"];
        prop_oneof![
            Just(Callback::Exit),
            Just(Callback::Stale),
            (tag, id.clone()).prop_map(|(tag, id)| Callback::Choice { tag, id }),
            (tag, id).prop_map(|(tag, id)| Callback::Tick { tag, id }),
            (tag, proptest::option::of(ticks())).prop_map(|(tag, elsewhere)| Callback::Done { tag, elsewhere }),
            (tag, 0..=MAX_PAGE, ticks()).prop_map(|(tag, page, ticks)| Callback::Page { tag, page, ticks }),
            "[A-Z0-9]{1,12}".prop_map(Callback::Accept),
            "[A-Z0-9]{1,12}".prop_map(Callback::Decline),
        ]
    }

    proptest! {
        #[test]
        fn every_value_round_trips_within_telegrams_limit(c in callback()) {
            let wire = c.encode();
            prop_assert!(wire.len() <= MAX_BYTES, "{} bytes: {wire}", wire.len());
            prop_assert_eq!(Callback::decode(&wire), c);
        }

        #[test]
        fn anything_else_is_stale(s in proptest::prelude::any::<String>(), prefix in "(x|c|t|d|p|a|n|q)?:?") {
            for data in [s.clone(), format!("{prefix}{s}")] {
                let c = Callback::decode(&data);
                // Either stale, or an encoding read back exactly.
                prop_assert!(c == Callback::Stale || c.encode() == data, "{data:?} -> {c:?}");
            }
        }
    }
}
