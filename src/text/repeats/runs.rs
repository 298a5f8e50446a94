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

use super::{Paras, NONE};

/// Paragraphs allowed between two members of a run, on either side (copy and original).
pub const MAX_GAP: usize = 3;

/// The nearest hidden paragraph before `i`, at most `MAX_GAP` paragraphs away.
pub fn previous_hidden(paras: &Paras, i: usize) -> Option<usize> {
    (i.saturating_sub(MAX_GAP + 1)..i)
        .rev()
        .find(|&p| paras[p].fate.is_some())
}

/// Where a copy at `i` would continue the run ending before it: the paragraphs just after the
/// previous repeat's source (nearest first), all before `i`.
pub fn window_after(paras: &Paras, i: usize) -> Range<usize> {
    match previous_hidden(paras, i).map(|p| paras[p].src) {
        Some(s) if s != NONE => (s + 1).min(i)..(s + 2 + MAX_GAP).min(i),
        _ => 0..0,
    }
}

/// Where the copy that a repeat at `i` of source `src` would continue began: the `chain` of the
/// repeat before it when the two line up (as in [`assign`]), else `i` itself.
pub fn chain_start(paras: &Paras, i: usize, src: usize) -> usize {
    match previous_hidden(paras, i) {
        Some(p) if paras[p].src < src && src <= paras[p].src + MAX_GAP + 1 => paras[p].chain,
        _ => i,
    }
}

/// Like [`window_after`], for a short line: the repeat before it must be joined to it by junk
/// only. A visible paragraph of `min_words` or more in between means the copy ended there (an
/// interview's answers between its recurring questions), so a short line never lines up through
/// new text, and chains of short lines cannot run on by themselves.
pub fn window_after_short(paras: &Paras, i: usize, min_words: usize) -> Range<usize> {
    match previous_hidden(paras, i) {
        Some(p) if !new_text_between(paras, p + 1..i, min_words) => window_after(paras, i),
        _ => 0..0,
    }
}

fn new_text_between(paras: &Paras, between: Range<usize>, min_words: usize) -> bool {
    paras
        .get(between)
        .unwrap_or_default()
        .iter()
        .any(|q| q.fate.is_none() && q.words >= min_words)
}

/// The window before the source of the nearest repeat after the short line `i` (within `MAX_GAP`,
/// before `end`, joined to it by junk only), nearest to that source first; all before `i`.
pub fn window_before(paras: &Paras, i: usize, end: usize, min_words: usize) -> Vec<usize> {
    let next = (i + 1..(i + 2 + MAX_GAP).min(end))
        .find(|&n| paras[n].fate.is_some())
        .filter(|&n| !new_text_between(paras, i + 1..n, min_words));
    match next.map(|n| paras[n].src) {
        Some(s) if s != NONE => (s.saturating_sub(MAX_GAP + 1)..s)
            .rev()
            .filter(|&k| k < i)
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether the short line `i`, lined up with a copy, really stands inside a copy: counting the
/// long copies on each side (within `2·(MAX_GAP+1)` paragraphs, up to the first new paragraph of
/// `min_words` or more, within `0..end`), there is one on each side or two on one side. A single
/// long paragraph repeated alone (a genuinely repeated answer in an interview) thus never drags
/// the recurring question next to it along; the start and the end of a copied body, where one side
/// is new text, are held by the copies on the other side.
pub fn inside_a_copy(paras: &Paras, i: usize, end: usize, min_words: usize) -> bool {
    let reach = 2 * (MAX_GAP + 1);
    let count = |range: &mut dyn Iterator<Item = usize>| {
        let mut n = 0;
        for q in range {
            let para = &paras[q];
            if para.words >= min_words {
                if para.fate.is_none() {
                    break;
                }
                n += 1;
            }
        }
        n
    };
    let before = count(&mut (i.saturating_sub(reach)..i).rev());
    let after = count(&mut (i + 1..(i + 1 + reach).min(end)));
    (before >= 1 && after >= 1) || before >= 2 || after >= 2
}

/// Gives each repeat of `batch` its run: the run of the previous repeat when the two line up
/// with nothing new between them, else a run of its own. A visible paragraph of `min_words` or
/// more between two copies ends the run: the toggle stands where its paragraphs stood, so copies
/// on either side of new text (a prompt before each of several answers) get a toggle each rather
/// than vanishing behind one toggle further up. Repeats side by side (nothing with words between
/// them), and repeats hidden with their records as units, share a toggle whatever their sources.
pub fn assign(paras: &mut Paras, batch: Range<usize>, min_words: usize) {
    for i in batch {
        let Some(fate) = paras[i].fate else { continue };
        let src = paras[i].src;
        let run = match previous_hidden(paras, i) {
            Some(p)
                if ((paras[p].src < src && src <= paras[p].src + MAX_GAP + 1)
                    || (paras[i].unit && paras[p].unit)
                    || paras
                        .get(p + 1..i)
                        .unwrap_or_default()
                        .iter()
                        .all(|q| q.words == 0))
                    && !new_text_between(paras, p + 1..i, min_words) =>
            {
                paras[p].fate.map_or(i, |f| f.run)
            }
            _ => i,
        };
        paras[i].fate = Some(super::Fate { run, ..fate });
    }
}
