// `npm run bench:memory` (after `npm run build`): what the reading memory (issue 13) costs.
//
//   store    bytes per remembered paragraph in the extension's store, in the background's own
//            record format (storage.local: key "read:<page id>", JSON value with the site, the time,
//            the page ids and the fingerprints in base64), for --paragraphs (100,000) paragraphs read
//            on pages of --per-page (20) paragraphs each; the figure Chrome's getBytesInUse counts.
//   lookup   In Debian's Chromium, each page of ../shared/corpus/pages/readability (scripts stripped,
//            served from 127.0.0.1, cross-origin isolated for a 5 µs timer): process(document.body)
//            without a memory and with a memory of --paragraphs made-up paragraphs (none of them on
//            the page: the price of looking every paragraph up). After one untimed call, three
//            rounds alternate the two, each pass in a task of its own (as in the extension, where
//            the memory is given in an earlier task); each figure is the best of its three. Also
//            what the extension pays once per page to give the module its memory: the index the
//            background built (extension/memory-pack.js, timed here in Node too) arrives in base64
//            parts of 256 KiB, each decoded in the task that receives it (the longest is reported),
//            then `new ReadMemory(index, …)`: one copy into the module, no build.
//
// Options: --paragraphs=N --per-page=N --pages=a,b (substrings of page names) --verbose
//          --same-task (the pass right after giving the memory, in the same task: the worst case)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, parseFlags } from "./chromium.mjs";
import { corpus, stripScripts } from "./corpus.mjs";
import { serveStatic } from "./static-server.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const flags = parseFlags();
const N = Number(flags.paragraphs ?? 100000);
const PER_PAGE = Number(flags["per-page"] ?? 20);
const ISOLATED = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "-");

const m = await import(join(top, "pkg", "verbatim.js"));
m.initSync({ module: readFileSync(join(top, "pkg", "verbatim_bg.wasm")) });

// made-up paragraphs of 20 to 60 words from syllables (xorshift32, deterministic)
let seed = 0x9e3779b9;
const next = () => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % 1000003; };
const SYL = ["ka", "lo", "mi", "ren", "su", "ta", "vo", "pel", "dri", "on", "ba", "ush", "ne", "fi", "gor", "ly"];
const word = () => Array.from({ length: 2 + (next() % 3) }, () => SYL[next() % 16]).join("");
const paragraph = () => Array.from({ length: 20 + (next() % 41) }, word).join(" ") + ".";
const t0 = performance.now();
const fps = new Uint8Array(N * 26);
for (let at = 0; at < N; at += 5000) {
  const batch = Array.from({ length: Math.min(5000, N - at) }, paragraph);
  fps.set(m.fingerprints(batch), at * 26);
}
console.log(`bench:memory: ${N} made-up paragraphs fingerprinted in Node in ${f(performance.now() - t0, 0)} ms (${fps.length} bytes, 26 per paragraph)`);
const packMemory = new Function(`${readFileSync(join(top, "extension", "memory-pack.js"), "utf8")}\nreturn verbatimPackMemory;`)();
const packTimes = [];
let layout;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  layout = packMemory(fps, Array.from({ length: Math.ceil(N / PER_PAGE) }, (_, i) => Math.min(PER_PAGE, N - i * PER_PAGE)));
  packTimes.push(performance.now() - t);
}
const layoutBase64 = Buffer.from(layout.buffer, layout.byteOffset, layout.byteLength).toString("base64");
console.log(`index (the background's, once per change of the store): median ${f(median(packTimes), 1)} ms in Node; ${layout.byteLength} bytes, ` +
  `${f(layout.byteLength / N, 1)} per paragraph; ${layoutBase64.length} characters of base64 sent to each page`);

// ---- store ----------------------------------------------------------------------------------------
{
  let bytes = 0;
  const time = Date.now();
  for (let p = 0; p * PER_PAGE < N; p++) {
    const slice = fps.subarray(p * PER_PAGE * 26, Math.min(N, (p + 1) * PER_PAGE) * 26);
    const record = { s: `news${p % 50}.example.com`, t: time - p * 60000, p: [(p * 7919).toString(36).padStart(11, "x"), (p * 104729).toString(36).padStart(11, "y")], f: Buffer.from(slice).toString("base64") };
    const key = `read:${record.p[0]}`;
    bytes += key.length + JSON.stringify(record).length;
  }
  console.log(`store: ${N} paragraphs read on pages of ${PER_PAGE}: ${bytes} bytes, ${f(bytes / N)} bytes per paragraph ` +
    `(target <= 40: ${bytes / N <= 40 ? "MET" : "MISSED"}); of which the fingerprints: 26 bytes raw, 34.7 in base64`);
}

// ---- lookup ---------------------------------------------------------------------------------------
if (!existsSync(corpus)) {
  console.log(`lookup skipped: ${corpus} is absent`);
  process.exit(0);
}
const pick = typeof flags.pages === "string" ? flags.pages.split(",") : [];
const pages = readdirSync(corpus).sort().filter((d) => existsSync(join(corpus, d, "source.html")) && (!pick.length || pick.some((s) => d.includes(s))));
const nSources = Math.ceil(N / PER_PAGE);
const sources = {
  counts: Array.from({ length: nSources }, (_, i) => Math.min(PER_PAGE, N - i * PER_PAGE)),
  reads: Array.from({ length: nSources }, (_, i) => `news${i % 50}.example.com 2026-11-29T10:00:00.000Z`).join("\n"),
  places: Array.from({ length: nSources }, (_, i) => `yesterday on news${i % 50}.example.com`).join("\n"),
};
const routes = { "/__memory.txt": (_req, res) => { res.writeHead(200, { "content-type": "text/plain", ...ISOLATED }); res.end(layoutBase64); } };
for (const d of pages) {
  routes[`/__bench/${encodeURIComponent(d)}/`] = (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...ISOLATED });
    res.end(stripScripts(readFileSync(join(corpus, d, "source.html"), "utf8")));
  };
}
const { server, port } = await serveStatic(top, { routes, headers: () => ISOLATED });
const base = `http://127.0.0.1:${port}`;
let browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const results = [];
for (const d of pages) {
  if (!browser.isConnected()) browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    return u.hostname === "127.0.0.1" || u.protocol === "data:" ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/__bench/${encodeURIComponent(d)}/`, { waitUntil: "load", timeout: 30000 });
    const r = await page.evaluate(async ({ url, sources, length, PART, sameTask }) => {
      const v = await import(url);
      await v.default();
      const index = await (await fetch("/__memory.txt")).text();
      const body = document.body;
      void body.offsetHeight;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const time = (fn) => { const t = performance.now(); fn(); return performance.now() - t; };
      const out = { off: [], on: [], build: [], part: [], read: 0, paragraphs: 0 };
      // each pass in a task of its own, as in the extension (the memory is given before, in
      // another task): the page's own work in between (a collection of the garbage the last
      // round left) is not counted as the pass's
      const task = () => (sameTask ? Promise.resolve() : new Promise((r) => setTimeout(r, 0)));
      const off = async () => { v.restore(body); await task(); out.off.push(time(() => v.process(body))); };
      const on = async () => {
        v.restore(body);
        let memory;
        // as the content script does: decode the background's base64 part by part (one task each
        // in the extension), then hand the index over as it is
        const bytes = new Uint8Array(length);
        const step = (PART / 4) * 3;
        for (let at = 0; at * PART < index.length; at++) {
          out.part.push(time(() => bytes.subarray(at * step).setFromBase64(index.slice(at * PART, (at + 1) * PART))));
        }
        out.build.push(time(() => {
          memory = new v.ReadMemory(new Uint32Array(bytes.buffer), sources.reads, sources.places, new Uint32Array(0));
        }));
        v.useReadMemory(body, memory);
        memory.free();
        await task();
        let s;
        out.on.push(time(() => { s = v.process(body); }));
        out.read = s.read ?? 0;
      };
      v.process(body); // untimed: compiles the hot paths
      for (let i = 0; i < 3; i++) { if (i % 2) { await on(); await off(); } else { await off(); await on(); } }
      v.restore(body);
      out.isolated = self.crossOriginIsolated;
      return out;
    }, { url: `${base}/pkg/verbatim.js`, sources, length: layout.byteLength, PART: 1 << 18, sameTask: !!flags["same-task"] });
    const best = (xs) => Math.min(...xs);
    results.push({ slug: d, off: best(r.off), on: best(r.on), build: median(r.build), part: Math.max(...r.part), parts: r.part, longest: Math.max(...r.on), read: r.read, isolated: r.isolated });
    if (flags.verbose) console.log(`${d.slice(0, 40).padEnd(40)} off ${f(best(r.off))} on ${f(best(r.on))} build ${f(median(r.build))} read ${r.read}`);
  } catch (e) {
    console.log(`error on ${d}: ${String(e.message).split("\n")[0]}`);
  }
  await context.close().catch(() => {});
}
await browser.close().catch(() => {});
server.close();

const col = (k) => results.map((r) => r[k]);
const dOff = median(col("off"));
const dOn = median(col("on"));
const deltas = results.map((r) => r.on - r.off);
console.log(`lookup: ${results.length} corpus pages, memory of ${N} paragraphs (timer ${results.every((r) => r.isolated) ? "5 µs" : "100 µs"})`);
console.log(`  process without memory: median ${f(dOff, 3)} ms, max ${f(Math.max(...col("off")))} ms`);
console.log(`  process with memory:    median ${f(dOn, 3)} ms, max ${f(Math.max(...col("on")))} ms (longest single call ${f(Math.max(...col("longest")))} ms)`);
console.log(`  added by the lookup: difference of medians ${f(dOn - dOff, 3)} ms, median of per-page differences ${f(median(deltas), 3)} ms, max ${f(Math.max(...deltas))} ms ` +
  `(target <= 1 ms on the median: ${dOn - dOff <= 1 ? "MET" : "MISSED"})`);
const parts = results.flatMap((r) => r.parts).sort((a, b) => a - b);
console.log(`  giving the module its memory, once per page: decoding one part of the index (${1 << 18} characters of base64, ${parts.length} timed): ` +
  `median ${f(median(parts))} ms, 99th percentile ${f(parts[Math.floor(parts.length * 0.99)])} ms, max ${f(Math.max(...col("part")))} ms; ` +
  `new ReadMemory(index, …) (one copy, no build): median ${f(median(col("build")))} ms, max ${f(Math.max(...col("build")))} ms ` +
  `(target: no task of the memory's > 50 ms: ${Math.max(...col("build"), ...col("part")) <= 50 ? "MET" : "MISSED"}; a pass is split in steps by the extension)`);
console.log(`  paragraphs hidden as read (none expected: the memory is made up): ${results.reduce((n, r) => n + r.read, 0)}`);
