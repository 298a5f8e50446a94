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
//! [`ReadSet`] holds the remembered fingerprints of many pages as a [`Layout`]: one array of words,
//! indexed for look-up, that is built once per change of the store ([`pack`]; the extension's
//! background does it in JavaScript) and used as it is, so a page never builds an index. Matching
//! one paragraph costs one pass over the words the repeats engine already read plus one small
//! bucket for each of its [`LOOKUPS`] smallest shingle values, whatever the size of the set, and
//! nothing at all when no set is given (the analyzer holds `None`).
//!
//! [`Reading`] is the analyzer's part: for each new paragraph that the page itself does not hide, is
//! it a copy of something read elsewhere, and which run of read paragraphs does it join (one toggle
//! per run, as for repeats). Paragraphs read on this very page (same URL or canonical URL) are
//! reported but never hidden: coming back to a story shows all of it.

use std::ops::Range;
use std::rc::Rc;

use super::repeats::tokens::{self, pair, Words};
use super::repeats::{RepeatFinder, MAX_GAP};
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
    /// The paragraph's [`LOOKUPS`] smallest distinct shingle values, ascending.
    values: Vec<u32>,
    /// How many shingles the paragraph has.
    shingles: usize,
    tally: Vec<(u32, u32)>,
}

/// One pass over `text`: its fingerprint and word count; `scratch.values` then holds its smallest
/// shingle values (none past the comparison caps).
#[inline(never)]
pub fn fingerprint_with(text: &str, scratch: &mut Scratch) -> (Fingerprint, usize) {
    scratch.words.hashes.clear();
    scratch.words.flags.clear();
    let scan = tokens::scan(text, &mut scratch.words);
    let hashes = std::mem::take(&mut scratch.words.hashes);
    let fp = fingerprint_of_words(scan.key, scan.kept.then_some(&hashes[..]), scratch);
    scratch.words.hashes = hashes;
    (fp, scan.words)
}

/// The fingerprint of a paragraph already scanned (its exact key and its word hashes, `None` past
/// the caps), as [`fingerprint_with`] gives it; `scratch.values` then holds its [`LOOKUPS`]
/// smallest shingle values. One pass with no sort: a value above the smallest kept so far costs
/// one comparison. The analyzer passes the words the repeats engine read, so a look-up never reads
/// the text again.
pub fn fingerprint_of_words(
    key: u64,
    hashes: Option<&[u32]>,
    scratch: &mut Scratch,
) -> Fingerprint {
    let values = &mut scratch.values;
    values.clear();
    let hashes = hashes.unwrap_or(&[]);
    scratch.shingles = hashes.len().saturating_sub(1);
    for w in hashes.windows(2) {
        // the top 24 bits of the shingle hash; the empty marker is never a value
        let v = ((pair(w[0], w[1]) >> 40) as u32).min(EMPTY - 1);
        if values.len() == LOOKUPS && values.last().is_some_and(|&last| v >= last) {
            continue;
        }
        let at = values.partition_point(|&x| x < v);
        if values.get(at) != Some(&v) {
            values.truncate(LOOKUPS - 1);
            values.insert(at.min(values.len()), v);
        }
    }
    let mut sketch = [EMPTY; SKETCH];
    for (slot, &v) in sketch.iter_mut().zip(&scratch.values) {
        *slot = v;
    }
    Fingerprint { key, sketch }
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

/// Where and when the paragraphs of one source were read, as a [`ReadSet`] holds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourceRef<'a> {
    /// See [`Source::read`].
    pub read: &'a str,
    /// See [`Source::place`].
    pub place: &'a str,
}

/// One line per source, kept as the one string it arrives in (no allocation per source: a memory
/// of a hundred thousand paragraphs comes from thousands of page visits).
#[derive(Default)]
struct Lines {
    text: String,
    /// Where each line ends.
    ends: Vec<u32>,
}

impl Lines {
    fn new(text: String) -> Lines {
        let mut ends = Vec::new();
        let mut end = 0;
        for line in text.split('\n') {
            end += line.len();
            ends.push(end as u32);
            end += 1;
        }
        Lines { text, ends }
    }

    /// Line `i`; empty past the last.
    fn get(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(before) => self
                .ends
                .get(before)
                .map_or(usize::MAX, |&e| e as usize + 1),
            None => 0,
        };
        let end = self.ends.get(i).map_or(0, |&e| e as usize);
        self.text.get(start..end).unwrap_or("")
    }
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

/// Remembered paragraphs, indexed for look-up: a [`Layout`] and the sources' names.
#[derive(Default)]
pub struct ReadSet {
    layout: Layout,
    /// Per source, its [`Source::read`] and its [`Source::place`].
    reads: Lines,
    places: Lines,
    /// Per source: read on the page being matched.
    here: Vec<bool>,
    pub labels: Labels,
}

/// The first word of a [`Layout`]: "VRM1" in little-endian bytes.
pub const MAGIC: u32 = u32::from_le_bytes(*b"VRM1");
/// Exact keys are bucketed by their top bits: this many.
const KEY_BITS: u32 = 14;
/// Sketch values are bucketed by their low 16 bits (spread evenly, unlike the top bits of the
/// smallest values); a posting keeps the top 8 bits beside the entry.
const VALUE_BITS: u32 = 16;
/// Sketch values looked up per paragraph: a copy's hits all lie among the paragraph's smallest
/// values (its share of values at or below the sketch's largest is at least one half, so at most
/// `2 * SKETCH` of them are sampled); one more tells that more were sampled.
pub const LOOKUPS: usize = 2 * SKETCH + 1;

/// The index of a reading memory as one array of `u32`, usable as it is: the extension's
/// background builds it once per change of its store (`extension/memory-pack.js`, the same
/// layout as [`pack`]) and the page's module reads it without building anything. In order:
///
/// - `MAGIC`, `n` entries, `s` sources;
/// - `ends`: `s` words, the number of entries up to and including each source (sources in order);
/// - `keys`: `2n` words, each entry's exact key (low word first);
/// - `meta`: `n` words, each entry's largest sketch value, and its number of sketch values `<< 24`;
/// - key buckets: `2^14 + 1` starts, then `n` entries, by the top 14 bits of the key;
/// - value buckets: `2^16 + 1` starts, then one posting per sketch value (`top 8 bits << 24 |
///   entry`), by the low 16 bits of the value.
///
/// A layout whose sizes do not add up reads as empty; every read is checked, so no input panics.
#[derive(Default)]
pub struct Layout {
    words: Vec<u32>,
    n: usize,
    s: usize,
    ends: usize,
    keys: usize,
    meta: usize,
    key_starts: usize,
    value_starts: usize,
}

impl Layout {
    /// Reads a layout (see [`Layout`]); one that is not whole is empty.
    pub fn new(words: Vec<u32>) -> Layout {
        match Layout::sections(&words) {
            Some([n, s, ends, keys, meta, key_starts, value_starts]) => Layout {
                words,
                n,
                s,
                ends,
                keys,
                meta,
                key_starts,
                value_starts,
            },
            None => Layout::default(),
        }
    }

    /// The sizes and where the sections start, if `words` are a whole layout.
    fn sections(words: &[u32]) -> Option<[usize; 7]> {
        let word = |i: usize| words.get(i).map(|&w| w as usize);
        if word(0)? != MAGIC as usize {
            return None;
        }
        let (n, s) = (word(1)?, word(2)?);
        if n > MAX_ENTRIES || s > MAX_ENTRIES {
            return None;
        }
        let ends = 3;
        let keys = ends + s;
        let meta = keys + 2 * n;
        let key_starts = meta + n;
        let value_starts = key_starts + (1 << KEY_BITS) + 1 + n;
        let postings = word(value_starts + (1 << VALUE_BITS))?;
        if words.len() != value_starts + (1 << VALUE_BITS) + 1 + postings {
            return None;
        }
        Some([n, s, ends, keys, meta, key_starts, value_starts])
    }

    /// The number of sources (page visits) it holds entries of.
    pub fn sources(&self) -> usize {
        self.s
    }

    fn word(&self, i: usize) -> u32 {
        self.words.get(i).copied().unwrap_or(0)
    }

    fn key(&self, entry: usize) -> u64 {
        let at = self.keys + 2 * entry;
        u64::from(self.word(at)) | u64::from(self.word(at + 1)) << 32
    }

    /// An entry's sketch size and largest value.
    fn meta(&self, entry: usize) -> (usize, u32) {
        let m = self.word(self.meta + entry);
        ((m >> 24) as usize, m & 0xFF_FFFF)
    }

    /// The source an entry was read at: the first whose end is past it (a binary search).
    fn source_of(&self, entry: usize) -> usize {
        let (mut lo, mut hi) = (0, self.s);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(self.ends + mid) as usize <= entry {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Bucket `b` of the table whose starts are at `starts` (`buckets` of them).
    fn bucket(&self, starts: usize, buckets: usize, b: usize) -> &[u32] {
        if self.n == 0 {
            return &[];
        }
        let items = starts + buckets + 1;
        let (from, to) = (
            self.word(starts + b) as usize,
            self.word(starts + b + 1) as usize,
        );
        self.words.get(items + from..items + to).unwrap_or(&[])
    }

    fn key_bucket(&self, key: u64) -> &[u32] {
        self.bucket(
            self.key_starts,
            1 << KEY_BITS,
            (key >> (64 - KEY_BITS)) as usize,
        )
    }

    fn value_bucket(&self, v: u32) -> &[u32] {
        let b = (v & ((1 << VALUE_BITS) - 1)) as usize;
        self.bucket(self.value_starts, 1 << VALUE_BITS, b)
    }
}

/// The [`Layout`] (its words) of packed fingerprints ([`BYTES`] each, in source order), `counts[i]` of them
/// read at source `i`: linear (counting sorts). Fingerprints past the counts are dropped.
pub fn pack(bytes: &[u8], counts: &[usize]) -> Vec<u32> {
    let total = (bytes.len() / BYTES).min(MAX_ENTRIES);
    let s = counts.len().min(MAX_ENTRIES);
    let mut ends = Vec::with_capacity(s);
    let mut n = 0usize;
    for &count in &counts[..s] {
        n = n.saturating_add(count).min(total);
        ends.push(n as u32);
    }
    let fingerprints: Vec<Fingerprint> = bytes
        .chunks_exact(BYTES)
        .take(n)
        .map(Fingerprint::from_bytes)
        .collect();
    let mut out = vec![MAGIC, n as u32, s as u32];
    out.extend_from_slice(&ends);
    for f in &fingerprints {
        out.extend_from_slice(&[f.key as u32, (f.key >> 32) as u32]);
    }
    for f in &fingerprints {
        let filled = f.filled();
        let largest = if filled == 0 { 0 } else { f.sketch[filled - 1] };
        out.push(largest | (filled as u32) << 24);
    }
    let mut pairs: Vec<(u32, u32)> = fingerprints
        .iter()
        .enumerate()
        .map(|(e, f)| ((f.key >> (64 - KEY_BITS)) as u32, e as u32))
        .collect();
    buckets(&mut out, 1 << KEY_BITS, &pairs);
    pairs.clear();
    for (e, f) in fingerprints.iter().enumerate() {
        for &v in &f.sketch[..f.filled()] {
            pairs.push((
                v & ((1 << VALUE_BITS) - 1),
                (v >> VALUE_BITS) << 24 | e as u32,
            ));
        }
    }
    buckets(&mut out, 1 << VALUE_BITS, &pairs);
    out
}

/// Appends a bucketed table of `(bucket, item)` pairs: `count + 1` starts, then the items by
/// bucket, in their order within one (one counting pass). Plain loops over a slice: an iterator
/// chain walked twice measured ten times slower here (at `opt-level = "z"`).
fn buckets(out: &mut Vec<u32>, count: usize, pairs: &[(u32, u32)]) {
    let starts = out.len();
    out.resize(starts + count + 1, 0);
    for &(b, _) in pairs {
        if let Some(c) = out.get_mut(starts + 1 + b as usize) {
            *c += 1;
        }
    }
    for i in starts + 1..starts + count + 1 {
        out[i] += out[i - 1];
    }
    let mut fill: Vec<u32> = out[starts..starts + count].to_vec();
    let items = out.len();
    out.resize(items + pairs.len(), 0);
    for &(b, item) in pairs {
        if let Some(slot) = fill.get_mut(b as usize) {
            if let Some(to) = out.get_mut(items + *slot as usize) {
                *to = item;
            }
            *slot += 1;
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
        let counts = &counts[..counts.len().min(sources.len())];
        ReadSet::from_layout(Layout::new(pack(bytes, counts)), sources, here, labels)
    }

    /// A set from a prebuilt [`Layout`] and its sources (one per source of the layout; missing
    /// ones are unnamed).
    pub fn from_layout(
        layout: Layout,
        sources: Vec<Source>,
        here: &[String],
        labels: Labels,
    ) -> ReadSet {
        let here: Vec<bool> = sources
            .iter()
            .map(|s| s.pages.iter().any(|p| !p.is_empty() && here.contains(p)))
            .collect();
        let lines = |field: fn(&Source) -> &str| {
            let parts: Vec<&str> = sources.iter().map(field).collect();
            crate::text::join(&parts, "\n")
        };
        ReadSet::with_lines(
            layout,
            lines(|s| &s.read),
            lines(|s| &s.place),
            here,
            labels,
        )
    }

    /// A set from a prebuilt [`Layout`], its sources' [`Source::read`] and [`Source::place`] one
    /// line each, and which sources were read on the page being matched.
    pub fn with_lines(
        layout: Layout,
        reads: String,
        places: String,
        here: Vec<bool>,
        labels: Labels,
    ) -> ReadSet {
        ReadSet {
            layout,
            reads: Lines::new(reads),
            places: Lines::new(places),
            here,
            labels,
        }
    }

    /// Remembered paragraphs in the set.
    pub fn len(&self) -> usize {
        self.layout.n
    }

    pub fn is_empty(&self) -> bool {
        self.layout.n == 0
    }

    pub fn source(&self, source: usize) -> Option<SourceRef<'_>> {
        (source < self.layout.s).then(|| SourceRef {
            read: self.reads.get(source),
            place: self.places.get(source),
        })
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
        let layout = &self.layout;
        // exact copies
        for &entry in layout.key_bucket(fp.key) {
            if layout.key(entry as usize) == fp.key {
                consider(
                    &mut best,
                    self.matched(entry as usize, RepeatKind::Exact, 1.0),
                );
            }
        }
        if best.is_some_and(|b| !b.here && (prefer.is_none() || Some(b.source) == prefer)) {
            return best;
        }
        // near and contained copies: candidates share sketch values with the paragraph's
        // smallest; values too common to be evidence only add to candidates found otherwise
        let values = &scratch.values;
        let tally = &mut scratch.tally;
        tally.clear();
        let lookups = &values[..values.len().min(LOOKUPS)];
        let mut common = [false; LOOKUPS];
        for pass in 0..2 {
            for (i, &v) in lookups.iter().enumerate() {
                let top = v >> VALUE_BITS;
                let postings = layout
                    .value_bucket(v)
                    .iter()
                    .filter(|&&item| item >> 24 == top);
                if pass == 0 {
                    common[i] = postings.clone().count() > MAX_POSTINGS;
                }
                if common[i] != (pass == 1) {
                    continue;
                }
                for entry in postings.map(|&item| item & 0xFF_FFFF) {
                    if let Some(t) = tally.iter_mut().find(|(e, _)| *e == entry) {
                        t.1 += 1;
                    } else if pass == 0 && tally.len() < 4 * MAX_CANDIDATES {
                        tally.push((entry, 1));
                    }
                }
            }
        }
        sort_by(tally, |a, b| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0));
        let threshold = (similarity - SLACK).clamp(0.5, 1.0);
        for &(entry, hits) in tally.iter().take(MAX_CANDIDATES) {
            let (filled, largest) = layout.meta(entry as usize);
            let hits = hits as usize;
            if filled == 0 || hits < MIN_HITS.min(filled).max(2) {
                continue;
            }
            // Every value of the paragraph at or below the sketch's largest would be in the sketch
            // if the paragraph were a copy: the share found estimates how much of it was read.
            let limit = if filled < SKETCH { u32::MAX } else { largest };
            let sampled = values.partition_point(|&v| v <= limit);
            if sampled == LOOKUPS {
                continue; // more than twice the sketch sampled: less than half of it is a copy
            }
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
                // (the paragraph's size in shingles, a word pair that recurs counted each time)
                && sampled as f64 >= CONTAINED_SAMPLES * expected(scratch.shingles, limit)
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
        let source = self.layout.source_of(entry);
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
        repeats: &RepeatFinder,
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
            let Some((key, words, hashes)) = repeats.scanned(i) else {
                continue;
            };
            if !rememberable(words, min_words) {
                continue;
            }
            let fp = fingerprint_of_words(key, hashes, &mut self.scratch);
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
