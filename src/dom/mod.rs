//! The DOM layer: finds the paragraphs of a page, applies the core's [`Report`](crate::text::Report)
//! to them, and undoes every change exactly.
//!
//! It decides nothing about repeats or quotations; the text core does. What it decides is how a
//! decision shows on a page: what element hides a paragraph, where the toggle of a run stands, how a
//! quotation that crosses inline elements becomes several `<mark>`s with one id. Every change is
//! recorded in the document's [`state`] so that [`restore`] can reverse it.

mod marks;
mod page;
mod restore;
mod runs;
mod state;
mod style;
pub mod summary;

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::text::repeats::NO_RECORD;
use crate::text::Options;

pub use restore::restore;
/// The words written into the page, from an options object (`runs.js`).
pub use runs::verbatim_labels as labels;
use summary::Summary;

/// Collapses repeats and marks quotations under `root`; on a later call, only in paragraphs not
/// seen before, judged against all earlier ones. The options of the first call hold until `restore`.
/// With `limit` > 0, at most about `limit` new paragraphs are read (whole blocks; the rest stay for
/// the next call) and the second value says whether some remain: a caller cuts a huge page into
/// steps, one task each, so that no task holds the page for long. `labels`, like the options, hold
/// from the first call until `restore`.
pub fn process(
    root: &Element,
    options: Options,
    labels: &JsValue,
    limit: u32,
) -> Result<(Summary, bool), JsValue> {
    let document = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("verbatim: the root is not in a document"))?;
    state::with_document(&document, options, labels, |doc| {
        let mut found = page::walk(root, &doc.walker, limit);
        let more = found.more;
        // the walk's record numbers, made unique in the document
        let base = doc.records.len();
        let records: Vec<u32> = found
            .records
            .iter()
            .map(|&r| u32::try_from(r).map_or(NO_RECORD, |r| (base + r as usize) as u32))
            .collect();
        doc.records.append(&mut found.record_els);
        let (texts, paragraphs) = found.split();
        let report = doc.analyzer.push_with_records(texts, &records);
        doc.paragraphs.extend(paragraphs);
        // the stylesheet and the toggles' listener only once something is shown: adding a sheet
        // parses it and makes the browser restyle the page
        if !report.repeats.is_empty()
            || !report.quotes.is_empty()
            || report.read.iter().any(|r| r.hidden)
        {
            doc.ensure_style();
        }
        runs::hide(doc, &report.repeats)?;
        runs::hide_read(doc, &report.read)?;
        summary::count_read(doc, &report.read);
        marks::mark(doc, &report.quotes)?;
        // our own changes are no news to the walker's watch
        page::verbatim_walker_settle(&doc.walker);
        Ok((doc.summary.clone(), more))
    })
}

/// `n` in decimal digits (without `core::fmt`, which would add to the module's size).
pub fn decimal(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| d as char).collect()
}

/// Gives the document a reading memory (see [`state::set_memory`]).
pub fn set_read_memory(
    document: &web_sys::Document,
    set: Option<std::rc::Rc<crate::text::memory::ReadSet>>,
) {
    state::set_memory(document, set);
}

/// Shows or hides every run of the document of `root`; false when it was never processed.
pub fn show_repeats(root: &Element, shown: bool) -> bool {
    let Some(document) = root.owner_document() else {
        return false;
    };
    state::with_existing(&document, |doc| {
        runs::verbatim_expand_all(&doc.changes, shown)
    })
    .is_some()
}

/// The paragraphs of the document of `root` from index `from` on that a reading memory would
/// remember once read: visible, long enough (the core decides), with an element to watch. Returns
/// their elements, their fingerprints ([`BYTES`](crate::text::memory::BYTES) each, in the same
/// order) and the index to start from next time.
pub fn read_candidates(root: &Element, from: usize) -> Option<(Vec<Element>, Vec<u8>, usize)> {
    use crate::text::memory::{rememberable, Scratch};
    use wasm_bindgen::JsCast;
    let document = root.owner_document()?;
    state::with_existing(&document, |doc| {
        let min_words = doc.analyzer.options().min_words;
        let mut scratch = Scratch::default();
        let (mut elements, mut bytes) = (Vec::new(), Vec::new());
        let end = doc.analyzer.len().min(doc.paragraphs.len());
        for i in from..end {
            if doc.analyzer.is_hidden(i) {
                continue;
            }
            let element = match doc.paragraphs[i].target() {
                page::Target::Element(e) => e,
                page::Target::Nodes(nodes) => {
                    match nodes
                        .get(0)
                        .unchecked_into::<web_sys::Node>()
                        .parent_element()
                    {
                        Some(e) => e,
                        None => continue,
                    }
                }
                page::Target::None => continue,
            };
            let Some((fp, words)) = doc.analyzer.fingerprint(i, &mut scratch) else {
                continue;
            };
            if !rememberable(words, min_words) {
                continue;
            }
            elements.push(element);
            bytes.extend_from_slice(&fp.to_bytes());
        }
        (elements, bytes, end)
    })
}
