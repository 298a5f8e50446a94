//! Finding candidate pairs without comparing every pair: an inverted index of word-pair shingles.
//!
//! Each visible paragraph is indexed under a *winnowed* sample of its shingles (word pairs): of
//! every window of [`WINDOW`] consecutive shingle hashes the smallest is kept (Schleimer, Wilkerson
//! and Aiken's winnowing, as in MOSS). That keeps about 2/(WINDOW+1) of the shingles and still
//! guarantees that any run of WINDOW+1 words two paragraphs share verbatim yields a common
//! fingerprint: a pull quote of 8 words or more, or a copy with one word changed in 12, is always
//! found. The sampling is local (the same run of words yields the same pick in any paragraph), so a
//! query needs only the new paragraph's own fingerprints to meet those of every paragraph sharing
//! such a run with it.
//!
//! Bounds that keep it linear: a posting list holds at most [`MAX_POSTINGS`] paragraphs; a shingle
//! seen in more paragraphs than that ("of the", a repeated boilerplate phrase) is too common to tell
//! copies apart and is skipped by queries. So a query costs at most shingles × MAX_POSTINGS, and at
//! most [`MAX_CANDIDATES`] candidates (those sharing the most fingerprints) are verified, and only
//! those with real evidence: at least one shared fingerprint per [`FINGERPRINTS_PER_HIT`] fingerprints
//! of the query. A copy shares most of them, and a pull quote most of its own;
//! two unrelated paragraphs share a chance pair or two, which on long paragraphs no longer counts,
//! so the expensive word-by-word check does not run on every chance pair of a large page.
//!
//! Storage is flat, for large pages: one open-addressing [`Table`] from fingerprint to posting
//! (the first paragraph inline, further ones in fixed blocks of one shared `Vec<u32>`), so the
//! index makes no allocation per fingerprint and a look-up touches one or two cache lines.

use super::tokens::pair;
use crate::text::sort::sort_u64;

/// Winnowing window, in shingles.
pub const WINDOW: usize = 4;
/// Paragraphs remembered per shingle before it counts as too common to be evidence.
pub const MAX_POSTINGS: usize = 16;
/// Candidates verified per query.
pub const MAX_CANDIDATES: usize = 6;
/// A candidate needs one shared fingerprint per this many fingerprints of the query (at least one).
pub const FINGERPRINTS_PER_HIT: usize = 4;

/// The winnowed fingerprints of a word list, deduplicated, into `out` (`shingles` is scratch).
pub fn fingerprints(words: &[u32], shingles: &mut Vec<u64>, out: &mut Vec<u64>) {
    shingles.clear();
    out.clear();
    shingles.extend(words.windows(2).map(|w| pair(w[0], w[1])));
    if shingles.len() <= WINDOW {
        // Short paragraph: every shingle is a fingerprint (the window would pick only one).
        out.extend_from_slice(shingles);
    } else {
        let mut last = usize::MAX;
        for (start, window) in shingles.windows(WINDOW).enumerate() {
            // rightmost minimum, as in the paper: fewer repeated picks in runs of equal hashes
            let mut best = 0;
            for (i, &h) in window.iter().enumerate() {
                if h <= window[best] {
                    best = i;
                }
            }
            if start + best != last {
                last = start + best;
                out.push(shingles[last]);
            }
        }
    }
    sort_u64(out);
    out.dedup();
}

/// A flat open-addressing hash table from non-zero 64-bit hashes to small values: one `Vec` of
/// slots, linear probing, kept at most half full. Keys are already well-mixed hashes, so the low
/// bits are the home slot; no per-entry allocation, no tombstones (nothing is ever removed).
pub struct Table<V> {
    slots: Vec<(u64, V)>,
    len: usize,
}

impl<V: Copy + Default> Default for Table<V> {
    fn default() -> Self {
        Table {
            slots: Vec::new(),
            len: 0,
        }
    }
}

/// Key 0 marks an empty slot: a hash that happens to be 0 is stored as 1 (a collision is harmless,
/// every match is verified).
fn stored(key: u64) -> u64 {
    key.max(1)
}

impl<V: Copy + Default> Table<V> {
    /// Makes room for `additional` more keys without growing on the way.
    pub fn reserve(&mut self, additional: usize) {
        let needed = (self.len + additional).saturating_mul(2).max(16);
        if needed <= self.slots.len() {
            return;
        }
        let capacity = needed.next_power_of_two();
        let old = std::mem::replace(&mut self.slots, vec![(0, V::default()); capacity]);
        for (key, value) in old {
            if key != 0 {
                let at = self.probe(key);
                self.slots[at] = (key, value);
            }
        }
    }

    /// The slot holding `key`, or the empty slot where it belongs. Needs a non-empty table.
    fn probe(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = (key as usize) & mask;
        loop {
            let k = self.slots[at].0;
            if k == key || k == 0 {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    pub fn get(&self, key: u64) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let key = stored(key);
        let slot = self.slots[self.probe(key)];
        (slot.0 == key).then_some(slot.1)
    }

    /// The value of `key`, inserted as `V::default()` if absent.
    pub fn entry(&mut self, key: u64) -> &mut V {
        self.reserve(1);
        let key = stored(key);
        let at = self.probe(key);
        if self.slots[at].0 == 0 {
            self.slots[at].0 = key;
            self.len += 1;
        }
        &mut self.slots[at].1
    }
}

/// The paragraphs indexed under one fingerprint: the first id inline (most fingerprints occur
/// once), the others in a block of the shared block arena.
#[derive(Clone, Copy, Default)]
struct Posting {
    /// The first paragraph id + 1 (0: none yet).
    first: u32,
    /// 0: no block; [`SATURATED`]: too common; else the block's index + 1.
    block: u32,
}

const SATURATED: u32 = u32::MAX;
/// A block: its count of ids, then up to `MAX_POSTINGS - 1` ids.
const BLOCK: usize = MAX_POSTINGS;

/// The shingle index over visible paragraphs.
#[derive(Default)]
pub struct ShingleIndex {
    postings: Table<Posting>,
    blocks: Vec<u32>,
    /// Scratch for queries.
    hits: Vec<u64>,
    /// `(u32::MAX - hits) << 32 | id` per candidate.
    counted: Vec<u64>,
}

impl ShingleIndex {
    /// Makes room for about `fingerprints` more fingerprints.
    pub fn reserve(&mut self, fingerprints: usize) {
        self.postings.reserve(fingerprints);
    }

    /// Indexes paragraph `id` under its fingerprints (from [`fingerprints`]).
    pub fn insert(&mut self, id: usize, fingerprints: &[u64]) {
        let id = id as u32;
        self.postings.reserve(fingerprints.len());
        for &fp in fingerprints {
            let posting = self.postings.entry(fp);
            if posting.first == 0 {
                posting.first = id + 1;
                continue;
            }
            if posting.block == SATURATED {
                continue;
            }
            if posting.block == 0 {
                posting.block = (self.blocks.len() / BLOCK) as u32 + 1;
                self.blocks.resize(self.blocks.len() + BLOCK, 0);
            }
            let at = (posting.block as usize - 1) * BLOCK;
            let n = self.blocks[at] as usize;
            if n + 1 >= BLOCK {
                posting.block = SATURATED;
            } else {
                self.blocks[at + 1 + n] = id;
                self.blocks[at] += 1;
            }
        }
    }

    /// Indexed paragraphs sharing fingerprints with a paragraph of these fingerprints, most shared
    /// first (then earliest), at most [`MAX_CANDIDATES`], excluding `exclude`; appended to `out`.
    pub fn candidates(&mut self, fingerprints: &[u64], exclude: usize, out: &mut Vec<usize>) {
        self.hits.clear();
        for &fp in fingerprints {
            let Some(posting) = self.postings.get(fp) else {
                continue;
            };
            if posting.block == SATURATED {
                continue;
            }
            self.hits.push(u64::from(posting.first - 1));
            if posting.block != 0 {
                let at = (posting.block as usize - 1) * BLOCK;
                let n = self.blocks[at] as usize;
                self.hits.extend(
                    self.blocks[at + 1..at + 1 + n]
                        .iter()
                        .map(|&id| u64::from(id)),
                );
            }
        }
        self.hits.retain(|&id| id as usize != exclude);
        sort_u64(&mut self.hits);
        let min_hits = (fingerprints.len() / FINGERPRINTS_PER_HIT).max(1) as u32;
        self.counted.clear();
        for run in self.hits.chunk_by(|a, b| a == b) {
            let count = run.len() as u32;
            if count >= min_hits {
                // most shared first, then earliest: one key, sorted ascending
                self.counted
                    .push(u64::from(u32::MAX - count) << 32 | run[0]);
            }
        }
        sort_u64(&mut self.counted);
        out.extend(
            self.counted
                .iter()
                .take(MAX_CANDIDATES)
                .map(|&key| key as u32 as usize),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<u32> {
        super::super::tokens::words(text).1.unwrap()
    }

    fn fingerprints(words: &[u32]) -> Vec<u64> {
        let mut out = Vec::new();
        super::fingerprints(words, &mut Vec::new(), &mut out);
        out
    }

    fn candidates(index: &mut ShingleIndex, fps: &[u64], exclude: usize) -> Vec<usize> {
        let mut out = Vec::new();
        index.candidates(fps, exclude, &mut out);
        out
    }

    #[test]
    fn a_shared_run_of_window_plus_one_words_is_always_found() {
        let body =
            w("one two three four five six seven eight nine ten eleven twelve thirteen fourteen");
        let mut index = ShingleIndex::default();
        index.insert(0, &fingerprints(&body));
        for start in 0..body.len() - WINDOW {
            let run = &body[start..start + WINDOW + 1];
            let fps = fingerprints(run);
            assert_eq!(
                candidates(&mut index, &fps, usize::MAX),
                vec![0],
                "run at {start}"
            );
        }
    }

    #[test]
    fn common_shingles_stop_counting() {
        let mut index = ShingleIndex::default();
        let text = fingerprints(&w("of the"));
        for id in 0..MAX_POSTINGS {
            index.insert(id, &text);
        }
        assert_eq!(
            candidates(&mut index, &text, usize::MAX).len(),
            MAX_CANDIDATES
        );
        index.insert(MAX_POSTINGS, &text);
        assert!(candidates(&mut index, &text, usize::MAX).is_empty());
    }

    #[test]
    fn the_table_grows_and_finds_everything() {
        let mut table: Table<u32> = Table::default();
        assert_eq!(table.get(5), None);
        for k in 1..10_000u64 {
            *table.entry(k.wrapping_mul(0x9e37_79b9_7f4a_7c15)) = k as u32 + 1;
        }
        for k in 1..10_000u64 {
            assert_eq!(
                table.get(k.wrapping_mul(0x9e37_79b9_7f4a_7c15)),
                Some(k as u32 + 1)
            );
        }
        assert_eq!(table.get(12345), None);
        *table.entry(0) += 7;
        assert_eq!(table.get(0), Some(7), "key 0 is stored too");
    }

    #[test]
    fn fingerprints_sample_about_two_in_five() {
        let text: Vec<u32> = (0..1000u32).collect();
        let n = fingerprints(&text).len();
        assert!(n > 300 && n < 500, "{n}");
    }
}
