//! Which paragraphs repeat others and should be hidden: exact, near and contained copies, in runs.
//!
//! [`RepeatFinder`] takes paragraphs batch by batch and decides, for each new paragraph, whether a
//! reader loses anything if it is hidden. Each batch goes through these steps:
//!
//! 1. **Exact and near copies** ([`tokens`], [`similarity`], [`index`]), in page order. A paragraph
//!    of at least `minWords` words is an exact copy when its folded text equals an earlier one's,
//!    a near copy when its words line up with an earlier paragraph's at the `similarity` ratio or
//!    more. Near candidates come from the window that would continue the current run
//!    ([`runs::window_after`]) and from the shingle index; never from all pairs. `of` is always
//!    the first copy (a paragraph matched to a later copy inherits that copy's `of`).
//!    **Records from the text** ([`records::recurring`]): copies that are the shared part of
//!    parallel records (a prompt put to several people, bullets under several products) are
//!    pinned visible, and step 1 is judged again without them.
//! 2. **Edited copies in runs** ([`RepeatFinder::judge_edited_in_runs`]): a paragraph between two
//!    aligned copies matches its aligned original at [`EDITED_IN_RUN`] (0.5).
//! 3. **Short lines** ([`runs`]): a paragraph under `minWords` words is hidden only as an exact copy
//!    standing aligned inside a run of copies; repeated alone it is structure and stays.
//! 4. **Contained copies**: a paragraph of `minWords`..[`MAX_CONTAINED_WORDS`] words whose words
//!    stand inside a longer visible paragraph, earlier or anywhere in the same batch (a pull quote,
//!    a caption, a standfirst). The longer paragraph is never the one hidden.
//! 5. **Records from the page** ([`records::structure`]), when the caller numbers them: a record
//!    copied whole goes as one unit, one with parts of its own keeps its copies.
//! 6. **Runs** ([`runs::assign`]): paragraphs that stand together; new text ends a run. A run of
//!    one short line that is not a sentence is then shown again ([`records::lone_lines`]).
//!
//! Decisions are final: a paragraph is judged once, in the batch it arrives with (the steps above
//! may revise each other within that batch), and earlier batches' decisions are never revisited, so a paragraph once shown is never hidden later. The first copy of anything is
//! never hidden as an exact or near copy, because only later paragraphs are matched to earlier ones.
//!
//! Cost is linear in the text: per paragraph one pass over its characters (exact key and words
//! together, [`tokens::scan`]), at most `MAX_GAP + 1 + index::MAX_CANDIDATES` comparisons of capped
//! size, and index look-ups over bounded posting lists. Memory is flat: the words of all paragraphs
//! stand in one arena, the exact keys and the shingle index in open-addressing tables sized ahead
//! for each batch, and the per-paragraph buffers are reused, so judging a paragraph allocates
//! nothing (the folded texts are built only to confirm an exact-key match). Paragraphs past
//! [`MAX_COMPARE_BYTES`] or [`MAX_COMPARE_WORDS`] are compared by exact key only.

mod index;
mod records;
mod runs;
mod similarity;
pub(crate) mod tokens;

use std::ops::Range;

use super::normalise::{fold, fold_char};
use super::options::Options;
use super::report::{Repeat, RepeatKind};
use super::sort::sort_u64;
use index::{ShingleIndex, Table};
pub use records::{COPY_DOMINANCE, MAX_RECORD_SHARE};
pub use runs::MAX_GAP;
pub use tokens::{MAX_COMPARE_BYTES, MAX_COMPARE_WORDS};

/// The longest paragraph (in words) that can be hidden as a contained copy. Pull quotes, captions
/// and standfirsts are a sentence or two; a longer paragraph sharing most of its text with an even
/// longer one is an edit of it, which is the near-copy rule's business, not a lifted excerpt.
pub const MAX_CONTAINED_WORDS: usize = 150;

/// The similarity at which a paragraph standing between two aligned copies counts as an edited
/// copy of the original between their sources (see [`RepeatFinder::judge_edited_in_runs`]).
pub const EDITED_IN_RUN: f64 = 0.5;

/// The same at either end of a run, where only one neighbour is a copy.
pub const EDITED_AT_RUN_END: f64 = 0.7;

/// No source: a visible paragraph.
const NONE: usize = usize::MAX;

/// The decision about a hidden paragraph.
#[derive(Clone, Copy, Debug)]
struct Fate {
    of: usize,
    kind: RepeatKind,
    similarity: f64,
    run: usize,
}

/// What the finder keeps about every paragraph it has seen.
#[derive(Default)]
struct Para {
    /// Hash of the folded text.
    key: u64,
    /// Number of words (counted even past the caps), except that a question under twice
    /// `minWords` words counts as a short line (`minWords - 1`; see [`RepeatFinder::learn`]).
    words: usize,
    /// Where its words start in the finder's word arena.
    start: usize,
    /// How many words it has there: `words`, or [`UNKEPT`] past the caps.
    kept: u32,
    /// `Some` when hidden.
    fate: Option<Fate>,
    /// The paragraph this one was matched to, for lining up runs; [`NONE`] when visible.
    src: usize,
    /// When hidden: where the copy it belongs to began ([`runs::chain_start`]).
    chain: usize,
    /// The record (a block of the page repeated in shape beside its siblings) this paragraph
    /// stands in, as the caller numbered it; [`NO_RECORD`] when unknown or none.
    record: u32,
    /// Hidden with its whole record as one unit (see [`records`]).
    unit: bool,
    /// The shared part of parallel records, found from the text: never hidden.
    pinned: bool,
}

/// Every paragraph seen, indexed without a panic path: an index past the end (which no caller
/// makes) reads a spare paragraph instead. Each `paras[i]` of a plain `Vec` carried its own bounds
/// check and panic location into the module.
#[derive(Default)]
struct Paras {
    v: Vec<Para>,
    spare: Para,
}

impl std::ops::Deref for Paras {
    type Target = Vec<Para>;
    fn deref(&self) -> &Vec<Para> {
        &self.v
    }
}

impl std::ops::DerefMut for Paras {
    fn deref_mut(&mut self) -> &mut Vec<Para> {
        &mut self.v
    }
}

impl std::ops::Index<usize> for Paras {
    type Output = Para;
    fn index(&self, i: usize) -> &Para {
        self.v.get(i).unwrap_or(&self.spare)
    }
}

impl std::ops::IndexMut<usize> for Paras {
    fn index_mut(&mut self, i: usize) -> &mut Para {
        match self.v.get_mut(i) {
            Some(p) => p,
            None => &mut self.spare,
        }
    }
}

/// `Para::record` of a paragraph outside any record (or of a caller that gives no structure).
pub const NO_RECORD: u32 = u32::MAX;

/// `Para::kept` of a paragraph past the caps: compared by exact key only.
const UNKEPT: u32 = u32::MAX;

/// Buffers reused from paragraph to paragraph, so that judging one allocates nothing.
#[derive(Default)]
struct Scratch {
    shingles: Vec<u64>,
    fingerprints: Vec<u64>,
    candidates: Vec<usize>,
    /// `(MAX_CONTAINED_WORDS - words) << 32 | paragraph`, for step 3's longest-first order.
    order: Vec<u64>,
    diff: Vec<u64>,
}

/// The repeats engine: incremental, linear, final decisions.
pub struct RepeatFinder {
    min_words: usize,
    similarity: f64,
    paras: Paras,
    /// The words of every paragraph within the caps, one after another.
    words: tokens::Words,
    /// Exact key → 1 + the first paragraph with that folded text.
    first: Table<u32>,
    index: ShingleIndex,
    scratch: Scratch,
}

/// Paragraph `i` of `all` (empty past the end: no panic path).
fn at(all: &[String], i: usize) -> &str {
    all.get(i).map_or("", String::as_str)
}

/// The words of paragraph `para`, `None` past the caps.
fn words_of<'a>(words: &'a tokens::Words, para: &Para) -> Option<&'a [u32]> {
    (para.kept != UNKEPT).then(|| {
        words
            .hashes
            .get(para.start..para.start + para.kept as usize)
            .unwrap_or_default()
    })
}

/// The flags of the words of paragraph `para` (empty past the caps).
fn flags_of<'a>(words: &'a tokens::Words, para: &Para) -> &'a [u8] {
    let kept = if para.kept == UNKEPT { 0 } else { para.kept };
    words
        .flags
        .get(para.start..para.start + kept as usize)
        .unwrap_or_default()
}

impl RepeatFinder {
    pub fn new(options: &Options) -> Self {
        RepeatFinder {
            min_words: options.min_words.max(1),
            similarity: options.similarity.clamp(0.5, 1.0),
            paras: Paras::default(),
            words: tokens::Words::default(),
            first: Table::default(),
            index: ShingleIndex::default(),
            scratch: Scratch::default(),
        }
    }

    /// Judges paragraphs `all[new]` against every paragraph before them (and each other); returns
    /// only the new decisions, sorted by index. Earlier decisions never change.
    ///
    /// `all` holds every paragraph pushed so far; `new` is expected to start where the previous
    /// batch ended. Paragraphs already judged are not judged again; any skipped are learnt without
    /// a decision.
    ///
    /// `records` gives, for the paragraphs of `new` in order, the record each stands in (see
    /// [`records`]); empty when the caller knows no structure (text only), [`NO_RECORD`] for a
    /// paragraph outside any record.
    pub fn push(&mut self, all: &[String], new: Range<usize>, records: &[u32]) -> Vec<Repeat> {
        let end = new.end.min(all.len());
        let start = new.start.max(self.paras.len()).min(end);
        // Room for what is coming, so the tables are not regrown on the way: about one
        // fingerprint per 16 bytes of text (words average 6 bytes, 2 in 5 shingles are kept).
        let bytes: usize = all
            .get(self.paras.len()..end)
            .unwrap_or_default()
            .iter()
            .map(String::len)
            .sum();
        self.index.reserve(bytes / 16);
        self.first.reserve(end - self.paras.len());
        let more = end - self.paras.len();
        self.paras.reserve(more);
        self.words.hashes.reserve(bytes / 6);
        self.words.flags.reserve(bytes / 6);
        while self.paras.len() < start {
            let i = self.paras.len();
            self.learn(at(all, i));
            self.remember(i);
        }
        let batch = start..end;

        for i in batch.clone() {
            self.learn(at(all, i));
            self.paras[i].record = records.get(i - new.start).copied().unwrap_or(NO_RECORD);
            if self.paras[i].words >= self.min_words {
                self.judge_copy(all, i);
            }
            self.remember(i);
        }
        // Record parts found from the text stay; the copies are judged again without them, so
        // that no near copy is found through a run that only record parts made.
        if records::recurring(self, all, batch.clone()) {
            for i in batch.clone() {
                let p = &mut self.paras[i];
                (p.fate, p.src, p.chain) = (None, NONE, NONE);
            }
            for i in batch.clone() {
                if !self.paras[i].pinned && self.paras[i].words >= self.min_words {
                    self.judge_copy(all, i);
                }
            }
        }
        self.judge_edited_in_runs(batch.clone());
        self.judge_short_lines(all, batch.clone());
        self.judge_contained(all, batch.clone());
        records::structure(self, all, batch.clone());
        self.point_at_visible(batch.clone());
        runs::assign(&mut self.paras, batch.clone(), self.min_words);
        records::lone_lines(self, all, batch.clone());

        batch
            .filter_map(|index| {
                let para = &self.paras[index];
                para.fate.map(|f| Repeat {
                    index,
                    of: f.of,
                    kind: f.kind,
                    similarity: f.similarity,
                    run: f.run,
                    unit: para.unit.then_some(para.record as usize),
                })
            })
            .collect()
    }

    /// Paragraph `index` as scanned: its exact key, its word count (a short question counts as a
    /// short line, as in [`Para::words`]) and its word hashes (`None` past the caps). The reading
    /// memory fingerprints from these, so it never reads a paragraph's text a second time.
    pub fn scanned(&self, index: usize) -> Option<(u64, usize, Option<&[u32]>)> {
        let para = self.paras.get(index)?;
        Some((para.key, para.words, words_of(&self.words, para)))
    }

    /// Scans the next paragraph: its key and words, and its fingerprints into the scratch.
    fn learn(&mut self, text: &str) {
        let start = self.words.hashes.len();
        let scan = tokens::scan(text, &mut self.words);
        // An interview puts the same question to each guest ("What was the first thing you ever
        // sold?"), often longer than a short line: a question under twice `minWords` words is
        // judged as a short line, hidden only where it stands inside a run of copies (an
        // interview printed twice), never for repeating alone between different answers.
        let words = if self.min_words > 1 && scan.words < 2 * self.min_words && is_question(text) {
            scan.words.min(self.min_words - 1)
        } else {
            scan.words
        };
        let para = Para {
            key: scan.key,
            words,
            start,
            kept: if scan.kept {
                (self.words.hashes.len() - start) as u32
            } else {
                UNKEPT
            },
            fate: None,
            src: NONE,
            chain: NONE,
            record: NO_RECORD,
            unit: false,
            pinned: false,
        };
        let scratch = &mut self.scratch;
        match words_of(&self.words, &para) {
            Some(words) => {
                index::fingerprints(words, &mut scratch.shingles, &mut scratch.fingerprints)
            }
            None => scratch.fingerprints.clear(),
        }
        self.paras.push(para);
    }

    /// Registers paragraph `i` (the last one learnt) as a possible original: its exact key if
    /// new, its fingerprints if it is visible and long enough to be matched.
    fn remember(&mut self, i: usize) {
        let para = &self.paras[i];
        if para.words == 0 {
            return;
        }
        let first = self.first.entry(para.key);
        if *first == 0 {
            *first = i as u32 + 1;
        }
        if para.fate.is_none() && para.words >= self.min_words {
            self.index.insert(i, &self.scratch.fingerprints);
        }
    }

    fn hide(&mut self, i: usize, src: usize, matched: usize, kind: RepeatKind, similarity: f64) {
        if self.paras[i].pinned {
            return;
        }
        let (of, kind, similarity) = self.resolve(matched, kind, similarity);
        self.paras[i].fate = Some(Fate {
            of,
            kind,
            similarity,
            run: i,
        });
        self.paras[i].chain = runs::chain_start(&self.paras, i, src);
        self.paras[i].src = src;
    }

    /// `of`, kind and similarity for a copy of `matched`: if `matched` is itself hidden, the copy
    /// points where it points (the first copy, or the container of a pull quote).
    fn resolve(
        &self,
        matched: usize,
        kind: RepeatKind,
        similarity: f64,
    ) -> (usize, RepeatKind, f64) {
        match self.paras[matched].fate {
            None => (matched, kind, similarity),
            Some(f) if f.kind == RepeatKind::Contained => (f.of, f.kind, f.similarity),
            Some(f) if kind == RepeatKind::Exact => (f.of, f.kind, f.similarity),
            Some(f) => (f.of, kind, similarity),
        }
    }

    /// Step 1: is the long paragraph `i` an exact or near copy of an earlier one?
    fn judge_copy(&mut self, all: &[String], i: usize) {
        let key = self.paras[i].key;
        if let Some(root) = self.first.get(key) {
            let root = root as usize - 1;
            // (`root < i`: when a batch is judged again, later paragraphs are known already)
            if root < i && fold(at(all, root)) == fold(at(all, i)) {
                let src = runs::window_after(&self.paras, i)
                    .find(|&k| self.paras[k].key == key)
                    .unwrap_or(root);
                self.hide(i, src, root, RepeatKind::Exact, 1.0);
                return;
            }
        }
        let Some(hashes) = words_of(&self.words, &self.paras[i]) else {
            return;
        };
        let flags = flags_of(&self.words, &self.paras[i]);
        // In a run, the next original after the previous copy's source; but only originals from
        // before that copy began: a copy never continues from its own run. (List items that
        // repeat their neighbour's frame, "X is streaming on Y", "Regarding item# 2", would
        // otherwise chain themselves into a run, each the "copy" of the one before.)
        let window = runs::window_after(&self.paras, i);
        let began = runs::previous_hidden(&self.paras, i).map_or(i, |p| self.paras[p].chain);
        let in_run = |k: usize| window.contains(&k) && k < began;
        let candidates = &mut self.scratch.candidates;
        candidates.clear();
        candidates.extend(window.clone().filter(|&k| in_run(k)));
        self.index
            .candidates(&self.scratch.fingerprints, i, candidates);
        let mut best: Option<(f64, usize)> = None;
        for &k in candidates.iter() {
            let other = &self.paras[k];
            if k >= i || other.words < self.min_words {
                continue;
            }
            let lone = !in_run(k);
            // Away from a run, a short line differing by one word is another item of a list ("…
            // on Twitter" / "… on LinkedIn", "Edition for April 16" / "April 23"), not an edit:
            // lone near copies need twice `minWords` words on both sides.
            if lone && (hashes.len() < 2 * self.min_words || other.words < 2 * self.min_words) {
                continue;
            }
            let Some(theirs) = words_of(&self.words, other) else {
                continue;
            };
            // Away from a run, a near copy must be nearer: the threshold is halfway from
            // `similarity` to 1 (0.9 by default). Alone, a paragraph that keeps four fifths of
            // another's words and changes the rest is as often another statement on the same
            // frame ("A matrix is Hermitian if and only if it is …" twice, with two endings) as
            // an edit; inside a run of copies, the run already says it is a copy.
            let threshold = if lone {
                (self.similarity + 1.0) / 2.0
            } else {
                self.similarity
            };
            let Some(ratio) = similarity::near_ratio(hashes, theirs, threshold) else {
                continue;
            };
            // Away from a run, a paragraph that differs from an earlier one in a number or a name
            // is a sibling built on the same frame (a citation of another chapter, a comment
            // header with another time, "Faces Places is streaming on Netflix" after "The Square
            // is …"): the words that differ are its point. Inside a run of copies a changed
            // number is an edit of the copy and hides like any other.
            // A short line differing in a number or a name is another item even beside a copy
            // ("Picture 2 of the harbour" after "Picture 1 …" and a repeated credit).
            if (lone || hashes.len() < 2 * self.min_words)
                && similarity::differing_flags(
                    hashes,
                    flags,
                    theirs,
                    flags_of(&self.words, other),
                    &mut self.scratch.diff,
                ) & (tokens::DIGIT | tokens::CAPITAL)
                    != 0
            {
                continue;
            }
            // highest ratio wins; among equals the earliest paragraph
            if best.map_or(true, |(r, b)| ratio > r || (ratio == r && k < b)) {
                best = Some((ratio, k));
            }
        }
        // A paragraph that is only a little longer than an earlier one it contains is an edited copy
        // (a clause added), not the container of a pull quote: the near-copy rule wins, so the
        // first copy stays. Pull quotes and teasers are much shorter than the paragraph holding
        // them, below the similarity ratio, and step 3 finds them.
        if let Some((ratio, k)) = best {
            self.hide(i, k, k, RepeatKind::Near, ratio);
        }
    }

    /// Step 1b: edited copies in runs. A paragraph standing between two copies whose sources are
    /// in order, with originals between those sources, is compared with each of them at a lower
    /// bar ([`EDITED_IN_RUN`]): its neighbours already say that this stretch of the page is a copy,
    /// and a short paragraph with one word changed drops below `similarity` (one word in eight
    /// gives 0.875, one in five 0.8, two in eight 0.75). At either end of a run (a copy on one side
    /// only) the bar is [`EDITED_AT_RUN_END`], against the originals just after (or just before)
    /// the neighbour's source; a backward pass lets a run grow from its first copy found towards
    /// the top. Paragraphs over [`MAX_CONTAINED_WORDS`] keep the ordinary bar, which also bounds
    /// the cost of a comparison.
    fn judge_edited_in_runs(&mut self, batch: Range<usize>) {
        let forward = batch.clone().collect::<Vec<_>>();
        for i in forward.iter().copied().chain(forward.iter().rev().copied()) {
            let para = &self.paras[i];
            if para.fate.is_some() || para.pinned || 2 * para.words < self.min_words {
                continue;
            }
            let Some(hashes) = words_of(&self.words, para) else {
                continue;
            };
            let src_of = |k: Option<usize>| k.map(|k| self.paras[k].src).filter(|&s| s != NONE);
            let sp = src_of(runs::previous_hidden(&self.paras, i));
            let sn = src_of(
                (i + 1..(i + 2 + MAX_GAP).min(batch.end)).find(|&n| self.paras[n].fate.is_some()),
            );
            let (originals, bar) = match (sp, sn) {
                (Some(sp), Some(sn)) if sp + 1 < sn && sn <= sp + 2 + 2 * MAX_GAP => {
                    (sp + 1..sn, EDITED_IN_RUN)
                }
                (Some(sp), _) => (sp + 1..sp + 2 + MAX_GAP, EDITED_AT_RUN_END),
                (None, Some(sn)) => (sn.saturating_sub(MAX_GAP + 1)..sn, EDITED_AT_RUN_END),
                (None, None) => continue,
            };
            let threshold = if hashes.len() <= MAX_CONTAINED_WORDS {
                bar.min(self.similarity)
            } else {
                self.similarity
            };
            let mut best: Option<(f64, usize)> = None;
            // (originals come before the paragraph, which also keeps the window in bounds)
            for k in originals.start..originals.end.min(i) {
                let other = &self.paras[k];
                if other.fate.is_some() || other.words == 0 {
                    continue;
                }
                let Some(theirs) = words_of(&self.words, other) else {
                    continue;
                };
                if let Some(ratio) = similarity::near_ratio(hashes, theirs, threshold) {
                    // A paragraph with more words than its original is not hidden on its
                    // neighbours' word: what it adds (a sentence before a quoted passage) would be
                    // lost. (Inside a run, step 1 already hid those near enough.)
                    if hashes.len() > theirs.len() + 1 + theirs.len() / 10 {
                        continue;
                    }
                    // a short line differing in a number is another item ("Picture 2 of …"
                    // after "Picture 1 of …"); a capitalised word changed may be a sentence's first
                    if ratio < 1.0
                        && hashes.len() < 2 * self.min_words
                        && similarity::differing_flags(
                            hashes,
                            flags_of(&self.words, para),
                            theirs,
                            flags_of(&self.words, other),
                            &mut self.scratch.diff,
                        ) & tokens::DIGIT
                            != 0
                    {
                        continue;
                    }
                    if best.map_or(true, |(r, _)| ratio > r) {
                        best = Some((ratio, k));
                    }
                }
            }
            if let Some((ratio, k)) = best {
                if ratio >= 1.0 {
                    // the same words: an exact copy, of the first paragraph with its text
                    let root = self
                        .first
                        .get(self.paras[i].key)
                        .map_or(k, |r| r as usize - 1);
                    self.hide(i, k, root.min(k), RepeatKind::Exact, 1.0);
                } else {
                    self.hide(i, k, k, RepeatKind::Near, ratio);
                }
            }
        }
    }

    /// Step 2: short lines aligned inside a run of copies. Forward from the repeat before them
    /// (possibly from an earlier batch), then backward from the repeat after them in this batch.
    fn judge_short_lines(&mut self, all: &[String], batch: Range<usize>) {
        let min_words = self.min_words;
        let is_open_short = |p: &Para| p.fate.is_none() && p.words > 0 && p.words < min_words;
        for i in batch.clone() {
            if !is_open_short(&self.paras[i]) {
                continue;
            }
            let key = self.paras[i].key;
            let found = runs::window_after_short(&self.paras, i, min_words)
                .find(|&k| self.paras[k].key == key && fold(at(all, k)) == fold(at(all, i)));
            if let Some(k) = found {
                self.hide_short(i, k);
            }
        }
        for i in batch.clone().rev() {
            if !is_open_short(&self.paras[i]) {
                continue;
            }
            let key = self.paras[i].key;
            let found = runs::window_before(&self.paras, i, batch.end, min_words)
                .into_iter()
                .find(|&k| self.paras[k].key == key && fold(at(all, k)) == fold(at(all, i)));
            if let Some(k) = found {
                self.hide_short(i, k);
            }
        }
        // Lined up is not enough: the line must stand inside a copy (see `runs::inside_a_copy`).
        let doubtful: Vec<usize> = batch
            .clone()
            .filter(|&i| {
                let p = &self.paras[i];
                p.fate.is_some()
                    && p.words < min_words
                    && !runs::inside_a_copy(&self.paras, i, batch.end, min_words)
            })
            .collect();
        for i in doubtful {
            self.paras[i].fate = None;
            self.paras[i].src = NONE;
        }
    }

    fn hide_short(&mut self, i: usize, k: usize) {
        let root = self
            .first
            .get(self.paras[i].key)
            .map_or(k, |r| r as usize - 1);
        self.hide(i, k, root.min(k), RepeatKind::Exact, 1.0);
    }

    /// Step 3: pull quotes, captions and standfirsts inside a longer visible paragraph that comes
    /// earlier or in this batch. Longest first, so that a paragraph hidden here is never then
    /// chosen as the container of a shorter one.
    fn judge_contained(&mut self, all: &[String], batch: Range<usize>) {
        let mut order = std::mem::take(&mut self.scratch.order);
        order.clear();
        order.extend(
            batch
                .clone()
                .filter(|&i| {
                    let p = &self.paras[i];
                    p.fate.is_none()
                        && p.kept != UNKEPT
                        && (self.min_words..=MAX_CONTAINED_WORDS).contains(&p.words)
                })
                .map(|i| ((MAX_CONTAINED_WORDS - self.paras[i].words) as u64) << 32 | i as u64),
        );
        // longest first, in page order among equals
        sort_u64(&mut order);
        for i in order.iter().map(|&key| key as u32 as usize) {
            let Some(hashes) = words_of(&self.words, &self.paras[i]) else {
                continue;
            };
            let scratch = &mut self.scratch;
            index::fingerprints(hashes, &mut scratch.shingles, &mut scratch.fingerprints);
            scratch.candidates.clear();
            self.index
                .candidates(&scratch.fingerprints, i, &mut scratch.candidates);
            let mut best: Option<(f64, usize)> = None;
            for &k in &scratch.candidates {
                let other = &self.paras[k];
                if k >= batch.end || other.fate.is_some() || other.words <= hashes.len() {
                    continue;
                }
                if k > i && !may_precede_its_container(i, at(all, i)) {
                    continue;
                }
                let Some(theirs) = words_of(&self.words, other) else {
                    continue;
                };
                let covered = similarity::covered(hashes, theirs);
                let share = covered.iter().filter(|&&c| c).count() as f64 / hashes.len() as f64;
                // An excerpt with words of its own (an attribution, a dateline) is hidden only for a
                // container before it: when the longer paragraph comes later, it is the one that
                // quotes (a caption repeating a body paragraph's quotation without its "Mr. X
                // said"), and the body paragraph must stay.
                if share < 1.0 && (k > i || !an_excerpt(at(all, i), &covered)) {
                    continue;
                }
                // A short line that differs from part of a longer one by a word is another item of
                // a list ("Click to share on Twitter" / "… on Facebook"), not an excerpt: under
                // twice `minWords` words, only a verbatim excerpt counts.
                let needed = if hashes.len() < 2 * self.min_words {
                    1.0
                } else {
                    self.similarity
                };
                if share >= needed && best.map_or(true, |(s, b)| share > s || (share == s && k < b))
                {
                    best = Some((share, k));
                }
            }
            if let Some((share, k)) = best {
                self.hide(i, k, k, RepeatKind::Contained, share);
            }
        }
        self.scratch.order = order;
    }

    /// Copies matched in step 1 or 2 to a paragraph that step 3 then hid point on to its container.
    fn point_at_visible(&mut self, batch: Range<usize>) {
        for i in batch {
            let Some(f) = self.paras[i].fate else {
                continue;
            };
            if self.paras[f.of].fate.is_some() {
                let (of, kind, similarity) = self.resolve(f.of, f.kind, f.similarity);
                self.paras[i].fate = Some(Fate {
                    of,
                    kind,
                    similarity,
                    ..f
                });
            }
        }
    }
}

/// Whether a paragraph whose words stand in a longer one only in part (`covered`, per word) reads
/// as an excerpt of it: the words found form one stretch, and whatever else the paragraph holds is
/// set off from it by punctuation at either end: an attribution after a pull quote (“…,” Mr. Kim
/// said), a dateline before a teaser (SEOUL (AP) — …). Words found in several pieces, or a stretch
/// that runs on into other words, make a sibling sharing a frame ("A square matrix is Hermitian if
/// and only if it is unitary …" / "… if it is equal to its adjoint"; "Dunkirk is streaming on HBO"
/// / "Get Out is streaming on HBO"), not an excerpt.
fn an_excerpt(text: &str, covered: &[bool]) -> bool {
    let Some(first) = covered.iter().position(|&c| c) else {
        return false;
    };
    let last = covered.iter().rposition(|&c| c).unwrap_or(first);
    let set_off = |n: usize| {
        tokens::gap_before(text, n).is_some_and(|gap| {
            gap.chars()
                .any(|c| !c.is_whitespace() && fold_char(c).is_some())
        })
    };
    covered
        .get(first..=last)
        .unwrap_or_default()
        .iter()
        .all(|&c| c)
        && (first == 0 || set_off(first))
        && (last + 1 == covered.len() || set_off(last + 1))
}

/// Whether `text` is a question: its last character that is not a closing mark, a space or an
/// asterisk is a question mark (ASCII, fullwidth, Arabic, Greek).
fn is_question(text: &str) -> bool {
    // (the white space a page's markup leaves at the end, a byte at a time first: decoding it
    // a character at a time cost more than the rest of the test)
    text.trim_ascii_end()
        .trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\'' | '*' | ')' | '\u{201D}' | '\u{2019}' | '\u{BB}'
                )
        })
        .ends_with(['?', '\u{FF1F}', '\u{061F}', '\u{037E}'])
}

/// Whether a paragraph may be hidden as a copy of a paragraph that comes *after* it. A standfirst or
/// teaser before the body is a sentence; a headline is not (it has no closing punctuation), and
/// hiding the headline because the lead repeats it would take the page's title away. The very
/// first paragraph is where a page's title stands, so it is never hidden for what follows it.
fn may_precede_its_container(index: usize, text: &str) -> bool {
    index > 0
        && text.trim_end().ends_with([
            '.', '!', '?', '\u{2026}', '"', '\u{201D}', '\'', '\u{2019}', ')', '\u{BB}',
        ])
}

#[cfg(test)]
mod tests;
