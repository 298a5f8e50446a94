// Reading memory (issue 13) end to end in Chromium: two ports of 127.0.0.1 stand for two sites.
// Page A (fixtures/memory/a.html) is read by scrolling; page B (b.html) repeats four of its
// paragraphs (one edited, the others in other quote styles and case) and one that was never
// scrolled to. Fictional pages written for this test.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ready, top, withExtension } from "./browser.mjs";
import { serveStatic } from "../../scripts/static-server.mjs";

const PATH = "/tests/e2e/fixtures/memory";
let browser;
let other; // the second "site"
let baseB;

before(async () => {
  browser = await withExtension();
  other = await serveStatic(top);
  baseB = `http://127.0.0.1:${other.port}`;
});
after(async () => {
  await browser?.close();
  other?.server.close();
});

/// The sentences of both pages, as written (to search the store for them).
function sentences() {
  const out = [];
  for (const file of ["a.html", "b.html"]) {
    const html = readFileSync(join(top, "tests", "e2e", "fixtures", "memory", file), "utf8");
    for (const [, text] of html.matchAll(/<p id="\w+">([^<]+)<\/p>/g)) {
      out.push(...text.split(/(?<=[.,;])\s+/).map((s) => s.trim()).filter((s) => s.length > 12));
    }
  }
  return out;
}

async function open(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await ready(page);
  return page;
}

/// Reads page A as a person would: the top for a while, then the middle; never the bottom.
async function readA(page) {
  await page.waitForTimeout(1600);
  await page.evaluate(() => document.getElementById("a4").scrollIntoView({ block: "start" }));
  await page.waitForTimeout(1600);
  await page.close({ runBeforeUnload: true }); // pagehide sends what was read
}

const store = () => browser.inWorker(() => chrome.storage.local.get(null));
const readKeys = (s) => Object.keys(s).filter((k) => k.startsWith("read:"));

/// Page B's state: which paragraphs are hidden, the toggles, what data-verbatim-read says.
function stateB(page) {
  return page.evaluate(() => {
    const ps = [...document.querySelectorAll("article > p")];
    return {
      hidden: ps.filter((p) => p.getClientRects().length === 0).map((p) => p.id),
      read: ps.filter((p) => p.hasAttribute("data-verbatim-read")).map((p) => [p.id, p.dataset.verbatimRepeat, p.dataset.verbatimRead]),
      toggles: [...document.querySelectorAll("[data-verbatim-toggle]")].map((b) => [b.textContent, b.dataset.verbatimRead ?? null]),
    };
  });
}

async function optionsPage() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${await browser.extensionId()}/options.html`);
  await page.waitForFunction(() => document.getElementById("memory-size").textContent !== "");
  return page;
}

test("reading memory off (the default): reading A records nothing, B shows everything", async () => {
  await readA(await open(`${browser.base}${PATH}/a.html`));
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(readKeys(await store()), []);
  const b = await open(`${baseB}${PATH}/b.html`);
  assert.deepEqual(await stateB(b), { hidden: [], read: [], toggles: [] });
  await b.close();
});

test("reading memory on: A read by scrolling is remembered as fingerprints only; B collapses it; A reopened hides nothing", async () => {
  // the switch, by keyboard, labelled
  const options = await optionsPage();
  const sw = options.getByRole("switch", { name: "Remember what I've read" });
  assert.equal(await sw.isChecked(), false);
  await sw.focus();
  await options.keyboard.press("Space");
  await options.waitForFunction(async () => (await chrome.storage.sync.get("memory")).memory === true);
  await options.close();

  await readA(await open(`${browser.base}${PATH}/a.html`));
  let s;
  for (let i = 0; i < 40; i++) {
    s = await store();
    if (readKeys(s).length && s[readKeys(s)[0]].f.length >= Math.ceil((5 * 26) / 3) * 4) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const keys = readKeys(s);
  assert.equal(keys.length, 1, JSON.stringify(s));
  const record = s[keys[0]];
  assert.equal(record.s, new URL(browser.base).host);
  // five paragraphs were in view long enough; the sixth (never scrolled to) was not read
  assert.equal(atob(record.f).length, 5 * 26);
  // the store holds no page text
  const json = JSON.stringify(s).toLowerCase();
  for (const sentence of sentences()) assert.ok(!json.includes(sentence.toLowerCase()), sentence);
  for (const word of ["lantern", "oskarvik", "meadow", "lindqvist", "festival"]) assert.ok(!json.includes(word), word);

  // B, another site: the four paragraphs read on A collapse behind one labelled toggle
  const b = await open(`${baseB}${PATH}/b.html`);
  const state = await stateB(b);
  const hostA = new URL(browser.base).host;
  assert.deepEqual(state.hidden, ["b2", "b3", "b4", "b5"]);
  assert.deepEqual(state.read.map(([id, kind]) => [id, kind]), [["b2", "exact"], ["b3", "exact"], ["b4", "exact"], ["b5", "near"]]);
  for (const [, , where] of state.read) assert.match(where, new RegExp(`^${hostA.replace(/\./g, "\\.")} \\d{4}-\\d\\d-\\d\\dT`));
  assert.equal(state.toggles.length, 1);
  assert.equal(state.toggles[0][0], `4 paragraphs you read today on ${hostA} · show`);
  assert.equal(state.toggles[0][1], state.read[0][2]);
  // the toggle shows them
  await b.click("[data-verbatim-toggle]");
  assert.deepEqual((await stateB(b)).hidden, []);

  // the popup says how many and where
  await b.bringToFront();
  const tabId = await browser.inWorker(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${await browser.extensionId()}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => document.getElementById("read-title").textContent !== "");
  assert.equal(await popup.textContent("#read-title"), "You read 4 paragraphs of this page before:");
  assert.deepEqual(await popup.$$eval("#read-list li", (l) => l.map((li) => li.textContent)), [`4 today on ${hostA}`]);
  assert.equal(await popup.getByRole("switch", { name: "Remember what I've read" }).isChecked(), true);
  await popup.close();
  await b.close();

  // A again: read there, so nothing is hidden there
  const a = await open(`${browser.base}${PATH}/a.html`);
  assert.equal(await a.evaluate(() => document.querySelectorAll("[data-verbatim-read], [data-verbatim-repeat]").length), 0);
  await a.close();
});

test("Forget everything empties the memory at once; B shows everything again", async () => {
  const options = await optionsPage();
  // A's five, and whatever of B stayed in view long enough while it was open
  assert.match(await options.textContent("#memory-size"), /Remembered: ([5-9]|1\d) paragraphs from [12] pages, [\d.]+ kB/);
  const forget = options.getByRole("button", { name: "Forget everything" });
  await forget.focus();
  await options.keyboard.press("Enter");
  await options.waitForFunction(() => /^Forgotten/.test(document.getElementById("memory-size").textContent));
  assert.match(await options.textContent("#memory-size"), /Remembered: 0 paragraphs/);
  assert.deepEqual(readKeys(await store()), []);
  await options.close();
  const b = await open(`${baseB}${PATH}/b.html`);
  const state = await stateB(b);
  assert.deepEqual(state.hidden, []);
  assert.deepEqual(state.read, []);
  await b.close();
});
