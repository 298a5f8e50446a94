// Verbatim's content script: the shell around the module. It loads the module once, calls it as
// content arrives, answers the popup and feeds the badge. It decides nothing about repeats or
// quotations: the Rust module does.
//
// scripts/build.mjs wraps this file into one classic script with extension/settings.js and the
// wasm-bindgen glue (`verbatimGlue`: init, initSync, imports, finalize, process, processStep, restore,
// showRepeats), and
// defines VERBATIM_BUILD = { browser, fallback } and VERBATIM_WASM_BASE64 (pkg/verbatim_bg.wasm).
//
// Timeline of a page (run_at document_start):
//   1. at once: settings are read (asked for by early.js, before this script; where the preset runs,
//      extension/settings.js, they are known as soon as this script has run, the stored ones
//      following as a check), one MutationObserver starts watching the document;
//   2. once the settings are read (and the site is not excluded), the module is compiled off the main
//      thread; while the page is parsed, each animation frame runs the cheap pre-check
//      (looksLikeArticle); once it passes, the module is instantiated from that compilation;
//   3. at DOMContentLoaded (or as soon as the module is ready after it) the first pass processes
//      document.body, usually before the first paint, so repeats are never seen and nothing shifts
//      (when much of the page still waits for its style: inside its next rendering, before the
//      paint, or on a page already painted, after that rendering: restyleAhead); then
//      `data-verbatim="ready"` is set on <html>. A page that fails the pre-check is skipped
//      (also "ready") without loading the module, and is re-checked if it grows later;
//   4. afterwards the observer collects added nodes; once per animation frame, when some added
//      node carries text, process(document.body) runs again and handles only the new paragraphs
//      (before that frame is painted). Past FLOOD records the batch is not inspected: one rescan.
//      After a costly pass the next one waits (schedule()), so a busy page is not walked each frame.
// Every pass is processStep(body, STEP): at most STEP new paragraphs; on a huge page the rest
// follows in later tasks, one step each, yielding to the page in between (no task of ours > 50 ms).
// Any exception inside Verbatim makes it stand down on the page: it stops observing, undoes what it
// did as far as it can, says "ready", and the popup shows why.

const LOG = "Verbatim:";
const FLOOD = 1000;        // mutation records per batch past which they are not inspected: one rescan
const NODE_CAP = 2000;     // added nodes inspected per batch before assuming new text
const RECHECK_MS = 1000;   // a skipped page is re-checked at most this often as it changes
// Paragraphs read per step of a pass: 5 to 20 ms of work warm (40 ms for the very first, cold
// step) on a 2-core machine under load, so a huge page is done in tasks under 50 ms each.
const STEP = 150;
// The first step of a page is smaller: it also pays the module's cold start (its functions
// compiled on first use) and, at DOMContentLoaded, the page's first style computation.
const FIRST_STEP = 50;
const IGNORED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "LINK", "META", "IFRAME", "IMG", "svg"]);

const st = {
  phase: "starting",       // starting | loading | active | skipped | off | error
  reason: "",              // why the page was skipped or why Verbatim stood down
  site: verbatimSiteOf(location.href),
  settings: null,
  summary: null,           // the module's summary after the last pass
  shown: false,            // "show all repeats" from the popup
  quotesOnly: false,       // "quotes only": all but the quotations and their speakers dimmed (extension.css)
  focus: null,             // quotes only, narrowed to this speaker's quotations (a name the module gave)
  engine: "",              // "wasm", or "wasm2js" on pages whose CSP forbids WebAssembly
  ready: false,
  badge: -1,
  // ms, for the evaluation script; a pass on a huge page is several steps (longestPass: one step)
  // waitedCompile: how long the first pass waited for the module's compilation; waitedFrame: for the
  // page's rendering of what it parsed last (afterRendering); settingsAt: when the settings arrived
  // (performance.now(): nothing is decided before, and on a page that arrives at once that can be
  // after DOMContentLoaded)
  // (preset: the settings came from the preset, extension/settings.js; unstyled: the nodes waiting
  // for their style when the first pass was due, restyleAhead)
  timing: { compile: 0, compileAsync: 0, firstPass: 0, longestPass: 0, passes: 0, steps: 0, waitedCompile: 0, waitedFrame: 0, settingsAt: 0, preset: false, unstyled: null },
};

// ---- the module, loaded once ------------------------------------------------------------------

// The module's bytes travel inside this script (build.mjs writes them as VERBATIM_WASM_BASE64): no
// fetch. They are decoded (about a millisecond) and compiled off the main thread as soon as the
// settings allow; at the first frame that finds an article the module is instantiated and run
// synchronously, before that frame is painted. Pages that fail the pre-check never instantiate or
// run it; with lazy compilation, compiling costs them little more than validating the module.
let loaded = false;
let pending = null; // the fallback, loading asynchronously
// The module compiled off the main thread (WebAssembly.compile), started as soon as the settings
// say Verbatim runs on this site: by the frame that finds an article, or by DOMContentLoaded, it is
// usually compiled, and making it ready is an instantiation instead of a synchronous compile (which
// held the main thread for about 8 ms at the moment the page became ready).
let compiling = null;
let compiled = null;    // the WebAssembly.Module once compiled
let compileDone = false; // compiled, or refused (a CSP without 'wasm-unsafe-eval': loadNow meets it again)

function wasmBytes() {
  // the browser's own decoder (Chrome 140, Firefox 133): half a millisecond, where the loop below
  // held the main thread for 5 to 45 ms on a busy 2-core machine
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(VERBATIM_WASM_BASE64);
  const text = atob(VERBATIM_WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/// Starts compiling the module in the background, once per page.
function compileEarly() {
  if (compiling || loaded) return;
  const t0 = performance.now();
  compiling = WebAssembly.compile(wasmBytes()).then(
    (module) => { compiled = module; st.timing.compileAsync = performance.now() - t0; },
    () => {},
  ).finally(() => { compileDone = true; });
}

/// Whether making the module ready now would wait on nothing: it is loaded, or no compilation is in
/// flight (loadNow then compiles synchronously, or meets the refusal and starts the fallback).
function loadableNow() {
  return loaded || !compiling || compileDone;
}

/// Makes the module ready now if WebAssembly is allowed: true if it is ready. Otherwise the
/// fallback starts loading, and loadModule() returns it.
function loadNow() {
  if (loaded) return true;
  if (pending) return false;
  try {
    const t0 = performance.now();
    verbatimGlue.initSync({ module: compiled ?? wasmBytes() });
    st.timing.compile = performance.now() - t0;
    st.engine = "wasm";
    loaded = true;
  } catch (error) {
    pending = fallback(error);
  }
  compiled = null;
  return loaded;
}

/// The module, loaded once: a compilation in flight is awaited, not repeated.
async function loadModule() {
  if (compiling) await compiling;
  if (!loadNow()) await pending;
}

async function fallback(error) {
  // Chromium refuses to compile WebAssembly in a content script when the page's CSP lacks
  // 'wasm-unsafe-eval' (a CompileError with an empty message). The same Rust code, turned into
  // JavaScript by wasm2js, then runs with the same glue. The import is a literal path: Chromium
  // resolves it against the extension (only the Chrome build has the fallback).
  const compileError = error instanceof WebAssembly.CompileError || error?.name === "CompileError";
  if (!compileError || !VERBATIM_BUILD.fallback) throw error;
  const js = await import("./wasm/verbatim_wasm2js.js");
  verbatimGlue.finalize({ exports: js.instantiate(verbatimGlue.imports()) }, undefined);
  st.engine = "wasm2js";
  loaded = true;
}

// ---- the cheap pre-check ------------------------------------------------------------------------

/// Whether the page looks like something to read, without the module: a few sentence-sized
/// paragraphs (3 `<p>` of 60+ characters, 500+ in all), or an `<article>` of 800+ characters, or
/// text laid out with `<br>`s (6+) in a body of 2000+ characters. Editors (designMode,
/// contenteditable body), non-HTML documents and empty pages are skipped. Reads at most 400 `<p>`.
function looksLikeArticle() {
  const body = document.body;
  if (!body || !(document instanceof HTMLDocument)) return false;
  if (document.designMode === "on" || body.isContentEditable) return false;
  const ps = body.getElementsByTagName("p");
  let n = 0;
  let chars = 0;
  for (let i = 0; i < ps.length && i < 400; i++) {
    const len = ps[i].textContent.trim().length;
    if (len >= 60) {
      n += 1;
      chars += len;
      if (n >= 3 && chars >= 500) return true;
    }
  }
  const article = body.getElementsByTagName("article");
  for (let i = 0; i < article.length && i < 20; i++) {
    if (article[i].textContent.length >= 800) return true;
  }
  return body.getElementsByTagName("br").length >= 6 && body.textContent.length >= 2000;
}

// ---- passes ---------------------------------------------------------------------------------------

function options() {
  return { ...verbatimProcessOptions(st.settings ?? VERBATIM_DEFAULTS), labels: LABELS };
}

// The words the module writes into the page, in the browser's language ({n}: a count).
const LABELS = {
  showOne: verbatimApi.i18n.getMessage("pageShowOne", ["{n}"]),
  showMany: verbatimApi.i18n.getMessage("pageShowMany", ["{n}"]),
  hideOne: verbatimApi.i18n.getMessage("pageHideOne", ["{n}"]),
  hideMany: verbatimApi.i18n.getMessage("pageHideMany", ["{n}"]),
  scare: verbatimApi.i18n.getMessage("pageScare"),
  unknown: verbatimApi.i18n.getMessage("pageUnknown"),
};

/// One pass over document.body: the module handles only paragraphs it has not seen, at most STEP of
/// them. On a huge page the rest follows in later tasks (nextStep), each yielding to the page in
/// between, so no task of ours holds the main thread for long. While the page's last part waits for
/// its style (restyleAhead) the pass is held until the page has computed it; `styled`: it has.
function pass(continued = false, styled = false) {
  const body = document.body;
  if (!body || holding) return;
  const wait = styled ? null : restyleAhead();
  if (wait !== null) {
    hold(continued, wait);
    return;
  }
  observer.takeRecords();             // the page's pending changes: this walk covers them
  records = [];
  dirty = false;
  const t0 = performance.now();
  try {
    applyMemory(body);
    // (nothing here forces the page's style: the walk checks visibility only where a paragraph
    // stands in a block that could be hidden, and only then makes the browser compute it)
    const summary = verbatimGlue.processStep(body, st.timing.steps === 0 ? FIRST_STEP : STEP, options());
    if (summary.more) nextStep();
    delete summary.more;
    st.summary = summary;
    if (st.shown) verbatimGlue.showRepeats(body, true);
    if (st.focus !== null) focusMarks();
    watchRead(body);
  } finally {
    observer.takeRecords();           // our own changes
    lastPassEnd = performance.now();
    const ms = lastPassEnd - t0;
    lastPassCost = ms;
    st.timing.steps++;
    if (!continued && st.timing.passes++ === 0) st.timing.firstPass = ms;
    st.timing.longestPass = Math.max(st.timing.longestPass, ms);
  }
  report();
}

/// Runs the pass after the page's next style computation (one pass held at a time; the passes asked
/// for meanwhile are part of it: it reads everything new): before that rendering is painted
/// (`wait` "paint": beforePaint), or in a task after it ("frame": afterRendering).
let holding = false;
function hold(continued, wait) {
  holding = true;
  const t0 = performance.now();
  const then = () => {
    holding = false;
    st.timing.waitedFrame += performance.now() - t0;
    if (st.phase === "active") guarded(() => pass(continued, true));
  };
  if (wait === "paint") beforePaint(then);
  else afterRendering().then(then);
}

/// The next step of a pass on a huge page, in a task of its own (one at a time).
let stepPending = false;
function nextStep() {
  if (stepPending) return;
  stepPending = true;
  setTimeout(() => {
    stepPending = false;
    if (st.phase === "active") guarded(() => pass(true));
  }, 0);
}

async function start() {
  st.phase = "loading";
  if (!loadableNow() || !loadNow()) {
    // (the compilation started at document_start had not ended: on a page that arrives at once,
    // DOMContentLoaded→ready includes the rest of it)
    const t0 = performance.now();
    await loadModule();
    st.timing.waitedCompile = performance.now() - t0;
  }
  if (st.phase !== "loading") return; // turned off while loading
  const wait = restyleAhead();
  if (wait !== null) {
    const t0 = performance.now();
    await (wait === "paint" ? new Promise(beforePaint) : afterRendering());
    st.timing.waitedFrame = performance.now() - t0;
    if (st.phase !== "loading") return;
  }
  st.phase = "active";
  colours();
  pass(false, true);
}

// The first step's first visibility check makes the browser compute the style of everything the page
// parsed since its last rendering, inside Verbatim's task: on the 50,000-paragraph page, whose
// parser hands over its last 34,000 elements at once, 70 to 120 ms of a first step of 90 ms
// (Chromium's profiler: `isRendered` → `checkVisibility`; Verbatim's own work 20 ms); on
// wikipedia-2 when no frame ran while it was parsed (24,000 nodes), a first pass of 77 ms. That is
// the page's own work, which its next frame (or its load event's layout) does anyway. So when more
// than RESTYLE nodes wait for their style, a pass waits for the page to compute it:
// - on a page already painted (the reader has seen it as it came: waiting changes nothing of what
//   was seen first), in a task after its next rendering (start, pass/hold; the early pass waits for
//   the next frame); on the 50,000-paragraph page "ready" comes after the page's first full layout;
// - on a page not painted yet, inside its next rendering, after its style and layout and before its
//   paint (beforePaint), so the reader's first sight of it is already collapsed. It costs
//   DOMContentLoaded→ready the wait for that frame and the page's own first layout: on every page
//   (tried: RESTYLE 0) the median went from 8 to 19-23 ms, so only the pages above RESTYLE wait
//   (of the 130 corpus pages, archive-of-our-own, and wikipedia-2 when no frame ran while parsed).
const RESTYLE = 8000;     // nodes added since the last rendering (about one mutation record each)
let unstyled = 0;
let unstyledReset = false;

/// Counts nodes added to the page until its next rendering (an animation frame resets the count).
function countAdded(records) {
  unstyled += records;
  if (unstyledReset) return;
  unstyledReset = true;
  requestAnimationFrame(() => {
    unstyled = 0;
    unstyledReset = false;
  });
}

/// Whether a pass now would make the browser compute the style of much of the page: null (no, or
/// the page is not rendered at all: a hidden tab), "frame" (a painted page's last part: wait for
/// its next rendering, pass in a task after it) or "paint" (a page not painted yet: pass inside its
/// next rendering, after its style and layout and before its first paint).
function restyleAhead() {
  st.timing.unstyled ??= unstyled;
  if (unstyled <= RESTYLE || document.visibilityState !== "visible") return null;
  return performance.getEntriesByType("paint").length > 0 ? "frame" : "paint";
}

/// Calls `then` inside the page's next rendering, once its style and layout are computed and before
/// it is painted (where a ResizeObserver's first report comes: changes made there are laid out again
/// before the paint, so the reader never sees the page without them), or after 250 ms if the page
/// renders nothing meanwhile.
function beforePaint(then) {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    sizes.disconnect();
    clearTimeout(late);
    then();
  };
  const sizes = new ResizeObserver(finish);
  const late = setTimeout(finish, 250);
  sizes.observe(document.documentElement);
}

/// Resolves in a task after the page's style is next computed: after its next rendering, or after
/// its load event, whose task lays the page out when nothing else is pending (or after 250 ms if
/// neither comes).
function afterRendering() {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, 250);
    let done = false;
    const next = () => {
      if (done) return;
      done = true;
      clearTimeout(late);
      removeEventListener("load", next);
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(next);
    if (document.readyState !== "complete") addEventListener("load", next, { once: true });
  });
}

function standDown(error) {
  if (st.phase === "error") return;
  st.phase = "error";
  st.reason = String(error?.message || error?.name || error || "unknown error");
  console.warn(LOG, "stood down on this page:", error);
  observer.disconnect();
  forgetPage();
  try {
    if (document.body) verbatimGlue.restore(document.body);
  } catch (_) {
    // the module itself failed; what it changed stays as it is
  }
  colours();
  markReady();
  report();
}

function guarded(f) {
  try {
    const r = f();
    if (r instanceof Promise) r.catch(standDown);
  } catch (error) {
    standDown(error);
  }
}

function markReady() {
  if (st.ready) return;
  st.ready = true;
  document.documentElement.dataset.verbatim = "ready";
}

function turnOff() {
  const was = st.phase;
  st.phase = "off";
  st.shown = false;
  st.summary = null;
  st.quotesOnly = false;
  st.focus = null;
  focusMarks();
  forgetPage();
  if (was === "active" && document.body) {
    observer.takeRecords();
    verbatimGlue.restore(document.body);
    observer.takeRecords();
  }
  colours();
  report();
}

async function turnOn() {
  if (looksLikeArticle()) {
    await start();
  } else {
    st.phase = "skipped";
    st.reason = "not-article";
  }
  report();
}

/// "One colour" and "quotes only" are attributes on <html> read by extension.css (colours and
/// opacity only, so nothing moves); removed whenever Verbatim is not active, leaving the page as it was.
function colours() {
  const root = document.documentElement;
  const active = st.phase === "active";
  if (active && st.settings?.colours === "one") root.setAttribute("data-verbatim-colours", "one");
  else root.removeAttribute("data-verbatim-colours");
  if (active && st.quotesOnly) root.setAttribute("data-verbatim-quotes-only", st.focus === null ? "all" : "speaker");
  else root.removeAttribute("data-verbatim-quotes-only");
}

/// Quotes only, narrowed to one speaker: the module's marks and mentions of that speaker carry
/// `data-verbatim-focus` (the others stay dim); with no speaker chosen, no element carries it.
function focusMarks() {
  for (const el of document.querySelectorAll("[data-verbatim-focus]")) el.removeAttribute("data-verbatim-focus");
  if (st.focus === null || st.phase !== "active") return;
  const name = CSS.escape(st.focus);
  for (const el of document.querySelectorAll(`mark[data-verbatim-speaker="${name}"], span[data-verbatim-mention="${name}"]`)) {
    el.setAttribute("data-verbatim-focus", "");
  }
}

/// Quotes only on or off, narrowed to `speaker` (a name from the summary) or to none (null).
function quotesOnly(on, speaker = null) {
  if (st.phase !== "active") return;
  if (on && !st.summary?.quotes) return; // nothing would stay at full strength
  st.quotesOnly = !!on;
  st.focus = on && typeof speaker === "string" && speaker ? speaker : null;
  observer.takeRecords();
  focusMarks();
  colours();
  observer.takeRecords();
  if (st.focus !== null) scrollTo(st.summary?.speakers.find((s) => s.name === st.focus)?.firstQuote);
}

function scrollTo(id) {
  if (id === undefined) return;
  const mark = document.querySelector(`mark[data-verbatim-quote="${CSS.escape(String(id))}"]`);
  if (mark) {
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    if (mark.hasAttribute("tabindex")) mark.focus({ preventScroll: true });
  }
}

/// The speakers of the summary with the colours their marks have on the page (the popup's swatches).
function speakerColours() {
  return (st.summary?.speakers ?? []).map((s) => {
    const mark = document.querySelector(`mark[data-verbatim-quote="${CSS.escape(s.firstQuote)}"]`);
    // the palette's own values (verbatim.css, extension.css), whatever "quotes only" dims just now
    const style = mark ? getComputedStyle(mark) : null;
    return { tint: style?.getPropertyValue("--verbatim-tint").trim() ?? "", line: style?.getPropertyValue("--verbatim-line").trim() ?? "" };
  });
}

/// A keyboard command, passed on by the background script.
async function command(name) {
  if (name === "toggle-site") {
    if (!st.site || st.phase === "error") return;
    const on = st.phase === "off";
    if (on) await turnOn();
    else turnOff();
    const { excluded } = await verbatimLoadSettings();
    await verbatimApi.storage.sync.set({ excluded: verbatimExcludedWith(excluded, st.site, on) });
  } else if (name === "show-repeats" && st.phase === "active") {
    st.shown = !st.shown;
    verbatimGlue.showRepeats(document.body, st.shown);
  } else if (name === "quotes-only") {
    quotesOnly(!st.quotesOnly);
  }
}

// ---- following the page ------------------------------------------------------------------------

let records = [];
let flood = false;
let scheduled = false;
let dirty = false;        // text arrived that no pass has read yet
let lastPassEnd = 0;
let lastPassCost = 0;
let lastCheck = 0;

const observer = new MutationObserver((list) => {
  countAdded(list.length);
  if (st.phase === "active") {
    if (!flood && records.length + list.length > FLOOD) {
      flood = true;
      records = [];
    } else if (!flood) {
      records = records.concat(list);
    }
  }
  schedule();
});

function schedule() {
  if (scheduled || st.phase === "off" || st.phase === "error" || st.phase === "loading") return;
  scheduled = true;
  if (st.phase === "skipped") {
    setTimeout(frame, Math.max(0, lastCheck + RECHECK_MS - performance.now()));
    return;
  }
  // A page that keeps changing while each pass is costly (a huge page, a ticker) is not walked every
  // frame: after a pass of T ms the next waits at least 4T (at most a second), so Verbatim takes at
  // most a fifth of the main thread.
  const wait = lastPassEnd + Math.min(1000, 4 * lastPassCost) - performance.now();
  if (wait > 1) setTimeout(() => requestAnimationFrame(frame), wait);
  else requestAnimationFrame(frame);
}

function frame() {
  scheduled = false;
  guarded(() => {
    if (st.phase === "starting") {
      // While the page is parsed: start loading the module as soon as the page looks like an
      // article, and make the first pass as soon as it is safe to (the early pass), before this
      // frame is painted.
      if (!st.settings || !looksLikeArticle()) return undefined;
      if (verbatimSiteExcluded(st.site, st.settings.excluded)) return undefined;
      if (!loadableNow() || !loadNow()) {
        loadModule().then(schedule, () => {}); // a failure is met again, and handled, at DOMContentLoaded
        return undefined;
      }
      if (!atParseBoundary()) return schedule();
      const wait = restyleAhead();
      if (wait === "frame") return schedule();
      const early = () => {
        if (st.phase !== "starting") return;
        st.phase = "active";
        colours();
        pass(false, true);
        markReady();
      };
      if (wait === "paint") beforePaint(() => guarded(early));
      else early();
    } else if (st.phase === "skipped") {
      lastCheck = performance.now();
      if (looksLikeArticle()) return start();
    } else if (st.phase === "active") {
      dirty ||= flood || addsText(records);
      records = [];
      flood = false;
      if (!dirty) return undefined;
      if (document.readyState === "loading" && !atParseBoundary()) return schedule();
      pass();
    }
    return undefined;
  });
}

// Element names for the parse-boundary check.
const CONTAINERS = new Set(["HTML", "BODY", "DIV", "ARTICLE", "SECTION", "MAIN", "ASIDE", "HEADER", "FOOTER",
  "NAV", "FORM", "UL", "OL", "DL", "TABLE", "TBODY", "THEAD", "TFOOT", "TR", "FIGURE", "CENTER", "HGROUP",
  "DETAILS", "FIELDSET", "MENU", "ADDRESS", "DIALOG"]);
const BLOCKS = new Set([...CONTAINERS, "P", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "LI",
  "DD", "DT", "HR", "FIGCAPTION", "CAPTION", "TD", "TH", "LEGEND", "SUMMARY"]);
const INERT = new Set(["SCRIPT", "STYLE", "LINK", "NOSCRIPT", "TEMPLATE", "META"]);

/// While the page is still being parsed, whether every paragraph parsed so far is complete: the
/// parser's insertion point (the document's last node) stands between blocks, not inside a
/// paragraph or a run of text (for example the parser waits for a script after the article, or a
/// network chunk ended between two paragraphs). A paragraph read half-parsed would be judged by its
/// first half; when this says no, the pass waits for a later frame or DOMContentLoaded.
function atParseBoundary() {
  let node = document.documentElement;
  while (node.lastChild) node = node.lastChild;
  if (node.nodeType === Node.TEXT_NODE && /\S/.test(node.data)) return false;
  if (node.nodeType === Node.ELEMENT_NODE && !INERT.has(node.tagName) && !CONTAINERS.has(node.tagName)) return false;
  for (let a = node.parentElement; a; a = a.parentElement) {
    if (!CONTAINERS.has(a.tagName)) return false;
  }
  let prev = node.previousSibling;
  while (prev && (prev.nodeType === Node.COMMENT_NODE || (prev.nodeType === Node.TEXT_NODE && !/\S/.test(prev.data)) ||
    (prev.nodeType === Node.ELEMENT_NODE && INERT.has(prev.tagName)))) {
    prev = prev.previousSibling;
  }
  return !prev || (prev.nodeType === Node.ELEMENT_NODE && BLOCKS.has(prev.tagName));
}

function isOurs(node) {
  return !!node?.closest?.("[data-verbatim-ui], mark[data-verbatim-quote], [data-verbatim-wrap], [data-verbatim-mention]");
}

/// Whether some added node brings text to read (capped: past NODE_CAP nodes, assume so).
function addsText(list) {
  let count = 0;
  for (const record of list) {
    for (const node of record.addedNodes) {
      if (++count > NODE_CAP) return true;
      if (node.nodeType === Node.TEXT_NODE) {
        if (/\S/.test(node.data) && !isOurs(node.parentElement)) return true;
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        if (!IGNORED.has(node.tagName) && !isOurs(node) && /\S/.test(node.textContent)) return true;
      }
    }
  }
  return false;
}

// ---- reading memory (setting `memory`, off by default) ------------------------------------------
// The background keeps fingerprints of paragraphs read (never their text), with site and time. Here:
// (1) before the first pass, the module gets them (useReadMemory) and hides copies of paragraphs
// read on other pages, behind toggles that say where and when; (2) paragraphs of this page that
// stay visible are watched (IntersectionObserver): one at least half in view for a second in all
// while the tab is visible counts as read, and its fingerprint (computed by the module) goes to the
// background. Nothing is recorded in private windows. With the setting off none of this runs.

const FP_BYTES = 26;
const READ_MS = 1000;           // in view this long (in total) to count as read
const FLUSH_MS = 1000;          // read fingerprints are sent at most this often
let memoryRequest = Promise.resolve(null);
const mem = {
  data: undefined,    // the background's index and sources ({ bytes, sources }) or null; undefined until asked
  applied: false,     // given to the module since its last restore
  next: 0,            // the module's paragraph index from which candidates are still to be read
  watched: new Map(), // element -> { fps: Uint8Array[], total, since }
  inView: new Set(),  // watched elements at least half in view
  queue: [],          // fingerprints read, not yet sent
  io: null,
  ticking: false,
  flushing: false,
};

const incognito = () => !!verbatimApi.extension?.inIncognitoContext;

/// The reading memory from the background: `{ bytes, sources }` (the index the module uses as it
/// is, and its sources in order), or null. The index arrives in parts, each decoded in the task
/// that receives it, so no task here grows with the size of the store.
async function requestMemory() {
  const ask = (message) => verbatimApi.runtime.sendMessage({ type: "verbatim:memory-load", ...message });
  try {
    const first = await ask({});
    if (!first?.sources || !Number.isInteger(first.length)) return null;
    const bytes = new Uint8Array(first.length);
    // every part but the last holds the same number of characters (a multiple of 4)
    const step = (first.index.length / 4) * 3;
    const put = (part, text) => decodeInto(bytes, part * step, text);
    if (!put(0, first.index)) return null;
    const rest = await Promise.all(Array.from({ length: first.parts - 1 }, (_, i) =>
      ask({ part: i + 1, version: first.version }).then((r) => !!r?.index && put(i + 1, r.index))));
    return rest.every(Boolean) ? { bytes, sources: first.sources } : null;
  } catch (_) {
    return null;
  }
}

/// Decodes base64 `text` into `bytes` from `at`: false if it is not whole base64 that fits.
function decodeInto(bytes, at, text) {
  try {
    const target = bytes.subarray(at);
    if (target.setFromBase64) return target.setFromBase64(text).read === text.length; // native
    const raw = atob(text);
    if (raw.length > target.length) return false;
    for (let i = 0; i < raw.length; i++) target[i] = raw.charCodeAt(i);
    return true;
  } catch (_) {
    return false;
  }
}

/// A short stable id of a URL (53-bit cyrb53 hash, base 36): pages are named by it, not by URL.
function pageId(url) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/// This page's ids: its URL without the fragment, and its canonical URL when it names one.
function pageIds() {
  const ids = [pageId(location.href.split("#")[0])];
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.href;
  if (canonical && /^https?:/.test(canonical)) {
    const id = pageId(canonical.split("#")[0]);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

const siteLabel = () => location.host.replace(/^www\./, "");

/// "today on example.com", "yesterday on …", "on 12 Nov on …", in the browser's language. Once per
/// site and day: a memory of a hundred thousand paragraphs comes from thousands of visits.
const places = new Map();
function placeOf(site, time) {
  const d = new Date(time);
  const day = (x) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((day(new Date()) - day(d)) / 86400000);
  const key = `${days} ${site}`;
  let place = places.get(key);
  if (place !== undefined) return place;
  if (days <= 0) {
    place = verbatimApi.i18n.getMessage("readWhereToday", [site]);
  } else if (days === 1) {
    place = verbatimApi.i18n.getMessage("readWhereYesterday", [site]);
  } else {
    const date = d.toLocaleDateString(verbatimApi.i18n.getUILanguage(), { day: "numeric", month: "short" });
    place = verbatimApi.i18n.getMessage("readWhereDate", [date, site]);
  }
  places.set(key, place);
  return place;
}

/// Gives the module the remembered fingerprints before a pass (once after each restore); `root` is
/// any element of the document.
function applyMemory(root) {
  if (mem.applied || !mem.data || !st.settings?.memory) return;
  mem.applied = true;
  const sources = mem.data.sources;
  const ids = pageIds();
  const here = [];
  sources.forEach((s, i) => { if (s.pages.some((p) => ids.includes(p))) here.push(i); });
  const labels = {
    one: verbatimApi.i18n.getMessage("readToggleOne", ["{where}"]),
    many: verbatimApi.i18n.getMessage("readToggleMany", ["{n}", "{where}"]),
    show: verbatimApi.i18n.getMessage("toggleShow"),
    hide: verbatimApi.i18n.getMessage("toggleHide"),
  };
  // the index the background built, used by the module as it is: no per-page build
  const memory = new verbatimGlue.ReadMemory(
    new Uint32Array(mem.data.bytes.buffer, 0, mem.data.bytes.length >> 2),
    sources.map((s) => `${s.site} ${new Date(s.t).toISOString()}`).join("\n"),
    sources.map((s) => placeOf(s.site, s.t)).join("\n"),
    Uint32Array.from(here),
    labels,
  );
  verbatimGlue.useReadMemory(root, memory);
  memory.free();
}

/// After a restore: the module forgot the memory and its paragraphs; stop watching.
function forgetPage() {
  mem.applied = false;
  mem.next = 0;
  mem.io?.disconnect();
  mem.watched.clear();
  mem.inView.clear();
}

/// Watches the paragraphs that the last pass left visible and that are worth remembering.
function watchRead(body) {
  if (!st.settings?.memory || incognito() || st.phase !== "active") return;
  const found = verbatimGlue.readCandidates(body, mem.next);
  mem.next = found.next;
  if (!found.elements.length) return;
  mem.io ??= new IntersectionObserver(onIntersect, { threshold: [0, 0.25, 0.5, 0.75, 1] });
  found.elements.forEach((element, i) => {
    const fp = found.fingerprints.slice(i * FP_BYTES, (i + 1) * FP_BYTES);
    const w = mem.watched.get(element);
    if (w) {
      w.fps.push(fp);
    } else {
      mem.watched.set(element, { fps: [fp], total: 0, since: 0 });
      mem.io.observe(element);
    }
  });
}

function onIntersect(entries) {
  const now = performance.now();
  const visible = document.visibilityState === "visible";
  for (const e of entries) {
    const w = mem.watched.get(e.target);
    if (!w) continue;
    // half of it in view, or (a paragraph taller than two screens) half the screen filled by it
    const screen = e.rootBounds?.height || innerHeight;
    const enough = e.isIntersecting && (e.intersectionRatio >= 0.5 || e.intersectionRect.height >= screen / 2);
    if (enough) {
      mem.inView.add(e.target);
      if (!w.since && visible) w.since = now;
    } else {
      mem.inView.delete(e.target);
      if (w.since) w.total += now - w.since;
      w.since = 0;
    }
  }
  tick();
}

document.addEventListener("visibilitychange", () => {
  const now = performance.now();
  for (const element of mem.inView) {
    const w = mem.watched.get(element);
    if (!w) continue;
    if (document.visibilityState === "visible") {
      w.since ||= now;
    } else if (w.since) {
      w.total += now - w.since;
      w.since = 0;
    }
  }
  tick();
});

/// Four times a second while something is in view: moves what has been read long enough to the queue.
function tick() {
  if (mem.ticking || !mem.inView.size) return;
  mem.ticking = true;
  setTimeout(() => {
    mem.ticking = false;
    const now = performance.now();
    for (const element of [...mem.inView]) {
      const w = mem.watched.get(element);
      if (!w) continue;
      if (w.total + (w.since ? now - w.since : 0) >= READ_MS) {
        mem.queue.push(...w.fps);
        mem.watched.delete(element);
        mem.inView.delete(element);
        mem.io?.unobserve(element);
      }
    }
    if (mem.queue.length) flush();
    tick();
  }, 250);
}

/// Sends the fingerprints read to the background (fingerprints, the site and the page's ids only),
/// at most once a second; at once when the page is left.
function flush(now = false) {
  if (now) {
    send();
    return;
  }
  if (mem.flushing) return;
  mem.flushing = true;
  setTimeout(() => {
    mem.flushing = false;
    send();
  }, FLUSH_MS);
}

function send() {
  if (!mem.queue.length || !st.settings?.memory || incognito()) return;
  const all = new Uint8Array(mem.queue.length * FP_BYTES);
  mem.queue.forEach((fp, i) => all.set(fp, i * FP_BYTES));
  mem.queue = [];
  let text = "";
  for (const b of all) text += String.fromCharCode(b);
  try {
    verbatimApi.runtime.sendMessage({ type: "verbatim:memory-add", pages: pageIds(), site: siteLabel(), f: btoa(text) }).catch(() => {});
  } catch (_) {
    // the extension was reloaded under this page
  }
}

addEventListener("pagehide", () => flush(true));

// ---- the popup and the badge --------------------------------------------------------------------

function status() {
  return {
    phase: st.phase,
    reason: st.reason,
    site: st.site,
    summary: st.summary,
    colours: st.phase === "active" ? speakerColours() : [],
    shown: st.shown,
    quotesOnly: st.quotesOnly,
    focus: st.focus,
    engine: st.engine,
    memory: !!st.settings?.memory && !incognito(),
    timing: st.timing,
  };
}

/// Tells the badge the count of repeats, in a task of its own: a page's first message to the
/// background sets up its messaging (measured in the first pass: median 0.2 ms, p90 2.6 ms, at most
/// 36 ms on the 130 corpus pages), which the pass and "ready" need not wait for.
let reporting = false;
function report() {
  if (reporting) return;
  reporting = true;
  setTimeout(() => {
    reporting = false;
    const count = st.phase === "active" ? st.summary?.repeats ?? 0 : 0;
    if (count === st.badge) return;
    st.badge = count;
    try {
      verbatimApi.runtime.sendMessage({ type: "verbatim:badge", count }).catch(() => {});
    } catch (_) {
      // the extension was reloaded or removed under this page: nothing to tell
    }
  }, 0);
}

verbatimApi.runtime.onMessage.addListener((message, _sender, reply) => {
  if (typeof message?.type !== "string" || !message.type.startsWith("verbatim:")) return false;
  guarded(() => {
    switch (message.type) {
      case "verbatim:enable":
        if (message.enabled && st.phase === "off") {
          return turnOn().then(() => reply(status()), (error) => {
            standDown(error);
            reply(status());
          });
        }
        if (!message.enabled && st.phase !== "off" && st.phase !== "error") turnOff();
        break;
      case "verbatim:show":
        if (st.phase === "active") {
          st.shown = !!message.shown;
          verbatimGlue.showRepeats(document.body, st.shown);
        }
        break;
      case "verbatim:scroll":
        scrollTo(message.id);
        break;
      case "verbatim:quotes":
        quotesOnly(message.on, message.speaker ?? null);
        break;
      case "verbatim:command":
        return command(message.command).then(() => reply(status()), (error) => {
          standDown(error);
          reply(status());
        });
      default:
        break;
    }
    reply(status());
    return undefined;
  });
  if (st.phase === "error") reply(status()); // a synchronous failure above: say so
  return true; // the reply may come after an await
});

verbatimApi.storage.onChanged.addListener((_changes, area) => {
  if (area !== "sync") return;
  guarded(async () => settingsChanged(await verbatimLoadSettings()));
});

/// The settings are now `settings`: a change in storage, or the stored settings arriving after the
/// preset's (which they normally equal: then nothing changes).
async function settingsChanged(settings) {
  const before = st.settings;
  const memoryChanged = !!before && settings.memory !== before.memory;
  if (memoryChanged) mem.data = settings.memory ? await requestMemory() : null;
  st.settings = settings;
  if (!before) return;
  const off = verbatimSiteExcluded(st.site, st.settings.excluded);
  if (off && st.phase !== "off" && st.phase !== "error") {
    turnOff();
  } else if (!off && st.phase === "off" && st.ready) {
    await turnOn();
  } else if (st.phase === "active" && (memoryChanged || JSON.stringify(verbatimProcessOptions(before)) !== JSON.stringify(verbatimProcessOptions(settings)))) {
    // the module keeps the options of its first pass until restore: undo, then redo with the new ones
    forgetPage();
    observer.takeRecords();
    for (const el of document.querySelectorAll("[data-verbatim-focus]")) el.removeAttribute("data-verbatim-focus");
    verbatimGlue.restore(document.body);
    pass();
  }
  colours();
}

// ---- the first decision -------------------------------------------------------------------------

function contentLoaded() {
  if (document.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
}

// The preset (extension/settings.js): preset.js, where the background registered it, runs before or
// after this script and says that the settings are the defaults and the site is not excluded.
let presetSeen = () => {};
const preset = new Promise((resolve) => { presetSeen = resolve; });
globalThis.verbatimOnPreset = () => presetSeen();
if (globalThis.verbatimPreset) presetSeen();

async function firstDecision() {
  // (asked for by extension/early.js, before this script was parsed)
  const stored = verbatimLoadSettings(globalThis.verbatimStored);
  const presetSettings = { ...VERBATIM_DEFAULTS, excluded: [] };
  const settings = await Promise.race([stored, preset.then(() => presetSettings)]);
  st.timing.settingsAt = performance.now();
  if (settings === presetSettings) {
    st.timing.preset = true;
    // the stored settings still come: equal to the preset's (nothing to do), or a change the
    // background had not followed yet when this page started, handled as any change
    stored.then((real) => guarded(() => settingsChanged(real)));
  }
  // the reading memory, asked for at document_start, is in hand before the first pass
  mem.data = settings.memory ? await memoryRequest : null;
  st.settings = settings;
  if (!verbatimSiteExcluded(st.site, settings.excluded)) compileEarly();
  // Index the memory as soon as the module is compiled, in a task of its own, so that the first
  // pass does not pay for it (a page whose CSP forbids WebAssembly gets it in its first pass
  // instead, once the fallback loads).
  if (mem.data?.sources.length && compiling) {
    compiling.then(() => guarded(() => {
      if (st.phase !== "off" && st.phase !== "error" && loadNow()) applyMemory(document.documentElement);
    }));
  }
  schedule(); // the early pass may now run
  if (verbatimSiteExcluded(st.site, st.settings.excluded)) {
    st.phase = "off";
  } else {
    await contentLoaded();
    if (st.phase === "active") {
      // the early pass ran while the page was parsed: read what came after it, in this same task
      // (or after the page's rendering: pass() holds)
      pass();
    } else if (st.phase === "starting" && looksLikeArticle()) {
      await start();
    } else if (st.phase === "starting") {
      st.phase = "skipped";
      st.reason = "not-article";
      lastCheck = performance.now();
    }
  }
  markReady();
  report();
}

if (/^https?:$/.test(location.protocol) && document instanceof HTMLDocument) {
  observer.observe(document, { childList: true, subtree: true });
  // (the preset says the memory is off; without it the memory is asked for now, before the
  // settings are known, so that it is in hand by the first pass when it is on)
  if (!globalThis.verbatimPreset) memoryRequest = requestMemory();
  compileEarly();
  firstDecision().catch(standDown);
} else {
  st.phase = "skipped";
  st.reason = "not-article";
  markReady();
}
