// The demo page: loads the module, processes the article frame, lists speakers and timings.
// It only calls the public interface; every decision is the module's.
import init, { process, restore } from "../pkg/verbatim.js";

const $ = (id) => document.getElementById(id);
const frame = $("page");
let filter = null;

function ms(t) { return `${t.toFixed(1)} ms`; }

function showTimings(rows) {
  const dl = $("timings");
  dl.replaceChildren();
  for (const [name, t] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = ms(t);
    dl.append(dt, dd);
  }
}

function options() {
  return { collapse: $("collapse").checked, highlight: $("highlight").checked };
}

function frameBody() {
  return frame.contentDocument?.body ?? null;
}

function run() {
  const body = frameBody();
  if (!body) return;
  restore(body);
  setFilter(null);
  const t0 = performance.now();
  const summary = process(body, options());
  const t1 = performance.now();
  $("status").textContent =
    `${summary.repeats} repeated paragraphs hidden in ${summary.runs} ` +
    `${summary.runs === 1 ? "run" : "runs"}, ${summary.quotes} quotations, ${summary.speakers.length} speakers`;
  showSpeakers(summary.speakers);
  showTimings([["load module", loadTime], ["process", t1 - t0]]);
}

function undo() {
  const body = frameBody();
  if (!body) return;
  const t0 = performance.now();
  restore(body);
  const t1 = performance.now();
  setFilter(null);
  $("speakers").replaceChildren();
  $("status").textContent = "Restored: the page is exactly as it was.";
  showTimings([["load module", loadTime], ["restore", t1 - t0]]);
}

function showSpeakers(speakers) {
  const list = $("speakers");
  list.replaceChildren();
  for (const s of speakers) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    const name = document.createElement("span");
    name.textContent = s.name;
    const count = document.createElement("span");
    count.textContent = String(s.count);
    button.append(name, count);
    button.addEventListener("click", () => {
      setFilter(filter === s.name ? null : s.name);
      if (filter) {
        const mark = frame.contentDocument.querySelector(`mark[data-verbatim-quote="${CSS.escape(s.firstQuote)}"]`);
        mark?.scrollIntoView({ block: "center", behavior: "smooth" });
        mark?.focus({ preventScroll: true });
      }
    });
    li.append(button);
    list.append(li);
  }
}

/// Dims the quotations of every other speaker (the demo's own style, set in the frame).
function setFilter(name) {
  filter = name;
  for (const b of $("speakers").querySelectorAll("button")) {
    b.setAttribute("aria-pressed", String(b.firstChild.textContent === name));
  }
  const doc = frame.contentDocument;
  if (!doc) return;
  for (const mark of doc.querySelectorAll("mark[data-verbatim-quote]")) {
    const other = name !== null && mark.dataset.verbatimSpeaker !== name;
    if (other) mark.style.setProperty("opacity", "0.35");
    else mark.style.removeProperty("opacity");
    if (mark.getAttribute("style") === "") mark.removeAttribute("style");
  }
}

/// Shows pasted HTML or text in the sandboxed frame (no scripts run there).
function usePaste() {
  const text = $("paste").value;
  const looksLikeHtml = /<\/?[a-z][\s\S]*>/i.test(text);
  if (looksLikeHtml) {
    frame.srcdoc = text;
  } else {
    const doc = document.implementation.createHTMLDocument("Pasted text");
    for (const para of text.split(/\n\s*\n/)) {
      if (!para.trim()) continue;
      const p = doc.createElement("p");
      p.textContent = para.trim();
      doc.body.append(p);
    }
    frame.srcdoc = "<!doctype html>" + doc.documentElement.outerHTML;
  }
}

const t0 = performance.now();
await init();
const loadTime = performance.now() - t0;

$("process").addEventListener("click", run);
$("restore").addEventListener("click", undo);
$("collapse").addEventListener("change", run);
$("highlight").addEventListener("change", run);
$("use-paste").addEventListener("click", usePaste);
$("use-sample").addEventListener("click", () => { frame.removeAttribute("srcdoc"); frame.src = "sample/article.html"; });
frame.addEventListener("load", run);
if (frame.contentDocument?.readyState === "complete" && frameBody()) run();
