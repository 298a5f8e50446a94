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
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

use super::labels::Labels;
use super::state::{self, DocState, Run};
use crate::text::{Read, Repeat, RepeatKind};

#[wasm_bindgen(module = "/src/dom/runs.js")]
extern "C" {
    /// A document's record of changes, for restore.
    pub fn verbatim_changes() -> JsValue;
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
        read: Option<String>,
        changes: &JsValue,
    ) -> Result<Element, JsValue>;
    #[wasm_bindgen(catch)]
    fn verbatim_label(button: &Element, text: &str, expanded: bool) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn verbatim_show(changes: &JsValue, index: usize, visible: bool) -> Result<(), JsValue>;
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
        run.hidden.push(hidden_at);
        if run.expanded {
            verbatim_show(&doc.changes, hidden_at, true)?;
        }
        relabel(doc, at);
        return Ok(());
    }
    let button = verbatim_toggle(
        &doc.document,
        &element,
        run_id as u32,
        read_value,
        &doc.changes,
    )?;
    // runs arrive in order of their first paragraph: this is nearly always a push
    let at = found.unwrap_or_else(|at| at);
    doc.runs.insert(
        at,
        Run {
            id: run_id,
            button,
            hidden: vec![hidden_at],
            expanded: false,
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

/// Writes the toggle text of the run at position `at` of `doc.runs`: the document's labels for a
/// run of repeats, the reading memory's for a run of paragraphs read elsewhere.
fn relabel(doc: &DocState, at: usize) {
    let Some(run) = doc.runs.get(at) else {
        return;
    };
    let count = run.hidden.len();
    match (run.read, doc.analyzer.memory()) {
        (Some(source), Some(memory)) => {
            let place = memory.source(source).map_or("", |s| s.place);
            let text =
                memory
                    .labels
                    .toggle(count, place, &super::decimal(count as u64), run.expanded);
            let _ = verbatim_label(&run.button, &text, run.expanded);
        }
        _ => label(&doc.labels, &run.button, count, run.expanded),
    }
}

fn kind_name(kind: RepeatKind) -> &'static str {
    match kind {
        RepeatKind::Exact => "exact",
        RepeatKind::Near => "near",
        RepeatKind::Contained => "contained",
    }
}

fn label(labels: &Labels, button: &Element, count: usize, expanded: bool) {
    let _ = verbatim_label(button, &labels.toggle(count, expanded), expanded);
}

/// The document's click listener: flips the run whose toggle was clicked.
pub fn on_click(document: &Document, event: &Event) {
    // Event targets may belong to a frame's realm: check `closest` exists rather than `instanceof`.
    let Some(button) = event
        .target()
        .filter(|t| js_sys::Reflect::has(t, &JsValue::from_str("closest")).unwrap_or(false))
        .and_then(|t| {
            t.unchecked_into::<Element>()
                .closest("[data-verbatim-toggle]")
                .ok()
                .flatten()
        })
    else {
        return;
    };
    let Some(run) = button
        .get_attribute("data-verbatim-toggle")
        .and_then(|r| r.parse::<usize>().ok())
    else {
        return;
    };
    state::with_existing(document, |doc| set_expanded(doc, run, None));
}

/// Shows or hides a run; `expanded: None` flips it. Returns whether the run exists.
pub fn set_expanded(doc: &mut DocState, run: usize, expanded: Option<bool>) -> bool {
    let Ok(at) = doc.runs.binary_search_by_key(&run, |r| r.id) else {
        return false;
    };
    set_run_expanded(doc, at, expanded);
    true
}

/// Shows or hides the run at position `at` of `doc.runs`; `expanded: None` flips it.
fn set_run_expanded(doc: &mut DocState, at: usize, expanded: Option<bool>) {
    let Some(state) = doc.runs.get_mut(at) else {
        return;
    };
    let expanded = expanded.unwrap_or(!state.expanded);
    state.expanded = expanded;
    for &i in &state.hidden {
        let _ = verbatim_show(&doc.changes, i, expanded);
    }
    relabel(doc, at);
}

/// Shows or hides every run of the document (the extension's "show all repeats").
pub fn set_all_expanded(doc: &mut DocState, expanded: bool) {
    for at in 0..doc.runs.len() {
        set_run_expanded(doc, at, Some(expanded));
    }
}
