// Evaluation of the extension on real pages: `npm run eval:extension` (not part of `npm test`;
// needs `npm run build`).
//
// Over the 130 pages of ../shared/corpus/pages/readability (skipped cleanly when absent), each served
// from 127.0.0.1 with its scripts stripped and every other host blocked, in Debian's Chromium with
// dist/chrome loaded: does Verbatim reach `data-verbatim="ready"` on every page, does it cause a page
// error or stand down, how long from DOMContentLoaded to ready (median, p95; negative: the early
// pass said ready while the page was still being parsed; and without the part of it spent waiting
// for the settings, which arrive after DOMContentLoaded on pages that come at once), how long the
// task of the first pass ran
// (the long task, if any, that holds the moment of ready), and what it decided (its status, as the
// popup reads it).
//
// Options: --only=a,b (page folders), --verbose (one line per page), --json=FILE (per-page results).
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchWithExtension, watchReady, parseFlags } from "./chromium.mjs";
import { corpus, corpusRoutes } from "./corpus.mjs";
import { serveStatic } from "./static-server.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const extension = join(top, "dist", "chrome");
const TIMEOUT = 15000;

const flags = parseFlags();

if (!existsSync(corpus)) {
  console.log(`eval:extension: skipped (${corpus} is absent)`);
  process.exit(0);
}
if (!existsSync(join(extension, "manifest.json"))) {
  console.error("eval:extension: dist/chrome is missing; run `npm run build` first");
  process.exit(1);
}

const slugs = readdirSync(corpus).filter((d) => existsSync(join(corpus, d, "source.html"))).sort();
const only = typeof flags.only === "string" ? flags.only.split(",") : [];
const chosen = only.length ? slugs.filter((s) => only.includes(s)) : slugs;

const { server, port } = await serveStatic(join(top, "tests", "e2e", "fixtures"), { routes: corpusRoutes(chosen) });
const base = `http://127.0.0.1:${port}`;
const { context, profile } = await launchWithExtension(extension, base, "verbatim-eval-");
const worker = await watchReady(context);

const page = await context.newPage();
let pageErrors = [];
let warnings = [];
page.on("pageerror", (e) => pageErrors.push(e.message));
page.on("console", (m) => { if (/Verbatim/.test(m.text()) && m.type() !== "log") warnings.push(m.text()); });
await page.bringToFront();
const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);

const results = [];
for (const slug of chosen) {
  pageErrors = [];
  warnings = [];
  const r = { slug, ready: false };
  try {
    await page.goto(`${base}/__pages/${slug}/`, { waitUntil: "domcontentloaded", timeout: TIMEOUT });
    await page.waitForFunction(() => document.documentElement?.dataset.verbatim === "ready", null, { timeout: TIMEOUT });
    r.ready = true;
    await page.waitForTimeout(30); // let the long-task observer deliver
    const v = await page.evaluate(() => window.__verbatimEval);
    r.dclToReady = v.ready - v.dcl;
    r.dcl = v.dcl;
    const task = v.longtasks.find(([start, duration]) => start <= v.ready && v.ready <= start + duration + 1);
    r.readyTask = task ? task[1] : 0; // 0: the task was under 50 ms
    const status = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: "verbatim:status" }, { frameId: 0 }), tabId);
    r.phase = status.phase;
    r.reason = status.reason;
    r.repeats = status.summary?.repeats ?? 0;
    r.quotes = status.summary?.quotes ?? 0;
    r.timing = status.timing;
  } catch (error) {
    r.error = String(error.message ?? error).split("\n")[0];
  }
  r.pageErrors = pageErrors;
  r.warnings = warnings;
  results.push(r);
  if (flags.verbose) {
    console.log([slug.padEnd(28), r.ready ? "ready" : "NOT READY", r.phase ?? "", r.dclToReady?.toFixed(1) ?? "",
      `task ${r.readyTask?.toFixed(0) ?? "-"} pass ${r.timing?.firstPass?.toFixed(1) ?? "-"} longest ${r.timing?.longestPass?.toFixed(1) ?? "-"} waited ${r.timing?.waitedCompile?.toFixed(1) ?? "-"}`, `rep ${r.repeats ?? "-"} q ${r.quotes ?? "-"}`, r.error ?? "",
      pageErrors.join(" | "), warnings.join(" | ")].join("  "));
  }
}

await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const ready = results.filter((r) => r.ready);
const times = ready.map((r) => r.dclToReady).filter(Number.isFinite);
const phases = {};
for (const r of ready) phases[r.phase] = (phases[r.phase] ?? 0) + 1;
const withErrors = results.filter((r) => r.pageErrors.length);
const stoodDown = results.filter((r) => r.phase === "error" || r.warnings.length);
const longReady = ready.filter((r) => r.readyTask > 50);
const active = ready.filter((r) => r.timing?.passes > 0);
const compile = active.map((r) => r.timing.compile);
const firstPass = active.map((r) => r.timing.firstPass);
const overBudget = active.filter((r) => r.timing.compile > 50 || r.timing.longestPass > 50);

console.log(`eval:extension over ${results.length} pages (Chromium, dist/chrome)`);
console.log(`  ready reached:            ${ready.length}/${results.length}`);
console.log(`  page errors:              ${withErrors.length} pages${withErrors.length ? ": " + withErrors.map((r) => r.slug).join(", ") : ""}`);
console.log(`  stood down / warnings:    ${stoodDown.length} pages${stoodDown.length ? ": " + stoodDown.map((r) => `${r.slug} (${r.reason || r.warnings[0]})`).join(", ") : ""}`);
console.log(`  decisions:                ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(`  DOMContentLoaded→ready:   median ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`
  + ` (${times.filter((t) => t < 0).length} pages ready before DOMContentLoaded: the early pass)`);
console.log(`  compile + instantiate:    median ${pct(compile, 50).toFixed(1)} ms, p95 ${pct(compile, 95).toFixed(1)} ms on the main thread` +
  ` (the module compiled off it beforehand: median ${pct(active.map((r) => r.timing.compileAsync ?? 0), 50).toFixed(1)} ms)`);
const waited = active.map((r) => r.timing.waitedCompile ?? 0);
console.log(`  waited for the compilation at DOMContentLoaded: on ${waited.filter((w) => w > 0).length} pages, ` +
  `median ${pct(waited, 50).toFixed(1)} ms, p95 ${pct(waited, 95).toFixed(1)} ms (part of DOMContentLoaded→ready)`);
// the settings (storage.sync, read at document_start) arrive after DOMContentLoaded on pages that
// come at once: DOMContentLoaded→ready then includes the rest of that wait, before anything is decided
const lateSettings = ready.filter((r) => Number.isFinite(r.dclToReady) && r.timing?.settingsAt > r.dcl);
const withoutWait = ready.filter((r) => Number.isFinite(r.dclToReady))
  .map((r) => r.dclToReady - Math.max(0, (r.timing?.settingsAt ?? 0) - r.dcl));
console.log(`  settings after DOMContentLoaded: on ${lateSettings.length} pages, by median ${pct(lateSettings.map((r) => r.timing.settingsAt - r.dcl), 50).toFixed(1)} ms; ` +
  `DOMContentLoaded→ready without that wait: median ${pct(withoutWait, 50).toFixed(1)} ms, p95 ${pct(withoutWait, 95).toFixed(1)} ms`);
console.log(`  settings from the preset (no round trip): on ${ready.filter((r) => r.timing?.preset).length} pages`);
const waitedStyle = active.filter((r) => (r.timing.waitedFrame ?? 0) > 0);
console.log(`  waited for the page's rendering (much to style): on ${waitedStyle.length} pages${waitedStyle.length ? ": " + waitedStyle.map((r) => `${r.slug} ${r.timing.waitedFrame.toFixed(0)} ms (${r.timing.unstyled} nodes)`).join(", ") : ""}`);
console.log(`  first pass (process):     median ${pct(firstPass, 50).toFixed(1)} ms, p95 ${pct(firstPass, 95).toFixed(1)} ms, max ${Math.max(...firstPass).toFixed(1)} ms`);
console.log(`  Verbatim work > 50 ms:    ${overBudget.length} pages${overBudget.length ? ": " + overBudget.map((r) => `${r.slug} (compile ${r.timing.compile.toFixed(0)}, pass ${r.timing.longestPass.toFixed(0)})`).join(", ") : ""}`);
console.log(`  task holding ready > 50 ms (page's own parsing and layout included): ${longReady.length} pages`);
console.log(`  repeats hidden:           ${ready.reduce((a, r) => a + (r.repeats ?? 0), 0)} on ${ready.filter((r) => r.repeats > 0).length} pages; quotations ${ready.reduce((a, r) => a + (r.quotes ?? 0), 0)}`);
const failed = results.filter((r) => !r.ready);
if (failed.length) console.log(`  not ready: ${failed.map((r) => `${r.slug} (${r.error})`).join(", ")}`);
if (typeof flags.json === "string") writeFileSync(flags.json, JSON.stringify(results, null, 2));
process.exit(failed.length || withErrors.length ? 1 : 0);
