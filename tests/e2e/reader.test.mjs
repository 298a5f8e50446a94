// The reader's controls of the built extension (dist/chrome) in Chromium: "quotes only" from the
// popup (only quotations and their speakers' names at full strength, nothing moved, the page given
// back byte for byte), narrowed to one speaker, the popup's speaker colours, each keyboard command
// as the browser would deliver it, the shortcuts on the options page, and the interface in German.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fixtureRoutes, ready, withExtension } from "./browser.mjs";

const ARTICLE = "/tests/e2e/fixtures/article.html";

let browser;
before(async () => { browser = await withExtension({ routes: fixtureRoutes() }); });
after(async () => { await browser?.close(); });

async function open(path) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.base}${path}`);
  await ready(page);
  return { page, errors };
}

async function tabIdOf(page) {
  await page.bringToFront();
  return browser.inWorker(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab.id;
  });
}

async function popupFor(page) {
  const tabId = await tabIdOf(page);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${await browser.extensionId()}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => document.getElementById("status").textContent !== "");
  return popup;
}

/// The page's markup and the box of every element in it.
function snapshot(page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    boxes: [...document.body.querySelectorAll("*")].map((el) => {
      const r = el.getBoundingClientRect();
      return [el.tagName, r.x, r.y, r.width, r.height].join(" ");
    }),
    scroll: [window.scrollX, window.scrollY],
  }));
}

/// Every visible run of text in the article and how strongly it is drawn: the alpha of its fill
/// colour, relative to the alpha of its own colour (1: full strength).
function strengths(page) {
  return page.evaluate(() => {
    const alpha = (c) => {
      const slash = c.match(/\/\s*([\d.]+)\s*\)$/);
      if (slash) return Number(slash[1]);
      const rgba = c.match(/^rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)\)$/);
      return rgba ? Number(rgba[1]) : 1;
    };
    const out = [];
    const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!/\S/.test(n.data) || !el.getClientRects().length || el.closest("script")) continue;
      const s = getComputedStyle(el);
      const strength = alpha(s.webkitTextFillColor) / alpha(s.color);
      const kind = el.closest("mark.verbatim-q:not(.verbatim-scare)") ? "quote"
        : el.closest("span.verbatim-who") ? "name" : "other";
      out.push({ text: n.data.trim(), kind, strength: Math.round(strength * 100) / 100,
        speaker: el.closest("mark")?.dataset.verbatimSpeaker ?? el.closest("span.verbatim-who")?.dataset.verbatimMention ?? null });
    }
    return out;
  });
}

test("quotes only from the popup: only quotations and names at full strength, nothing moves, off gives the page back byte for byte", async () => {
  const { page, errors } = await open(ARTICLE);
  const before = await snapshot(page);
  const popup = await popupFor(page);
  await popup.locator("#quotes-only").check();
  await page.waitForFunction(() => document.documentElement.dataset.verbatimQuotesOnly === "all");

  const runs = await strengths(page);
  const quotes = runs.filter((r) => r.kind === "quote");
  const names = runs.filter((r) => r.kind === "name");
  const rest = runs.filter((r) => r.kind === "other");
  assert.ok(quotes.length >= 6, `quotations: ${quotes.length}`);
  // the names are the mentions the module reported for the quotations' speakers
  assert.deepEqual(names.map((r) => r.text), await page.evaluate(() =>
    [...document.querySelectorAll("article span.verbatim-who")].filter((s) => s.getClientRects().length).map((s) => s.textContent)));
  for (const name of ["Olga Tervanen", "Paul Ostergaard"]) assert.ok(names.some((r) => r.text === name), names.map((r) => r.text).join(" | "));
  for (const r of [...quotes, ...names]) assert.equal(r.strength, 1, `full strength: ${r.text}`);
  assert.ok(rest.length > 10);
  for (const r of rest) assert.equal(r.strength, 0.3, `dimmed: ${r.text}`);

  // nothing moved, the text is still selectable
  const on = await snapshot(page);
  assert.deepEqual(on.boxes, before.boxes);
  assert.deepEqual(on.scroll, before.scroll);
  assert.equal(await page.evaluate(() => {
    const p = document.querySelector(".story p:nth-child(3)");
    getSelection().selectAllChildren(p);
    return getSelection().toString() === p.textContent;
  }), true);
  await page.evaluate(() => getSelection().removeAllRanges());

  // off: the page exactly as before
  await popup.locator("#quotes-only").uncheck();
  await page.waitForFunction(() => !("verbatimQuotesOnly" in document.documentElement.dataset));
  const off = await snapshot(page);
  assert.equal(off.html, before.html);
  assert.deepEqual(off.boxes, before.boxes);
  for (const r of await strengths(page)) assert.equal(r.strength, 1, r.text);
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test("choosing a speaker narrows quotes only to theirs; the popup shows each speaker's colour as the page does", async () => {
  const { page, errors } = await open(ARTICLE);
  const before = await snapshot(page);
  const popup = await popupFor(page);

  // the swatches: each speaker's tint and underline, as their first mark has them on the page
  const swatches = await popup.evaluate(() => [...document.querySelectorAll("#speakers button")].map((b) => {
    const s = getComputedStyle(b.querySelector(".swatch"));
    return [b.dataset.speaker, s.backgroundColor, s.borderBottomColor];
  }));
  const marks = await page.evaluate((names) => names.map((name) => {
    const m = document.querySelector(`mark[data-verbatim-speaker="${CSS.escape(name)}"]`);
    const s = getComputedStyle(m);
    return [name, s.backgroundColor, s.borderBottomColor];
  }), swatches.map((s) => s[0]));
  assert.ok(swatches.length >= 3);
  assert.deepEqual(swatches, marks);
  assert.equal(new Set(swatches.map((s) => s[2])).size, swatches.length, "one colour per speaker");

  await popup.locator('#speakers button[data-speaker="Paul Ostergaard"]').click();
  await page.waitForFunction(() => document.documentElement.dataset.verbatimQuotesOnly === "speaker");
  assert.equal(await popup.locator("#quotes-only").isChecked(), true);
  assert.equal(await popup.locator('#speakers button[data-speaker="Paul Ostergaard"]').getAttribute("aria-pressed"), "true");
  const runs = await strengths(page);
  const full = runs.filter((r) => r.strength === 1);
  assert.ok(full.length >= 3);
  assert.ok(full.every((r) => r.speaker === "Paul Ostergaard"), full.map((r) => `${r.text} (${r.speaker})`).join(" | "));
  assert.ok(full.some((r) => r.kind === "name" && r.text === "Paul Ostergaard"));
  assert.ok(runs.filter((r) => r.kind === "quote" && r.speaker !== "Paul Ostergaard").every((r) => r.strength === 0.3));
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 3000 }); // went to the first

  // the same speaker again: every speaker's quotations
  await popup.locator('#speakers button[data-speaker="Paul Ostergaard"]').click();
  await page.waitForFunction(() => document.documentElement.dataset.verbatimQuotesOnly === "all");
  assert.ok((await strengths(page)).filter((r) => r.kind !== "other").every((r) => r.strength === 1));
  await popup.locator("#quotes-only").uncheck();
  await page.waitForFunction(() => !("verbatimQuotesOnly" in document.documentElement.dataset));
  assert.equal((await snapshot(page)).html, before.html);
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test("each keyboard command, delivered as the browser does to the background script, acts on the active tab", async () => {
  const { page, errors } = await open(ARTICLE);
  const tabId = await tabIdOf(page);
  const command = (name) => browser.inWorker(([n, id]) => globalThis.verbatimCommand(n, { id }), [name, tabId]);
  const copyVisible = () => page.evaluate(() => [...document.querySelectorAll(".copy p")].every((p) => p.getClientRects().length > 0));
  const before = await snapshot(page);

  // the manifest declares them, with their suggested keys
  const commands = await browser.inWorker(() => chrome.commands.getAll());
  assert.deepEqual(commands.filter((c) => c.name !== "_execute_action").map((c) => [c.name, c.shortcut]).sort(),
    [["quotes-only", "Alt+Shift+Q"], ["show-repeats", "Alt+Shift+H"], ["toggle-site", "Alt+Shift+V"]]);

  let status = await command("quotes-only");
  assert.equal(status.quotesOnly, true);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.verbatimQuotesOnly), "all");
  status = await command("quotes-only");
  assert.equal(status.quotesOnly, false);
  assert.equal((await snapshot(page)).html, before.html);

  assert.equal(await copyVisible(), false);
  status = await command("show-repeats");
  assert.equal(status.shown, true);
  assert.equal(await copyVisible(), true);
  await command("show-repeats");
  assert.equal(await copyVisible(), false);

  // off for this site: the page as served, remembered; then on again
  const served = await page.evaluate(async () => new DOMParser().parseFromString(await (await fetch(location.href)).text(), "text/html").body.outerHTML);
  status = await command("toggle-site");
  assert.equal(status.phase, "off");
  assert.equal(await page.evaluate(() => document.body.outerHTML), served);
  assert.deepEqual((await browser.inWorker(() => chrome.storage.sync.get("excluded"))).excluded, ["127.0.0.1"]);
  status = await command("toggle-site");
  assert.equal(status.phase, "active");
  assert.deepEqual((await browser.inWorker(() => chrome.storage.sync.get("excluded"))).excluded, []);
  assert.ok(await page.locator("[data-verbatim-repeat]").count() > 0);
  assert.equal(await browser.inWorker(() => globalThis.verbatimCommand("no-such-command")), null);
  // with no quotation on the page (highlighting off), quotes only would dim everything: it stays off
  await browser.inWorker(() => chrome.storage.sync.set({ highlight: false }));
  await page.waitForFunction(() => document.querySelectorAll("mark[data-verbatim-quote]").length === 0);
  status = await command("quotes-only");
  assert.equal(status.quotesOnly, false);
  assert.equal(await page.evaluate(() => "verbatimQuotesOnly" in document.documentElement.dataset), false);
  await browser.inWorker(() => chrome.storage.sync.clear());
  assert.deepEqual(errors, []);
  await page.close();
});

test("the options page lists the keyboard shortcuts as the browser has them", async () => {
  const options = await browser.context.newPage();
  const errors = [];
  options.on("pageerror", (e) => errors.push(e.message));
  await options.goto(`chrome-extension://${await browser.extensionId()}/options.html`);
  await options.waitForFunction(() => document.querySelectorAll("#shortcuts dd").length === 3);
  const rows = await options.evaluate(() => [...document.querySelectorAll("#shortcuts dd")].map((dd) =>
    [dd.dataset.command, dd.previousElementSibling.textContent, dd.textContent]));
  assert.deepEqual(rows.sort(), [
    ["quotes-only", "Quotes only: dim all but the quotations and who said them", "Alt+Shift+Q"],
    ["show-repeats", "Show or hide all repeats", "Alt+Shift+H"],
    ["toggle-site", "Turn Verbatim on or off for this site", "Alt+Shift+V"],
  ]);
  // "Change shortcuts" opens the browser's own shortcut settings
  const [settings] = await Promise.all([browser.context.waitForEvent("page"), options.click("#change-shortcuts")]);
  await settings.waitForLoadState();
  assert.equal(settings.url(), "chrome://extensions/shortcuts");
  await settings.close();
  assert.deepEqual(errors, []);
  await options.close();
});
