//! Property tests of the text core: invariants of every `Report`, checked over many generated
//! inputs (no test dependency: a small xorshift generator, fixed seeds, so every run checks the same
//! inputs and a failure names the seed that reproduces it).
//!
//! The generator mixes what pages contain and what trips text code: quotation marks of every style
//! (straight, curly, guillemets, low-9, CJK corner brackets, single and double), apostrophes inside
//! words, exact copies, near copies (one word changed), contained copies (a sentence lifted out of a
//! longer paragraph), short lines, empty and blank strings, U+FFFD, right-to-left words and
//! controls, zero-width characters and astral characters (surrogate pairs in UTF-16).
//!
//! Invariants:
//! - every offset is within its paragraph and on a UTF-16 character boundary (never between the
//!   two halves of a surrogate pair), every span has start <= end, every paragraph index exists;
//! - quotations are sorted by start and do not overlap (a nested quotation is never reported apart);
//!   none starts in a paragraph hidden as a repeat;
//! - repeats are sorted by index, one per index; exact and near copies name an earlier paragraph
//!   (`of < index`); no repeat names as `of` a paragraph that is itself hidden (the first copy, or
//!   the container, always stays visible); exact copies have similarity 1, others in (0, 1];
//! - batches: indices of a batch's report all belong to that batch, and the results equal the
//!   all-at-once results except where DESIGN.md's ordering rule allows a difference (see
//!   `batches_equal_all_at_once` and `batches_differ_only_where_the_rule_allows`).
//!
//! Sizes are kept small so that `cargo test` (debug) runs these in a few seconds.

use std::collections::BTreeSet;

use verbatim::text::{analyze, Analyzer, Options, Position, RepeatKind, Report, Span};

/// xorshift64*: deterministic, good enough to pick words.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 48] = [
    "the",
    "minister",
    "said",
    "told",
    "reporters",
    "on",
    "Sunday",
    "harbour",
    "council",
    "vote",
    "would",
    "not",
    "a",
    "plan",
    "town",
    "traffic",
    "according",
    "to",
    "expert",
    "Olu",
    "Brandt",
    "Marta",
    "Quill",
    "added",
    "that",
    "it",
    "was",
    "very",
    "good",
    "relationship",
    "maximum",
    "pressure",
    "we",
    "are",
    "close",
    "he",
    "she",
    "director",
    "of",
    "policy",
    "in",
    "Seoul",
    "Kim",
    "Sang-ki",
    "announced",
    "terminal",
    "ferry",
    "quay",
];
/// Words with apostrophes: they must not be taken for quotation marks.
const APOSTROPHES: [&str; 8] = [
    "don't",
    "O'Brien",
    "’90s",
    "rock ’n’ roll",
    "isn’t",
    "the Smiths'",
    "l'État",
    "it's",
];
/// Opening and closing marks, paired and unpaired.
const MARKS: [&str; 22] = [
    "\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "‚", "「", "」", "『", "』", "« ",
    " »", "\u{201F}", "\u{2E42}", "«\u{A0}", "\u{A0}»",
];
const PAIRS: [(&str, &str); 9] = [
    ("“", "”"),
    ("\"", "\""),
    ("‘", "’"),
    ("'", "'"),
    ("«\u{A0}", "\u{A0}»"),
    ("„", "“"),
    ("「", "」"),
    ("‹", "›"),
    ("»", "«"),
];
/// Characters that change nothing visible or are unusual for text code.
const ODD: [&str; 16] = [
    "\u{FFFD}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{2060}",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "שלום",
    "مرحبا بالعالم",
    "😀",
    "𝒜𝓁𝒾𝒸ℯ",
    "👩\u{200D}💻",
    "e\u{301}",
    "\u{0}",
];
const SEPARATORS: [&str; 7] = [" ", " ", " ", ", ", ". ", "\u{A0}", " \u{2014} "];

/// One word or token, mostly prose.
fn token(rng: &mut Rng, odd: bool) -> String {
    let r = rng.below(100);
    match r {
        0..=74 => rng.pick(&WORDS).to_string(),
        75..=84 => rng.pick(&APOSTROPHES).to_string(),
        85..=91 => rng.pick(&MARKS).to_string(),
        _ if odd => rng.pick(&ODD).to_string(),
        _ => rng.pick(&WORDS).to_string(),
    }
}

/// A paragraph of `n` tokens, with a quotation or two around some of them.
fn prose(rng: &mut Rng, n: usize, odd: bool) -> String {
    let mut out = String::new();
    let mut open: Option<&str> = None;
    for i in 0..n {
        if i > 0 {
            out.push_str(rng.pick(&SEPARATORS));
        }
        if open.is_none() && rng.chance(8) {
            let (o, c) = PAIRS[rng.below(PAIRS.len())];
            out.push_str(o);
            open = Some(c);
        }
        out.push_str(&token(rng, odd));
        if let Some(c) = open {
            if rng.chance(15) {
                out.push_str(if rng.chance(50) { "," } else { "" });
                out.push_str(c);
                open = None;
                if rng.chance(50) {
                    out.push_str(rng.pick(&[" he said", " said Kim Sang-ki", " the expert told"]));
                }
            }
        }
    }
    // sometimes left open: a quotation that runs on into the next paragraph, or a stray mark
    if let Some(c) = open {
        if rng.chance(60) {
            out.push_str(c);
        }
    }
    out.push('.');
    out
}

/// Changes one word of a paragraph (a near copy).
fn edit(rng: &mut Rng, text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let at = rng.below(words.len());
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[at] = "edited".to_string();
    out.join(" ")
}

/// A sentence-like stretch out of a paragraph (a contained copy), on a space.
fn excerpt(rng: &mut Rng, text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() < 4 {
        return text.to_string();
    }
    let from = rng.below(words.len() / 2);
    let len = 2 + rng.below(words.len() - from - 1);
    words[from..(from + len).min(words.len())].join(" ")
}

/// What the generator may produce.
#[derive(Clone, Copy)]
struct Mix {
    /// Short lines, empty strings, blank lines.
    short: bool,
    /// Excerpts of other paragraphs (contained copies), before or after their container.
    contained: bool,
    /// Zero-width, RTL, U+FFFD, astral characters.
    odd: bool,
}

const ALL: Mix = Mix {
    short: true,
    contained: true,
    odd: true,
};

fn page(rng: &mut Rng, mix: Mix, max: usize) -> Vec<String> {
    let n = 1 + rng.below(max);
    let mut out: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n {
        let r = rng.below(100);
        let p = match r {
            0..=14 if !out.is_empty() => out[rng.below(out.len())].clone(),
            15..=24 if !out.is_empty() => {
                let src = out[rng.below(out.len())].clone();
                edit(rng, &src)
            }
            25..=29 if mix.contained && !out.is_empty() => {
                let src = out[rng.below(out.len())].clone();
                excerpt(rng, &src)
            }
            30..=34 if mix.short => rng
                .pick(&[
                    "",
                    " ",
                    "\u{200B}",
                    "Advertisement",
                    "Read more",
                    "\u{FFFD}",
                    "“",
                    "’",
                ])
                .to_string(),
            35..=41 if mix.short => {
                let n = 1 + rng.below(6);
                prose(rng, n, mix.odd)
            }
            _ => {
                let min = if mix.short { 1 } else { 12 };
                let n = min + rng.below(40);
                prose(rng, n, mix.odd)
            }
        };
        out.push(p);
    }
    // a container that arrives after the excerpt lifted from it (a pull quote before its paragraph)
    if mix.contained && n > 2 && rng.chance(30) {
        let at = rng.below(out.len());
        let long = prose(rng, 30, mix.odd);
        out.insert(at, excerpt(rng, &long));
        out.push(long);
    }
    out
}

fn options(rng: &mut Rng) -> Options {
    Options {
        collapse: !rng.chance(10),
        highlight: !rng.chance(10),
        min_words: [1, 3, 8, 8, 8, 20][rng.below(6)],
        similarity: [0.5, 0.8, 0.8, 0.95, 1.0][rng.below(5)],
        lang: [None, None, Some("de".to_string()), Some("fr".to_string())][rng.below(4)].clone(),
    }
}

/// For every UTF-16 offset 0..=len of `text`, whether it is a character boundary.
fn boundaries(text: &str) -> Vec<bool> {
    let mut out = Vec::with_capacity(text.len() + 1);
    out.push(true);
    for c in text.chars() {
        if c.len_utf16() == 2 {
            out.push(false);
        }
        out.push(true);
    }
    out
}

struct Checker<'a> {
    paragraphs: &'a [String],
    bounds: Vec<Vec<bool>>,
    context: String,
}

impl<'a> Checker<'a> {
    fn new(paragraphs: &'a [String], context: String) -> Self {
        Checker {
            bounds: paragraphs.iter().map(|p| boundaries(p)).collect(),
            paragraphs,
            context,
        }
    }

    fn offset(&self, paragraph: usize, offset: usize, what: &str) {
        let ctx = &self.context;
        assert!(
            paragraph < self.paragraphs.len(),
            "{ctx}: {what} names paragraph {paragraph} of {}",
            self.paragraphs.len()
        );
        assert!(
            self.bounds[paragraph].get(offset) == Some(&true),
            "{ctx}: {what} offset {offset} is out of bounds or inside a character (surrogate pair) in {:?}",
            self.paragraphs[paragraph]
        );
    }

    fn position(&self, p: Position, what: &str) {
        self.offset(p.paragraph, p.offset, what);
    }

    fn span(&self, s: Span, what: &str) {
        self.offset(s.paragraph, s.start, what);
        self.offset(s.paragraph, s.end, what);
        assert!(
            s.start <= s.end,
            "{}: {what} {s:?} is reversed",
            self.context
        );
    }

    /// Every invariant of one report about `range` of the paragraphs.
    fn report(&self, report: &Report, range: std::ops::Range<usize>, hidden_before: &[bool]) {
        let ctx = &self.context;
        let mut hidden = hidden_before.to_vec();
        hidden.resize(self.paragraphs.len(), false);
        let mut last = None;
        for r in &report.repeats {
            assert!(
                range.contains(&r.index),
                "{ctx}: repeat {r:?} outside its batch {range:?}"
            );
            assert!(
                r.of < self.paragraphs.len(),
                "{ctx}: {r:?} names a missing paragraph"
            );
            assert_ne!(r.index, r.of, "{ctx}: {r:?} repeats itself");
            assert!(
                last < Some(r.index),
                "{ctx}: repeats not sorted by index at {r:?}"
            );
            last = Some(r.index);
            match r.kind {
                RepeatKind::Exact => {
                    assert!(r.of < r.index, "{ctx}: exact {r:?} hides the first copy");
                    assert_eq!(r.similarity, 1.0, "{ctx}: {r:?}");
                }
                RepeatKind::Near => {
                    assert!(r.of < r.index, "{ctx}: near {r:?} hides the first copy");
                    assert!(r.similarity > 0.0 && r.similarity <= 1.0, "{ctx}: {r:?}");
                }
                RepeatKind::Contained => {
                    assert!(r.similarity > 0.0 && r.similarity <= 1.0, "{ctx}: {r:?}");
                }
            }
            assert!(
                r.run <= r.index,
                "{ctx}: {r:?} belongs to a run that starts after it"
            );
            hidden[r.index] = true;
        }
        for r in &report.repeats {
            assert!(
                !hidden[r.of],
                "{ctx}: {r:?} names as `of` a paragraph that is hidden itself"
            );
        }
        let mut previous_end: Option<Position> = None;
        for q in &report.quotes {
            self.position(q.start, "quote start");
            self.position(q.end, "quote end");
            assert!(q.start < q.end, "{ctx}: empty or reversed quote {q:?}");
            // a quotation that runs on over paragraphs may open in an earlier batch and be
            // reported when its closing mark arrives
            assert!(
                q.start.paragraph < range.end && q.end.paragraph >= range.start,
                "{ctx}: quote {q:?} outside its batch {range:?}"
            );
            assert!(
                !hidden[q.start.paragraph],
                "{ctx}: quote {q:?} starts in a hidden paragraph"
            );
            if let Some(end) = previous_end {
                assert!(
                    end <= q.start,
                    "{ctx}: quotes overlap or are unsorted at {q:?}"
                );
            }
            previous_end = Some(q.end);
            if let Some(s) = &q.speaker {
                self.span(s.mention, "speaker mention");
                assert!(!s.name.is_empty(), "{ctx}: empty speaker name in {q:?}");
            }
            if let Some(c) = q.cue {
                self.span(c, "cue");
            }
        }
    }
}

fn hidden_of(report: &Report, n: usize) -> Vec<bool> {
    let mut hidden = vec![false; n];
    for r in &report.repeats {
        hidden[r.index] = true;
    }
    hidden
}

/// Splits `n` paragraphs into consecutive batches of random sizes (some empty).
fn batches(rng: &mut Rng, n: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < n {
        let len = rng.below(6).min(n - at);
        out.push(at..at + len);
        at += len;
    }
    out
}

fn in_batches(paragraphs: &[String], options: &Options, cuts: &[std::ops::Range<usize>]) -> Report {
    let mut analyzer = Analyzer::new(options.clone());
    let mut all = Report::default();
    for range in cuts {
        let report = analyzer.push(paragraphs[range.clone()].iter().cloned());
        let checker = Checker::new(&paragraphs[..range.end], format!("batch {range:?}"));
        let before = hidden_of(&all, range.start);
        checker.report(&report, range.clone(), &before);
        all.repeats.extend(report.repeats);
        all.quotes.extend(report.quotes);
    }
    // across batches too: one report per paragraph, no quotation reported twice
    Checker::new(paragraphs, "batches joined".into()).report(&all, 0..paragraphs.len(), &[]);
    all
}

const CASES: u64 = 400;

#[test]
fn reports_keep_their_invariants() {
    for seed in 0..CASES {
        let mut rng = Rng::new(seed);
        let paragraphs = page(&mut rng, ALL, 24);
        let options = options(&mut rng);
        let report = analyze(&paragraphs, &options);
        let context = format!("seed {seed}, options {options:?}, paragraphs {paragraphs:?}");
        Checker::new(&paragraphs, context).report(&report, 0..paragraphs.len(), &[]);
    }
}

/// Strings made of the characters most likely to confuse offset code, with no prose at all.
#[test]
fn odd_characters_only() {
    let alphabet: Vec<&str> = ODD
        .iter()
        .chain(MARKS.iter())
        .copied()
        .chain([" ", "a", "\n", "\t", "said", "’s"])
        .collect();
    for seed in 0..300 {
        let mut rng = Rng::new(seed + 1_000_000);
        let n = 1 + rng.below(8);
        let mut paragraphs: Vec<String> = (0..n)
            .map(|_| {
                (0..rng.below(30))
                    .map(|_| alphabet[rng.below(alphabet.len())])
                    .collect()
            })
            .collect();
        if n > 2 {
            paragraphs[n - 1] = paragraphs[0].clone();
        }
        let options = Options {
            min_words: 1,
            ..Options::default()
        };
        let report = analyze(&paragraphs, &options);
        Checker::new(&paragraphs, format!("seed {seed}: {paragraphs:?}")).report(
            &report,
            0..paragraphs.len(),
            &[],
        );
    }
}

/// Whether a repeat may come from a judgement that looks ahead within its batch (the ordering
/// rule's third exception, issue 10): an edited copy found on its neighbours' word (a near copy
/// under `similarity`, or any near copy beside a run), a paragraph whose text stands three times or
/// more on the page (the shared part of records), a short line that is no sentence (a run of one
/// such line is shown again), a prompt (a lone one stays).
fn looks_ahead(r: &verbatim::text::Repeat, paragraphs: &[String], options: &Options) -> bool {
    let folded = |s: &str| verbatim::text::normalise::words(s).collect::<Vec<_>>();
    let text = &paragraphs[r.index];
    let me = folded(text);
    let words = me.len();
    let end = text.trim_end();
    r.kind == RepeatKind::Near
        || paragraphs.iter().filter(|p| folded(p) == me).count() >= 3
        || (words < 2 * options.min_words
            && !end.ends_with([
                '.', '!', '?', '\u{2026}', '"', '\u{201D}', '\u{2019}', '\'', ')',
            ]))
        || end.ends_with(['?', ':'])
}

/// Without the exceptions of the ordering rule (no contained copies are generated, no paragraph is
/// shorter than `minWords`, and inputs where a look-ahead judgement is involved are left to the
/// weaker test below), batches give exactly the all-at-once report.
#[test]
fn batches_equal_all_at_once() {
    let mut compared = 0;
    let mix = Mix {
        short: false,
        contained: false,
        odd: true,
    };
    for seed in 0..150 {
        let mut rng = Rng::new(seed + 2_000_000);
        let paragraphs = page(&mut rng, mix, 20);
        let options = Options {
            min_words: 8,
            ..options(&mut rng)
        };
        let whole = analyze(&paragraphs, &options);
        let cuts = batches(&mut rng, paragraphs.len());
        let batched = in_batches(&paragraphs, &options, &cuts);
        // the generator can still make a contained copy by accident (a near copy with a word
        // changed is no excerpt, but an exact copy of a long paragraph's opening could be): leave
        // such inputs to the weaker test below
        if whole
            .repeats
            .iter()
            .chain(&batched.repeats)
            .any(|r| r.kind == RepeatKind::Contained)
        {
            continue;
        }
        if whole
            .repeats
            .iter()
            .chain(&batched.repeats)
            .any(|r| looks_ahead(r, &paragraphs, &options))
        {
            continue;
        }
        compared += 1;
        assert_eq!(
            whole, batched,
            "seed {seed}, batches {cuts:?}, options {options:?}, paragraphs {paragraphs:?}"
        );
    }
    assert!(compared >= 40, "only {compared} inputs compared");
}

/// With everything in the mix, batches differ from all-at-once only as DESIGN.md allows: a
/// contained copy whose container comes in a later batch stays, and a short repeat (under
/// `minWords` words) is judged on its own batch. Exact and near copies of `minWords` words or more
/// are the same either way; a quotation is the same either way unless the paragraph it starts in is
/// hidden one way and not the other, or it lies next to such a paragraph (a quotation running on
/// over paragraphs, a speaker named in the paragraph before).
#[test]
fn batches_differ_only_where_the_rule_allows() {
    for seed in 0..150 {
        let mut rng = Rng::new(seed + 3_000_000);
        let paragraphs = page(&mut rng, ALL, 20);
        let options = options(&mut rng);
        let whole = analyze(&paragraphs, &options);
        let cuts = batches(&mut rng, paragraphs.len());
        let batched = in_batches(&paragraphs, &options, &cuts);
        let context = format!(
            "seed {seed}, batches {cuts:?}, options {options:?}, paragraphs {paragraphs:?}"
        );
        let batch_of = |i: usize| cuts.iter().position(|r| r.contains(&i)).unwrap();
        let words = |i: usize| verbatim::text::normalise::words(&paragraphs[i]).count();
        // a paragraph hidden as a contained copy on either side changes what later paragraphs
        // are matched to (an original hidden for a later, longer edit of it leaves its exact
        // copies to be judged contained too), so such indices are compared by the rule alone
        let contained: BTreeSet<usize> = whole
            .repeats
            .iter()
            .chain(&batched.repeats)
            .filter(|r| r.kind == RepeatKind::Contained)
            .map(|r| r.index)
            .collect();
        // a paragraph hidden one way and not the other, or as the copy of another paragraph (as
        // allowed above), changes the run a paragraph just after it may continue, and with it
        // whether a near copy counts as part of a run or as a lone one (which must be longer), so
        // the few paragraphs after such a difference are compared by the rule alone too; so are
        // those after a contained copy, which a batch decides after its near copies
        let hidden = |report: &verbatim::text::Report| -> BTreeSet<(usize, usize)> {
            report.repeats.iter().map(|r| (r.index, r.of)).collect()
        };
        let (hidden_whole, hidden_batched) = (hidden(&whole), hidden(&batched));
        let after_difference = |i: usize| {
            let of = |set: &BTreeSet<(usize, usize)>, p: usize| {
                set.range((p, 0)..=(p, usize::MAX)).next().copied()
            };
            (i.saturating_sub(4)..i)
                .any(|p| of(&hidden_whole, p) != of(&hidden_batched, p) || contained.contains(&p))
        };
        let exceptional = |r: &verbatim::text::Repeat| {
            contained.contains(&r.index)
                || words(r.index) < options.min_words
                || after_difference(r.index)
                || looks_ahead(r, &paragraphs, &options)
        };
        let key = |r: &verbatim::text::Repeat| (r.index, r.of, r.kind);
        let a: Vec<_> = whole
            .repeats
            .iter()
            .filter(|r| !exceptional(r))
            .map(key)
            .collect();
        let b: Vec<_> = batched
            .repeats
            .iter()
            .filter(|r| !exceptional(r))
            .map(key)
            .collect();
        assert_eq!(a, b, "exact and near copies differ: {context}");
        for r in batched
            .repeats
            .iter()
            .filter(|r| r.kind == RepeatKind::Contained)
        {
            assert!(
                batch_of(r.of) <= batch_of(r.index),
                "a contained copy hidden for a container of a later batch: {r:?}: {context}"
            );
        }
    }
}

/// Huge inputs take the capped paths; they must keep the invariants too (kept few: debug build).
#[test]
fn large_inputs_keep_their_invariants() {
    let mut rng = Rng::new(99);
    let long = prose(&mut rng, 8_000, true);
    let marks: String = (0..10_000).map(|i| MARKS[i % MARKS.len()]).collect();
    let paragraphs = vec![
        long.clone(),
        marks.clone(),
        long.clone(),
        format!("“{}”, he said.", "😀".repeat(2_000)),
        marks,
        edit(&mut rng, &long),
    ];
    let report = analyze(&paragraphs, &Options::default());
    Checker::new(&paragraphs, "large inputs".into()).report(&report, 0..paragraphs.len(), &[]);
    assert!(report.repeats.iter().any(|r| r.index == 2 && r.of == 0));
}

/// Regression (issue 7, the right-to-left browser case): a copy that differs only by bidi marks,
/// embeddings or isolates, which a reader never sees, is an exact copy (they were folded as
/// letters, so a copy opening with U+200F stayed visible).
#[test]
fn bidi_controls_do_not_make_a_copy_another() {
    let ar =
        "عقد مجلس الميناء اجتماعا يوم الثلاثاء لمناقشة جدول جديد للعبارات التي تعبر الخليج كل ليلة.";
    let paragraphs = vec![
        ar.to_owned(),
        format!("\u{200F}{ar}"),
        format!("\u{2067}{ar}\u{2069}"),
        format!("\u{202B}{ar}\u{202C}\u{200E}"),
    ];
    let report = analyze(&paragraphs, &Options::default());
    let hidden: Vec<(usize, usize, RepeatKind)> = report
        .repeats
        .iter()
        .map(|r| (r.index, r.of, r.kind))
        .collect();
    assert_eq!(
        hidden,
        [
            (1, 0, RepeatKind::Exact),
            (2, 0, RepeatKind::Exact),
            (3, 0, RepeatKind::Exact)
        ]
    );
}
