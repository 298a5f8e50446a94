//! Undoing everything `process` did to a document, exactly.
//!
//! Changes are undone from the outside in: toggles removed, hidden elements given back their own
//! `style` attribute, marks and wrappers unwrapped, then every cut text node joined back into the
//! node it came from, newest cut first. Afterwards the markup is byte-identical to before.

use wasm_bindgen::JsValue;
use web_sys::{Element, Node};

use super::marks::verbatim_join;
use super::state;

/// Undoes every change made to the document of `root` and forgets its state.
pub fn restore(root: &Element) -> Result<(), JsValue> {
    let Some(document) = root.owner_document() else {
        return Ok(());
    };
    let Some(mut doc) = state::take(&document) else {
        return Ok(());
    };
    let changes = std::mem::take(&mut doc.changes);
    for toggle in &changes.toggles {
        toggle.remove();
    }
    for (element, before) in changes.hidden.iter().rev() {
        element.remove_attribute("data-verbatim-repeat")?;
        element.remove_attribute("data-verbatim-read")?;
        element.remove_attribute("data-verbatim-shown")?;
        put_style(element, before.as_deref())?;
    }
    for element in changes.marks.iter().chain(changes.wraps.iter()) {
        unwrap(element)?;
    }
    for (original, pieces) in changes.splits.iter().rev() {
        // in JavaScript, one join per cut node: through a Rust `String` a lone surrogate would come
        // back as U+FFFD, and a join per piece would copy a huge node's text once per quotation
        verbatim_join(original, pieces);
    }
    doc.drop_ui();
    Ok(())
}

/// Gives an element back its own `style` attribute (`None`: none at all).
///
/// The attribute is first set, then removed: Chrome writes a style changed through the CSSOM back
/// into the attribute lazily, and without the set it can reappear as `style=""` after the removal.
pub fn put_style(element: &Element, style: Option<&str>) -> Result<(), JsValue> {
    element.set_attribute("style", style.unwrap_or(""))?;
    if style.is_none() {
        element.remove_attribute("style")?;
    }
    Ok(())
}

/// Replaces an element of ours by its children.
fn unwrap(element: &Element) -> Result<(), JsValue> {
    let Some(parent) = element.parent_node() else {
        return Ok(());
    };
    while let Some(child) = element.first_child() {
        parent.insert_before(&child, Some(element as &Node))?;
    }
    element.remove();
    Ok(())
}
