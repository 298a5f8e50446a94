//! Hiding repeated paragraphs and the one toggle per run that shows them again.
//!
//! The core says which paragraphs are repeats and which run each belongs to; here each becomes an
//! element hidden through its own style (`display: none !important`, so page CSS cannot undo it and
//! no stylesheet is needed for hiding), marked `data-verbatim-repeat`, and each run gets one
//! `<button>` before its first hidden paragraph. The button keeps `aria-expanded` true to its state.
//! A repeat the core hides with its whole record (`Repeat::unit`) hides the record's element once,
//! link-only lines and images included, and its other paragraphs go with it. The DOM writes are
//! `runs.js`'s, one call each; what is written, and where, is decided here.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use super::state::{DocState, Run};
use crate::text::{Read, Repeat, RepeatKind};

#[wasm_bindgen(module = "/src/dom/runs.js")]
extern "C" {
    /// A document's record of changes, for restore, with the words written into its page.
    pub fn verbatim_changes(labels: &JsValue) -> JsValue;
    /// The words written into the page, from an options object (its `labels`; English by default).
    #[wasm_bindgen(catch)]
    pub fn verbatim_labels(options: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn verbatim_hide(
        doc: &Document,
        target: &JsValue,
        kind: &str,
        read: Option<String>,
        changes: &JsValue,
    ) -> Result<Option<Element>, JsValue>;
    #[wasm_bindgen(catch)]
    fn verbatim_toggle(
        doc: &Document,
        element: &Element,
        run: u32,
        index: usize,
        read: Option<String>,
        changes: &JsValue,
    ) -> Result<(), JsValue>;
    fn verbatim_join(changes: &JsValue, run: u32, index: usize);
    fn verbatim_count(changes: &JsValue, run: u32);
    fn verbatim_label(changes: &JsValue, run: u32, collapsed: &str, expanded: &str);
    /// Shows or hides every run of the document.
    pub fn verbatim_expand_all(changes: &JsValue, expanded: bool);
    /// Adds the document's listener that flips a run when its toggle is clicked, once.
    pub fn verbatim_listen(doc: &Document, changes: &JsValue);
    #[wasm_bindgen(catch)]
    pub fn verbatim_restore(changes: &JsValue) -> Result<(), JsValue>;
}

/// Hides the new repeats and adds or updates their runs' toggles.
pub fn hide(doc: &mut DocState, repeats: &[Repeat]) -> Result<(), JsValue> {
    for repeat in repeats {
        hide_one(
            doc,
            repeat.index,
            repeat.unit,
            kind_name(repeat.kind),
            repeat.run,
            None,
        )?;
    }
    Ok(())
}

/// Hides the paragraphs read on another page (those the core says to hide), in runs of their own
/// whose toggles name where and when they were read; each hidden element and the toggle carry
/// `data-verbatim-read`.
pub fn hide_read(doc: &mut DocState, read: &[Read]) -> Result<(), JsValue> {
    for r in read.iter().filter(|r| r.hidden) {
        hide_one(doc, r.index, None, kind_name(r.kind), r.run, Some(r.source))?;
    }
    Ok(())
}

/// Hides paragraph `index` (or, for a record copied whole, the record `unit` once) in run `run_id`;
/// `read` names the reading memory's source when it was read on another page.
fn hide_one(
    doc: &mut DocState,
    index: usize,
    unit: Option<usize>,
    kind: &str,
    run_id: usize,
    read: Option<usize>,
) -> Result<(), JsValue> {
    // A record copied whole goes as one unit: its element, once, for all its paragraphs.
    let unit = unit.and_then(|r| doc.records.get(r).cloned());
    if let Some(record) = &unit {
        if record.has_attribute("data-verbatim-repeat") {
            doc.summary.repeats += 1;
            return Ok(());
        }
    }
    let target = match unit {
        Some(record) => record.into(),
        None => match doc.paragraphs.get(index) {
            Some(paragraph) => paragraph.target_value(),
            None => return Ok(()),
        },
    };
    let read_value = read.map(|s| read_attr(doc, s));
    let Some(element) = verbatim_hide(
        &doc.document,
        &target,
        kind,
        read_value.clone(),
        &doc.changes,
    )?
    else {
        return Ok(());
    };
    let hidden_at = doc.hidden;
    doc.hidden += 1;
    if read.is_some() {
        doc.summary.read += 1;
    } else {
        doc.summary.repeats += 1;
    }

    let found = doc.runs.binary_search_by_key(&run_id, |r| r.id);
    if let Some((at, run)) = found.ok().and_then(|at| Some((at, doc.runs.get_mut(at)?))) {
        run.count += 1;
        verbatim_join(&doc.changes, run_id as u32, hidden_at);
        relabel(doc, at);
        return Ok(());
    }
    verbatim_toggle(
        &doc.document,
        &element,
        run_id as u32,
        hidden_at,
        read_value,
        &doc.changes,
    )?;
    // runs arrive in order of their first paragraph: this is nearly always a push
    let at = found.unwrap_or_else(|at| at);
    doc.runs.insert(
        at,
        Run {
            id: run_id,
            count: 1,
            read,
        },
    );
    relabel(doc, at);
    doc.summary.runs += 1;
    Ok(())
}

/// The value of `data-verbatim-read` for what was read at `source`: the site and time.
fn read_attr(doc: &DocState, source: usize) -> String {
    doc.analyzer
        .memory()
        .and_then(|m| m.source(source))
        .map_or_else(String::new, |s| s.read.to_owned())
}

/// Writes the toggle of the run at position `at` of `doc.runs`: in the document's labels for a run
/// of repeats (`runs.js` counts and words it), in the reading memory's for a run of paragraphs read
/// elsewhere, whose two texts (collapsed and expanded) are made here. `runs.js` writes the one of
/// the run's state, now and whenever it is flipped.
fn relabel(doc: &DocState, at: usize) {
    let Some(run) = doc.runs.get(at) else {
        return;
    };
    let count = run.count;
    match (run.read, doc.analyzer.memory()) {
        (Some(source), Some(memory)) => {
            let place = memory.source(source).map_or("", |s| s.place);
            let [collapsed, expanded] = [false, true].map(|expanded| {
                memory
                    .labels
                    .toggle(count, place, &super::decimal(count as u64), expanded)
            });
            verbatim_label(&doc.changes, run.id as u32, &collapsed, &expanded);
        }
        _ => verbatim_count(&doc.changes, run.id as u32),
    }
}

fn kind_name(kind: RepeatKind) -> &'static str {
    match kind {
        RepeatKind::Exact => "exact",
        RepeatKind::Near => "near",
        RepeatKind::Contained => "contained",
    }
}
