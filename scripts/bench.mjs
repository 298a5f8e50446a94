// `npm run bench` (after set-up and build): speed, size and page-load cost, figures printed, nothing
// asserted (targets are shown next to each figure). Sections, in order (`--only=a,b` picks some):
//
//   pages    In Debian's Chromium, each page of ../shared/corpus/pages/readability (130 real pages,
//            scripts stripped, served from 127.0.0.1, every other host refused; skipped when absent)
//            and the project's own fixtures (www/sample/article.html, tests/pages/*.html,
//            tests/e2e/fixtures/article.html): `process(document.body)` against Mozilla Readability's
//            `new Readability(document.cloneNode(true)).parse()` in the same page load.
//              - Cold and warm. "cold" is the first call in the page load (what a reader pays: the
//                module is compiled and instantiated by init() before, untimed, then warmed up by
//                warmUp() in a worker, untimed too (--no-warm-up: not), and the page's JavaScript
//                and the DOM layer still run for the first time); "warm" is a later call after
//                restore() (process) or on a fresh clone (Readability): the page's median of 5 such
//                calls of each, taken in turns (--warm-rounds=N). Neither side is warmed before its
//                cold call, and the pages alternate which side runs first, so neither always pays
//                the other's style work.
//              - Readability's figure is parse() alone; cloning the document is timed apart
//                (reported as "clone") since reader mode pays it too but it is not the engine.
//              - Before any timing the page's layout is flushed (offsetHeight, one frame), so that
//                neither side pays the page's own first layout.
//              - Pages are cross-origin isolated (COOP/COEP headers), which gives performance.now()
//                5 µs resolution in Chromium instead of 100 µs.
//            Per page (--verbose) and overall: median, p95, max, median of per-page ratios; and where
//            the warm time of process goes: the walk (walk.js alone), the text core (analyze on the
//            walk's texts) and the rest (applying: wrapping, marking, hiding; the difference).
//   node     WASM in Node (initSync with pkg/verbatim_bg.wasm): analyze() throughput in MB/s (UTF-8
//            bytes) on the real paragraph texts the walker found on the corpus pages, and on 1k, 10k,
//            100k distinct synthetic paragraphs (the generator of benches/analyze.rs, ported), with
//            the 100k/10k ratio (linear ~10x; target <= 15x).
//   native   `cargo bench --bench analyze` (benches/analyze.rs; repeats engine, release build).
//   size     pkg/verbatim_bg.wasm raw and gzip (ceiling 100 KB gzip, issue 12), the store zips of
//            `npm run package` (built here when scripts/package.mjs exists), and a twiggy breakdown
//            of an unstripped build of the same code (names survive there; it is not wasm-opt'ed,
//            so its sizes are larger than pkg's; shares are what matter).
//   load     Page-load cost of the extension (dist/chrome, via tests/e2e/browser.mjs) on
//            www/sample/article.html and on a generated page of 50,000 paragraphs, extension on and
//            off: long tasks (> 50 ms, a 'longtask' PerformanceObserver registered by an init
//            script), layout shifts after first paint (CLS), and the content script's own timings.
//
//   memory   wasm memory of a live page (an empty page appending a paragraph before each of 1,000
//            processStep calls), after init, after the steps and after restore; step times.
//   extension scripts/eval-extension.mjs over the corpus pages: DOMContentLoaded→ready, compile, the
//            first pass, pages where a task of Verbatim's ran over 50 ms.
//   (pages also reports the wasm memory after the first process on the largest corpus page, and
//   analyze() of each page's <p> texts alone.)
//
// Conditions: the machine has 2 cores shared with other work; figures are noisy (best of 3 where
// cheap: the Node figures). Options: --only=pages,node,native,size,load,memory,extension  --verbose  --pages=a,b
// --no-warm-up  --warm-rounds=5
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, parseFlags } from "./chromium.mjs";
import { corpus, stripScripts } from "./corpus.mjs";
import { serveStatic } from "./static-server.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const flags = parseFlags();
const list = (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : []);
const only = list(flags.only);
const want = (section) => only.length === 0 || only.includes(section);

// ---- statistics -----------------------------------------------------------------------------------

const sorted = (xs) => xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
const pct = (xs, p) => { const s = sorted(xs); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };
const median = (xs) => { const s = sorted(xs); if (!s.length) return NaN; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "-");
const stats = (xs) => `median ${f(median(xs))} ms, p95 ${f(pct(xs, 95))} ms, max ${f(sorted(xs).at(-1))} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const header = (s) => console.log(`\n== ${s}`);

if (!existsSync(join(top, "pkg", "verbatim.js"))) {
  console.error("bench: pkg/ is missing; run `npm run build` first");
  process.exit(1);
}
console.log(`bench: ${new Date().toISOString()}, ${process.platform} ${process.arch}, node ${process.version}, ` +
  `${(await import("node:os")).cpus().length} cores (shared; figures are noisy)`);

const ISOLATED = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };

// the pages: the corpus and the project's own fixtures
const pages = [];
if (existsSync(corpus)) {
  for (const d of readdirSync(corpus).sort()) {
    if (existsSync(join(corpus, d, "source.html"))) pages.push({ slug: d, file: join(corpus, d, "source.html"), corpus: true });
  }
}
const fixtures = [join(top, "www", "sample", "article.html"), join(top, "tests", "e2e", "fixtures", "article.html")];
if (existsSync(join(top, "tests", "pages"))) {
  for (const f of readdirSync(join(top, "tests", "pages")).sort()) {
    if (f.endsWith(".html")) fixtures.push(join(top, "tests", "pages", f));
  }
}
for (const file of fixtures) {
  if (existsSync(file)) pages.push({ slug: "project:" + file.slice(top.length + 1), file, corpus: false });
}

const walkSnippet = (() => {
  const dir = join(top, "pkg", "snippets");
  if (!existsSync(dir)) return null;
  for (const d of readdirSync(dir)) {
    if (existsSync(join(dir, d, "src", "dom", "walk.js"))) return `/pkg/snippets/${d}/src/dom/walk.js`;
  }
  return null;
})();

// ---- pages: process against Readability -----------------------------------------------------------

/// Runs in the page.
async function inPage({ url, walkUrl, processFirst, warm, rounds }) {
  const out = {};
  const m = await import(url);
  let t = performance.now();
  const wasm = await m.default();
  out.init = performance.now() - t;
  // the warm-up worker (src/warm.js), as an embedder would run it after init (--no-warm-up: not)
  if (warm) {
    t = performance.now();
    out.warmUpWorker = await m.warmUp();
    out.warmUp = performance.now() - t;
  }
  out.size = document.documentElement.outerHTML.length;
  // the page's own first layout is done before anything is timed
  void document.body.offsetHeight;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const body = document.body;
  const runProcess = () => {
    const t0 = performance.now();
    const summary = m.process(body);
    const ms = performance.now() - t0;
    m.restore(body);
    return [ms, summary];
  };
  const runReader = () => {
    const t0 = performance.now();
    const clone = document.cloneNode(true);
    const t1 = performance.now();
    let ok = true;
    try {
      new Readability(clone).parse(); // eslint-disable-line no-undef
    } catch (e) {
      ok = String(e);
    }
    return [t1 - t0, performance.now() - t1, ok];
  };
  try {
    if (processFirst) {
      [out.process, out.summary] = runProcess();
      out.memory = Object.values(wasm).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength;
      [out.clone, out.reader, out.readerOk] = runReader();
    } else {
      [out.clone, out.reader, out.readerOk] = runReader();
      [out.process, out.summary] = runProcess();
      out.memory = Object.values(wasm).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength;
    }
    // the warm calls, each the median of `rounds` (one call alone is often one garbage collection
    // or one style update more or less: a single sample put up to 34 ms of a page's warm `process`
    // in neither the walk nor the core)
    // (a median of its own: this function runs in the page, where the script's helpers are not)
    const mid = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const { verbatim_walk } = await import(walkUrl);
    const warmP = [], warmR = [], walks = [], cores = [];
    let found = null;
    for (let k = 0; k < rounds; k++) {
      warmP.push(runProcess()[0]);
      warmR.push(runReader()[1]);
      // the warm process in parts
      t = performance.now();
      found = verbatim_walk(body, new WeakSet());
      walks.push(performance.now() - t);
      t = performance.now();
      m.analyze(found.texts);
      cores.push(performance.now() - t);
    }
    [out.processWarm, out.readerWarm, out.walk, out.core] = [warmP, warmR, walks, cores].map(mid);
    out.texts = found.texts;
    // the text core alone on the page's <p> texts (what the issue's table measured)
    const ps = [...document.querySelectorAll("p")].map((p) => p.textContent);
    t = performance.now();
    m.analyze(ps);
    out.coreP = performance.now() - t;
  } catch (e) {
    out.error = `${e && e.name}: ${e && e.message}`;
  }
  return out;
}

let pageTexts = []; // per corpus page, the walker's paragraphs (for the Node throughput)
// Warm calls per page (process then restore, Readability on a fresh clone, the walk, the core):
// each warm figure is the page's median of them. --warm-rounds=1 is one call, as before.
const WARM_ROUNDS = Math.max(1, Number(flags["warm-rounds"] ?? 5));

async function benchPages() {
  header("pages: process(document.body) vs Readability parse() in Chromium");
  if (!pages.some((p) => p.corpus)) console.log(`corpus skipped: ${corpus} is absent (the project's fixtures only)`);
  const routes = {};
  for (const p of pages) {
    routes[`/__bench/${encodeURIComponent(p.slug)}/`] = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...ISOLATED });
      res.end(stripScripts(readFileSync(p.file, "utf8")));
    };
  }
  const { server, port } = await serveStatic(top, { routes, headers: () => ISOLATED });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const chosen = list(flags.pages).length ? pages.filter((p) => list(flags.pages).some((s) => p.slug.includes(s))) : pages;
  const results = [];
  let i = 0;
  for (const p of chosen) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
    await context.route("**/*", (route) => {
      const u = new URL(route.request().url());
      return u.hostname === "127.0.0.1" || u.protocol === "data:" ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    const r = { slug: p.slug, corpus: p.corpus };
    try {
      await page.goto(`${base}/__bench/${encodeURIComponent(p.slug)}/`, { waitUntil: "load", timeout: 30000 });
      r.isolated = await page.evaluate(() => self.crossOriginIsolated);
      await page.addScriptTag({ url: `${base}/node_modules/@mozilla/readability/Readability.js` });
      Object.assign(r, await page.evaluate(inPage, { url: `${base}/pkg/verbatim.js`, walkUrl: `${base}${walkSnippet}`, processFirst: i % 2 === 0, warm: !flags["no-warm-up"], rounds: WARM_ROUNDS }));
    } catch (e) {
      r.error = `playwright: ${String(e.message).split("\n")[0]}`;
    }
    await context.close();
    i++;
    if (r.texts && p.corpus) pageTexts.push(r.texts);
    delete r.texts;
    results.push(r);
    if (flags.verbose || r.error) {
      console.log(`${r.slug.slice(0, 44).padEnd(44)} process ${f(r.process).padStart(7)} (warm ${f(r.processWarm)}; walk ${f(r.walk)} core ${f(r.core)})` +
        `  readability ${f(r.reader).padStart(7)} (warm ${f(r.readerWarm)}, clone ${f(r.clone)})  ratio ${f(r.process / r.reader)}` +
        `${r.error ? "  ERROR " + r.error : ""}${r.readerOk !== true && r.readerOk !== undefined ? "  readability threw" : ""}`);
    }
  }
  await browser.close();
  server.close();

  const ok = results.filter((r) => !r.error && typeof r.process === "number");
  const report = (label, rs) => {
    if (!rs.length) return;
    const col = (k) => rs.map((r) => r[k]);
    const ratio = (a, b) => median(rs.map((r) => r[a] / Math.max(r[b], 0.005)));
    console.log(`\n${label}: ${rs.length} pages (${results.length - ok.length} errors overall; timer ${rs.every((r) => r.isolated) ? "5 µs (cross-origin isolated)" : "100 µs"})`);
    console.log(`  process, cold (first call)     ${stats(col("process"))}`);
    console.log(`  process, warm (second call)    ${stats(col("processWarm"))}`);
    console.log(`  Readability parse(), cold      ${stats(col("reader"))}`);
    console.log(`  Readability parse(), warm      ${stats(col("readerWarm"))}`);
    console.log(`  document.cloneNode(true)       ${stats(col("clone"))}`);
    console.log(`  module init (compile+instantiate, untimed above) ${stats(col("init"))}`);
    if (rs.some((r) => r.warmUp !== undefined)) {
      console.log(`  warm-up in a worker after init (off the main thread, untimed above): wall ${stats(col("warmUp"))}; ` +
        `it could not run on ${rs.filter((r) => r.warmUpWorker === -1).length} pages`);
    } else {
      console.log("  (no warm-up: --no-warm-up)");
    }
    console.log(`  analyze() of the <p> texts     ${stats(col("coreP"))}`);
    const largest = [...rs].sort((a, b) => b.size - a.size)[0];
    console.log(`  wasm memory after the first process: on the largest page (${largest.slug}, ${kb(largest.size)} of markup) ${kb(largest.memory)}; ` +
      `median over pages ${kb(median(col("memory")))}, max ${kb(Math.max(...col("memory")))}`);
    console.log(`  median of per-page ratios process/Readability: cold/cold ${f(ratio("process", "reader"), 3)}, warm/warm ${f(ratio("processWarm", "readerWarm"), 3)}`);
    const cold = median(col("process"));
    const target = median(col("reader")) / 5;
    console.log(`  target: process median <= 1/5 of Readability's (${f(target)} ms): cold ${f(cold)} ms ${cold <= target ? "MET" : "MISSED"} ` +
      `(ratio of medians ${f(cold / median(col("reader")), 3)}); warm ${f(median(col("processWarm")))} ms ${median(col("processWarm")) <= target ? "MET" : "MISSED"}`);
    const p95 = pct(col("process"), 95);
    console.log(`  target: process p95 < 5 ms: cold ${f(p95)} ms ${p95 < 5 ? "MET" : "MISSED"}; warm ${f(pct(col("processWarm"), 95))} ms ${pct(col("processWarm"), 95) < 5 ? "MET" : "MISSED"}`);
    const walk = median(col("walk"));
    const core = median(col("core"));
    const apply = median(rs.map((r) => r.processWarm - r.walk - r.core));
    console.log(`  where warm process time goes (medians): walk ${f(walk)} ms, text core ${f(core)} ms, apply and the rest ${f(apply)} ms ` +
      `(sums over pages: walk ${f(rs.reduce((n, r) => n + r.walk, 0), 1)}, core ${f(rs.reduce((n, r) => n + r.core, 0), 1)}, ` +
      `apply ${f(rs.reduce((n, r) => n + r.processWarm - r.walk - r.core, 0), 1)}, process warm ${f(rs.reduce((n, r) => n + r.processWarm, 0), 1)} ms)`);
    const slow = [...rs].sort((a, b) => b.process - a.process).slice(0, 5);
    console.log(`  slowest (cold): ${slow.map((r) => `${r.slug} ${f(r.process, 1)} ms (walk ${f(r.walk, 1)}, core ${f(r.core, 1)})`).join(", ")}`);
  };
  report("corpus pages", ok.filter((r) => r.corpus));
  report("project fixtures", ok.filter((r) => !r.corpus));
  for (const r of ok.filter((r) => !r.corpus)) {
    console.log(`  ${r.slug}: process cold ${f(r.process)} ms, warm ${f(r.processWarm)} ms; Readability cold ${f(r.reader)} ms, warm ${f(r.readerWarm)} ms`);
  }
  for (const r of results.filter((r) => r.error)) console.log(`  error on ${r.slug}: ${r.error}`);
}

// ---- WASM in Node ---------------------------------------------------------------------------------

/// The synthetic pages of benches/analyze.rs: n distinct paragraphs of 20..60 words drawn from a
/// 5,000-word vocabulary (squares bias towards small indices), every 50th paragraph copied 10
/// earlier, every 70th lightly edited. xorshift64 in BigInt, as in the Rust bench.
function synthetic(n, seed) {
  let s = BigInt(seed);
  const M = (1n << 64n) - 1n;
  const next = () => {
    s ^= (s << 13n) & M;
    s ^= s >> 7n;
    s ^= (s << 17n) & M;
    return s;
  };
  const vocab = Array.from({ length: 5000 }, (_, i) => `w${i.toString(16)}o`);
  const out = [];
  for (let i = 0; i < n; i++) {
    if (i >= 10 && i % 50 === 0) { out.push(out[i - 10]); continue; }
    if (i >= 10 && i % 70 === 0) { out.push(out[i - 10].replace("o", "a")); continue; }
    const words = 20 + Number(next() % 41n);
    const p = [];
    for (let w = 0; w < words; w++) {
      const r = next() % 5000n;
      p.push(vocab[Number((r * r) / 5000n)]);
    }
    out.push(p.join(" ") + ".");
  }
  return out;
}

async function benchNode() {
  header("WASM in Node: analyze() throughput (initSync with pkg/verbatim_bg.wasm)");
  const m = await import(join(top, "pkg", "verbatim.js"));
  m.initSync({ module: readFileSync(join(top, "pkg", "verbatim_bg.wasm")) });
  const bytes = (ps) => ps.reduce((n, p) => n + Buffer.byteLength(p), 0);
  const time = (fn, rounds = 3) => {
    let best = Infinity;
    let result;
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      result = fn();
      best = Math.min(best, performance.now() - t);
    }
    return [best, result];
  };
  const line = (name, ps, ms, extra = "") => console.log(`${name.padEnd(44)} ${String(ps.length).padStart(7)} paragraphs ${(bytes(ps) / 1e6).toFixed(2).padStart(6)} MB ` +
    `${f(ms, 1).padStart(8)} ms ${f(bytes(ps) / 1e6 / (ms / 1e3), 1).padStart(7)} MB/s ${extra}`);
  if (pageTexts.length === 0 && existsSync(corpus)) console.log("(real page text comes from the pages section: run it too)");
  if (pageTexts.length) {
    for (const [label, options] of [["defaults (repeats + quotes)", undefined], ["highlight off (repeats only)", { highlight: false }], ["collapse off (quotes only)", { collapse: false }]]) {
      m.analyze(pageTexts[0], options); // the module's code is warm; each page is one call
      const [ms] = time(() => { for (const ps of pageTexts) m.analyze(ps, options); });
      let slowest = 0;
      for (const ps of pageTexts) { const t = performance.now(); m.analyze(ps, options); slowest = Math.max(slowest, performance.now() - t); }
      line(`real page text, ${label}`, pageTexts.flat(), ms, `(${pageTexts.length} pages, one call each; slowest page ${f(slowest)} ms)`);
    }
  }
  const times = {};
  for (const [label, options] of [["highlight off", { highlight: false }], ["defaults", undefined]]) {
    for (const n of [1000, 10000, 100000]) {
      const ps = synthetic(n, { 1000: 1, 10000: 2, 100000: 3 }[n]);
      const [ms, report] = time(() => m.analyze(ps, options), n === 100000 ? 1 : 3);
      times[`${label} ${n}`] = ms;
      line(`synthetic ${n / 1000}k distinct, ${label}`, ps, ms, `(${report.repeats.length} repeats, ${report.quotes.length} quotes)`);
    }
    const ratio = times[`${label} 100000`] / times[`${label} 10000`];
    console.log(`  100k/10k time ratio (${label}): ${f(ratio, 1)}x (target <= 15x: ${ratio <= 15 ? "MET" : "MISSED"})`);
  }
}

// ---- native ---------------------------------------------------------------------------------------

function benchNative() {
  header("native: cargo bench --bench analyze (benches/analyze.rs)");
  const r = spawnSync("cargo", ["bench", "--bench", "analyze"], { cwd: top, stdio: ["ignore", "inherit", "pipe"], env: { ...process.env, CARGO_TERM_COLOR: "never" } });
  if (r.status !== 0) console.log(`cargo bench failed (${r.status}):\n${String(r.stderr).split("\n").slice(-15).join("\n")}`);
}

// ---- size -----------------------------------------------------------------------------------------

function benchSize() {
  header("size");
  const wasm = join(top, "pkg", "verbatim_bg.wasm");
  const raw = statSync(wasm).size;
  const gz = gzipSync(readFileSync(wasm), { level: 9 }).length;
  console.log(`pkg/verbatim_bg.wasm (wasm-opt -Oz): ${raw} bytes (${kb(raw)}), gzip -9 ${gz} bytes (${kb(gz)}); ceiling 100 KB (100,000 bytes) gzip: ${gz <= 100000 ? "within" : "OVER"}`);
  const js = join(top, "pkg", "verbatim.js");
  console.log(`pkg/verbatim.js (glue): ${statSync(js).size} bytes, gzip ${gzipSync(readFileSync(js), { level: 9 }).length} bytes`);
  for (const b of ["chrome", "firefox"]) {
    const cs = join(top, "dist", b, "content.js");
    if (existsSync(cs)) console.log(`dist/${b}/content.js: ${kb(statSync(cs).size)}, gzip ${kb(gzipSync(readFileSync(cs), { level: 9 }).length)}`);
    const fb = join(top, "dist", b, "wasm", "verbatim_wasm2js.js");
    if (existsSync(fb)) console.log(`dist/${b}/wasm/verbatim_wasm2js.js (CSP fallback): ${kb(statSync(fb).size)}, gzip ${kb(gzipSync(readFileSync(fb), { level: 9 }).length)}`);
  }
  if (existsSync(join(top, "scripts", "package.mjs"))) {
    const r = spawnSync("node", [join(top, "scripts", "package.mjs")], { cwd: top, encoding: "utf8" });
    if (r.status !== 0) console.log(`npm run package failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" / ")}`);
    for (const z of readdirSync(join(top, "dist")).filter((z) => z.endsWith(".zip")).sort()) {
      console.log(`dist/${z}: ${statSync(join(top, "dist", z)).size} bytes (${kb(statSync(join(top, "dist", z)).size)})`);
    }
  } else {
    console.log("store zips: scripts/package.mjs is absent");
  }
  // twiggy on an unstripped build of the same code (pkg's is stripped: no names)
  const target = join(top, "target", "size");
  console.log("twiggy: building an unstripped copy (CARGO_TARGET_DIR=target/size, no wasm-opt) ...");
  const b = spawnSync("cargo", ["build", "--release", "--lib", "--target", "wasm32-unknown-unknown"], {
    cwd: top, encoding: "utf8",
    env: { ...process.env, CARGO_TARGET_DIR: target, RUSTFLAGS: "-C target-feature=-reference-types", CARGO_TERM_COLOR: "never" },
  });
  const unstripped = join(target, "wasm32-unknown-unknown", "release", "verbatim.wasm");
  if (b.status !== 0 || !existsSync(unstripped)) {
    console.log(`build failed: ${b.stderr.split("\n").slice(-5).join("\n")}`);
    return;
  }
  const twiggy = (args) => spawnSync("twiggy", args, { encoding: "utf8", maxBuffer: 1 << 28 });
  const size = statSync(unstripped).size;
  console.log(`unstripped build: ${kb(size)} (before wasm-bindgen and wasm-opt; pkg's wasm is ${f(raw / size * 100, 0)}% of it)`);
  const topN = twiggy(["top", "-n", "25", unstripped]);
  if (topN.status !== 0) {
    console.log(`twiggy failed: ${topN.stderr}`);
    return;
  }
  console.log(topN.stdout.trimEnd());
  // by crate: every item's shallow size, grouped by the crate its name starts with
  const all = twiggy(["top", "-n", "100000", "-f", "json", unstripped]);
  if (all.status === 0) {
    const items = JSON.parse(all.stdout).items ?? JSON.parse(all.stdout);
    const groups = new Map();
    let total = 0;
    for (const it of items) {
      const name = it.name;
      const bytes = it.shallow_size;
      total += bytes;
      let g;
      const m = /^(?:<)?(?:&?(?:mut )?)?([a-z_][a-z0-9_]*)::/.exec(name);
      if (/^data\[/.test(name)) g = "data segments";
      else if (/^(code|type|import|export|table|elem|global|memory)\[|^"function names"|^custom section|^(producers|target_features)/.test(name) || /section/.test(name)) g = "sections and tables";
      else if (m) g = m[1] === "_" ? "other" : m[1];
      else if (/^__wbg|wasm_bindgen|__wbindgen/.test(name)) g = "wasm_bindgen";
      else if (/^dlmalloc|^__rust|^rust_/.test(name)) g = "std/alloc runtime";
      else g = "other (unnamed or C symbols)";
      groups.set(g, (groups.get(g) ?? 0) + bytes);
    }
    const rows = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 14);
    console.log(`by crate (shallow bytes of the unstripped build, ${kb(total)} in all):`);
    for (const [g, bytes] of rows) console.log(`  ${g.padEnd(32)} ${kb(bytes).padStart(10)} ${f(bytes / total * 100, 1).padStart(5)}%`);
  }
}

// ---- page-load cost with the extension ------------------------------------------------------------

/// A page of `n` paragraphs of news-like prose, every 20th with a quotation, the first 40 repeated
/// at the end (a body printed twice): what the extension's first pass must handle in one go.
function bigPage(n) {
  const words = "the council said on Sunday that a second ferry terminal would be built near the old rail yard after years of queues at the single pier".split(" ");
  const ps = [];
  for (let i = 0; i < n; i++) {
    const w = [];
    for (let k = 0; k < 18; k++) w.push(words[(i * 7 + k * 13 + (i >> k % 5)) % words.length]);
    const text = `Paragraph ${i}: ${w.join(" ")}.`;
    ps.push(i % 20 === 0 ? `<p>“${text}” the harbour director Olu Brandt told reporters in the town hall.</p>` : `<p>${text}</p>`);
  }
  for (let i = 0; i < 40; i++) ps.push(ps[i]);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long article</title></head><body><article><h1>A very long article</h1>\n${ps.join("\n")}\n</article></body></html>`;
}

async function benchLoad() {
  header("page load with the extension (dist/chrome): long tasks and layout shift");
  if (!existsSync(join(top, "dist", "chrome", "manifest.json"))) {
    console.log("skipped: dist/chrome is missing (npm run build)");
    return;
  }
  const { withExtension } = await import(join(top, "tests", "e2e", "browser.mjs"));
  const big = bigPage(50000);
  const routes = {
    "/__bench/big.html": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(big);
    },
  };
  const init = () => {
    const v = { long: [], shifts: [], ready: null };
    window.__bench = v;
    new MutationObserver((_, o) => {
      if (document.documentElement?.dataset.verbatim === "ready") { v.ready = performance.now(); o.disconnect(); }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-verbatim"] });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) v.long.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) v.shifts.push([e.startTime, e.value, e.hadRecentInput]); }).observe({ type: "layout-shift", buffered: true });
  };
  const runs = 3;
  const pagesToLoad = [["www/sample/article.html", "/www/sample/article.html"], ["50,000 paragraphs (generated, 40 repeated)", "/__bench/big.html"]];
  const results = {};
  for (const on of [false, true]) {
    let env;
    if (on) {
      env = await withExtension({ dir: top, routes });
    } else {
      const profile = mkdtempSync(join(tmpdir(), "verbatim-bench-"));
      const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
      const { server, port } = await serveStatic(top, { routes });
      env = { context, base: `http://127.0.0.1:${port}`, close: async () => { await context.close(); server.close(); rmSync(profile, { recursive: true, force: true }); } };
    }
    await env.context.addInitScript(init);
    let worker = null;
    if (on) worker = env.context.serviceWorkers()[0] ?? await env.context.waitForEvent("serviceworker");
    for (const [label, path] of pagesToLoad) {
      for (let k = 0; k < runs; k++) {
        const page = await env.context.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(env.base + path, { waitUntil: "load", timeout: 120000 });
        if (on) await page.waitForFunction(() => document.documentElement.dataset.verbatim === "ready", null, { timeout: 120000 });
        await page.waitForTimeout(1000); // later passes, observer delivery
        const v = await page.evaluate(() => {
          const fp = performance.getEntriesByType("paint").find((e) => e.name === "first-paint")?.startTime ?? null;
          const fcp = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime ?? null;
          const nav = performance.getEntriesByType("navigation")[0];
          return { ...window.__bench, fp, fcp, dcl: nav?.domContentLoadedEventEnd, load: nav?.loadEventEnd, paragraphs: document.querySelectorAll("p").length, hidden: document.querySelectorAll("[data-verbatim-repeat]").length, marks: document.querySelectorAll("mark[data-verbatim-quote]").length };
        });
        if (on) {
          try {
            // the page's tab: brought to the front, the active tab (tab URLs may differ from page.url())
            await page.bringToFront();
            const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
            const status = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: "verbatim:status" }, { frameId: 0 }), tabId);
            v.timing = status.timing;
            v.phase = status.phase;
          } catch (e) {
            v.timing = null;
            v.statusError = String(e.message).split("\n")[0];
          }
        }
        v.errors = errors;
        (results[`${label}|${on}`] ??= []).push(v);
        await page.close();
      }
    }
    await env.close();
  }
  for (const [label] of pagesToLoad) {
    for (const on of [false, true]) {
      const rs = results[`${label}|${on}`];
      console.log(`\n${label}, extension ${on ? "ON" : "off"} (${rs.length} loads):`);
      for (const v of rs) {
        const after = v.shifts.filter(([t, , input]) => !input && v.fp !== null && t >= v.fp);
        const cls = v.shifts.filter(([, , input]) => !input).reduce((n, [, x]) => n + x, 0);
        const longs = v.long.map(([, d]) => d);
        const readyTask = v.ready === null ? null : v.long.find(([s, d]) => s <= v.ready && v.ready <= s + d + 1);
        console.log(`  load ${f(v.load, 0)} ms, first paint ${f(v.fp, 0)} ms, ` + (on ? `ready ${f(v.ready, 0)} ms (${v.phase ?? "?"}), ` : "") +
          `long tasks ${longs.length} (longest ${f(Math.max(0, ...longs), 0)} ms, total ${f(longs.reduce((a, b) => a + b, 0), 0)} ms)` +
          (on ? `, the task that made it ready: ${readyTask ? f(readyTask[1], 0) + " ms" : "< 50 ms"}` : "") +
          `; layout shifts after first paint ${after.length} (CLS ${f(cls, 4)})` +
          (on && v.timing ? `; content script: compile ${f(v.timing.compile, 1)} ms, first pass ${f(v.timing.firstPass, 1)} ms, longest step ${f(v.timing.longestPass, 1)} ms, passes ${v.timing.passes}, steps ${v.timing.steps}, waited for the page's style ${f(v.timing.waitedFrame ?? 0, 0)} ms` : "") +
          (on ? `; hidden ${v.hidden}, marks ${v.marks}` : "") + (v.errors.length ? `; page errors: ${v.errors.join(" | ")}` : "") + (v.statusError ? `; status: ${v.statusError}` : ""));
      }
    }
    const off = results[`${label}|false`];
    const onr = results[`${label}|true`];
    const maxLong = (rs) => Math.max(0, ...rs.flatMap((v) => v.long.map(([, d]) => d)));
    const countLong = (rs) => median(rs.map((v) => v.long.length));
    const shiftsAfter = (rs) => Math.max(...rs.map((v) => v.shifts.filter(([t, , i]) => !i && v.fp !== null && t >= v.fp).length));
    const passes = onr.map((v) => v.timing?.longestPass).filter((x) => typeof x === "number");
    console.log(`  => ${label}: long tasks per load (median) off ${countLong(off)}, on ${countLong(onr)}; longest off ${f(maxLong(off), 0)} ms, on ${f(maxLong(onr), 0)} ms; ` +
      `extension's longest step ${passes.length ? f(Math.max(...passes), 1) + " ms" : "-"} ` +
      `(target: no task > 50 ms from the extension: ${passes.length && Math.max(...passes) <= 50 && countLong(onr) <= countLong(off) ? "MET" : "MISSED"}); ` +
      `layout shifts after first paint, worst load: off ${shiftsAfter(off)}, on ${shiftsAfter(onr)} (target none: ${shiftsAfter(onr) === 0 ? "MET" : "MISSED"})`);
  }
}

// ---- memory of a live page -------------------------------------------------------------------------

/// Runs in the page: 1,000 steps of a live page that appends a paragraph before each (new prose, a
/// quotation every 10th, a copy of an earlier paragraph every 25th), processStep(body, 150) each time.
async function livePage({ url, steps }) {
  const m = await import(url);
  const wasm = await m.default();
  const out = { initial: Object.values(wasm).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength, times: [] };
  const article = document.createElement("article");
  document.body.append(article);
  const texts = [];
  for (let i = 0; i < steps; i++) {
    let text = `Update ${i}: the ferry operator said crossing number ${i * 7} left the northern pier on time with ${i % 40} cars aboard.`;
    if (i % 10 === 0) text = `“Crossing ${i} ran without delay,” the harbour director Olu Brandt told reporters on the quay.`;
    if (i % 25 === 0 && i > 0) text = texts[i - 20];
    texts.push(text);
    const p = document.createElement("p");
    p.textContent = text;
    article.append(p);
    const t = performance.now();
    m.processStep(document.body, 150);
    out.times.push(performance.now() - t);
  }
  out.after = Object.values(wasm).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength;
  out.hidden = document.querySelectorAll("[data-verbatim-repeat]").length;
  out.marks = document.querySelectorAll("mark[data-verbatim-quote]").length;
  m.restore(document.body);
  out.afterRestore = Object.values(wasm).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength;
  return out;
}

async function benchMemory() {
  header("memory: wasm memory of a live page, 1,000 steps appending paragraphs (Chromium)");
  const { server, port } = await serveStatic(top, {
    routes: { "/__bench/live.html": (_req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end("<!doctype html><title>live</title><body></body>"); } },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/__bench/live.html`);
  const r = await page.evaluate(livePage, { url: `http://127.0.0.1:${port}/pkg/verbatim.js`, steps: 1000 });
  await browser.close();
  server.close();
  console.log(`wasm memory: after init ${kb(r.initial)}, after 1,000 steps ${kb(r.after)}, after restore ${kb(r.afterRestore)} ` +
    `(hidden ${r.hidden}, marks ${r.marks}); step time ${stats(r.times)}; first 100 steps median ${f(median(r.times.slice(0, 100)))} ms, last 100 ${f(median(r.times.slice(-100)))} ms`);
}

// ---- the extension on the corpus pages ------------------------------------------------------------

function benchExtension() {
  header("extension on the corpus pages: DOMContentLoaded→ready, tasks (scripts/eval-extension.mjs)");
  const r = spawnSync("node", [join(top, "scripts", "eval-extension.mjs")], { cwd: top, encoding: "utf8", maxBuffer: 1 << 26 });
  console.log((r.stdout || "").trimEnd());
  if (r.status !== 0) console.log(`eval:extension exited ${r.status}: ${(r.stderr || "").trim().split("\n").slice(-3).join(" / ")}`);
}

// ---- run ------------------------------------------------------------------------------------------

if (want("pages")) await benchPages();
if (want("node")) await benchNode();
if (want("native")) benchNative();
if (want("size")) benchSize();
if (want("load")) await benchLoad();
if (want("memory")) await benchMemory();
if (want("extension")) benchExtension();
void execFileSync;
void mkdirSync;
