// The DOM writes of hiding repeats (runs.rs) and of restore (restore.rs), one call each.
//
// runs.rs decides which element hides a paragraph, which run it joins and what its toggle says;
// here the element is wrapped, marked and hidden, the toggle made, shown and hidden again, and at
// restore everything is undone. In Rust each of these was a dozen boundary crossings, each with an
// error path carried in the module (about a kilobyte of it).
//
// Every change is recorded in the document's `changes` (verbatim_changes), in the order made, for
// verbatim_restore; marks.js records its marks and cuts there too.

/// The record of every change made to one document: toggles inserted, elements hidden (and each
/// one's own `style` attribute before, null for none, at the same index), marks and wrappers put
/// around text, text nodes cut ([original, [pieces…]], in text order). `runs` holds each run's
/// toggle by its id: the button, the indices of its hidden elements, whether they are shown, how
/// many there are and, for a run read elsewhere, its two texts; `click` the document's listener
/// that flips them (verbatim_listen); `labels` the words written into the page (verbatim_labels).
export function verbatim_changes(labels) {
  return {
    toggles: [], hidden: [], styles: [], marks: [], wraps: [], splits: [],
    runs: new Map(), click: null, doc: null, labels,
  };
}

// A string as it comes out of the module: each lone surrogate becomes U+FFFD.
function wellFormed(text) {
  return text.replace(/\p{Cs}/gu, "\uFFFD");
}

/// The words written into the page (the toggles of runs, the labels of marks without a speaker),
/// fixed at a document's first `process` like the options: English, or the `labels` of an options
/// object (the extension passes them from its `_locales`). Every key must be known and every value
/// a string; the Error names the key.
export function verbatim_labels(options) {
  const labels = {
    showOne: "{n} repeated paragraph · show",
    showMany: "{n} repeated paragraphs · show",
    hideOne: "{n} repeated paragraph · hide",
    hideMany: "{n} repeated paragraphs · hide",
    scare: "scare quotes: nobody is speaking",
    unknown: "speaker unknown",
  };
  if (typeof options !== "object" || options === null) return labels;
  const given = options.labels;
  if (given === undefined) return labels;
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new Error("verbatim: option `labels` must be an object of strings");
  }
  for (const key of Object.keys(given)) {
    const text = given[key];
    if (typeof text !== "string" || !Object.prototype.hasOwnProperty.call(labels, key)) {
      const shown = Array.from(wellFormed(key)).slice(0, 40).join("");
      throw new Error("verbatim: option `labels." + shown + "` is unknown or not a string");
    }
    labels[key] = wellFormed(text);
  }
  return labels;
}

// Hides through the element's own style. Elements may come from another realm (a frame), where
// `instanceof HTMLElement` fails, so the check is for a `style` object instead; elements without
// one are hidden by the attribute selector of our stylesheet.
function hide(el) {
  const style = el.style;
  if (typeof style === "object" && style !== null) style.setProperty("display", "none", "important");
}

// Gives an element back its own `style` attribute (null: none at all). The attribute is first set,
// then removed: Chrome writes a style changed through the CSSOM back into the attribute lazily,
// and without the set it can reappear as `style=""` after the removal.
function putStyle(el, style) {
  el.setAttribute("style", style === null || style === undefined ? "" : style);
  if (style === null || style === undefined) el.removeAttribute("style");
}

/// Hides `target`: an element, or sibling nodes (an array) that are first wrapped in a
/// `<span data-verbatim-wrap>` of ours. Marks it `data-verbatim-repeat` = `kind` and, when `read`
/// is given, `data-verbatim-read` = `read`. Returns the hidden element (its index in
/// `changes.hidden` is the number of earlier ones), or null when there is nothing to hide (no
/// target, or nodes that have left the page).
export function verbatim_hide(doc, target, kind, read, changes) {
  if (target === null || target === undefined) return null;
  let el = target;
  if (Array.isArray(target)) {
    const first = target[0];
    const parent = first.parentNode;
    if (parent === null) return null;
    el = doc.createElement("span");
    el.setAttribute("data-verbatim-wrap", "");
    parent.insertBefore(el, first);
    for (const node of target) el.appendChild(node);
    changes.wraps.push(el);
  }
  const style = el.getAttribute("style");
  el.setAttribute("data-verbatim-repeat", kind);
  if (read !== undefined && read !== null) el.setAttribute("data-verbatim-read", read);
  hide(el);
  changes.hidden.push(el);
  changes.styles.push(style);
  return el;
}

/// The toggle of run `run`, inserted before its first hidden element `el` (its text comes from
/// verbatim_count or verbatim_label); the run starts collapsed, with `el` (at `index` of
/// `changes.hidden`) its one hidden element.
export function verbatim_toggle(doc, el, run, index, read, changes) {
  const button = doc.createElement("button");
  button.setAttribute("type", "button");
  button.setAttribute("class", "verbatim-toggle");
  button.setAttribute("data-verbatim-ui", "");
  button.setAttribute("data-verbatim-toggle", String(run));
  if (read !== undefined && read !== null) button.setAttribute("data-verbatim-read", read);
  const parent = el.parentNode;
  if (parent !== null) parent.insertBefore(button, el);
  changes.toggles.push(button);
  changes.runs.set(run, { button, hidden: [index], expanded: false, count: 1, texts: null });
}

/// Adds the hidden element at `index` of `changes.hidden` to run `run`, shown at once when the
/// run is.
export function verbatim_join(changes, run, index) {
  const state = changes.runs.get(run);
  if (state === undefined) return;
  state.hidden.push(index);
  state.count = state.hidden.length;
  if (state.expanded) show(changes, index, true);
}

/// Writes the toggle of run `run` in the document's labels: the first `{n}` of the template
/// becomes the count of its hidden elements.
export function verbatim_count(changes, run) {
  const state = changes.runs.get(run);
  if (state === undefined) return;
  state.texts = null;
  label(changes, state);
}

/// Gives run `run` (read elsewhere: the reading memory's words) its toggle's texts, collapsed and
/// expanded, and writes the one of its state.
export function verbatim_label(changes, run, collapsed, expanded) {
  const state = changes.runs.get(run);
  if (state === undefined) return;
  state.texts = [collapsed, expanded];
  label(changes, state);
}

// Writes a toggle's text and state.
function label(changes, state) {
  let text;
  if (state.texts !== null) {
    text = state.texts[state.expanded ? 1 : 0];
  } else {
    const l = changes.labels;
    const one = state.count === 1;
    text = state.expanded ? (one ? l.hideOne : l.hideMany) : one ? l.showOne : l.showMany;
    text = text.replace("{n}", String(state.count));
  }
  state.button.textContent = text;
  state.button.setAttribute("aria-expanded", state.expanded ? "true" : "false");
}

// Shows or hides run `state`'s elements; `expanded` undefined flips it.
function expand(changes, state, expanded) {
  state.expanded = expanded === undefined ? !state.expanded : expanded;
  for (const i of state.hidden) show(changes, i, state.expanded);
  label(changes, state);
}

/// Shows or hides every run (the extension's "show all repeats"), in order of their ids.
export function verbatim_expand_all(changes, expanded) {
  const ids = [...changes.runs.keys()].sort((a, b) => a - b);
  for (const id of ids) expand(changes, changes.runs.get(id), expanded);
}

/// Adds the document's click listener, once: a click in a toggle flips its run. Event targets may
/// belong to a frame's realm: the check is for `closest` rather than `instanceof`.
export function verbatim_listen(doc, changes) {
  if (changes.click !== null) return;
  changes.doc = doc;
  changes.click = (event) => {
    const target = event.target;
    if (target === null || typeof target !== "object" || !("closest" in target)) return;
    let button;
    try {
      button = target.closest("[data-verbatim-toggle]");
    } catch {
      return;
    }
    if (button === null || button === undefined) return;
    const id = button.getAttribute("data-verbatim-toggle");
    // the run's id as a decimal number (as written by verbatim_toggle)
    if (id === null || !/^\+?[0-9]+$/.test(id)) return;
    const state = changes.runs.get(Number(id));
    if (state !== undefined) expand(changes, state, undefined);
  };
  doc.addEventListener("click", changes.click);
}

// Shows the hidden element at `index` of `changes.hidden` (its own style given back while shown),
// or hides it again.
function show(changes, index, visible) {
  const el = changes.hidden[index];
  if (el === undefined) return;
  if (visible) {
    putStyle(el, changes.styles[index]);
    el.setAttribute("data-verbatim-shown", "");
  } else {
    el.removeAttribute("data-verbatim-shown");
    hide(el);
  }
}

// Replaces an element of ours by its children.
function unwrap(el) {
  const parent = el.parentNode;
  if (parent === null) return;
  while (el.firstChild !== null) parent.insertBefore(el.firstChild, el);
  el.remove();
}

/// Undoes every change recorded in `changes`, from the outside in: toggles removed, hidden
/// elements given back their own `style` attribute, marks and wrappers unwrapped, then every cut
/// text node joined back into the node it came from, newest cut first (a piece cut again later is
/// whole before its original is joined). Afterwards the markup is byte-identical to before.
export function verbatim_restore(changes) {
  if (changes.click !== null) changes.doc.removeEventListener("click", changes.click);
  changes.click = null;
  changes.runs.clear();
  for (const button of changes.toggles) button.remove();
  for (let i = changes.hidden.length - 1; i >= 0; i--) {
    const el = changes.hidden[i];
    el.removeAttribute("data-verbatim-repeat");
    el.removeAttribute("data-verbatim-read");
    el.removeAttribute("data-verbatim-shown");
    putStyle(el, changes.styles[i]);
  }
  for (const el of changes.marks) unwrap(el);
  for (const el of changes.wraps) unwrap(el);
  for (let i = changes.splits.length - 1; i >= 0; i--) {
    const [original, pieces] = changes.splits[i];
    join(original, pieces);
  }
  changes.toggles.length = 0;
  changes.hidden.length = 0;
  changes.styles.length = 0;
  changes.marks.length = 0;
  changes.wraps.length = 0;
  changes.splits.length = 0;
}

// Joins the text of `pieces` (cut from `original` and standing after it again) back into it, and
// removes them. The text stays a JavaScript string throughout: lone surrogates survive; one
// appendData per cut node (a join per piece would copy a huge node's text once per quotation).
function join(original, pieces) {
  let text = "";
  for (const piece of pieces) {
    text += piece.data;
    piece.remove();
  }
  if (text.length > 0) original.appendData(text);
}
