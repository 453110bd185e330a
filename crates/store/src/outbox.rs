//! One input's change written all-or-nothing, and the outbox: replies waiting to leave, in order per
//! chat, and the inbox of updates that changed no session.

use super::*;

impl Store {
    /// Applies everything one handled input changed, atomically: the session, the update id it
    /// came with, the replies it caused, a completed intake, and the counters it adds to. Not
    /// flushed: call
    /// [`Store::flush`] once per batch, before confirming the batch to its source.
    pub fn commit(&self, s: &Subject, mut change: Change<'_>) -> Result<(), StoreError> {
        let input = change.input.or(change.inbox.map(|(id, _)| id));
        for e in &mut change.outbox {
            e.input = e.input.or(input);
        }
        let personal =
            change.session.is_some() || change.intake.is_some() || change.log.is_some() || !change.outbox.is_empty();
        if !personal {
            if change.tally.is_some() {
                // The session records what it counted: without one, a count could come again.
                tracing::warn!("counters without a session change are not counted");
            }
            // Nothing of the survivor's: no data key is created for them (an erased survivor
            // stays erased).
            // The inbox mark last: it is what makes the input count as applied.
            if change.discard_unsent {
                let unsent = self.outbox_keys_of(s)?;
                self.outbox_done(s, &unsent, &[])?;
            }
            if let Some((id, expires)) = change.inbox {
                self.mark_seen(id, expires)?;
            }
            return Ok(());
        }
        let dk = self.data_key_or_create(s)?;
        let session = change.session.map(|sess| self.seal_record(&dk, &s.0, sess)).transpose()?;
        let log = change.log.map(|l| {
            let key = subject_key(s, b"log");
            self.seal_record(&dk, &key, l).map(|v| (key, v))
        });
        let log = log.transpose()?;
        let intake = change
            .intake
            .map(|i| {
                let key = self.intake_key(s, &i.code);
                self.seal_record(&dk, &key, i).map(|v| (key, v))
            })
            .transpose()?;
        let inbox = change.inbox.map(|(id, expires)| self.inbox_record(id, expires));
        let unsent = if change.discard_unsent { self.outbox_keys_of(s)? } else { Vec::new() };
        let mut outbox = Vec::new();
        if !change.outbox.is_empty() {
            let mut seq = self.db.generate_id()?;
            for entry in &change.outbox {
                let key = subject_key(s, &seq.to_be_bytes());
                outbox.push((key.clone(), self.seal_record(&dk, &key, entry)?));
                seq = self.db.generate_id()?;
            }
        }
        let tally = change.tally.as_ref().map(|t| (self.counters_key(&t.period), t));
        if intake.is_none() && tally.is_none() {
            // Single writes, in order, the record that marks the input as applied (the session,
            // else the inbox entry) last. sled recovers its log as a prefix, in write order: after
            // a crash either that record is there, and everything before it too, or the input is
            // offered again and applied again; the replies it had left in the outbox are then
            // dropped at start-up (`drop_unapplied`: each carries its input's id), so the outcome
            // is that of a transaction. No transaction: in sled 0.34 each one writes and syncs the
            // log buffer twice (it rolls the buffer and seals the batch manifest in one of its
            // own), where single writes wait for the batch's one flush (BENCHMARKS.md).
            let outbox_tree = self.tree(TREE_OUTBOX)?;
            for k in &unsent {
                outbox_tree.remove(k.as_slice())?;
            }
            for (k, v) in &outbox {
                outbox_tree.insert(k.as_slice(), v.as_slice())?;
            }
            let sessions = self.tree(TREE_SESSIONS)?;
            if let Some((k, v)) = log {
                sessions.insert(k, v)?;
            }
            if let Some((k, v)) = inbox {
                self.tree(TREE_INBOX)?.insert(k, v)?;
            }
            if let Some(v) = session {
                sessions.insert(s.0, v)?;
            }
            self.after_commit(s, &unsent, outbox, change.outbox);
            return Ok(());
        }
        // A completed intake is written in one transaction with the rest: applied twice, it
        // would become two cases. So are counters, which are read, added to and written back:
        // counted apart from the session, a crash between the two would count the input again
        // when it is offered again (and a transaction in sled 0.34 excludes every other write
        // meanwhile, so two chats adding to one counter lose nothing). Both are rare (a few
        // inputs of a whole conversation). A transaction costs per tree it spans: it spans only
        // the trees this change writes.
        let mut trees = Vec::new();
        let slot = |trees: &mut Vec<sled::Tree>, used: bool, name: &str| -> Result<Option<usize>, StoreError> {
            Ok(if used {
                trees.push(self.tree(name)?);
                Some(trees.len() - 1)
            } else {
                None
            })
        };
        let sessions_at = slot(&mut trees, session.is_some() || log.is_some(), TREE_SESSIONS)?;
        let inbox_at = slot(&mut trees, inbox.is_some(), TREE_INBOX)?;
        let outbox_at = slot(&mut trees, !outbox.is_empty() || !unsent.is_empty(), TREE_OUTBOX)?;
        let intake_at = slot(&mut trees, intake.is_some(), TREE_INTAKES)?;
        let stats_at = slot(&mut trees, tally.is_some(), TREE_STATS)?;
        let refs: Vec<&sled::Tree> = trees.iter().collect();
        // Each slot is the index `slot` gave when it pushed that tree: always in range.
        #[allow(clippy::indexing_slicing)]
        let counted = refs.as_slice().transaction(|t| {
            if let (Some(i), Some(v)) = (sessions_at, &session) {
                t[i].insert(&s.0, v.clone())?;
            }
            if let (Some(i), Some((k, v))) = (sessions_at, &log) {
                t[i].insert(k.clone(), v.clone())?;
            }
            if let (Some(i), Some((k, v))) = (inbox_at, &inbox) {
                t[i].insert(k.to_vec(), v.clone())?;
            }
            if let Some(i) = outbox_at {
                for k in &unsent {
                    t[i].remove(k.as_slice())?;
                }
                for (k, v) in &outbox {
                    t[i].insert(k.clone(), v.clone())?;
                }
            }
            if let (Some(i), Some((k, v))) = (intake_at, &intake) {
                t[i].insert(k.clone(), v.clone())?;
            }
            let mut counted = true;
            if let (Some(i), Some((k, tally))) = (stats_at, &tally) {
                let raw = t[i].get(k)?;
                match self.counted_on(k, raw.as_deref(), tally) {
                    Ok(v) => {
                        t[i].insert(k.as_slice(), v)?;
                    }
                    Err(_) => counted = false,
                }
            }
            Ok::<_, sled::transaction::ConflictableTransactionError<StoreError>>(counted)
        })?;
        if !counted {
            // One week's counters lost, rather than a survivor's answer.
            tracing::error!("this week's counters do not open; left as they are, and this change is not counted");
        }
        self.after_commit(s, &unsent, outbox, change.outbox);
        Ok(())
    }

    /// After a commit: the dropped entries are forgotten, the new ones handed to the sender.
    fn after_commit(
        &self,
        s: &Subject,
        unsent: &[Vec<u8>],
        outbox: Vec<(Vec<u8>, Vec<u8>)>,
        entries: Vec<OutboxEntry>,
    ) {
        if !unsent.is_empty() {
            self.forget_fresh(unsent);
        }
        if !outbox.is_empty() {
            let mut fresh = self.fresh.lock().unwrap_or_else(|p| p.into_inner());
            if fresh.len() + outbox.len() <= FRESH_MAX {
                for ((k, _), e) in outbox.into_iter().zip(entries) {
                    fresh.insert(k, e);
                }
            }
            drop(fresh);
            self.queued.lock().unwrap_or_else(|p| p.into_inner()).insert(*s);
        }
    }

    /// The survivors whose outbox got new entries since the last call (then forgotten).
    pub fn take_queued(&self) -> Vec<Subject> {
        self.queued.lock().unwrap_or_else(|p| p.into_inner()).drain().collect()
    }

    /// After a crash: drops outbox entries whose input never counted as applied (its session
    /// carries no mark at or past the input's id and the inbox has no entry for it). Their input
    /// is offered again, since a batch is confirmed only after its flush, and answered again.
    /// Entries without an input id (older records, the case desk's deliveries) are kept. Call it
    /// at start-up, before sending. Returns how many were dropped.
    pub fn drop_unapplied(&self) -> Result<usize, StoreError> {
        let mut dropped = 0;
        let outbox = self.tree(TREE_OUTBOX)?;
        // Keys begin with their survivor's: each survivor's session is read once, for the mark.
        let mut last: Option<(Subject, Option<u64>)> = None;
        for (s, key) in self.outbox_keys()? {
            let Ok(Some(entry)) = self.get::<OutboxEntry>(&s, &key) else { continue };
            let Some(id) = entry.input else { continue };
            let mark = match &last {
                Some((who, mark)) if *who == s => *mark,
                _ => {
                    let mark = match self.load_session(&s) {
                        Ok(Some(session)) => session.last_input.map(|(last, _)| last),
                        _ => None,
                    };
                    last = Some((s, mark));
                    mark
                }
            };
            let applied = mark.is_some_and(|m| m >= id);
            if !applied && !self.seen(id)? {
                outbox.remove(&key)?;
                self.forget_fresh([&key]);
                dropped += 1;
            }
        }
        Ok(dropped)
    }

    /// Keys of one survivor's waiting messages, oldest first.
    pub fn outbox_keys_of(&self, s: &Subject) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut out = Vec::new();
        for k in self.tree(TREE_OUTBOX)?.scan_prefix(s.0).keys() {
            out.push(k?.to_vec());
        }
        Ok(out)
    }

    /// Remembers an update that changed nothing (so a redelivery is skipped too).
    pub fn mark_seen(&self, update_id: u64, expires: jiff::Timestamp) -> Result<(), StoreError> {
        let (key, value) = self.inbox_record(update_id, expires);
        self.tree(TREE_INBOX)?.insert(key, value)?;
        Ok(())
    }

    /// An inbox entry: the update id as key, its expiry sealed under the service key.
    fn inbox_record(&self, update_id: u64, expires: jiff::Timestamp) -> ([u8; 8], Vec<u8>) {
        let key = update_id.to_be_bytes();
        let plain = serde_json::to_vec(&expires).unwrap_or_default();
        let value = encode_record(&self.service, TREE_INBOX, &key, 1, &plain);
        (key, value)
    }

    /// Whether a channel update was already handled.
    pub fn seen(&self, update_id: u64) -> Result<bool, StoreError> {
        Ok(self.tree(TREE_INBOX)?.contains_key(update_id.to_be_bytes())?)
    }

    /// Keys of the messages waiting to be sent, oldest first per survivor. Entries are opened
    /// one at a time with [`Store::outbox_entry`], as they are sent, so a long queue costs no
    /// decryption until its turn comes.
    pub fn outbox_keys(&self) -> Result<Vec<(Subject, Vec<u8>)>, StoreError> {
        let mut out = Vec::new();
        for k in self.tree(TREE_OUTBOX)?.iter().keys() {
            let k = k?;
            if let Some(s) = subject_of(&k) {
                out.push((s, k.to_vec()));
            }
        }
        Ok(out)
    }

    /// One waiting message; `None` if it was sent meanwhile or its survivor was erased.
    pub fn outbox_entry(&self, s: &Subject, key: &[u8]) -> Result<Option<OutboxEntry>, StoreError> {
        if let Some(e) = self.fresh.lock().unwrap_or_else(|p| p.into_inner()).remove(key) {
            return Ok(Some(e));
        }
        self.get(s, key)
    }

    fn forget_fresh(&self, keys: impl IntoIterator<Item = impl AsRef<[u8]>>) {
        let mut fresh = self.fresh.lock().unwrap_or_else(|p| p.into_inner());
        for k in keys {
            fresh.remove(k.as_ref());
        }
    }

    /// Replaces an outbox entry (e.g. after a failed attempt) or removes it once sent.
    pub fn outbox_update(&self, s: &Subject, key: &[u8], entry: Option<&OutboxEntry>) -> Result<(), StoreError> {
        let t = self.tree(TREE_OUTBOX)?;
        self.forget_fresh([key]);
        match entry {
            None => {
                t.remove(key)?;
            }
            Some(e) => {
                let Some(dk) = self.data_key(s)? else { return Ok(()) };
                // Only over the entry as it is: one dropped meanwhile (an exit discards unsent
                // replies, an erasure everything) stays dropped.
                let Some(old) = t.get(key)? else { return Ok(()) };
                let _ = t.compare_and_swap(key, Some(old), Some(self.seal_record(&dk, key, e)?))?;
            }
        }
        Ok(())
    }

    /// Records what left the outbox for one chat: the entries done, removed, and the messages
    /// now on the device, added to the chat's log (so they can be wiped); one log update for
    /// several messages. A crash before this runs sends those entries again (at least once).
    ///
    /// `sent` pairs each message with the entry it came from. An entry that is no longer there
    /// was dropped while its message was on its way (the survivor exited, or was erased): that
    /// message landed after the wipe, so it is not logged, and its id is returned for the caller
    /// to delete at once. Call it under the chat's lock (`App::chat_lock`), so an exit either sees
    /// the message in the log or has already dropped its entry.
    pub fn outbox_done(
        &self,
        s: &Subject,
        keys: &[Vec<u8>],
        sent: &[(Vec<u8>, i64, jiff::Timestamp)],
    ) -> Result<Vec<i64>, StoreError> {
        let t = self.tree(TREE_OUTBOX)?;
        let (mut late, mut kept) = (Vec::new(), Vec::new());
        for (k, id, at) in sent {
            if t.contains_key(k)? {
                kept.push((*id, *at, true));
            } else {
                late.push(*id);
            }
        }
        // The log first, then the entries: a crash in between sends an entry again (and logs it
        // twice, harmlessly), never leaves a message on the device that no wipe knows of.
        if !kept.is_empty() {
            let mut log = self.load_log(s)?;
            log.messages.extend(kept);
            self.save_log(s, &log)?;
        }
        self.forget_fresh(keys);
        for k in keys {
            t.remove(k.as_slice())?;
        }
        Ok(late)
    }
}
