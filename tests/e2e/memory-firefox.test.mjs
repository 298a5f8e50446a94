// Reading memory (issue 13) end to end in Firefox ESR: the same pages and steps as
// memory.test.mjs, through geckodriver's HTTP API. The add-on's internal UUID is fixed by a pref, and its options
// page is opened through the browser's chrome (WebDriver may not navigate there itself).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { top, withFirefox } from "./browser.mjs";
import { serveStatic } from "../../scripts/static-server.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const skip = !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}`;
const UUID = "6f1b5a52-1c1e-4d2a-9a51-6e0c2d1f7b13";
const OPTIONS = `moz-extension://${UUID}/options.html`;
const PATH = "/tests/e2e/fixtures/memory";

let ff;
let other;
let baseB;
before(async () => {
  if (skip) return;
  ff = await withFirefox({ systemAccess: true, prefs: { "extensions.webextensions.uuids": JSON.stringify({ "verbatim@verbatim.invalid": UUID }) } });
  other = await serveStatic(top);
  baseB = `http://127.0.0.1:${other.port}`;
});
after(async () => {
  await ff?.close();
  other?.server.close();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const go = (url, ready) => ff.go(url, ready);

/// Reads page A: the top, then the middle; never the bottom. Leaving the page sends what was read.
async function readA() {
  await go(`${ff.base}${PATH}/a.html`);
  await sleep(1600);
  await ff.run("document.getElementById('a4').scrollIntoView({ block: 'start' })");
  await sleep(2600);
}

/// The add-on's storage.local, read from its options page.
async function store() {
  await go(OPTIONS, false);
  return ff.call("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; browser.storage.local.get(null).then(done, (e) => done(String(e)));",
    args: [],
  });
}
const readKeys = (s) => Object.keys(s).filter((k) => k.startsWith("read:"));

async function stateB() {
  await go(`${baseB}${PATH}/b.html`);
  return ff.run(`
    const ps = [...document.querySelectorAll("article > p")];
    return {
      hidden: ps.filter((p) => p.getClientRects().length === 0).map((p) => p.id),
      read: ps.filter((p) => p.hasAttribute("data-verbatim-read")).map((p) => p.id),
      toggles: [...document.querySelectorAll("[data-verbatim-toggle]")].map((b) => b.textContent),
    };`);
}

/// Focuses an element of the options page and presses a key on it.
async function press(selector, key) {
  const el = await ff.call("POST", "/element", { using: "css selector", value: selector });
  const id = Object.values(el)[0];
  await ff.call("POST", `/element/${id}/value`, { text: key });
}

test("Firefox: memory off reads nothing; on, A read by scrolling collapses on B, not on A; Forget everything", { skip }, async () => {
  // off (the default)
  await readA();
  assert.deepEqual(readKeys(await store()), []);
  assert.deepEqual(await stateB(), { hidden: [], read: [], toggles: [] });

  // on, by keyboard on the options page
  await go(OPTIONS, false);
  await press("#memory", " ");
  for (let i = 0; i < 30 && !(await ff.run("return document.getElementById('memory').checked")); i++) await sleep(100);
  await sleep(300);
  await readA();
  const s = await store();
  const keys = readKeys(s);
  assert.equal(keys.length, 1, JSON.stringify(s));
  assert.equal(atob(s[keys[0]].f).length, 5 * 26);
  const json = JSON.stringify(s).toLowerCase();
  for (const word of ["lantern", "oskarvik", "meadow", "lindqvist", "festival", "market square"]) assert.ok(!json.includes(word), word);

  const hostA = new URL(ff.base).host;
  const state = await stateB();
  assert.deepEqual(state.hidden, ["b2", "b3", "b4", "b5"]);
  assert.deepEqual(state.read, ["b2", "b3", "b4", "b5"]);
  assert.deepEqual(state.toggles, [`4 paragraphs you read today on ${hostA} · show`]);

  await go(`${ff.base}${PATH}/a.html`);
  assert.equal(await ff.run("return document.querySelectorAll('[data-verbatim-read], [data-verbatim-repeat]').length"), 0);

  // Forget everything, by keyboard
  await go(OPTIONS, false);
  await press("#forget", "\uE007"); // Enter
  for (let i = 0; i < 30 && !/^Forgotten/.test(await ff.run("return document.getElementById('memory-size').textContent")); i++) await sleep(100);
  assert.match(await ff.run("return document.getElementById('memory-size').textContent"), /Remembered: 0 paragraphs/);
  assert.deepEqual(readKeys(await store()), []);
  assert.deepEqual(await stateB(), { hidden: [], read: [], toggles: [] });
});
