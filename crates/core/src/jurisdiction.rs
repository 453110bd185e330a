//! The 50 states, the District of Columbia and federal law: their USPS codes and English names.
//!
//! The codes are facts of the law, not of a language: rules files, flows and routing name
//! jurisdictions by them. The English name stays here too, because it is not only a translation:
//! it is how the attorney-facing report and the diagnostics name a jurisdiction whatever the
//! survivor's language, it is always understood when typed, and it is what any language that has
//! not named a jurisdiction shows (as every missing message falls back to English). Every other
//! name, and every other spelling people type (English ones such as "Washington DC" included),
//! is locale data: `[jurisdictions]` in `locales/<lang>/locale.toml`, read into the
//! [`Lexicon`](crate::lexicon::Lexicon).

use crate::lexicon::Lexicon;

/// (USPS code, English name); `US` is federal law.
pub const JURISDICTIONS: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
    ("US", "Federal (U.S.)"),
];

pub fn is_code(code: &str) -> bool {
    JURISDICTIONS.iter().any(|(c, _)| *c == code)
}

/// English name of a code, for logs-free places that need one (diagnostics, docs).
pub fn english_name(code: &str) -> Option<&'static str> {
    JURISDICTIONS.iter().find(|(c, _)| *c == code).map(|(_, en)| *en)
}

/// Recognises a typed jurisdiction: a two-letter code, or a name in any loaded language (case,
/// accents and a leading "state of"/"estado de" do not matter). See [`Lexicon::jurisdiction`].
pub fn parse(input: &str, words: &Lexicon) -> Option<&'static str> {
    words.jurisdiction(input)
}

/// Lower case, accents removed, inner whitespace collapsed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Bidi marks (a right-to-left label's isolates) are invisible: they never tell words apart.
    let visible = |c: &char| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}');
    for ch in s.trim().chars().filter(visible).flat_map(char::to_lowercase) {
        let base = match ch {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            c => c,
        };
        if base.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(base);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str) -> Option<&'static str> {
        super::parse(input, &crate::locale::shipped_lexicon())
    }

    #[test]
    fn codes_and_names_in_both_languages() {
        assert_eq!(parse("ny"), Some("NY"));
        assert_eq!(parse("  New   York "), Some("NY"));
        assert_eq!(parse("Nueva York"), Some("NY"));
        assert_eq!(parse("carolina del norte"), Some("NC"));
        assert_eq!(parse("Washington DC"), Some("DC"));
        assert_eq!(parse("Oregón"), Some("OR"));
        assert_eq!(parse("federal"), Some("US"));
        assert_eq!(parse("Narnia"), None);
        assert_eq!(parse("xx"), None);
        assert_eq!(JURISDICTIONS.len(), 52);
    }
}
