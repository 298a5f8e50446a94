//! Verbatim: collapse repeated paragraphs and highlight quotations with their speakers.
//!
//! The crate has three layers, each in its own module:
//! - [`text`]: the pure core. `text::analyze` and `text::Analyzer` turn paragraphs into a
//!   [`text::Report`]. No DOM, no JavaScript; compiled and tested natively.
//! - `dom` (wasm only): finds paragraphs on a page, applies a report, and restores the page.
//! - `api` (wasm only): the `#[wasm_bindgen]` exports `analyze`, `process`, `restore` and the
//!   `Analyzer` class; the one place that knows `JsValue`.

pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod dom;

// The WebAssembly build allocates through Talc, a maintained allocator for WebAssembly that is
// smaller than the standard library's dlmalloc (about 2 KB of the gzipped module less; measured in
// docs/BENCHMARKS.md); native builds keep the system allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
