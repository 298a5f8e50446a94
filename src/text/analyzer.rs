//! The analysis as a whole: repeats first, then quotations in what stays visible, batch by batch.
//!
//! [`Analyzer`] is the incremental form: paragraphs arrive in batches (lazy loading, live blogs) and
//! each batch is judged against everything before it; decisions already handed out never change.
//! [`analyze`] is one batch.

use std::ops::Range;

use std::rc::Rc;

use super::memory::{
    fingerprint_of_words, fingerprint_with, Fingerprint, ReadSet, Reading, Scratch,
};
use super::options::Options;
use super::quotes::QuoteFinder;
use super::repeats::RepeatFinder;
use super::report::Report;

/// The state of an analysis that takes paragraphs in batches. Indices count across batches.
pub struct Analyzer {
    options: Options,
    paragraphs: Vec<String>,
    hidden: Vec<bool>,
    repeats: RepeatFinder,
    quotes: QuoteFinder,
    /// What was read on other pages; `None` (the default) costs nothing.
    reading: Option<Reading>,
}

impl Analyzer {
    pub fn new(options: Options) -> Self {
        Analyzer {
            repeats: RepeatFinder::new(&options),
            quotes: QuoteFinder::new(&options),
            options,
            paragraphs: Vec::new(),
            hidden: Vec::new(),
            reading: None,
        }
    }

    /// Gives the analysis a reading memory (or takes it away): from the next push on, paragraphs
    /// that copy what was read on another page are hidden too (see [`crate::text::memory`]).
    pub fn set_memory(&mut self, set: Option<Rc<ReadSet>>) {
        self.reading = set.map(Reading::new);
    }

    /// The reading memory, if one is set.
    pub fn memory(&self) -> Option<&ReadSet> {
        self.reading.as_ref().map(|r| &*r.set)
    }

    /// The reading-memory fingerprint of paragraph `index` and its word count (as the look-up
    /// judges it), from the words the repeats engine read when it did, else from the text.
    pub fn fingerprint(&self, index: usize, scratch: &mut Scratch) -> Option<(Fingerprint, usize)> {
        match self.repeats.scanned(index) {
            Some((key, words, hashes)) => Some((fingerprint_of_words(key, hashes, scratch), words)),
            None => Some(fingerprint_with(self.paragraph(index)?, scratch)),
        }
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// How many paragraphs have been pushed so far.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// The text of paragraph `index`, if it has been pushed.
    pub fn paragraph(&self, index: usize) -> Option<&str> {
        self.paragraphs.get(index).map(String::as_str)
    }

    /// Whether paragraph `index` is hidden (as a repeat, or as read on another page).
    pub fn is_hidden(&self, index: usize) -> bool {
        self.hidden.get(index).copied().unwrap_or(false)
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Adds a batch of paragraphs and returns the decisions about them (and only them).
    pub fn push<S: Into<String>>(&mut self, batch: impl IntoIterator<Item = S>) -> Report {
        self.push_with_records(batch, &[])
    }

    /// Like [`push`](Self::push), with the page's structure: `records[k]` is the record the
    /// batch's paragraph `k` stands in (a block repeated in shape beside its siblings, numbered by
    /// the caller, unique across pushes), or [`NO_RECORD`](super::repeats::NO_RECORD). See [`repeats`](super::repeats) for
    /// what records decide. An empty slice is the text-only analysis.
    pub fn push_with_records<S: Into<String>>(
        &mut self,
        batch: impl IntoIterator<Item = S>,
        records: &[u32],
    ) -> Report {
        let first = self.paragraphs.len();
        self.paragraphs.extend(batch.into_iter().map(Into::into));
        self.judge_from(first, records)
    }

    /// The body of [`push_with_records`](Self::push_with_records) once the batch is stored from
    /// `first` on: not generic, so that it is compiled once whatever the caller's paragraphs are.
    #[inline(never)]
    fn judge_from(&mut self, first: usize, records: &[u32]) -> Report {
        let new: Range<usize> = first..self.paragraphs.len();
        self.hidden.resize(self.paragraphs.len(), false);

        let repeats = if self.options.collapse {
            self.repeats.push(&self.paragraphs, new.clone(), records)
        } else {
            Vec::new()
        };
        for repeat in &repeats {
            self.hidden[repeat.index] = true;
        }
        let read = match &mut self.reading {
            Some(reading) if self.options.collapse => reading.judge(
                &self.repeats,
                new.clone(),
                &mut self.hidden,
                self.options.min_words,
                self.options.similarity,
            ),
            _ => Vec::new(),
        };
        let quotes = if self.options.highlight {
            self.quotes.push(&self.paragraphs, new, &self.hidden)
        } else {
            Vec::new()
        };
        Report {
            repeats,
            quotes,
            read,
        }
    }
}

/// Analyses one list of paragraphs at once.
pub fn analyze<S: AsRef<str>>(paragraphs: &[S], options: &Options) -> Report {
    let mut analyzer = Analyzer::new(options.clone());
    analyzer.push(paragraphs.iter().map(|p| p.as_ref().to_owned()))
}
