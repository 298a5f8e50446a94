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
    fn verbatim_add_style(doc: &Document) -> JsValue;
    fn verbatim_remove_style(doc: &Document, handle: &JsValue);
}

// The rules live in style.js (`CSS`), beside the code that adds them, not in the module: 2.8 KB of
// text that every page would download inside the WebAssembly. The extension also ships them as
// `verbatim.css` (scripts/build.mjs writes it from style.js). Their reasons, kept here rather than
// in CSS comments, which would ride in every copy:
//
// - Every selector is prefixed, so that nothing of the page is touched.
// - One set of colours serves light and dark pages alike, whatever the reader's colour scheme says
//   (a dark scheme does not make a news page dark): tints are translucent, so the page's own text
//   keeps its contrast over them (≥ 4.5:1 for black or dark grey text on white and for white or
//   light grey text on near-black; `node scripts/contrast.mjs` checks every entry), and the
//   underlines are mid-tones that stand out (≥ 3:1) from both white and black. The toggle takes
//   the page's own text colour over a faint grey, so it reads on any background.
// - The speaker and cue show on hover of any piece of a quotation and on keyboard focus, so that
//   colour is never the only signal. The palette sets a tint and an underline per speaker.
// - Scare quotes: nobody speaks, so no tint, only a thin dotted line.

pub fn add(document: &Document) -> JsValue {
    verbatim_add_style(document)
}

pub fn remove(document: &Document, handle: &JsValue) {
    verbatim_remove_style(document, handle)
}
