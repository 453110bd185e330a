//! The conversation engine: `step(&Flow, &Lexicon, &Session, Input, now) -> Outcome`.
//!
//! Pure and deterministic: no I/O, no clock, no randomness, no logging. Time comes in as a value,
//! and so do the words of the loaded languages (the [`Lexicon`]: month and jurisdiction names,
//! yes/no, the words that turn a resume code down); anything that needs the outside world
//! (hashing a code with a random salt, erasing records, wiping a phone) goes out as an
//! [`Effect`]. Invalid input is a state (a re-prompt with a short explanation), never an error,
//! so nothing a survivor types can wedge a conversation.

pub mod answer;
pub mod parse;
mod prompt_kind;
pub mod session;

use crate::flow::{
    CompareOp, CondValue, Condition, EndResult, Flow, Kind, Step, Target, DONT_KNOW, MORE, PREFER_NOT, SEND_NOW,
};
use crate::lexicon::{Lexicon, Word};
use crate::locale::Arg;
use answer::{Answer, PartialDate, Pos, Value};
use jiff::Timestamp;
pub use prompt_kind::PromptKind;
use secrecy::SecretString;
pub use session::*;
use std::collections::BTreeMap;

/// Wrong resume codes allowed before a pause.
pub const CODE_ATTEMPTS: u32 = 5;
/// How long resuming is locked after too many wrong codes.
pub const CODE_LOCK_MINUTES: i64 = 15;
pub const CODE_MIN_LEN: usize = 4;

/// Advances a conversation by one input. `words` reads what was typed (from the loaded locales).
pub fn step(flow: &Flow, words: &Lexicon, session: &Session, input: Input, now: Timestamp) -> Outcome {
    let mut e = Engine::new(flow, words, session, now);
    e.handle(input);
    e.outcome()
}

/// Arrives at the session's position as if the conversation had just moved there, with no
/// input: an end step ends (with its effects), the review asks for the code if one is set, any
/// other step is asked. For a walk that starts in the middle of a flow (`flows preview --from`).
pub fn enter(flow: &Flow, words: &Lexicon, session: &Session, now: Timestamp) -> Outcome {
    let mut e = Engine::new(flow, words, session, now);
    // A walk placed in the middle (a preview from the review) is shown that step as it is.
    e.placed = true;
    e.enter();
    e.outcome()
}

struct Engine<'a> {
    flow: &'a Flow,
    words: &'a Lexicon,
    s: Session,
    replies: Vec<Reply>,
    effects: Vec<Effect>,
    now: Timestamp,
    /// The code was just given, or this is the way back from an answer changed on the review.
    back_to_review: bool,
    moved: Option<Move>,
    /// Placed at its step from outside ([`enter`]): the review shows what there is, and does not
    /// send the walk back to a question with no answer.
    placed: bool,
}

enum Parsed {
    Answer(Answer),
    Invalid(Msg),
}

impl<'a> Engine<'a> {
    fn new(flow: &'a Flow, words: &'a Lexicon, session: &Session, now: Timestamp) -> Engine<'a> {
        let mut e = Engine {
            flow,
            words,
            s: session.clone(),
            replies: Vec::new(),
            effects: Vec::new(),
            now,
            back_to_review: false,
            moved: None,
            placed: false,
        };
        e.s.updated_at = now;
        if e.s.flow_hash != flow.hash || e.s.flow_id != flow.id {
            e.reconcile();
        }
        e
    }

    fn outcome(self) -> Outcome {
        Outcome { session: self.s, replies: self.replies, effects: self.effects, moved: self.moved }
    }

    fn handle(&mut self, input: Input) {
        if let Input::Command { cmd, arg } = input {
            return self.command(cmd, arg);
        }
        match self.s.mode.clone() {
            Mode::ConfirmDelete => return self.confirm_delete(input),
            Mode::ChooseLanguage => return self.choose_language(input),
            Mode::ResumeOrRestart => return self.resume_or_restart(input),
            Mode::EnterCode { then } => return self.enter_code(input, then),
            Mode::ConfirmCode { first } => return self.confirm_code(input, &first),
            Mode::Step => {}
        }
        match self.s.status {
            Status::New => self.begin(None),
            Status::Paused => self.offer_resume(),
            Status::Submitted => self.offer_resume(),
            Status::Active => self.answer(input),
        }
    }

    // ----- commands -------------------------------------------------------------------------

    fn command(&mut self, cmd: Command, arg: Option<String>) {
        match cmd {
            Command::Start => match self.s.status {
                Status::New => self.begin(arg),
                _ => self.offer_resume(),
            },
            Command::Exit => {
                if self.s.status == Status::Active {
                    self.s.status = Status::Paused;
                }
                self.s.mode = Mode::Step;
                self.s.unlocked = false;
                self.effects.push(Effect::Wipe);
                self.replies.push(Reply::Exited);
            }
            Command::Delete => {
                self.s.mode = Mode::ConfirmDelete;
                self.prompt_mode();
            }
            Command::Language => {
                let wanted = arg.as_deref().map(str::trim).filter(|a| self.flow.languages.iter().any(|l| l == a));
                match wanted {
                    Some(code) => {
                        self.s.locale = Some(code.to_string());
                        self.notice(NoticeKind::Info, Msg::new("language-changed"));
                        self.s.mode = Mode::Step;
                        self.continue_or_begin();
                    }
                    None => {
                        self.s.mode = Mode::ChooseLanguage;
                        self.prompt_mode();
                    }
                }
            }
            Command::Help => {
                self.notice(NoticeKind::Help, Msg::new("help-text"));
                self.notice(NoticeKind::Help, Msg::new("help-commands"));
                self.reprompt();
            }
            Command::Back => {
                if self.s.mode != Mode::Step {
                    // Back out of a side question (delete, language) to where we were.
                    if matches!(self.s.mode, Mode::EnterCode { .. } | Mode::ResumeOrRestart) {
                        return self.reprompt();
                    }
                    self.s.mode = Mode::Step;
                    return self.continue_or_begin();
                }
                if self.s.status != Status::Active {
                    return self.handle(Input::cmd(Command::Start));
                }
                match self.s.history.pop() {
                    Some(prev) => {
                        self.s.pos = Some(prev);
                        self.enter();
                    }
                    None => {
                        self.notice(NoticeKind::Info, Msg::new("nothing-to-go-back-to"));
                        self.reprompt();
                    }
                }
            }
            Command::Skip => {
                if self.s.status != Status::Active || self.s.mode != Mode::Step {
                    return self.handle(Input::cmd(Command::Start));
                }
                let Some(step) = self.current_step() else {
                    return self.reprompt();
                };
                if step.skippable {
                    self.accept(step, Answer::Skipped);
                } else {
                    self.notice(NoticeKind::Invalid, Msg::new("cannot-skip"));
                    self.reprompt();
                }
            }
        }
    }

    /// After a side question: back to the current step, or the very start for a new session.
    fn continue_or_begin(&mut self) {
        match self.s.status {
            Status::New => self.begin(None),
            Status::Active => self.reprompt(),
            Status::Paused | Status::Submitted => self.offer_resume(),
        }
    }

    fn begin(&mut self, hint: Option<String>) {
        if self.s.locale.is_none() {
            // Telegram's language: only what the language question is first shown in, and
            // which language the picker opens on; the survivor still chooses.
            if let Some(l) = hint.as_deref().and_then(|h| crate::locale::suggest(h, &self.flow.languages)) {
                self.s.locale = Some(l.clone());
            }
        }
        self.s.status = Status::Active;
        self.s.mode = Mode::Step;
        self.s.history.clear();
        self.s.pos = Some(Pos::new(self.flow.start.clone(), None));
        self.enter();
    }

    /// The second typing of a new resume code: the same sets it; anything else starts the
    /// question again, and "no code" (the button or the words) goes on without one.
    fn confirm_code(&mut self, input: Input, first: &str) {
        let Some(step) = self.current_step() else {
            self.s.mode = Mode::Step;
            return self.reconcile_and_prompt();
        };
        self.s.mode = Mode::Step;
        match &input {
            Input::Choice { id, .. } if id == "no_code" => self.advance(step, None),
            Input::Text(code) if self.words.declines_code(code) => self.advance(step, None),
            Input::Text(code) if code_digest(code) == first => {
                self.effects.push(Effect::SetResumeCode(SecretString::from(code.trim().to_string())));
                self.s.unlocked = true;
                self.notice(NoticeKind::Info, Msg::new("resume-code-set"));
                self.advance(step, None);
            }
            _ => {
                self.notice(NoticeKind::Invalid, Msg::new("resume-code-mismatch"));
                self.reprompt();
            }
        }
    }

    fn offer_resume(&mut self) {
        self.s.status = match self.s.status {
            Status::Active => Status::Paused,
            other => other,
        };
        if self.s.status == Status::New {
            return self.begin(None);
        }
        if self.s.status == Status::Paused && self.s.consented_at.is_none() {
            // Nothing was kept: simply start again.
            let locale = self.s.locale.clone();
            self.reset();
            self.s.locale = locale;
            return self.begin(None);
        }
        if self.s.resume_code.is_some() && !self.s.unlocked {
            self.s.mode = Mode::EnterCode { then: AfterCode::Resume };
        } else {
            self.s.mode = Mode::ResumeOrRestart;
        }
        self.prompt_mode();
    }

    fn reset(&mut self) {
        let fresh = Session::new(&self.flow.id, &self.flow.hash, self.now);
        let created = self.s.created_at;
        self.s = Session { created_at: created, ..fresh };
    }

    // ----- side questions -------------------------------------------------------------------

    fn confirm_delete(&mut self, input: Input) {
        match choice_id(&input).as_deref() {
            Some("delete_confirm") => {
                self.effects.push(Effect::Erase);
                self.effects.push(Effect::Wipe);
                let locale = self.s.locale.clone();
                self.reset();
                self.s.locale = locale;
                self.notice(NoticeKind::Info, Msg::new("delete-done"));
            }
            Some("delete_cancel") => {
                self.s.mode = Mode::Step;
                self.notice(NoticeKind::Info, Msg::new("delete-cancelled"));
                self.continue_or_begin();
            }
            _ => {
                self.notice(NoticeKind::Invalid, Msg::new("invalid-choice"));
                self.prompt_mode();
            }
        }
    }

    fn choose_language(&mut self, input: Input) {
        match choice_id(&input) {
            Some(code) if self.flow.languages.contains(&code) => {
                self.s.locale = Some(code);
                self.s.mode = Mode::Step;
                self.notice(NoticeKind::Info, Msg::new("language-changed"));
                self.continue_or_begin();
            }
            _ => {
                self.notice(NoticeKind::Invalid, Msg::new("invalid-choice"));
                self.prompt_mode();
            }
        }
    }

    fn resume_or_restart(&mut self, input: Input) {
        match choice_id(&input).as_deref() {
            Some("resume") if self.s.status != Status::Submitted => {
                self.s.status = Status::Active;
                self.s.mode = Mode::Step;
                self.enter();
            }
            Some("restart") => {
                let locale = self.s.locale.clone();
                self.reset();
                self.s.locale = locale;
                self.begin(None);
            }
            _ => {
                self.notice(NoticeKind::Invalid, Msg::new("invalid-choice"));
                self.prompt_mode();
            }
        }
    }

    fn enter_code(&mut self, input: Input, then: AfterCode) {
        if let Some(until) = self.s.locked_until {
            if until > self.now {
                let minutes = (until.as_second() - self.now.as_second() + 59) / 60;
                self.notice(NoticeKind::Invalid, Msg::new("resume-code-locked").arg("minutes", Arg::Num(minutes)));
                return self.prompt_mode();
            }
            self.s.locked_until = None;
        }
        let code = match input {
            Input::Text(t) => t,
            _ => {
                self.notice(NoticeKind::Invalid, Msg::new("invalid-code"));
                return self.prompt_mode();
            }
        };
        if self.s.resume_code.as_deref().is_some_and(|h| verify_code(h, code.trim())) {
            self.s.code_failures = 0;
            self.s.unlocked = true;
            match then {
                AfterCode::Resume => {
                    self.s.mode = Mode::ResumeOrRestart;
                    self.prompt_mode();
                }
                AfterCode::Review => {
                    self.s.mode = Mode::Step;
                    self.back_to_review = true;
                    self.enter();
                }
            }
        } else {
            self.s.code_failures += 1;
            if self.s.code_failures >= CODE_ATTEMPTS {
                self.s.code_failures = 0;
                self.s.locked_until = Some(self.now + jiff::SignedDuration::from_mins(CODE_LOCK_MINUTES));
                self.notice(
                    NoticeKind::Invalid,
                    Msg::new("resume-code-locked").arg("minutes", Arg::Num(CODE_LOCK_MINUTES)),
                );
            } else {
                self.notice(NoticeKind::Invalid, Msg::new("resume-code-wrong"));
            }
            self.prompt_mode();
        }
    }

    // ----- answering ------------------------------------------------------------------------

    fn current_step(&self) -> Option<&'a Step> {
        self.s.pos.as_ref().and_then(|p| self.flow.step(&p.step))
    }

    fn answer(&mut self, input: Input) {
        let Some(step) = self.current_step() else {
            return self.reconcile_and_prompt();
        };
        let key = self.s.pos.as_ref().map(Pos::key).unwrap_or_default();
        // A button pressed for another question is stale.
        let stale = match &input {
            Input::Choice { step: Some(k), .. } | Input::Choices { step: Some(k), .. } => *k != key,
            _ => false,
        };
        if stale {
            self.notice(NoticeKind::Invalid, Msg::new("invalid-stale"));
            return self.reprompt();
        }
        // "Send what I've told you", on a question after the checkpoint.
        if choice_id(&input).as_deref() == Some(SEND_NOW) && self.send_offered(step) {
            if let Some(Kind::Checkpoint { send }) = self.flow.checkpoint().map(|c| &c.kind) {
                return self.goto(step, send, Via::Send);
            }
        }
        match &step.kind {
            Kind::Language => match choice_or_text(&input) {
                Some(code) if self.flow.languages.contains(&code) => {
                    self.s.locale = Some(code);
                    self.advance(step, None);
                }
                _ => self.invalid(Msg::new("invalid-choice")),
            },
            Kind::Consent { decline } => match choice_or_text(&input).as_deref() {
                Some("agree") => {
                    self.s.consented_at = Some(self.now);
                    self.advance(step, None);
                }
                Some("decline") => {
                    let decline = decline.clone();
                    self.goto(step, &decline, Via::Decline);
                }
                _ => self.invalid(Msg::new("invalid-choice")),
            },
            Kind::ResumeCode => match &input {
                Input::Choice { id, .. } if id == "no_code" => self.advance(step, None),
                Input::Text(code) if self.words.declines_code(code) => self.advance(step, None),
                Input::Text(code) => {
                    let code = code.trim();
                    if code.chars().count() < CODE_MIN_LEN {
                        self.invalid(Msg::new("resume-code-too-short").arg("min", Arg::Num(CODE_MIN_LEN as i64)));
                    } else {
                        // Typed twice before it counts.
                        self.s.mode = Mode::ConfirmCode { first: code_digest(code) };
                        self.prompt_mode();
                    }
                }
                _ => self.invalid(Msg::new("invalid-choice")),
            },
            Kind::Info => match choice_or_text(&input).as_deref() {
                Some(id) if self.flow.options_of(step).iter().any(|(v, _)| v == id) => self.advance(step, None),
                _ => self.invalid(Msg::new("invalid-choice")),
            },
            Kind::Review => match choice_id(&input).as_deref() {
                Some("submit") => self.advance(step, None),
                Some(id) if id.starts_with("change:") => {
                    let key = &id["change:".len()..];
                    if self.review_items().iter().any(|i| i.key == key) {
                        if let Some(p) = self.s.pos.clone() {
                            self.s.history.push(p);
                        }
                        self.s.pos = Some(Pos::from_key(key));
                        self.s.review_edit = true;
                        self.enter();
                    } else {
                        self.invalid(Msg::new("invalid-stale"));
                    }
                }
                _ => self.invalid(Msg::new("invalid-choice")),
            },
            Kind::Checkpoint { send } => match choice_or_text(&input).as_deref() {
                Some(SEND_NOW) => self.goto(step, send, Via::Send),
                Some(MORE) => self.advance(step, None),
                _ => self.invalid(Msg::new("invalid-choice")),
            },
            Kind::End { .. } => self.enter(),
            _ => match self.parse_answer(step, input) {
                Parsed::Answer(a) => self.accept(step, a),
                Parsed::Invalid(m) => self.invalid(m),
            },
        }
    }

    fn invalid(&mut self, msg: Msg) {
        self.notice(NoticeKind::Invalid, msg);
        self.reprompt();
    }

    fn parse_answer(&self, step: &Step, input: Input) -> Parsed {
        let options = self.flow.options_of(step);
        let is_option = |id: &str| options.iter().any(|(v, _)| v == id);
        // A typed yes or no to a yes/no question, or "I don't know" where it is offered, in the
        // conversation's language, is that option.
        let input = match &input {
            Input::Text(t) => {
                let yes_no = step.kind == Kind::YesNo;
                let id = match self.words.answer_word(self.s.lang(), t) {
                    Some(Word::Yes) if yes_no => Some("yes"),
                    Some(Word::No) if yes_no => Some("no"),
                    Some(Word::DontKnow) if step.dont_know => Some(DONT_KNOW),
                    _ => None,
                };
                match id.filter(|id| is_option(id)) {
                    Some(id) => Input::Choice { id: id.to_string(), step: None },
                    None => input,
                }
            }
            _ => input,
        };
        // Answer states first: they are options on any kind of step that allows them.
        if let Some(id) = choice_id(&input) {
            if id == DONT_KNOW && step.dont_know {
                return Parsed::Answer(Answer::DontKnow);
            }
            if id == PREFER_NOT && step.prefer_not {
                return Parsed::Answer(Answer::PreferNot);
            }
        }
        let ok = |v: Value| Parsed::Answer(Answer::Answered(v));
        match &step.kind {
            Kind::Single | Kind::YesNo => match choice_or_text(&input) {
                Some(id) if is_option(&id) && id != DONT_KNOW && id != PREFER_NOT => ok(Value::Choice(id)),
                _ => Parsed::Invalid(Msg::new("invalid-choice")),
            },
            Kind::Multi => {
                let ids = match input {
                    Input::Choices { ids, .. } => ids,
                    Input::Choice { id, .. } => vec![id],
                    Input::Text(t) => t.split([',', ' ']).filter(|s| !s.is_empty()).map(str::to_string).collect(),
                    Input::Command { .. } => vec![],
                };
                let mut seen = Vec::new();
                for id in ids {
                    if !is_option(&id) || id == DONT_KNOW || id == PREFER_NOT {
                        return Parsed::Invalid(Msg::new("invalid-choices"));
                    }
                    if !seen.contains(&id) {
                        seen.push(id);
                    }
                }
                if seen.is_empty() {
                    return Parsed::Invalid(Msg::new("invalid-choices"));
                }
                // Keep the flow's order, whatever order they were picked in.
                seen.sort_by_key(|id| options.iter().position(|(v, _)| v == id));
                ok(Value::Choices(seen))
            }
            Kind::Text { max_len } => match input {
                Input::Text(t) => {
                    let t = t.trim();
                    if t.is_empty() {
                        Parsed::Invalid(Msg::new("invalid-text-empty"))
                    } else if t.chars().count() > *max_len as usize {
                        Parsed::Invalid(Msg::new("invalid-text-long").arg("max", Arg::Num(*max_len as i64)))
                    } else {
                        ok(Value::Text(t.to_string()))
                    }
                }
                _ => Parsed::Invalid(Msg::new("invalid-text-empty")),
            },
            Kind::Number { min, max } => match input {
                Input::Text(t) => match parse::parse_number(&t, self.words) {
                    Some(n) if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) => Parsed::Invalid(
                        Msg::new("invalid-number-range")
                            .arg("min", Arg::Num(min.unwrap_or(i64::MIN)))
                            .arg("max", Arg::Num(max.unwrap_or(i64::MAX))),
                    ),
                    Some(n) => ok(Value::Number(n)),
                    None => Parsed::Invalid(Msg::new("invalid-number")),
                },
                _ => Parsed::Invalid(Msg::new("invalid-number")),
            },
            Kind::Date { when } => match input {
                Input::Text(t) => {
                    let today = self.now.to_zoned(jiff::tz::TimeZone::UTC).date();
                    match parse::parse_date(&t, self.words, self.s.lang(), today, *when) {
                        Ok(d) => ok(Value::Date(d)),
                        Err(parse::DateError::Unreadable) => Parsed::Invalid(Msg::new("invalid-date")),
                        Err(parse::DateError::WrongSide) => Parsed::Invalid(Msg::new(match when {
                            parse::When::Future => "invalid-date-future",
                            _ => "invalid-date-past",
                        })),
                    }
                }
                _ => Parsed::Invalid(Msg::new("invalid-date")),
            },
            Kind::Jurisdiction => {
                let code = match &input {
                    Input::Choice { id, .. } if is_option(id) => Some(id.clone()),
                    Input::Choice { id, .. } => crate::jurisdiction::parse(id, self.words).map(str::to_string),
                    Input::Text(t) => crate::jurisdiction::parse(t, self.words).map(str::to_string),
                    _ => None,
                };
                match code {
                    Some(c) if crate::jurisdiction::is_code(&c) => ok(Value::Jurisdiction(c)),
                    _ => Parsed::Invalid(Msg::new("invalid-jurisdiction")),
                }
            }
            _ => Parsed::Invalid(Msg::new("invalid-choice")),
        }
    }

    /// Records an answer (once consent is given) and moves on.
    fn accept(&mut self, step: &'a Step, answer: Answer) {
        let Some(pos) = self.s.pos.clone() else {
            return self.reconcile_and_prompt();
        };
        if self.s.consented_at.is_some() && step.kind.keeps_answer() {
            self.s.answers.insert(pos.key(), answer);
            self.advance(step, None);
        } else {
            // Before consent nothing is kept: the answer only decides where to go.
            self.advance(step, Some(answer));
        }
    }

    /// Leaves the current step by its branches or its default `next`.
    fn advance(&mut self, step: &'a Step, transient: Option<Answer>) {
        let Some(pos) = self.s.pos.clone() else {
            return self.reconcile_and_prompt();
        };
        let target = next_way(self.flow, step, &pos, &self.s.answers, transient.as_ref());
        match target {
            Some((t, via)) => self.goto(step, &t, via),
            None => self.reconcile_and_prompt(),
        }
    }

    fn goto(&mut self, from: &Step, target: &Target, via: Via) {
        let Some(pos) = self.s.pos.clone() else {
            return self.reconcile_and_prompt();
        };
        let next = resolve(self.flow, from, &pos, target);
        self.moved = Some(Move { from: pos.clone(), to: next.clone(), via });
        self.s.history.push(pos);
        self.s.pos = Some(next);
        if self.s.review_edit {
            self.back_to_review = self.s.unlocked;
            // While changing an answer from the review, skip what is still answered.
            if let Some(p) = replay(self.flow, &self.s.answers) {
                if self.s.pos.as_ref() != Some(&p) {
                    self.s.pos = Some(p);
                }
            }
        }
        self.enter();
    }

    /// Arrives at the current position: finish at an end step, guard the review, or prompt.
    fn enter(&mut self) {
        let Some(step) = self.current_step() else {
            return self.reconcile_and_prompt();
        };
        match &step.kind {
            Kind::End { result } => {
                let submitted = *result == EndResult::Submitted;
                match result {
                    EndResult::Submitted => {
                        self.prune_off_path();
                        self.s.submitted_at = Some(self.now);
                        self.effects.push(Effect::Submit);
                        // Sent before the end of the intake (the checkpoint's "Send this now", or
                        // "Send what I've told you"): what was told goes now, and the rest can be
                        // told later, from the first question not answered, as an addendum.
                        match self.moved.as_ref().filter(|m| m.via == Via::Send).map(|m| m.from.clone()) {
                            Some(from) => {
                                // Resume where "Tell you more" leads, or at the question where
                                // "Send what I've told you" was pressed.
                                let resume = match self.flow.step(&from.step) {
                                    Some(cp @ Step { kind: Kind::Checkpoint { .. }, next: Some(t), .. }) => {
                                        resolve(self.flow, cp, &from, t)
                                    }
                                    _ => from,
                                };
                                self.s.status = Status::Paused;
                                self.s.unlocked = false;
                                self.s.pos = Some(resume);
                            }
                            None => self.s.status = Status::Submitted,
                        }
                    }
                    EndResult::Paused => {
                        self.s.status = Status::Paused;
                    }
                    EndResult::Declined => {
                        let locale = self.s.locale.clone();
                        self.reset();
                        self.s.locale = locale;
                        self.effects.push(Effect::Erase);
                    }
                }
                self.s.mode = Mode::Step;
                self.s.review_edit = false;
                self.replies.push(Reply::Done { msg: Msg::new(&step.prompt), submitted });
            }
            Kind::Review => {
                // The review shows every answer on the path: a question on it still unanswered
                // (the flow changed under this conversation) is asked first, then the way comes
                // straight back here, as after changing an answer.
                if let Some(p) = replay(self.flow, &self.s.answers).filter(|_| !self.placed) {
                    let gap = self.flow.step(&p.step).is_some_and(|st| !is_final(&st.kind));
                    if gap && self.s.pos.as_ref() != Some(&p) {
                        self.s.review_edit = true;
                        self.s.pos = Some(p);
                        return self.enter();
                    }
                }
                self.s.review_edit = false;
                // Someone else holding the phone must not read the answers: the review asks for
                // the code each time it is reached, except straight back from changing an answer.
                if self.s.resume_code.is_some() && !self.back_to_review {
                    self.s.unlocked = false;
                    self.s.mode = Mode::EnterCode { then: AfterCode::Review };
                    self.prompt_mode();
                } else {
                    self.reprompt();
                }
            }
            _ => self.reprompt(),
        }
    }

    /// Drops answers the final path does not pass through (left behind by changed answers).
    fn prune_off_path(&mut self) {
        let on_path = path(self.flow, &self.s.answers);
        self.s.answers.retain(|k, _| on_path.iter().any(|p| p.key() == *k));
    }

    // ----- prompts --------------------------------------------------------------------------

    fn notice(&mut self, kind: NoticeKind, msg: Msg) {
        self.replies.push(Reply::Notice { kind, msg });
    }

    /// Shows the current question again (or the side question in progress).
    fn reprompt(&mut self) {
        if self.s.mode != Mode::Step {
            return self.prompt_mode();
        }
        match self.s.status {
            Status::Active => {}
            Status::New => {
                self.notice(NoticeKind::Info, Msg::new("not-started"));
                return;
            }
            _ => return self.offer_resume(),
        }
        let Some(step) = self.current_step() else {
            return self.reconcile_and_prompt();
        };
        let Some(pos) = self.s.pos.clone() else {
            return;
        };
        let prompt = self.prompt_for(step, &pos);
        self.replies.push(Reply::Prompt(Box::new(prompt)));
    }

    fn prompt_for(&self, step: &Step, pos: &Pos) -> Prompt {
        let mut text = Msg::new(&step.prompt);
        if let Some(i) = pos.instance {
            text = text.arg("n", Arg::Num(i as i64 + 1));
        }
        let mut choices: Vec<ChoiceView> = match &step.kind {
            Kind::Language => self
                .flow
                .languages
                .iter()
                .map(|l| ChoiceView { id: l.clone(), label: Label::Language(l.clone()) })
                .collect(),
            Kind::Jurisdiction => {
                let mut c: Vec<ChoiceView> = step
                    .options
                    .iter()
                    .map(|o| ChoiceView { id: o.value.clone(), label: Label::Jurisdiction(o.value.clone()) })
                    .collect();
                c.extend(
                    self.flow
                        .options_of(step)
                        .into_iter()
                        .filter(|(v, _)| v == DONT_KNOW || v == PREFER_NOT)
                        .map(|(v, l)| ChoiceView { id: v, label: Label::Msg(Msg::new(&l)) }),
                );
                c
            }
            Kind::Review => {
                let items = self.review_items();
                let mut c = vec![ChoiceView { id: "submit".into(), label: Label::Msg(Msg::new("choice-submit")) }];
                for (i, item) in items.iter().enumerate() {
                    c.push(ChoiceView {
                        id: format!("change:{}", item.key),
                        label: Label::Msg(Msg::new("choice-change").arg("n", Arg::Num(i as i64 + 1))),
                    });
                }
                c
            }
            Kind::End { .. } => vec![],
            Kind::Checkpoint { .. } => {
                // "Tell you more (about N questions, M minutes)": what is left on the path from
                // here, the default way where answers are still to come.
                let left = progress(self.flow, &self.s).map(|p| p.total.saturating_sub(p.n)).unwrap_or(0);
                self.flow
                    .options_of(step)
                    .into_iter()
                    .map(|(v, l)| {
                        let mut m = Msg::new(&l);
                        if v == MORE {
                            m = m.arg("n", Arg::Num(left as i64)).arg("minutes", Arg::Num(minutes(left)));
                        }
                        ChoiceView { id: v, label: Label::Msg(m) }
                    })
                    .collect()
            }
            _ => self
                .flow
                .options_of(step)
                .into_iter()
                .map(|(v, l)| ChoiceView { id: v, label: Label::Msg(Msg::new(&l)) })
                .collect(),
        };
        // After the checkpoint every question also offers to send what was told (`send_offered`
        // leaves out the kinds whose own choices say it: the checkpoint, the review, the ends).
        if self.send_offered(step) {
            choices.push(ChoiceView { id: SEND_NOW.into(), label: Label::Msg(Msg::new("choice-send-told")) });
        }
        if let Kind::Consent { .. } = step.kind {
            // How long it takes, from the flow as it is: the short path, and the whole intake.
            let (short, full) = durations(self.flow);
            text = text.arg("short_minutes", Arg::Num(short)).arg("full_minutes", Arg::Num(full));
        }
        let free_input = matches!(
            step.kind,
            Kind::Text { .. } | Kind::Number { .. } | Kind::Date { .. } | Kind::Jurisdiction | Kind::ResumeCode
        );
        Prompt {
            key: pos.key(),
            step: step.id.clone(),
            instance: pos.instance,
            kind: PromptKind::of(&step.kind),
            text,
            hint: match (&step.hint, &step.kind) {
                (Some(h), _) => Some(Msg::new(h)),
                (None, Kind::Review) => Some(Msg::new("review-intro")),
                (None, _) => None,
            },
            choices,
            free_input,
            current: self.s.answers.get(&pos.key()).map(|a| view(self.flow, step, a)),
            review: if matches!(step.kind, Kind::Review | Kind::Checkpoint { .. }) {
                self.review_items()
            } else {
                vec![]
            },
            skippable: step.skippable,
            progress: progress(self.flow, &self.s),
        }
    }

    fn prompt_mode(&mut self) {
        let (key, kind, text, choices, free): (&str, PromptKind, Msg, Vec<(&str, Label)>, bool) = match &self.s.mode {
            Mode::Step => return self.reprompt(),
            Mode::ConfirmDelete => (
                "delete",
                PromptKind::Confirm,
                Msg::new("delete-confirm"),
                vec![
                    ("delete_confirm", Label::Msg(Msg::new("choice-delete-confirm"))),
                    ("delete_cancel", Label::Msg(Msg::new("choice-delete-cancel"))),
                ],
                false,
            ),
            Mode::ChooseLanguage => (
                "language",
                PromptKind::Language,
                Msg::new("language-prompt"),
                self.flow.languages.iter().map(|l| (l.as_str(), Label::Language(l.clone()))).collect(),
                false,
            ),
            Mode::ResumeOrRestart => {
                let mut c = Vec::new();
                let text = if self.s.status == Status::Submitted {
                    Msg::new("already-submitted")
                } else if self.s.submitted_at.is_some() {
                    // Sent early: what was told has gone; the rest can still be told.
                    c.push(("resume", Label::Msg(Msg::new("choice-tell-more-later"))));
                    Msg::new("resume-prompt-sent")
                } else {
                    c.push(("resume", Label::Msg(Msg::new("choice-resume"))));
                    Msg::new("resume-prompt")
                };
                c.push(("restart", Label::Msg(Msg::new("choice-restart"))));
                ("resume", PromptKind::Choice, text, c, false)
            }
            Mode::EnterCode { .. } => ("code", PromptKind::Code, Msg::new("resume-code-ask"), vec![], true),
            Mode::ConfirmCode { .. } => ("code_again", PromptKind::Code, Msg::new("resume-code-again"), vec![], true),
        };
        let choices = choices.into_iter().map(|(id, label)| ChoiceView { id: id.to_string(), label }).collect();
        self.replies.push(Reply::Prompt(Box::new(Prompt {
            key: key.to_string(),
            step: key.to_string(),
            instance: None,
            kind,
            text,
            hint: None,
            choices,
            free_input: free,
            current: None,
            review: vec![],
            skippable: false,
            progress: None,
        })));
    }

    /// Whether this question offers "Send what I've told you": the flow has a checkpoint, the
    /// conversation has passed it (or already sent once), and this is a question after it.
    fn send_offered(&self, step: &Step) -> bool {
        let Some(cp) = self.flow.checkpoint() else { return false };
        let passed = self.s.submitted_at.is_some() || self.s.history.iter().any(|p| p.step == cp.id);
        passed
            && self.s.consented_at.is_some()
            && step.id != cp.id
            && !matches!(
                step.kind,
                Kind::Review | Kind::End { .. } | Kind::Consent { .. } | Kind::Language | Kind::Checkpoint { .. }
            )
    }

    fn review_items(&self) -> Vec<ReviewItem> {
        path(self.flow, &self.s.answers)
            .into_iter()
            .filter_map(|p| {
                let step = self.flow.step(&p.step)?;
                let answer = self.s.answers.get(&p.key())?;
                let group = match (&step.group, p.instance) {
                    (Some(g), Some(i)) => {
                        self.flow.groups.get(g).map(|gr| Msg::new(&gr.label).arg("n", Arg::Num(i as i64 + 1)))
                    }
                    _ => None,
                };
                Some(ReviewItem {
                    key: p.key(),
                    question: Msg::new(&format!("{}.short", step.prompt)),
                    group,
                    answer: view(self.flow, step, answer),
                })
            })
            .collect()
    }

    // ----- flow edits -----------------------------------------------------------------------

    /// The flow changed under this session: keep what still fits and find the right step.
    fn reconcile(&mut self) {
        self.s.flow_id = self.flow.id.clone();
        self.s.flow_hash = self.flow.hash.clone();
        let flow = self.flow;
        self.s.answers.retain(|k, _| flow.step(&Pos::from_key(k).step).is_some_and(|s| s.kind.keeps_answer()));
        self.s.history.retain(|p| flow.step(&p.step).is_some());
        if self.s.locale.as_ref().is_some_and(|l| !flow.languages.contains(l)) {
            self.s.locale = None;
        }
        let pos_ok = self.s.pos.as_ref().is_some_and(|p| flow.step(&p.step).is_some());
        if !pos_ok && self.s.status != Status::New {
            self.s.pos = if self.s.consented_at.is_some() {
                replay(flow, &self.s.answers)
            } else {
                Some(Pos::new(flow.start.clone(), None))
            };
        }
    }

    fn reconcile_and_prompt(&mut self) {
        let flow = self.flow;
        self.s.pos = if self.s.consented_at.is_some() {
            replay(flow, &self.s.answers)
        } else {
            Some(Pos::new(flow.start.clone(), None))
        };
        match self.s.pos.as_ref().and_then(|p| flow.step(&p.step)) {
            Some(_) => self.enter(),
            // A flow with no usable steps: say so calmly rather than loop.
            None => self.notice(NoticeKind::Info, Msg::new("not-started")),
        }
    }
}

fn choice_id(input: &Input) -> Option<String> {
    match input {
        Input::Choice { id, .. } => Some(id.clone()),
        Input::Choices { ids, .. } => match ids.as_slice() {
            [id] => Some(id.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn choice_or_text(input: &Input) -> Option<String> {
    match input {
        Input::Text(t) => Some(t.trim().to_string()),
        other => choice_id(other),
    }
}

/// A new code's first typing, to compare the second with (kept for one step, in the sealed
/// session; never the code itself).
fn code_digest(code: &str) -> String {
    blake3::hash(code.trim().as_bytes()).to_hex().to_string()
}

fn verify_code(hash: &str, code: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(hash).is_ok_and(|h| argon2::Argon2::default().verify_password(code.as_bytes(), &h).is_ok())
}

/// Where a step leads, given the answers so far (and a pre-consent answer not kept).
fn next_target(
    flow: &Flow,
    step: &Step,
    pos: &Pos,
    answers: &BTreeMap<String, Answer>,
    transient: Option<&Answer>,
) -> Option<Target> {
    next_way(flow, step, pos, answers, transient).map(|(t, _)| t)
}

/// [`next_target`], and which way out it is: the first branch that holds, else `next`.
fn next_way(
    flow: &Flow,
    step: &Step,
    pos: &Pos,
    answers: &BTreeMap<String, Answer>,
    transient: Option<&Answer>,
) -> Option<(Target, Via)> {
    for (i, b) in step.branches.iter().enumerate() {
        if eval(flow, &b.when, pos, answers, transient.map(|a| (step.id.as_str(), a))) {
            return Some((b.goto.clone(), Via::Branch(i)));
        }
    }
    step.next.clone().map(|t| (t, Via::Next))
}

/// Whether a conversation on flow version `old` may go on in `new` without noticing the edit:
/// every step it has passed, answered or stands at is defined alike in both (the same kind,
/// options, branches and way on), so the path it took and the question it is on are the same.
/// Otherwise it finishes on `old`.
pub fn compatible(old: &Flow, new: &Flow, s: &Session) -> bool {
    let same = |id: &str| match (old.step(id), new.step(id)) {
        (Some(a), Some(b)) => serde_json::to_string(a).ok() == serde_json::to_string(b).ok(),
        _ => false,
    };
    old.id == new.id
        && old.languages == new.languages
        && s.pos.as_ref().is_none_or(|p| same(&p.step))
        && s.answers.keys().all(|k| same(&Pos::from_key(k).step))
        && s.history.iter().all(|p| same(&p.step))
}

/// What an edit of the flow does to one stored conversation (`flows impact`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// Not begun, or already sent: no edit reaches it.
    Untouched,
    /// Everything it passed and the question it is on are alike in the new version: it goes on in
    /// the new version.
    MovesOn,
    /// It stands at a step the new version alters (or, with `removed`, no longer has), or passed
    /// one: it finishes on the version it began.
    Finishes { at: String, removed: bool },
}

/// The fate of conversation `s`, running on flow `on`, if `new` is put in force.
pub fn fate(on: &Flow, new: &Flow, s: &Session) -> Fate {
    let Some(pos) = s.pos.as_ref().filter(|_| matches!(s.status, Status::Active | Status::Paused)) else {
        return Fate::Untouched;
    };
    if compatible(on, new, s) {
        return Fate::MovesOn;
    }
    Fate::Finishes { at: pos.step.clone(), removed: new.step(&pos.step).is_none() }
}

/// Turns a target into a position, applying the repeating-group rules: a step in the same
/// group keeps the instance; `new:g` starts the next instance; entering a group from outside
/// starts at instance 0.
fn resolve(flow: &Flow, from: &Step, pos: &Pos, target: &Target) -> Pos {
    match target {
        Target::Step(id) => {
            let to_group = flow.step(id).and_then(|s| s.group.clone());
            match to_group {
                Some(g) if from.group.as_ref() == Some(&g) => Pos::new(id.clone(), pos.instance),
                Some(_) => Pos::new(id.clone(), Some(0)),
                None => Pos::new(id.clone(), None),
            }
        }
        Target::NewInstance(g) => {
            let Some(group) = flow.groups.get(g) else {
                return Pos::new(flow.start.clone(), None);
            };
            let next = match (&from.group, pos.instance) {
                (Some(fg), Some(i)) if fg == g => i + 1,
                _ => 0,
            };
            if next >= group.max {
                // The group is full: continue as if the person had said "no more".
                if let Some(t) = &from.next {
                    if !matches!(t, Target::NewInstance(_)) {
                        return resolve(flow, from, pos, t);
                    }
                }
            }
            Pos::new(group.start.clone(), Some(next))
        }
    }
}

/// The path through the flow that the recorded answers describe, from the first step after
/// consent up to (not including) the first step still to answer, the review, or an end.
pub fn path(flow: &Flow, answers: &BTreeMap<String, Answer>) -> Vec<Pos> {
    let mut out = Vec::new();
    let Some(consent) = flow.first_step_of_kind(|k| matches!(k, Kind::Consent { .. })) else {
        return out;
    };
    let Some(first) = &consent.next else {
        return out;
    };
    let mut pos = resolve(flow, consent, &Pos::new(consent.id.clone(), None), first);
    // Bounded: a flow check guarantees termination, but a bad flow must not hang the engine.
    for _ in 0..10_000 {
        let Some(step) = flow.step(&pos.step) else {
            break;
        };
        let answer = answers.get(&pos.key());
        match &step.kind {
            Kind::Review | Kind::End { .. } => break,
            k if k.keeps_answer() && answer.is_none() => break,
            _ => {}
        }
        out.push(pos.clone());
        let Some(t) = next_target(flow, step, &pos, answers, None) else {
            break;
        };
        let next = resolve(flow, step, &pos, &t);
        if out.contains(&next) {
            break;
        }
        pos = next;
    }
    out
}

/// How far along the conversation is: the position of its current step on the path from the
/// flow's start to an end that the answers lead to, and the number of prompts on that path (end
/// steps are not prompts). Where an answer is still to come, the path takes the step's default way
/// (its branches hold only for answers given), so a repeat group counts the instances already
/// begun and a branch taken changes the total at once. Answers before consent are not kept: a
/// step passed without a kept answer goes where the conversation went from it (the next entry of
/// its history). `None` when the current step is not on that path (nothing then to count from).
pub fn progress(flow: &Flow, s: &Session) -> Option<Progress> {
    let here = s.pos.as_ref()?;
    let (n, total) = walk(flow, s, Some(here));
    Some(Progress { n: n?, total })
}

/// The prompts on the flow's default path: every step's `next` (no branch holds without
/// answers), so one instance of each repeating group the path enters. What `flows paths` reports
/// as the typical one-case intake.
pub fn default_path_prompts(flow: &Flow) -> u32 {
    let s = Session::new(&flow.id, &flow.hash, Timestamp::UNIX_EPOCH);
    walk(flow, &s, None).1
}

/// Walks from the flow's start to an end as [`progress`] says; returns the 1-based place of
/// `here` on the way (if met) and the number of prompts on it.
fn walk(flow: &Flow, s: &Session, here: Option<&Pos>) -> (Option<u32>, u32) {
    let mut pos = Pos::new(flow.start.clone(), None);
    let mut seen = std::collections::BTreeSet::new();
    let mut count: u32 = 0;
    let mut n = None;
    // Bounded: a flow check guarantees termination, but a bad flow must not hang the engine.
    for _ in 0..10_000 {
        let Some(step) = flow.step(&pos.step) else {
            break;
        };
        if matches!(step.kind, Kind::End { .. }) || !seen.insert(pos.key()) {
            break;
        }
        count = count.saturating_add(1);
        if n.is_none() && here == Some(&pos) {
            n = Some(count);
        }
        let kept = s.answers.contains_key(&pos.key());
        let went = if kept || step.branches.is_empty() { None } else { went_from(flow, step, &pos, s) };
        pos = match went {
            Some(p) => p,
            None => {
                let Some(t) = next_target(flow, step, &pos, &s.answers, None) else {
                    break;
                };
                resolve(flow, step, &pos, &t)
            }
        };
    }
    (n, count)
}

/// Where the conversation went from `pos`, if it has passed it: the entry after it in the
/// history (or the current position), provided the step leads there.
fn went_from(flow: &Flow, step: &Step, pos: &Pos, s: &Session) -> Option<Pos> {
    let i = s.history.iter().rposition(|p| p == pos)?;
    let after = s.history.get(i + 1).or(s.pos.as_ref())?;
    flow.leads_to(step).contains(&after.step).then(|| after.clone())
}

/// About how long `prompts` prompts take, in whole minutes (at least 1): at
/// [`SECONDS_PER_PROMPT`] a prompt.
pub fn minutes(prompts: u32) -> i64 {
    ((prompts as i64 * SECONDS_PER_PROMPT) + 59).div_euclid(60).max(1)
}

/// Seconds a prompt takes to read and answer: the middle of the 10 to 20 seconds the short-path
/// issue measured a prompt at (reading a plain sentence or two on a phone, then a tap).
pub const SECONDS_PER_PROMPT: i64 = 15;

/// The prompts from the first message to the checkpoint on the default path (its "Send this
/// now" included), if the flow has a checkpoint on that path.
pub fn short_path_prompts(flow: &Flow) -> Option<u32> {
    let cp = flow.checkpoint()?;
    let s = Session::new(&flow.id, &flow.hash, Timestamp::UNIX_EPOCH);
    walk(flow, &s, Some(&Pos::new(cp.id.clone(), None))).0
}

/// The minutes the consent text quotes: the short path (to "Send this now"), and the whole
/// intake on its default path. With no checkpoint, both are the whole.
pub fn durations(flow: &Flow) -> (i64, i64) {
    let full = default_path_prompts(flow);
    (minutes(short_path_prompts(flow).unwrap_or(full)), minutes(full))
}

/// The questions not reached: from the first question still to answer, the questions that keep
/// an answer on the way to the review, taking each step's default way where answers are still
/// to come (so one more instance of nothing: a repeating group is not begun again). Empty when
/// the path reaches the review. Answered questions, "I don't know" and "rather not say" are
/// never among them.
pub fn unreached(flow: &Flow, answers: &BTreeMap<String, Answer>) -> Vec<Pos> {
    let mut out = Vec::new();
    let Some(mut pos) = replay(flow, answers) else { return out };
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..10_000 {
        let Some(step) = flow.step(&pos.step) else { break };
        if is_final(&step.kind) || !seen.insert(pos.key()) {
            break;
        }
        if step.kind.keeps_answer() && !answers.contains_key(&pos.key()) {
            out.push(pos.clone());
        }
        let Some(t) = next_target(flow, step, &pos, answers, None) else { break };
        if matches!(t, Target::NewInstance(_)) {
            break;
        }
        pos = resolve(flow, step, &pos, &t);
    }
    out
}

fn is_final(k: &Kind) -> bool {
    matches!(k, Kind::Review | Kind::End { .. })
}

/// The first position on the path still to be answered (or the review/end it leads to).
pub fn replay(flow: &Flow, answers: &BTreeMap<String, Answer>) -> Option<Pos> {
    let consent = flow.first_step_of_kind(|k| matches!(k, Kind::Consent { .. }))?;
    let walked = path(flow, answers);
    match walked.last() {
        None => {
            let first = consent.next.as_ref()?;
            Some(resolve(flow, consent, &Pos::new(consent.id.clone(), None), first))
        }
        Some(last) => {
            let step = flow.step(&last.step)?;
            let t = next_target(flow, step, last, answers, None)?;
            Some(resolve(flow, step, last, &t))
        }
    }
}

/// Evaluates a branch condition. Answers inside a repeating group are read from the current
/// instance. Anything unanswered compares as false (never as an error).
fn eval(
    flow: &Flow,
    c: &Condition,
    pos: &Pos,
    answers: &BTreeMap<String, Answer>,
    transient: Option<(&str, &Answer)>,
) -> bool {
    let get = |id: &str| -> Option<Answer> {
        if let Some((tid, a)) = transient {
            if tid == id {
                return Some(a.clone());
            }
        }
        let step = flow.step(id)?;
        let key = match (&step.group, pos.instance) {
            (Some(_), Some(i)) => Pos::new(id, Some(i)).key(),
            (Some(_), None) => {
                // Read from outside the group: any instance will do.
                return answers.iter().find(|(k, _)| Pos::from_key(k).step == id).map(|(_, a)| a.clone());
            }
            _ => id.to_string(),
        };
        answers.get(&key).cloned()
    };
    match c {
        Condition::Equals { answer, value } => get(answer).is_some_and(|a| value_eq(&a, value)),
        Condition::OneOf { answer, values } => get(answer).is_some_and(|a| values.iter().any(|v| value_eq(&a, v))),
        Condition::Present { answer, present } => get(answer).is_some_and(|a| a.value().is_some()) == *present,
        Condition::State { answer, state } => match get(answer) {
            Some(a) => a.state_name() == state,
            None => state == "unasked",
        },
        Condition::Includes { answer, value } => {
            matches!(get(answer), Some(Answer::Answered(Value::Choices(cs))) if cs.contains(value))
        }
        Condition::Compare { answer, op, value } => match (get(answer), value) {
            (Some(Answer::Answered(Value::Number(n))), CondValue::Num(v)) => compare(*op, n.cmp(v)),
            (Some(Answer::Answered(Value::Date(d))), CondValue::Date(v)) => compare_dates(*op, &d, v),
            _ => false,
        },
        Condition::All(cs) => cs.iter().all(|c| eval(flow, c, pos, answers, transient)),
        Condition::Any(cs) => cs.iter().any(|c| eval(flow, c, pos, answers, transient)),
        Condition::Not(c) => !eval(flow, c, pos, answers, transient),
        Condition::Instance(n) => pos.instance.is_some_and(|i| i.checked_add(1) == Some(*n)),
    }
}

fn value_eq(a: &Answer, v: &CondValue) -> bool {
    match (a, v) {
        (Answer::Answered(Value::Choice(c)), CondValue::Str(s)) => c == s,
        (Answer::Answered(Value::Jurisdiction(c)), CondValue::Str(s)) => c.eq_ignore_ascii_case(s),
        (Answer::Answered(Value::Text(t)), CondValue::Str(s)) => t == s,
        (Answer::Answered(Value::Number(n)), CondValue::Num(m)) => n == m,
        (Answer::DontKnow, CondValue::Str(s)) => s == DONT_KNOW,
        (Answer::PreferNot, CondValue::Str(s)) => s == PREFER_NOT,
        _ => false,
    }
}

fn compare(op: CompareOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Gt => ord == Greater,
        CompareOp::Gte => ord != Less,
        CompareOp::Lt => ord == Less,
        CompareOp::Lte => ord != Greater,
    }
}

/// A partial date is before a bound only if all of it is (its latest day); after only if all of
/// it is (its earliest day). "Around 2014" is never certainly before 2014-06.
fn compare_dates(op: CompareOp, d: &PartialDate, bound: &PartialDate) -> bool {
    match op {
        CompareOp::Lt => d.latest() < bound.earliest(),
        CompareOp::Lte => d.latest() <= bound.latest(),
        CompareOp::Gt => d.earliest() > bound.latest(),
        CompareOp::Gte => d.earliest() >= bound.earliest(),
    }
}

fn view(flow: &Flow, step: &Step, a: &Answer) -> AnswerView {
    let label_of = |id: &str| -> Label {
        if step.kind == Kind::Jurisdiction {
            return Label::Jurisdiction(id.to_string());
        }
        match flow.options_of(step).into_iter().find(|(v, _)| v == id) {
            Some((_, l)) => Label::Msg(Msg::new(&l)),
            None => Label::Msg(Msg::new("answer-none")),
        }
    };
    match a {
        Answer::Answered(Value::Choice(c)) => AnswerView::Choice(label_of(c)),
        Answer::Answered(Value::Choices(cs)) => AnswerView::Choices(cs.iter().map(|c| label_of(c)).collect()),
        Answer::Answered(Value::Text(t)) => AnswerView::Text(t.clone()),
        Answer::Answered(Value::Number(n)) => AnswerView::Number(*n),
        Answer::Answered(Value::Date(d)) => AnswerView::Date(*d),
        Answer::Answered(Value::Jurisdiction(j)) => AnswerView::Choice(Label::Jurisdiction(j.clone())),
        Answer::PreferNot => AnswerView::PreferNot,
        Answer::DontKnow => AnswerView::DontKnow,
        Answer::Skipped => AnswerView::Skipped,
    }
}

/// The key of the prompt a session is showing: what a button press must name to count for it.
pub fn current_key(s: &Session) -> String {
    match &s.mode {
        Mode::Step => s.pos.as_ref().map(Pos::key).unwrap_or_default(),
        Mode::ConfirmDelete => "delete".into(),
        Mode::ChooseLanguage => "language".into(),
        Mode::ResumeOrRestart => "resume".into(),
        Mode::EnterCode { .. } => "code".into(),
        Mode::ConfirmCode { .. } => "code_again".into(),
    }
}

#[cfg(test)]
mod version_tests {
    use super::*;

    const FLOW: &str = r#"
[flow]
id = "t"
start = "consent"
languages = ["en"]

[[step]]
id = "consent"
kind = "consent"
prompt = "q"
next = "a"
decline = "no"

[[step]]
id = "a"
kind = "yes_no"
prompt = "q"
next = "b"

[[step]]
id = "b"
kind = "yes_no"
prompt = "q"
next = "c"

[[step]]
id = "c"
kind = "yes_no"
prompt = "q"
next = "done"

[[step]]
id = "done"
kind = "end"
result = "submitted"
prompt = "q"

[[step]]
id = "no"
kind = "end"
result = "declined"
prompt = "q"
"#;

    fn load(text: &str) -> Flow {
        let (flow, diags) = crate::flow::load_str(std::path::Path::new("t.toml"), text);
        assert!(!crate::diag::has_errors(&diags), "{diags:?}");
        flow
    }

    /// A conversation that answered `a` and stands at `b`.
    fn at_b(flow: &Flow) -> Session {
        let mut s = Session::new(&flow.id, &flow.hash, Timestamp::UNIX_EPOCH);
        s.status = Status::Active;
        s.answers.insert("a".into(), Answer::Answered(Value::Choice("yes".into())));
        s.history = vec![Pos::new("consent", None), Pos::new("a", None)];
        s.pos = Some(Pos::new("b", None));
        s
    }

    #[test]
    fn a_conversation_goes_on_in_an_edit_that_changes_nothing_it_passed_or_stands_at() {
        let old = load(FLOW);
        let s = at_b(&old);
        // The edit changes `c`, still ahead: the conversation goes on in the new version.
        let ahead = load(&FLOW.replace("id = \"c\"\nkind = \"yes_no\"", "id = \"c\"\nkind = \"text\""));
        assert!(compatible(&old, &ahead, &s));
        assert_eq!(fate(&old, &ahead, &s), Fate::MovesOn);
        // The edit changes `a`, already answered: it finishes on its version.
        let behind = load(&FLOW.replace(
            "id = \"a\"\nkind = \"yes_no\"\nprompt = \"q\"\nnext = \"b\"",
            "id = \"a\"\nkind = \"yes_no\"\nprompt = \"q2\"\nnext = \"b\"",
        ));
        assert_eq!(fate(&old, &behind, &s), Fate::Finishes { at: "b".into(), removed: false });
        // The edit removes `b`, where it stands.
        let gone = load(
            &FLOW
                .replace("next = \"b\"", "next = \"c\"")
                .replace("[[step]]\nid = \"b\"\nkind = \"yes_no\"\nprompt = \"q\"\nnext = \"c\"\n", ""),
        );
        assert_eq!(fate(&old, &gone, &s), Fate::Finishes { at: "b".into(), removed: true });
        // Not begun, or sent: untouched.
        let fresh = Session::new(&old.id, &old.hash, Timestamp::UNIX_EPOCH);
        assert_eq!(fate(&old, &gone, &fresh), Fate::Untouched);
    }
}

#[cfg(test)]
mod short_path_tests {
    use super::*;

    /// consent → a (short) → check (checkpoint) → b → c → review → done; `check` sends to `early`.
    const FLOW: &str = r#"
[flow]
id = "t"
start = "consent"
languages = ["en"]

[[step]]
id = "consent"
kind = "consent"
prompt = "q"
next = "a"
decline = "no"

[[step]]
id = "a"
kind = "yes_no"
prompt = "q"
short = true
next = "check"

[[step]]
id = "check"
kind = "checkpoint"
prompt = "q"
short = true
send = "early"
next = "b"

[[step]]
id = "b"
kind = "yes_no"
prompt = "q"
next = "c"

[[step]]
id = "c"
kind = "yes_no"
prompt = "q"
next = "review"

[[step]]
id = "review"
kind = "review"
prompt = "q"
next = "done"

[[step]]
id = "done"
kind = "end"
prompt = "q"

[[step]]
id = "early"
kind = "end"
prompt = "q"

[[step]]
id = "no"
kind = "end"
result = "declined"
prompt = "q"
"#;

    fn flow() -> Flow {
        let (flow, diags) = crate::flow::load_str(std::path::Path::new("t.toml"), FLOW);
        assert!(!crate::diag::has_errors(&diags), "{diags:?}");
        flow
    }

    fn run(flow: &Flow, s: &Session, input: Input) -> Outcome {
        step(flow, &Lexicon::default(), s, input, Timestamp::UNIX_EPOCH)
    }

    fn prompt(o: &Outcome) -> &Prompt {
        o.replies
            .iter()
            .rev()
            .find_map(|r| match r {
                Reply::Prompt(p) => Some(p.as_ref()),
                _ => None,
            })
            .expect("a prompt")
    }

    /// Started, consented, `a` answered: at the checkpoint.
    fn at_checkpoint(flow: &Flow) -> Session {
        let mut s = Session::new(&flow.id, &flow.hash, Timestamp::UNIX_EPOCH);
        for input in [Input::cmd(Command::Start), Input::choice("agree"), Input::choice("yes")] {
            s = run(flow, &s, input).session;
        }
        assert_eq!(s.pos.as_ref().map(|p| p.step.as_str()), Some("check"));
        s
    }

    #[test]
    fn the_checkpoint_shows_what_was_told_and_how_much_more_there_is() {
        let flow = flow();
        let s = at_checkpoint(&flow);
        let o = run(&flow, &s, Input::cmd(Command::Help));
        let p = prompt(&o);
        assert_eq!(p.review.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(), ["a"]);
        let ids: Vec<&str> = p.choices.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, [SEND_NOW, MORE]);
        // consent, a, check, b, c, review: at 3 of 6, three more to go, a minute.
        assert_eq!(p.progress, Some(Progress { n: 3, total: 6 }));
        let more = &p.choices[1].label;
        assert_eq!(*more, Label::Msg(Msg::new("choice-tell-more").arg("n", Arg::Num(3)).arg("minutes", Arg::Num(1))));
    }

    #[test]
    fn sending_now_submits_what_was_told_and_keeps_the_rest_open() {
        let flow = flow();
        let s = at_checkpoint(&flow);
        let o = run(&flow, &s, Input::choice(SEND_NOW));
        assert!(o.effects.contains(&Effect::Submit));
        assert!(o.replies.iter().any(|r| matches!(r, Reply::Done { submitted: true, .. })));
        assert_eq!(o.session.status, Status::Paused);
        assert!(o.session.submitted_at.is_some());
        // It goes on where "Tell you more" leads, and b and c are what was not reached.
        assert_eq!(o.session.pos, Some(Pos::new("b", None)));
        let keys: Vec<String> = unreached(&flow, &o.session.answers).iter().map(Pos::key).collect();
        assert_eq!(keys, ["b", "c"]);
        // Coming back: what was sent is said, and "Tell you more" resumes at b.
        let back = run(&flow, &o.session, Input::cmd(Command::Start));
        assert_eq!(prompt(&back).text, Msg::new("resume-prompt-sent"));
        let resumed = run(&flow, &back.session, Input::choice("resume"));
        assert_eq!(prompt(&resumed).step, "b");
        // Every question after the checkpoint offers to send what was told; it sends again,
        // and the conversation goes on at that question.
        assert!(prompt(&resumed).choices.iter().any(|c| c.id == SEND_NOW));
        let at_c = run(&flow, &resumed.session, Input::choice("no"));
        let sent = run(&flow, &at_c.session, Input::choice(SEND_NOW));
        assert!(sent.effects.contains(&Effect::Submit));
        assert_eq!(sent.session.pos, Some(Pos::new("c", None)));
        assert_eq!(unreached(&flow, &sent.session.answers).iter().map(Pos::key).collect::<Vec<_>>(), ["c"]);
    }

    #[test]
    fn before_the_checkpoint_no_question_offers_to_send() {
        let flow = flow();
        let mut s = Session::new(&flow.id, &flow.hash, Timestamp::UNIX_EPOCH);
        s = run(&flow, &s, Input::cmd(Command::Start)).session;
        let o = run(&flow, &s, Input::choice("agree"));
        assert_eq!(prompt(&o).step, "a");
        assert!(!prompt(&o).choices.iter().any(|c| c.id == SEND_NOW));
        // A send pressed there (a forged button) is not an answer.
        let forged = run(&flow, &o.session, Input::choice(SEND_NOW));
        assert!(forged.effects.is_empty());
        assert_eq!(forged.session.pos, Some(Pos::new("a", None)));
    }

    #[test]
    fn the_review_first_asks_a_question_on_its_path_left_without_an_answer() {
        let flow = flow();
        // A conversation that stands at the review with `b` unanswered (the flow changed under it).
        let mut s = at_checkpoint(&flow);
        s.answers.insert("c".into(), Answer::Answered(Value::Choice("yes".into())));
        s.pos = Some(Pos::new("c", None));
        let o = run(&flow, &s, Input::choice("yes"));
        assert_eq!(prompt(&o).step, "b", "the gap is asked before the review");
        let o = run(&flow, &o.session, Input::choice("no"));
        assert_eq!(prompt(&o).step, "review", "then straight back to the review");
        assert_eq!(prompt(&o).review.len(), 3);
    }
}
