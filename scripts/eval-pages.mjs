// Evaluation of the DOM layer on real pages: `npm run eval:pages` (not part of `npm test`).
//
// Over the 130 pages of ../shared/corpus/pages/readability (skipped cleanly when absent), each served
// from 127.0.0.1 with its scripts stripped and every other host blocked, in Debian's Chromium:
// load pkg/verbatim.js into the page, take body.innerHTML, process(document.body) (timed), then
// restore(document.body) and compare body.innerHTML byte for byte. Reports exceptions, restore
// mismatches (with the first differing position), process time per page (median, p95, max) and the
// counts of repeats and quotations.
//
// Options:
//   --only=a,b          only these page folders
//   --verbose           one line per page
//   --shots=a,b         screenshots before/after (and after with the runs shown) of these pages in
//                       /tmp/verbatim-shots/ (light and dark colour scheme)
//   --paragraphs=a      print the paragraphs the walker finds on page a (with what hides each)
//   --json=FILE         write the per-page results as JSON
//   --speakers=FILE     write the speaker names the popup would list (the summary's speakers), one
//                       `page<TAB>name<TAB>count` line each, in order of first quotation
//   --texts=FILE        write the walker's paragraph texts of every page (`## page` lines, then
//                       one paragraph a line, newlines as spaces), for examples/page_speakers.rs
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, parseFlags } from "./chromium.mjs";
import { corpus, corpusRoutes } from "./corpus.mjs";
import { serveStatic } from "./static-server.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");

const flags = parseFlags();
const list = (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : []);

if (!existsSync(corpus)) {
  console.log(`eval:pages: skipped (${corpus} is absent)`);
  process.exit(0);
}
if (!existsSync(join(top, "pkg", "verbatim.js"))) {
  console.error("eval:pages: pkg/ is missing; run `npm run build` first");
  process.exit(1);
}

const slugs = readdirSync(corpus).filter((d) => existsSync(join(corpus, d, "source.html"))).sort();
const only = list(flags.only);
const shots = list(flags.shots);
const chosen = only.length ? slugs.filter((s) => only.includes(s)) : slugs;

const { server, port } = await serveStatic(top, { routes: corpusRoutes(slugs) });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

/// Runs in the page: process, restore, compare.
async function inPage({ url, walkUrl, wantParagraphs, wantTexts }) {
  const m = await import(url);
  await m.default();
  const body = document.body;
  const out = { error: null, restoreDiff: null };
  let paragraphs = null;
  if (wantParagraphs) {
    const { verbatim_walk } = await import(walkUrl);
    const found = verbatim_walk(body, new WeakSet());
    paragraphs = found.texts.map((t, i) => {
      const target = found.targets[i];
      const how = target === null ? "—" : Array.isArray(target) ? `nodes(${target.length})` :
        target.tagName.toLowerCase() + (target.className && typeof target.className === "string" ? "." + target.className.trim().split(/\s+/).join(".") : "");
      return { how, text: t };
    });
  }
  // which paragraphs a reader can see: a visible copy hidden for an original nobody can see is
  // content lost to the reader
  {
    const { verbatim_walk } = await import(walkUrl);
    const found = verbatim_walk(body, new WeakSet());
    const rendered = found.segs.map((seg) => {
      for (let i = 0; i < seg.length; i += 3) {
        const el = seg[i].parentElement;
        if (el && el.checkVisibility({ visibilityProperty: true })) return true;
      }
      return false;
    });
    const report = m.analyze(found.texts);
    out.lostToReader = report.repeats
      .filter((r) => rendered[r.index] && !rendered[r.of])
      .map((r) => found.texts[r.index].trim().slice(0, 80));
    out.unrendered = rendered.filter((v) => !v).length;
    if (wantTexts) out.texts = found.texts;
  }
  const before = body.innerHTML;
  try {
    const t0 = performance.now();
    const summary = m.process(body);
    const t1 = performance.now();
    out.process = t1 - t0;
    out.summary = summary;
    out.hidden = body.querySelectorAll("[data-verbatim-repeat]").length;
    out.marks = body.querySelectorAll("mark[data-verbatim-quote]").length;
    const LANDMARKS = "nav,[role=navigation],menu,[role=menu],[role=menubar],header,footer,aside,form,[role=banner],[role=contentinfo],[role=complementary],[role=dialog]";
    out.hiddenText = [...body.querySelectorAll("[data-verbatim-repeat]")].map((e) => {
      const landmark = e.closest(LANDMARKS);
      const where = landmark ? `<${landmark.tagName.toLowerCase()}${landmark.getAttribute("role") ? " role=" + landmark.getAttribute("role") : ""}> ` : "";
      return `${e.tagName.toLowerCase()} ${where}${e.textContent.trim().replace(/\s+/g, " ").slice(0, 100)}`;
    });
    out.quoteText = [];
    const seen = new Set();
    for (const mk of body.querySelectorAll("mark[data-verbatim-quote]")) {
      const id = mk.dataset.verbatimQuote;
      if (seen.has(id)) continue;
      seen.add(id);
      const all = [...body.querySelectorAll(`mark[data-verbatim-quote="${id}"]`)].map((x) => x.textContent).join("⋯");
      out.quoteText.push(`[${mk.dataset.verbatimKind}] ${mk.dataset.verbatimSpeaker || "?"}: ${all.slice(0, 120)}`);
    }
    const t2 = performance.now();
    m.restore(body);
    out.restore = performance.now() - t2;
    // a second, warm pass, split into its parts: the walk alone (JavaScript), the text core alone
    // (analyze on the walk's texts), and the whole of process again
    const { verbatim_walk } = await import(walkUrl);
    const t3 = performance.now();
    const found = verbatim_walk(body, new WeakSet());
    out.walk = performance.now() - t3;
    out.paragraphCount = found.texts.length;
    out.chars = found.texts.reduce((n, t) => n + t.length, 0);
    const t4 = performance.now();
    m.analyze(found.texts);
    out.analyze = performance.now() - t4;
    const t5 = performance.now();
    m.process(body);
    out.warm = performance.now() - t5;
    m.restore(body);
  } catch (e) {
    out.error = `${e && e.name}: ${e && e.message}\n${e && e.stack}`;
    try { m.restore(body); } catch { /* reported above */ }
  }
  const after = body.innerHTML;
  if (after !== before) {
    let i = 0;
    while (i < before.length && before[i] === after[i]) i++;
    out.restoreDiff = {
      at: i,
      before: before.slice(Math.max(0, i - 80), i + 120),
      after: after.slice(Math.max(0, i - 80), i + 120),
      lengths: [before.length, after.length],
    };
  }
  out.paragraphs = paragraphs;
  return out;
}

const walkSnippet = (() => {
  const dir = join(top, "pkg", "snippets");
  for (const d of readdirSync(dir)) {
    if (existsSync(join(dir, d, "src", "dom", "walk.js"))) return `/pkg/snippets/${d}/src/dom/walk.js`;
  }
  return null;
})();

const results = [];
const pageErrors = [];
for (const slug of chosen) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === "127.0.0.1" || u.protocol === "data:") return route.continue();
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  // the page's own errors (inline handlers calling stripped scripts) are counted apart from ours
  let ours = false;
  page.on("pageerror", (e) => (ours ? errors : pageErrors).push(e.message));
  const r = { slug };
  try {
    await page.goto(`${base}/__pages/${slug}/`, { waitUntil: "load", timeout: 20000 });
    ours = true;
    Object.assign(r, await page.evaluate(inPage, {
      url: `${base}/pkg/verbatim.js`,
      walkUrl: `${base}${walkSnippet}`,
      wantParagraphs: flags.paragraphs === slug,
      wantTexts: Boolean(flags.texts),
    }));
  } catch (e) {
    r.error = `playwright: ${e.message}`;
  }
  ours = false;
  if (errors.length) r.error = (r.error ? r.error + "\n" : "") + errors.join("\n");
  results.push(r);
  if (flags.verbose || r.error || r.restoreDiff) {
    const s = r.summary ?? {};
    console.log(`${slug.padEnd(40)} ${(r.process ?? NaN).toFixed(2).padStart(7)} ms (warm ${(r.warm ?? NaN).toFixed(2)}: walk ${(r.walk ?? NaN).toFixed(2)}, core ${(r.analyze ?? NaN).toFixed(2)}; ${r.paragraphCount} paragraphs, ${r.chars} chars)  repeats ${s.repeats ?? "-"} runs ${s.runs ?? "-"} quotes ${s.quotes ?? "-"}` +
      `${r.error ? "  ERROR " + r.error : ""}${r.restoreDiff ? "  RESTORE DIFFERS at " + r.restoreDiff.at : ""}`);
    if (r.restoreDiff) {
      console.log(`   lengths before/after: ${r.restoreDiff.lengths.join(" / ")}`);
      console.log(`   before: ${JSON.stringify(r.restoreDiff.before)}`);
      console.log(`   after:  ${JSON.stringify(r.restoreDiff.after)}`);
    }
    if (r.lostToReader?.length) for (const t of r.lostToReader) console.log(`   LOST (visible copy of an unrendered original): ${t}`);
    if (flags.verbose && r.hiddenText?.length) for (const t of r.hiddenText) console.log(`   hidden: ${t}`);
    if (flags.verbose && r.quoteText?.length) for (const t of r.quoteText) console.log(`   quote:  ${t}`);
  }
  if (r.paragraphs) {
    console.log(`\nparagraphs the walker finds on ${slug} (${r.paragraphs.length}):`);
    r.paragraphs.forEach((p, i) => console.log(`${String(i).padStart(4)} ${p.how.slice(0, 28).padEnd(28)} ${JSON.stringify(p.text.slice(0, 110))}`));
  }
  if (shots.includes(slug)) await screenshots(context, page, slug);
  await context.close();
}

/// Before, after, and after with the runs shown, in light and dark colour schemes.
async function screenshots(context, page, slug) {
  const dir = "/tmp/verbatim-shots";
  mkdirSync(dir, { recursive: true });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload({ waitUntil: "load" });
    // most pages stay light under a dark scheme; the dark shots make the page itself dark
    if (scheme === "dark") {
      await page.addStyleTag({ content: "html, body { background: #121212 !important; color: #dddddd !important; } a { color: #8ab4f8 !important; }" });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    const anchor = flags.anchor;
    await page.screenshot({ path: `${dir}/${slug}-${scheme}-before.png`, fullPage: false });
    await page.evaluate(async (url) => {
      const m = await import(url);
      await m.default();
      window.__verbatim = m;
      m.process(document.body);
    }, `${base}/pkg/verbatim.js`);
    // scroll to the first mark or toggle, so the shot shows what changed
    const y = await page.evaluate(() => {
      const first = document.querySelector("button.verbatim-toggle, mark[data-verbatim-quote]");
      if (!first) return 0;
      const y = first.getBoundingClientRect().top + window.scrollY - 300;
      window.scrollTo(0, Math.max(0, y));
      return Math.max(0, y);
    });
    void anchor;
    await page.screenshot({ path: `${dir}/${slug}-${scheme}-after.png`, fullPage: false });
    await page.screenshot({ path: `${dir}/${slug}-${scheme}-after-full.png`, fullPage: true });
    const hasToggle = await page.evaluate(() => {
      const b = document.querySelector("button.verbatim-toggle");
      if (!b) return false;
      b.scrollIntoView({ block: "start" });
      window.scrollBy(0, -200);
      return true;
    });
    if (hasToggle) await page.screenshot({ path: `${dir}/${slug}-${scheme}-toggle.png`, fullPage: false });
    await page.evaluate(() => window.__verbatim.showRepeats(document.body, true));
    if (hasToggle) await page.screenshot({ path: `${dir}/${slug}-${scheme}-shown.png`, fullPage: false });
    const mark = await page.$("mark[data-verbatim-quote][tabindex]");
    if (mark) {
      await mark.focus();
      await page.evaluate(() => {
        const m = document.activeElement;
        m.scrollIntoView({ block: "center" });
      });
      await page.screenshot({ path: `${dir}/${slug}-${scheme}-focus.png`, fullPage: false });
    }
    console.log(`shots: ${dir}/${slug}-${scheme}-*.png (scrolled to ${Math.round(y)})`);
  }
}

await browser.close();
server.close();

const ok = results.filter((r) => !r.error);
const times = ok.map((r) => r.process).filter((t) => typeof t === "number").sort((a, b) => a - b);
const warm = ok.map((r) => r.warm).filter((t) => typeof t === "number").sort((a, b) => a - b);
const pct = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN);
const sum = (k) => ok.reduce((n, r) => n + (r.summary?.[k] ?? 0), 0);
const errors = results.filter((r) => r.error);
const diffs = results.filter((r) => r.restoreDiff);
const slowest = [...ok].sort((a, b) => b.process - a.process).slice(0, 5);

console.log(`\npages: ${results.length}, exceptions: ${errors.length}, restore mismatches: ${diffs.length}`);
console.log(`process (first call): median ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms, max ${times.at(-1)?.toFixed(2)} ms`);
console.log(`process (second call): median ${pct(warm, 50).toFixed(2)} ms, p95 ${pct(warm, 95).toFixed(2)} ms, max ${warm.at(-1)?.toFixed(2)} ms`);
const med = (k) => pct(ok.map((r) => r[k]).filter((t) => typeof t === "number").sort((a, b) => a - b), 50);
console.log(`second call in parts, medians: walk ${med("walk").toFixed(2)} ms, text core (analyze) ${med("analyze").toFixed(2)} ms; paragraphs per page ${med("paragraphCount")}`);
console.log(`page's own errors (inline handlers of stripped scripts, not ours): ${pageErrors.length}`);
console.log(`slowest: ${slowest.map((r) => `${r.slug} ${r.process.toFixed(1)} ms`).join(", ")}`);
console.log(`repeats hidden: ${sum("repeats")} in ${sum("runs")} runs on ${ok.filter((r) => r.summary?.repeats).length} pages; quotations: ${sum("quotes")} on ${ok.filter((r) => r.summary?.quotes).length} pages`);
const lost = ok.filter((r) => r.lostToReader?.length);
console.log(`visible paragraphs hidden for an unrendered original: ${lost.reduce((n, r) => n + r.lostToReader.length, 0)} on ${lost.length} pages (${lost.map((r) => r.slug).join(", ")})`);
console.log(`unrendered paragraphs read by the walker: ${ok.reduce((n, r) => n + (r.unrendered ?? 0), 0)}`);
if (flags.json) writeFileSync(flags.json, JSON.stringify(results, null, 1));
if (flags.speakers) {
  const lines = results.flatMap((r) => (r.summary?.speakers ?? []).map((s) => `${r.slug}\t${s.name}\t${s.count}`));
  writeFileSync(flags.speakers, lines.join("\n") + "\n");
  console.log(`speaker names listed: ${lines.length} on ${results.filter((r) => r.summary?.speakers?.length).length} pages (${flags.speakers})`);
}
if (flags.texts) {
  const flat = (t) => t.replace(/[\r\n\u2028\u2029]+/g, " ");
  writeFileSync(flags.texts, results.map((r) => [`## ${r.slug}`, ...(r.texts ?? []).map(flat)].join("\n")).join("\n") + "\n");
}
process.exit(errors.length || diffs.length ? 1 : 0);
