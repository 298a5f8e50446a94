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
/// it out).
const SOURCE: &[u8] = include_bytes!("verbatim.css");

/// The same rules without comments and needless white space, as the module carries them (about
/// half the bytes), minified when the crate is compiled.
pub const CSS: &str = match core::str::from_utf8(&MINIFIED) {
    Ok(css) => css,
    Err(_) => panic!("verbatim.css minifies to UTF-8"),
};

const MINIFIED_LEN: usize = minify::<0>(SOURCE).1;
const MINIFIED: [u8; MINIFIED_LEN] = minify::<MINIFIED_LEN>(SOURCE).0;

/// Drops comments, turns each run of white space into one space, and drops that space next to
/// `{`, `}`, `;`, `,`, after `:` (a selector never has white space there), before `!` and at either
/// end; quoted strings stay as they are. Returns the first `N` bytes of the result and its whole
/// length (so a first call with `N = 0` measures it).
const fn minify<const N: usize>(src: &[u8]) -> ([u8; N], usize) {
    const fn tight(b: u8) -> bool {
        matches!(b, b'{' | b'}' | b';' | b',')
    }
    let mut out = [0u8; N];
    let mut len = 0;
    let mut i = 0;
    let mut space = false; // white space seen since the last byte written
    let mut quote = 0u8; // the quote mark of the string we are in, or 0
    let mut last = 0u8; // the last byte written
    while i < src.len() {
        let b = src[i];
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'/' && i + 1 < src.len() && src[i + 1] == b'*' {
            i += 2;
            while i + 1 < src.len() && !(src[i] == b'*' && src[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            space = true;
            continue;
        } else if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        } else if b == b'"' || b == b'\'' {
            quote = b;
        }
        if space && len > 0 && !tight(b) && b != b'!' && !tight(last) && last != b':' {
            if len < N {
                out[len] = b' ';
            }
            len += 1;
        }
        space = false;
        if len < N {
            out[len] = b;
        }
        last = b;
        len += 1;
        i += 1;
    }
    (out, len)
}

pub fn add(document: &Document) -> JsValue {
    verbatim_add_style(document, CSS)
}

pub fn remove(document: &Document, handle: &JsValue) {
    verbatim_remove_style(document, handle)
}
