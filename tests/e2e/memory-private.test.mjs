// Reading memory (issue 13): nothing is recorded from a private window, in Chromium (incognito) and
// Firefox ESR (private browsing), with the extension allowed there as a person may allow it: page A
// is read in a private window with Verbatim running there (its content script answers, with the
// memory off for that page) and nothing is stored; the same reading in a normal window is stored
// (so the test cannot pass by reading nothing at all). Fictional pages (fixtures/memory).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { withExtension, withFirefox } from "./browser.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const skip = !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}`;
const UUID = "0c7d3e41-5b2a-4f19-8e60-2d9a7c4b1f35";
const OPTIONS = `moz-extension://${UUID}/options.html`;
const PATH = "/tests/e2e/fixtures/memory";

test("Chromium: nothing is recorded from an incognito window, the same reading in a normal one is", async () => {
  const browser = await withExtension();
  try {
    const id = await browser.extensionId();
    // "Allow in Incognito" on chrome://extensions, as a person does (developer mode first: this
    // Chromium turns off an unpacked extension when its page is opened without it)
    const settings = await browser.context.newPage();
    await settings.goto(`chrome://extensions/?id=${id}`);
    await settings.locator("#devMode").click();
    await settings.locator("#allow-incognito").click();
    await settings.waitForFunction(() => document.querySelector("extensions-manager")?.shadowRoot
      ?.querySelector("extensions-detail-view")?.shadowRoot?.querySelector("#allow-incognito")?.checked === true);
    await settings.waitForTimeout(1000); // the extension reloads with the new permission
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${id}/options.html`);
    assert.equal(await ext.evaluate(() => chrome.extension.isAllowedIncognitoAccess()), true);
    const read = (incognito) => ext.evaluate(async ({ url, incognito }) => {
      await chrome.storage.sync.set({ memory: true });
      const win = await chrome.windows.create({ incognito, url });
      const tab = win.tabs[0].id;
      await new Promise((r) => setTimeout(r, 4000)); // the top of page A in view, the tab visible
      const status = await chrome.tabs.sendMessage(tab, { type: "verbatim:status" });
      await chrome.tabs.remove(tab); // leaving sends what was read
      await new Promise((r) => setTimeout(r, 1500));
      const store = await chrome.storage.local.get(null);
      return { incognito: win.incognito, phase: status.phase, memory: status.memory, read: Object.keys(store).filter((k) => k.startsWith("read:")).length };
    }, { url: `${browser.base}${PATH}/a.html`, incognito });
    assert.deepEqual(await read(true), { incognito: true, phase: "active", memory: false, read: 0 });
    assert.deepEqual(await read(false), { incognito: false, phase: "active", memory: true, read: 1 });
  } finally {
    await browser.close();
  }
});

let ff;
before(async () => {
  if (skip) return;
  ff = await withFirefox({
    systemAccess: true,
    privateBrowsing: true,
    prefs: { "extensions.webextensions.uuids": JSON.stringify({ "verbatim@verbatim.invalid": UUID }) },
  });
});
after(async () => {
  await ff?.close();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const inChrome = (script, ...args) => ff.inChrome(script, ...args);
const go = (url) => ff.go(url);

/// The add-on's storage: `area` ("local" or "sync"), read or written from its options page.
async function storage(area, set) {
  await go(OPTIONS);
  return ff.call("POST", "/execute/async", {
    script: `const done = arguments[arguments.length - 1];
      const area = browser.storage[arguments[0]];
      (arguments[1] ? area.set(arguments[1]).then(() => area.get(null)) : area.get(null)).then(done, (e) => done(String(e)));`,
    args: [area, set ?? null],
  });
}
const readKeys = (s) => Object.keys(s).filter((k) => k.startsWith("read:"));

/// Reads page A as a person would (the top, then the middle), then leaves it.
async function readA() {
  await go(`${ff.base}${PATH}/a.html`);
  const privately = await inChrome("return PrivateBrowsingUtils.isWindowPrivate(window)");
  await sleep(1600);
  await ff.run("document.getElementById('a4').scrollIntoView({ block: 'start' })");
  await sleep(2600);
  await ff.call("POST", "/url", { url: "about:blank" }); // leaving sends what was read
  await sleep(1500);
  return privately;
}

test("Firefox: nothing is recorded from a private window, the same reading in a normal one is", { skip }, async () => {
  const main = await ff.call("GET", "/window");
  assert.equal((await storage("sync", { memory: true })).memory, true);

  // a private window
  await inChrome("OpenBrowserWindow({ private: true });");
  let handles = [];
  for (let i = 0; i < 50 && handles.length < 2; i++) {
    handles = await ff.call("GET", "/window/handles");
    await sleep(100);
  }
  const privateWindow = handles.find((h) => h !== main);
  await ff.call("POST", "/window", { handle: privateWindow });
  assert.equal(await readA(), true); // read, in a private window, with Verbatim running there (go waits for it)
  await ff.call("DELETE", "/window");
  await ff.call("POST", "/window", { handle: main });
  assert.deepEqual(readKeys(await storage("local")), []);

  // the same in a normal window is remembered: five paragraphs
  assert.equal(await readA(), false);
  const s = await storage("local");
  const keys = readKeys(s);
  assert.equal(keys.length, 1, JSON.stringify(s));
  assert.equal(atob(s[keys[0]].f).length, 5 * 26);
});
