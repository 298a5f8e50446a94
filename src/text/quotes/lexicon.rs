//! How the word lists of the cue grammars ([`super::lang`]) are stored and looked up.
//!
//! Every list is its words in one string, sorted, each ended by a newline ([`Words`]), built at
//! compile time: no pointer per word (a `&str` costs 8 bytes in the WebAssembly build, more than
//! most words). Most lookups are of words not in the list; one Bloom filter of (list, word) pairs,
//! filled at run time with a list's words on its first look-up ([`may_hold`]), turns all but about
//! 1 in 150 of them away after two bit tests, and the rest are remembered answers
//! ([`remembered`]) or a binary search over the text itself, each probe finding its line by the
//! newlines. Lists are
//! written sorted (a test, `tests::lists_are_sorted_and_found`, keeps the order honest, which the
//! search relies on), so that a reader also finds a word and a duplicate shows.
//! Verbs are listed in all their forms (said, says, saying, say) rather than stemmed: stemming
//! rules mis-fire on names ("Reed") and cost more code than the list costs bytes.
//!
//! Measured against the alternatives (`npm run build`, `cargo bench --bench analyze`, callgrind
//! over PolNeAR): a hash table of u16 offsets per list, half full for speed, cost about 11 KB of the
//! `.wasm` for 2,800 words; Bloom filters of 7 bits a word built at compile time and carried in the
//! module, 2.2 KB gzip (random bits do not compress) for 8% more instructions than the filter built
//! at run time, whose bits are in memory only; the binary search behind the memory of look-ups
//! alone, without a filter, a third more instructions. A compile-time map crate (`phf`) stores a
//! `&str` per entry plus its displacement table and links a SipHash, larger than either.

/// A word list: its words in byte order, each followed by `\n`, built at compile time by
/// [`words!`]. One byte string rather than a slice of `&str`: no pointer per word.
pub struct Words {
    pub(crate) bytes: &'static [u8],
}

impl Words {
    /// The words, each followed by `\n` (for the tests of the lists).
    #[cfg(test)]
    pub fn text(&self) -> &'static str {
        std::str::from_utf8(self.bytes).unwrap_or_default()
    }
}

/// A hash of `b[from..to]`, four bytes a step (most words take two or three steps where a
/// byte-wise hash takes six or eight), with a final mix so that every bit of the word moves the
/// slot it picks in the memory of look-ups.
pub(crate) fn hash(b: &[u8], from: usize, to: usize) -> u32 {
    let mut h = 0x811c_9dc5_u32 ^ (to.wrapping_sub(from) as u32);
    // (slice patterns rather than indices: no bounds check per byte)
    let mut rest = b.get(from..to).unwrap_or_default();
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

/// A [`Words`] list built at compile time from string literals (written in byte order).
macro_rules! words {
    ($($w:literal),* $(,)?) => {
        &$crate::text::quotes::lexicon::Words {
            bytes: concat!($($w, "\n"),*).as_bytes(),
        }
    };
}
pub(crate) use words;

/// Whether `word` (lower case) is in `list`.
pub fn contains(list: &Words, word: &str) -> bool {
    // (an empty list, as many of a language's are, before the hash)
    !list.bytes.is_empty() && contains_hashed(list, word, hash_of(word.as_bytes()))
}

/// The [`hash`] of a whole word.
fn hash_of(w: &[u8]) -> u32 {
    hash(w, 0, w.len())
}

/// [`contains`] for a word whose [`hash`] is known (one word looked up in several lists).
pub fn contains_hashed(list: &Words, word: &str, hash: u32) -> bool {
    let text = list.bytes;
    if text.is_empty() {
        // (an empty list's address may be anything, even the key of another question)
        return false;
    }
    let key = text.as_ptr() as usize;
    may_hold(key, text, hash)
        && remembered(key, word.as_bytes(), hash, &|| {
            u8::from(search(text, word.as_bytes()))
        }) != 0
}

/// Bits of the filter of every list's words: 2^16 (8 KB of memory, none in the module).
const FILTER_BITS: u32 = 16;

/// Lists the filter can hold (186 today; a power of two). A list that finds the table full is
/// searched without the filter: slower, never wrong.
const LISTS: usize = 1024;

thread_local! {
    /// One Bloom filter of (list, word) pairs for all lists, filled at run time with a list's words
    /// on the list's first look-up. Most look-ups are of words not in the list; this turns all but
    /// about 1 in 150 of them away after two bit tests (2,756 words in 186 lists today, 2 bits
    /// each in 65,536; at 8,000 words, 1 in 20).
    static FILTER: [std::cell::Cell<u64>; 1 << (FILTER_BITS - 6)] =
        const { [const { std::cell::Cell::new(0) }; 1 << (FILTER_BITS - 6)] };
    /// The lists in [`FILTER`], by the address of their text (open addressing; 0 is free).
    static FILTERED: [std::cell::Cell<usize>; LISTS] =
        const { [const { std::cell::Cell::new(0) }; LISTS] };
}

/// The two bits of [`FILTER`] for a word (by its [`hash`]) in the list at `key`.
fn filter_bits(key: usize, hash: u32) -> (usize, usize) {
    let mut x = hash ^ (key as u32).wrapping_mul(0x9e37_79b1);
    x = (x ^ x >> 15).wrapping_mul(0x85eb_ca6b);
    x = (x ^ x >> 13).wrapping_mul(0xc2b2_ae35);
    x ^= x >> 16;
    let mask = (1 << FILTER_BITS) - 1;
    ((x & mask) as usize, (x >> (32 - FILTER_BITS)) as usize)
}

/// Whether the list `text` (at `key`) may hold the word whose [`hash`] is `hash`: false only when
/// it does not. The list's words enter the filter on its first look-up.
fn may_hold(key: usize, text: &[u8], hash: u32) -> bool {
    let filtered = FILTERED.with(|lists| {
        // (the product's high bits: its low ones depend on the address's low bits alone)
        let first = ((key as u32).wrapping_mul(0x9e37_79b1) >> (32 - LISTS.ilog2())) as usize;
        for at in first..first + LISTS {
            let Some(slot) = lists.get(at % LISTS) else {
                break;
            };
            if slot.get() == key {
                return true;
            }
            if slot.get() == 0 {
                slot.set(key);
                for w in text.split(|&b| b == b'\n') {
                    let (x, y) = filter_bits(key, hash_of(w));
                    FILTER.with(|f| {
                        for bit in [x, y] {
                            if let Some(cell) = f.get(bit / 64) {
                                cell.set(cell.get() | 1 << (bit % 64));
                            }
                        }
                    });
                }
                return true;
            }
        }
        false
    });
    if !filtered {
        return true;
    }
    let (x, y) = filter_bits(key, hash);
    FILTER.with(|f| {
        let set = |bit: usize| {
            f.get(bit / 64)
                .is_some_and(|c| c.get() >> (bit % 64) & 1 == 1)
        };
        set(x) && set(y)
    })
}

/// Slots of the memory of look-ups (a power of two): 4,096 of 28 bytes, 112 KiB of the
/// WebAssembly build's memory (32 bytes a slot natively).
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
    if word.len() > MEMO_WORD {
        return find();
    }
    let at = ((hash ^ (key as u32 >> 2)).wrapping_mul(0x9e37_79b1) >> (32 - MEMO_BITS)) as usize;
    let slot = MEMO.with(|memo| memo.get(at).map(std::cell::Cell::get));
    if let Some(slot) = slot {
        // (the question is built only to be stored: a remembered answer is found without it)
        if slot.key == key && usize::from(slot.len) == word.len() && slot.word.starts_with(word) {
            return slot.answer;
        }
    }
    let mut question = Memo {
        key,
        len: word.len() as u8,
        // (`find` may look up words itself)
        answer: find(),
        word: [0; MEMO_WORD],
    };
    if let Some(w) = question.word.get_mut(..word.len()) {
        w.copy_from_slice(word);
    }
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
            // (a word in lower case already is itself: no allocation, no second pass)
            if w.chars().all(|c| crate::text::case::lower_one(c) == c) {
                Lower::Same(w)
            } else {
                Lower::Owned(crate::text::case::lower_str(w))
            }
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
        assert!(en.is_cue_verb("said"));
        assert!(!en.is_cue_verb("state"));
        const EMPTY: &Words = words![];
        assert!(!contains(EMPTY, "said"));
        assert_eq!(Lower::new("Said").as_str(), "said");
        assert_eq!(Lower::new("Erklärte").as_str(), "erklärte");
        // a word in lower case already, of any script, is borrowed as it stands
        assert!(matches!(Lower::new("erklärte"), Lower::Same("erklärte")));
        assert!(matches!(Lower::new("北朝鮮が"), Lower::Same(_)));
        assert_eq!(Lower::new("ΟΔΟΣ").as_str(), "οδος");
    }

    /// Speech verbs stored as stems have at least [`MIN_STEM`](crate::text::quotes::lang::MIN_STEM)
    /// bytes in every language; English ones make each form the list once wrote out (irregular
    /// and ending-less forms whole) and no noun or other word.
    #[test]
    fn english_stems_make_the_forms_and_no_other_word() {
        for lang in ALL.iter().filter(|l| !l.verb_endings.is_empty()) {
            for stem in lang.cue_verbs.text().lines() {
                assert!(stem.len() >= crate::text::quotes::lang::MIN_STEM, "{stem}");
            }
        }
        let en = ALL[0];
        for w in [
            "announces",
            "argued",
            "arguing",
            "ask",
            "assured",
            "assures",
            "assuring",
            "believed",
            "believes",
            "blogging",
            "boasting",
            "characterise",
            "characterize",
            "charged",
            "chided",
            "citing",
            "conclude",
            "confesses",
            "continued",
            "criticizes",
            "decried",
            "disputing",
            "emailing",
            "explain",
            "feeling",
            "grumble",
            "grumbles",
            "indicate",
            "muse",
            "pleaded",
            "predicts",
            "recite",
            "reckons",
            "relates",
            "remark",
            "responding",
            "responds",
            "reveal",
            "scoff",
            "surmises",
            "theorizes",
            "vents",
            "vowing",
            "whispered",
            "wondered",
            "writes",
            "wrote",
            "yells",
            "said",
            "says",
            "saying",
            "spoke",
            "ruling",
            "writing",
            "felt",
            "point",
        ] {
            assert!(en.is_cue_verb(w), "{w}");
        }
        for w in [
            "rulings", "writings", "sayings", "postings", "spokes", "felts", "sayed", "state",
            "charge", "rule", "not", "answer", "comment", "question", "object", "post", "voice",
            "label", "predict", "worry", "said.",
        ] {
            assert!(!en.is_cue_verb(w), "{w}");
        }
    }
}
