//! The words around quotations: a paragraph cut into words, punctuation and opaque quotation
//! tokens, with sentence numbers.
//!
//! Speakers and cues are looked for in the text outside quotation marks (the frame), so each
//! quotation is one token here. Words keep internal hyphens, apostrophes and periods (Sang-ki,
//! O'Brien, U.S.) and the final period of a known abbreviation (Sen., Mr.), so that period does not
//! end a sentence.

use super::lang::Text;
use super::lexicon::{contains, Lower};
use super::marks::is_invisible;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// One punctuation character.
    Punct(char),
    /// A quotation (index into the paragraph's quotation list).
    Quote(usize),
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the paragraph.
    pub start: usize,
    pub end: usize,
    /// Sentence number within the paragraph.
    pub sentence: usize,
}

impl Token {
    // (a match rather than the derived `==`, which was a call for every test; kept out of line:
    // inlined at its hundreds of uses it cost the .wasm 175 bytes)
    #[inline(never)]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }
    #[inline(never)]
    pub fn is_punct(&self, c: char) -> bool {
        matches!(self.kind, Kind::Punct(p) if p == c)
    }
}

/// The token at `k`, or an empty one past the end: one accessor instead of a bounds check
/// with its own panic location at every index.
#[inline(never)]
pub fn tok(tokens: &[Token], k: usize) -> &Token {
    const NONE: &Token = &Token {
        kind: Kind::Punct(' '),
        start: 0,
        end: 0,
        sentence: usize::MAX,
    };
    tokens.get(k).unwrap_or(NONE)
}

/// Whether a character can be part of a word: `char::is_alphanumeric`, ASCII first.
pub fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// The character at byte `i` (a char boundary) of `text`, with a fast path for ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// Characters that join two word parts: Sang-ki, O'Brien, U.S, 3.5, AT&T.
fn joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | '‑')
}

/// Cuts `text` into tokens; `quotes` are sorted, disjoint byte ranges that become one token each.
/// `quote_ends_sentence[i]` says whether quotation `i` ends with sentence-final punctuation inside.
pub fn tokenize(
    text: &Text,
    quotes: &[(usize, usize)],
    quote_ends_sentence: &[bool],
) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let bytes_len = text.len();
    let mut q = 0;
    let mut i = 0;
    let mut sentence = 0;
    // whether the next word starting with a capital (or a quotation) opens a new sentence
    let mut pending_end = false;
    while i < bytes_len {
        // (the white space of a page's markup, most of a walker's text, a byte at a time; a
        // quotation opens at a mark, never in white space)
        if text.as_bytes().get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
            continue;
        }
        if let Some(&(s, e)) = quotes.get(q).filter(|r| i >= r.0) {
            if pending_end {
                sentence += 1;
            }
            tokens.push(Token {
                kind: Kind::Quote(q),
                start: s,
                end: e,
                sentence,
            });
            pending_end = quote_ends_sentence.get(q).copied().unwrap_or(false);
            i = e.max(i + 1);
            while i < bytes_len && !text.is_char_boundary(i) {
                i += 1;
            }
            q += 1;
            continue;
        }
        let limit = quotes.get(q).map_or(bytes_len, |r| r.0);
        let Some(c) = char_at(text, i) else { break };
        if c.is_whitespace() || is_invisible(c) {
            i += c.len_utf8();
            continue;
        }
        if word_char(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            let rest = text.get(..limit).unwrap_or("");
            // (ASCII letters and digits a byte at a time: most of a word)
            while rest
                .as_bytes()
                .get(end)
                .is_some_and(u8::is_ascii_alphanumeric)
            {
                end += 1;
            }
            while let Some(d) = char_at(rest, end) {
                let next = || char_at(rest, end + d.len_utf8());
                // (a period between a lower-case letter and a capitalised word is a sentence's
                // end that lost its space when a page's parts were run together: "the
                // rapper.Trump appeared"; not "U.S.Army" nor "ASP.NET")
                let lost_space = d == '.'
                    && rest
                        .get(..end)
                        .and_then(|r| r.chars().next_back())
                        .is_some_and(char::is_lowercase)
                    && next().is_some_and(char::is_uppercase)
                    && char_at(rest, end + 2).is_some_and(char::is_lowercase);
                if word_char(d)
                    || (is_invisible(d) && d != '\u{200B}')
                    || (joiner(d) && next().is_some_and(word_char) && !lost_space)
                {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            // keep the period of an abbreviation (Sen., U.S., a single initial)
            if end < limit && text.as_bytes().get(end) == Some(&b'.') {
                let w = text.get(start..end).unwrap_or("");
                let lower = Lower::new(w);
                // (`chars().count()` would bring in core's 800-byte counting routine)
                let mut cs = w.chars();
                let is_initial = cs.next().is_some_and(char::is_uppercase) && cs.next().is_none();
                if is_initial
                    || w.as_bytes().contains(&b'.')
                    || contains(text.lang.abbreviations, &lower)
                {
                    end += 1;
                }
            }
            let upper = c.is_uppercase() || c.is_numeric();
            if pending_end && upper {
                sentence += 1;
            }
            pending_end = false;
            tokens.push(Token {
                kind: Kind::Word,
                start,
                end,
                sentence,
            });
            i = end;
            continue;
        }
        if pending_end && matches!(c, '(' | '[' | '—' | '–') {
            sentence += 1;
            pending_end = false;
        }
        tokens.push(Token {
            kind: Kind::Punct(c),
            start: i,
            end: i + c.len_utf8(),
            sentence,
        });
        if matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
            pending_end = true;
        } else if !matches!(c, ')' | ']' | '"' | '\'' | '’' | '”') {
            pending_end = false;
        }
        i += c.len_utf8();
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str) -> Text<'_> {
        Text {
            str: text,
            lang: super::super::lang::ALL[0],
        }
    }

    fn words(text: &str) -> Vec<(&str, usize)> {
        tokenize(&en(text), &[], &[])
            .iter()
            .filter(|t| t.is_word())
            .map(|t| (text.get(t.start..t.end).unwrap_or(""), t.sentence))
            .collect()
    }

    #[test]
    fn words_and_sentences() {
        assert_eq!(
            words("Sen. Kim Sang-ki of the U.S. said it. O'Brien left."),
            [
                ("Sen.", 0),
                ("Kim", 0),
                ("Sang-ki", 0),
                ("of", 0),
                ("the", 0),
                ("U.S.", 0),
                ("said", 0),
                ("it", 0),
                ("O'Brien", 1),
                ("left", 1)
            ]
        );
    }

    #[test]
    fn a_period_that_lost_its_space_ends_a_sentence() {
        // a lower-case letter, a period, a capitalised word: two sentences run together; a
        // capital before the period or after the next letter keeps the word whole
        assert_eq!(
            words("the pier.Okafor left the U.S.Army and ASP.NET"),
            [
                ("the", 0),
                ("pier", 0),
                ("Okafor", 1),
                ("left", 1),
                ("the", 1),
                ("U.S.Army", 1),
                ("and", 1),
                ("ASP.NET", 1)
            ]
        );
    }

    #[test]
    fn quotations_are_one_token() {
        let text = "“No.” He left.";
        let q = "“No.”".len();
        let t = tokenize(&en(text), &[(0, q)], &[true]);
        assert_eq!(t[0].kind, Kind::Quote(0));
        assert_eq!(t[1].sentence, 1);
    }
}
