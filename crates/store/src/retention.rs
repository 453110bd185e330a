//! Erasure (crypto-shredding) and the retention periods.

use super::*;

impl Store {
    /// Erases everything of one survivor: their data key first (so nothing of theirs can be
    /// opened any more, even from old log segments), then their records; then flushes. Recorded
    /// first in the erasure log beside the store ([`crate::erasures`]), so that restoring an older
    /// backup erases them again; if that record cannot be written the erasure still happens (it
    /// is what the survivor asked for now), and the failure is logged as an error.
    pub fn erase(&self, s: &Subject, now: jiff::Timestamp) -> Result<(), StoreError> {
        if let Err(e) = erasures::record_erasure(&self.dir, &self.master, s, now) {
            tracing::error!(error = %e, "the erasure could not be recorded in the erasure log; a backup made before it would bring this survivor back on restore");
        }
        self.erase_unlogged(s)
    }

    /// [`Store::erase`] without the erasure log (replaying the log itself).
    pub(crate) fn erase_unlogged(&self, s: &Subject) -> Result<(), StoreError> {
        self.keys.lock().unwrap_or_else(|p| p.into_inner()).remove(s);
        self.fresh.lock().unwrap_or_else(|p| p.into_inner()).retain(|k, _| !k.starts_with(&s.0));
        self.tree(TREE_KEYS)?.remove(s.0)?;
        for t in SUBJECT_TREES {
            let tree = self.tree(t)?;
            for k in tree.scan_prefix(s.0).keys() {
                tree.remove(k?)?;
            }
        }
        self.flush()
    }

    /// Every survivor with a data key.
    pub fn subjects(&self) -> Result<Vec<Subject>, StoreError> {
        let mut out = Vec::new();
        for k in self.tree(TREE_KEYS)?.iter().keys() {
            if let Some(s) = subject_of(&k?) {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// Applies the retention periods at `now`: abandoned conversations, intakes delivered long
    /// enough ago, expired inbox entries. A survivor left with nothing is erased entirely.
    /// An intake nobody accepted goes after the waiting period (the case desk deletes it first,
    /// telling those concerned; this is the backstop, and the only rule where there is no desk).
    pub fn purge(&self, now: jiff::Timestamp, keep: &dyn Keep) -> Result<Purged, StoreError> {
        let mut p = Purged::default();
        for s in self.subjects()? {
            let session = match self.load_session(&s) {
                Ok(sess) => sess,
                Err(e) => {
                    tracing::error!(subject = %s.tag(), error = %e, "session does not open; left for an administrator");
                    p.unreadable += 1;
                    continue;
                }
            };
            let intakes = match self.intakes(&s) {
                Ok(i) => i,
                Err(e) => {
                    tracing::error!(subject = %s.tag(), error = %e, "intake does not open; left for an administrator");
                    p.unreadable += 1;
                    continue;
                }
            };
            let mut live_intakes = 0;
            for i in &intakes {
                // Delivered long enough ago, or never taken on in time (the case desk deletes those
                // first, telling those concerned; this is the backstop, and the only rule where
                // there is no desk).
                if keep.intake_expired(i, now) {
                    self.tree(TREE_INTAKES)?.remove(self.intake_key(&s, &i.code))?;
                    p.intakes += 1;
                } else {
                    live_intakes += 1;
                }
            }
            let mut has_session = session.is_some();
            // Replies still to go out need the session: its mark of the last input applied is what
            // tells them, after a restart, from replies to an input never applied
            // (`drop_unapplied`). A finished session goes only once they are sent.
            let has_outbox = self.tree(TREE_OUTBOX)?.scan_prefix(s.0).next().is_some();
            if let Some(sess) = &session {
                if keep.session_expired(sess, live_intakes, has_outbox, now) {
                    self.tree(TREE_SESSIONS)?.remove(s.0)?;
                    p.sessions += 1;
                    has_session = false;
                }
            }
            // Set-aside updates are kept no longer than an abandoned conversation.
            let quarantine = self.tree(TREE_QUARANTINE)?;
            for item in quarantine.scan_prefix(s.0) {
                let (k, v) = item?;
                let old = match self.data_key(&s)? {
                    Some(dk) => self
                        .open_record::<Quarantined>(&dk, &k, &v)
                        .map(|q| keep.set_aside_expired(q.at, now))
                        .unwrap_or(false),
                    None => true,
                };
                if old {
                    quarantine.remove(k)?;
                }
            }
            let has_quarantine = quarantine.scan_prefix(s.0).next().is_some();
            if !has_session && live_intakes == 0 && !has_outbox && !has_quarantine {
                self.erase(&s, now)?;
                p.subjects_erased += 1;
            }
        }
        let inbox = self.tree(TREE_INBOX)?;
        for item in inbox.iter() {
            let (k, v) = item?;
            let expired = match decode_record(&self.service, TREE_INBOX, &k, &v) {
                Ok((_, plain)) => serde_json::from_slice::<jiff::Timestamp>(&plain).map(|t| t <= now).unwrap_or(true),
                Err(_) => true,
            };
            if expired {
                inbox.remove(k)?;
                p.inbox_entries += 1;
            }
        }
        // Erasures older than any backup that may still be restored are no longer needed.
        let before = jiff::Timestamp::from_second(now.as_second().saturating_sub(keep.backup_days() * 86_400))
            .unwrap_or(jiff::Timestamp::MIN);
        match erasures::prune(&self.dir, &self.master, before) {
            Ok(0) => {}
            Ok(n) => tracing::info!(entries = n, "old entries of the erasure log pruned"),
            Err(e) => tracing::warn!(error = %e, "the erasure log could not be pruned"),
        }
        self.flush()?;
        Ok(p)
    }
}
