//! Which characters open and close a quotation, and how they pair.
//!
//! Each mark style is paired by its own rules: curly “…” and ‘…’ (and “…“, German typed with
//! English marks), German „…“ „…” ‚…‘, French «…» and ‹…›, Danish/German »…« (only when nothing
//! is open), CJK 「…」 『…』, fullwidth ＂…＂, straight "…" and '…', and the `''…''` (or
//! ``` ``…'' ```, or ‘‘…’’) some papers use for a double mark.
//!
//! Pairing is one forward pass with a small stack of open marks, so a nested quotation ("He said
//! ‘no’ twice,") is covered by its outer one and never reported alone. Straight marks are told
//! apart by position (an opening mark stands after space or punctuation and before a word); single
//! marks are told apart from apostrophes (it's, '90s, rock 'n' roll, the Smiths' album, O'Brien).
//!
//! Runaway spans are impossible by construction:
//! - a quotation ends with its paragraph unless the news convention for multi-paragraph quotes holds
//!   (the paragraph ends inside a double quotation and the next one opens with a double mark, or,
//!   in the British style, the paragraph opens with a single mark left open and the next one
//!   opens with a single mark);
//! - an open mark is dropped once its quotation would exceed [`MAX_QUOTE_UNITS`] UTF-16 units or
//!   [`MAX_QUOTE_PARAGRAPHS`] paragraphs; scanning then goes on from where it stands, so every
//!   character is looked at a bounded number of times (at most twice, see [`Pairer::scan`]).

/// The longest quotation reported, in UTF-16 units: 10,000 is about 1,600 words, longer than the
/// longest speeches news articles print in one run; beyond it an unclosed mark is a stray mark.
pub const MAX_QUOTE_UNITS: usize = 10_000;
/// The most paragraphs one quotation may span (a long multi-paragraph statement is a handful).
pub const MAX_QUOTE_PARAGRAPHS: usize = 12;
/// Deeper nesting than this is not tracked (openers beyond it are ignored).
const MAX_DEPTH: usize = 6;

/// The mark that closes an open quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Closer {
    /// ” (after “)
    CurlyDouble,
    /// “ or ” (after „)
    LowDouble,
    /// ’ or ' (after ‘ or ')
    Single,
    /// ‘ or ’ (after ‚)
    LowSingle,
    /// " or '' (after " '' ``)
    Straight,
    /// ＂
    Fullwidth,
    /// » (after «)
    Guillemet,
    /// « (after »)
    ReverseGuillemet,
    /// › (after ‹)
    SingleGuillemet,
    /// ‹ (after ›)
    ReverseSingleGuillemet,
    /// 」
    Corner,
    /// 』
    WhiteCorner,
}

impl Closer {
    fn is_double(self) -> bool {
        !matches!(
            self,
            Closer::Single
                | Closer::LowSingle
                | Closer::SingleGuillemet
                | Closer::ReverseSingleGuillemet
        )
    }
}

/// One open mark: where it stands and what closes it.
#[derive(Clone, Copy, Debug)]
struct Open {
    closer: Closer,
    /// Byte offset of the mark in the paragraph where the quotation started.
    at: usize,
}

/// A top-level quotation found by pairing, in byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub start_paragraph: usize,
    /// Byte offset of the opening mark in `start_paragraph`.
    pub start: usize,
    pub end_paragraph: usize,
    /// Byte offset just past the closing mark in `end_paragraph`.
    pub end: usize,
    /// Byte offset of the closing mark in `end_paragraph`.
    pub close: usize,
    /// Byte length of the opening mark.
    pub open_len: usize,
}

/// A quotation left open at the end of a paragraph, waiting for the next one.
#[derive(Clone, Copy, Debug)]
struct Carry {
    paragraph: usize,
    at: usize,
    open_len: usize,
    closer: Closer,
    units: usize,
    paragraphs: usize,
}

/// Pairs marks paragraph by paragraph, carrying an open quotation to the next paragraph.
#[derive(Default)]
pub struct Pairer {
    carry: Option<Carry>,
}

/// Characters that count as part of a word on either side of a mark.
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Invisible characters that neither separate nor join words for a reader.
pub fn is_invisible(c: char) -> bool {
    // (one test for ASCII and the rest below the soft hyphen, nearly every character asked)
    c >= '\u{00AD}'
        && matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{200E}'
                | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn is_space(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || is_invisible(c),
    }
}

/// Punctuation after which an opening mark may stand.
fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(Some(c))
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | ':'
                        | ';'
                        | ','
                        | '“'
                        | '‘'
                        | '„'
                        | '‚'
                        | '«'
                        | '‹'
                        | '「'
                        | '『'
                        | '"'
                        | '\''
                )
        }
    }
}

/// Elisions that start with an apostrophe: 'n' (rock 'n' roll), 'em, 'til, 'cause, …
fn is_elision(word: &str) -> bool {
    const ELISIONS: &[&str] = &[
        "bout", "cause", "em", "n", "nother", "round", "s", "til", "tis", "twas", "ya", "y'all",
    ];
    ELISIONS.binary_search(&word).is_ok()
}

/// Whether a single mark at `i` can open a quotation: after space or punctuation, before a word,
/// and not an elision ('90s, 'n', 'em).
fn single_opens(chars: &[(usize, char)], i: usize) -> bool {
    let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
    let next = chars.get(i + 1).map(|&(_, c)| c);
    if !is_opening_context(prev) || prev == Some('\'') {
        return false;
    }
    let Some(next) = next else { return false };
    if next.is_ascii_digit() {
        return false; // '90s
    }
    if !is_word(next) {
        return false;
    }
    // the word after the mark: an elision is followed by a non-word right away
    let mut word = String::new();
    for &(_, c) in chars.iter().skip(i + 1).take(8) {
        if !c.is_alphabetic() {
            break;
        }
        word.extend(crate::text::case::lower(c));
    }
    !is_elision(&word)
}

/// Whether a single mark at `i` can close: after a non-space, before a non-word.
fn single_closes(chars: &[(usize, char)], i: usize) -> bool {
    let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
    let next = chars.get(i + 1).map(|&(_, c)| c);
    !is_space(prev) && !next.is_some_and(is_word)
}

/// What a character at `i` may do.
enum Role {
    None,
    /// Opens a quotation closed by the given closer; `len` is the mark's byte length (2 for '').
    Open(Closer, usize),
    /// Closes an open quotation of any of these kinds.
    Close(&'static [Closer], usize),
    /// Closes one of these if open, else opens with the given closer.
    Either(&'static [Closer], Closer, usize),
}

impl Pairer {
    pub fn new() -> Self {
        Pairer::default()
    }

    /// Where the quotation left open at the end of `paragraph` starts in it (0 when it started in
    /// an earlier paragraph), if one is open.
    pub fn open_in(&self, paragraph: usize) -> Option<usize> {
        self.carry
            .map(|c| if c.paragraph == paragraph { c.at } else { 0 })
    }

    /// Whether the quotation left open started in `paragraph`.
    pub fn open_started_in(&self, paragraph: usize) -> bool {
        self.carry.is_some_and(|c| c.paragraph == paragraph)
    }

    /// Forgets a quotation left open (a hidden paragraph breaks the multi-paragraph convention).
    pub fn break_carry(&mut self) {
        self.carry = None;
    }

    /// Pairs the marks of one paragraph; returns its top-level quotations in order (one may start in
    /// an earlier paragraph). At most two passes over the text: when a single mark is left open at
    /// the end, the text after it is paired again with single openers ignored (the mark was an
    /// apostrophe and must not swallow the double quotations behind it).
    pub fn scan(&mut self, paragraph: usize, text: &str) -> Vec<Pair> {
        // without a mark that can open, nothing opens (and nothing carried continues); a straight
        // apostrophe inside a word (it's, O'Brien) cannot open
        // (a byte loop: most paragraphs have no mark, and decoding each of their characters cost
        // more than the rest of their reading; only a non-ASCII character's first byte is decoded)
        let b = text.as_bytes();
        let opener = |(i, &x): (usize, &u8)| match x {
            b'\'' => i == 0 || !b[i - 1].is_ascii_alphanumeric() || b.get(i + 1) == Some(&b'\''),
            b'`' | b'"' => true,
            0xC0.. => text
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| {
                    matches!(
                        c,
                        '“' | '”'
                            | '„'
                            | '‘'
                            | '‚'
                            | '＂'
                            | '«'
                            | '»'
                            | '‹'
                            | '›'
                            | '「'
                            | '『'
                    )
                }),
            _ => false,
        };
        if !b.iter().enumerate().any(opener) {
            self.carry = None;
            return Vec::new();
        }
        // (room for every byte: the vector never grows and copies itself)
        let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
        chars.extend(text.char_indices());
        let mut out = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        let mut start = 0;
        // continuation of a quotation from the previous paragraph
        let mut carried: Option<Carry> = None;
        let first = chars.iter().position(|&(_, c)| !is_space(Some(c)));
        if let Some(carry) = self.carry.take() {
            if let Some(f) = first {
                let c = chars[f].1;
                // '' ‘‘ `` stand for a double mark
                let doubled =
                    matches!(c, '\'' | '‘' | '`') && chars.get(f + 1).map(|&(_, c)| c) == Some(c);
                // a double quotation goes on in a paragraph opened by a double mark, a single one
                // (British style: ‘…¶ ‘…’) in one opened by a single mark
                let goes_on = if carry.closer.is_double() {
                    doubled || matches!(c, '“' | '”' | '"' | '«' | '„' | '»' | '＂' | '「' | '『')
                } else {
                    !doubled && matches!(c, '‘' | '\'')
                };
                if goes_on && carry.paragraphs < MAX_QUOTE_PARAGRAPHS {
                    carried = Some(carry);
                    start = f + 1 + doubled as usize;
                    stack.push(Open {
                        closer: carry.closer,
                        at: carry.at,
                    });
                }
            }
        }
        let mut no_single_open_from = usize::MAX;
        let mut units_since_open = carried.map_or(0, |c| c.units);
        loop {
            let leftover = self.pass(
                &chars,
                start,
                paragraph,
                &mut stack,
                &mut carried,
                &mut units_since_open,
                no_single_open_from,
                &mut out,
            );
            match leftover {
                // a single quotation opening the paragraph and left open: carried below, to go on
                // if the next paragraph opens with a single mark too (British style: ‘…¶ ‘…’)
                Some(i) if Some(i) == first && stack[0].closer == Closer::Single => break,
                Some(i) if no_single_open_from == usize::MAX => {
                    // a single mark left open: it was an apostrophe; pair again after it
                    no_single_open_from = i;
                    stack.clear();
                    carried = None;
                    start = i + 1;
                    units_since_open = 0;
                }
                _ => break,
            }
        }
        // carry an open double quotation (or a single one kept above) to the next paragraph
        if let Some(bottom) = stack.first() {
            if (bottom.closer.is_double() || bottom.closer == Closer::Single)
                && units_since_open < MAX_QUOTE_UNITS
            {
                let (from_paragraph, open_len, paragraphs) = match carried {
                    Some(c) => (c.paragraph, c.open_len, c.paragraphs + 1),
                    None => (paragraph, mark_len(text, bottom.at), 1),
                };
                self.carry = Some(Carry {
                    paragraph: from_paragraph,
                    at: bottom.at,
                    open_len,
                    closer: bottom.closer,
                    units: units_since_open,
                    paragraphs,
                });
            }
        }
        out
    }

    /// One pass from char index `from`. Returns the char index of a single mark left open at the
    /// bottom of the stack at the end, if any.
    #[allow(clippy::too_many_arguments)]
    fn pass(
        &self,
        chars: &[(usize, char)],
        from: usize,
        paragraph: usize,
        stack: &mut Vec<Open>,
        carried: &mut Option<Carry>,
        units: &mut usize,
        no_single_open_from: usize,
        out: &mut Vec<Pair>,
    ) -> Option<usize> {
        let mut bottom_char = 0usize; // char index of the bottom open mark (this paragraph)
        let mut i = from;
        while i < chars.len() {
            let (at, c) = chars[i];
            if !stack.is_empty() {
                *units += c.len_utf16();
                if *units > MAX_QUOTE_UNITS {
                    // a stray mark: forget it and go on from here
                    stack.clear();
                    *carried = None;
                    *units = 0;
                }
            }
            // (letters, digits and spaces, most of the text, are no marks)
            if c.is_ascii_alphanumeric() || c == ' ' {
                i += 1;
                continue;
            }
            let role = self.role(chars, i, stack, i >= no_single_open_from);
            let (closers, opener, len): (&[Closer], Option<Closer>, usize) = match role {
                Role::None => {
                    i += 1;
                    continue;
                }
                Role::Open(o, len) => (&[], Some(o), len),
                Role::Close(cs, len) => (cs, None, len),
                Role::Either(cs, o, len) => (cs, Some(o), len),
            };
            // close the innermost open mark this one closes (dropping unclosed ones inside it)
            if let Some(depth) = stack.iter().rposition(|o| closers.contains(&o.closer)) {
                stack.truncate(depth + 1);
                let open = stack.pop().expect("depth is in the stack");
                if stack.is_empty() {
                    let (start_paragraph, open_len) = match carried.take() {
                        Some(c) => (c.paragraph, c.open_len),
                        None => (paragraph, mark_len_at(chars, bottom_char)),
                    };
                    out.push(Pair {
                        start_paragraph,
                        start: open.at,
                        end_paragraph: paragraph,
                        end: at + len_bytes(chars, i, len),
                        close: at,
                        open_len,
                    });
                }
                i += len;
                continue;
            }
            if let Some(closer) = opener {
                // a curly opener while the same kind is open: the first one was never closed
                if let Some(depth) = stack.iter().rposition(|o| o.closer == closer) {
                    if closer.is_double() {
                        stack.truncate(depth);
                    }
                }
                if stack.len() < MAX_DEPTH {
                    if stack.is_empty() {
                        bottom_char = i;
                        *units = 0;
                        *carried = None;
                    }
                    stack.push(Open { closer, at });
                }
            }
            i += len;
        }
        match stack.first() {
            Some(o) if !o.closer.is_double() && carried.is_none() => Some(bottom_char),
            _ => None,
        }
    }

    fn role(&self, chars: &[(usize, char)], i: usize, stack: &[Open], no_single: bool) -> Role {
        use Closer::*;
        let c = chars[i].1;
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let open_kind = |k: Closer| stack.iter().any(|o| o.closer == k);
        let top_single = stack.last().is_some_and(|o| !o.closer.is_double());
        match c {
            // sloppy pages mix styles: “…" and "…” are closed by either double mark, and “ after a
            // word or a stop (not where a quotation opens: a space, a mark, a comma), before no
            // word, closes an open “ as ” does (German typed with English marks: “Das war die
            // Kanzlerin.“); ” after a space or at a paragraph's start, before a word, opens as “
            // does (”…” is the style of Swedish and Finnish, and of pages that type it so:
            // ”It's a tough job.”)
            '”' | '“'
                if c == '”' && !(is_space(prev) && next.is_some_and(is_word))
                    || open_kind(CurlyDouble)
                        && !is_opening_context(prev)
                        && !next.is_some_and(is_word) =>
            {
                Role::Close(&[CurlyDouble, LowDouble, Straight], 1)
            }
            '“' | '”' => Role::Either(&[LowDouble], CurlyDouble, 1),
            '„' => Role::Open(LowDouble, 1),
            '‘' => {
                if open_kind(LowSingle) {
                    Role::Close(&[LowSingle], 1)
                } else if next == Some('‘') {
                    // ‘‘…’’ stands for “…” (never an apostrophe)
                    Role::Open(CurlyDouble, 2)
                } else if !no_single && !top_single && single_opens(chars, i) {
                    Role::Open(Single, 1)
                } else {
                    Role::None
                }
            }
            '’' => {
                if next == Some('’') && open_kind(CurlyDouble) {
                    Role::Close(&[CurlyDouble], 2)
                } else if (open_kind(Single) || open_kind(LowSingle)) && single_closes(chars, i) {
                    Role::Close(&[Single, LowSingle], 1)
                } else {
                    Role::None
                }
            }
            '‚' => {
                if !no_single && !is_space(next) && is_opening_context(prev) {
                    Role::Open(LowSingle, 1)
                } else {
                    Role::None
                }
            }
            '\'' | '`' => {
                let doubled = next == Some(c);
                if doubled && c == '\'' {
                    // '' stands for a double mark
                    if open_kind(Straight) {
                        return Role::Close(&[Straight], 2);
                    }
                    let after = chars.get(i + 2).map(|&(_, c)| c);
                    if !is_space(after) {
                        return Role::Open(Straight, 2);
                    }
                    return Role::None;
                }
                if doubled && c == '`' {
                    return Role::Open(Straight, 2);
                }
                if c == '`' {
                    return Role::None;
                }
                if open_kind(Single) && single_closes(chars, i) {
                    Role::Close(&[Single], 1)
                } else if !no_single && !top_single && single_opens(chars, i) {
                    Role::Open(Single, 1)
                } else {
                    Role::None
                }
            }
            '"' | '＂' => {
                let k = if c == '"' { Straight } else { Fullwidth };
                let top_curly = stack.last().is_some_and(|o| o.closer == CurlyDouble);
                if open_kind(k) {
                    Role::Close(if c == '"' { &[Straight] } else { &[Fullwidth] }, 1)
                } else if c == '"' && top_curly && !is_space(prev) && !next.is_some_and(is_word) {
                    // “…" closed by a straight mark
                    Role::Close(&[CurlyDouble], 1)
                } else if !is_space(next) && !prev.is_some_and(is_word) {
                    Role::Open(k, 1)
                } else {
                    Role::None
                }
            }
            '«' => {
                if open_kind(ReverseGuillemet) {
                    Role::Close(&[ReverseGuillemet], 1)
                } else {
                    Role::Open(Guillemet, 1)
                }
            }
            '»' => {
                if open_kind(Guillemet) {
                    Role::Close(&[Guillemet], 1)
                } else if stack.is_empty() && is_opening_context(prev) && !is_space(next) {
                    Role::Open(ReverseGuillemet, 1)
                } else {
                    Role::None
                }
            }
            '‹' => {
                if open_kind(ReverseSingleGuillemet) {
                    Role::Close(&[ReverseSingleGuillemet], 1)
                } else {
                    Role::Open(SingleGuillemet, 1)
                }
            }
            '›' => {
                if open_kind(SingleGuillemet) {
                    Role::Close(&[SingleGuillemet], 1)
                } else if stack.is_empty() && is_opening_context(prev) && !is_space(next) {
                    Role::Open(ReverseSingleGuillemet, 1)
                } else {
                    Role::None
                }
            }
            '「' => Role::Open(Corner, 1),
            '」' => Role::Close(&[Corner], 1),
            '『' => Role::Open(WhiteCorner, 1),
            '』' => Role::Close(&[WhiteCorner], 1),
            _ => Role::None,
        }
    }
}

/// Byte length of `count` chars starting at char index `i`.
fn len_bytes(chars: &[(usize, char)], i: usize, count: usize) -> usize {
    chars[i..(i + count).min(chars.len())]
        .iter()
        .map(|&(_, c)| c.len_utf8())
        .sum()
}

/// Byte length of the opening mark at char index `i` ('' ‘‘ `` are two chars).
fn mark_len_at(chars: &[(usize, char)], i: usize) -> usize {
    let mut it = chars.iter().skip(i).map(|&(_, c)| c);
    mark_len_of(it.next(), it.next())
}

/// Byte length of the opening mark at byte offset `at`.
fn mark_len(text: &str, at: usize) -> usize {
    let mut it = text.get(at..).unwrap_or("").chars();
    mark_len_of(it.next(), it.next())
}

/// Byte length of an opening mark `a` followed by `b`.
fn mark_len_of(a: Option<char>, b: Option<char>) -> usize {
    match a {
        Some(a) if b == Some(a) && matches!(a, '\'' | '`' | '‘') => 2 * a.len_utf8(),
        Some(a) => a.len_utf8(),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted texts of one paragraph, marks included.
    fn quoted(text: &str) -> Vec<&str> {
        Pairer::new()
            .scan(0, text)
            .iter()
            .map(|p| text.get(p.start..p.end).unwrap_or(""))
            .collect()
    }

    #[test]
    fn every_mark_style() {
        let cases = [
            ("He said “yes” twice.", "“yes”"),
            ("He said \"yes\" twice.", "\"yes\""),
            ("He said ‘yes’ twice.", "‘yes’"),
            ("He said 'yes' twice.", "'yes'"),
            ("Il a dit « oui » deux fois.", "« oui »"),
            ("Er sagte »ja« zweimal.", "»ja«"),
            ("Il a dit ‹ oui › deux fois.", "‹ oui ›"),
            ("Er sagte „ja“ zweimal.", "„ja“"),
            ("Powiedział „tak” dwa razy.", "„tak”"),
            ("Er sagte ‚ja‘ zweimal.", "‚ja‘"),
            ("彼は「はい」と言った。", "「はい」"),
            ("彼は『はい』と言った。", "『はい』"),
            ("He said ＂yes＂ twice.", "＂yes＂"),
            ("He said ''yes'' twice.", "''yes''"),
            ("He said ``yes'' twice.", "``yes''"),
            ("He said “yes\" twice.", "“yes\""),
            ("He said \"yes” twice.", "\"yes”"),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), [want], "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for text in [
            "It's the '90s and rock 'n' roll is back.",
            "The Smiths' album sold well, O'Brien said.",
            "They can’t stop the voters’ anger.",
            "I'm sure 'em folks won't mind.",
        ] {
            assert!(quoted(text).is_empty(), "{text}: {:?}", quoted(text));
        }
        assert_eq!(
            quoted("It's 'the best' deal, O'Brien said of the '90s."),
            ["'the best'"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quoted("“He said ‘no’ twice,” she said."),
            ["“He said ‘no’ twice,”"]
        );
        assert_eq!(
            quoted("‘He said “no” twice,’ she said."),
            ["‘He said “no” twice,’"]
        );
        assert_eq!(
            quoted("\"He said 'no' twice,\" she said."),
            ["\"He said 'no' twice,\""]
        );
    }

    #[test]
    fn an_apostrophe_left_open_does_not_swallow_quotes() {
        assert_eq!(quoted("The ‘new deal is “good,” he said."), ["“good,”"]);
    }

    #[test]
    fn unclosed_marks_end_with_the_paragraph() {
        let mut p = Pairer::new();
        assert!(p.scan(0, "He said “no and left.").is_empty());
        let found = p.scan(1, "Then “yes” came.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start_paragraph, 1);
    }

    #[test]
    fn multi_paragraph_quotes() {
        let mut p = Pairer::new();
        assert!(p.scan(0, "“We will go on.").is_empty());
        assert!(p.scan(1, "“We will never stop.").is_empty());
        let found = p.scan(2, "“We win,” she said.");
        assert_eq!(
            found,
            [Pair {
                start_paragraph: 0,
                start: 0,
                end_paragraph: 2,
                end: "“We win,”".len(),
                close: "“We win,".len(),
                open_len: 3
            }]
        );
    }

    #[test]
    fn single_marks_opening_every_paragraph() {
        // British and Irish papers open each paragraph of a long quotation with ‘ and close only
        // the last; ’ in don’t, Ireland’s, ’90s does not close it
        let mut p = Pairer::new();
        assert!(p
            .scan(0, "‘We don’t give up on Ireland’s small harbours.")
            .is_empty());
        assert!(p
            .scan(1, "‘Since the ’90s the crews have done it.")
            .is_empty());
        let last = "‘We will stay,’ she said. ‘Always.’";
        assert_eq!(
            p.scan(2, last),
            [
                Pair {
                    start_paragraph: 0,
                    start: 0,
                    end_paragraph: 2,
                    end: "‘We will stay,’".len(),
                    close: "‘We will stay,".len(),
                    open_len: 3
                },
                Pair {
                    start_paragraph: 2,
                    start: "‘We will stay,’ she said. ".len(),
                    end_paragraph: 2,
                    end: last.len(),
                    close: last.len() - 3,
                    open_len: 3
                }
            ]
        );
        // straight marks the same way
        let mut p = Pairer::new();
        assert!(p.scan(0, "'We will stay.").is_empty());
        assert_eq!(p.scan(1, "'Always,' she said.")[0].start_paragraph, 0);
        // a paragraph that does not open with a single mark ends it, and its own quotations stand
        let mut p = Pairer::new();
        assert!(p.scan(0, "‘We will stay “come what may” here.").is_empty());
        let found = p.scan(1, "She said “yes” and ‘no’.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].start_paragraph, 1);
        // nor does a double quotation go on into ‘, or a single one into “
        let mut p = Pairer::new();
        assert!(p.scan(0, "“We will stay.").is_empty());
        assert_eq!(p.scan(1, "‘Always,’ she said.")[0].start_paragraph, 1);
        let mut p = Pairer::new();
        assert!(p.scan(0, "‘We will stay.").is_empty());
        assert_eq!(p.scan(1, "“Always,” she said.")[0].start_paragraph, 1);
        // a ‘ inside a paragraph left open is an apostrophe, as before
        let mut p = Pairer::new();
        assert!(p.scan(0, "The ‘new deal is here.").is_empty());
        assert_eq!(p.scan(1, "‘Always,’ she said.")[0].start_paragraph, 1);
    }

    #[test]
    fn doubled_single_marks_are_double_marks() {
        assert_eq!(quoted("He said ‘‘yes’’ twice."), ["‘‘yes’’"]);
        assert_eq!(quoted("He asked a “question’’ twice."), ["“question’’"]);
        // a stray ’’ inside a straight quotation closes nothing outside it
        assert_eq!(
            quoted("\"He asked a “question’’ of her,\" she said."),
            ["\"He asked a “question’’ of her,\""]
        );
        // over paragraphs, each opened by ‘‘ or “, closed by ’’
        let mut p = Pairer::new();
        assert!(p
            .scan(0, "Sgt Reilly said: ‘‘Roads will be checked.")
            .is_empty());
        assert!(p.scan(1, "“Drivers will be stopped.").is_empty());
        let last = "‘‘Do not drive,’’ he said.";
        assert_eq!(
            p.scan(2, last),
            [Pair {
                start_paragraph: 0,
                start: "Sgt Reilly said: ".len(),
                end_paragraph: 2,
                end: "‘‘Do not drive,’’".len(),
                close: "‘‘Do not drive,".len(),
                open_len: 6
            }]
        );
    }

    #[test]
    fn stray_marks_are_bounded() {
        let long = format!("“{}", "word ".repeat(5_000));
        let text = format!("{long}and “a quote” here”");
        let found = quoted(&text);
        assert_eq!(found, ["“a quote”"]);
    }
}
