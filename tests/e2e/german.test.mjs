// The interface follows the browser's language: Chromium in German shows the popup, the options
// page, the badge's title, the command descriptions and the words written into the page in German
// (extension/_locales/de), with the page itself untouched otherwise.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fixtureRoutes, ready, withExtension } from "./browser.mjs";

let browser;
before(async () => { browser = await withExtension({ routes: fixtureRoutes(), language: "de" }); });
after(async () => { await browser?.close(); });

test("in German: the in-page toggle, the popup, the badge's title, the options page and the shortcuts", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${browser.base}/tests/e2e/fixtures/article.html`);
  await ready(page);
  const copies = await page.locator(".copy > p").count();
  assert.deepEqual(await page.locator("button.verbatim-toggle").allTextContents(), [`${copies} wiederholte Absätze · zeigen`]);
  await page.click("button.verbatim-toggle");
  assert.deepEqual(await page.locator("button.verbatim-toggle").allTextContents(), [`${copies} wiederholte Absätze · verbergen`]);

  await page.bringToFront();
  const tabId = await browser.inWorker(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  assert.equal(await browser.inWorker((id) => chrome.action.getTitle({ tabId: id }), tabId), `Verbatim: ${copies} wiederholte Absätze ausgeblendet`);

  const id = await browser.extensionId();
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => !document.getElementById("details").hidden);
  assert.equal(await popup.evaluate(() => document.documentElement.lang), "de");
  assert.equal(await popup.textContent("h1"), "Verbatim auf dieser Seite");
  assert.equal(await popup.textContent("label:has(#quotes-only) span"), "Nur Zitate");
  assert.equal(await popup.textContent("#status"), "Aktiv auf dieser Seite.");

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.waitForFunction(() => document.querySelectorAll("#shortcuts dd").length === 3);
  assert.equal(await options.title(), "Verbatim-Einstellungen");
  assert.deepEqual((await options.locator("#shortcuts dt").allTextContents()).sort(), [
    "Alle Wiederholungen zeigen oder verbergen",
    "Nur Zitate: alles außer Zitaten und Sprechern abblenden",
    "Verbatim für diese Website ein- oder ausschalten",
  ]);
  assert.equal(await options.textContent("#change-shortcuts"), "Tastenkürzel ändern");
  await Promise.all([popup.close(), options.close(), page.close()]);
});
