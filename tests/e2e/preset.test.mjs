// The preset (extension/settings.js, preset.js) in Chromium: registered while every setting but the
// excluded sites has its default, never run on an excluded site, withdrawn when a setting changes;
// where it runs, the content script takes its settings from it, without waiting for storage.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fixtureRoutes, ready, withExtension } from "./browser.mjs";

const ARTICLE = "/tests/e2e/fixtures/article.html";

let browser;
before(async () => { browser = await withExtension({ routes: fixtureRoutes() }); });
after(async () => { await browser?.close(); });

/// The registration as the background leaves it once it has followed the settings.
async function followed() {
  return browser.inWorker(async () => {
    await globalThis.verbatimFollowPreset();
    return (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, excludeMatches: [...(s.excludeMatches ?? [])].sort() }));
  });
}

/// A new tab on the article, ready: its content script's status, and its body against the page as served.
async function openArticle() {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.base}${ARTICLE}`);
  await ready(page);
  await page.bringToFront();
  const status = await browser.inWorker(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, { type: "verbatim:status" });
  });
  const body = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), "text/html");
    return { untouched: document.body.outerHTML === served.body.outerHTML,
      repeats: document.querySelectorAll("[data-verbatim-repeat]").length,
      marks: document.querySelectorAll("mark[data-verbatim-quote]").length };
  });
  await page.close();
  assert.deepEqual(errors, []);
  return { status, ...body };
}

test("defaults: the settings come from the preset", async () => {
  assert.deepEqual(await followed(), [{ id: "verbatim-preset", excludeMatches: [] }]);
  const r = await openArticle();
  assert.equal(r.status.phase, "active");
  assert.equal(r.status.timing.preset, true);
  assert.ok(r.repeats > 0 && r.marks > 0);
});

test("an excluded site: the preset does not run there, and the page is not touched", async () => {
  await browser.inWorker(() => chrome.storage.sync.set({ excluded: ["127.0.0.1", "example.com"] }));
  assert.deepEqual(await followed(), [{ id: "verbatim-preset", excludeMatches: ["*://*.example.com/*", "*://127.0.0.1/*"] }]);
  const r = await openArticle();
  assert.equal(r.status.phase, "off");
  assert.equal(r.status.timing.preset, false);
  assert.equal(r.untouched, true);
  await browser.inWorker(() => chrome.storage.sync.clear());
});

test("a setting changed: no preset, the setting applies from the first pass; an odd excluded entry: no preset", async () => {
  await browser.inWorker(() => chrome.storage.sync.set({ highlight: false }));
  assert.deepEqual(await followed(), []);
  const r = await openArticle();
  assert.equal(r.status.timing.preset, false);
  assert.equal(r.marks, 0);
  assert.ok(r.repeats > 0);
  // a site that no match pattern surely covers as verbatimSiteExcluded does
  await browser.inWorker(() => chrome.storage.sync.set({ highlight: true, excluded: ["[::1]"] }));
  assert.deepEqual(await followed(), []);
  await browser.inWorker(() => chrome.storage.sync.clear());
  assert.deepEqual(await followed(), [{ id: "verbatim-preset", excludeMatches: [] }]);
});

test("settings changed while the preset is still registered: the page follows the stored settings", async () => {
  // as when a change arrives by sync and a page starts before the background has followed it
  await browser.inWorker(async () => {
    await chrome.storage.sync.set({ highlight: false });
    await globalThis.verbatimFollowPreset();
    await chrome.scripting.registerContentScripts([{ id: "verbatim-preset", js: ["preset.js"], matches: ["http://*/*"], runAt: "document_start" }]).catch(() => {});
  });
  const page = await browser.context.newPage();
  await page.goto(`${browser.base}${ARTICLE}`);
  await ready(page);
  await page.waitForFunction(() => document.querySelectorAll("mark[data-verbatim-quote]").length === 0 &&
    document.querySelectorAll("[data-verbatim-repeat]").length > 0);
  await page.bringToFront();
  const status = await browser.inWorker(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, { type: "verbatim:status" });
  });
  assert.equal(status.timing.preset, true, "the page started with the preset");
  await page.close();
  await browser.inWorker(() => chrome.storage.sync.clear());
  assert.deepEqual(await followed(), [{ id: "verbatim-preset", excludeMatches: [] }]);
});
