//! The service's own records (attorneys, invitations, cases, the audit log), each channel's
//! progress mark, and the updates set aside.

use super::*;

impl Store {
    /// The store's name for a service record (an attorney, an invitation, a case): a keyed hash,
    /// so names and case codes are never keys on disk.
    ///
    /// Service ids move with every rotation, as survivors' pseudonyms do: a case code's or an
    /// attorney's id computed with an old key must not find the record in a later copy.
    pub fn service_id(&self, kind: &str, name: &str) -> [u8; 32] {
        self.pseudonym(&format!("service\0{kind}\0{name}"))
    }

    /// Writes a service record (attorneys, invitations, referrals, the audit log): sealed under
    /// the service key, bound to its tree and key like every record.
    pub fn service_put<T: Serialize>(&self, tree: &'static str, key: &[u8], value: &T) -> Result<(), StoreError> {
        self.tree(tree)?.insert(key, self.service_seal(tree, key, value)?)?;
        Ok(())
    }

    /// A service record sealed as it lies in sled, bound to its tree and key.
    pub(crate) fn service_seal<T: Serialize>(&self, tree: &str, key: &[u8], value: &T) -> Result<Vec<u8>, StoreError> {
        let plain = serde_json::to_vec(value).map_err(|e| StoreError::Decode {
            tree: tree_name(tree),
            key: String::new(),
            message: json_error(&e),
        })?;
        Ok(encode_record(&self.service, tree, key, 1, &plain))
    }

    pub fn service_get<T: DeserializeOwned>(&self, tree: &'static str, key: &[u8]) -> Result<Option<T>, StoreError> {
        let Some(raw) = self.tree(tree)?.get(key)? else { return Ok(None) };
        self.service_open(tree, key, &raw).map(Some)
    }

    pub(crate) fn service_open<T: DeserializeOwned>(
        &self,
        tree: &'static str,
        key: &[u8],
        raw: &[u8],
    ) -> Result<T, StoreError> {
        let (_, plain) = decode_record(&self.service, tree_name(tree), key, raw)?;
        serde_json::from_slice(&plain).map_err(|e| StoreError::Decode {
            tree: tree_name(tree),
            key: log_tag(key),
            message: json_error(&e),
        })
    }

    /// Every record of a service tree, in key order.
    pub fn service_all<T: DeserializeOwned>(&self, tree: &'static str) -> Result<Vec<(Vec<u8>, T)>, StoreError> {
        let mut out = Vec::new();
        for item in self.tree(tree)?.iter() {
            let (k, v) = item?;
            out.push((k.to_vec(), self.service_open(tree, &k, &v)?));
        }
        Ok(out)
    }

    /// The last record of a service tree (the audit log's head).
    pub fn service_last<T: DeserializeOwned>(&self, tree: &'static str) -> Result<Option<(Vec<u8>, T)>, StoreError> {
        match self.tree(tree)?.last()? {
            Some((k, v)) => Ok(Some((k.to_vec(), self.service_open(tree, &k, &v)?))),
            None => Ok(None),
        }
    }

    pub fn service_remove(&self, tree: &'static str, key: &[u8]) -> Result<(), StoreError> {
        self.tree(tree)?.remove(key)?;
        Ok(())
    }

    /// Records how far a channel got: `id` is the newest update id of a batch whose every change
    /// is written (flush after it). Not flushed here: the batch's flush makes it durable.
    pub fn set_progress(&self, channel: &str, id: u64, at: jiff::Timestamp) -> Result<(), StoreError> {
        self.service_put(TREE_PROGRESS, channel.as_bytes(), &(id, at))
    }

    /// How far a channel got (see [`Store::set_progress`]).
    pub fn progress(&self, channel: &str) -> Result<Option<(u64, jiff::Timestamp)>, StoreError> {
        self.service_get(TREE_PROGRESS, channel.as_bytes())
    }

    /// Sets an update aside under its survivor's key, marks it handled (so a redelivery does not
    /// bring it back), and queues `notice` (a calm reply) to the chat, in one change.
    pub fn quarantine(
        &self,
        s: &Subject,
        q: &Quarantined,
        inbox_expires: jiff::Timestamp,
        notice: Vec<OutboxEntry>,
    ) -> Result<(), StoreError> {
        let dk = self.data_key_or_create(s)?;
        let key = subject_key(s, &q.id.to_be_bytes());
        let sealed = self.seal_record(&dk, &key, q)?;
        self.tree(TREE_QUARANTINE)?.insert(key, sealed)?;
        self.commit(s, Change { inbox: Some((q.id, inbox_expires)), outbox: notice, ..Default::default() })
    }

    /// Every update set aside, with its survivor. One that does not open is reported as an error
    /// entry rather than hiding the rest.
    pub fn quarantined(&self) -> Result<Vec<SetAside>, StoreError> {
        let mut out = Vec::new();
        for item in self.tree(TREE_QUARANTINE)?.iter() {
            let (k, v) = item?;
            let Some(s) = subject_of(&k) else { continue };
            let opened = match self.data_key(&s) {
                Ok(Some(dk)) => self.open_record::<Quarantined>(&dk, &k, &v),
                Ok(None) => continue,
                Err(e) => Err(e),
            };
            out.push((s, opened));
        }
        Ok(out)
    }

    /// Removes an update from the quarantine.
    pub fn unquarantine(&self, s: &Subject, id: u64) -> Result<bool, StoreError> {
        Ok(self.tree(TREE_QUARANTINE)?.remove(subject_key(s, &id.to_be_bytes()))?.is_some())
    }

    /// Writes a message to the outbox of a chat that is not a survivor's conversation (an
    /// attorney, an administrator), sealed under that chat's own data key.
    pub fn enqueue(&self, s: &Subject, entries: &[OutboxEntry]) -> Result<(), StoreError> {
        self.commit(s, Change { outbox: entries.to_vec(), ..Default::default() })
    }
}
