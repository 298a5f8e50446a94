//! Where the quotations are, what kind they are, and who speaks them.
//!
//! Walking-skeleton engine: pairs “…” and "…" within a paragraph, no speakers yet.
//! The full engine replaces it.

use std::ops::Range;

use super::options::Options;
use super::report::{Position, Quote, QuoteKind};
use super::utf16::Utf16Map;

pub struct QuoteFinder;

impl QuoteFinder {
    pub fn new(_options: &Options) -> Self {
        QuoteFinder
    }

    /// Finds the quotations in the visible paragraphs of `all[new]`.
    pub fn push(&mut self, all: &[String], new: Range<usize>, hidden: &[bool]) -> Vec<Quote> {
        let mut out = Vec::new();
        for paragraph in new {
            if hidden[paragraph] {
                continue;
            }
            let text = &all[paragraph];
            let mut map = Utf16Map::new(text);
            let mut open: Option<(usize, char)> = None;
            for (at, c) in text.char_indices() {
                match (open, c) {
                    (None, '“') | (None, '"') => open = Some((at, c)),
                    (Some((start, o)), c) if (o == '“' && c == '”') || (o == '"' && c == '"') => {
                        let end = at + c.len_utf8();
                        out.push(Quote {
                            start: Position {
                                paragraph,
                                offset: map.unit(start),
                            },
                            end: Position {
                                paragraph,
                                offset: map.unit(end),
                            },
                            kind: QuoteKind::Direct,
                            speaker: None,
                            cue: None,
                        });
                        open = None;
                    }
                    _ => {}
                }
            }
        }
        out
    }
}
