//! How the word lists of the cue grammars ([`super::lang`]) are stored and looked up.
//!
//! Every list is its words in one string, sorted, each ended by a newline, with a Bloom filter of
//! about 7 bits a word beside it when it is long ([`Words`]), both built at compile time: no
//! pointer per word (a `&str` costs 8 bytes in the WebAssembly build, more than most words).
//! Most lookups are of words not in the list; the filter turns about 15 in 16 of them away after
//! one hash and two bit tests, and the rest are a binary search over the text itself, each probe
//! finding its line by the newlines. Lists are written sorted (a test,
//! `tests::lists_are_sorted_and_found`, keeps the order honest, which the search relies on), so
//! that a reader also finds a word and a duplicate shows.
//! Verbs are listed in all their forms (said, says, saying, say) rather than stemmed: stemming
//! rules mis-fire on names ("Reed") and cost more code than the list costs bytes.
//!
//! Measured against the alternatives (`npm run build`, `cargo bench --bench analyze`): a hash table
//! of u16 offsets per list, half full for speed, cost about 11 KB of the `.wasm` for 2,800 words
//! against 3 KB for the filters; the binary search alone, without a filter, made the quotation part
//! of `analyze` twice as slow. A compile-time map crate (`phf`) stores a `&str` per entry plus its
//! displacement table and links a SipHash, larger than either.

/// A word list: one byte string, built at compile time by [`words!`]: the length of its Bloom
/// filter in bytes (two bytes, little-endian), the filter, then the words in byte order, each
/// followed by `\n`. One slice rather than a `&str` and a filter slice: 8 bytes a list fewer in
/// the module (184 lists), whose pointers gzip cannot share.
pub struct Words {
    pub(crate) bytes: &'static [u8],
}

impl Words {
    /// The filter (empty for a short list) and the text.
    fn parts(&self) -> (&'static [u8], &'static [u8]) {
        let (n, rest) = match self.bytes {
            [lo, hi, rest @ ..] => (*lo as usize | (*hi as usize) << 8, rest),
            _ => (0, &[][..]),
        };
        rest.split_at_checked(n).unwrap_or((&[], rest))
    }

    /// The words, each followed by `\n` (for the tests of the lists).
    #[cfg(test)]
    pub fn text(&self) -> &'static str {
        std::str::from_utf8(self.parts().1).unwrap_or_default()
    }
}

/// A hash of `b[from..to]`, four bytes a step (most words take two or three steps where a
/// byte-wise hash takes six or eight), with a final mix so that every bit of the word moves the
/// filter's bits.
pub(crate) const fn hash(b: &[u8], from: usize, to: usize) -> u32 {
    let mut h = 0x811c_9dc5_u32 ^ (to.wrapping_sub(from) as u32);
    // (slice patterns rather than indices: no bounds check per byte)
    let mut rest = b.split_at(to).0.split_at(from).1;
    while let [a, b, c, d, tail @ ..] = rest {
        let w = u32::from_le_bytes([*a, *b, *c, *d]);
        h = (h ^ w).wrapping_mul(0x9e37_79b1).rotate_left(15);
        rest = tail;
    }
    while let [a, tail @ ..] = rest {
        h = (h ^ *a as u32).wrapping_mul(0x9e37_79b1).rotate_left(15);
        rest = tail;
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^ (h >> 13)
}

/// The two filter bits of a word's [`hash`] in a filter of `bits` bits.
/// (Each hash is mapped onto `0..bits` by a multiply and a shift rather than a division: a word
/// is looked up in a dozen lists, and the divisions showed in profiles.)
pub(crate) const fn bits(h: u32, bits: usize) -> (usize, usize) {
    let second = h.wrapping_mul(0x9e37_79b1).rotate_left(15);
    (
        ((h as u64 * bits as u64) >> 32) as usize,
        ((second as u64 * bits as u64) >> 32) as usize,
    )
}

/// Lists shorter than this have no filter: a binary search over them is a few probes, and a
/// filter's bits are random, so gzip cannot shrink them (filters on all 184 lists cost 3.8 KB of
/// the gzipped module; on the 37 lists of 16 words or more, 2.4 KB, for 5% more time in the
/// quotation part of `analyze`).
const FILTERED: usize = 16;

/// The filter's length in bytes for a list's text: 7 bits per word; none for a short list.
const fn filter_len(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            n += 1;
        }
        i += 1;
    }
    if n < FILTERED {
        0
    } else {
        n * 7 / 8 + 1
    }
}

/// The length of a list's [`Words::bytes`].
pub(crate) const fn packed_len(text: &str) -> usize {
    2 + filter_len(text) + text.len()
}

/// A list's [`Words::bytes`]: the filter's length, the Bloom filter of the text's lines, the text.
pub(crate) const fn pack<const L: usize>(text: &str) -> [u8; L] {
    let b = text.as_bytes();
    let n = filter_len(text);
    let mut out = [0u8; L];
    out[0] = n as u8;
    out[1] = (n >> 8) as u8;
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' && n > 0 {
            let (x, y) = bits(hash(b, start, i), n * 8);
            out[2 + x / 8] |= 1 << (x % 8);
            out[2 + y / 8] |= 1 << (y % 8);
            start = i + 1;
        }
        out[2 + n + i] = b[i];
        i += 1;
    }
    out
}

/// A [`Words`] list built at compile time from string literals (written in byte order).
macro_rules! words {
    ($($w:literal),* $(,)?) => {{
        use $crate::text::quotes::lexicon as lx;
        const TEXT: &str = concat!($($w, "\n"),*);
        const BYTES: [u8; lx::packed_len(TEXT)] = lx::pack(TEXT);
        &lx::Words { bytes: &BYTES }
    }};
}
pub(crate) use words;

/// Whether `word` (lower case) is in `list`.
pub fn contains(list: &Words, word: &str) -> bool {
    contains_hashed(list, word, hash(word.as_bytes(), 0, word.len()))
}

/// [`contains`] for a word whose [`hash`] is known (one word looked up in several lists).
pub fn contains_hashed(list: &Words, word: &str, hash: u32) -> bool {
    let (filter, text) = list.parts();
    if !filter.is_empty() {
        let (x, y) = bits(hash, filter.len() * 8);
        let set = |i: usize| filter.get(i / 8).is_some_and(|f| f >> (i % 8) & 1 == 1);
        if !(set(x) && set(y)) {
            return false;
        }
    }
    remembered(text.as_ptr() as usize, word.as_bytes(), hash, &|| {
        u8::from(search(text, word.as_bytes()))
    }) != 0
}

/// Slots of the memory of look-ups (a power of two): 32 KB.
const MEMO_BITS: u32 = 12;

/// The longest word remembered, in bytes.
const MEMO_WORD: usize = 22;

/// One remembered answer: the question (a list, by the address of its text, and a word) and the
/// answer.
#[derive(Clone, Copy)]
struct Memo {
    key: usize,
    len: u8,
    answer: u8,
    word: [u8; MEMO_WORD],
}

/// An empty slot (no list has address 0).
const EMPTY: Memo = Memo {
    key: 0,
    len: 0,
    answer: 0,
    word: [0; MEMO_WORD],
};

thread_local! {
    /// Answers to recent look-ups that the filter could not settle. Text is Zipfian: a few hundred
    /// words make most of it, and the rules ask the same lists about them again and again, on every
    /// page; a binary search costs a few hundred instructions, a remembered answer a few dozen. The
    /// memory keeps the whole question, so it answers exactly as the search would. (All zeros at
    /// first: no bytes in the module.)
    static MEMO: [std::cell::Cell<Memo>; 1 << MEMO_BITS] =
        const { [const { std::cell::Cell::new(EMPTY) }; 1 << MEMO_BITS] };
}

/// The answer of `find` to the question (`key`, `word`), remembered: `key` names what is asked
/// (a list, by its address; never 0), `hash` is the word's [`hash`]. Words longer than
/// [`MEMO_WORD`] bytes are not remembered.
pub(crate) fn remembered(key: usize, word: &[u8], hash: u32, find: &dyn Fn() -> u8) -> u8 {
    let mut question = Memo {
        key,
        len: word.len() as u8,
        answer: 0,
        word: [0; MEMO_WORD],
    };
    match question.word.get_mut(..word.len()) {
        Some(w) => w.copy_from_slice(word),
        None => return find(),
    }
    let at = ((hash ^ (key as u32 >> 2)).wrapping_mul(0x9e37_79b1) >> (32 - MEMO_BITS)) as usize;
    let slot = MEMO.with(|memo| memo.get(at).map(std::cell::Cell::get));
    if let Some(slot) = slot {
        if slot.key == key && slot.len == question.len && slot.word == question.word {
            return slot.answer;
        }
    }
    // (`find` may look up words itself)
    question.answer = find();
    MEMO.with(|memo| memo.get(at).map(|slot| slot.set(question)));
    question.answer
}

/// Binary search for the line `w` in `t`, sorted lines each ended by a newline.
fn search(t: &[u8], w: &[u8]) -> bool {
    // [lo, hi) always covers whole lines: lo is a line's start, hi just past a newline (or 0)
    let (mut lo, mut hi) = (0, t.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = t[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let Some(len) = t[start..hi].iter().position(|&b| b == b'\n') else {
            return false;
        };
        let end = start + len;
        match t[start..end].cmp(w) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// A word in lower case: the word itself when it is lower-case ASCII already (most words of
/// prose), else a String (a capitalised word; a stack buffer instead would need a UTF-8 check on
/// every use, which cost more code than the allocation costs time).
pub enum Lower<'a> {
    Same(&'a str),
    Owned(String),
}

impl Lower<'_> {
    pub fn new(w: &str) -> Lower<'_> {
        if !w.is_ascii() {
            Lower::Owned(crate::text::case::lower_str(w))
        } else if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            Lower::Same(w)
        } else {
            Lower::Owned(w.to_ascii_lowercase())
        }
    }
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Owned(s) => s,
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::super::lang::ALL;
    use super::*;

    #[test]
    fn lists_are_sorted_and_found() {
        for lang in ALL {
            for list in lang.lists() {
                let words: Vec<&str> = list.text().lines().collect();
                for pair in words.windows(2) {
                    assert!(
                        pair[0] < pair[1],
                        "{}: {} before {}",
                        lang.code,
                        pair[0],
                        pair[1]
                    );
                }
                for w in &words {
                    assert!(contains(list, w), "{}: {w}", lang.code);
                    assert!(!contains(list, &format!("{w}\u{1}")), "{w}");
                }
            }
        }
        let en = ALL[0];
        assert!(contains(en.cue_verbs, "said"));
        assert!(!contains(en.cue_verbs, "state"));
        const EMPTY: &Words = words![];
        assert!(!contains(EMPTY, "said"));
        assert_eq!(Lower::new("Said").as_str(), "said");
        assert_eq!(Lower::new("Erklärte").as_str(), "erklärte");
    }
}
