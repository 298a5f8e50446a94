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

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::tokens::{mix, pair};

/// Winnowing window, in shingles.
pub const WINDOW: usize = 4;
/// Paragraphs remembered per shingle before it counts as too common to be evidence.
pub const MAX_POSTINGS: usize = 16;
/// Candidates verified per query.
pub const MAX_CANDIDATES: usize = 6;
/// A candidate needs one shared fingerprint per this many fingerprints of the query (at least one).
pub const FINGERPRINTS_PER_HIT: usize = 4;

/// Hasher for keys that are already well-mixed 64-bit hashes (or small integers, mixed here).
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = mix(n);
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = mix(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = mix(n as u64);
    }
}

pub type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// The winnowed fingerprints of a word list (deduplicated).
pub fn fingerprints(words: &[u32]) -> Vec<u64> {
    let shingles: Vec<u64> = words.windows(2).map(|w| pair(w[0], w[1])).collect();
    if shingles.len() <= WINDOW {
        // Short paragraph: every shingle is a fingerprint (the window would pick only one).
        let mut all = shingles;
        all.sort_unstable();
        all.dedup();
        return all;
    }
    let mut out = Vec::with_capacity(2 * shingles.len() / (WINDOW + 1) + 1);
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
    out.sort_unstable();
    out.dedup();
    out
}

/// The paragraphs indexed under one fingerprint. Most fingerprints occur once: the first ids stand
/// inline so that the index makes no allocation per fingerprint.
#[derive(Default)]
struct Posting {
    inline: [u32; INLINE],
    len: u8,
    saturated: bool,
    more: Vec<u32>,
}

const INLINE: usize = 3;

impl Posting {
    fn push(&mut self, id: u32) {
        let len = usize::from(self.len);
        if len >= MAX_POSTINGS {
            self.saturated = true;
        } else {
            if len < INLINE {
                self.inline[len] = id;
            } else {
                self.more.push(id);
            }
            self.len += 1;
        }
    }

    fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        let inline = usize::from(self.len).min(INLINE);
        self.inline[..inline].iter().chain(&self.more).copied()
    }
}

/// The shingle index over visible paragraphs.
#[derive(Default)]
pub struct ShingleIndex {
    postings: KeyMap<u64, Posting>,
    counts: KeyMap<u32, u32>,
}

impl ShingleIndex {
    /// Indexes paragraph `id` under its fingerprints (from [`fingerprints`]).
    pub fn insert(&mut self, id: usize, fingerprints: &[u64]) {
        for &fp in fingerprints {
            self.postings.entry(fp).or_default().push(id as u32);
        }
    }

    /// Indexed paragraphs sharing fingerprints with a paragraph of these fingerprints, most shared
    /// first (then earliest), at most [`MAX_CANDIDATES`], excluding `exclude`.
    pub fn candidates(&mut self, fingerprints: &[u64], exclude: usize) -> Vec<usize> {
        self.counts.clear();
        for fp in fingerprints {
            if let Some(posting) = self.postings.get(fp) {
                if posting.saturated {
                    continue;
                }
                for id in posting.ids() {
                    if id as usize != exclude {
                        *self.counts.entry(id).or_default() += 1;
                    }
                }
            }
        }
        let min_hits = (fingerprints.len() / FINGERPRINTS_PER_HIT).max(1) as u32;
        let mut found: Vec<(u32, u32)> = self
            .counts
            .iter()
            .filter(|&(_, &n)| n >= min_hits)
            .map(|(&id, &n)| (id, n))
            .collect();
        found.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found.truncate(MAX_CANDIDATES);
        found.into_iter().map(|(id, _)| id as usize).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<u32> {
        super::super::tokens::words(text).1.unwrap()
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
                index.candidates(&fps, usize::MAX),
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
        assert_eq!(index.candidates(&text, usize::MAX).len(), MAX_CANDIDATES);
        index.insert(MAX_POSTINGS, &text);
        assert!(index.candidates(&text, usize::MAX).is_empty());
    }

    #[test]
    fn fingerprints_sample_about_two_in_five() {
        let text: Vec<u32> = (0..1000u32).collect();
        let n = fingerprints(&text).len();
        assert!(n > 300 && n < 500, "{n}");
    }
}
