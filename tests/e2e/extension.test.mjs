// The built extension (dist/chrome) in a real Chromium, on pages served from 127.0.0.1.
// The fixtures in tests/e2e/fixtures are fictional pages written for these tests.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fixtureRoutes, ready, withExtension } from "./browser.mjs";

const FIXTURES = "/tests/e2e/fixtures";

let browser;
before(async () => { browser = await withExtension({ routes: fixtureRoutes() }); });
after(async () => { await browser?.close(); });

/// A new tab on `path`, with page errors collected.
async function open(path) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.base}${path}`);
  await ready(page);
  return { page, errors };
}

/// Waits (up to 5 s) until storage.sync holds `excluded`.
async function remembered(excluded) {
  const want = JSON.stringify(excluded);
  let got;
  for (let i = 0; i < 50; i++) {
    got = JSON.stringify((await browser.inWorker(() => chrome.storage.sync.get("excluded"))).excluded ?? []);
    if (got === want) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(got, want, "the excluded sites in storage.sync");
}

/// The state of the article fixture: the first copy, the second copy, the marks.
function articleState(page) {
  return page.evaluate(() => {
    const [story, copy] = document.querySelectorAll(".story");
    const visible = (el) => el.getClientRects().length > 0;
    const ps = (el) => [...el.querySelectorAll(":scope > p")];
    return {
      storyHidden: ps(story).filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
      storyVisible: ps(story).every(visible),
      copyHidden: ps(copy).filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
      copyVisible: ps(copy).filter(visible).length,
      paragraphs: ps(copy).length,
      marks: [...story.querySelectorAll("mark[data-verbatim-quote]")].map((m) => [m.textContent, m.dataset.verbatimSpeaker]),
      probe: window.__probe,
    };
  });
}

/// The browser's tab id of `page` (brought to the front: the active tab).
async function tabIdOf(page) {
  await page.bringToFront();
  return browser.inWorker(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab.id;
  });
}

/// The popup page in a tab of its own, aimed at the tab of `page`.
async function popupFor(page) {
  const tabId = await tabIdOf(page);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${await browser.extensionId()}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => document.getElementById("status").textContent !== "");
  return popup;
}

test("the www sample printed twice: second copy hidden, first visible, quotes marked", async () => {
  const { page, errors } = await open("/www/sample/article.html");
  const state = await page.evaluate(() => {
    const [first, second] = document.querySelectorAll(".article-body");
    const ps = (el) => [...el.querySelectorAll(":scope > p")];
    return {
      firstHidden: ps(first).filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
      secondHidden: ps(second).filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
      paragraphs: ps(second).length,
      toggles: [...document.querySelectorAll("button.verbatim-toggle")].map((b) => b.textContent),
      marks: [...first.querySelectorAll("mark[data-verbatim-quote]")].map((m) => m.textContent),
    };
  });
  assert.equal(state.firstHidden, 0);
  assert.equal(state.secondHidden, state.paragraphs);
  assert.deepEqual(state.toggles, [`${state.paragraphs} repeated paragraphs · show`]);
  assert.ok(state.marks.includes("“We are choosing a place to meet,”"), state.marks.join(" | "));
  assert.deepEqual(errors, []);
  await page.close();
});

test("static article printed twice: repeats hidden before ready and never painted, quotes marked, badge set", async () => {
  const { page, errors } = await open(`${FIXTURES}/article.html`);
  const state = await articleState(page);
  assert.equal(state.storyHidden, 0, "nothing of the first copy is hidden");
  assert.equal(state.storyVisible, true);
  assert.equal(state.copyHidden, state.paragraphs, "every paragraph of the second copy is hidden");
  assert.equal(state.copyVisible, 0);
  assert.equal(state.probe.atReady.hidden, state.paragraphs, "hidden when ready was said");
  assert.equal(state.probe.atReady.loading, true, "the early pass ran while the parser waited for a script");
  assert.ok(state.probe.atReady.marks > 0, "quotes marked when ready was said");
  assert.equal(state.probe.framesWithVisibleRepeats, 0, `repeats rendered in ${state.probe.framesWithVisibleRepeats} frames`);
  const speakers = Object.fromEntries(state.marks);
  assert.equal(speakers["“Half of my customers come over that bridge before nine,”"], "Paul Ostergaard");
  assert.ok(state.marks.some(([, s]) => s === "Olga Tervanen"), JSON.stringify(state.marks));
  const tabId = await tabIdOf(page);
  await page.waitForTimeout(100); // the badge message goes through the background worker
  assert.equal(await browser.inWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId), String(state.paragraphs), "the badge counts the repeats hidden");
  // the module was compiled off the main thread (WebAssembly.compile) before the first pass needed it
  const popup = await popupFor(page);
  const status = await popup.evaluate((tab) => chrome.tabs.sendMessage(tab, { type: "verbatim:status" }), tabId);
  assert.equal(status.engine, "wasm");
  assert.ok(status.timing.compileAsync > 0, JSON.stringify(status.timing));
  await popup.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page not painted yet with much to style: the first pass waits inside its first rendering, before the paint", async () => {
  // restyleAhead "paint": the page computes its own first style and layout, the pass runs after them
  // (a ResizeObserver's report) and before the paint, so the copy is never painted
  const { page, errors } = await open(`${FIXTURES}/crowded.html`);
  const state = await articleState(page);
  assert.equal(state.copyHidden, state.paragraphs, "every paragraph of the second copy is hidden");
  assert.equal(state.storyHidden, 0);
  assert.equal(state.probe.atReady.hidden, state.paragraphs, "hidden when ready was said");
  assert.equal(state.probe.framesWithVisibleRepeats, 0, `repeats rendered in ${state.probe.framesWithVisibleRepeats} frames`);
  const tabId = await tabIdOf(page);
  const status = await browser.inWorker((id) => chrome.tabs.sendMessage(id, { type: "verbatim:status" }), tabId);
  assert.ok(status.timing.unstyled > 8000, JSON.stringify(status.timing));
  assert.ok(status.timing.waitedFrame > 0, `the first pass waited for the page's rendering: ${JSON.stringify(status.timing)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a live page appending paragraphs for seconds: every late repeat collapses", async () => {
  const { page, errors } = await open(`${FIXTURES}/live.html`);
  await page.waitForFunction(() => window.__liveDone === true, null, { timeout: 10000 });
  // the last entry arrived in the last frame or so: give the observer's batch a frame or two
  await page.waitForFunction(() => [...document.querySelectorAll(".copy p")].every((p) => p.hasAttribute("data-verbatim-repeat")), null, { timeout: 3000 })
    .catch(() => {});
  const state = await page.evaluate(() => ({
    copies: document.querySelectorAll(".copy p").length,
    hidden: [...document.querySelectorAll(".copy p")].filter((p) => p.hasAttribute("data-verbatim-repeat") && p.getClientRects().length === 0).length,
    originalsHidden: [...document.querySelectorAll(".entry:not(.copy) p")].filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
    marks: document.querySelectorAll("mark[data-verbatim-quote]").length,
  }));
  assert.equal(state.copies, 4);
  assert.equal(state.hidden, 4, "all four late copies collapsed");
  assert.equal(state.originalsHidden, 0);
  assert.ok(state.marks >= 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a flood of mutations: one rescan, not one pass per node, and the repeat in it collapses", async () => {
  const { page, errors } = await open(`${FIXTURES}/live.html`);
  const tabId = await tabIdOf(page);
  const status = () => browser.inWorker((id) => chrome.tabs.sendMessage(id, { type: "verbatim:status" }), tabId);
  await page.waitForFunction(() => window.__liveDone === true, null, { timeout: 10000 });
  await page.waitForTimeout(100);
  const before = (await status()).timing.passes;
  await page.evaluate(() => {
    const feed = document.getElementById("feed");
    for (let i = 0; i < 3000; i++) {
      const div = document.createElement("div");
      div.textContent = `Reading ${i}: the gauge at Millbeck, ${(i % 97) + 100} centimetres.`;
      feed.append(div);
    }
    const copy = document.createElement("p");
    copy.className = "flooded";
    copy.textContent = document.querySelector(".entry p").textContent;
    feed.append(copy);
  });
  await page.waitForFunction(() => document.querySelector(".flooded").hasAttribute("data-verbatim-repeat"), null, { timeout: 5000 });
  const after = (await status()).timing.passes;
  assert.ok(after - before <= 2, `${after - before} passes for one flood`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a huge article printed twice is processed in steps, one task each: every copy collapses, no original", async () => {
  const { page, errors } = await open(`${FIXTURES}/huge.html`);
  const tabId = await tabIdOf(page);
  await page.waitForFunction(() => [...document.querySelectorAll(".copy p")].every((p) => p.hasAttribute("data-verbatim-repeat")), null, { timeout: 30000 });
  const state = await page.evaluate(() => ({
    copies: document.querySelectorAll(".copy p").length,
    hidden: [...document.querySelectorAll(".copy p")].filter((p) => p.getClientRects().length === 0).length,
    originalsHidden: [...document.querySelectorAll(".story p")].filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
  }));
  assert.deepEqual(state, { copies: 1500, hidden: 1500, originalsHidden: 0 });
  const status = await browser.inWorker((id) => chrome.tabs.sendMessage(id, { type: "verbatim:status" }), tabId);
  assert.ok(status.timing.steps >= 10, `${status.timing.steps} steps for 3,000 paragraphs`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page whose CSP forbids WebAssembly: the wasm2js build of the same module does the work", async () => {
  const before = browser.requests.length;
  const { page, errors } = await open(`${FIXTURES}/csp/article.html`);
  const state = await articleState(page);
  assert.equal(state.copyHidden, state.paragraphs);
  assert.equal(state.storyHidden, 0);
  assert.ok(state.marks.length > 0, "quotes marked");
  const loaded = browser.requests.slice(before).filter((u) => u.startsWith("chrome-extension://")).map((u) => u.split("/").pop());
  assert.ok(loaded.includes("verbatim_wasm2js.js"), `fallback loaded: ${loaded}`);
  const popup = await popupFor(page);
  assert.equal(await popup.locator("#engine").isVisible(), true, "the popup says the JavaScript build runs here");
  await popup.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the page's own click handlers and form keep working after processing", async () => {
  const { page, errors } = await open(`${FIXTURES}/form.html`);
  assert.ok(await page.locator("mark[data-verbatim-quote]").count() > 0, "quotes marked");
  await page.click("#like");
  await page.click("#like");
  assert.equal(await page.textContent("#likes"), "2");
  await page.fill("#name", "Ada");
  await page.fill("#text", "Keep the stop where it is.");
  await page.click("#letter button[type=submit]");
  assert.equal(await page.textContent("#sent"), "Thank you, Ada: 26 characters received.");
  assert.ok(page.url().endsWith("/form.html"), "the form's own handler ran (no navigation)");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a failure inside Verbatim: it stands down, the page keeps working, the popup says so", async () => {
  const { page, errors } = await open(`${FIXTURES}/form.html`);
  // Fault injection from outside: in the content script's own world (found through the DevTools
  // protocol), make every DOM walk throw. The next pass fails inside the module's walker.
  const cdp = await page.context().newCDPSession(page);
  const worlds = [];
  cdp.on("Runtime.executionContextCreated", ({ context }) => worlds.push(context));
  await cdp.send("Runtime.enable");
  const world = worlds.find((c) => c.auxData?.type === "isolated" && c.origin.startsWith("chrome-extension://"));
  assert.ok(world, "the content script's world");
  await cdp.send("Runtime.evaluate", {
    contextId: world.id,
    expression: `Object.defineProperty(Node.prototype, "firstChild", { get() { throw new Error("injected fault"); } })`,
  });
  await page.evaluate(() => {
    const p = document.createElement("p");
    p.textContent = "A late letter asked whether the trams would run through the night on the weekends of the summer festival.";
    document.querySelector("article").append(p);
  });
  const popup = await popupFor(page);
  await popup.waitForFunction(() => document.getElementById("status").className === "warn");
  assert.match(await popup.textContent("#status"), /injected fault/);
  await page.click("#like");
  assert.equal(await page.textContent("#likes"), "1");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.verbatim), "ready");
  assert.deepEqual(errors, []);
  await cdp.detach();
  await popup.close();
  await page.close();
});

test("popup: counts and speakers, show all, and turning the site off restores the page byte for byte", async () => {
  const { page, errors } = await open(`${FIXTURES}/article.html`);
  const popup = await popupFor(page);
  const state = await articleState(page);
  assert.equal(await popup.textContent("#repeats"), String(state.paragraphs));
  const speakers = await popup.locator("#speakers button").allTextContents();
  assert.ok(speakers.some((s) => s.startsWith("Paul Ostergaard")), speakers.join(" | "));

  // click a speaker (keyboard): the page scrolls to the first quotation
  await popup.locator("#speakers button").last().focus();
  await popup.keyboard.press("Enter");
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 3000 });

  // show all repeats, then hide them again
  await popup.locator("#show").check();
  assert.equal(await page.evaluate(() => [...document.querySelectorAll(".copy p")].every((p) => p.getClientRects().length > 0)), true);
  await popup.locator("#show").uncheck();
  assert.equal(await page.evaluate(() => [...document.querySelectorAll(".copy p")].some((p) => p.getClientRects().length > 0)), false);

  // off for this site: the page is as it was served, at once
  await popup.locator("#site").uncheck();
  await page.waitForFunction(() => !document.querySelector("[data-verbatim-repeat], mark[data-verbatim-quote], [data-verbatim-ui]"));
  await remembered(["127.0.0.1"]);
  // the page as served: the same source parsed again (its scripts do not change the markup)
  const now = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), "text/html");
    return { head: document.head.outerHTML, body: document.body.outerHTML, servedHead: served.head.outerHTML, servedBody: served.body.outerHTML };
  });
  assert.equal(now.body, now.servedBody);
  assert.equal(now.head, now.servedHead);
  assert.equal(await popup.locator("#details").isVisible(), false);

  // remembered: a reload leaves the page alone
  await page.reload();
  await ready(page);
  assert.equal(await page.locator("[data-verbatim-repeat]").count(), 0);

  // and on again
  await popup.reload();
  await popup.waitForFunction(() => document.getElementById("status").textContent !== "");
  // (and the popup closed at once, as Escape right after the switch does: the choice is kept)
  await popup.locator("#site").check();
  await popup.close();
  await page.waitForFunction(() => document.querySelectorAll("[data-verbatim-repeat]").length > 0);
  await remembered([]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("options apply to open pages: highlight off, one colour, then back", async () => {
  const { page } = await open(`${FIXTURES}/article.html`);
  await browser.inWorker(() => chrome.storage.sync.set({ highlight: false }));
  // (the settled state: the page is restored and processed again, and "no marks" alone also
  // holds between the two, before the repeats are collapsed again)
  await page.waitForFunction(() => document.querySelectorAll("mark[data-verbatim-quote]").length === 0 &&
    document.querySelectorAll("[data-verbatim-repeat]").length > 0);
  assert.ok(await page.locator("[data-verbatim-repeat]").count() > 0, "repeats stay collapsed");
  await browser.inWorker(() => chrome.storage.sync.set({ highlight: true, colours: "one" }));
  await page.waitForFunction(() => document.querySelectorAll("mark[data-verbatim-quote]").length > 0 &&
    document.documentElement.dataset.verbatimColours === "one");
  const lines = await page.evaluate(() => new Set([...document.querySelectorAll("mark.verbatim-q:not(.verbatim-scare)")]
    .map((m) => getComputedStyle(m).borderBottomColor)).size);
  assert.equal(lines, 1, "one colour for every speaker");
  await browser.inWorker(() => chrome.storage.sync.clear());
  await page.close();
});

test("options page: keyboard-operable controls save to storage.sync", async () => {
  const options = await browser.context.newPage();
  const errors = [];
  options.on("pageerror", (e) => errors.push(e.message));
  await options.goto(`chrome-extension://${await browser.extensionId()}/options.html`);
  await options.waitForFunction(() => document.getElementById("similarity-help").textContent !== "");
  await options.focus("#collapse");
  await options.keyboard.press("Space");
  await options.fill("#excluded", "https://www.Example.com/news\nnot a site!\nnews.example.org");
  await options.locator("#excluded").blur();
  await options.waitForFunction(() => document.getElementById("saved").textContent !== "");
  const stored = await browser.inWorker(() => chrome.storage.sync.get(null));
  assert.equal(stored.collapse, false);
  assert.deepEqual(stored.excluded, ["example.com", "news.example.org"]);
  assert.match(await options.textContent("#saved"), /not a site!/);
  await browser.inWorker(() => chrome.storage.sync.clear());
  assert.deepEqual(errors, []);
  await options.close();
});

test("a page that is not an article is skipped, ready, without instantiating or running the module", async () => {
  const { page, errors } = await open(`${FIXTURES}/app.html`);
  assert.equal(await page.locator("[data-verbatim-repeat], mark[data-verbatim-quote]").count(), 0);
  const popup = await popupFor(page);
  assert.equal(await popup.textContent("#status"), await popup.evaluate(() => chrome.i18n.getMessage("statusSkipped")));
  const status = await popup.evaluate((tab) => chrome.tabs.sendMessage(tab, { type: "verbatim:status" }),
    Number(new URL(popup.url()).searchParams.get("tab")));
  assert.equal(status.phase, "skipped");
  assert.equal(status.engine, "", "the module was never instantiated");
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test("no network requests: only the 127.0.0.1 pages and the extension's own files", () => {
  const foreign = browser.requests.filter((u) => !u.startsWith(`${browser.base}/`) && !u.startsWith("chrome-extension://"));
  assert.deepEqual(foreign, []);
  // the log does see the extension's own loads (the CSP page's fallback)
  assert.ok(browser.requests.some((u) => u.startsWith("chrome-extension://") && u.endsWith("verbatim_wasm2js.js")));
});
