//! Which paragraphs repeat earlier ones and should be hidden.
//!
//! Walking-skeleton engine: exact copies after [`fold`](super::normalise::fold), grouped into runs.
//! The full engine (near and contained copies, structure left alone) replaces it.

use std::collections::HashMap;
use std::ops::Range;

use super::normalise::{fold, words};
use super::options::Options;
use super::report::{Repeat, RepeatKind};

pub struct RepeatFinder {
    min_words: usize,
    first_of: HashMap<String, usize>,
    last: Option<(usize, usize, usize)>, // (index, of, run) of the last repeat
}

impl RepeatFinder {
    pub fn new(options: &Options) -> Self {
        RepeatFinder {
            min_words: options.min_words,
            first_of: HashMap::new(),
            last: None,
        }
    }

    /// Judges `all[new]` against every paragraph before it; returns the new repeats by index.
    pub fn push(&mut self, all: &[String], new: Range<usize>) -> Vec<Repeat> {
        let mut out = Vec::new();
        for index in new {
            let key = fold(&all[index]);
            if key.is_empty() {
                continue;
            }
            match self.first_of.get(&key) {
                Some(&of) if words(&all[index]).count() >= self.min_words => {
                    let run = match self.last {
                        Some((li, lo, run)) if li + 1 == index && lo < of => run,
                        _ => index,
                    };
                    self.last = Some((index, of, run));
                    out.push(Repeat {
                        index,
                        of,
                        kind: RepeatKind::Exact,
                        similarity: 1.0,
                        run,
                    });
                }
                Some(_) => {}
                None => {
                    self.first_of.insert(key, index);
                }
            }
        }
        out
    }
}
