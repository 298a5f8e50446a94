//! The stylesheet of the DOM layer: toggles, shown repeats and quotation marks.
//!
//! Colours: eight speaker hues chosen to stay apart from each other and to keep body text readable
//! (WCAG AA, contrast ≥ 4.5 with the page's own text colour) on light pages as translucent tints,
//! and on dark pages (`prefers-color-scheme: dark`) as deeper tints with a light underline. Scare
//! quotes get only a dotted underline: quieter than speech. Colour is never the only signal: every
//! mark has an underline and shows its speaker and cue on hover and keyboard focus.

use wasm_bindgen::prelude::*;
use web_sys::Document;

#[wasm_bindgen(module = "/src/dom/style.js")]
extern "C" {
    fn verbatim_add_style(doc: &Document, css: &str) -> JsValue;
    fn verbatim_remove_style(doc: &Document, handle: &JsValue);
}

/// The rules as written, also shipped as `verbatim.css` by the extension (scripts/build.mjs copies
/// it out). Carried as is, comments included: minifying saved about 1.4 KB raw (0.5 KB gzip) and
/// cost a hand-written minifier.
pub const CSS: &str = include_str!("verbatim.css");

pub fn add(document: &Document) -> JsValue {
    verbatim_add_style(document, CSS)
}

pub fn remove(document: &Document, handle: &JsValue) {
    verbatim_remove_style(document, handle)
}
