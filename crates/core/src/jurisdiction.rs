//! The 50 states, the District of Columbia and federal law, with the names survivors type.
//!
//! Kept in code (not in a locale) because the engine must recognise a typed name in any language
//! without knowing which locale is active: someone chatting in English may well type "Nueva York".

/// (code, English name, Spanish name)
pub const JURISDICTIONS: &[(&str, &str, &str)] = &[
    ("AL", "Alabama", "Alabama"),
    ("AK", "Alaska", "Alaska"),
    ("AZ", "Arizona", "Arizona"),
    ("AR", "Arkansas", "Arkansas"),
    ("CA", "California", "California"),
    ("CO", "Colorado", "Colorado"),
    ("CT", "Connecticut", "Connecticut"),
    ("DE", "Delaware", "Delaware"),
    ("DC", "District of Columbia", "Distrito de Columbia"),
    ("FL", "Florida", "Florida"),
    ("GA", "Georgia", "Georgia"),
    ("HI", "Hawaii", "Hawái"),
    ("ID", "Idaho", "Idaho"),
    ("IL", "Illinois", "Illinois"),
    ("IN", "Indiana", "Indiana"),
    ("IA", "Iowa", "Iowa"),
    ("KS", "Kansas", "Kansas"),
    ("KY", "Kentucky", "Kentucky"),
    ("LA", "Louisiana", "Luisiana"),
    ("ME", "Maine", "Maine"),
    ("MD", "Maryland", "Maryland"),
    ("MA", "Massachusetts", "Massachusetts"),
    ("MI", "Michigan", "Míchigan"),
    ("MN", "Minnesota", "Minnesota"),
    ("MS", "Mississippi", "Misisipi"),
    ("MO", "Missouri", "Misuri"),
    ("MT", "Montana", "Montana"),
    ("NE", "Nebraska", "Nebraska"),
    ("NV", "Nevada", "Nevada"),
    ("NH", "New Hampshire", "Nuevo Hampshire"),
    ("NJ", "New Jersey", "Nueva Jersey"),
    ("NM", "New Mexico", "Nuevo México"),
    ("NY", "New York", "Nueva York"),
    ("NC", "North Carolina", "Carolina del Norte"),
    ("ND", "North Dakota", "Dakota del Norte"),
    ("OH", "Ohio", "Ohio"),
    ("OK", "Oklahoma", "Oklahoma"),
    ("OR", "Oregon", "Oregón"),
    ("PA", "Pennsylvania", "Pensilvania"),
    ("RI", "Rhode Island", "Rhode Island"),
    ("SC", "South Carolina", "Carolina del Sur"),
    ("SD", "South Dakota", "Dakota del Sur"),
    ("TN", "Tennessee", "Tennessee"),
    ("TX", "Texas", "Texas"),
    ("UT", "Utah", "Utah"),
    ("VT", "Vermont", "Vermont"),
    ("VA", "Virginia", "Virginia"),
    ("WA", "Washington", "Washington"),
    ("WV", "West Virginia", "Virginia Occidental"),
    ("WI", "Wisconsin", "Wisconsin"),
    ("WY", "Wyoming", "Wyoming"),
    ("US", "Federal (U.S.)", "Federal (EE. UU.)"),
];

/// Extra spellings that map to a code.
const ALIASES: &[(&str, &str)] = &[
    ("washington dc", "DC"),
    ("washington d.c.", "DC"),
    ("d.c.", "DC"),
    ("dc", "DC"),
    ("distrito de columbia", "DC"),
    ("federal", "US"),
    ("federal court", "US"),
    ("corte federal", "US"),
    ("tribunal federal", "US"),
    ("united states", "US"),
    ("usa", "US"),
    ("estados unidos", "US"),
    ("hawaii", "HI"),
    ("michigan", "MI"),
    ("mississippi", "MS"),
    ("missouri", "MO"),
    ("oregon", "OR"),
    ("louisiana", "LA"),
    ("nuevo mexico", "NM"),
    ("pennsylvania", "PA"),
];

pub fn is_code(code: &str) -> bool {
    JURISDICTIONS.iter().any(|(c, _, _)| *c == code)
}

/// English name of a code, for logs-free places that need one (diagnostics, docs).
pub fn english_name(code: &str) -> Option<&'static str> {
    JURISDICTIONS.iter().find(|(c, _, _)| *c == code).map(|(_, en, _)| *en)
}

/// Recognises a typed jurisdiction: a two-letter code, or a name in English or Spanish
/// (case, accents and a leading "state of"/"estado de" do not matter).
pub fn parse(input: &str) -> Option<&'static str> {
    let folded = fold(input);
    let folded =
        folded.trim_start_matches("state of ").trim_start_matches("estado de ").trim_end_matches(" state").trim();
    if folded.len() == 2 {
        let upper = folded.to_ascii_uppercase();
        if let Some((c, _, _)) = JURISDICTIONS.iter().find(|(c, _, _)| *c == upper) {
            return Some(c);
        }
    }
    for (code, en, es) in JURISDICTIONS {
        if fold(en) == folded || fold(es) == folded {
            return Some(code);
        }
    }
    ALIASES
        .iter()
        .find(|(a, _)| fold(a) == folded)
        .and_then(|(_, c)| JURISDICTIONS.iter().find(|(j, _, _)| j == c).map(|(j, _, _)| *j))
}

/// Lower case, accents removed, inner whitespace collapsed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.trim().chars().flat_map(char::to_lowercase) {
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
