//! The records both store benchmarks write.

use clearpath::engine::answer::{Answer, PartialDate, Value};
use clearpath::engine::Session;

/// A session the size of a finished intake with two cases (about 2 KiB of JSON).
pub fn record(i: usize) -> Session {
    let mut s = Session::new("intake", "0123456789abcdef", "2026-11-25T00:00:00Z".parse().unwrap());
    s.locale = Some("es".into());
    for case in 0..2 {
        let a = |k: &str| format!("{k}#{case}");
        s.answers.insert(a("case_state"), Answer::Answered(Value::Jurisdiction("NY".into())));
        s.answers.insert(a("case_county"), Answer::Answered(Value::Text(format!("Kings County {i}"))));
        s.answers.insert(a("case_category"), Answer::Answered(Value::Choice("prostitution".into())));
        s.answers.insert(
            a("case_charge"),
            Answer::Answered(Value::Text("loitering for the purpose of prostitution".into())),
        );
        s.answers.insert(a("case_outcome"), Answer::Answered(Value::Choice("conviction".into())));
        s.answers.insert(a("case_date"), Answer::Answered(Value::Date(PartialDate::year(2014))));
        s.answers.insert(a("case_nexus"), Answer::Answered(Value::Choice("yes".into())));
        s.answers.insert(a("case_harm"), Answer::Answered(Value::Choices(vec!["none".into()])));
        s.answers.insert(a("case_age"), Answer::Answered(Value::Number(22)));
        s.answers.insert(a("case_docket"), Answer::DontKnow);
    }
    for k in ["other_names", "later_convictions", "pending", "urgent", "record_consent"] {
        s.answers.insert(k.into(), Answer::Answered(Value::Choice("no".into())));
    }
    s.answers.insert("contact_time".into(), Answer::Answered(Value::Text("weekday evenings after six".into())));
    s
}

/// The same session one answer later (every answer changes the session).
pub fn one_answer_later(r: &Session) -> Session {
    let mut r = r.clone();
    r.answers.insert("contact_time".into(), Answer::Answered(Value::Text("weekend mornings".into())));
    r
}
