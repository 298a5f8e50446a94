//! Whether a batch of paragraphs writes a word as a common word: in lower case somewhere, and
//! never capitalised inside a sentence, where only a name is. That is the evidence that a
//! capitalised word opening a sentence is a common word there, not a name ("Science tells us …"
//! on a page that speaks of "the science of tides"; not "Facebook believes …" on a page with a
//! "facebook" tag and "shared on Facebook").
//!
//! The words are read only once a speaker asks (most pages never do), each paragraph once over
//! all the batches of a page, into two filters of 65,536 bits with two bits a word: a few per cent
//! of false hits on a long page.

/// The two filters and how far they have read.
#[derive(Default)]
pub struct Written {
    /// Words written with a lower-case first letter (the first [`BITS`] bits), and words written
    /// capitalised inside a sentence (the next): after a word, a comma or a space that follows no
    /// sentence's end. (32 bits a word, whatever the target's `usize`.)
    bits: Vec<usize>,
    /// The paragraphs before this index are in the filters.
    read: usize,
}

/// The bits of one filter.
const BITS: usize = 1 << 16;

/// Words shorter than this are left out: the short function words are most of a text, and no
/// common word that opens a sentence as its subject is one of them.
const MIN_LEN: usize = 3;

/// The two bits of a word (its ASCII letters lower-cased).
fn bits(word: &[u8]) -> [usize; 2] {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for &b in word {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3);
    }
    [(h & 0xffff) as usize, (h >> 16 & 0xffff) as usize]
}

/// Sets a word's bits in the filter that starts at bit `from`.
fn set(filter: &mut [usize], from: usize, word: &[u8]) {
    for b in bits(word) {
        if let Some(x) = filter.get_mut((from + b) / 32) {
            *x |= 1 << (b % 32);
        }
    }
}

/// Whether a word's bits are set in the filter that starts at bit `from`.
fn get(filter: &[usize], from: usize, word: &[u8]) -> bool {
    bits(word).iter().all(|&b| {
        filter
            .get((from + b) / 32)
            .is_some_and(|x| x & (1 << (b % 32)) != 0)
    })
}

/// Whether the word that ends before byte `i` runs on into a capitalised word after one space.
fn runs_on(text: &[u8], i: usize) -> bool {
    text.get(i) == Some(&b' ') && text.get(i + 1).is_some_and(u8::is_ascii_uppercase)
}

impl Written {
    /// Whether `all` writes `lower` (a word in lower case) as a common word: in lower case, and
    /// never capitalised inside a sentence.
    pub fn common(&mut self, all: &[String], lower: &str) -> bool {
        if self.bits.is_empty() {
            self.bits.resize(2 * BITS / 32, 0);
        }
        for text in all.get(self.read..).unwrap_or(&[]) {
            self.add(text.as_bytes());
        }
        self.read = self.read.max(all.len());
        let w = lower.as_bytes();
        w.len() >= MIN_LEN && get(&self.bits, 0, w) && !get(&self.bits, BITS, w)
    }

    /// Adds the words of a text. (A byte at or over 0x80 is a letter of a word: UTF-8 sequences
    /// stay whole.)
    fn add(&mut self, text: &[u8]) {
        let letter = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        // whether a word would open a sentence: at the start, or after . ! ? : or a quotation mark
        let mut opens = true;
        let mut i = 0;
        while i < text.len() {
            let start = i;
            while i < text.len() && text.get(i).copied().is_some_and(letter) {
                i += 1;
            }
            let word = text.get(start..i).unwrap_or(&[]);
            match word.first() {
                Some(b) if b.is_ascii_lowercase() && word.len() >= MIN_LEN => {
                    set(&mut self.bits, 0, word)
                }
                // (a longer name's first word is no evidence for the word alone: "New" in "New
                // York" on a page that writes "new signs")
                Some(b) if b.is_ascii_uppercase() && !opens && !runs_on(text, i) => {
                    set(&mut self.bits, BITS, word)
                }
                _ => {}
            }
            // the byte after the word decides for the next one: a space keeps what the word
            // left (a word inside a sentence), a sentence's end or a quotation mark opens one
            match text.get(i) {
                Some(b' ' | b'\t' | b'\n') if !word.is_empty() => opens = false,
                Some(b' ' | b'\t' | b'\n') => {}
                // (a slash or an ampersand joins labels: "Neurology / Neuroscience")
                Some(b',' | b';' | b'-' | b'(') => opens = false,
                _ => opens = true,
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_lower_case_and_never_capitalised_inside_a_sentence_is_common() {
        let mut w = Written::default();
        let mut all = vec!["The science of tides. Okafor said so.".to_string()];
        assert!(w.common(&all, "science"));
        assert!(!w.common(&all, "okafor"));
        // short words are left out
        assert!(!w.common(&all, "so"));
        all.push("Fishing boats, and more fishing-boats.".to_string());
        assert!(w.common(&all, "fishing"));
        assert_eq!(w.read, 2);
        // capitalised inside a sentence, it is a name, whatever the text writes elsewhere
        all.push(
            "A harbour tag list: boats, harbour, tides. Shared on Harbour and more.".to_string(),
        );
        assert!(!w.common(&all, "harbour"));
        // nor as the first word of a longer name
        all.push("The new pier. Ships from New Harbour dock there.".to_string());
        assert!(w.common(&all, "new"));
        // not after a slash, which joins labels
        all.push("Popular in: Marine Life / Seafaring. The seafaring towns.".to_string());
        assert!(w.common(&all, "seafaring"));
        // a word opening with a letter outside ASCII is left out, and its bytes stay in one word
        let mut w = Written::default();
        assert!(!w.common(&["éclat ferry".to_string()], "clat"));
        assert!(w.common(&["éclat ferry".to_string()], "ferry"));
    }
}
