//! The runtime around the pure engine: load the session, step it, carry out its effects, store
//! the result, flush. Every channel (the terminal, JSON lines, the chat bot) goes through [`App::handle`],
//! so they all run the same path.

use crate::engine::{self, Command, Effect, Input, Reply, Session, Status};
use crate::flow::Flow;
use crate::locale::Locales;
use crate::render::{Out, Renderer};
pub use crate::retention::Retention;
use crate::stats::{self, Cause};
use crate::store::crypto::Key;
use crate::store::rotate::{self, Rotated};
use crate::store::{Change, ChatLog, Intake, OutboxEntry, Purged, Store, StoreError, Subject, Tally};
use jiff::Timestamp;
use secrecy::ExposeSecret;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

pub struct App {
    /// The flow, wording and rules in force: swapped whole by a reload ([`App::reload`]).
    content: RwLock<Arc<Content>>,
    /// Earlier versions of the flow that conversations still in progress started on, by content
    /// hash: a conversation finishes on its version (unless the new one is the same where it
    /// stands). Kept sealed in the store too (`TREE_FLOWS`), so a restart keeps them.
    versions: RwLock<std::collections::HashMap<String, Arc<Flow>>>,
    pub retention: Retention,
    /// Where completed intakes are sealed to (terminal mode), when configured.
    pub handoff: Option<crate::handoff::Handoff>,
    /// The case desk (attorneys and routing), when serving.
    pub desk: Option<crate::referral::Desk>,
    /// When the flow and locales were loaded: at process start (`/flowversion`). Set by whoever
    /// builds the app, from its clock.
    pub loaded_at: Option<Timestamp>,
    /// How `/reload` reads the files again (set by the binary when serving).
    pub reloader: Option<Box<Reloader>>,
    store: StoreCell,
    /// Conversations in progress on a channel, with the chat and the time of their last input:
    /// a channel pauses those left idle (its own idle pause). Memory only; filled from the
    /// store at start-up.
    pub active: std::sync::Mutex<std::collections::HashMap<Subject, (i64, Timestamp)>>,
    /// Locks for changing one survivor's chat log, which two parts of the process read, change
    /// and write back: the update handler (messages to wipe) and the sender (messages sent).
    /// Striped by pseudonym: 256 locks, held for the span of one change.
    chat_locks: Vec<std::sync::Mutex<()>>,
}

/// What a reload replaces at once: the current flow and the wording every conversation reads.
/// (The rules are the desk's: [`crate::referral::Desk::rules`].)
pub struct Content {
    pub flow: Arc<Flow>,
    pub locales: Arc<Locales>,
    /// When a reload put these in force (None: loaded at start).
    pub reloaded_at: Option<Timestamp>,
}

/// Reads the files again, checks them and reloads (`App::reload`), returning what to tell the
/// administrator. The binary provides it: the desk reads no files.
pub type Reloader = dyn Fn(&App, Timestamp) -> String + Send + Sync;

/// A version of the flow as kept in the store: its source, to load it again after a restart.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StoredFlow {
    pub hash: String,
    pub path: PathBuf,
    pub text: String,
}

/// What a reload did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reloaded {
    pub old_hash: String,
    pub new_hash: String,
    /// Earlier versions still kept for conversations in progress.
    pub kept: usize,
}

/// The open store, behind a lock so that a key rotation can close and reopen it while the
/// process keeps running.
struct StoreCell {
    inner: RwLock<Option<Store>>,
    dir: PathBuf,
}

impl StoreCell {
    fn with<R>(&self, f: impl FnOnce(&Store) -> Result<R, StoreError>) -> Result<R, StoreError> {
        let guard = self.inner.read().unwrap_or_else(|p| p.into_inner());
        match guard.as_ref() {
            Some(s) => f(s),
            None => {
                Err(StoreError::Rotate("the store is closed after a failed rotation; restart with the new key".into()))
            }
        }
    }
}

/// What one input produced, rendered for the survivor's language.
#[derive(Debug)]
pub struct Handled {
    pub lang: String,
    pub replies: Vec<Reply>,
    pub out: Vec<Out>,
    /// The channel should wipe the conversation from the device.
    pub wipe: bool,
    /// The conversation is in progress (so it can be left unattended).
    pub active: bool,
    /// A completed intake was stored under this case code.
    pub submitted: Option<String>,
    pub erased: bool,
}

impl App {
    pub fn new(flow: Flow, locales: Locales, store: Store, retention: Retention) -> App {
        let dir = store.dir().to_path_buf();
        let mut locales = locales;
        locales.set_global("abandoned_days", crate::locale::Arg::Num(retention.abandoned_days));
        locales.set_global("delivered_days", crate::locale::Arg::Num(retention.delivered_days));
        locales.set_global("waiting_days", crate::locale::Arg::Num(retention.waiting_days));
        App {
            content: RwLock::new(Arc::new(Content {
                flow: Arc::new(flow),
                locales: Arc::new(locales),
                reloaded_at: None,
            })),
            versions: RwLock::new(std::collections::HashMap::new()),
            retention,
            handoff: None,
            desk: None,
            loaded_at: None,
            reloader: None,
            store: StoreCell { inner: RwLock::new(Some(store)), dir },
            active: std::sync::Mutex::new(std::collections::HashMap::new()),
            chat_locks: (0..256).map(|_| std::sync::Mutex::new(())).collect(),
        }
    }

    /// Held while one survivor's chat log is read, changed and written back, so that the update
    /// handler and the sender never overwrite each other's change (a message id lost from the
    /// log would be a message never wiped from the phone).
    pub fn chat_lock(&self, s: &Subject) -> std::sync::MutexGuard<'_, ()> {
        // 256 locks, and a stripe is a byte: the index is always in range.
        #[allow(clippy::indexing_slicing)]
        let lock = &self.chat_locks[s.stripe() as usize];
        lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The flow, wording in force now, taken together (one update reads one snapshot).
    pub fn content(&self) -> Arc<Content> {
        self.content.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The current flow: the one new conversations start on.
    pub fn flow(&self) -> Arc<Flow> {
        self.content().flow.clone()
    }

    pub fn locales(&self) -> Arc<Locales> {
        self.content().locales.clone()
    }

    /// The flow a conversation runs on: the version it started on while that is kept and differs
    /// where the conversation stands; else the current one (onto which the engine carries it).
    pub fn flow_for(&self, s: &Session, content: &Content) -> Arc<Flow> {
        if s.flow_hash == content.flow.hash {
            return content.flow.clone();
        }
        let versions = self.versions.read().unwrap_or_else(|p| p.into_inner());
        match versions.get(&s.flow_hash) {
            Some(old) if !engine::compatible(old, &content.flow, s) => old.clone(),
            _ => content.flow.clone(),
        }
    }

    /// The flow an intake was made on (to read its answers), else the current one.
    pub fn flow_of(&self, flow_hash: &str) -> Arc<Flow> {
        let content = self.content();
        if flow_hash == content.flow.hash || flow_hash.is_empty() {
            return content.flow.clone();
        }
        let versions = self.versions.read().unwrap_or_else(|p| p.into_inner());
        versions.get(flow_hash).cloned().unwrap_or_else(|| content.flow.clone())
    }

    /// How many earlier versions of the flow are kept.
    pub fn kept_versions(&self) -> Vec<String> {
        let mut v: Vec<String> = self.versions.read().unwrap_or_else(|p| p.into_inner()).keys().cloned().collect();
        v.sort();
        v
    }

    /// Keeps the current flow in the store (sealed) and loads every earlier version kept there,
    /// so that conversations begun before a restart finish on theirs. A kept version that no
    /// longer loads is left out (its conversations are carried onto the current flow).
    pub fn keep_versions(&self) -> Result<usize, StoreError> {
        let current = self.flow();
        self.remember(&current)?;
        let stored: Vec<(Vec<u8>, StoredFlow)> = self.store(|st| st.service_all(crate::store::TREE_FLOWS))?;
        let mut versions = self.versions.write().unwrap_or_else(|p| p.into_inner());
        for (_, f) in stored {
            if f.hash == current.hash {
                continue;
            }
            let (flow, diags) = crate::flow::load_str(&f.path, &f.text);
            if clearpath_core::diag::has_errors(&diags) || flow.hash != f.hash {
                tracing::warn!(version = %f.hash, "a kept version of the flow no longer loads; its conversations move to the current one");
                continue;
            }
            versions.insert(f.hash.clone(), Arc::new(flow));
        }
        Ok(versions.len())
    }

    fn remember(&self, flow: &Flow) -> Result<(), StoreError> {
        let stored =
            StoredFlow { hash: flow.hash.clone(), path: flow.source.path.clone(), text: flow.source.text.clone() };
        self.store(|st| {
            let key = st.service_id("flow", &flow.hash);
            st.service_put(crate::store::TREE_FLOWS, &key, &stored)
        })
    }

    /// Puts a new flow, wording and rules in force at once, for every conversation from its next
    /// input. The caller has checked them in full (`clearpath check`'s checks); here the one check
    /// only the running process can make: every earlier version still kept for conversations in
    /// progress must find its messages in the new wording. Refused, nothing changes.
    pub fn reload(
        &self,
        flow: Flow,
        locales: Locales,
        rules: Option<crate::rules::Rules>,
        now: Timestamp,
    ) -> Result<Reloaded, Vec<String>> {
        let old = self.content();
        let mut kept: Vec<Arc<Flow>> =
            self.versions.read().unwrap_or_else(|p| p.into_inner()).values().cloned().collect();
        kept.push(old.flow.clone());
        let mut problems = Vec::new();
        for v in kept.iter().filter(|v| v.hash != flow.hash) {
            for d in crate::flow::check::check(v, &locales) {
                if d.code == "missing-message" && d.severity == clearpath_core::diag::Severity::Error {
                    problems.push(format!(
                        "conversations in progress on flow version {} still need a message the new locales lack: {}",
                        v.hash, d.message
                    ));
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        if let Err(e) = self.remember(&flow) {
            return Err(vec![format!("the new flow could not be kept in the store: {e}")]);
        }
        let mut locales = locales;
        self.set_globals(&mut locales);
        let new_hash = flow.hash.clone();
        {
            let mut content = self.content.write().unwrap_or_else(|p| p.into_inner());
            *content = Arc::new(Content { flow: Arc::new(flow), locales: Arc::new(locales), reloaded_at: Some(now) });
        }
        let kept = {
            let mut versions = self.versions.write().unwrap_or_else(|p| p.into_inner());
            if old.flow.hash != new_hash {
                versions.insert(old.flow.hash.clone(), old.flow.clone());
            }
            versions.remove(&new_hash);
            versions.len()
        };
        if let (Some(rules), Some(d)) = (rules, &self.desk) {
            d.set_rules(rules);
        }
        Ok(Reloaded { old_hash: old.flow.hash.clone(), new_hash, kept })
    }

    fn set_globals(&self, locales: &mut Locales) {
        locales.set_global("abandoned_days", crate::locale::Arg::Num(self.retention.abandoned_days));
        locales.set_global("delivered_days", crate::locale::Arg::Num(self.retention.delivered_days));
        locales.set_global("waiting_days", crate::locale::Arg::Num(self.retention.waiting_days));
    }

    /// Runs `f` with the open store.
    pub fn store<R>(&self, f: impl FnOnce(&Store) -> Result<R, StoreError>) -> Result<R, StoreError> {
        self.store.with(f)
    }

    pub fn subject(&self, channel: &str, chat: &str) -> Result<Subject, StoreError> {
        self.store(|s| Ok(s.subject(channel, chat)))
    }

    /// Handles one input: step, effects, one atomic write, flush. When this returns, the new
    /// state is durable. A record that does not open gives the survivor a calm message and the
    /// cause goes to the log (without anything that identifies them); nothing is overwritten.
    pub fn handle(&self, who: &Subject, input: Input, now: Timestamp) -> Result<Handled, StoreError> {
        self.handle_with(who, input, now, None, true, None, |_| (Vec::new(), None))
    }

    /// [`App::handle`] for channels with a durable outbox: `deliver` turns what was handled into
    /// messages to send (and the updated record of messages on the device); they are written in
    /// one atomic change with the session and the channel's update id. With `flush` false the
    /// caller flushes once for a whole batch. `loaded` is the session if the caller already read
    /// it (to read it once per update), else it is read here.
    #[allow(clippy::too_many_arguments)]
    pub fn handle_with(
        &self,
        who: &Subject,
        input: Input,
        now: Timestamp,
        inbox: Option<(u64, Timestamp)>,
        flush: bool,
        loaded: Option<Result<Option<Session>, StoreError>>,
        deliver: impl FnOnce(&Handled) -> (Vec<OutboxEntry>, Option<ChatLog>),
    ) -> Result<Handled, StoreError> {
        self.apply(who, input, Cause::Survivor, now, inbox, flush, loaded, deliver)
    }

    /// A conversation left alone, paused by its channel (idle): what `/exit` does, the wipe
    /// included, but counted as paused, not as the survivor's exit. Not flushed: the caller
    /// flushes.
    pub fn pause_left(
        &self,
        who: &Subject,
        now: Timestamp,
        loaded: Result<Option<Session>, StoreError>,
        deliver: impl FnOnce(&Handled) -> (Vec<OutboxEntry>, Option<ChatLog>),
    ) -> Result<Handled, StoreError> {
        self.apply(who, Input::cmd(Command::Exit), Cause::Left, now, None, false, Some(loaded), deliver)
    }

    #[allow(clippy::too_many_arguments)]
    fn apply(
        &self,
        who: &Subject,
        input: Input,
        cause: Cause,
        now: Timestamp,
        inbox: Option<(u64, Timestamp)>,
        flush: bool,
        loaded: Option<Result<Option<Session>, StoreError>>,
        deliver: impl FnOnce(&Handled) -> (Vec<OutboxEntry>, Option<ChatLog>),
    ) -> Result<Handled, StoreError> {
        let loaded = loaded.unwrap_or_else(|| self.store(|st| st.load_session(who)));
        let content = self.content();
        let session = match loaded {
            Ok(s) => s.unwrap_or_else(|| Session::new(&content.flow.id, &content.flow.hash, now)),
            Err(e @ (StoreError::Record { .. } | StoreError::Decode { .. } | StoreError::Version { .. })) => {
                tracing::error!(subject = %who.tag(), error = %e, "a survivor's session does not open");
                let text = content.locales.format(crate::locale::FALLBACK, "error-storage", &[]);
                let handled = Handled {
                    lang: crate::locale::FALLBACK.into(),
                    replies: vec![],
                    out: vec![Out::Info { kind: crate::render::InfoKind::Error, text }],
                    wipe: false,
                    active: false,
                    submitted: None,
                    erased: false,
                };
                let (outbox, _) = deliver(&handled);
                self.store(|st| {
                    st.commit(who, Change { inbox, outbox, ..Default::default() })?;
                    if flush {
                        st.flush()?;
                    }
                    Ok(())
                })?;
                return Ok(handled);
            }
            Err(e) => return Err(e),
        };
        let flow = self.flow_for(&session, &content);
        let outcome = engine::step(&flow, &content.locales.lexicon, &session, input, now);
        let mut s = outcome.session;
        let mut wipe = false;
        let mut erased = false;
        let mut intake = None;
        for effect in outcome.effects {
            match effect {
                Effect::Wipe => wipe = true,
                Effect::Erase => erased = true,
                Effect::SetResumeCode(code) => s.resume_code = Some(hash_code(code.expose_secret())),
                Effect::Submit => match s.sent.clone() {
                    None => {
                        let code = case_code();
                        s.sent = Some(engine::Sent { case: code.clone(), answers: s.answers.clone(), addenda: 0 });
                        intake = Some(Intake {
                            code,
                            flow_id: flow.id.clone(),
                            flow_hash: flow.hash.clone(),
                            locale: s.lang().to_string(),
                            answers: s.answers.clone(),
                            submitted_at: now,
                            delivered_at: None,
                            contact_chat: None,
                            addenda: vec![],
                            early: s.status == Status::Paused,
                        });
                    }
                    // Sent before: what is new goes to the same case as an addendum.
                    Some(sent) => {
                        intake = self.addendum(who, &sent, &s, &flow, now)?;
                        if intake.is_some() {
                            s.sent = Some(engine::Sent {
                                case: sent.case.clone(),
                                answers: s.answers.clone(),
                                addenda: sent.addenda + 1,
                            });
                        }
                    }
                },
            }
        }
        let tally = self.count(&session, &mut s, &outcome.replies, intake.is_some(), cause, erased, now);
        let lang = s.lang().to_string();
        let r = Renderer { locales: &content.locales };
        let out = outcome.replies.iter().map(|rep| r.render(&lang, rep)).collect();
        let handled = Handled {
            lang,
            replies: outcome.replies,
            out,
            wipe,
            active: s.status == Status::Active,
            submitted: intake.as_ref().map(|i| i.code.clone()),
            erased,
        };
        let (outbox, log) = deliver(&handled);
        // After an erasure only a fresh session with the chosen language remains.
        let keep = !erased || (s.locale.is_some() && s.status != Status::New);
        // The update id rides in the session when there is one to write (one record fewer per
        // answer); the channel skips an input whose id is not above it (see `App::already_applied`).
        let input = inbox.map(|(id, _)| id);
        let inbox = match (keep, inbox) {
            (true, Some((id, _))) => {
                s.last_input = Some((id, now));
                None
            }
            (_, inbox) => inbox,
        };
        self.store(|st| {
            if erased {
                st.erase(who, now)?;
            }
            let change = Change {
                session: keep.then_some(&s),
                intake: intake.as_ref(),
                inbox,
                outbox,
                log: log.as_ref(),
                // On exit, replies not yet sent are dropped: sent after the wipe, they would stay.
                discard_unsent: wipe,
                input,
                // What the step counted is recorded in the session: written with it or not at all.
                tally: if keep { tally } else { None },
            };
            st.commit(who, change)?;
            if flush {
                st.flush()?;
            }
            Ok(())
        })?;
        if erased && self.desk.is_some() {
            if let Err(e) = crate::referral::forget(self, who, now) {
                tracing::error!(error = %e, "could not withdraw an erased survivor's cases");
            }
        }
        Ok(handled)
    }

    /// The case `sent` went to, with the answers now and a note of what is new since that send:
    /// what is stored (in the same change as the session) for the case desk to hand on as an
    /// addendum. `None` when nothing changed (nothing to add). The case's readable intake may be
    /// gone (an attorney accepted it, keeping only the sealed copy): it is written again, with
    /// the note, until the addendum is delivered.
    fn addendum(
        &self,
        who: &Subject,
        sent: &engine::Sent,
        s: &Session,
        flow: &Flow,
        now: Timestamp,
    ) -> Result<Option<Intake>, StoreError> {
        let keys: Vec<String> =
            s.answers.iter().filter(|(k, a)| sent.answers.get(*k) != Some(*a)).map(|(k, _)| k.clone()).collect();
        if keys.is_empty() {
            return Ok(None);
        }
        let kept = self.store(|st| st.load_intake(who, &sent.case))?;
        let mut intake = kept.unwrap_or_else(|| Intake {
            code: sent.case.clone(),
            flow_id: flow.id.clone(),
            flow_hash: flow.hash.clone(),
            locale: s.lang().to_string(),
            answers: BTreeMap::new(),
            submitted_at: now,
            delivered_at: None,
            contact_chat: None,
            addenda: vec![],
            early: false,
        });
        intake.answers = s.answers.clone();
        intake.early = s.status == Status::Paused;
        intake.flow_id = flow.id.clone();
        intake.flow_hash = flow.hash.clone();
        intake.addenda.push(crate::intake::Addendum { n: sent.addenda + 1, at: now, keys, delivered: false });
        Ok(Some(intake))
    }

    /// Whether a channel input was already applied to this session: its id is at or below the
    /// last one applied. Inputs of one chat are applied in order and every write is durable in
    /// order, so any earlier input of the chat was applied too. The mark counts only while it is
    /// under six days old: a channel may restart its update ids after a week without updates,
    /// which cannot have happened since this chat's last input if that input is recent.
    pub fn already_applied(session: &Session, id: u64, now: Timestamp) -> bool {
        session.last_input.is_some_and(|(last, at)| id <= last && now.as_second() - at.as_second() < 6 * 86_400)
    }

    /// Pauses a conversation whose channel went away (end of input), so `/start` offers to resume.
    /// Counted as paused.
    pub fn pause(&self, who: &Subject, now: Timestamp) -> Result<(), StoreError> {
        self.store(|st| {
            if let Some(old) = st.load_session(who)? {
                if old.status == Status::Active {
                    let mut s = old.clone();
                    s.status = Status::Paused;
                    s.unlocked = false;
                    s.updated_at = now;
                    let tally = self.count(&old, &mut s, &[], false, Cause::Left, false, now);
                    st.commit(who, Change { session: Some(&s), tally, ..Default::default() })?;
                    st.flush()?;
                }
            }
            Ok(())
        })
    }

    /// Counts what a step reached, once per conversation (`stats::reached`): marks it in the new
    /// session `s` and returns the counters to add to in the same change. After an erasure the
    /// session starts over, and so does what it counted.
    #[allow(clippy::too_many_arguments)]
    fn count(
        &self,
        old: &Session,
        s: &mut Session,
        replies: &[Reply],
        submitted: bool,
        cause: Cause,
        erased: bool,
        now: Timestamp,
    ) -> Option<Tally> {
        let reached = stats::reached(old, s, replies, submitted, cause);
        if !erased {
            // The engine keeps it as it was, except where it starts the intake over.
            s.counted = old.counted.clone();
        }
        s.counted.extend(reached.iter().copied());
        if reached.is_empty() {
            return None;
        }
        let cells = reached.iter().flat_map(|m| stats::cells(&self.flow(), s, *m)).map(|c| c.encode()).collect();
        Some(Tally { period: stats::week(now), cells })
    }

    pub fn purge(&self, now: Timestamp) -> Result<Purged, StoreError> {
        let purged = self.store(|st| st.purge(now, &self.retention))?;
        match self.forget_unused_versions() {
            Ok(0) => {}
            Ok(n) => tracing::info!(dropped = n, "flow versions no conversation uses any more were dropped"),
            Err(e) => tracing::warn!(error = %e.kind(), "kept flow versions could not be looked over; they stay"),
        }
        Ok(purged)
    }

    /// Drops the kept flow versions that no stored conversation and no stored intake uses any
    /// more (run with each purge). If any record does not open, nothing is dropped: that record
    /// might be the one using a version.
    pub fn forget_unused_versions(&self) -> Result<usize, StoreError> {
        // Every stored version but the current one is loaded at start and kept on reloads: none
        // kept means none stored, and no need to read every conversation again after the purge.
        if self.versions.read().unwrap_or_else(|p| p.into_inner()).is_empty() {
            return Ok(0);
        }
        let current = self.flow().hash.clone();
        let used = self.store(|st| {
            let mut used = std::collections::BTreeSet::new();
            for who in st.subjects()? {
                if let Some(s) = st.load_session(&who)? {
                    used.insert(s.flow_hash);
                }
                for i in st.intakes(&who)? {
                    used.insert(i.flow_hash);
                }
            }
            Ok(used)
        })?;
        let stored: Vec<(Vec<u8>, StoredFlow)> = self.store(|st| st.service_all(crate::store::TREE_FLOWS))?;
        let mut dropped = 0;
        for (key, f) in stored {
            if f.hash != current && !used.contains(&f.hash) {
                self.store(|st| st.service_remove(crate::store::TREE_FLOWS, &key))?;
                self.versions.write().unwrap_or_else(|p| p.into_inner()).remove(&f.hash);
                dropped += 1;
            }
        }
        Ok(dropped)
    }

    /// Rotates the master key while running: builds the new store, closes the old one, swaps,
    /// and reopens under the new key. Inputs wait meanwhile.
    ///
    /// Every pseudonym moves (`store::rotate`). What this process keeps by pseudonym in memory:
    /// the conversations watched for idleness are moved here; the sender's per-chat work finds
    /// its old outbox keys gone and the periodic scan picks the entries up under their new keys.
    /// A reply already on its way when the rotation starts is recorded after it under its old
    /// key, which is gone: it is taken for one dropped in flight and deleted from the chat, and
    /// its entry, still in the outbox under the new key, is sent again (a duplicate, as the
    /// at-least-once rule allows; nothing is lost).
    /// Writes a backup of the store to `path` ([`crate::store::backup`]) under the store's
    /// exclusive lock: no update is being written meanwhile (each one's changes are one
    /// transaction), so the copy is the store as of the last update handled. Handling waits for
    /// it (about a second per 100 MB of store).
    pub fn backup(
        &self,
        path: &std::path::Path,
        now: Timestamp,
    ) -> Result<crate::store::backup::Manifest, crate::store::backup::BackupError> {
        let guard = self.store.inner.write().unwrap_or_else(|p| p.into_inner());
        match guard.as_ref() {
            Some(store) => store.backup_file(path, now),
            None => {
                Err(StoreError::Rotate("the store is closed after a failed rotation; restart with the new key".into())
                    .into())
            }
        }
    }

    pub fn rotate(&self, new: Key) -> Result<Rotated, StoreError> {
        let mut guard = self.store.inner.write().unwrap_or_else(|p| p.into_inner());
        let Some(store) = guard.take() else {
            return Err(StoreError::Rotate("the store is closed".into()));
        };
        let built = rotate::build(&store, &new);
        let (subjects, records) = match built {
            Ok(c) => c,
            Err(e) => {
                *guard = Some(store);
                return Err(e);
            }
        };
        let old_key = store.master().clone();
        drop(store);
        if let Err(e) = rotate::swap(&self.store.dir) {
            *guard = Store::open(&self.store.dir, old_key).ok();
            return Err(e);
        }
        let store = Store::open(&self.store.dir, new)?;
        // Every pseudonym moved: the conversations watched for idleness follow.
        {
            let mut active = self.active.lock().unwrap_or_else(|p| p.into_inner());
            let moved = active.drain().map(|(s, v)| (store.forward(&s), v)).collect();
            *active = moved;
        }
        *guard = Some(store);
        Ok(Rotated::Done { subjects, records })
    }
}

/// Hashes a resume code for storage: Argon2id with a random salt. Here, in the runtime, since a
/// salt needs randomness, which the engine never uses (it only verifies, `engine::verify_code`).
pub fn hash_code(code: &str) -> String {
    use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default().hash_password(code.as_bytes(), &salt).map(|h| h.to_string()).unwrap_or_default()
}

/// A short case code for people to read aloud: no 0/O or 1/I/L.
pub fn case_code() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut rng = rand::rngs::OsRng;
    (0..8).map(|_| ALPHABET.get(rng.gen_range(0..ALPHABET.len())).copied().unwrap_or(b'2') as char).collect()
}
