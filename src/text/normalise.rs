//! Folding text to the form in which two copies of a paragraph compare equal.
//!
//! Copies of a paragraph differ in ways a reader does not see as a change: white space of every kind
//! (no-break, thin, zero-width), curly or straight quotes and apostrophes, dash styles, letter case.
//! Everything here is decided per character, so it runs in linear time on any input.

/// Folds one character: `None` drops it (invisible characters), otherwise its canonical form.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // zero-width and formatting characters carry nothing a reader sees
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        // nor do bidi marks, embeddings and isolates (RLM before a copy must not make it another)
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => return None,
        c if c.is_whitespace() => ' ',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{2039}' | '\u{203A}' | '\u{FF02}' | '\u{300C}' | '\u{300D}'
        | '\u{300E}' | '\u{300F}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{2026}' => '.',
        c => c,
    })
}

/// The folded form of a paragraph: white space collapsed and trimmed, quotes and dashes unified,
/// lower case, trailing punctuation dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().filter_map(fold_char) {
        if c == ' ' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(crate::text::case::lower(c));
    }
    let kept = out
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == ' ')
        .len();
    out.truncate(kept);
    out
}

/// The words of a paragraph for comparison: folded, split on anything that is not a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(crate::text::case::lower).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_what_a_reader_does_not_see() {
        assert_eq!(
            fold("  “Hello,”\u{00A0}she\u{200B} said — twice. "),
            fold("\"hello,\" she said - twice")
        );
        assert_eq!(fold("It\u{2019}s  HERE!!"), "it's here");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" \u{200B} "), "");
    }

    #[test]
    fn splits_words() {
        let w: Vec<String> = words("Kim Sang-ki, 42, said “no”.").collect();
        assert_eq!(w, ["kim", "sang", "ki", "42", "said", "no"]);
    }
}
