//! The administrators' aggregate counters: one record per period (an ISO week), sealed under the
//! service key and keyed by a service id of the period, so that not even the weeks in which
//! anything happened can be read without the master key. Added to only inside the transaction
//! of the change that causes them ([`Store::commit`]).

use super::*;

impl Store {
    pub(crate) fn counters_key(&self, period: &str) -> [u8; 32] {
        self.service_id("stats", period)
    }

    /// Every period's counters, in no particular order. A record that does not open is returned
    /// as its error rather than hiding the rest.
    pub fn counters(&self) -> Result<Vec<Result<Counters, StoreError>>, StoreError> {
        let mut out = Vec::new();
        for item in self.tree(TREE_STATS)?.iter() {
            let (k, v) = item?;
            out.push(self.service_open(TREE_STATS, &k, &v));
        }
        Ok(out)
    }

    /// The period's record (`raw`, as it lies in sled, if there is one) with one added to each
    /// of the tally's cells, sealed again. An error if the record does not open: it is then left
    /// as it is, for an administrator (the change goes ahead without the count).
    pub(crate) fn counted_on(&self, key: &[u8], raw: Option<&[u8]>, tally: &Tally) -> Result<Vec<u8>, StoreError> {
        let mut counters = match raw {
            Some(raw) => self.service_open::<Counters>(TREE_STATS, key, raw)?,
            None => Counters { period: tally.period.clone(), cells: Default::default() },
        };
        for cell in &tally.cells {
            let n = counters.cells.entry(cell.clone()).or_insert(0);
            *n = n.saturating_add(1);
        }
        self.service_seal(TREE_STATS, key, &counters)
    }
}
