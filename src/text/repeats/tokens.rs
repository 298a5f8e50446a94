//! What a paragraph is made of for comparison: its exact key, its words and its shingles.
//!
//! Two copies are compared through cheap fingerprints computed once per paragraph:
//! - the *exact key*, a 64-bit hash of [`fold`](crate::text::normalise::fold)ed text, which
//!   decides exact copies (confirmed by comparing the folded texts, so a hash collision can never
//!   hide a paragraph);
//! - the *words*, one 32-bit hash per word, used for near and contained copies. A word is a run of
//!   letters and digits, lower-cased, exactly as [`words`](crate::text::normalise::words) splits
//!   them; a CJK ideograph or kana counts as a word of its own, since those scripts put no spaces
//!   between words and a whole sentence would otherwise be one "word";
//! - *shingles*: hashes of consecutive word pairs.
//!
//! Per-paragraph work is capped here: a paragraph longer than [`MAX_COMPARE_BYTES`] or with more
//! than [`MAX_COMPARE_WORDS`] words keeps only its exact key (and its word count), so one 5 MB
//! paragraph costs one linear pass and nothing quadratic can ever start from it.

use crate::text::normalise::fold_char;

/// Paragraphs longer than this (in UTF-8 bytes) are compared only by their exact key.
/// News paragraphs are well under 10 kB; 256 kB is generous and still keeps any task short.
pub const MAX_COMPARE_BYTES: usize = 256 * 1024;

/// Paragraphs with more words than this are compared only by their exact key. Comparing two
/// paragraphs costs at most (n+m)·(n+m)/5 steps (see `similarity`), so this bounds any one
/// comparison to under a million steps even for adversarial text; real paragraphs are < 300 words.
pub const MAX_COMPARE_WORDS: usize = 1_000;

/// A fast, deterministic 64-bit hash (FNV-1a over the bytes, then a final mix). Deterministic so
/// that results never depend on a random seed; a collision is harmless because every exact match
/// is confirmed on the text and every near match is measured word by word.
#[cfg(test)]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A 64-bit finaliser (from splitmix64): spreads every input bit over the whole word.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The shingle of two consecutive words.
pub fn pair(a: u32, b: u32) -> u64 {
    mix((u64::from(a) << 32) | u64::from(b))
}

/// The exact key of a paragraph: the hash of its folded text (0 words → the key of "").
#[cfg(test)]
pub fn exact_key(text: &str) -> u64 {
    scan(text, &mut Words::default()).key
}

/// Scripts written without spaces: each such character is a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'       // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}'     // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'     // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'     // compatibility ideographs
        | '\u{20000}'..='\u{2FFFF}') // supplementary ideographs
}

/// A word holds a digit ("2016", "09:47" gives two such words, "F-35" one).
pub const DIGIT: u8 = 1;
/// A word starts with a capital letter and is not the first of its paragraph: most likely a name
/// (a capital opening a later sentence counts too: "… 1966]. Textile Designs" against "… Painted
/// Designs" is another title, and an edit rarely changes only such a word).
pub const CAPITAL: u8 = 2;

/// The words of every paragraph, one after another: one hash and one set of flags per word.
/// Paragraphs keep a range into it, so no paragraph owns an allocation of its own.
#[derive(Default)]
pub struct Words {
    pub hashes: Vec<u32>,
    pub flags: Vec<u8>,
}

/// What one pass over a paragraph yields.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scan {
    /// The exact key: the hash of the folded text (as `hash_bytes(fold(text))`).
    pub key: u64,
    /// Number of words, counted even past the caps.
    pub words: usize,
    /// Whether the words were appended to the arena (`false` past the caps: exact key only).
    pub kept: bool,
}

/// One pass over `text`: its exact key, and its words appended to `arena` unless the paragraph is
/// past the caps. The key is the FNV-1a hash of [`fold`](crate::text::normalise::fold)ed text, computed as the text streams by:
/// trailing punctuation and spaces, which `fold` trims, are hashed tentatively and count only once
/// something else follows them.
pub fn scan(text: &str, arena: &mut Words) -> Scan {
    const FNV: u64 = 0xcbf2_9ce4_8422_2325;
    let keep = text.len() <= MAX_COMPARE_BYTES;
    let start = arena.hashes.len();
    // folded-text hash: `running` over everything fed, `committed` up to the last kept char
    let mut running = FNV;
    let mut committed = FNV;
    let mut any = false;
    let mut pending_space = false;
    let feed = |h: &mut u64, c: char| {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            *h ^= u64::from(b);
            *h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    // words
    let mut count = 0usize;
    let mut h = FNV;
    let mut in_word = false;
    let mut flags = 0u8;
    let mut finish = |h: u64, flags: u8, count: &mut usize| {
        *count += 1;
        if keep && *count <= MAX_COMPARE_WORDS {
            let m = mix(h);
            arena.hashes.push((m ^ (m >> 32)) as u32);
            arena.flags.push(flags);
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // ASCII, most of the text: the steps below for one byte, without decoding, folding
            // tables or case runs (fold_char keeps every ASCII character but white space and the
            // backtick; lower case is the ASCII one), a letter or digit first
            i += 1;
            if b.is_ascii_alphanumeric() {
                if pending_space {
                    running = (running ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
                    pending_space = false;
                }
                let l = b.to_ascii_lowercase();
                running = (running ^ u64::from(l)).wrapping_mul(0x0100_0000_01b3);
                any = true;
                committed = running;
                if !in_word {
                    h = FNV;
                    in_word = true;
                    flags = if b.is_ascii_uppercase() && count > 0 {
                        CAPITAL
                    } else {
                        0
                    };
                }
                if b.is_ascii_digit() {
                    flags |= DIGIT;
                }
                h = (h ^ u64::from(l)).wrapping_mul(0x0100_0000_01b3);
                continue;
            }
            if in_word {
                finish(h, flags, &mut count);
                in_word = false;
            }
            let space = |b: &u8| b.is_ascii_whitespace() || *b == 0x0b;
            if space(&b) {
                pending_space = any;
                // (and the rest of its run at once: the indentation of a page's markup)
                while bytes.get(i).is_some_and(space) {
                    i += 1;
                }
            } else {
                if pending_space {
                    running = (running ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
                    pending_space = false;
                }
                // (no letter here: the ASCII lower case is the byte itself)
                let l = if b == b'`' { b'\'' } else { b };
                running = (running ^ u64::from(l)).wrapping_mul(0x0100_0000_01b3);
                any = true;
                if !l.is_ascii_punctuation() {
                    committed = running;
                }
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        // the folded text
        if let Some(f) = fold_char(c) {
            if f == ' ' {
                pending_space = any;
            } else {
                if pending_space {
                    feed(&mut running, ' ');
                    pending_space = false;
                }
                for l in crate::text::case::lower(f) {
                    feed(&mut running, l);
                    any = true;
                    if !l.is_ascii_punctuation() {
                        committed = running;
                    }
                }
            }
        }
        // the words
        if c.is_alphanumeric() && !is_cjk(c) {
            if !in_word {
                h = FNV;
                in_word = true;
                flags = if c.is_uppercase() && count > 0 {
                    CAPITAL
                } else {
                    0
                };
            }
            if c.is_numeric() {
                flags |= DIGIT;
            }
            for l in crate::text::case::lower(c) {
                h ^= u64::from(u32::from(l));
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            continue;
        }
        if in_word {
            finish(h, flags, &mut count);
            in_word = false;
        }
        if is_cjk(c) {
            finish(u64::from(u32::from(c)) | (1 << 40), 0, &mut count);
        }
    }
    if in_word {
        finish(h, flags, &mut count);
    }
    let kept = keep && count <= MAX_COMPARE_WORDS;
    if !kept {
        arena.hashes.truncate(start);
        arena.flags.truncate(start);
    }
    Scan {
        key: mix(committed),
        words: count,
        kept,
    }
}

/// The text between word `n - 1` and word `n` of `text` (words as [`scan`] counts them), or
/// `None` when there is no word `n` or `n` is 0.
pub fn gap_before(text: &str, n: usize) -> Option<&str> {
    let mut count = 0usize;
    let mut in_word = false;
    let mut last_end = 0usize;
    for (at, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() && !is_cjk(c);
        let starts = (word_char && !in_word) || is_cjk(c);
        if in_word && !word_char {
            in_word = false;
            last_end = at;
        }
        if starts {
            if count == n {
                return (n > 0).then(|| text.get(last_end..at).unwrap_or(""));
            }
            count += 1;
            if is_cjk(c) {
                last_end = at + c.len_utf8();
            } else {
                in_word = true;
            }
        }
    }
    None
}

/// The word hashes of `text`, or only their count when the text is past the caps
/// (`None` then: the paragraph takes part in exact comparison only).
#[cfg(test)]
pub fn words(text: &str) -> (usize, Option<Vec<u32>>) {
    let mut arena = Words::default();
    let scan = scan(text, &mut arena);
    (scan.words, scan.kept.then_some(arena.hashes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise::fold;

    #[test]
    fn words_agree_with_normalise_words() {
        let text = "Kim Sang-ki, 42, said “NO”.  It\u{2019}s fine\u{FFFD}ok";
        let (n, w) = words(text);
        let expected: Vec<String> = crate::text::normalise::words(text).collect();
        assert_eq!(n, expected.len());
        let w = w.unwrap();
        // same words, same hashes; case does not matter
        assert_eq!(words("kim").1.as_ref().unwrap()[0], w[0]);
        assert_eq!(words("NO").1.as_ref().unwrap()[0], w[5]);
    }

    #[test]
    fn cjk_characters_are_words() {
        assert_eq!(words("北朝鮮が発表した").0, 8);
        assert_eq!(
            words("한국 정부는 밝혔다").0,
            3,
            "Hangul is spaced: words as usual"
        );
    }

    #[test]
    fn caps_keep_only_the_count() {
        let long = "word ".repeat(MAX_COMPARE_WORDS + 1);
        assert_eq!(words(&long), (MAX_COMPARE_WORDS + 1, None));
        let huge = "x".repeat(MAX_COMPARE_BYTES + 1);
        assert_eq!(words(&huge), (1, None));
        assert_eq!(words(""), (0, Some(vec![])));
        assert_eq!(words("\u{FFFD}\u{FFFD}"), (0, Some(vec![])));
    }

    #[test]
    fn the_streamed_key_is_the_hash_of_the_folded_text() {
        for text in [
            "",
            " ",
            "...",
            "a .",
            "It\u{2019}s  HERE!!",
            "  “Hello,”\u{00A0}she\u{200B} said — twice. ",
            "İstanbul ß ΣΑΣ",
            "\u{FFFD} 1 \u{FFFD}\u{FFFD}",
            "end with a space and dots . . ",
            "北朝鮮が発表した。",
        ] {
            assert_eq!(
                exact_key(text),
                hash_bytes(fold(text).as_bytes()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn flags_mark_numbers_and_names() {
        let mut arena = Words::default();
        scan(
            "The vote was 52 to 48. Senator Kim said so, in Seoul.",
            &mut arena,
        );
        let names: Vec<u8> = arena.flags.clone();
        // the vote was 52 to 48 senator kim said so in seoul: only the paragraph's first word is
        // not taken for a name ("Senator", opening the second sentence, is)
        assert_eq!(
            names,
            [0, 0, 0, DIGIT, 0, DIGIT, CAPITAL, CAPITAL, 0, 0, 0, CAPITAL]
        );
    }

    #[test]
    fn gaps_between_words() {
        let text = "MOSCOW (AP) — An unmanned ship, “it broke,” Mr. Kim said 北朝鮮";
        assert_eq!(gap_before(text, 0), None);
        assert_eq!(gap_before(text, 1), Some(" ("));
        assert_eq!(gap_before(text, 2), Some(") — "));
        assert_eq!(gap_before(text, 7), Some(",” "));
        assert_eq!(gap_before(text, 10), Some(" "));
        assert_eq!(gap_before(text, 12), Some(""));
        assert_eq!(gap_before(text, 13), None);
        assert_eq!(words(text).0, 13);
    }

    #[test]
    fn exact_key_folds() {
        assert_eq!(exact_key("“Yes,” he said."), exact_key("\"yes,\" HE said"));
        assert_ne!(exact_key("yes he said"), exact_key("no he said"));
    }
}
