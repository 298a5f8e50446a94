//! The paragraphs of a page as the walker (`walk.js`) finds them, held for the DOM layer.
//!
//! The walk itself is JavaScript (one call instead of one boundary crossing per node); this module
//! turns its answer into Rust values: the paragraphs' texts for the core (one joined string and
//! their lengths, so one string crosses the boundary, not one per paragraph), and for each, where
//! in the walk's arrays its target (the element or nodes that hide it) and its text segments are:
//! those are read across the boundary only for a paragraph that is hidden or gets a mark.

use std::rc::Rc;

use js_sys::{Array, Int32Array, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Text};

#[wasm_bindgen(module = "/src/dom/walk.js")]
extern "C" {
    fn verbatim_walk(root: &Element, state: &JsValue, limit: u32) -> JsValue;
    /// A walker state: the text nodes read, and where a walk cut short stopped.
    pub fn verbatim_walker() -> JsValue;
    pub fn verbatim_walker_drop(state: &JsValue);
    pub fn verbatim_walker_settle(state: &JsValue);
}

/// What hides a paragraph.
pub enum Target {
    /// The block element that holds exactly this paragraph.
    Element(Element),
    /// Sibling nodes inside a larger block: wrapped in an element of our own before hiding.
    Nodes(Array),
    /// The paragraph's nodes are interleaved with other content; it cannot be hidden alone.
    None,
}

/// One text node behind a paragraph: its offsets in the paragraph's text, in UTF-16 units.
pub struct Segment {
    pub node: Text,
    pub start: usize,
    pub len: usize,
}

/// The walker's per-paragraph arrays of one walk, shared by its paragraphs.
struct Walked {
    targets: Array,
    segments: Array,
}

/// One paragraph on the page.
pub struct Paragraph {
    /// The length of its text in UTF-16 units.
    pub len: usize,
    /// Its walk's arrays and its index in them.
    walked: Rc<Walked>,
    index: u32,
    /// Its segments once read; kept true to the text nodes as marks split them, so that a
    /// quotation found in a later call (one that runs on into a paragraph arriving later) still
    /// lands on the right nodes.
    segments: Option<Vec<Segment>>,
}

impl Paragraph {
    /// What hides it (read from the walk on each call: it is asked for once a paragraph is hidden).
    pub fn target(&self) -> Target {
        let target = self.walked.targets.get(self.index);
        if target.is_null() || target.is_undefined() {
            Target::None
        } else if Array::is_array(&target) {
            Target::Nodes(target.unchecked_into())
        } else {
            Target::Element(target.unchecked_into())
        }
    }

    /// What hides it as the walk gave it: the element, an array of sibling nodes, or null.
    pub fn target_value(&self) -> JsValue {
        self.walked.targets.get(self.index)
    }

    /// Takes the segments out (reading them on first use); give them back with [`Self::put_segments`].
    pub fn take_segments(&mut self) -> Vec<Segment> {
        if let Some(segments) = self.segments.take() {
            return segments;
        }
        let raw: Array = self.walked.segments.get(self.index).unchecked_into();
        // (the length read once: each `length()` is a crossing, 5,660 of them on a page of 4,600
        // segments read)
        let length = raw.length();
        let mut out = Vec::with_capacity(length as usize / 3);
        let mut i = 0;
        while i + 2 < length {
            let node = raw.get(i).unchecked_into::<Text>();
            let start = raw.get(i + 1).as_f64().unwrap_or(0.0) as usize;
            let len = raw.get(i + 2).as_f64().unwrap_or(0.0) as usize;
            out.push(Segment { node, start, len });
            i += 3;
        }
        out
    }

    pub fn put_segments(&mut self, segments: Vec<Segment>) {
        self.segments = Some(segments);
    }
}

/// The new paragraphs of one walk.
pub struct Found {
    pub texts: Vec<String>,
    /// Per paragraph, the walk's number of the record holding it (an index into `record_els`),
    /// or -1: see `walk.js`.
    pub records: Vec<i32>,
    /// The records' elements, by the walk's numbers.
    pub record_els: Vec<Element>,
    /// The walk stopped at its limit: paragraphs remain unread (and unseen) under the root.
    pub more: bool,
    targets: Array,
    segments: Array,
    lengths: Vec<u32>,
}

impl Found {
    /// Splits the walk into the texts for the core and the paragraphs for the DOM layer.
    pub fn split(self) -> (Vec<String>, Vec<Paragraph>) {
        let Found {
            texts,
            targets,
            segments,
            lengths,
            ..
        } = self;
        let walked = Rc::new(Walked { targets, segments });
        let paragraphs = (0..lengths.len() as u32).map(|index| Paragraph {
            len: lengths.get(index as usize).map_or(0, |&n| n as usize),
            walked: walked.clone(),
            index,
            segments: None,
        });
        let paragraphs = paragraphs.collect();
        (texts, paragraphs)
    }
}

/// Cuts `joined` into pieces of `lengths` UTF-16 units. A character whose two units fall on
/// either side of a cut (two lone surrogates of adjacent paragraphs, paired by the join) becomes
/// U+FFFD on each side, as each lone surrogate would alone.
///
/// Each paragraph is found by its UTF-8 lead bytes and copied as one slice (a copy character by
/// character showed in profiles).
fn cut(joined: &str, lengths: &[u32]) -> Vec<String> {
    let mut out = Vec::with_capacity(lengths.len());
    let mut rest = joined;
    let mut carry = false; // the second half of a character cut in two opens this paragraph
    for &len in lengths {
        let mut left = len as usize;
        let mut text = String::new();
        if carry && left > 0 {
            text.push('\u{FFFD}');
            left -= 1;
            carry = false;
        }
        // the bytes of `rest` that make `left` UTF-16 units (a step is one character)
        let mut end = 0;
        let mut split = false;
        while left > 0 {
            let Some(&lead) = rest.as_bytes().get(end) else {
                break;
            };
            let (bytes, units) = match lead {
                0..=0x7f => (1, 1),
                0x80..=0xdf => (2, 1),
                0xe0..=0xef => (3, 1),
                _ => (4, 2),
            };
            if units > left {
                split = true;
                break;
            }
            left -= units;
            end += bytes;
        }
        text.push_str(rest.get(..end).unwrap_or_default());
        rest = rest.get(end..).unwrap_or_default();
        if split {
            // a character of two units with one left: its halves go to this paragraph and the next
            text.push('\u{FFFD}');
            carry = true;
            rest = rest.get(4..).unwrap_or_default();
        }
        out.push(text);
    }
    out
}

/// Walks `root` for paragraphs none of whose text nodes were read before (`state`, from
/// [`verbatim_walker`]), and marks theirs read; with `limit` > 0, stops before the block that would
/// take it past `limit` new paragraphs, and the next walk resumes there.
pub fn walk(root: &Element, state: &JsValue, limit: u32) -> Found {
    let result = verbatim_walk(root, state, limit);
    let get = |key: &str| Reflect::get(&result, &JsValue::from_str(key)).unwrap_or_default();
    let array = |key: &str| get(key).dyn_into::<Array>().unwrap_or_default();
    let lengths = get("lengths")
        .dyn_into::<Uint32Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let joined = get("text").as_string().unwrap_or_default();
    // (typed arrays: one copy across the boundary, not one crossing per paragraph)
    let records = get("records")
        .dyn_into::<Int32Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let record_els = array("recordEls")
        .iter()
        .map(|e| e.unchecked_into::<Element>())
        .collect();
    Found {
        texts: cut(&joined, &lengths),
        records,
        record_els,
        more: get("more").as_bool().unwrap_or(false),
        targets: array("targets"),
        segments: array("segs"),
        lengths,
    }
}
