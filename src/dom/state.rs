//! What the DOM layer remembers about each document between calls.
//!
//! One [`DocState`] per document holds the core's incremental [`Analyzer`], the walker's memory
//! (the text nodes already read, where a step stopped), the paragraphs by index, every change made
//! (so `restore` can undo it), the toggles of the runs, and the running summary. It lives until
//! `restore` forgets it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::page::{self, Paragraph};
use super::runs;
use super::style;
use super::summary::Summary;
use crate::text::memory::ReadSet;
use crate::text::{Analyzer, Options};

/// One run of hidden paragraphs. Its toggle, the elements it shows and hides and whether they are
/// shown are kept in the document's changes (`runs.js`), which flips them on a click.
pub struct Run {
    /// The run's id: the index of its first hidden paragraph (`Repeat::run`).
    pub id: usize,
    /// How many elements it hides.
    pub count: usize,
    /// For a run of paragraphs read on another page: the reading memory's source.
    pub read: Option<usize>,
}

pub struct DocState {
    pub document: Document,
    pub analyzer: Analyzer,
    /// The walker's memory (`walk.js`): the text nodes read, and where a step stopped.
    pub walker: JsValue,
    pub paragraphs: Vec<Paragraph>,
    /// The elements of the records the walks found, by the numbers the core was given.
    pub records: Vec<Element>,
    /// Every change made, in the order made (`runs.js`, `verbatim_changes`): what `restore` undoes.
    pub changes: JsValue,
    /// How many elements were hidden (the index the next one gets in `changes`).
    pub hidden: usize,
    /// Sorted by id.
    pub runs: Vec<Run>,
    pub summary: Summary,
    /// The speakers by order of first appearance: a speaker's position is its colour slot.
    pub speaker_slots: Vec<String>,
    /// Speaker mentions already wrapped, as (paragraph, start, end), sorted: a mention shared by
    /// several quotations (a continued speaker) is wrapped once.
    pub mentions: Vec<(usize, usize, usize)>,
    style: Option<JsValue>,
}

impl DocState {
    fn new(document: Document, options: Options, labels: &JsValue) -> Self {
        let mut analyzer = Analyzer::new(options);
        analyzer.set_memory(take_memory(&document));
        DocState {
            document,
            analyzer,
            walker: page::verbatim_walker(),
            paragraphs: Vec::new(),
            records: Vec::new(),
            changes: runs::verbatim_changes(labels),
            hidden: 0,
            runs: Vec::new(),
            summary: Summary::default(),
            speaker_slots: Vec::new(),
            mentions: Vec::new(),
            style: None,
        }
    }

    /// Adds the stylesheet and the toggle listener once per document.
    pub fn ensure_style(&mut self) {
        if self.style.is_none() {
            self.style = Some(style::add(&self.document));
            runs::verbatim_listen(&self.document, &self.changes);
        }
    }

    /// Removes the stylesheet and ends the walker's watch (part of restore; the listener went with
    /// the changes).
    pub fn drop_ui(&mut self) {
        page::verbatim_walker_drop(&self.walker);
        if let Some(handle) = self.style.take() {
            style::remove(&self.document, &handle);
        }
    }
}

thread_local! {
    /// Reading memories given before a document's first `process` (see [`set_memory`]).
    static MEMORIES: RefCell<Vec<(Document, Rc<ReadSet>)>> = const { RefCell::new(Vec::new()) };
    static DOCUMENTS: RefCell<Vec<DocState>> = const { RefCell::new(Vec::new()) };
    /// Quote ids stay unique in a document across process and restore calls.
    static NEXT_QUOTE_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

pub fn next_quote_id() -> u64 {
    NEXT_QUOTE_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// Runs `f` on the state of `document`, creating it with `options` on first use.
pub fn with_document<T>(
    document: &Document,
    options: Options,
    labels: &JsValue,
    f: impl FnOnce(&mut DocState) -> Result<T, JsValue>,
) -> Result<T, JsValue> {
    DOCUMENTS.with(|docs| {
        let mut docs = docs
            .try_borrow_mut()
            .map_err(|_| JsValue::from_str("verbatim: process called re-entrantly"))?;
        let doc = match docs.iter().position(|d| &d.document == document) {
            Some(at) => docs.get_mut(at),
            None => {
                docs.push(DocState::new(document.clone(), options, labels));
                docs.last_mut()
            }
        };
        doc.map_or(Err(JsValue::NULL), f)
    })
}

/// Runs `f` on the state of `document` if there is one.
pub fn with_existing<T>(document: &Document, f: impl FnOnce(&mut DocState) -> T) -> Option<T> {
    DOCUMENTS.with(|docs| {
        let mut docs = docs.try_borrow_mut().ok()?;
        docs.iter_mut().find(|d| &d.document == document).map(f)
    })
}

/// Takes the state of `document` out, forgetting it.
pub fn take(document: &Document) -> Option<DocState> {
    DOCUMENTS.with(|docs| {
        let mut docs = docs.try_borrow_mut().ok()?;
        let at = docs.iter().position(|d| &d.document == document)?;
        Some(docs.swap_remove(at))
    })
}

/// Gives the document's analysis a reading memory (`None` takes it away): at once when the
/// document has been processed, else at its first `process`. Paragraphs already judged stay as
/// they are.
pub fn set_memory(document: &Document, set: Option<Rc<ReadSet>>) {
    let given = set.clone();
    let applied = with_existing(document, move |doc| doc.analyzer.set_memory(given)).is_some();
    MEMORIES.with(|m| {
        let Ok(mut m) = m.try_borrow_mut() else {
            return;
        };
        m.retain(|(d, _)| d != document);
        if let (false, Some(set)) = (applied, set) {
            m.push((document.clone(), set));
        }
    });
}

fn take_memory(document: &Document) -> Option<Rc<ReadSet>> {
    MEMORIES.with(|m| {
        let mut m = m.try_borrow_mut().ok()?;
        let at = m.iter().position(|(d, _)| d == document)?;
        Some(m.swap_remove(at).1)
    })
}
