//! Wrapping quotations in `<mark>` elements, and the speaker mentions the core reports for them in
//! `<span data-verbatim-mention="NAME">`.
//!
//! A quotation is a range of UTF-16 offsets in one or more paragraphs; the walker's segments say
//! which text node holds which offsets. Each piece of the range inside one text node becomes one
//! `<mark>`, all pieces of a quotation sharing one `data-verbatim-quote` id. A speaker's mention
//! (`speaker.mention`: the words of the text that name who speaks) is wrapped the same way, once
//! however many quotations share it; it has no style of its own, and lets a reader's view such as
//! the extension's "quotes only" keep the names beside the quotations. Text nodes are split, never
//! replaced, so the page's own nodes, listeners and selections survive; every split is recorded for
//! `restore`.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::page::Segment;
use super::state::{next_quote_id, DocState};
use super::summary::SpeakerCount;
use crate::text::sort::sort_by;
use crate::text::utf16::slice_utf16;
use crate::text::{Quote, QuoteKind};

/// How many speaker colours the stylesheet has.
const SPEAKER_COLOURS: usize = 8;

/// The attributes every mark of one quotation carries.
struct QuoteMarks {
    id: String,
    kind: &'static str,
    speaker: String,
    label: String,
    class: String,
}

/// What one wrapped piece belongs to.
enum Wrapper<'a> {
    Quote(&'a QuoteMarks),
    /// A speaker's mention, with the speaker's name.
    Mention(&'a str),
}

/// Marks the new quotations and their speakers' mentions.
pub fn mark(doc: &mut DocState, quotes: &[Quote]) -> Result<(), JsValue> {
    // paragraph, start, end, item: a quotation's index, or quotes.len() + a mention's index
    let mut pieces: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut marks = Vec::with_capacity(quotes.len());
    let mut mentions: Vec<String> = Vec::new();
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
            mentions.push(speaker.name.clone());
        }
    }
    for (q, quote) in quotes.iter().enumerate() {
        marks.push(describe(doc, quote));
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
    // Right to left within a paragraph: a split leaves the text to its left in the original node,
    // so the offsets of pieces still to come stay valid. Among equal starts, in quotation order.
    sort_by(&mut pieces, |a, b| {
        a.0 < b.0 || (a.0 == b.0 && (a.1 > b.1 || (a.1 == b.1 && a.3 < b.3)))
    });
    let mut first_mark: Vec<Option<Element>> = vec![None; quotes.len()];
    for (p, start, end, q) in pieces {
        let mut segments = doc.paragraphs[p].take_segments();
        let mut result = Ok(());
        let mut i = segments.len();
        while i > 0 {
            i -= 1;
            let segment = &segments[i];
            let seg_end = segment.start + segment.len;
            if segment.start >= end || seg_end <= start {
                continue;
            }
            let a = start.max(segment.start) - segment.start;
            let b = end.min(seg_end) - segment.start;
            let what = match marks.get(q) {
                Some(quote) => Wrapper::Quote(quote),
                None => Wrapper::Mention(&mentions[q - quotes.len()]),
            };
            match wrap(doc, segment, a, b, what) {
                Ok(Some((mark, parts))) => {
                    if let Some(first) = first_mark.get_mut(q) {
                        *first = Some(mark); // the last one wrapped is the leftmost
                    }
                    segments.splice(i..=i, parts);
                }
                Ok(None) => {}
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        doc.paragraphs[p].put_segments(segments);
        result?;
    }
    for (q, mark) in first_mark.iter().enumerate() {
        if let Some(mark) = mark {
            // one stop per quotation for keyboard readers, where the label shows on focus
            mark.set_attribute("tabindex", "0")?;
            count(doc, &quotes[q], &marks[q]);
        }
    }
    Ok(())
}

fn describe(doc: &mut DocState, quote: &Quote) -> QuoteMarks {
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
    let cue = quote
        .cue
        .and_then(|c| {
            doc.analyzer
                .paragraph(c.paragraph)
                .map(|t| slice_utf16(t, c.start, c.end).to_owned())
        })
        .unwrap_or_default();
    let label = match (speaker.is_empty(), cue.is_empty(), quote.kind) {
        (_, _, QuoteKind::Scare) => doc.labels.scare.clone(),
        (true, _, _) => doc.labels.unknown.clone(),
        (false, true, _) => speaker.clone(),
        (false, false, _) => [&speaker, " · ", &cue].concat(),
    };
    let class = if quote.kind == QuoteKind::Scare {
        "verbatim-q verbatim-scare".to_owned()
    } else if speaker.is_empty() {
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
        ["verbatim-q verbatim-s", digit.encode_utf8(&mut [0; 4])].concat()
    };
    QuoteMarks {
        id: super::decimal(next_quote_id()),
        kind,
        speaker,
        label,
        class,
    }
}

fn count(doc: &mut DocState, quote: &Quote, marks: &QuoteMarks) {
    doc.summary.quotes += 1;
    if quote.kind == QuoteKind::Scare || marks.speaker.is_empty() {
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

/// Wraps UTF-16 offsets `a..b` of a segment's text node in a mark; returns the mark and the
/// segments that now stand where the one segment stood (None if the text changed under us).
fn wrap(
    doc: &mut DocState,
    segment: &Segment,
    a: usize,
    b: usize,
    what: Wrapper,
) -> Result<Option<(Element, Vec<Segment>)>, JsValue> {
    let node = &segment.node;
    let len = node.length() as usize;
    if len != segment.len || a >= b || b > len {
        return Ok(None);
    }
    let Some(parent) = node.parent_node() else {
        return Ok(None);
    };
    let mut parts = Vec::with_capacity(3);
    let tail = if b < len {
        let tail = node.split_text(b as u32)?;
        doc.changes.splits.push((node.clone(), tail.clone()));
        Some(tail)
    } else {
        None
    };
    let target = if a > 0 {
        let middle = node.split_text(a as u32)?;
        doc.changes.splits.push((node.clone(), middle.clone()));
        parts.push(Segment {
            node: node.clone(),
            start: segment.start,
            len: a,
        });
        middle
    } else {
        node.clone()
    };
    parts.push(Segment {
        node: target.clone(),
        start: segment.start + a,
        len: b - a,
    });
    if let Some(tail) = tail {
        parts.push(Segment {
            node: tail,
            start: segment.start + b,
            len: len - b,
        });
    }
    let mark = match what {
        Wrapper::Quote(quote) => {
            let mark = doc.document.create_element("mark")?;
            mark.set_attribute("class", &quote.class)?;
            mark.set_attribute("data-verbatim-quote", &quote.id)?;
            mark.set_attribute("data-verbatim-kind", quote.kind)?;
            mark.set_attribute("data-verbatim-speaker", &quote.speaker)?;
            mark.set_attribute("data-verbatim-label", &quote.label)?;
            mark
        }
        Wrapper::Mention(name) => {
            let span = doc.document.create_element("span")?;
            span.set_attribute("class", "verbatim-who")?;
            span.set_attribute("data-verbatim-mention", name)?;
            span
        }
    };
    let parent = target.parent_node().unwrap_or(parent);
    parent.insert_before(&mark, Some(&target))?;
    mark.append_child(&target)?;
    doc.changes.marks.push(mark.clone());
    Ok(Some((mark, parts)))
}
