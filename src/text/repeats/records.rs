//! Records: repetition that belongs to parallel parts of a page stays; a record copied whole goes
//! as one unit, and one copied in part keeps every part.
//!
//! A page of parallel records repeats text legitimately: the same prompt put to several people, the
//! same bullet under several products, the same line under several days, the same label in the
//! rows of a list. Hiding such a repeat takes a part away from a record whose other parts differ,
//! and the reader loses it where it is needed. Two sources of evidence:
//!
//! - **From the text alone** ([`recurring`]), after the exact and near copies of step 1. Copies are
//!   grouped into *segments*: copies that follow one another with nothing new between them (a
//!   visible paragraph of `minWords` or more ends a segment; junk such as an "Advertisement" line
//!   does not). A short segment (at most [`MAX_RECORD_SHARE`] copies) whose paragraphs are copied
//!   again in another short segment of the same batch, so that the text stands three times or more
//!   each time followed by something of its own, is the shared part of records: it stays. A body
//!   printed twice or three times is one long segment per copy and is not affected. A lone copy (a
//!   segment of one) stays when it is a prompt (a question of any length, or a line ending in a
//!   colon): it belongs to what follows it. Segments that continue a larger copy on either side
//!   (the paragraph before them repeats the one before their source, or the one after repeats the
//!   one after) are not records: a menu printed twice whose short lines are judged later.
//!   And once runs are formed ([`lone_lines`]), a run of one short line that is not a sentence (a
//!   heading, a credit, a dateline under twice `minWords` words) is shown again: a toggle for one
//!   such line costs the reader more than the line.
//! - **From the page** ([`structure`]), when the caller says which *record* each paragraph stands
//!   in (the DOM layer numbers blocks that hold two paragraphs or more and sit beside a sibling of
//!   the same shape: an interviewee's section, a product card, a day of a plan, a story tile). A
//!   record whose every paragraph with words repeats earlier text is copied whole: all of it is
//!   hidden as one unit (`Repeat::unit`), its link-only lines and dates included, behind one
//!   toggle. A record holding copies *and* text of its own keeps its copies visible, unless the
//!   copies are nearly all of it (at least [`COPY_DOMINANCE`] times its own words and three
//!   paragraphs or more: a copied body with an ad or a caption of its own inside the same block).
//!
//! Both run inside one batch, before runs are formed; decisions of earlier batches stand.

use std::ops::Range;

use super::index::Table;
use super::tokens::mix;
use super::{RepeatFinder, RepeatKind, MAX_GAP, NONE, NO_RECORD};
use crate::text::normalise::fold;

/// The most copies a segment may hold and still be the shared part of a record.
pub const MAX_RECORD_SHARE: usize = 4;

/// How many times its own words a record's copied words must be for the copies to go anyway.
pub const COPY_DOMINANCE: usize = 4;

/// Whether something new stands in `between`: a visible paragraph of `min_words` or more, or a
/// shorter one whose text is seen there for the first time (a name, a short answer). A short line
/// that recurs (an "Advertisement" line) is not new.
fn new_text(f: &RepeatFinder, between: Range<usize>) -> bool {
    between.into_iter().any(|q| {
        let p = &f.paras[q];
        p.fate.is_none()
            && p.words > 0
            && (p.words >= f.min_words || f.first.get(p.key) == Some(q as u32 + 1))
    })
}

/// The exact key of the nearest paragraph with words before or `after` `i`,
/// within `MAX_GAP + 1` paragraphs.
fn neighbour(f: &RepeatFinder, i: usize, after: bool) -> Option<u64> {
    let with_words = |q: &usize| f.paras[*q].words > 0;
    let q = if after {
        (i + 1..(i + 2 + MAX_GAP).min(f.paras.len())).find(with_words)
    } else {
        (i.saturating_sub(MAX_GAP + 1)..i).rev().find(with_words)
    };
    q.map(|q| f.paras[q].key)
}

/// Whether the segment `first..=last` continues a larger copy on either side: the paragraph just
/// before it repeats the one just before its first source, or the one just after it repeats the
/// one after its last source (a menu printed twice whose short lines are not yet judged). The
/// shared part of a record is framed by what differs: a name before the prompt, an answer after.
fn continues_a_copy(f: &RepeatFinder, first: usize, last: usize) -> bool {
    let (a, b) = (f.paras[first].src, f.paras[last].src);
    let same = |x: Option<u64>, y: Option<u64>| x.is_some() && x == y;
    (a != NONE && same(neighbour(f, first, false), neighbour(f, a, false)))
        || (b != NONE && same(neighbour(f, last, true), neighbour(f, b, true)))
}

fn show(f: &mut RepeatFinder, i: usize) {
    let p = &mut f.paras[i];
    p.fate = None;
    p.src = NONE;
    p.chain = NONE;
    p.unit = false;
}

/// The text rules: short segments copied twice or more and lone prompts stay (they are pinned:
/// nothing hides them later in the batch). Returns whether any was found.
pub fn recurring(f: &mut RepeatFinder, all: &[String], batch: Range<usize>) -> bool {
    // (first, last, copies) of each segment of the batch
    let mut segments: Vec<(usize, usize, usize)> = Vec::new();
    for i in batch.clone() {
        if f.paras[i].fate.is_none() {
            continue;
        }
        match segments.last_mut() {
            Some((_, last, n)) if i - *last <= MAX_GAP + 1 && !new_text(f, *last + 1..i) => {
                *last = i;
                *n += 1;
            }
            _ => segments.push((i, i, 1)),
        }
    }
    if segments.is_empty() {
        return false;
    }
    // how often each original is copied in short segments
    let key = |of: usize| mix(of as u64 + 1);
    let mut counts: Table<u32> = Table::default();
    // (per segment, each original once: copies side by side are one occurrence, not records)
    let mut seen: Vec<usize> = Vec::new();
    // segments that are not part of a larger copy, nor copies side by side (the same original
    // twice in one segment, or a copy right after an earlier occurrence with nothing new between:
    // a paragraph printed again and again, not a record's part)
    // (longer segments are never records: dropped first, which also keeps this linear)
    segments.retain(|&(first, last, n)| {
        n <= MAX_RECORD_SHARE && !continues_a_copy(f, first, last) && !side_by_side(f, first, last)
    });
    for &(first, last, n) in &segments {
        if n > MAX_RECORD_SHARE {
            continue;
        }
        seen.clear();
        for i in first..=last {
            if let Some(fate) = f.paras[i].fate {
                if !seen.contains(&fate.of) {
                    seen.push(fate.of);
                    *counts.entry(key(fate.of)) += 1;
                }
            }
        }
    }
    let mut any = false;
    for &(first, last, n) in &segments {
        for (i, text) in all.iter().enumerate().take(last + 1).skip(first) {
            let Some(fate) = f.paras[i].fate else {
                continue;
            };
            let shared = n <= MAX_RECORD_SHARE && counts.get(key(fate.of)).unwrap_or(0) >= 2;
            let lone = n == 1 && is_prompt(text);
            if shared || lone {
                show(f, i);
                f.paras[i].pinned = true;
                any = true;
            }
        }
    }
    any
}

/// Whether the segment `first..=last` holds the same original twice, or begins right after an
/// earlier occurrence of its first paragraph's text with nothing new between them.
fn side_by_side(f: &RepeatFinder, first: usize, last: usize) -> bool {
    let mut roots: Vec<usize> = Vec::new();
    for p in f.paras.get(first..=last).unwrap_or_default() {
        if let Some(fate) = p.fate {
            if roots.contains(&fate.of) {
                return true;
            }
            roots.push(fate.of);
        }
    }
    let key = f.paras[first].key;
    let before = (first.saturating_sub(MAX_GAP + 1)..first)
        .rev()
        .find(|&q| f.paras[q].key == key && f.paras[q].words > 0);
    before.is_some_and(|q| !new_text(f, q + 1..first))
}

/// The page rules, for callers that number records: whole records go as one unit, records
/// copied in part keep their copies.
pub fn structure(f: &mut RepeatFinder, all: &[String], batch: Range<usize>) {
    // (record, paragraph) of every paragraph of the batch in a record, grouped by record
    let mut members: Vec<u64> = batch
        .clone()
        .filter(|&i| f.paras[i].record != NO_RECORD)
        .map(|i| u64::from(f.paras[i].record) << 32 | i as u64)
        .collect();
    if members.is_empty() {
        return;
    }
    crate::text::sort::sort_u64(&mut members);
    for group in members.chunk_by(|a, b| a >> 32 == b >> 32) {
        let record = (group[0] >> 32) as u32;
        let paras: Vec<usize> = group.iter().map(|&m| m as u32 as usize).collect();
        if paras.iter().all(|&i| f.paras[i].fate.is_none()) {
            continue;
        }
        // each paragraph with words: the earlier paragraph it repeats, if any
        let mut copied_words = 0;
        let mut own_words = 0;
        let mut copied = 0;
        let mut roots: Vec<(usize, usize)> = Vec::new();
        for &i in &paras {
            let p = &f.paras[i];
            if p.words == 0 {
                continue;
            }
            let root = match p.fate {
                Some(fate) => Some(fate.of),
                None => f
                    .first
                    .get(p.key)
                    .map(|r| r as usize - 1)
                    .filter(|&r| r < i && fold(super::at(all, r)) == fold(super::at(all, i))),
            };
            match root {
                Some(r) => {
                    copied += 1;
                    copied_words += p.words;
                    roots.push((i, r));
                }
                None => own_words += p.words,
            }
        }
        if copied == 0 {
            continue;
        }
        if own_words == 0 {
            // copied whole: every paragraph goes, as one unit
            for &(i, root) in &roots {
                if f.paras[i].fate.is_none() {
                    f.hide(i, root, root, RepeatKind::Exact, 1.0);
                }
            }
            for &i in &paras {
                if f.paras[i].fate.is_some() {
                    f.paras[i].unit = true;
                }
            }
        } else if copied_words < COPY_DOMINANCE * own_words || copied < 3 {
            // a record with parts of its own: its copies are parts of it
            for &i in &paras {
                let src = f.paras[i].src;
                if f.paras[i].fate.is_some() && (src == NONE || f.paras[src].record != record) {
                    show(f, i);
                }
            }
        }
    }
}

/// A prompt: a question of any length, or a line ending in a colon (a label before its answer).
fn is_prompt(text: &str) -> bool {
    super::is_question(text) || text.trim_end().ends_with([':', '\u{FF1A}'])
}

/// Whether `text` ends as a sentence does (a full stop, an exclamation or question mark, an
/// ellipsis, in any script's usual form, before closing quotes or brackets). Headings, credits and
/// datelines do not.
fn is_sentence(text: &str) -> bool {
    text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | ')' | ']' | '*' | '\u{201D}' | '\u{2019}' | '\u{BB}' | '\u{300D}'
            )
    })
    .ends_with([
        '.', '!', '?', '\u{2026}', '\u{3002}', '\u{FF01}', '\u{FF1F}', '\u{061F}', '\u{0964}',
    ])
}

/// A lone short line never gets a toggle of its own: a run of one paragraph under twice
/// `minWords` words that does not end as a sentence (a heading, a credit, a dateline, a title)
/// is shown again. Runs are final by now, so no other run changes. A pull quote or caption hidden
/// inside a longer paragraph is not such a line: it is the classic contained copy.
pub fn lone_lines(f: &mut RepeatFinder, all: &[String], batch: Range<usize>) {
    let mut sizes: Table<u32> = Table::default();
    for i in batch.clone() {
        if let Some(fate) = f.paras[i].fate {
            *sizes.entry(mix(fate.run as u64 + 1)) += 1;
        }
    }
    for i in batch.clone() {
        let Some(fate) = f.paras[i].fate else {
            continue;
        };
        // (a run begun in an earlier batch is not a run of one)
        if fate.run >= batch.start
            && sizes.get(mix(fate.run as u64 + 1)) == Some(1)
            && !f.paras[i].unit
            && fate.kind != RepeatKind::Contained
            && f.paras[i].words < 2 * f.min_words
            && !is_sentence(super::at(all, i))
        {
            show(f, i);
        }
    }
}
