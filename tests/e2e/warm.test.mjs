// `warmUp()` of pkg/verbatim.js (src/warm.js) in Chromium: a worker given the page's compiled
// module runs the analysis over invented text; afterwards `process` gives the page exactly what it
// gives without the warm-up. Before `init()` there is no module to warm: -1 at once.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, top } from "./browser.mjs";
import { serveStatic } from "../../scripts/static-server.mjs";

let browser;
let server;
let base;
before(async () => {
  let port;
  ({ server, port } = await serveStatic(top, {}));
  base = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/// Loads the sample article, optionally warms up, processes it: the warm-up's answer, the summary
/// and the page's markup after `process`.
async function run(warm) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/www/sample/article.html`);
  const out = await page.evaluate(async ([url, warm]) => {
    const m = await import(url);
    const before = await m.warmUp();
    await m.default();
    const ms = warm ? await m.warmUp() : null;
    const summary = m.process(document.body);
    return { before, ms, summary, html: document.body.outerHTML };
  }, [`${base}/pkg/verbatim.js`, warm]);
  await page.close();
  assert.deepEqual(errors, []);
  return out;
}

test("warmUp runs in a worker and changes nothing process does", async () => {
  const cold = await run(false);
  const warm = await run(true);
  assert.equal(cold.before, -1, "no module before init");
  assert.equal(typeof warm.ms, "number");
  assert.ok(warm.ms > 0, `the worker ran (${warm.ms})`);
  assert.equal(warm.summary.repeats, 15);
  assert.equal(warm.summary.quotes, 11);
  assert.deepEqual(warm.summary, cold.summary);
  assert.equal(warm.html, cold.html);
});
