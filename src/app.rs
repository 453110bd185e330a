//! The runtime around the pure engine: load the session, step it, carry out its effects, store
//! the result, flush. Every channel (terminal, JSON lines, Telegram) goes through [`App::handle`],
//! so they all run the same path.

use crate::channel::render::{Out, Renderer};
use crate::engine::{self, answer::Answer, Effect, Input, Reply, Session, Status};
use crate::flow::Flow;
use crate::locale::Locales;
use crate::store::{Intake, Store, StoreError, Subject};
use jiff::Timestamp;
use secrecy::ExposeSecret;
use std::collections::BTreeMap;

pub struct App {
    pub flow: Flow,
    pub locales: Locales,
    pub store: Store,
}

/// What one input produced, rendered for the survivor's language.
#[derive(Debug)]
pub struct Handled {
    pub lang: String,
    pub replies: Vec<Reply>,
    pub out: Vec<Out>,
    /// The channel should wipe the conversation from the device.
    pub wipe: bool,
    /// A completed intake was stored under this case code.
    pub submitted: Option<String>,
    pub erased: bool,
}

impl App {
    pub fn renderer(&self) -> Renderer<'_> {
        Renderer {
            locales: &self.locales,
        }
    }

    pub fn load_session(&self, who: &Subject, now: Timestamp) -> Result<Session, StoreError> {
        Ok(self
            .store
            .load_session(who)?
            .unwrap_or_else(|| Session::new(&self.flow.id, &self.flow.hash, now)))
    }

    /// Handles one input: step, effects, save, flush. When this returns, the new state is durable.
    pub fn handle(
        &self,
        who: &Subject,
        input: Input,
        now: Timestamp,
    ) -> Result<Handled, StoreError> {
        let session = self.load_session(who, now)?;
        let outcome = engine::step(&self.flow, &session, input, now);
        let mut s = outcome.session;
        let mut wipe = false;
        let mut erased = false;
        let mut submitted = None;
        for effect in outcome.effects {
            match effect {
                Effect::Wipe => wipe = true,
                Effect::Erase => erased = true,
                Effect::SetResumeCode(code) => {
                    s.resume_code = Some(engine::hash_code(code.expose_secret()))
                }
                Effect::Submit => {
                    let code = case_code();
                    let intake = Intake {
                        code: code.clone(),
                        flow_id: self.flow.id.clone(),
                        locale: s.lang().to_string(),
                        answers: s.answers.clone(),
                        submitted_at: now,
                    };
                    self.store.save_intake(who, &intake)?;
                    submitted = Some(code);
                }
            }
        }
        if erased {
            self.store.erase(who)?;
            // Only a fresh session with the language remains, and only if it was chosen.
            if s.locale.is_some() && s.status != Status::New {
                self.store.save_session(who, &s)?;
            }
        } else {
            self.store.save_session(who, &s)?;
        }
        self.store.flush()?;
        let lang = s.lang().to_string();
        let r = self.renderer();
        let out = outcome
            .replies
            .iter()
            .map(|rep| r.render(&lang, rep))
            .collect();
        Ok(Handled {
            lang,
            replies: outcome.replies,
            out,
            wipe,
            submitted,
            erased,
        })
    }

    /// Pauses a conversation whose channel went away (end of input), so `/start` offers to resume.
    pub fn pause(&self, who: &Subject, now: Timestamp) -> Result<(), StoreError> {
        if let Some(mut s) = self.store.load_session(who)? {
            if s.status == Status::Active {
                s.status = Status::Paused;
                s.unlocked = false;
                s.updated_at = now;
                self.store.save_session(who, &s)?;
                self.store.flush()?;
            }
        }
        Ok(())
    }

    /// Answers on the path of a submitted intake, for summaries.
    pub fn answers(&self, who: &Subject) -> Result<BTreeMap<String, Answer>, StoreError> {
        Ok(self
            .store
            .load_session(who)?
            .map(|s| s.answers)
            .unwrap_or_default())
    }
}

/// A short case code for people to read aloud: no 0/O or 1/I/L.
pub fn case_code() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut rng = rand::rngs::OsRng;
    (0..8)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}
