//! Whether a quotation is direct speech, a quoted fragment, or a scare quote.
//!
//! The rules, in order:
//! 1. After a marker that names a term ("so-called", "dubbed", "the phrase", "the slogan") a quote of
//!    up to six words is a scare quote.
//! 2. A quotation that opens its sentence (at the start, or after a colon, comma, dash or a cue:
//!    `said: "…"`) is direct when it is a clause (four words or more) or has a speaker.
//! 3. In a headline (a short Title Case paragraph) a quotation is speech: headlines quote people
//!    in single marks ("Obama Sees ‘Personal Insult’ …") and set off no terms.
//! 4. A quotation inside a sentence is partial when a cue governs it (its own attribution, or any
//!    speech verb in the sentence) or when it has three words or more (measured on PolNeAR: short
//!    quoted phrases of three words and more are mostly someone's words, terms are mostly one or
//!    two); a short Title Case quote without a speaker (a name of a work or a programme) is a scare
//!    quote.
//! 5. What is left (a short term, no cue, no speaker) is a scare quote: the "maximum pressure"
//!    strategy.
//!
//! A name or a title reads as one where nouns are not capitalised: at most five words, the first and
//! every word of four letters or more capitalised, another capital after the first word, and no
//! sentence's end inside the marks ("Night of the Long Tide", "Get Me Out"; not "Not now" nor
//! "Go Home!"). Outside a headline, one with no speaker is a scare quote even where it opens its
//! sentence; nobody is its speaker by a clause that merely introduces it ([`title_like`]).
//!
//! Where a language quotes names and titles as often as words (German: „Berliner Zeitung“, a
//! browser, a book, a slogan), rules 4 and 5 give way: a quotation inside a sentence with no
//! speaker is a scare quote.
//!
//! Before rules 3 to 5: a quoted term of up to three words standing as a modifier, between a
//! determiner or a possessive and a lower-case noun (the "maximum pressure" strategy, Valdoria's
//! "managed calm" approach) and attributed to nobody is a scare quote, even in a sentence with a
//! cue: it names a policy. (With a speaker found, PolNeAR's annotators count it as their words.)

use crate::text::report::QuoteKind;

/// What the kind is decided from.
pub struct Evidence {
    /// Words inside the quotation.
    pub words: usize,
    /// It opens its sentence (nothing before it in the sentence but a cue, colon, comma or dash).
    pub opens_sentence: bool,
    /// A speaker was found for it (its own attribution or a continued one).
    pub attributed: bool,
    /// A speech cue stands somewhere in its sentence.
    pub cue_in_sentence: bool,
    /// A term marker stands right before it.
    pub term_marker: bool,
    /// Every word is capitalised.
    pub title_case: bool,
    /// The paragraph is a headline (short, in Title Case): its quotations are speech.
    pub headline: bool,
    /// It stands as a modifier: a determiner or possessive before it, a lower-case noun after.
    pub modifier: bool,
    /// The language quotes names, titles and terms inside sentences as often as words
    /// ([`super::lang::Lang::quoted_names`]): a quotation inside a sentence is speech only when
    /// someone says it.
    pub quoted_names: bool,
}

pub fn decide(e: &Evidence) -> QuoteKind {
    if e.term_marker && e.words <= 6 || e.title_case && e.words <= 5 && !e.attributed && !e.headline
    {
        return QuoteKind::Scare;
    }
    if e.opens_sentence {
        if e.words >= 4 || e.attributed {
            return QuoteKind::Direct;
        }
        return if e.cue_in_sentence {
            QuoteKind::Partial
        } else {
            QuoteKind::Scare
        };
    }
    if e.headline {
        return QuoteKind::Partial;
    }
    if e.quoted_names && !e.attributed {
        return QuoteKind::Scare;
    }
    if e.modifier && e.words <= 3 && !e.attributed {
        return QuoteKind::Scare;
    }
    if e.attributed || e.cue_in_sentence || e.words >= 3 {
        QuoteKind::Partial
    } else {
        QuoteKind::Scare
    }
}

/// Whether a quotation (its marks included or not) reads as a name or a title: see the module's
/// docs. Lengths are in bytes: a word of four letters is four bytes or more.
pub fn title_like(quote: &str) -> bool {
    // (one pass over the characters: a word's length and whether it opens with a capital; the
    // last character that is no mark)
    let (mut words, mut len, mut capital, mut later, mut last) = (0, 0, false, false, ' ');
    for c in quote.chars().chain([' ']) {
        if c.is_alphanumeric() {
            capital = if len == 0 { c.is_uppercase() } else { capital };
            len += c.len_utf8();
        } else if len > 0 {
            if !capital && (words == 0 || len > 3) {
                return false;
            }
            later |= capital && words > 0;
            words += 1;
            len = 0;
        }
        if c.is_alphanumeric() || matches!(c, '.' | '!' | '?') {
            last = c;
        }
    }
    !matches!(last, '.' | '!' | '?') && (words == 1 || (2..=5).contains(&words) && later)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(words: usize, opens: bool, attributed: bool, cue: bool) -> Evidence {
        Evidence {
            words,
            opens_sentence: opens,
            attributed,
            cue_in_sentence: cue,
            term_marker: false,
            title_case: false,
            headline: false,
            modifier: false,
            quoted_names: false,
        }
    }

    #[test]
    fn rules() {
        assert_eq!(decide(&ev(8, true, true, true)), QuoteKind::Direct);
        assert_eq!(decide(&ev(8, true, false, false)), QuoteKind::Direct);
        assert_eq!(decide(&ev(1, true, true, true)), QuoteKind::Direct);
        assert_eq!(decide(&ev(3, false, true, true)), QuoteKind::Partial);
        assert_eq!(decide(&ev(2, false, false, false)), QuoteKind::Scare);
        assert_eq!(decide(&ev(3, false, false, false)), QuoteKind::Partial);
        let mut e = ev(2, false, false, true);
        e.term_marker = true;
        assert_eq!(decide(&e), QuoteKind::Scare);
        let mut e = ev(2, false, false, true);
        e.modifier = true;
        assert_eq!(decide(&e), QuoteKind::Scare);
        e.attributed = true;
        assert_eq!(decide(&e), QuoteKind::Partial);
        // where names and titles are quoted as often as words, a fragment nobody says is a term
        let mut e = ev(4, false, false, true);
        e.quoted_names = true;
        assert_eq!(decide(&e), QuoteKind::Scare);
        e.attributed = true;
        assert_eq!(decide(&e), QuoteKind::Partial);
        e.opens_sentence = true;
        e.attributed = false;
        assert_eq!(decide(&e), QuoteKind::Direct);
        // a title nobody says, even opening its sentence; not in a headline
        let mut e = ev(4, true, false, false);
        e.title_case = true;
        assert_eq!(decide(&e), QuoteKind::Scare);
        e.headline = true;
        assert_eq!(decide(&e), QuoteKind::Direct);
    }

    #[test]
    fn titles() {
        for t in [
            "“Night of the Long Tide”",
            "Get Me Out",
            "‘Promise’",
            "The Art of the Deal,",
        ] {
            assert!(title_like(t), "{t}");
        }
        for t in [
            "Not now",
            "“Go Home!”",
            "Get out of here",
            "a Salt Road",
            "",
            "Ein Tag Am Meer Und Mehr",
        ] {
            assert!(!title_like(t), "{t}");
        }
    }
}
