//! The desk's own tests: the attorney commands and their buttons, whose identity a revocation
//! reaches, and the order in which a case goes to attorneys, on a real `App` over a temporary
//! store. Messages go through [`Recorder`], an `Outbound` that keeps what the desk asked to send:
//! the desk runs without any channel.

use super::*;
use crate::engine::answer::{Answer, Value};
use crate::retention::Retention;
use crate::store::crypto::Key;
use clearpath_core::data::Tree;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

// ---- DeskCommand: typed commands and buttons ---------------------------------------------------

#[test]
fn typed_commands_take_the_code_trimmed_and_in_capitals() {
    assert_eq!(DeskCommand::parse("accept", " k7qx2m \n"), DeskCommand::Accept("K7QX2M".into()));
    assert_eq!(DeskCommand::parse("decline", "K7QX2M"), DeskCommand::Decline("K7QX2M".into()));
    assert_eq!(DeskCommand::parse("case", "k7qx2m"), DeskCommand::Case("K7QX2M".into()));
    assert_eq!(DeskCommand::parse("close", "k7qx2m"), DeskCommand::Close("K7QX2M".into()));
    // `/cases` takes no code: whatever follows is ignored.
    assert_eq!(DeskCommand::parse("cases", "whatever"), DeskCommand::Cases);
    // A command without its code keeps an empty code (`command` then asks for it).
    assert_eq!(DeskCommand::parse("accept", "   "), DeskCommand::Accept(String::new()));
}

#[test]
fn anything_not_a_desk_command_is_help() {
    for cmd in ["", "help", "start", "Accept", "ACCEPT", "accept ", "/accept", "delete", "enroll"] {
        assert_eq!(DeskCommand::parse(cmd, "K7QX2M"), DeskCommand::Help, "{cmd:?}");
    }
}

#[test]
fn accept_and_decline_buttons_round_trip_and_fit_64_bytes_of_callback_data() {
    for cmd in [
        DeskCommand::Accept("K7QX2M".into()),
        DeskCommand::Decline("K7QX2M".into()),
        DeskCommand::Accept("ABCDEFGH2345".into()),
    ] {
        let data = cmd.button_data().unwrap();
        assert!(data.len() <= 64, "{data}: callback data holds at most 64 bytes");
        assert_eq!(DeskCommand::from_button(&data), Some(cmd));
    }
    // A code read from a button is normalised as a typed one is.
    let data = DeskCommand::Accept(" k7qx2m".into()).button_data().unwrap();
    assert_eq!(DeskCommand::from_button(&data), Some(DeskCommand::Accept("K7QX2M".into())));
    assert_eq!(DeskCommand::from_button("n:k7qx2m"), Some(DeskCommand::Decline("K7QX2M".into())));
}

#[test]
fn only_accept_and_decline_have_buttons() {
    for cmd in [DeskCommand::Cases, DeskCommand::Case("K7".into()), DeskCommand::Close("K7".into()), DeskCommand::Help]
    {
        assert_eq!(cmd.button_data(), None, "{cmd:?}");
    }
}

#[test]
fn a_survivors_button_or_noise_is_not_a_desk_command() {
    let survivor = crate::callback::Callback::Choice { tag: "t1".into(), id: "yes".into() }.encode();
    for data in [survivor.as_str(), "", "x", "a", "accept:K7", "z:K7", "d:t1", "\u{0}"] {
        assert_eq!(DeskCommand::from_button(data), None, "{data:?}");
    }
    // The empty code of a bare "a:" reaches `command`, which asks for a code.
    assert_eq!(DeskCommand::from_button("a:"), Some(DeskCommand::Accept(String::new())));
}

// ---- Attorneys' identities ---------------------------------------------------------------------

fn recipient() -> String {
    age::x25519::Identity::generate().to_public().to_string()
}

fn attorney(name: &str, chat: i64, jurisdictions: &[&str], default: bool) -> Attorney {
    Attorney {
        name: name.into(),
        chat,
        recipient: recipient(),
        jurisdictions: jurisdictions.iter().map(|j| j.to_string()).collect(),
        language: "en".into(),
        default,
    }
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn an_attorneys_record_key_is_their_name_in_any_case_and_their_key() {
    let dir = tempfile::tempdir().unwrap();
    let st = Store::open(dir.path(), Key::generate()).unwrap();
    let a = attorney("Ana Ruiz", 1, &["NY"], false);
    let same = Attorney { name: "ANA RUIZ".into(), chat: 2, jurisdictions: vec!["CA".into()], ..a.clone() };
    assert_eq!(attorney_key(&st, &a), attorney_key(&st, &same), "chat and jurisdictions are not the identity");
    let new_key = Attorney { recipient: recipient(), ..a.clone() };
    assert_ne!(attorney_key(&st, &a), attorney_key(&st, &new_key), "a new key is a new record");
    let other = Attorney { name: "Ana Ruiz-Lopez".into(), ..a.clone() };
    assert_ne!(attorney_key(&st, &a), attorney_key(&st, &other));
    // Keyed by the store: another store's key for the same attorney differs.
    let dir2 = tempfile::tempdir().unwrap();
    let st2 = Store::open(dir2.path(), Key::generate()).unwrap();
    assert_ne!(attorney_key(&st, &a), attorney_key(&st2, &a));
}

#[test]
fn a_revocation_covers_the_same_key_always_and_the_same_name_or_chat_if_not_enrolled_since() {
    let ana = attorney("Ana", 11, &["NY"], false);
    let revoked_at = ts("2026-05-01T00:00:00Z");
    let revoked =
        AttorneyRecord { attorney: ana.clone(), enrolled_at: ts("2026-01-01T00:00:00Z"), revoked_at: Some(revoked_at) };
    let before = Some(ts("2026-04-01T00:00:00Z"));
    let after = Some(ts("2026-06-01T00:00:00Z"));

    // Not revoked: covers no one, not even itself.
    let live = AttorneyRecord { revoked_at: None, ..revoked.clone() };
    assert!(!revoked_covers(&live, &ana, None));

    // The same key: always, even enrolled again after the revocation under another name.
    let renamed = Attorney { name: "Someone".into(), chat: 99, ..ana.clone() };
    for since in [None, before, after] {
        assert!(revoked_covers(&revoked, &renamed, since), "{since:?}");
    }

    // The same name (in any case) or the same chat with a new key: a configured attorney (no
    // enrolment time) or one enrolled before the revocation stays out; one enrolled after it has
    // access again.
    let same_name = Attorney { name: "ANA".into(), chat: 12, recipient: recipient(), ..ana.clone() };
    let same_chat = Attorney { name: "Other".into(), chat: 11, recipient: recipient(), ..ana.clone() };
    for a in [&same_name, &same_chat] {
        assert!(revoked_covers(&revoked, a, None), "{}", a.name);
        assert!(revoked_covers(&revoked, a, before), "{}", a.name);
        assert!(revoked_covers(&revoked, a, Some(revoked_at)), "{}: revoked at the same instant", a.name);
        assert!(!revoked_covers(&revoked, a, after), "{}", a.name);
    }

    // Nothing in common: not covered.
    let stranger = attorney("Ben", 12, &["NY"], false);
    assert!(!revoked_covers(&revoked, &stranger, None));
}

// ---- Routing, on a real App --------------------------------------------------------------------

/// An `Outbound` that records what the desk sends, per chat, instead of sending it.
#[derive(Default)]
struct Recorder {
    sent: Mutex<Vec<(i64, Message)>>,
}

impl Recorder {
    /// Everything sent to `chat` so far, and forget it.
    fn take(&self, chat: i64) -> Vec<Message> {
        let mut sent = self.sent.lock().unwrap();
        let (mine, rest): (Vec<_>, Vec<_>) = sent.drain(..).partition(|(c, _)| *c == chat);
        *sent = rest;
        mine.into_iter().map(|(_, m)| m).collect()
    }
    fn chats(&self) -> Vec<i64> {
        self.sent.lock().unwrap().iter().map(|(c, _)| *c).collect()
    }
}

impl Outbound for Recorder {
    fn channel(&self) -> &'static str {
        "test"
    }
    fn entries(&self, chat: i64, now: Timestamp, messages: Vec<Message>) -> Vec<OutboxEntry> {
        let mut sent = self.sent.lock().unwrap();
        messages
            .into_iter()
            .map(|m| {
                let payload = serde_json::Value::String(format!("{m:?}"));
                sent.push((chat, m));
                OutboxEntry {
                    chat: chat.to_string(),
                    created_at: now,
                    attempts: 0,
                    transient: 0,
                    not_before: None,
                    payload,
                    input: None,
                }
            })
            .collect()
    }
}

/// The shipped files under `dir` (flows, locales, rules), read into a tree.
fn tree(dir: &str) -> Tree {
    fn walk(root: &Path, dir: &Path, files: &mut Vec<(PathBuf, String)>, dirs: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if path.is_dir() {
                dirs.push(rel);
                walk(root, &path, files, dirs);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                files.push((rel, text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(dir);
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    walk(&root, &root, &mut files, &mut dirs);
    Tree::new(dir, &root, files, dirs)
}

const ADMIN: i64 = 700;
const SURVIVOR_CHAT: i64 = 500;

struct Desked {
    _dir: tempfile::TempDir,
    app: App,
    out: Arc<Recorder>,
    now: Timestamp,
    /// Addenda the survivor has sent (see `add`).
    added: u32,
}

/// An `App` over a temporary store whose desk has these attorneys, in this order.
fn desked(attorneys: Vec<Attorney>) -> Desked {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let flows = tree("flows");
    let (path, text) = flows.files("", "toml").unwrap().into_iter().find(|(p, _)| p.ends_with("intake.toml")).unwrap();
    let (flow, diags) = crate::flow::load_str(&path, &text);
    assert!(diags.is_empty(), "{diags:?}");
    let (locales, diags) = crate::locale::Locales::load(&tree("locales"));
    assert!(diags.is_empty(), "{diags:?}");
    let (rules, diags) = Rules::load(&tree("rules"));
    assert!(!clearpath_core::diag::has_errors(&diags), "{diags:?}");
    let mut app = App::new(flow, locales, store, Retention::default());
    let out = Arc::new(Recorder::default());
    app.desk = Some(Desk::new(rules, attorneys, vec![ADMIN], HandoffConfig::default(), out.clone()));
    Desked { _dir: dir, app, out, now: ts("2026-03-02T09:00:00Z"), added: 0 }
}

impl Desked {
    /// A survivor completes an intake about one case in `jurisdiction` (none: not known), having
    /// chosen this chat for contact. Returns the case code.
    fn submit(&mut self, jurisdiction: Option<&str>) -> String {
        self.now += SignedDuration::from_mins(1);
        let flow = self.app.flow();
        let step = |field: &str| flow.steps.iter().find(|s| s.field.as_deref() == Some(field)).unwrap().id.clone();
        let mut answers = BTreeMap::new();
        answers.insert(
            step(crate::rules::fields::name::contact_method),
            Answer::Answered(Value::Choices(vec![crate::rules::fields::THIS_CHAT.into()])),
        );
        if let Some(j) = jurisdiction {
            answers.insert(
                format!("{}#1", step(crate::rules::fields::name::jurisdiction)),
                Answer::Answered(Value::Jurisdiction(j.into())),
            );
        }
        let code = crate::app::case_code();
        let intake = Intake {
            code: code.clone(),
            flow_id: "intake".into(),
            flow_hash: flow.hash.clone(),
            locale: "en".into(),
            answers,
            submitted_at: self.now,
            delivered_at: None,
            contact_chat: None,
            addenda: vec![],
            early: false,
        };
        let who = self.survivor();
        self.app.store(|st| st.save_intake(&who, &intake)).unwrap();
        submitted(&self.app, &who, &code, Some(SURVIVOR_CHAT), self.now).unwrap();
        code
    }

    fn survivor(&self) -> Subject {
        self.app.subject("test", &SURVIVOR_CHAT.to_string()).unwrap()
    }

    fn case(&self, code: &str) -> Referral {
        list(&self.app).unwrap().into_iter().find(|r| r.code == code).unwrap()
    }

    fn command(&mut self, a: &Attorney, cmd: DeskCommand) -> String {
        self.now += SignedDuration::from_mins(1);
        command(&self.app, a, &cmd, self.now).unwrap()
    }

    /// Asserts that `a` was just offered case `code` (the triage text with its two buttons, then
    /// the sealed file) and nothing else.
    fn assert_offered(&self, a: &Attorney, code: &str) {
        let got = self.out.take(a.chat);
        let [Message::Text { text, buttons, protect }, Message::File { name, text: sealed }] = got.as_slice() else {
            panic!("{} was sent {got:?}", a.name)
        };
        assert!(text.starts_with(&format!("New referral {code}\n")), "{text}");
        assert!(!protect, "an attorney must be able to keep the case");
        let data: Vec<Option<DeskCommand>> =
            buttons.iter().flatten().map(|(_, data)| DeskCommand::from_button(data)).collect();
        assert_eq!(data, [Some(DeskCommand::Accept(code.into())), Some(DeskCommand::Decline(code.into()))]);
        assert_eq!(name, &format!("case-{code}.md.age"));
        assert!(sealed.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"), "{sealed}");
        let r = self.case(code);
        assert_eq!((r.state, r.holder.as_deref()), (CaseState::Offered, Some(a.name.as_str())));
    }
}

#[test]
fn a_case_goes_to_those_serving_its_jurisdiction_in_order_then_the_default_then_waits() {
    let ca = attorney("Cara", 101, &["CA"], false);
    let ny1 = attorney("Nia", 102, &["NY"], false);
    let ny2 = attorney("Noor", 103, &["CA", "NY"], false);
    let default = attorney("Dee", 104, &["TX"], true);
    let mut d = desked(vec![ca.clone(), ny1.clone(), ny2.clone(), default.clone()]);
    let code = d.submit(Some("NY"));
    assert_eq!(d.case(&code).jurisdictions, ["NY"]);

    // The first configured attorney who serves NY; Cara (CA only) is passed over.
    d.assert_offered(&ny1, &code);
    let reply = d.command(&ny1, DeskCommand::Decline(code.clone()));
    assert!(reply.starts_with(&format!("You declined case {code}")), "{reply}");
    d.assert_offered(&ny2, &code);
    d.command(&ny2, DeskCommand::Decline(code.clone()));
    // Nobody else serves NY: the default attorney, whatever they serve.
    d.assert_offered(&default, &code);
    d.command(&default, DeskCommand::Decline(code.clone()));

    // Everybody declined: the case waits, and the administrators are told, without details.
    let r = d.case(&code);
    assert_eq!((r.state, r.holder, r.sealed), (CaseState::Waiting, None, None));
    assert_eq!(r.tried, ["Nia", "Noor", "Dee"]);
    let alerts = d.out.take(ADMIN);
    assert_eq!(
        alerts,
        [Message::text(
            format!("No attorney is left for case {code} (NY). It waits: add or enrol an attorney who serves it."),
            false
        )]
    );
    assert!(d.out.take(ca.chat).is_empty(), "Cara does not serve NY and was never offered it");
    assert!(d.out.chats().is_empty(), "nothing else was sent: {:?}", d.out.chats());
}

#[test]
fn a_case_of_unknown_jurisdiction_goes_to_the_default_attorney() {
    let ny = attorney("Nia", 102, &["NY"], false);
    let default = attorney("Dee", 104, &["TX"], true);
    let mut d = desked(vec![ny.clone(), default.clone()]);
    let code = d.submit(None);
    assert!(d.case(&code).jurisdictions.is_empty());
    d.assert_offered(&default, &code);
    assert!(d.out.take(ny.chat).is_empty());
}

#[test]
fn an_attorney_serving_every_jurisdiction_comes_in_order_not_after_the_specialists() {
    let any = attorney("Ana", 100, &["*"], false);
    let ny = attorney("Nia", 102, &["NY"], false);
    let mut d = desked(vec![any.clone(), ny.clone()]);
    let code = d.submit(Some("NY"));
    d.assert_offered(&any, &code);
    d.command(&any, DeskCommand::Decline(code.clone()));
    d.assert_offered(&ny, &code);
}

#[test]
fn with_no_one_serving_it_and_no_default_a_case_waits_at_once() {
    let ca = attorney("Cara", 101, &["CA"], false);
    let mut d = desked(vec![ca.clone()]);
    let code = d.submit(Some("NY"));
    let r = d.case(&code);
    assert_eq!((r.state, r.holder), (CaseState::Waiting, None));
    assert!(r.tried.is_empty());
    assert_eq!(d.out.take(ADMIN).len(), 1);
    assert!(d.out.take(ca.chat).is_empty());
}

#[test]
fn only_the_holder_can_act_on_a_case_and_accepting_tells_the_survivor_once() {
    let ny = attorney("Nia", 102, &["NY"], false);
    let other = attorney("Noor", 103, &["NY"], false);
    let mut d = desked(vec![ny.clone(), other.clone()]);
    let code = d.submit(Some("NY"));
    d.assert_offered(&ny, &code);

    // Someone else's case reads as no case at all, whatever they ask.
    let none = format!("There is no case {code} that you hold.");
    for cmd in [DeskCommand::Accept(code.clone()), DeskCommand::Decline(code.clone()), DeskCommand::Case(code.clone())]
    {
        assert_eq!(d.command(&other, cmd), none);
    }
    assert_eq!(d.command(&ny, DeskCommand::Accept(String::new())), "Please add the case code: /accept CODE");
    assert_eq!(d.command(&ny, DeskCommand::Close(code.clone())), format!("Accept case {code} before closing it."));

    let reply = d.command(&ny, DeskCommand::Accept(code.clone()));
    assert!(reply.starts_with(&format!("You accepted case {code}.")), "{reply}");
    let r = d.case(&code);
    assert_eq!((r.state, r.holder.as_deref()), (CaseState::Accepted, Some("Nia")));
    assert!(r.accepted_at.is_some());
    // The survivor chose this chat: one protected, neutral notice, in their language.
    let notice = d.app.locales().format("en", "notify-accepted", &[]);
    assert_eq!(d.out.take(SURVIVOR_CHAT), [Message::text(notice, true)]);
    // Only the sealed copy is kept now.
    let who = d.survivor();
    assert!(d.app.store(|st| st.load_intake(&who, &code)).unwrap().is_none());

    assert_eq!(d.command(&ny, DeskCommand::Accept(code.clone())), format!("You already accepted case {code}."));
    assert!(d.command(&ny, DeskCommand::Cases).contains(&format!("{code} · NY · accepted")));
    assert_eq!(d.command(&other, DeskCommand::Cases), "You hold no cases right now.");
    assert_eq!(
        d.command(&ny, DeskCommand::Close(code.clone())),
        format!("Case {code} is closed; the server's sealed copy is deleted.")
    );
    let r = d.case(&code);
    assert_eq!((r.state, r.sealed), (CaseState::Closed, None));
    assert!(d.out.take(SURVIVOR_CHAT).is_empty(), "the survivor is told once");
    assert!(d.out.chats().is_empty(), "{:?}", d.out.chats());
}

#[test]
fn the_default_attorney_comes_after_those_serving_the_jurisdiction_wherever_it_is_listed() {
    let default = attorney("Dee", 104, &["TX"], true);
    let ny = attorney("Nia", 102, &["NY"], false);
    let mut d = desked(vec![default.clone(), ny.clone()]);
    let code = d.submit(Some("NY"));
    assert!(d.out.take(default.chat).is_empty(), "the default attorney is not first");
    d.assert_offered(&ny, &code);
    d.command(&ny, DeskCommand::Decline(code.clone()));
    d.assert_offered(&default, &code);
    // A default attorney who declined is not offered it again.
    d.command(&default, DeskCommand::Decline(code.clone()));
    assert_eq!(d.case(&code).state, CaseState::Waiting);
    assert!(d.out.take(default.chat).is_empty());
}

// ---- The triage message ------------------------------------------------------------------------

impl Desked {
    /// A survivor completes an intake about several cases, one per entry (its state, or none).
    fn submit_cases(&mut self, jurisdictions: &[Option<&str>]) -> String {
        self.now += SignedDuration::from_mins(1);
        let flow = self.app.flow();
        let step = |field: &str| flow.steps.iter().find(|s| s.field.as_deref() == Some(field)).unwrap().id.clone();
        let mut answers = BTreeMap::new();
        answers.insert(
            step(crate::rules::fields::name::contact_method),
            Answer::Answered(Value::Choices(vec![crate::rules::fields::THIS_CHAT.into()])),
        );
        for (i, j) in jurisdictions.iter().enumerate() {
            // Every case has a category, so each one is a case whether or not its state is known.
            answers.insert(
                format!("{}#{i}", step(crate::rules::fields::name::category)),
                Answer::Answered(Value::Choice("theft".into())),
            );
            if let Some(j) = j {
                answers.insert(
                    format!("{}#{i}", step(crate::rules::fields::name::jurisdiction)),
                    Answer::Answered(Value::Jurisdiction(j.to_string())),
                );
            }
        }
        let code = crate::app::case_code();
        let intake = Intake {
            code: code.clone(),
            flow_id: "intake".into(),
            flow_hash: flow.hash.clone(),
            locale: "en".into(),
            answers,
            submitted_at: self.now,
            delivered_at: None,
            contact_chat: None,
            addenda: vec![],
            early: false,
        };
        let who = self.survivor();
        self.app.store(|st| st.save_intake(&who, &intake)).unwrap();
        submitted(&self.app, &who, &code, Some(SURVIVOR_CHAT), self.now).unwrap();
        code
    }
}

#[test]
fn the_triage_message_names_the_cases_without_a_state() {
    let dee = attorney("Dee", 104, &["*"], true);
    let mut d = desked(vec![dee.clone()]);
    let code = d.submit_cases(&[Some("NY"), None, None]);
    let got = d.out.take(dee.chat);
    let Some(Message::Text { text, .. }) = got.first() else { panic!("{got:?}") };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first(), Some(&format!("New referral {code}").as_str()), "{text}");
    assert!(lines.contains(&"Jurisdictions: NY"), "{text}");
    assert!(lines.contains(&"Cases 2 and 3: no state given"), "{text}");
    assert!(
        lines.contains(&"2. no state theft: needs review") && lines.contains(&"3. no state theft: needs review"),
        "{text}"
    );
    // The counts add up to the three cases, and the cases without a state are among those to review.
    let counts = lines.iter().find(|l| l.starts_with("3 cases: ")).unwrap_or_else(|| panic!("{text}"));
    let total: usize =
        counts["3 cases: ".len()..].split(", ").map(|c| c.split_once(' ').unwrap().0.parse::<usize>().unwrap()).sum();
    assert_eq!(total, 3, "{counts}");
    assert!(counts.contains("needs review"), "{counts}");
    assert!(text.contains("Preliminary screening, not legal advice."), "{text}");

    // One case without a state is named alone; with every state known, no such line.
    let code = d.submit_cases(&[None]);
    let got = d.out.take(dee.chat);
    let Some(Message::Text { text, .. }) = got.first() else { panic!("{got:?}") };
    assert!(
        text.starts_with(&format!(
            "New referral {code}\nJurisdictions: none given\n1 case: 1 needs review\nCase 1: no state given\n"
        )),
        "{text}"
    );
    d.submit_cases(&[Some("NY"), Some("CA")]);
    let got = d.out.take(dee.chat);
    let Some(Message::Text { text, .. }) = got.first() else { panic!("{got:?}") };
    assert!(text.contains("Jurisdictions: CA, NY\n2 cases: ") && !text.contains("no state given"), "{text}");
}

#[test]
fn the_triage_message_counts_the_cases_per_outcome_best_first() {
    use crate::rules::screen::{Case, CaseResult, Flag, Outcome, Screening};
    let case = |j: Option<&str>, overall: Outcome| CaseResult {
        case: Case { jurisdiction: j.map(str::to_string), category: Some("theft".into()), ..Case::default() },
        overall,
        routes: vec![],
        notes: vec![],
    };
    let s = Screening {
        date: jiff::civil::date(2026, 12, 3),
        rules_version: "x".into(),
        cases: vec![
            case(Some("NY"), Outcome::NeedsReview),
            case(None, Outcome::NeedsReview),
            case(Some("CA"), Outcome::LikelyEligible),
            case(Some("TX"), Outcome::NotCovered),
            case(None, Outcome::NeedsReview),
            case(Some("NY"), Outcome::LikelyEligible),
        ],
        flags: vec![
            Flag { kind: "urgent", text: "a".into() },
            Flag { kind: "urgent", text: "b".into() },
            Flag { kind: "open_case", text: "c".into() },
        ],
        disclaimer: clearpath_core::rules::report::DISCLAIMER,
    };
    let text = triage_text("K7QX2M", &["CA".into(), "NY".into(), "TX".into()], &s);
    assert_eq!(
        text,
        "New referral K7QX2M\n\
         Jurisdictions: CA, NY, TX\n\
         6 cases: 2 likely eligible, 3 needs review, 1 not covered\n\
         Cases 2 and 5: no state given\n\
         1. NY theft: needs review\n\
         2. no state theft: needs review\n\
         3. CA theft: likely eligible\n\
         4. TX theft: not covered\n\
         5. no state theft: needs review\n\
         6. NY theft: likely eligible\n\
         Flags: urgent, open case\n\
         Preliminary screening, not legal advice.\n\
         The full case follows as case-K7QX2M.md.age, sealed to your key (age -d -i key.txt, or clearpath attorney open)."
    );
    assert_eq!(case_numbers(&[1, 2, 4]), "Cases 1, 2 and 4");
    assert_eq!(case_numbers(&[3]), "Case 3");
    assert_eq!(case_numbers(&[]), "");
}

// ---- Addenda: what a survivor who sent early tells later ----------------------------------------

impl Desked {
    /// The survivor of case `code` tells one more answer after sending early: the intake as the
    /// app stores it for an addendum (the kept intake, or, once an attorney accepted and it went,
    /// the answers again with only the new note), then the channel hands it to the desk.
    fn add(&mut self, base: &Intake, key: &str, answer: Answer) {
        self.now += SignedDuration::from_mins(1);
        let who = self.survivor();
        let kept = self.app.store(|st| st.load_intake(&who, &base.code)).unwrap();
        let n = self.added + 1;
        let mut intake = kept.unwrap_or_else(|| Intake { addenda: vec![], ..base.clone() });
        intake.answers.insert(key.into(), answer);
        intake.addenda.push(crate::intake::Addendum { n, at: self.now, keys: vec![key.into()], delivered: false });
        self.added = n;
        self.app.store(|st| st.save_intake(&who, &intake)).unwrap();
        submitted(&self.app, &who, &base.code, Some(SURVIVOR_CHAT), self.now).unwrap();
    }

    /// What `a` was sent for an addendum: its note and the sealed file's name.
    fn addendum_to(&self, a: &Attorney) -> (String, String) {
        let got = self.out.take(a.chat);
        let [Message::Text { text, buttons, .. }, Message::File { name, text: sealed }] = got.as_slice() else {
            panic!("{} was sent {got:?}", a.name)
        };
        assert!(buttons.is_empty(), "an addendum asks nothing: {buttons:?}");
        assert!(sealed.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"), "sealed: {sealed}");
        (text.clone(), name.clone())
    }

    fn audit(&self, event: &str) -> u64 {
        self.app.store(|st| Ok(crate::audit::event_counts(st).unwrap().get(event).copied().unwrap_or(0))).unwrap()
    }
}

#[test]
fn an_addendum_reaches_whoever_holds_the_case_in_each_state_and_never_opens_a_second_case() {
    let nia = attorney("Nia", 102, &["NY"], false);
    let dee = attorney("Dee", 104, &["*"], true);
    let mut d = desked(vec![nia.clone(), dee.clone()]);
    let code = d.submit(Some("NY"));
    d.assert_offered(&nia, &code);
    let who = d.survivor();
    let base = d.app.store(|st| st.load_intake(&who, &code)).unwrap().unwrap();

    // Offered: the holder gets the addendum; the readable intake, still needed for a decline,
    // holds the new answer.
    d.add(&base, "case_county#0", Answer::Answered(Value::Text("Queens".into())));
    let (text, name) = d.addendum_to(&nia);
    assert!(
        text.starts_with(&format!("Case {code}: the person, who sent it early, has told more. Addendum 1")),
        "{text}"
    );
    assert_eq!(name, format!("case-{code}-addendum-1.md.age"));
    let kept = d.app.store(|st| st.load_intake(&who, &code)).unwrap().unwrap();
    assert!(kept.answers.contains_key("case_county#0") && kept.addenda.iter().all(|a| a.delivered));
    assert_eq!(d.case(&code).addenda.len(), 1, "kept with the case for /case");
    // Handing it on again (a crash before the answer was recorded) sends nothing twice.
    submitted(&d.app, &who, &code, None, d.now).unwrap();
    assert!(d.out.take(nia.chat).is_empty());

    // Declined: the next attorney gets the whole case, the addendum merged in it.
    d.command(&nia, DeskCommand::Decline(code.clone()));
    d.assert_offered(&dee, &code);
    assert!(d.case(&code).addenda.is_empty(), "the new file is the whole case");

    // Accepted: the readable intake goes; an addendum after that reaches the same attorney, and
    // the readable copy the app wrote for it goes again once it is sealed.
    d.command(&dee, DeskCommand::Accept(code.clone()));
    d.out.take(SURVIVOR_CHAT);
    assert!(d.app.store(|st| st.load_intake(&who, &code)).unwrap().is_none());
    d.add(&base, "case_charge#0", Answer::Answered(Value::Text("loitering".into())));
    let (_, name) = d.addendum_to(&dee);
    assert_eq!(name, format!("case-{code}-addendum-2.md.age"));
    assert!(d.app.store(|st| st.load_intake(&who, &code)).unwrap().is_none(), "only sealed copies stay");
    assert_eq!(d.case(&code).addenda.len(), 1);

    // Closed: still the attorney who had it, told that the server keeps no copy.
    d.command(&dee, DeskCommand::Close(code.clone()));
    d.add(&base, "case_age#0", Answer::Answered(Value::Number(19)));
    let (text, name) = d.addendum_to(&dee);
    assert!(text.contains("the case is closed, so the server keeps no copy of it"), "{text}");
    assert_eq!(name, format!("case-{code}-addendum-3.md.age"));
    assert!(d.case(&code).sealed.is_none() && d.case(&code).addenda.len() == 1);
    assert!(d.app.store(|st| st.load_intake(&who, &code)).unwrap().is_none());

    // One case throughout, and each addendum in the audit log.
    assert_eq!(list(&d.app).unwrap().len(), 1);
    assert_eq!(d.audit("addendum"), 3);

    // The attorney who holds it loses access: the next addendum is sealed to no one and kept.
    revoke(&d.app, "Dee", d.now).unwrap();
    d.out.take(dee.chat);
    d.add(&base, "case_docket#0", Answer::Answered(Value::Text("2014NY000001".into())));
    assert!(d.out.take(dee.chat).is_empty(), "nothing goes to a revoked attorney");
    let kept = d.app.store(|st| st.load_intake(&who, &code)).unwrap().expect("the answers are kept");
    assert!(kept.answers.contains_key("case_docket#0") && kept.addenda.iter().any(|a| !a.delivered));
    assert_eq!(d.audit("addendum"), 3);
    assert!(d.out.take(nia.chat).is_empty(), "the attorney who declined hears no more of it");
}

#[test]
fn an_addendum_to_a_case_waiting_for_an_attorney_joins_it_and_one_to_a_case_gone_opens_it_again() {
    let nia = attorney("Nia", 102, &["NY"], false);
    let mut d = desked(vec![nia.clone()]);
    let code = d.submit(Some("NY"));
    d.assert_offered(&nia, &code);
    let who = d.survivor();
    let base = d.app.store(|st| st.load_intake(&who, &code)).unwrap().unwrap();
    d.command(&nia, DeskCommand::Decline(code.clone()));
    assert_eq!(d.case(&code).state, CaseState::Waiting);
    d.out.take(nia.chat);

    // Waiting: no one to send it to; it joins the case, which goes whole to whoever takes it.
    d.add(&base, "case_county#0", Answer::Answered(Value::Text("Queens".into())));
    assert!(d.out.chats().iter().all(|c| *c != nia.chat), "{:?}", d.out.chats());
    let kept = d.app.store(|st| st.load_intake(&who, &code)).unwrap().unwrap();
    assert!(kept.answers.contains_key("case_county#0") && kept.addenda.iter().all(|a| a.delivered));
    assert_eq!(d.audit("addendum"), 1);

    // Gone (withdrawn by the desk, here as after its retention): what the survivor adds is not
    // lost; the case opens again under its code, whole.
    d.app.store(|st| st.service_remove(TREE_REFERRALS, &case_key(st, &code))).unwrap();
    d.add(&base, "case_charge#0", Answer::Answered(Value::Text("loitering".into())));
    let r = d.case(&code);
    assert_eq!(r.code, code);
    assert_eq!(list(&d.app).unwrap().len(), 1);
    let kept = d.app.store(|st| st.load_intake(&who, &code)).unwrap().unwrap();
    assert!(kept.answers.contains_key("case_charge#0") && kept.addenda.iter().all(|a| a.delivered));
}
