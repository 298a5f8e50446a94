//! The JavaScript interface: the only module that knows `JsValue`.
//!
//! It converts arguments (options objects, paragraph arrays, elements), calls the text core or the
//! DOM layer, and converts results to plain JavaScript objects. Errors become thrown `Error`s whose
//! message names what was wrong; nothing here panics on caller input.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::dom::{self, summary::Summary};
use crate::text::memory::{Labels, Layout, ReadSet};
use crate::text::{self, OptionValue, Options, Report};
use std::rc::Rc;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of every entry point; unknown keys and bad values throw an Error naming the key. */
export interface VerbatimOptions {
  /** Hide repeated paragraphs. Default true. */
  collapse?: boolean;
  /** Mark quotations. Default true. */
  highlight?: boolean;
  /** A paragraph shorter than this many words is not hidden when it repeats alone. Default 8 (1–10000). */
  minWords?: number;
  /** Word-shingle similarity at or above which an edited paragraph is a near copy. Default 0.8 (0.5–1). */
  similarity?: number;
  /** process/processStep only: the words written into the page, for a page in another language
   * (English by default); `{n}` stands for the number of paragraphs. */
  labels?: { showOne?: string; showMany?: string; hideOne?: string; hideMany?: string; scare?: string; unknown?: string };
  /** The page's language tag (`<html lang>`, e.g. "de-AT"): short paragraphs are read in it. Default: told from the text. */
  lang?: string;
}
/** A point in the text: paragraph index and UTF-16 offset. */
export interface Position { paragraph: number; offset: number; }
/** A stretch of one paragraph, UTF-16 offsets, end exclusive. */
export interface Span { paragraph: number; start: number; end: number; }
/** A paragraph hidden as a repeat of paragraph `of`. */
export interface Repeat {
  index: number;
  of: number;
  kind: "exact" | "near" | "contained";
  similarity: number;
  /** Groups the repeats one toggle hides: the index of the run's first hidden paragraph. */
  run: number;
  /** Set by `process` only: the paragraph goes with the whole record (page block) it stands in. */
  unit?: number;
}
export interface Speaker { name: string; mention: Span; }
export interface Quote {
  start: Position;
  end: Position;
  kind: "direct" | "partial" | "scare";
  speaker: Speaker | null;
  cue: Span | null;
}
export interface Report { repeats: Repeat[]; quotes: Quote[]; }
export interface SpeakerSummary { name: string; count: number; firstQuote: string; }
export interface ReadFrom { source: number; read: string; where: string; count: number; hidden: number; }
export interface Summary {
  repeats: number; runs: number; quotes: number; speakers: SpeakerSummary[];
  /** With a reading memory that matched: paragraphs hidden as read elsewhere, and where. */
  read?: number; readFrom?: ReadFrom[];
}
/** Toggle words: `one` and `many` hold {n} and {where}. */
export interface ReadLabels { one?: string; many?: string; show?: string; hide?: string; }
export interface ReadMatch { index: number; kind: "exact" | "near" | "contained"; similarity: number; source: number; here: boolean; }
"#;

/// A panic's message in the console, in debug builds (the browser tests) only: the hook formats
/// the message and the stack (core::fmt, the panic payloads, `Error().stack`), 1.2 KB of the
/// gzipped module, for a case the crate is built never to reach (a release build's panic still
/// aborts the call with a thrown `RuntimeError`). Done as the wasm-pack template advises for
/// shipped builds.
#[wasm_bindgen(start)]
fn start() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// A plain object under construction; keys in the order of the interface's types.
struct Js(Object);

impl Js {
    fn new() -> Self {
        Js(Object::new())
    }

    fn set(self, key: &str, value: &JsValue) -> Self {
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), value);
        self
    }

    fn num(self, key: &str, value: usize) -> Self {
        self.set(key, &JsValue::from_f64(value as f64))
    }

    fn str(self, key: &str, value: &str) -> Self {
        self.set(key, &JsValue::from_str(value))
    }

    fn done(self) -> JsValue {
        self.0.into()
    }
}

fn array<T>(items: &[T], f: impl Fn(&T) -> JsValue) -> JsValue {
    let array = Array::new();
    for item in items {
        array.push(&f(item));
    }
    array.into()
}

/// A `Report` as the interface's plain object: `{ repeats: Repeat[], quotes: Quote[] }`, built
/// by hand like the summary below (JSON-compatible: an absent speaker or cue is `null`).
fn report_js(report: &Report) -> Result<JsValue, JsValue> {
    let kind = |k: text::RepeatKind| match k {
        text::RepeatKind::Exact => "exact",
        text::RepeatKind::Near => "near",
        text::RepeatKind::Contained => "contained",
    };
    let span = |s: &text::Span| {
        Js::new()
            .num("paragraph", s.paragraph)
            .num("start", s.start)
            .num("end", s.end)
            .done()
    };
    let position = |p: &text::Position| {
        Js::new()
            .num("paragraph", p.paragraph)
            .num("offset", p.offset)
            .done()
    };
    let repeats = array(&report.repeats, |r| {
        let js = Js::new()
            .num("index", r.index)
            .num("of", r.of)
            .str("kind", kind(r.kind))
            .set("similarity", &JsValue::from_f64(r.similarity))
            .num("run", r.run);
        match r.unit {
            Some(unit) => js.num("unit", unit),
            None => js,
        }
        .done()
    });
    let quotes = array(&report.quotes, |q| {
        let speaker = q.speaker.as_ref().map_or(JsValue::NULL, |s| {
            Js::new()
                .str("name", &s.name)
                .set("mention", &span(&s.mention))
                .done()
        });
        Js::new()
            .set("start", &position(&q.start))
            .set("end", &position(&q.end))
            .str(
                "kind",
                match q.kind {
                    text::QuoteKind::Direct => "direct",
                    text::QuoteKind::Partial => "partial",
                    text::QuoteKind::Scare => "scare",
                },
            )
            .set("speaker", &speaker)
            .set("cue", &q.cue.as_ref().map_or(JsValue::NULL, span))
            .done()
    });
    Ok(Js::new()
        .set("repeats", &repeats)
        .set("quotes", &quotes)
        .done())
}

/// A `Summary`: `{ repeats, runs, quotes, speakers: [{ name, count, firstQuote }] }`.
fn summary_js(summary: &Summary) -> JsValue {
    let speakers = array(&summary.speakers, |s| {
        Js::new()
            .str("name", &s.name)
            .num("count", s.count)
            .str("firstQuote", &s.first_quote)
            .done()
    });
    let js = Js::new()
        .num("repeats", summary.repeats)
        .num("runs", summary.runs)
        .num("quotes", summary.quotes)
        .set("speakers", &speakers);
    if summary.read_from.is_empty() {
        return js.done();
    }
    // only with a reading memory that matched: pages without one keep the summary of DESIGN.md
    let read_from = array(&summary.read_from, |f| {
        Js::new()
            .num("source", f.source)
            .str("read", &f.read)
            .str("where", &f.place)
            .num("count", f.count)
            .num("hidden", f.hidden)
            .done()
    });
    js.num("read", summary.read)
        .set("readFrom", &read_from)
        .done()
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Reads an options object (undefined or null: the defaults). `labels` is read by
/// [`dom::labels`] and skipped here when `with_labels`; elsewhere it is an unknown key.
fn options(value: &JsValue) -> Result<Options, JsValue> {
    options_of(value, false)
}

fn options_of(value: &JsValue, with_labels: bool) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(error("verbatim: options must be an object"));
    }
    let mut options = Options::default();
    let object: &Object = value.unchecked_ref();
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if with_labels && key == "labels" {
            continue;
        }
        let v = Reflect::get(value, &JsValue::from_str(&key))?;
        let v = if let Some(b) = v.as_bool() {
            OptionValue::Bool(b)
        } else if let Some(n) = v.as_f64() {
            OptionValue::Number(n)
        } else if let Some(t) = v.as_string() {
            OptionValue::Text(t)
        } else {
            OptionValue::Other(js_type(&v))
        };
        options.set(&key, v).map_err(|e| error(&e.text()))?;
    }
    Ok(options)
}

fn js_type(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "undefined"
    } else if v.is_string() {
        "string"
    } else if Array::is_array(v) {
        "array"
    } else if v.is_function() {
        "function"
    } else if v.is_object() {
        "object"
    } else {
        "a value of another type"
    }
}

/// An element from any realm: elements of a frame's document fail `instanceof Element` here, so
/// the check is on `nodeType` instead.
fn element(value: JsValue, what: &str) -> Result<Element, JsValue> {
    let node_type = Reflect::get(&value, &JsValue::from_str("nodeType"))
        .ok()
        .and_then(|t| t.as_f64());
    if value.is_object() && node_type == Some(1.0) {
        Ok(value.unchecked_into())
    } else {
        Err(error(&crate::text::join(
            &["verbatim: ", what, " needs an Element as its root"],
            "",
        )))
    }
}

fn paragraphs(value: &JsValue) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(value) {
        return Err(error("verbatim: paragraphs must be an array of strings"));
    }
    let array: &Array = value.unchecked_ref();
    let mut out = Vec::with_capacity(array.length() as usize);
    for (i, v) in array.iter().enumerate() {
        let Some(text) = v.as_string() else {
            return Err(error(&crate::text::join(
                &[
                    "verbatim: paragraphs[",
                    &dom::decimal(i as u64),
                    "] must be a string, got ",
                    js_type(&v),
                ],
                "",
            )));
        };
        out.push(text);
    }
    Ok(out)
}

/// Finds repeats and quotations in a list of paragraphs: `analyze(paragraphs, options?) -> Report`.
#[wasm_bindgen(skip_typescript)]
pub fn analyze(paragraphs_value: JsValue, options_value: JsValue) -> Result<JsValue, JsValue> {
    let options = options(&options_value)?;
    let paragraphs = paragraphs(&paragraphs_value)?;
    report_js(&text::analyze(&paragraphs, &options))
}

/// Collapses repeats and marks quotations under `root`; safe to call again as content arrives.
#[wasm_bindgen(skip_typescript)]
pub fn process(root: JsValue, options_value: JsValue) -> Result<JsValue, JsValue> {
    let root = element(root, "process")?;
    let options = options_of(&options_value, true)?;
    let (summary, _) = dom::process(&root, options, &dom::labels(&options_value)?, 0)?;
    Ok(summary_js(&summary))
}

/// One step of `process` on a huge page: reads at most about `maxParagraphs` new paragraphs (whole
/// blocks) and returns the summary with `more: true` while paragraphs remain unread; call it again,
/// in a later task, until `more` is false. Results are those of `process` given the same content in
/// batches (DESIGN.md, "Ordering rule for batches").
#[wasm_bindgen(js_name = processStep, skip_typescript)]
pub fn process_step(
    root: JsValue,
    max_paragraphs: u32,
    options_value: JsValue,
) -> Result<JsValue, JsValue> {
    let root = element(root, "processStep")?;
    let options = options_of(&options_value, true)?;
    let labels = dom::labels(&options_value)?;
    let (summary, more) = dom::process(&root, options, &labels, max_paragraphs.max(1))?;
    let value = summary_js(&summary);
    js_sys::Reflect::set(
        &value,
        &JsValue::from_str("more"),
        &JsValue::from_bool(more),
    )?;
    Ok(value)
}

/// Undoes everything `process` did in the document of `root`, and forgets its state.
#[wasm_bindgen(skip_typescript)]
pub fn restore(root: JsValue) -> Result<(), JsValue> {
    let root = element(root, "restore")?;
    dom::restore(&root)
}

/// Shows or hides every collapsed run in the document of `root` (returns false if none processed).
#[wasm_bindgen(js_name = showRepeats, skip_typescript)]
pub fn show_repeats(root: JsValue, shown: bool) -> Result<bool, JsValue> {
    let root = element(root, "showRepeats")?;
    Ok(dom::show_repeats(&root, shown))
}

#[wasm_bindgen(typescript_custom_section)]
const FUNCTION_TYPES: &'static str = r#"
/** Finds repeats and quotations in a list of paragraphs. */
export function analyze(paragraphs: string[], options?: VerbatimOptions): Report;
/** Collapses repeats and marks quotations under root; safe to call again as content arrives. */
export function process(root: Element, options?: VerbatimOptions): Summary;
/** One step of process() on a huge page: at most about maxParagraphs new paragraphs; call again, in
 * a later task, while `more` is true. */
export function processStep(root: Element, maxParagraphs: number, options?: VerbatimOptions): Summary & { more: boolean };
/** Undoes everything process() did in the document of root, and forgets its state. */
export function restore(root: Element): void;
/** Shows (true) or hides again (false) every collapsed run; false if the document was not processed. */
export function showRepeats(root: Element, shown: boolean): boolean;
"#;

// ---- reading memory ------------------------------------------------------------------------------

/// Remembered paragraphs, indexed: `new ReadMemory(index, reads, places, here, labels?)`.
/// `index` is the [`Layout`](text::memory::Layout) of `fingerprints()` output, built once by
/// `verbatimPackMemory(fingerprints, counts)` (`extension/memory-pack.js`, plain JavaScript: the
/// extension's background builds it once per change of its store); the module uses it as it is,
/// so giving a page its memory builds nothing. `reads` and `places` hold one line per source (a
/// page visit; its `data-verbatim-read` value, and how a toggle names it: "yesterday on
/// example.com"); `here` lists the sources read on the page being processed, which are matched
/// but never hidden.
#[wasm_bindgen(js_name = ReadMemory)]
pub struct JsReadMemory(Rc<ReadSet>);

#[wasm_bindgen(js_class = ReadMemory)]
impl JsReadMemory {
    #[wasm_bindgen(constructor)]
    pub fn new(
        index: Vec<u32>,
        reads: String,
        places: String,
        here: &[u32],
        #[wasm_bindgen(unchecked_param_type = "ReadLabels | undefined")] labels: JsValue,
    ) -> JsReadMemory {
        let layout = Layout::new(index);
        let here = (0..layout.sources() as u32)
            .map(|i| here.contains(&i))
            .collect();
        let mut words = Labels::default();
        if labels.is_object() {
            for (key, slot) in [
                ("one", &mut words.one),
                ("many", &mut words.many),
                ("show", &mut words.show),
                ("hide", &mut words.hide),
            ] {
                if let Some(text) = Reflect::get(&labels, &JsValue::from_str(key))
                    .ok()
                    .and_then(|s| s.as_string())
                {
                    *slot = text;
                }
            }
        }
        JsReadMemory(Rc::new(ReadSet::with_lines(
            layout, reads, places, here, words,
        )))
    }

    /// How many remembered paragraphs it holds.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }
}

/// The fingerprints of paragraphs, for a reading memory: `BYTES` bytes each, in order.
#[wasm_bindgen(skip_typescript)]
pub fn fingerprints(paragraphs_value: JsValue) -> Result<Vec<u8>, JsValue> {
    let paragraphs = paragraphs(&paragraphs_value)?;
    Ok(paragraphs
        .iter()
        .flat_map(|p| text::memory::fingerprint(p).to_bytes())
        .collect())
}

/// Which of these paragraphs copy a paragraph of the memory (exact, near or contained).
#[wasm_bindgen(js_name = matchRead, skip_typescript)]
pub fn match_read(
    paragraphs_value: JsValue,
    memory: &JsReadMemory,
    options_value: JsValue,
) -> Result<JsValue, JsValue> {
    let options = options(&options_value)?;
    let paragraphs = paragraphs(&paragraphs_value)?;
    let found = text::memory::match_paragraphs(
        &paragraphs,
        &memory.0,
        options.min_words,
        options.similarity,
    );
    Ok(array(&found, |(index, m)| {
        Js::new()
            .num("index", *index)
            .str(
                "kind",
                match m.kind {
                    text::RepeatKind::Exact => "exact",
                    text::RepeatKind::Near => "near",
                    text::RepeatKind::Contained => "contained",
                },
            )
            .set("similarity", &JsValue::from_f64(m.similarity))
            .num("source", m.source)
            .set("here", &JsValue::from_bool(m.here))
            .done()
    }))
}

/// Gives the document of `root` a reading memory for its next `process` calls.
#[wasm_bindgen(js_name = useReadMemory, skip_typescript)]
pub fn use_read_memory(root: JsValue, memory: &JsReadMemory) -> Result<(), JsValue> {
    let root = element(root, "useReadMemory")?;
    if let Some(document) = root.owner_document() {
        dom::set_read_memory(&document, Some(memory.0.clone()));
    }
    Ok(())
}

/// The visible paragraphs processed since index `from` that a reading memory would remember once
/// read: `{ elements, fingerprints, next }`.
#[wasm_bindgen(js_name = readCandidates, skip_typescript)]
pub fn read_candidates(root: JsValue, from: u32) -> Result<JsValue, JsValue> {
    let root = element(root, "readCandidates")?;
    let (elements, bytes, next) =
        dom::read_candidates(&root, from as usize).unwrap_or((Vec::new(), Vec::new(), 0));
    let list = Array::new();
    for e in &elements {
        list.push(e);
    }
    Ok(Js::new()
        .set("elements", &list)
        .set("fingerprints", &js_sys::Uint8Array::from(&bytes[..]))
        .num("next", next.max(from as usize))
        .done())
}

#[wasm_bindgen(typescript_custom_section)]
const MEMORY_TYPES: &'static str = r#"
/** Fingerprints of paragraphs for a reading memory (26 bytes each, in order); never their text. */
export function fingerprints(paragraphs: string[]): Uint8Array;
/** Which of these paragraphs copy a remembered one (exact, near or contained). */
export function matchRead(paragraphs: string[], memory: ReadMemory, options?: VerbatimOptions): ReadMatch[];
/** Gives the document of root a reading memory: its next process() calls also hide what was read elsewhere. */
export function useReadMemory(root: Element, memory: ReadMemory): void;
/** Visible paragraphs processed since index `from` worth remembering once read, with their fingerprints. */
export function readCandidates(root: Element, from: number): { elements: Element[]; fingerprints: Uint8Array; next: number };
"#;

/// The incremental analysis without a DOM: `new Analyzer(options).push(paragraphs)` returns the
/// report of the new paragraphs, with indices counted across pushes.
#[wasm_bindgen(js_name = Analyzer)]
pub struct JsAnalyzer(text::Analyzer);

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
    #[wasm_bindgen(constructor)]
    pub fn new(options_value: JsValue) -> Result<JsAnalyzer, JsValue> {
        Ok(JsAnalyzer(text::Analyzer::new(options(&options_value)?)))
    }

    /// Adds paragraphs; returns the decisions about them only (a `Report`).
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] paragraphs_value: JsValue,
    ) -> Result<JsValue, JsValue> {
        let paragraphs = paragraphs(&paragraphs_value)?;
        report_js(&self.0.push(paragraphs))
    }

    /// How many paragraphs have been pushed.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }
}
