//! How alike two paragraphs are, measured on their words.
//!
//! - *Near copies* use the sequence ratio 2·LCS/(n+m) over words (the measure of Python's
//!   `difflib`): the share of both paragraphs' words that line up in order. A reader's notion of
//!   "the same paragraph, edited" maps onto it directly: one word changed in a 20-word paragraph
//!   gives 0.95, a 5-word clause added to 20 words gives 0.89, one changed word in an 8-word
//!   sentence 0.875. Order matters, so two different sentences built from the same common words
//!   do not match, as they would with a bag of words. Shingle Jaccard was the alternative; it
//!   punishes one changed word three times (0.71 for 1 word in 20 with 3-word shingles), so it
//!   would need a threshold that no longer means anything to a reader.
//! - *Contained copies* use the share of the short paragraph's words that stand, with a
//!   neighbour, in the longer one: each word of the copy counts when one of its two word pairs
//!   occurs in the container. A pull quote lifted verbatim scores 1; one with "…" elisions or a
//!   word trimmed at either end still scores high; a caption sharing a few names scores low.
//!
//! Cost: the ratio uses Myers' O((n+m)·D) diff, stopped as soon as D exceeds what the threshold
//! allows, so true near copies (small D) cost little and a mismatch costs at most (n+m)·D_max.
//! Containment is one pass over each paragraph.

use super::tokens::pair;
use crate::text::sort::sort_u64;

/// The insert+delete edit distance between `a` and `b`, or `None` when it exceeds `max`.
pub fn edit_distance(a: &[u32], b: &[u32], max: usize) -> Option<usize> {
    // Common ends cost nothing and are the bulk of a near copy.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    let (n, m) = (a.len() as isize, b.len() as isize);
    if n.abs_diff(m) > max {
        return None;
    }
    let max = max.min(a.len() + b.len()) as isize;
    let offset = max + 1;
    let mut v = vec![0isize; (2 * max + 3) as usize];
    for d in 0..=max {
        let mut k = -d;
        while k <= d {
            let at = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[at - 1] < v[at + 1]) {
                v[at + 1]
            } else {
                v[at - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at] = x;
            if x >= n && y >= m {
                return Some(d as usize);
            }
            k += 2;
        }
    }
    None
}

/// The sequence ratio 2·LCS/(n+m) of two word lists, when it is at least `threshold`.
pub fn near_ratio(a: &[u32], b: &[u32], threshold: f64) -> Option<f64> {
    let total = a.len() + b.len();
    if total == 0 {
        return None;
    }
    // The ratio can be no more than 2·min/(n+m): skip pairs whose lengths already rule it out.
    if 2.0 * a.len().min(b.len()) as f64 / (total as f64) < threshold {
        return None;
    }
    let max = ((1.0 - threshold) * total as f64 + 1e-9).floor() as usize;
    let d = edit_distance(a, b, max)?;
    let ratio = 1.0 - d as f64 / total as f64;
    (ratio >= threshold).then_some(ratio)
}

/// Which of `copy`'s words stand, next to one of their neighbours, in `container` (empty for a
/// copy under two words).
pub fn covered(copy: &[u32], container: &[u32]) -> Vec<bool> {
    if copy.len() < 2 {
        return Vec::new();
    }
    // The copy's pairs, sorted, and which of them the container has. Copies are short (at most
    // `MAX_CONTAINED_WORDS` words), so a binary search costs a small constant per container pair.
    let mut wanted: Vec<u64> = copy.windows(2).map(|w| pair(w[0], w[1])).collect();
    sort_u64(&mut wanted);
    wanted.dedup();
    let mut found = vec![false; wanted.len()];
    for w in container.windows(2) {
        if let Some(f) = wanted
            .binary_search(&pair(w[0], w[1]))
            .ok()
            .and_then(|at| found.get_mut(at))
        {
            *f = true;
        }
    }
    let mut covered = vec![false; copy.len()];
    for (i, w) in copy.windows(2).enumerate() {
        if wanted
            .binary_search(&pair(w[0], w[1]))
            .is_ok_and(|at| found.get(at) == Some(&true))
        {
            if let Some([a, b, ..]) = covered.get_mut(i..) {
                (*a, *b) = (true, true);
            }
        }
    }
    covered
}

/// The flags ([`DIGIT`](super::tokens::DIGIT), [`CAPITAL`](super::tokens::CAPITAL)) of the words
/// that one of two word lists has more often than the other: what an edit changed, added or
/// removed. `a`/`b` are word hashes, `fa`/`fb` their flags; `buf` is scratch.
pub fn differing_flags(a: &[u32], fa: &[u8], b: &[u32], fb: &[u8], buf: &mut Vec<u64>) -> u8 {
    buf.clear();
    // one key per word: its hash, its side (b above a), its flags
    let key = |h: u32, side: u64, f: u8| u64::from(h) << 9 | side << 8 | u64::from(f);
    buf.extend(a.iter().zip(fa).map(|(&h, &f)| key(h, 0, f)));
    buf.extend(b.iter().zip(fb).map(|(&h, &f)| key(h, 1, f)));
    sort_u64(buf);
    let mut out = 0;
    for group in buf.chunk_by(|x, y| x >> 9 == y >> 9) {
        let (mut na, mut nb, mut flags_a, mut flags_b) = (0, 0, 0, 0);
        for &k in group {
            let f = k as u8;
            if k & 0x100 != 0 {
                nb += 1;
                flags_b |= f;
            } else {
                na += 1;
                flags_a |= f;
            }
        }
        if na > nb {
            out |= flags_a;
        } else if nb > na {
            out |= flags_b;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<u32> {
        super::super::tokens::words(text).1.unwrap()
    }

    #[test]
    fn edit_distance_counts_inserts_and_deletes() {
        assert_eq!(edit_distance(&[1, 2, 3], &[1, 2, 3], 0), Some(0));
        assert_eq!(edit_distance(&[1, 2, 3], &[1, 9, 3], 5), Some(2));
        assert_eq!(edit_distance(&[1, 2, 3], &[1, 9, 3], 1), None);
        assert_eq!(edit_distance(&[], &[1, 2], 2), Some(2));
        assert_eq!(edit_distance(&[1, 2, 3, 4], &[4, 3, 2, 1], 8), Some(6));
    }

    #[test]
    fn near_ratio_reads_like_a_reader() {
        let a = w("The summit could provide a breakthrough in the stalled talks, officials said on Monday");
        let one_word = w("The summit could provide a breakthrough in the stalled talks, officials said on Tuesday");
        let r = near_ratio(&a, &one_word, 0.8).unwrap();
        assert!((r - 13.0 / 14.0).abs() < 1e-9, "{r}"); // 14 words, one changed
        let other =
            w("Officials said on Monday that the weather in the capital had been unusually warm");
        assert_eq!(near_ratio(&a, &other, 0.8), None);
        assert_eq!(near_ratio(&[], &[], 0.8), None);
    }

    #[test]
    fn differing_flags_name_what_changed() {
        let words = |t: &str| {
            let mut arena = super::super::tokens::Words::default();
            super::super::tokens::scan(t, &mut arena);
            (arena.hashes, arena.flags)
        };
        use super::super::tokens::{CAPITAL, DIGIT};
        let (a, fa) = words("The talks in Seoul ended on Monday with 12 points agreed");
        let mut buf = Vec::new();
        let mut diff = |t: &str| {
            let (b, fb) = words(t);
            differing_flags(&a, &fa, &b, &fb, &mut buf)
        };
        assert_eq!(
            diff("The talks in Seoul ended on Monday with 12 points agreed"),
            0
        );
        assert_eq!(
            diff("The talks in Seoul ended on Monday with 12 items agreed"),
            0
        );
        assert_eq!(
            diff("The talks in Seoul ended on Monday with 14 points agreed"),
            DIGIT
        );
        assert_eq!(
            diff("The talks in Busan ended on Monday with 12 points agreed"),
            CAPITAL
        );
        assert_eq!(
            diff("The talks in Seoul ended with 12 points agreed"),
            CAPITAL
        );
    }

    #[test]
    fn containment_of_a_pull_quote() {
        let body = w("Kim said on Monday that “we will not give up on peace, whatever it costs us,” before leaving the hall.");
        let pull = w("“We will not give up on peace, whatever it costs us”");
        assert!(covered(&pull, &body).iter().all(|&c| c));
        let caption = w("Kim waves to supporters outside the hall on Monday");
        let found = covered(&caption, &body);
        assert!(found.iter().filter(|&&c| c).count() * 2 < found.len());
    }
}
