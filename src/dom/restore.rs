//! Undoing everything `process` did to a document, exactly.
//!
//! Every change was recorded in the document's state as it was made (`runs.js`, `marks.js`);
//! `runs.js` undoes them from the outside in: toggles removed, hidden elements given back their
//! own `style` attribute, marks and wrappers unwrapped, then every cut text node joined back into
//! the node it came from, newest cut first. Afterwards the markup is byte-identical to before.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::runs::verbatim_restore;
use super::state;

/// Undoes every change made to the document of `root` and forgets its state.
pub fn restore(root: &Element) -> Result<(), JsValue> {
    let Some(document) = root.owner_document() else {
        return Ok(());
    };
    let Some(mut doc) = state::take(&document) else {
        return Ok(());
    };
    verbatim_restore(&doc.changes)?;
    doc.drop_ui();
    Ok(())
}
