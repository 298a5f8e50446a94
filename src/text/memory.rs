//! Reading memory: what a person has already read on other pages, kept as fingerprints, and which
//! paragraphs of a new page copy it.
//!
//! A remembered paragraph is a [`Fingerprint`] of [`BYTES`] bytes, never its text:
//! - the *exact key*, the same 64-bit hash of the [`fold`](crate::text::normalise::fold)ed text the
//!   repeats engine uses, so a copy that differs only in quote styles, spaces or case matches;
//! - a *sketch*: the [`SKETCH`] smallest 24-bit values of its word-pair shingles (the same words
//!   and shingles as repeats; a bottom-k sample). Because every shingle of a new paragraph that is
//!   at or below the sketch's largest value must, if the new paragraph copies the read one, be in
//!   the sketch, the sketch estimates the share of the new paragraph that was already read: near
//!   copies (one word changed) and contained copies (a part of a read paragraph, such as a wire
//!   paragraph a site split in two) score high, a paragraph that only shares a phrase scores low.
//!
//! [`ReadSet`] holds the remembered fingerprints of many pages, indexed for look-up: exact keys and
//! sketch values in buckets of their top 16 bits (one counting pass: building is linear). Matching
//! one paragraph costs one pass over its text plus one small bucket per shingle, whatever the size
//! of the set, and nothing at all when no set is given (the analyzer holds `None`).
//!
//! [`Reading`] is the analyzer's part: for each new paragraph that the page itself does not hide, is
//! it a copy of something read elsewhere, and which run of read paragraphs does it join (one toggle
//! per run, as for repeats). Paragraphs read on this very page (same URL or canonical URL) are
//! reported but never hidden: coming back to a story shows all of it.

use std::ops::Range;
use std::rc::Rc;

use super::repeats::tokens::{self, pair, Words};
use super::repeats::MAX_GAP;
use super::report::{Read, RepeatKind};
use super::sort::sort_by;

/// Shingle values per sketch.
pub const SKETCH: usize = 6;
/// Bytes of one fingerprint: the exact key (8, little-endian) and the sketch (3 bytes per value).
pub const BYTES: usize = 8 + 3 * SKETCH;
/// A sketch slot left empty (the paragraph had fewer shingles, or is past the comparison caps).
const EMPTY: u32 = 0xFF_FFFF;
/// A candidate must share at least this many sketch values with a paragraph (fewer when its sketch
/// holds fewer): one or two shared word pairs are chance, three are text in common.
const MIN_HITS: usize = 3;
/// Sketch values seen in more remembered paragraphs than this are too common to be evidence.
const MAX_POSTINGS: usize = 64;
/// Candidates verified per paragraph.
const MAX_CANDIDATES: usize = 32;
/// A part of a read paragraph needs this many sketch values in common: fewer samples leave too
/// much room for chance (a paragraph half new whose new half happens to fall above the limit).
const CONTAINED_HITS: usize = 3;
/// A contained copy's values below the sketch's limit number at least this share of what its size
/// predicts: a paragraph whose new half happens to fall above the limit has too few.
const CONTAINED_SAMPLES: f64 = 0.6;
/// Allowance under the `similarity` option for the sketch's estimate, which rests on a few samples.
const SLACK: f64 = 0.05;

/// What is remembered of one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// The hash of the folded text.
    pub key: u64,
    /// The smallest shingle values, ascending, padded with an empty marker.
    pub sketch: [u32; SKETCH],
}

impl Fingerprint {
    pub fn to_bytes(&self) -> [u8; BYTES] {
        let mut out = [0u8; BYTES];
        out[..8].copy_from_slice(&self.key.to_le_bytes());
        for (i, v) in self.sketch.iter().enumerate() {
            out[8 + 3 * i..11 + 3 * i].copy_from_slice(&v.to_le_bytes()[..3]);
        }
        out
    }

    /// Reads one fingerprint (`bytes` must hold at least [`BYTES`]; missing bytes read as zero).
    pub fn from_bytes(bytes: &[u8]) -> Fingerprint {
        let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let mut key = [0u8; 8];
        for (i, b) in key.iter_mut().enumerate() {
            *b = byte(i);
        }
        let mut sketch = [EMPTY; SKETCH];
        for (i, v) in sketch.iter_mut().enumerate() {
            let at = 8 + 3 * i;
            *v = u32::from_le_bytes([byte(at), byte(at + 1), byte(at + 2), 0]);
        }
        Fingerprint {
            key: u64::from_le_bytes(key),
            sketch,
        }
    }

    /// How many sketch slots hold a value.
    fn filled(&self) -> usize {
        self.sketch.iter().take_while(|&&v| v != EMPTY).count()
    }
}

/// Reused buffers: fingerprinting a paragraph allocates nothing once they have grown.
#[derive(Default)]
pub struct Scratch {
    words: Words,
    /// The paragraph's shingle values, sorted, distinct.
    values: Vec<u32>,
    tally: Vec<(u32, u32)>,
}

/// One pass over `text`: its fingerprint and word count; `scratch.values` then holds all of its
/// shingle values (empty past the comparison caps).
#[inline(never)]
pub fn fingerprint_with(text: &str, scratch: &mut Scratch) -> (Fingerprint, usize) {
    scratch.words.hashes.clear();
    scratch.words.flags.clear();
    scratch.values.clear();
    let scan = tokens::scan(text, &mut scratch.words);
    if scan.kept {
        let hashes = &scratch.words.hashes;
        scratch.values.extend(hashes.windows(2).map(|w| {
            // the top 24 bits of the shingle hash; the empty marker is never a value
            ((pair(w[0], w[1]) >> 40) as u32).min(EMPTY - 1)
        }));
        sort_by(&mut scratch.values, |a, b| a < b);
        scratch.values.dedup();
    }
    let mut sketch = [EMPTY; SKETCH];
    for (slot, &v) in sketch.iter_mut().zip(&scratch.values) {
        *slot = v;
    }
    (
        Fingerprint {
            key: scan.key,
            sketch,
        },
        scan.words,
    )
}

/// The fingerprint of one paragraph.
pub fn fingerprint(text: &str) -> Fingerprint {
    fingerprint_with(text, &mut Scratch::default()).0
}

/// Whether a paragraph of `words` words is worth remembering and matching: the same bound as a
/// repeat that stands alone (`minWords`); shorter lines are structure ("Read more", a byline).
pub fn rememberable(words: usize, min_words: usize) -> bool {
    words >= min_words.max(2)
}

/// Where and when remembered paragraphs were read: one page visit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    /// The value of `data-verbatim-read` for what was read there (the site and the time).
    pub read: String,
    /// How a toggle names the place and time ("yesterday on example.com"), in the reader's language.
    pub place: String,
    /// Identifiers of the page (hashes of its URL and canonical URL, as the caller makes them).
    pub pages: Vec<String>,
}

/// The toggle's words, in the reader's language: `one` and `many` hold `{n}` (the count) and
/// `{where}` (the source's [`Source::place`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Labels {
    pub one: String,
    pub many: String,
    pub show: String,
    pub hide: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            one: "1 paragraph you read {where}".into(),
            many: "{n} paragraphs you read {where}".into(),
            show: "show".into(),
            hide: "hide".into(),
        }
    }
}

impl Labels {
    /// The toggle text of a run of `count` paragraphs read at `place`.
    pub fn toggle(&self, count: usize, place: &str, count_text: &str, expanded: bool) -> String {
        let template = if count == 1 { &self.one } else { &self.many };
        let action = if expanded { &self.hide } else { &self.show };
        let mut out = fill(template, count_text, place);
        out.push_str(" · ");
        out.push_str(action);
        out
    }
}

/// `template` with `{n}` and `{where}` filled in (a plain scan: `str::replace` would bring the
/// standard library's substring search into the module).
fn fill(template: &str, n: &str, place: &str) -> String {
    let mut out = String::with_capacity(template.len() + place.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        if let Some(after) = after.strip_prefix("n}") {
            out.push_str(n);
            rest = after;
        } else if let Some(after) = after.strip_prefix("where}") {
            out.push_str(place);
            rest = after;
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A paragraph found in the set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    /// The remembered paragraph (its position in the set).
    pub entry: usize,
    pub source: usize,
    pub kind: RepeatKind,
    /// 1 for exact copies; for the others the sketch's estimate of the share of the paragraph read.
    pub similarity: f64,
    /// Read on this very page: reported, never hidden.
    pub here: bool,
}

/// Remembered paragraphs, indexed for look-up.
#[derive(Default)]
pub struct ReadSet {
    fingerprints: Vec<Fingerprint>,
    /// Source of each entry.
    source_of: Vec<u32>,
    sources: Vec<Source>,
    /// Per source: read on the page being matched.
    here: Vec<bool>,
    pub labels: Labels,
    /// Entries by the top 16 bits of their exact key.
    keys: Buckets,
    /// Sketch values by their top 16 bits: `low 8 bits << 24 | entry`.
    values: Buckets,
}

/// A bucketed index: the items of bucket `b` are `items[starts[b]..starts[b + 1]]`. Built by one
/// counting pass, so a set of a hundred thousand paragraphs is indexed in linear time, and a
/// look-up reads one bucket (a few items on average) instead of searching a sorted list.
#[derive(Default)]
struct Buckets {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Buckets {
    /// The index of `(bucket, item)` pairs. Plain loops over a slice: an iterator chain walked
    /// twice measured ten times slower here (at `opt-level = "z"`).
    fn new(pairs: &[(u16, u32)]) -> Buckets {
        let mut starts = vec![0u32; (1 << 16) + 1];
        for &(b, _) in pairs {
            starts[usize::from(b) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut items = vec![0u32; pairs.len()];
        for &(b, item) in pairs {
            let slot = &mut fill[usize::from(b)];
            if let Some(to) = items.get_mut(*slot as usize) {
                *to = item;
            }
            *slot += 1;
        }
        Buckets { starts, items }
    }

    fn bucket(&self, b: u16) -> &[u32] {
        let at = usize::from(b);
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&from), Some(&to)) => self.items.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Entries a set can hold (an entry number shares a `u32` with 8 bits of a sketch value).
pub const MAX_ENTRIES: usize = 1 << 24;

impl ReadSet {
    /// A set from packed fingerprints ([`BYTES`] each, in source order), the number of entries of
    /// each source, the sources, and the identifiers of the page being matched (`here`).
    pub fn new(
        bytes: &[u8],
        counts: &[usize],
        sources: Vec<Source>,
        here: &[String],
        labels: Labels,
    ) -> ReadSet {
        let n = (bytes.len() / BYTES).min(MAX_ENTRIES);
        let fingerprints: Vec<Fingerprint> = bytes
            .chunks_exact(BYTES)
            .take(n)
            .map(Fingerprint::from_bytes)
            .collect();
        let mut source_of = Vec::with_capacity(n);
        for (s, &count) in counts.iter().enumerate().take(sources.len()) {
            let left = n - source_of.len();
            source_of.extend(std::iter::repeat(s as u32).take(count.min(left)));
        }
        // entries past the counts are dropped rather than given a source they do not have
        let mut fingerprints = fingerprints;
        fingerprints.truncate(source_of.len());
        let here_flags = sources
            .iter()
            .map(|s| s.pages.iter().any(|p| !p.is_empty() && here.contains(p)))
            .collect();
        let mut pairs: Vec<(u16, u32)> = Vec::with_capacity(fingerprints.len() * SKETCH);
        for (e, f) in fingerprints.iter().enumerate() {
            pairs.push(((f.key >> 48) as u16, e as u32));
        }
        let keys = Buckets::new(&pairs);
        pairs.clear();
        for (e, f) in fingerprints.iter().enumerate() {
            for &v in &f.sketch {
                if v == EMPTY {
                    break;
                }
                pairs.push(((v >> 8) as u16, (v & 0xFF) << 24 | e as u32));
            }
        }
        let values = Buckets::new(&pairs);
        ReadSet {
            fingerprints,
            source_of,
            sources,
            here: here_flags,
            labels,
            keys,
            values,
        }
    }

    /// Remembered paragraphs in the set.
    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }

    pub fn source(&self, source: usize) -> Option<&Source> {
        self.sources.get(source)
    }

    /// Whether the paragraph just fingerprinted (`fp`, its values in `scratch`) copies a remembered
    /// one, at `similarity` (the option of the same name). Among several, one read elsewhere
    /// wins over one read here, then one from `prefer` (the source of the run it would continue),
    /// then the best estimate, then the most recent source.
    pub fn find(
        &self,
        fp: &Fingerprint,
        scratch: &mut Scratch,
        similarity: f64,
        prefer: Option<usize>,
    ) -> Option<Match> {
        // whether `m` ranks above `b`
        let above = |m: &Match, b: &Match| {
            if m.here != b.here {
                return !m.here;
            }
            let (pm, pb) = (Some(m.source) == prefer, Some(b.source) == prefer);
            if pm != pb {
                return pm;
            }
            if m.similarity != b.similarity {
                return m.similarity > b.similarity;
            }
            m.source > b.source
        };
        let mut best: Option<Match> = None;
        let consider = |best: &mut Option<Match>, m: Match| {
            if best.map_or(true, |b| above(&m, &b)) {
                *best = Some(m);
            }
        };
        // exact copies
        for &entry in self.keys.bucket((fp.key >> 48) as u16) {
            if self.fingerprints[entry as usize].key == fp.key {
                consider(
                    &mut best,
                    self.matched(entry as usize, RepeatKind::Exact, 1.0),
                );
            }
        }
        if best.is_some_and(|b| !b.here && (prefer.is_none() || Some(b.source) == prefer)) {
            return best;
        }
        // near and contained copies: candidates share sketch values with the paragraph
        let values = &scratch.values;
        let tally = &mut scratch.tally;
        tally.clear();
        for &v in values.iter() {
            let bucket = self.values.bucket((v >> 8) as u16);
            let low = v & 0xFF;
            let postings = bucket.iter().filter(|&&item| item >> 24 == low);
            if postings.clone().count() > MAX_POSTINGS {
                continue;
            }
            for entry in postings.map(|&item| item & 0xFF_FFFF) {
                if let Some(t) = tally.iter_mut().find(|(e, _)| *e == entry) {
                    t.1 += 1;
                } else if tally.len() < 4 * MAX_CANDIDATES {
                    tally.push((entry, 1));
                }
            }
        }
        sort_by(tally, |a, b| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0));
        let threshold = (similarity - SLACK).clamp(0.5, 1.0);
        for &(entry, _) in tally.iter().take(MAX_CANDIDATES) {
            let theirs = &self.fingerprints[entry as usize];
            let filled = theirs.filled();
            let sketch = &theirs.sketch[..filled];
            let hits = sketch
                .iter()
                .filter(|v| values.binary_search(v).is_ok())
                .count();
            if hits < MIN_HITS.min(filled).max(2) {
                continue;
            }
            // Every value of the paragraph at or below the sketch's largest would be in the sketch
            // if the paragraph were a copy: the share found estimates how much of it was read.
            let limit = if filled < SKETCH {
                u32::MAX
            } else {
                sketch[filled - 1]
            };
            let sampled = values.partition_point(|&v| v <= limit);
            let share = hits as f64 / sampled.max(1) as f64;
            if share < threshold {
                continue;
            }
            let cover = hits as f64 / filled as f64;
            // Most of the read paragraph is here too: a near copy. Otherwise this is at most a part
            // of it, and then every sample must be a hit: a paragraph that continues a read one
            // with new text (an update adding a sentence) shows some of its new words below the
            // limit, and it is news, so it stays.
            let (kind, estimate) = if cover >= threshold {
                (RepeatKind::Near, (share + cover) / 2.0)
            } else if hits == sampled
                && hits >= CONTAINED_HITS
                && sampled as f64 >= CONTAINED_SAMPLES * expected(values.len(), limit)
            {
                (RepeatKind::Contained, share)
            } else {
                continue;
            };
            consider(&mut best, self.matched(entry as usize, kind, estimate));
        }
        best
    }

    fn matched(&self, entry: usize, kind: RepeatKind, similarity: f64) -> Match {
        let source = self.source_of[entry] as usize;
        Match {
            entry,
            source,
            kind,
            similarity,
            here: self.here.get(source).copied().unwrap_or(false),
        }
    }
}

/// How many of `n` uniformly spread shingle values fall at or below `limit`, on average.
fn expected(n: usize, limit: u32) -> f64 {
    n as f64 * (f64::from(limit) + 1.0) / f64::from(EMPTY + 1)
}

/// Which of `paragraphs` copy something in `set` (for embedders: no runs, nothing hidden): one
/// [`Match`] per matching paragraph of `min_words` words or more, with its index.
pub fn match_paragraphs<S: AsRef<str>>(
    paragraphs: &[S],
    set: &ReadSet,
    min_words: usize,
    similarity: f64,
) -> Vec<(usize, Match)> {
    let mut scratch = Scratch::default();
    paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let (fp, words) = fingerprint_with(p.as_ref(), &mut scratch);
            if !rememberable(words, min_words) {
                return None;
            }
            set.find(&fp, &mut scratch, similarity, None)
                .map(|m| (i, m))
        })
        .collect()
}

/// The analyzer's reading memory: the set, and where the last run of read paragraphs stands.
pub struct Reading {
    pub set: Rc<ReadSet>,
    scratch: Scratch,
    /// The last paragraph hidden as read: (index, run, source).
    last: Option<(usize, usize, usize)>,
    /// The last paragraph of `min_words` or more that stays visible.
    last_visible: Option<usize>,
}

impl Reading {
    pub fn new(set: Rc<ReadSet>) -> Self {
        Reading {
            set,
            scratch: Scratch::default(),
            last: None,
            last_visible: None,
        }
    }

    /// Judges the paragraphs `new` of `all` that the page does not already hide (`hidden`, which it
    /// updates): returns what was read before, in page order. A read paragraph continues the run of
    /// the previous one when it comes from the same source, at most [`MAX_GAP`] paragraphs later,
    /// with no visible paragraph of `min_words` or more in between.
    pub fn judge(
        &mut self,
        all: &[String],
        new: Range<usize>,
        hidden: &mut [bool],
        min_words: usize,
        similarity: f64,
    ) -> Vec<Read> {
        let mut out = Vec::new();
        for i in new {
            if hidden.get(i).copied().unwrap_or(true) {
                continue;
            }
            let (fp, words) = fingerprint_with(&all[i], &mut self.scratch);
            if !rememberable(words, min_words) {
                continue;
            }
            let prefer = self.last.map(|l| l.2);
            let found = self.set.find(&fp, &mut self.scratch, similarity, prefer);
            let Some(m) = found.filter(|m| !m.here) else {
                self.last_visible = Some(i);
                if let Some(m) = found {
                    out.push(read(i, &m, i, false));
                }
                continue;
            };
            let run = match self.last {
                Some((j, run, source))
                    if source == m.source
                        && i - j <= MAX_GAP + 1
                        && self.last_visible.map_or(true, |v| v < j) =>
                {
                    run
                }
                _ => i,
            };
            self.last = Some((i, run, m.source));
            hidden[i] = true;
            out.push(read(i, &m, run, true));
        }
        out
    }
}

fn read(index: usize, m: &Match, run: usize, hidden: bool) -> Read {
    Read {
        index,
        kind: m.kind,
        similarity: m.similarity,
        run,
        source: m.source,
        hidden,
    }
}

#[cfg(test)]
mod tests;
