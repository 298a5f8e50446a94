// The block walker of the DOM layer: finds the paragraphs under a root in one pass.
//
// It runs as JavaScript because walking a page costs one boundary crossing per node from Rust and
// this walk touches every node; here it is one call. It decides nothing about repeats or quotes: it
// only applies the definition of a paragraph (DESIGN.md, "What a paragraph is") and returns, for each
// paragraph not seen before, its text, what to hide it by, and the text nodes behind its offsets.

const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIALOG",
  "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4",
  "H5", "H6", "HEADER", "HGROUP", "HR", "LEGEND", "LI", "MAIN", "MENU", "NAV", "OL", "P", "SECTION",
  "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);
// Never read, never touched, and no boundary: invisible or not prose.
// Frames and media hold fallback text that a browser able to show them never displays.
const IGNORE = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE", "META", "LINK",
  "IFRAME", "FRAME", "FRAMESET", "NOFRAMES", "NOEMBED", "VIDEO", "AUDIO", "CANVAS", "DATALIST"]);
// Never touched; a block of them ends a paragraph, an inline one stands in it as opaque text.
const OPAQUE = new Set(["TEXTAREA", "INPUT", "SELECT", "CODE", "PRE", "SVG", "MATH", "BUTTON",
  "KBD", "SAMP", "OPTION"]);
const OPAQUE_BLOCK = new Set(["PRE", "TEXTAREA", "SELECT", "SVG", "MATH"]);
// Elements nested deeper than this under the root are not read (left as they are): the walk
// recurses, and a script-built tree thousands deep would overflow the stack. The HTML parser never
// nests that deep (Chromium stops at 512), so no parsed page loses anything.
const MAX_NESTING = 1000;

// Prose blocks that pages rarely hide one by one (see `unseen`).
const PLAIN = new Set(["P", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "DT", "DD", "TD", "TH", "TR",
  "FIGCAPTION", "BLOCKQUOTE", "CAPTION", "TBODY", "THEAD"]);

// Interactive parts of a page: text inside them (a checkbox's label, a button, a widget's items) is
// read but never hidden, and a paragraph that holds a control (an input beside its label) neither.
const INTERACTIVE = new Set(["FORM", "LABEL", "FIELDSET", "BUTTON", "SELECT", "TEXTAREA", "DIALOG"]);
const CONTROLS = new Set(["INPUT", "SELECT", "TEXTAREA", "BUTTON"]);
// What the walk needs to know of a tag, in one look-up per element (the sets above as bits).
const IS_IGNORED = 1, IS_OPAQUE = 2, IS_OPAQUE_BLOCK = 4, IS_BLOCK = 8, IS_BR = 16, IS_INTERACTIVE = 32,
  IS_CONTROL = 64, IS_CODE = 128, IS_ANCHOR = 256;
const KIND = new Map();
for (const [set, bit] of [[IGNORE, IS_IGNORED], [OPAQUE, IS_OPAQUE], [OPAQUE_BLOCK, IS_OPAQUE_BLOCK],
  [BLOCK, IS_BLOCK], [["BR"], IS_BR], [INTERACTIVE, IS_INTERACTIVE], [CONTROLS, IS_CONTROL],
  [["CODE", "KBD", "SAMP"], IS_CODE], [["A"], IS_ANCHOR]]) {
  for (const tag of set) KIND.set(tag, (KIND.get(tag) | 0) | bit);
}
const WIDGET_ROLES = new Set(["button", "checkbox", "radio", "switch", "tab", "tablist", "tabpanel",
  "menu", "menubar", "menuitem", "menuitemcheckbox", "menuitemradio", "listbox", "option", "combobox",
  "slider", "spinbutton", "textbox", "searchbox", "tree", "treeitem", "treegrid", "grid", "gridcell",
  "toolbar", "dialog", "alertdialog", "form", "search"]);

// Elements whose children may have no box whatever their style: fallback content shown or not by
// what the element itself does (see `verbatim_boxed`). Local names.
const UNSURE = new Set(["object", "embed", "applet", "meter", "progress"]);
// Elements that have no box of their own whatever their computed display (the walker never asks
// about them; `verbatim_boxed` leaves them to the browser's check, as any element not of HTML).
const NO_BOX = new Set(["noscript", "option", "optgroup"]);
const XHTML = "http://www.w3.org/1999/xhtml";

// Whether `el` hosts a shadow root (its slots decide which of its children show). A closed one is
// seen only by an extension's content script (Chromium's chrome.dom, Firefox's
// openOrClosedShadowRoot); elsewhere only open ones are. (Chromium's namespace is taken whole and
// asked whether it has the function: Firefox has none, and web-ext lint rejects a call it cannot
// make there.)
const chromeDom = typeof chrome === "object" && chrome !== null ? chrome.dom : undefined;
const closedRoot = chromeDom && typeof chromeDom.openOrClosedShadowRoot === "function"
  ? (el) => chromeDom.openOrClosedShadowRoot(el) : null;
// Elements that can host a shadow root at all (the DOM standard's valid shadow host names; a
// declarative shadow root takes the same): a custom element, or one of these. Only they are asked
// about a closed one, which in an extension is an API call for each ancestor a check climbs (about
// 1.4 ms of a corpus page's load in Chromium's profiler); on the 130 corpus pages a third of those
// ancestors (3,533 of 10,675: <html>, lists, tables, list items) can have none.
const SHADOW_HOSTS = new Set(["article", "aside", "blockquote", "body", "div", "footer", "h1", "h2", "h3", "h4",
  "h5", "h6", "header", "main", "nav", "p", "section", "span"]);
function hostsShadow(el) {
  if (el.shadowRoot) return true;
  const name = el.localName;
  if (!SHADOW_HOSTS.has(name) && !name.includes("-")) return false;
  if (closedRoot !== null) return !!closedRoot(el);
  return "openOrClosedShadowRoot" in el && !!el.openOrClosedShadowRoot;
}

// Whether `el` has a box the reader can see: what `el.checkVisibility({ visibilityProperty: true })`
// answers (a box of its own, `visibility: visible`, no ancestor that makes no box or hides its
// content: display: none, content-visibility: hidden, a closed <details> around all but its
// summary), read from computed style alone. Chromium's checkVisibility brings the page's layout up
// to date, not only its style, on a page with a form control or a media element (a search box is
// enough): the first check of a pass laid out the whole page inside Verbatim's task (pixnet: 62 ms
// of a first pass of 97 ms, traced), where a style lookup computes style only and the page's next
// frame lays it out once, with Verbatim's changes in. Where style alone cannot tell (an ancestor
// that hosts a shadow root, whose slots decide which children show; fallback content of an object
// or a meter; an element in a shadow tree) the browser's own check answers. `shown`: a Set of
// ancestors found to let their children show (kept for one walk: the page may change after it).
// `boxes` (optional, for one walk too): a Map of elements found boxed to their computed style, so
// that a block checked inside one of them does not ask for its style again (a boxed element's
// display is known not to be none; what it does to its children is still read).
export function verbatim_boxed(el, view, shown, boxes) {
  if (el.namespaceURI !== XHTML || NO_BOX.has(el.localName)) return el.checkVisibility({ visibilityProperty: true });
  const style = view.getComputedStyle(el);
  const display = style.display;
  if (display === "none" || display === "contents" || style.visibility !== "visible") return false;
  const path = [];
  let child = el;
  for (let a = el.parentNode; a === null || a.nodeType !== 9; child = a, a = a.parentNode) {
    if (a === null) return false; // not in the document: no box
    // (a closed <details> shows its summary only: asked before `shown`, which may hold it as the
    // summary's ancestor)
    if (a.localName === "details" && !a.open && !(child.localName === "summary" && a.querySelector(":scope > summary") === child)) {
      return false;
    }
    if (shown.has(a)) break;
    if (a.nodeType !== 1 || UNSURE.has(a.localName) || hostsShadow(a)) {
      return el.checkVisibility({ visibilityProperty: true });
    }
    const known = boxes !== undefined ? boxes.get(a) : undefined;
    const s = known !== undefined ? known : view.getComputedStyle(a);
    if ((known === undefined && s.display === "none") || s.contentVisibility === "hidden") return false;
    path.push(a);
  }
  for (let i = 0; i < path.length; i++) shown.add(path[i]);
  if (boxes !== undefined) boxes.set(el, style);
  return true;
}

// (`attrs`: el.hasAttributes(), asked once per element: most elements of a page's text have none,
// and each attribute look-up is a call into the DOM)
function interactive(el, tag, attrs) {
  if (INTERACTIVE.has(tag)) return true;
  return attrs && widgetRole(el);
}
function widgetRole(el) {
  const role = el.getAttribute("role");
  return role !== null && WIDGET_ROLES.has(role.trim().toLowerCase());
}

// A record: a block beside a sibling of the same shape (tag and class), holding two paragraphs or
// more (an interviewee's section, a product card, a day of a plan, a story tile). The core decides
// what being in a record means; this only names them.
function sameShape(a, b) {
  return b !== null && a.tagName === b.tagName && a.getAttribute("class") === b.getAttribute("class");
}
function inARow(el) {
  return sameShape(el, el.previousElementSibling) || sameShape(el, el.nextElementSibling);
}

// Elements that lose their state when moved (a frame reloads, a video stops): a run of nodes that
// holds one is never wrapped, so it is not hidden on its own.
const FRAGILE = "iframe,frame,video,audio,object,embed";

function fragile(nodes) {
  for (const n of nodes) {
    if (n.nodeType === 1 && (n.matches(FRAGILE) || n.querySelector(FRAGILE) !== null)) return true;
  }
  return false;
}

function isSkipped(el, attrs) {
  if (!attrs) return el.isContentEditable === true && !(el.parentElement && el.parentElement.isContentEditable);
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true" ||
    el.hasAttribute("data-verbatim-ui")) return true;
  const editable = el.getAttribute("contenteditable");
  return (editable !== null && editable.toLowerCase() !== "false") ||
    (el.isContentEditable === true && !(el.parentElement && el.parentElement.isContentEditable));
}

/// The walker's memory for one document: the text nodes already read, and where a walk cut short
/// by its limit stopped (with an observer that says whether the page changed before that point).
/// `unread`: a walk since the last whole one passed over something it may read later (a block
/// found hidden, an element skipped for its attributes), which only a whole walk reads again.
export function verbatim_walker() {
  return { seen: new WeakSet(), resume: null, observer: null, moved: false, watch: true, unread: false };
}

/// Ends a resumable state's watch (on restore).
export function verbatim_walker_drop(state) {
  if (state.observer) state.observer.disconnect();
  state.observer = null;
  state.resume = null;
}

/// Forgets the mutations made since the last walk by the DOM layer itself (marks, wrappers,
/// toggles): called after each pass has applied its changes.
export function verbatim_walker_settle(state) {
  if (state.observer) state.observer.takeRecords();
}

// Whether mutation records show new content before the resume point (which a resumed walk would
// never read), or the resume node moved. A page parsed or growing at its end while a huge page is
// stepped through brings thousands of records per step, and assuming "moved" past a number of them
// made every step walk the whole page again (a step of the 50,000-paragraph page: 117 ms of
// Verbatim's own work); comparing every added node with the resume node is no way out either
// (`compareDocumentPosition` crawls the siblings between them: the page hung). So most records are
// placed in constant time: nodes added inside a node known to come after the resume point (one
// added after it, or the resume node itself, as before), or appended at the end of one of its
// ancestors, come after it. Only the others are compared, at most FAR_CHECKS of them per resume
// point (past that: assume so); a node found to come after it is remembered too.
const FAR_CHECKS = 100;

function movedBefore(records, resume) {
  if (resume.ancestors === undefined) {
    resume.ancestors = new Set();
    for (let n = resume.node; n !== null; n = n.parentNode) resume.ancestors.add(n);
    resume.later = new WeakSet();
    resume.checks = FAR_CHECKS;
  }
  const { node, ancestors, later } = resume;
  // (indexed loops, and only elements remembered: a parser's insertions make one record a node,
  // tens of thousands on a huge page)
  for (let r = 0; r < records.length; r++) {
    const record = records[r];
    const added = record.addedNodes;
    const count = added.length;
    if (count === 0) continue;
    const target = record.target;
    if (!(target === node || later.has(target) || (record.nextSibling === null && ancestors.has(target)))) {
      if (resume.checks-- <= 0) return true;
      // DOCUMENT_POSITION_PRECEDING: before the resume node (an ancestor's child inserted mid-way:
      // the added node itself; elsewhere: where it was added)
      if (ancestors.has(target)) {
        if (node.compareDocumentPosition(added[0]) & 2) return true;
      } else {
        if (node.compareDocumentPosition(target) & 2) return true;
        later.add(target);
      }
    }
    // the resume node or one of its ancestors (elements all) put elsewhere; the others come after
    // it, and only an element can be the target of a later record
    for (let i = 0; i < count; i++) {
      const n = added[i];
      if (n.nodeType !== 1) continue;
      if (ancestors.has(n)) return true;
      later.add(n);
    }
  }
  return false;
}

/// Returns { text, lengths, targets, segs, more, records, recordEls } for the paragraphs under `root` none of whose
/// text nodes was read before (`state.seen`, from verbatim_walker; a bare WeakSet also serves), and
/// adds their text nodes to it. `text` is the paragraphs' texts joined (one string crosses into
/// Rust, not one per paragraph), `lengths[i]` the length of paragraph i in UTF-16 units; `texts`
/// splits them for scripts. A target is the block element that is the whole paragraph, the sibling
/// nodes that make it up (to be wrapped before hiding), or null when the paragraph cannot be hidden
/// on its own; `segs[i]` is [Text, start, length, …] for paragraph i. `records[i]` numbers the
/// innermost record holding paragraph i (an index into `recordEls`), -1 for none. With `limit` > 0 the walk
/// stops before the block that would take it past `limit` new paragraphs (`more` is then true): a
/// paragraph is never returned in part, and what was not read stays unseen for the next walk, which
/// resumes where this one stopped (unless the page added content before that point meanwhile).
export function verbatim_walk(root, state, limit) {
  if (state instanceof WeakSet) state = { seen: state, resume: null, observer: null, moved: false, watch: false };
  const seen = state.seen;
  let more = false;
  const texts = [];
  const lengths = []; // texts[i].length
  const targets = [];
  const segs = [];

  // Resuming: the ancestors of the node where the last walk stopped start their loops there.
  let resume = state.resume;
  state.resume = null;
  if (resume !== null) {
    const moved = state.moved || (state.observer !== null && movedBefore(state.observer.takeRecords(), resume));
    if (moved || !resume.node.isConnected || resume.node === root || !root.contains(resume.node)) resume = null;
  }
  state.moved = false;
  if (resume === null) state.unread = false;
  let lastBlock = null; // the last block this walk entered (document order)
  let chain = null; // ancestor → the child of it on the way to the resume node
  if (resume !== null) {
    chain = new Map();
    for (let n = resume.node; n !== root; n = n.parentNode) chain.set(n.parentNode, n);
  }

  // the paragraph being gathered
  let text = "";
  let seg = [];
  let top = [];        // nodes at the level of the block that holds the run
  let clean = true;    // all of it stands as siblings in one block
  let old = false;     // one of its text nodes was seen by an earlier walk
  let prose = false;   // some of its text stands outside links
  let ink = false;     // some of its text is not white space
  let links = 0;       // links open around the node being read
  let brs = 0;         // consecutive <br>s
  let blockRuns = 0;   // runs flushed in the current block
  let blockSplit = false;
  let nesting = 0;     // elements open between the root and the node being read
  let widgets = 0;     // interactive elements open around the node being read
  let widget = false;  // the paragraph has text inside one, or holds a control
  // per paragraph, the number of the innermost record holding it (-1: none); the records' elements
  const records = [];
  const recordEls = [];

  // A block the reader cannot see (display: none, visibility: hidden, a closed <details>) is not
  // read: a visible copy must never be hidden for an original nobody sees. Its nodes are not added
  // to `seen`, so a later walk reads them once they show. Only in a rendered document whose root
  // is itself visible: a document without a view (DOMParser, createHTMLDocument) has no boxes, and
  // a page that hides its whole body while it loads would otherwise lose every paragraph.
  //
  // Checked lazily: a check needs the page's style, and the first one after any change to the
  // page forces the browser to compute it (on a page still loading, its whole first style), and
  // each costs a lookup up the tree. So a block that could be hidden on its own is only noted when
  // the walk enters it (`unchecked`), and checked when a paragraph inside it is about to be
  // returned, outermost first, each block once per walk: blocks that hold no paragraph (wrappers
  // of images, empty containers) are never checked, nor is anything on a page without such blocks.
  // The result is the same as checking each block on entry: when one proves hidden, nothing inside
  // it was returned yet (its first paragraph is what asked), the walk leaves it at once
  // (`hiddenAt`) and goes on after it in the state it had on entering it, as if it had been passed
  // over (a walk never stops at its limit inside a block: the limit was reached on entering it).
  const view = root.ownerDocument && root.ownerDocument.defaultView;
  let rendered = null; // decided on the first check
  const unchecked = []; // blocks entered and still open that might be hidden, outermost first
  let hiddenAt = null;  // the hidden block being left
  const shown = new Set(); // ancestors found to let their children show (verbatim_boxed)
  const boxes = new Map(); // elements found boxed, and their computed style (verbatim_boxed)
  function isRendered() {
    if (rendered === null) {
      rendered = view != null && root.isConnected && typeof root.checkVisibility === "function" &&
        verbatim_boxed(root, view, shown, boxes);
    }
    return rendered;
  }
  // Plain prose blocks without attributes are hidden by their containers, checked already; a
  // check costs a style lookup up the tree, so they are spared it.
  // (the element's own tagName, as before: an XHTML page's lower-case names are checked)
  function mayHide(el, attrs) {
    return attrs || !PLAIN.has(el.tagName);
  }
  function unseen(el) {
    if (verbatim_boxed(el, view, shown, boxes)) return false;
    // display: contents makes no box of its own; its children are judged one by one
    return view.getComputedStyle(el).display !== "contents";
  }

  // Whether the blocks around the paragraph being returned are all seen (checking those not yet
  // checked); if not, the walk leaves the outermost hidden one.
  function visible() {
    if (unchecked.length === 0) return true;
    if (!isRendered()) {
      unchecked.length = 0;
      return true;
    }
    for (let i = 0; i < unchecked.length; i++) {
      if (unseen(unchecked[i])) {
        hiddenAt = unchecked[i];
        unchecked.length = 0;
        return false;
      }
    }
    unchecked.length = 0;
    return true;
  }

  // Two sibling elements with no text between them that the page lays out apart (items of a flex
  // or grid container, inline-blocks): their texts are read with a space between, or three linked
  // tags of a byline run together into one word. Asked only where a word would be glued across
  // the junction, so ordinary prose costs no style lookup.
  function apart(prev, el) {
    if (text.length === 0 || /\s/.test(text[text.length - 1])) return false;
    let first = el.firstChild;
    while (first !== null && first.nodeType === 1) first = first.firstChild;
    if (first === null || first.nodeType !== 3 || first.data.length === 0 || /\s/.test(first.data[0])) return false;
    if (!isRendered()) return false;
    const parent = view.getComputedStyle(el.parentElement).display;
    if (parent.includes("flex") || parent.includes("grid")) return true;
    return view.getComputedStyle(prev).display !== "inline" || view.getComputedStyle(el).display !== "inline";
  }

  function flush(block, whole) {
    if (!more && hiddenAt === null && seg.length > 0 && !old && ink && visible()) {
      texts.push(text);
      lengths.push(text.length);
      segs.push(seg);
      records.push(-1);
      // A paragraph that is nothing but links is navigation (a menu entry, a related story):
      // it is read, for quotations and as an original, but never hidden (alone: the core may hide
      // the record holding it as one unit). Nor is a part of a form or a widget.
      targets.push(!prose || widget ? null : whole ? block : clean && !fragile(top) ? top : null);
      for (let i = 0; i < seg.length; i += 3) seen.add(seg[i]);
    }
    text = "";
    seg = [];
    top = [];
    clean = true;
    old = false;
    prose = false;
    ink = false;
    widget = widgets > 0;
    brs = 0;
  }

  // Where the children of `el` are read from: the first child, or on a resumed walk, for the
  // ancestors of the node where the last walk stopped, that node (or the one after it).
  function first(el, depth) {
    if (chain === null || !chain.has(el)) return el.firstChild;
    const at = chain.get(el);
    chain.delete(el);
    if (chain.size === 0) chain = null;
    // what stood before it in this element was read and ended by a boundary
    if (depth > 0) clean = false;
    if (at !== resume.node) return at;
    return resume.after ? at.nextSibling : at;
  }

  // Walks the children of `el`; `depth` counts inline elements between them and the block.
  function children(el, block, depth) {
    if (nesting >= MAX_NESTING) return;
    nesting += 1;
    let prev = null; // the previous sibling, if an element read inline with no text since
    for (let n = chain === null ? el.firstChild : first(el, depth); n !== null && !more && hiddenAt === null; n = n.nextSibling) {
      const type = n.nodeType;
      if (type === 3) {
        // a text node: its text joins the paragraph's, and it is one of its segments
        const data = n.data;
        if (data.length > 0) {
          if (seen.has(n)) old = true;
          if (widgets > 0) widget = true;
          if (/\S/.test(data)) {
            ink = true;
            brs = 0;
            if (links === 0) prose = true;
          }
          seg.push(n, text.length, data.length);
          text += data;
        }
        if (depth === 0) top.push(n);
        prev = null;
        continue;
      }
      if (type !== 1) {
        if (depth === 0 && seg.length > 0) top.push(n);
        continue;
      }
      const tag = n.tagName.toUpperCase();
      const kind = KIND.get(tag) | 0;
      if ((kind & IS_IGNORED) !== 0) {
        if (depth === 0 && seg.length > 0) top.push(n);
        continue;
      }
      const attrs = n.hasAttributes();
      if ((kind & IS_OPAQUE) !== 0 || isSkipped(n, attrs)) {
        // (an attribute may change and let a later whole walk read it; our own toggles never)
        if ((kind & IS_OPAQUE) === 0 && !(attrs && n.hasAttribute("data-verbatim-ui"))) state.unread = true;
        if ((kind & (IS_BLOCK | IS_OPAQUE_BLOCK)) !== 0) {
          boundary(block, depth, n, true);
          prev = null;
        } else {
          // opaque inline text: part of what the reader reads, never marked
          if ((kind & IS_CONTROL) !== 0) widget = true;
          if ((kind & IS_CODE) !== 0) {
            const code = n.textContent;
            if (!ink && /\S/.test(code)) ink = true;
            text += code;
          } else {
            text += " ";
          }
          if (depth === 0) top.push(n);
          prev = n;
        }
        continue;
      }
      if ((kind & IS_BR) !== 0) {
        brs += 1;
        prev = null;
        if (brs >= 2) {
          boundary(block, depth, n, true);
        } else {
          text += "\n";
          if (depth === 0) top.push(n);
        }
        continue;
      }
      if ((kind & IS_BLOCK) !== 0) {
        boundary(block, depth, n, false);
        lastBlock = n;
        visitBlock(n, tag, attrs);
        prev = null;
        continue;
      }
      if (prev !== null && apart(prev, n)) text += " ";
      if (depth === 0) top.push(n);
      const link = (kind & IS_ANCHOR) !== 0 && attrs && n.hasAttribute("href");
      if (link) links += 1;
      const inWidget = (kind & IS_INTERACTIVE) !== 0 || (attrs && widgetRole(n));
      if (inWidget) widgets += 1;
      children(n, block, depth + 1);
      if (inWidget) widgets -= 1;
      if (link) links -= 1;
      prev = n;
    }
    nesting -= 1;
  }

  // The walk stopped at its limit: the next one starts at `node` (after it, when `after`).
  function stop(node, after) {
    more = true;
    if (state.resume === null) state.resume = { node, after };
  }

  function boundary(block, depth, node, after) {
    if (depth > 0) clean = false;
    flush(block, false);
    // a block of many paragraphs (text runs between <br><br>s or child blocks) may end a step
    // between two of them: the next walk reads on from the node after the boundary
    if (limit > 0 && texts.length >= limit && !more) stop(node, after);
    blockRuns += 1;
    blockSplit = true;
    if (depth > 0) clean = false;
  }

  // `tag`: the block's tag when its caller has found it neither ignored nor skipped (every block
  // but the root), so that each element is looked at once.
  function visitBlock(el, tag, attrs) {
    if (limit > 0 && texts.length >= limit && !more) stop(el, false);
    if (more) return;
    if (tag === undefined) {
      tag = el.tagName.toUpperCase();
      attrs = el.hasAttributes();
      if (IGNORE.has(tag) || isSkipped(el, attrs)) return;
    }
    const check = el !== root && mayHide(el, attrs);
    // the state on entering it, which a hidden block leaves as it found
    // (the arrays as they were: what was added to them inside is taken off again)
    const entered = check ? [text, seg, seg.length, top, top.length, clean, old, prose, ink, brs, widget] : null;
    if (check) unchecked.push(el);
    const outerRuns = blockRuns;
    const outerSplit = blockSplit;
    blockRuns = 0;
    // on a resumed walk, a block on the way to the resume point was split there
    blockSplit = chain !== null && chain.has(el);
    const inWidget = interactive(el, tag, attrs);
    if (inWidget) widgets += 1;
    const from = texts.length;
    widget = widgets > 0;
    children(el, el, 0);
    flush(el, !blockSplit && el !== root);
    if (inWidget) widgets -= 1;
    if (check && unchecked.length > 0 && unchecked[unchecked.length - 1] === el) unchecked.pop();
    if (hiddenAt !== null) {
      blockRuns = outerRuns;
      blockSplit = outerSplit;
      if (hiddenAt === el) {
        hiddenAt = null;
        state.unread = true;
        let segLength, topLength;
        [text, seg, segLength, top, topLength, clean, old, prose, ink, brs, widget] = entered;
        seg.length = segLength;
        top.length = topLength;
      }
      return;
    }
    widget = widgets > 0;
    // the innermost record of its paragraphs not yet in one (none inside a form or a widget)
    // and with a paragraph of prose: a block of links only is navigation, never hidden
    if (texts.length - from >= 2 && el !== root && widgets === 0 && !inWidget && inARow(el) &&
      targets.slice(from).some((t) => t !== null)) {
      let named = false;
      for (let i = from; i < texts.length; i++) {
        if (records[i] === -1) {
          records[i] = recordEls.length;
          named = true;
        }
      }
      if (named) recordEls.push(el);
    }
    blockRuns = outerRuns;
    blockSplit = outerSplit;
  }

  // The root is taken as a block whatever its tag: its own text forms paragraphs.
  flush(null, false);
  visitBlock(root);

  // A walk that read everything leaves a resume point too: the last block it entered, read again
  // by the next walk (its text seen, a block added inside it new), which then goes on with what
  // follows it at every level up to the root. Without it, each pass while a page is parsed walked
  // from the root past every paragraph read before (the 50,000-paragraph page: a step of 57 ms).
  // What a whole walk would read and a resumed one would not: content added before that point (the
  // watch below: then the next walk is whole), and what was passed over unread (`unread`: then no
  // resume point, so the next walk is whole, as before).
  if (!more && state.resume === null && state.watch && !state.unread && lastBlock !== null) {
    state.resume = { node: lastBlock, after: false };
  }

  // Watch for content added before the resume point until the next walk (states of verbatim_walker).
  if (state.resume !== null && state.watch) {
    if (state.observer === null) {
      const Observer = (view && view.MutationObserver) || MutationObserver;
      state.observer = new Observer((records) => {
        if (state.resume !== null && !state.moved && movedBefore(records, state.resume)) state.moved = true;
      });
    }
    state.observer.observe(root, { childList: true, subtree: true });
  } else if (state.observer !== null) {
    state.observer.disconnect();
    state.observer = null;
  }

  return {
    text: texts.join(""), lengths: new Uint32Array(lengths), targets, segs, more,
    records: new Int32Array(records), recordEls,
    get texts() { return texts; },
  };
}
