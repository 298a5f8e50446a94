//! How the word lists of the cue grammars ([`super::lang`]) are stored and looked up.
//!
//! Every list is its words in one string, each ended by a newline, with a small hash table of
//! their byte offsets built at compile time ([`Words`]): no pointer per word (a `&str` costs 8
//! bytes in the WebAssembly build, more than most words), and a lookup costs one hash and about one
//! comparison. Lists are written sorted (`tests::lists_are_sorted_and_found` keeps the order
//! honest) so that a reader finds a word and a duplicate shows. Verbs are listed in all their forms
//! (said, says, saying, say) rather than stemmed: stemming rules mis-fire on names ("Reed") and
//! cost more code than the list costs bytes.
//!
//! A general compile-time map crate (`phf`) was considered: it stores a `&str` per entry plus its
//! displacement table and links a SipHash, all larger than this table.

/// A word list: the words, each followed by `\n`, and an open-addressing table at most
/// half full that maps a word's [`hash`] to its byte offset plus one (0: empty).
pub struct Words {
    pub(crate) text: &'static str,
    pub(crate) slots: &'static [u16],
}

/// FNV-1a over `b[from..to]`.
pub(crate) const fn hash(b: &[u8], from: usize, to: usize) -> u32 {
    let mut h = 0x811c_9dc5_u32;
    let mut i = from;
    while i < to {
        h = (h ^ b[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// The number of words in a list's text.
pub(crate) const fn count(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The table size for `n` words: half left free, so that a word not in the list (most lookups)
/// meets an empty slot after two or three probes (at three-quarters full it took about eight).
pub(crate) const fn size(n: usize) -> usize {
    2 * n + 1
}

/// The hash table of a list's text (an offset must fit a `u16`: a list is at most 64 KB).
pub(crate) const fn slots<const N: usize>(text: &str) -> [u16; N] {
    assert!(text.len() < u16::MAX as usize);
    let b = text.as_bytes();
    let mut t = [0u16; N];
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            let mut s = hash(b, start, i) as usize % N;
            while t[s] != 0 {
                s = (s + 1) % N;
            }
            t[s] = (start + 1) as u16;
            start = i + 1;
        }
        i += 1;
    }
    t
}

/// A [`Words`] list built at compile time from string literals.
macro_rules! words {
    ($($w:literal),* $(,)?) => {{
        use $crate::text::quotes::lexicon as lx;
        const TEXT: &str = concat!($($w, "\n"),*);
        const N: usize = lx::size(lx::count(TEXT));
        &lx::Words { text: TEXT, slots: &lx::slots::<N>(TEXT) }
    }};
}
pub(crate) use words;

/// Whether `word` (lower case) is in `list`.
pub fn contains(list: &Words, word: &str) -> bool {
    contains_hashed(list, word, hash(word.as_bytes(), 0, word.len()))
}

/// [`contains`] for a word whose [`hash`] is known (one word looked up in several lists).
pub fn contains_hashed(list: &Words, word: &str, hash: u32) -> bool {
    let w = word.as_bytes();
    let text = list.text.as_bytes();
    let n = list.slots.len();
    let mut s = hash as usize % n;
    loop {
        match list.slots[s] {
            0 => return false,
            o => {
                let at = usize::from(o) - 1;
                let end = at + w.len();
                // the word's end first: most probes fail there, before comparing any bytes
                if text.get(end) == Some(&b'\n') && text.get(at..end) == Some(w) {
                    return true;
                }
                s = (s + 1) % n;
            }
        }
    }
}

/// A word in lower case: on the stack when it is short ASCII (nearly every word), else a String.
pub enum Lower {
    Short([u8; 24], u8),
    Long(String),
}

impl Lower {
    pub fn new(w: &str) -> Lower {
        if w.len() <= 24 && w.is_ascii() {
            let mut b = [0u8; 24];
            for (d, s) in b.iter_mut().zip(w.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            Lower::Short(b, w.len() as u8)
        } else {
            Lower::Long(crate::text::case::lower_str(w))
        }
    }
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Short(b, n) => std::str::from_utf8(&b[..usize::from(*n)]).unwrap_or_default(),
            Lower::Long(s) => s,
        }
    }
}

impl std::ops::Deref for Lower {
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
                let words: Vec<&str> = list.text.lines().collect();
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
