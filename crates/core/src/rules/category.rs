//! Offense categories: defined once here; rules files, the intake flow and the screening all use
//! these names. `rules/README.md` explains each for the people who edit rules.

pub const NAMES: &[&str] = &[
    "prostitution",
    "loitering",
    "trespass",
    "disorderly_conduct",
    "theft",
    "fraud",
    "drug_possession",
    "drug_sale",
    "weapons",
    "promoting_prostitution",
    "burglary",
    "robbery",
    "assault",
    "property_damage",
    "driving",
    "immigration",
    "sex_offense",
    "kidnapping",
    "homicide",
    "trafficking",
    OTHER,
];

/// The category of an offense none of the others describes.
pub const OTHER: &str = "other";
/// Not a category of `NAMES`: the screening input may say the category is not known.
pub const UNKNOWN: &str = "unknown";

/// A plain description of a category, for docs and diagnostics.
pub fn describe(name: &str) -> &'static str {
    match name {
        "prostitution" => "prostitution, solicitation or loitering for prostitution (as the person selling)",
        "loitering" => "loitering, vagrancy, obstructing highways",
        "trespass" => "trespass, criminal trespass",
        "disorderly_conduct" => "disorderly conduct, public order offenses, resisting or obstruction without injury",
        "theft" => "larceny, shoplifting, petit theft, receiving stolen property",
        "fraud" => "forgery, fraud, false identification, identity theft, bad checks, credit-card offenses",
        "drug_possession" => "simple possession of a controlled substance or paraphernalia",
        "drug_sale" => "sale, distribution, possession with intent, drug trafficking",
        "weapons" => "weapon possession or carrying (no injury)",
        "promoting_prostitution" => {
            "promoting or compelling prostitution, pimping or pandering, keeping a place of prostitution"
        }
        "burglary" => "burglary, breaking and entering",
        "robbery" => "robbery",
        "assault" => "assault, battery, other offenses causing or threatening injury",
        "property_damage" => "criminal mischief, vandalism",
        "driving" => "driving offenses without injury, DUI",
        "immigration" => "immigration-related offenses",
        "sex_offense" => "sex offenses other than prostitution",
        "kidnapping" => "kidnapping, unlawful restraint, luring a child",
        "homicide" => "murder, manslaughter",
        "trafficking" => "human trafficking or sex trafficking (as a defendant)",
        "other" => "anything else",
        _ => "unknown category",
    }
}

pub fn is_category(name: &str) -> bool {
    NAMES.contains(&name)
}

/// Categories that are violent on their face. States define violence by their own lists, so a
/// rule's own exclusions always take precedence over this.
pub fn violent_on_its_face(name: &str) -> bool {
    matches!(name, "robbery" | "assault" | "kidnapping" | "homicide" | "sex_offense")
}
