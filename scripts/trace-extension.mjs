// Traces the extension's tasks on corpus pages: `node scripts/trace-extension.mjs [--only=a,b]
// [--runs=3] [--dist=dist/chrome] [--save=DIR] [--json=FILE] [--verbose]` (needs `npm run build`;
// not part of `npm test`; all 130 pages without --only).
//
// Each page is loaded as `npm run eval:extension` loads it (dist/chrome, served from 127.0.0.1 with
// its scripts stripped), under Chromium's tracing (CDP `Tracing`: devtools.timeline with the stacks
// that forced a style or layout). For every task of the page's main thread in which the extension's
// content script ran for 2 ms or more, it prints the task's length and its parts: style recalculation
// (`UpdateLayoutTree`, with the elements it styled, and whether the extension's code forced it),
// layout, the task's own style and layout and garbage collection, and its wall-clock length beside
// its thread CPU time (on a machine shared with other work, a task's wall clock includes the time
// the main thread waited for a core). Also the content script's timing (the popup's status).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchWithExtension, watchReady, parseFlags } from "./chromium.mjs";
import { corpus, corpusRoutes } from "./corpus.mjs";
import { serveStatic } from "./static-server.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const flags = parseFlags();
const extension = resolve(top, typeof flags.dist === "string" ? flags.dist : join("dist", "chrome"));
const runs = Number(flags.runs ?? 1);
if (!existsSync(corpus)) {
  console.log(`trace-extension: skipped (${corpus} is absent)`);
  process.exit(0);
}
const slugs = typeof flags.only === "string" ? flags.only.split(",")
  : readdirSync(corpus).filter((d) => existsSync(join(corpus, d, "source.html"))).sort();

const { server, port } = await serveStatic(join(top, "tests", "e2e", "fixtures"), { routes: corpusRoutes(slugs) });
const base = `http://127.0.0.1:${port}`;
const { context, profile } = await launchWithExtension(extension, base, "verbatim-trace-");
const worker = await watchReady(context);
const page = await context.newPage();
await page.bringToFront();
const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
const cdp = await context.newCDPSession(page);

const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.stack", "v8.execute", "blink.user_timing", "toplevel"].join(",");

async function traced(load) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on("Tracing.dataCollected", onData);
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  const result = await load();
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.end");
  await done;
  cdp.off("Tracing.dataCollected", onData);
  return { events, result };
}

const ms = (us) => us / 1000;
const isOurs = (e) => {
  const d = e.args?.data;
  const url = d?.url ?? d?.scriptName ?? "";
  return /^chrome-extension:/.test(url);
};
const forcedByUs = (e) => (e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? [])
  .some((f) => /^chrome-extension:/.test(f.url ?? ""));

function analyse(events) {
  // the page's renderer main thread: the one that parsed the page
  const parse = events.find((e) => e.name === "ParseHTML");
  const key = (e) => `${e.pid}:${e.tid}`;
  const on = events.filter((e) => key(e) === key(parse) && e.ph === "X" && typeof e.dur === "number");
  const t0 = Math.min(...on.map((e) => e.ts));
  const tasks = on.filter((e) => e.name === "RunTask").sort((a, b) => a.ts - b.ts);
  const tops = [];
  for (const t of tasks) if (!tops.length || t.ts >= tops[tops.length - 1].ts + tops[tops.length - 1].dur) tops.push(t);
  const inside = (t, e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur + 1;
  const outermost = (list) => list.filter((e) => !list.some((o) => o !== e && o.dur >= e.dur && inside(o, e)));
  const forced = (name) => outermost(on.filter((e) => e.name === name && forcedByUs(e)));
  const styles = forced("UpdateLayoutTree");
  const layouts = forced("Layout");
  // our work: calls into the content script (a timer, a frame callback, an observer, the script
  // itself), and the microtasks run at DOMContentLoaded (the first decision and pass continue there;
  // the corpus pages' own scripts are stripped)
  const dcl = on.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "DOMContentLoaded");
  const calls = outermost(on.filter((e) => ((e.name === "FunctionCall" || e.name === "EvaluateScript") && isOurs(e)) ||
    (e.name === "RunMicrotasks" && dcl.some((d) => inside(d, e)))));
  const out = [];
  for (const t of tops) {
    const st = styles.filter((e) => inside(t, e));
    const lay = layouts.filter((e) => inside(t, e));
    const js = calls.filter((e) => inside(t, e));
    if (!st.length && !lay.length && js.reduce((a, e) => a + e.dur, 0) < 2000) continue;
    const all = on.filter((e) => e !== t && inside(t, e));
    out.push({
      at: ms(t.ts - t0), task: ms(t.dur), cpu: ms(t.tdur ?? 0),
      calls: ms(js.reduce((a, e) => a + e.dur, 0)), callsCpu: ms(js.reduce((a, e) => a + (e.tdur ?? 0), 0)),
      forcedStyle: ms(st.reduce((a, e) => a + e.dur, 0)), styled: st.reduce((a, e) => a + (e.args?.elementCount ?? 0), 0),
      forcedLayout: ms(lay.reduce((a, e) => a + e.dur, 0)), laidOut: lay.reduce((a, e) => a + (e.args?.beginData?.dirtyObjects ?? 0), 0),
      styleTask: ms(outermost(all.filter((e) => e.name === "UpdateLayoutTree")).reduce((a, e) => a + e.dur, 0)),
      layoutTask: ms(outermost(all.filter((e) => e.name === "Layout")).reduce((a, e) => a + e.dur, 0)),
      gc: ms(outermost(all.filter((e) => /GC/.test(e.name))).reduce((a, e) => a + e.dur, 0)),
      first: all.find((e) => e.name === "EventDispatch" && e.args?.data?.type === "DOMContentLoaded") ? "DCL" : "",
    });
  }
  return { tasks: out, ours: calls.map((e) => ({ at: ms(e.ts - t0), wall: ms(e.dur), cpu: ms(e.tdur ?? 0) })) };
}

const f = (x) => x.toFixed(1);
const all = [];
for (let run = 0; run < runs; run++) {
  for (const slug of slugs) {
    const { events, result } = await traced(async () => {
      await page.goto(`${base}/__pages/${slug}/`, { waitUntil: "load", timeout: 30000 });
      await page.waitForFunction(() => document.documentElement?.dataset.verbatim === "ready", null, { timeout: 15000 });
      await page.waitForTimeout(300);
      const v = await page.evaluate(() => window.__verbatimEval);
      const status = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: "verbatim:status" }, { frameId: 0 }), tabId);
      return { dclToReady: v.ready - v.dcl, timing: status.timing, repeats: status.summary?.repeats ?? 0, quotes: status.summary?.quotes ?? 0 };
    });
    if (typeof flags.save === "string") {
      mkdirSync(flags.save, { recursive: true });
      writeFileSync(join(flags.save, `${slug}-${run}.json`), JSON.stringify({ traceEvents: events }));
    }
    const a = analyse(events);
    const t = result.timing;
    all.push({ slug, run, ...result, ...a });
    console.log(`${slug} #${run + 1}: DCL→ready ${f(result.dclToReady)} ms, first pass ${f(t.firstPass)}, longest ${f(t.longestPass)}, steps ${t.steps}, waitedFrame ${f(t.waitedFrame ?? 0)}, rep ${result.repeats} q ${result.quotes}; ` +
      `forced by us: style ${f(a.tasks.reduce((s, x) => s + x.forcedStyle, 0))} ms, layout ${f(a.tasks.reduce((s, x) => s + x.forcedLayout, 0))} ms; ` +
      `our longest stretch of work: ${f(Math.max(0, ...a.ours.map((x) => x.wall)))} ms wall, ${f(Math.max(0, ...a.ours.map((x) => x.cpu)))} ms CPU; ` +
      `longest task holding it (the page's own work included): ${f(Math.max(0, ...a.tasks.map((x) => x.task)))} ms wall, ${f(Math.max(0, ...a.tasks.map((x) => x.cpu)))} ms CPU`);
    for (const x of a.tasks.filter((x) => x.task >= (flags.verbose ? 10 : 50))) {
      console.log(`    task at ${f(x.at)}${x.first ? " (DOMContentLoaded)" : ""}: ${f(x.task)} ms (CPU ${f(x.cpu)}); our calls ${f(x.calls)} (CPU ${f(x.callsCpu)}); forced by us: style ${f(x.forcedStyle)} (${x.styled} el), ` +
        `layout ${f(x.forcedLayout)} (${x.laidOut} objects); the task's style ${f(x.styleTask)}, layout ${f(x.layoutTask)}, gc ${f(x.gc)}`);
    }
  }
}
const longest = all.map((r) => ({ slug: r.slug, wall: Math.max(0, ...r.ours.map((x) => x.wall)), cpu: Math.max(0, ...r.ours.map((x) => x.cpu)) }));
const over = (k) => longest.filter((r) => r[k] > 50).map((r) => `${r.slug} ${f(r[k])}`);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;
console.log(`our longest stretch of work per load: wall clock median ${f(pct(longest.map((r) => r.wall), 50))} ms, max ${f(Math.max(...longest.map((r) => r.wall)))}; ` +
  `thread CPU median ${f(pct(longest.map((r) => r.cpu), 50))} ms, max ${f(Math.max(...longest.map((r) => r.cpu)))}`);
console.log(`  over 50 ms: wall clock on ${over("wall").length} loads (${over("wall").join(", ")}); thread CPU on ${over("cpu").length} loads (${over("cpu").join(", ")})`);
if (typeof flags.json === "string") writeFileSync(flags.json, JSON.stringify(all, null, 1));
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
