//! Wrapping quotations in `<mark>` elements, and the speaker mentions the core reports for them in
//! `<span data-verbatim-mention="NAME">`.
//!
//! A quotation is a range of UTF-16 offsets in one or more paragraphs; the walker's segments say
//! which text node holds which offsets. Each piece of the range inside one text node becomes one
//! `<mark>`, all pieces of a quotation sharing one `data-verbatim-quote` id. A speaker's mention
//! (`speaker.mention`: the words of the text that name who speaks) is wrapped the same way, once
//! however many quotations share it; it has no style of its own, and lets a reader's view such as
//! the extension's "quotes only" keep the names beside the quotations. Text nodes are cut, never
//! replaced, so the page's own nodes, listeners and selections survive; each text node is cut once
//! at all its offsets (`marks.js`), so many quotations in one huge node cost time linear in its
//! length, and every cut is recorded for `restore`.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Text};

use super::page::Segment;
use super::state::{next_quote_id, DocState};
use super::summary::SpeakerCount;
use crate::text::sort::{sort_by, sort_u64};
use crate::text::{Quote, QuoteKind};

#[wasm_bindgen(module = "/src/dom/marks.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn verbatim_mark_node(
        node: &Text,
        cuts: &[u32],
        which: &[u32],
        templates: &Array,
        changes: &JsValue,
        firsts: &Array,
    ) -> Result<Array, JsValue>;
    /// The mark every piece of a quotation is a shallow copy of, pushed onto `templates`.
    #[wasm_bindgen(catch)]
    fn verbatim_template(
        templates: &Array,
        doc: &Document,
        changes: &JsValue,
        class: &str,
        id: &str,
        kind: &str,
        speaker: &str,
        cue: &str,
    ) -> Result<(), JsValue>;
    /// The span every piece of a speaker's mention is a shallow copy of, pushed onto `templates`.
    #[wasm_bindgen(catch)]
    fn verbatim_mention(templates: &Array, doc: &Document, name: &str) -> Result<(), JsValue>;
}

/// How many speaker colours the stylesheet has.
const SPEAKER_COLOURS: usize = 8;

/// The attributes every mark of one quotation carries.
struct QuoteMarks {
    id: String,
    kind: &'static str,
    speaker: String,
    /// The words of the text that say the quotation is said ("said", "told reporters"), or empty.
    /// `marks.js` makes the label: the speaker and the cue, or the document's words for a scare
    /// quote and a quotation without a speaker.
    cue: String,
    class: String,
}

/// Marks the new quotations and their speakers' mentions.
pub fn mark(doc: &mut DocState, quotes: &[Quote]) -> Result<(), JsValue> {
    // paragraph, start, end, item: a quotation's index, or quotes.len() + a mention's index
    let mut pieces: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut marks = Vec::with_capacity(quotes.len());
    // the element each piece of an item is a shallow copy of: quotations', then mentions'
    let templates = Array::new();
    // the names of the new mentions, in order
    let mut mentions: Vec<&str> = Vec::new();
    for quote in quotes {
        let Some(speaker) = quote.speaker.as_ref() else {
            continue;
        };
        let m = speaker.mention;
        let key = (m.paragraph, m.start, m.end);
        let fits = doc
            .paragraphs
            .get(m.paragraph)
            .is_some_and(|p| m.end <= p.len);
        if quote.kind == QuoteKind::Scare || speaker.name.is_empty() || m.start >= m.end || !fits {
            continue;
        }
        if let Err(at) = doc.mentions.binary_search(&key) {
            doc.mentions.insert(at, key);
            pieces.push((m.paragraph, m.start, m.end, quotes.len() + mentions.len()));
            mentions.push(&speaker.name);
        }
    }
    let cues = cue_texts(doc, quotes);
    for ((q, quote), cue) in quotes.iter().enumerate().zip(cues) {
        let described = describe(doc, quote, cue);
        verbatim_template(
            &templates,
            &doc.document,
            &doc.changes,
            &described.class,
            &described.id,
            described.kind,
            &described.speaker,
            &described.cue,
        )?;
        marks.push(described);
        for p in quote.start.paragraph..=quote.end.paragraph {
            let Some(paragraph) = doc.paragraphs.get(p) else {
                break;
            };
            let start = if p == quote.start.paragraph {
                quote.start.offset
            } else {
                0
            };
            let end = if p == quote.end.paragraph {
                quote.end.offset
            } else {
                paragraph.len
            };
            if start < end {
                pieces.push((p, start, end, q));
            }
        }
    }
    for name in mentions {
        verbatim_mention(&templates, &doc.document, name)?;
    }
    // by paragraph and start; among equal starts, quotations before mentions
    sort_by(&mut pieces, |a, b| (a.0, a.1, a.3) < (b.0, b.1, b.3));
    // the first mark of each quotation (marks.js fills it)
    let firsts = Array::new();
    let mut at = 0;
    // (`get` rather than indexing here and below: every index is in bounds, but each would carry a
    // panic path, with its location, into the module)
    while let Some(rest) = pieces.get(at..).filter(|rest| !rest.is_empty()) {
        let p = rest[0].0;
        let count = rest.iter().take_while(|piece| piece.0 == p).count();
        let ranges = rest.get(..count).unwrap_or_default();
        at += count;
        let Some(paragraph) = doc.paragraphs.get_mut(p) else {
            continue;
        };
        let segments = paragraph.take_segments();
        let mut out = Vec::with_capacity(segments.len() + 2 * ranges.len());
        let mut result = Ok(());
        for segment in segments {
            if result.is_ok() {
                match mark_segment(doc, &segment, ranges, &templates, &firsts) {
                    Ok(Some(parts)) => {
                        out.extend(parts);
                        continue;
                    }
                    Ok(None) => {}
                    Err(e) => result = Err(e),
                }
            }
            out.push(segment);
        }
        if let Some(paragraph) = doc.paragraphs.get_mut(p) {
            paragraph.put_segments(out);
        }
        result?;
    }
    for (q, (quote, described)) in quotes.iter().zip(&marks).enumerate() {
        let mark = firsts.get(q as u32);
        if !mark.is_undefined() {
            // one stop per quotation for keyboard readers, where the label shows on focus
            mark.unchecked_into::<Element>()
                .set_attribute("tabindex", "0")?;
            count(doc, quote, described);
        }
    }
    Ok(())
}

/// Wraps the parts of `ranges` (one paragraph's, sorted by start) inside one segment; returns the
/// segments that now stand where it stood, or None when none falls in it or its node changed.
///
/// The node is cut at every start and end, and each piece is wrapped in one copy of the template
/// of every range covering it, nested as marking the ranges one by one from the right used to nest
/// them (a mention inside a quotation: the mention's span outside, the quotation's mark inside).
fn mark_segment(
    doc: &DocState,
    segment: &Segment,
    ranges: &[(usize, usize, usize, usize)],
    templates: &Array,
    firsts: &Array,
) -> Result<Option<Vec<Segment>>, JsValue> {
    let (seg_start, seg_end) = (segment.start, segment.start + segment.len);
    let node = &segment.node;
    // (start, end, item) within the node, sorted by start and item
    let inside: Vec<(usize, usize, usize)> = ranges
        .iter()
        .filter(|r| r.1 < seg_end && r.2 > seg_start)
        .map(|r| {
            (
                r.1.max(seg_start) - seg_start,
                r.2.min(seg_end) - seg_start,
                r.3,
            )
        })
        .collect();
    if inside.is_empty() || node.length() as usize != segment.len || node.parent_node().is_none() {
        return Ok(None);
    }
    let mut bounds: Vec<usize> = Vec::with_capacity(2 * inside.len() + 2);
    bounds.push(0);
    bounds.push(segment.len);
    for &(a, b, _) in &inside {
        bounds.push(a);
        bounds.push(b);
    }
    sort_by(&mut bounds, |a, b| a < b);
    bounds.dedup();
    // per piece: how many wrappers, then their items, innermost first
    let mut which: Vec<u32> = Vec::with_capacity(2 * bounds.len());
    let mut active: Vec<(usize, usize, usize)> = Vec::new();
    let mut next = 0;
    for pair in bounds.windows(2) {
        let &[start, _] = pair else { continue };
        active.retain(|r| r.1 > start);
        while let Some(&r) = inside.get(next).filter(|r| r.0 <= start) {
            active.push(r);
            next += 1;
        }
        which.push(active.len() as u32);
        // innermost: the range starting first (marked last); among equal starts, the later item
        for group in active.chunk_by(|a, b| a.0 == b.0) {
            which.extend(group.iter().rev().map(|r| r.2 as u32));
        }
    }
    // (the inner bounds: every bound but 0 and the segment's end)
    let cuts: Vec<u32> = bounds
        .iter()
        .filter(|&&at| at != 0 && at != segment.len)
        .map(|&at| at as u32)
        .collect();
    let made = verbatim_mark_node(node, &cuts, &which, templates, &doc.changes, firsts)?;
    let out = bounds
        .windows(2)
        .zip(made.iter())
        .map(|(pair, piece)| Segment {
            node: piece.unchecked_into(),
            start: seg_start + pair.first().copied().unwrap_or(0),
            len: pair.last().copied().unwrap_or(0) - pair.first().copied().unwrap_or(0),
        })
        .collect();
    Ok(Some(out))
}

/// The text of every quotation's cue, the UTF-16 offsets turned into byte offsets in one forward
/// pass per paragraph (slicing each from the paragraph's start would be quadratic in a huge
/// paragraph of many quotations).
fn cue_texts(doc: &DocState, quotes: &[Quote]) -> Vec<String> {
    let key = |paragraph: usize, unit: usize| ((paragraph as u64) << 32) | unit as u64;
    let mut keys: Vec<u64> = Vec::with_capacity(2 * quotes.len());
    for c in quotes.iter().filter_map(|q| q.cue) {
        keys.push(key(c.paragraph, c.start));
        keys.push(key(c.paragraph, c.end));
    }
    sort_u64(&mut keys);
    keys.dedup();
    // the byte offset of each key: the first character boundary at or past its unit offset
    let mut bytes = Vec::with_capacity(keys.len());
    let mut at: Option<(u64, usize, usize)> = None; // paragraph, byte, unit
    for &k in &keys {
        let p = k >> 32;
        let text = doc.analyzer.paragraph(p as usize).unwrap_or("");
        let (mut byte, mut unit) = match at {
            Some((q, byte, unit)) if q == p => (byte, unit),
            _ => (0, 0),
        };
        let target = (k & 0xffff_ffff) as usize;
        for c in text.get(byte..).unwrap_or("").chars() {
            if unit >= target {
                break;
            }
            unit += c.len_utf16();
            byte += c.len_utf8();
        }
        at = Some((p, byte, unit));
        bytes.push(byte);
    }
    let byte = |k: u64| {
        keys.binary_search(&k)
            .ok()
            .and_then(|i| bytes.get(i).copied())
            .unwrap_or(0)
    };
    quotes
        .iter()
        .map(|q| {
            q.cue
                .and_then(|c| {
                    let text = doc.analyzer.paragraph(c.paragraph)?;
                    let from = byte(key(c.paragraph, c.start));
                    let to = byte(key(c.paragraph, c.end));
                    text.get(from..to.max(from)).map(str::to_owned)
                })
                .unwrap_or_default()
        })
        .collect()
}

fn describe(doc: &mut DocState, quote: &Quote, cue: String) -> QuoteMarks {
    let kind = match quote.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Scare => "scare",
    };
    let speaker = quote
        .speaker
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let class = if quote.kind == QuoteKind::Scare {
        "verbatim-q verbatim-scare".to_owned()
    } else if !listed(&speaker) {
        // (a pronoun the text leaves unresolved shows on hover but takes no speaker's colour)
        "verbatim-q verbatim-unknown".to_owned()
    } else {
        let slot = match doc.speaker_slots.iter().position(|s| *s == speaker) {
            Some(slot) => slot,
            None => {
                doc.speaker_slots.push(speaker.clone());
                doc.speaker_slots.len() - 1
            }
        };
        let digit = char::from(b'0' + (slot % SPEAKER_COLOURS) as u8);
        crate::text::join(
            &["verbatim-q verbatim-s", digit.encode_utf8(&mut [0; 4])],
            "",
        )
    };
    QuoteMarks {
        id: super::decimal(next_quote_id()),
        kind,
        speaker,
        cue,
        class,
    }
}

/// Whether a speaker's name goes in the summary's list and gets a colour of its own: a name, not
/// nothing and not a pronoun the text leaves unresolved ("he", "I").
fn listed(speaker: &str) -> bool {
    !speaker.is_empty() && crate::text::quotes::names_someone(speaker)
}

fn count(doc: &mut DocState, quote: &Quote, marks: &QuoteMarks) {
    doc.summary.quotes += 1;
    if quote.kind == QuoteKind::Scare || !listed(&marks.speaker) {
        return;
    }
    match doc
        .summary
        .speakers
        .iter_mut()
        .find(|s| s.name == marks.speaker)
    {
        Some(entry) => entry.count += 1,
        None => doc.summary.speakers.push(SpeakerCount {
            name: marks.speaker.clone(),
            count: 1,
            first_quote: marks.id.clone(),
        }),
    }
}
