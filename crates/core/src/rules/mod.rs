//! Relief rules by jurisdiction (`rules/*.toml`), the screening that reads them, and the offense
//! categories and screening fields shared with the intake flow.

pub mod category;
pub mod fields;
pub mod intake;
pub mod model;
pub mod report;
pub mod screen;
pub mod summary;

pub use model::Rules;

/// The screening input an example describes.
pub fn example_input(code: &str, ex: &model::Example) -> Result<screen::Input, String> {
    let mut person = serde_json::Map::new();
    let mut case = serde_json::Map::new();
    case.insert("jurisdiction".into(), code.into());
    for (k, v) in &ex.case {
        let v = serde_json::to_value(v).map_err(|e| e.to_string())?;
        // Empty strings in examples mean "not given".
        if v.as_str() == Some("") {
            continue;
        }
        // Keys of an example's flat `case` table that describe the person, not the case.
        if screen::Person::KEYS.contains(&k.as_str()) {
            person.insert(k.clone(), v);
        } else {
            case.insert(k.clone(), v);
        }
    }
    let json = serde_json::json!({ "date": ex.date, "person": person, "cases": [case] });
    parse_input(&json.to_string())
}

/// Parses screening JSON; a malformed input names the field at fault.
pub fn parse_input(text: &str) -> Result<screen::Input, String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let input: screen::Input = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            format!("{inner}")
        } else {
            format!("{path}: {inner}")
        }
    })?;
    let errs = screen::validate(&input);
    if errs.is_empty() {
        Ok(input)
    } else {
        Err(errs.join("\n"))
    }
}

/// One example's result.
#[derive(Debug, Clone)]
pub struct ExampleResult {
    pub code: String,
    pub name: String,
    pub route: String,
    pub expect: String,
    pub got: Result<String, String>,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        self.got.as_deref() == Ok(self.expect.as_str())
    }
}

/// Screens every example of every rules file.
pub fn run_examples(rules: &Rules) -> Vec<ExampleResult> {
    let mut out = Vec::new();
    for (code, j) in &rules.by_code {
        for ex in &j.examples {
            let got = example_input(code, ex).and_then(|input| {
                let date = jiff::civil::Date::strptime("%Y-%m-%d", &ex.date).map_err(|e| e.to_string())?;
                let result = screen::screen(rules, &input, date);
                result
                    .cases
                    .first()
                    .and_then(|c| c.routes.iter().find(|r| r.route == ex.route))
                    .map(|r| r.outcome.name().to_string())
                    .ok_or_else(|| format!("no route {}", ex.route))
            });
            out.push(ExampleResult {
                code: code.clone(),
                name: ex.name.clone(),
                route: ex.route.clone(),
                expect: ex.expect.clone(),
                got,
            });
        }
    }
    out
}
