//! What counts, step by step, through the real engine on a small flow: every milestone once per
//! conversation, each where it belongs.

use super::*;
use crate::engine::{self, Command, Input, Outcome};
use crate::flow::Flow;
use crate::lexicon::Lexicon;
use jiff::Timestamp;

const FLOW: &str = r#"
[flow]
id = "tiny"
start = "language"
languages = ["en", "es"]

[groups.case]
start = "case_state"
label = "group-case"
max = 3

[[step]]
id = "language"
kind = "language"
prompt = "q-language"
next = "safety"

[[step]]
id = "safety"
kind = "single"
prompt = "q-safety"
options = [{ value = "safe", label = "opt-safety-safe" }, { value = "not_now", label = "opt-safety-not-now" }]
next = "consent"
branch = [{ when = { answer = "safety", equals = "not_now" }, goto = "later" }]

[[step]]
id = "consent"
kind = "consent"
prompt = "q-consent"
next = "case_state"
decline = "declined"

[[step]]
id = "case_state"
group = "case"
kind = "jurisdiction"
prompt = "q-case-state"
options = [{ value = "NY" }, { value = "CA" }]
field = "jurisdiction"
next = "case_another"

[[step]]
id = "case_another"
group = "case"
kind = "single"
prompt = "q-case-another"
options = [{ value = "yes", label = "opt-another-yes" }, { value = "no", label = "opt-another-no" }]
next = "review"
branch = [{ when = { answer = "case_another", equals = "yes" }, goto = "new:case" }]

[[step]]
id = "review"
kind = "review"
prompt = "q-review"
next = "done"

[[step]]
id = "done"
kind = "end"
result = "submitted"
prompt = "end-done"

[[step]]
id = "later"
kind = "end"
result = "paused"
prompt = "end-later"

[[step]]
id = "declined"
kind = "end"
result = "declined"
prompt = "end-declined"
"#;

fn flow() -> Flow {
    let (f, diags) = crate::flow::load_str(std::path::Path::new("tiny.toml"), FLOW);
    assert!(diags.is_empty(), "{diags:?}");
    f
}

/// A conversation driven as the runtime drives it: step, count, keep the counted set.
struct Talk {
    flow: Flow,
    words: Lexicon,
    s: Session,
    now: Timestamp,
    counted: Vec<Cell>,
}

impl Talk {
    fn new() -> Talk {
        let flow = flow();
        let now: Timestamp = "2026-12-02T12:00:00Z".parse().unwrap();
        let s = Session::new(&flow.id, &flow.hash, now);
        Talk { flow, words: crate::locale::shipped_lexicon(), s, now, counted: Vec::new() }
    }

    fn go(&mut self, input: Input, cause: Cause) -> Vec<Milestone> {
        self.now += jiff::SignedDuration::from_secs(30);
        let Outcome { mut session, replies, effects, .. } =
            engine::step(&self.flow, &self.words, &self.s, input, self.now);
        let submitted = effects.contains(&engine::Effect::Submit);
        let erased = effects.contains(&engine::Effect::Erase);
        let got = reached(&self.s, &session, &replies, submitted, cause);
        if !erased {
            session.counted = self.s.counted.clone();
        }
        session.counted.extend(got.iter().copied());
        for m in &got {
            self.counted.extend(cells(&self.flow, &session, *m));
        }
        self.s = session;
        got
    }

    fn send(&mut self, input: Input) -> Vec<Milestone> {
        self.go(input, Cause::Survivor)
    }

    fn pick(&mut self, id: &str) -> Vec<Milestone> {
        self.send(Input::choice(id))
    }
}

use Milestone::*;

#[test]
fn a_completed_intake_counts_started_consented_and_completed_once_each() {
    let mut t = Talk::new();
    assert_eq!(t.send(Input::cmd(Command::Start)), [Started]);
    assert_eq!(t.pick("es"), []);
    assert_eq!(t.pick("safe"), []);
    assert_eq!(t.pick("agree"), [Consented]);
    assert_eq!(t.pick("CA"), []);
    assert_eq!(t.pick("yes"), []);
    assert_eq!(t.pick("NY"), []);
    assert_eq!(t.pick("no"), []);
    assert_eq!(t.pick("submit"), [Completed]);
    let names: Vec<String> = t.counted.iter().map(Cell::encode).collect();
    // Started before a language was chosen (no hint); the rest in Spanish, the completion in both
    // jurisdictions its cases name.
    assert_eq!(
        names,
        [
            "started",
            "started/lang/-",
            "consented",
            "consented/lang/es",
            "completed",
            "completed/lang/es",
            "completed/jur/CA",
            "completed/jur/NY"
        ]
    );
    // Restarting and submitting again is the same conversation: nothing counts twice.
    assert_eq!(t.send(Input::cmd(Command::Start)), []);
    assert_eq!(t.pick("restart"), []);
    for id in ["es", "safe", "agree", "CA", "no", "submit"] {
        assert_eq!(t.pick(id), [], "{id}");
    }
    assert_eq!(t.s.status, Status::Submitted);
}

#[test]
fn the_quick_exit_counts_as_exited_and_a_language_hint_counts_at_the_start() {
    let mut t = Talk::new();
    assert_eq!(t.send(Input::Command { cmd: Command::Start, arg: Some("es".into()) }), [Started]);
    assert_eq!(t.pick("es"), []);
    assert_eq!(t.send(Input::cmd(Command::Exit)), [Exited]);
    // Exiting again, resuming, exiting again: once.
    assert_eq!(t.send(Input::cmd(Command::Exit)), []);
    assert_eq!(t.send(Input::cmd(Command::Start)), []);
    assert_eq!(t.send(Input::cmd(Command::Exit)), []);
    let names: Vec<String> = t.counted.iter().map(Cell::encode).collect();
    assert_eq!(names, ["started", "started/lang/es", "exited", "exited/lang/es", "exited/jur/-"]);
}

#[test]
fn an_exit_before_anything_began_counts_nothing() {
    let mut t = Talk::new();
    assert_eq!(t.send(Input::cmd(Command::Exit)), []);
    assert_eq!(t.send(Input::Text("/nosuchcommand".into())), [Started]);
}

#[test]
fn not_now_and_an_idle_pause_count_as_paused_and_a_start_in_the_middle_does_not() {
    let mut t = Talk::new();
    t.send(Input::cmd(Command::Start));
    t.pick("en");
    assert_eq!(t.pick("not_now"), [Paused]);
    assert_eq!(t.s.status, Status::Paused);
    let names: Vec<String> = t.counted.iter().map(Cell::encode).collect();
    assert_eq!(names[2..], ["paused", "paused/lang/en", "paused/jur/-"]);

    let mut t = Talk::new();
    t.send(Input::cmd(Command::Start));
    t.pick("en");
    t.pick("safe");
    t.pick("agree");
    // /start in the middle offers resume or restart (the session is paused meanwhile): no stop.
    assert_eq!(t.send(Input::cmd(Command::Start)), []);
    assert_eq!(t.s.status, Status::Paused);
    assert_eq!(t.pick("resume"), []);
    t.pick("NY");
    // The channel pauses it, left idle: the exit's transition, counted as paused.
    assert_eq!(t.go(Input::cmd(Command::Exit), Cause::Left), [Paused]);
    assert_eq!(t.s.status, Status::Paused);
    assert!(t.counted.iter().any(|c| c.encode() == "paused/jur/NY"), "{:?}", t.counted);
    // A later quick exit by the survivor still counts, once.
    t.send(Input::cmd(Command::Start));
    assert_eq!(t.send(Input::cmd(Command::Exit)), [Exited]);
    assert_eq!(t.go(Input::cmd(Command::Exit), Cause::Left), []);
}

#[test]
fn declining_counts_nothing_and_a_conversation_after_it_starts_anew() {
    let mut t = Talk::new();
    t.send(Input::cmd(Command::Start));
    t.pick("en");
    t.pick("safe");
    assert_eq!(t.pick("decline"), []);
    // Declining erases: what was counted goes with it, and the next start counts.
    assert!(t.s.counted.is_empty());
    assert_eq!(t.send(Input::cmd(Command::Start)), [Started]);
}

#[test]
fn cells_read_back_as_written_and_nothing_else_reads() {
    for m in Milestone::ALL {
        for by in [
            By::All,
            By::Language(Some("es".into())),
            By::Language(None),
            By::Jurisdiction(Some("CA".into())),
            By::Jurisdiction(None),
        ] {
            let c = Cell::new(m, by);
            assert_eq!(Cell::decode(&c.encode()), Some(c));
        }
    }
    for bad in [
        "",
        "begun",
        "started/",
        "started/lang",
        "started/lang/es/x",
        "started/x/es",
        "started/lang/a b",
        "started/lang/",
    ] {
        assert_eq!(Cell::decode(bad), None, "{bad:?}");
    }
}

#[test]
fn weeks_are_iso_weeks_in_utc() {
    let at = |s: &str| week(s.parse().unwrap());
    assert_eq!(at("2026-12-02T12:00:00Z"), "2026-W49");
    // ISO years: 1 January 2027 is a Friday of 2026's week 53; 4 January 2027 starts 2027-W01.
    assert_eq!(at("2027-01-01T00:00:00Z"), "2026-W53");
    assert_eq!(at("2027-01-04T00:00:00Z"), "2027-W01");
    // A Sunday late in the evening in New York is already Monday in UTC.
    assert_eq!(at("2026-12-07T03:00:00Z"), "2026-W50");
}
