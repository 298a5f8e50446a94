//! The plain data the core hands out: which paragraphs are repeats and where the quotations are.
//!
//! These types are the `Report` of the public interface (`analyze()` in JavaScript, where
//! `src/api.rs` gives them the interface's camelCase names). Every offset is a UTF-16 index (a JavaScript string
//! index), because that is what the DOM layer and embedders index text with.

/// How a hidden paragraph copies the one that stays visible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepeatKind {
    /// The same text once white space, quote styles, dashes, case and trailing punctuation are folded.
    Exact,
    /// An edited copy: most of its word shingles are shared with the original.
    Near,
    /// A pull quote, caption or teaser whose words stand inside a longer paragraph.
    Contained,
}

/// One hidden paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Repeat {
    /// The paragraph hidden.
    pub index: usize,
    /// The paragraph that stays visible: the first copy, or the container of a contained copy.
    pub of: usize,
    pub kind: RepeatKind,
    /// 1 for exact copies, the measured similarity for near ones, the share of words found in the
    /// container for contained ones.
    pub similarity: f64,
    /// Groups the repeats that one toggle hides: the index of the run's first hidden paragraph.
    pub run: usize,
    /// When the paragraph goes with the whole record it stands in (a block copied whole), that
    /// record's number as the caller gave it; the DOM layer then hides the record's element as one
    /// unit. Never set by the text-only analysis, and then not serialised.
    pub unit: Option<usize>,
}

/// What a quotation is doing in the prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// A quoted statement, usually a clause or a sentence, attributed to someone.
    Direct,
    /// A quoted fragment inside reported speech: both have a "very good relationship".
    Partial,
    /// A term set off by quotation marks that nobody is speaking: the "maximum pressure" strategy.
    Scare,
}

/// A point in the text: a paragraph and a UTF-16 offset into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub paragraph: usize,
    pub offset: usize,
}

/// A stretch of one paragraph, `start..end` in UTF-16 units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// Who speaks a quotation: the resolved name and where the text points at them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The fullest form of the name the text gives ("Donald Trump" for "Trump", "it", "the expert").
    pub name: String,
    /// The words the cue attaches to, where they stand: "he", "the expert", "Kim Sang-ki".
    pub mention: Span,
}

/// One quotation, from its opening mark to just past its closing mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub start: Position,
    pub end: Position,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase alone: "said", "told", "according to".
    pub cue: Option<Span>,
}

/// Everything the core decided about a list of paragraphs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Sorted by `index`.
    pub repeats: Vec<Repeat>,
    /// Sorted by `start`; none inside a paragraph hidden as a repeat.
    pub quotes: Vec<Quote>,
    /// Paragraphs read before on other pages (only with a reading memory, which `analyze` never
    /// has: not serialised, so the interface's `{ repeats, quotes }` is unchanged). Sorted by `index`.
    pub read: Vec<Read>,
}

/// A paragraph that copies one read before (see [`crate::text::memory`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub index: usize,
    pub kind: RepeatKind,
    /// 1 for exact copies; otherwise the estimated share of the paragraph read before.
    pub similarity: f64,
    /// Groups the read paragraphs one toggle hides: the index of the run's first paragraph.
    pub run: usize,
    /// Where it was read: an index into the reading memory's sources.
    pub source: usize,
    /// False when it was read on this very page: reported, not hidden.
    pub hidden: bool,
}
