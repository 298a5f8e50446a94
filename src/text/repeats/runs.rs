//! Where copies line up with their originals: runs, and short lines that belong to a copy.
//!
//! Every hidden paragraph remembers its *source*, the paragraph it was matched to (for a run of
//! copies, the next original in order, not necessarily the first copy of that text). From that:
//!
//! - **Runs.** A repeat continues the run of the previous repeat when at most [`MAX_GAP`]
//!   paragraphs stand between the two and its source follows the previous source, with at most
//!   `MAX_GAP` paragraphs between those too. The gap lets junk interleaved in either copy (an
//!   "Advertisement" line, an image, an empty paragraph, a caption) leave the run whole; such
//!   paragraphs are not repeats and are not reported.
//! - **Short lines inside a copy.** A paragraph under `minWords` words is structure when it repeats
//!   alone (an interview's recurring question, "Read more", list lines, bylines). It is part of a
//!   copy when it is *aligned*: the nearest repeat before it (within `MAX_GAP`) has a source
//!   followed, within `MAX_GAP`, by the same short text — or, looking forward within the batch,
//!   the nearest repeat after it has a source preceded by it. That is what a page printed twice
//!   looks like and what a recurring question never looks like: the question's neighbours are new
//!   answers, not copies. Chains of short lines extend from one aligned neighbour to the next.
//! - **Near copies in a run.** The same window after the previous source is searched first for a
//!   near copy, so an edited copy is found even where the shingle index has no evidence for it.

use std::ops::Range;

use super::{Para, NONE};

/// Paragraphs allowed between two members of a run, on either side (copy and original).
pub const MAX_GAP: usize = 3;

/// The nearest hidden paragraph before `i`, at most `MAX_GAP` paragraphs away.
fn previous_hidden(paras: &[Para], i: usize) -> Option<usize> {
    (i.saturating_sub(MAX_GAP + 1)..i)
        .rev()
        .find(|&p| paras[p].fate.is_some())
}

/// Where a copy at `i` would continue the run ending before it: the paragraphs just after the
/// previous repeat's source (nearest first), all before `i`.
pub fn window_after(paras: &[Para], i: usize) -> Range<usize> {
    match previous_hidden(paras, i).map(|p| paras[p].src) {
        Some(s) if s != NONE => (s + 1).min(i)..(s + 2 + MAX_GAP).min(i),
        _ => 0..0,
    }
}

/// The window before the source of the nearest repeat after `i` (within `MAX_GAP`, before `end`),
/// nearest to that source first; all before `i`.
pub fn window_before(paras: &[Para], i: usize, end: usize) -> Vec<usize> {
    let next = (i + 1..(i + 2 + MAX_GAP).min(end)).find(|&n| paras[n].fate.is_some());
    match next.map(|n| paras[n].src) {
        Some(s) if s != NONE => (s.saturating_sub(MAX_GAP + 1)..s)
            .rev()
            .filter(|&k| k < i)
            .collect(),
        _ => Vec::new(),
    }
}

/// Gives each repeat of `batch` its run: the run of the previous repeat when the two line up,
/// else a run of its own.
pub fn assign(paras: &mut [Para], batch: Range<usize>) {
    for i in batch {
        let Some(fate) = paras[i].fate else { continue };
        let src = paras[i].src;
        let run = match previous_hidden(paras, i) {
            Some(p) if paras[p].src < src && src <= paras[p].src + MAX_GAP + 1 => {
                paras[p].fate.map_or(i, |f| f.run)
            }
            _ => i,
        };
        paras[i].fate = Some(super::Fate { run, ..fate });
    }
}
