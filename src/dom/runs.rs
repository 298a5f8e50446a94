//! Hiding repeated paragraphs and the one toggle per run that shows them again.
//!
//! The core says which paragraphs are repeats and which run each belongs to; here each becomes an
//! element hidden through its own style (`display: none !important`, so page CSS cannot undo it and
//! no stylesheet is needed for hiding), marked `data-verbatim-repeat`, and each run gets one
//! `<button>` before its first hidden paragraph. The button keeps `aria-expanded` true to its state.
//! A repeat the core hides with its whole record (`Repeat::unit`) hides the record's element once,
//! link-only lines and images included, and its other paragraphs go with it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, HtmlElement, Node};

use super::labels::Labels;
use super::page::Target;
use super::restore::put_style;
use super::state::{self, DocState, Run};
use crate::text::{Read, Repeat, RepeatKind};

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
    let Some(element) = (match unit {
        Some(record) => Some(record),
        None => hide_target(doc, index)?,
    }) else {
        return Ok(());
    };
    let before = element.get_attribute("style");
    element.set_attribute("data-verbatim-repeat", kind)?;
    let read_value = read.map(|s| read_attr(doc, s));
    if let Some(value) = &read_value {
        element.set_attribute("data-verbatim-read", value)?;
    }
    set_hidden(&element)?;
    doc.changes.hidden.push((element.clone(), before));
    let hidden_at = doc.changes.hidden.len() - 1;
    if read.is_some() {
        doc.summary.read += 1;
    } else {
        doc.summary.repeats += 1;
    }

    let found = doc.runs.binary_search_by_key(&run_id, |r| r.id);
    if let Some((at, run)) = found.ok().and_then(|at| Some((at, doc.runs.get_mut(at)?))) {
        run.hidden.push(hidden_at);
        if let Some(hidden) = doc.changes.hidden.last().filter(|_| run.expanded) {
            show(hidden, true)?;
        }
        relabel(doc, at);
        return Ok(());
    }
    let button = toggle_button(&doc.document, run_id)?;
    if let Some(value) = &read_value {
        button.set_attribute("data-verbatim-read", value)?;
    }
    if let Some(parent) = element.parent_node() {
        parent.insert_before(&button, Some(&element))?;
    }
    doc.changes.toggles.push(button.clone());
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
            run.button.set_text_content(Some(&text));
            let _ = run
                .button
                .set_attribute("aria-expanded", if run.expanded { "true" } else { "false" });
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

/// The element that hides paragraph `index`, wrapping its nodes in a `<span>` of ours if needed.
fn hide_target(doc: &mut DocState, index: usize) -> Result<Option<Element>, JsValue> {
    let Some(paragraph) = doc.paragraphs.get(index) else {
        return Ok(None);
    };
    match paragraph.target() {
        Target::Element(element) => Ok(Some(element.clone())),
        Target::None => Ok(None),
        Target::Nodes(nodes) => {
            let first: Node = nodes.get(0).unchecked_into();
            let Some(parent) = first.parent_node() else {
                return Ok(None);
            };
            let wrap = doc.document.create_element("span")?;
            wrap.set_attribute("data-verbatim-wrap", "")?;
            parent.insert_before(&wrap, Some(&first))?;
            for node in nodes.iter() {
                wrap.append_child(node.unchecked_ref::<Node>())?;
            }
            doc.changes.wraps.push(wrap.clone());
            Ok(Some(wrap))
        }
    }
}

/// Hides through the element's own style. Elements may come from another realm (a frame), where
/// `instanceof HTMLElement` fails, so the check is for a `style` object instead; elements without
/// one are hidden by the attribute selector of our stylesheet.
fn set_hidden(element: &Element) -> Result<(), JsValue> {
    let style = js_sys::Reflect::get(element, &JsValue::from_str("style"))?;
    if style.is_object() {
        element
            .unchecked_ref::<HtmlElement>()
            .style()
            .set_property_with_priority("display", "none", "important")?;
    }
    Ok(())
}

/// Shows (or hides again) one hidden element, restoring its own style while shown.
fn show(hidden: &(Element, Option<String>), visible: bool) -> Result<(), JsValue> {
    let (element, before) = hidden;
    if visible {
        put_style(element, before.as_deref())?;
        element.set_attribute("data-verbatim-shown", "")?;
    } else {
        element.remove_attribute("data-verbatim-shown")?;
        set_hidden(element)?;
    }
    Ok(())
}

fn toggle_button(document: &Document, run: usize) -> Result<Element, JsValue> {
    let button = document.create_element("button")?;
    button.set_attribute("type", "button")?;
    button.set_attribute("class", "verbatim-toggle")?;
    button.set_attribute("data-verbatim-ui", "")?;
    button.set_attribute("data-verbatim-toggle", &super::decimal(run as u64))?;
    Ok(button)
}

fn label(labels: &Labels, button: &Element, count: usize, expanded: bool) {
    button.set_text_content(Some(&labels.toggle(count, expanded)));
    let _ = button.set_attribute("aria-expanded", if expanded { "true" } else { "false" });
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
        if let Some(hidden) = doc.changes.hidden.get(i) {
            let _ = show(hidden, expanded);
        }
    }
    relabel(doc, at);
}

/// Shows or hides every run of the document (the extension's "show all repeats").
pub fn set_all_expanded(doc: &mut DocState, expanded: bool) {
    for at in 0..doc.runs.len() {
        set_run_expanded(doc, at, Some(expanded));
    }
}
