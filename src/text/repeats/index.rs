//! Finding candidate pairs without comparing every pair: an inverted index of word-pair shingles.
//!
//! Each visible paragraph is indexed under a *winnowed* sample of its shingles (word pairs): of
//! every window of [`WINDOW`] consecutive shingle hashes the smallest is kept (Schleimer, Wilkerson
//! and Aiken's winnowing, as in MOSS). That keeps about 2/(WINDOW+1) of the shingles and still
//! guarantees that any run of WINDOW+1 words two paragraphs share verbatim yields a common
//! fingerprint: a pull quote of 8 words or more, or a copy with one word changed in 12, is always
//! found. A query looks up *all* shingles of the new paragraph, so it finds every indexed paragraph
//! whose fingerprints it covers.
//!
//! Bounds that keep it linear: a posting list holds at most [`MAX_POSTINGS`] paragraphs; a shingle
//! seen in more paragraphs than that ("of the", a repeated boilerplate phrase) is too common to tell
//! copies apart and is skipped by queries. So a query costs at most shingles × MAX_POSTINGS, and at
//! most [`MAX_CANDIDATES`] candidates (those sharing the most fingerprints) are verified.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::tokens::{mix, pair};

/// Winnowing window, in shingles.
pub const WINDOW: usize = 4;
/// Paragraphs remembered per shingle before it counts as too common to be evidence.
pub const MAX_POSTINGS: usize = 16;
/// Candidates verified per query.
pub const MAX_CANDIDATES: usize = 6;

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

#[derive(Default)]
struct Posting {
    ids: Vec<u32>,
    saturated: bool,
}

/// The shingle index over visible paragraphs.
#[derive(Default)]
pub struct ShingleIndex {
    postings: KeyMap<u64, Posting>,
    counts: KeyMap<u32, u32>,
}

impl ShingleIndex {
    pub fn insert(&mut self, id: usize, words: &[u32]) {
        for fp in fingerprints(words) {
            let posting = self.postings.entry(fp).or_default();
            if posting.ids.len() < MAX_POSTINGS {
                posting.ids.push(id as u32);
            } else {
                posting.saturated = true;
            }
        }
    }

    /// Indexed paragraphs sharing fingerprints with `words`, most shared first (then earliest),
    /// at most [`MAX_CANDIDATES`], excluding `exclude`.
    pub fn candidates(&mut self, words: &[u32], exclude: usize) -> Vec<usize> {
        self.counts.clear();
        let mut seen: Vec<u64> = words.windows(2).map(|w| pair(w[0], w[1])).collect();
        seen.sort_unstable();
        seen.dedup();
        for shingle in seen {
            if let Some(posting) = self.postings.get(&shingle) {
                if posting.saturated {
                    continue;
                }
                for &id in &posting.ids {
                    if id as usize != exclude {
                        *self.counts.entry(id).or_default() += 1;
                    }
                }
            }
        }
        let mut found: Vec<(u32, u32)> = self.counts.iter().map(|(&id, &n)| (id, n)).collect();
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
        index.insert(0, &body);
        for start in 0..body.len() - WINDOW {
            let run = &body[start..start + WINDOW + 1];
            assert_eq!(index.candidates(run, usize::MAX), vec![0], "run at {start}");
        }
    }

    #[test]
    fn common_shingles_stop_counting() {
        let mut index = ShingleIndex::default();
        let text = w("of the");
        for id in 0..MAX_POSTINGS + 1 {
            index.insert(id, &text);
        }
        assert!(index.candidates(&text, usize::MAX).is_empty());
    }

    #[test]
    fn fingerprints_sample_about_two_in_five() {
        let text: Vec<u32> = (0..1000u32).collect();
        let n = fingerprints(&text).len();
        assert!(n > 300 && n < 500, "{n}");
    }
}
