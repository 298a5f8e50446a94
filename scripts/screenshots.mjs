// `npm run screenshots` (after `npm run build`): the store's screenshots and the README's picture,
// made from our own sample page (www/sample/article.html, fictional) with dist/chrome loaded in
// Debian's Chromium, at the size both stores take (1280×800), in light and dark.
//
//   store/screenshots/1-reading-{light,dark}.png      the article: repeats collapsed, quotations marked, the popup
//   store/screenshots/2-quotes-only-{light,dark}.png  quotes only, narrowed to one speaker, the popup
//   store/screenshots/3-options-{light,dark}.png      the options page with the keyboard shortcuts
//   docs/before-after.png                             the same place in the article without and with Verbatim
//
// The popup is opened as a page of its own (popup.html?tab=ID) and drawn over the article where a
// browser shows it, under the toolbar's right end; the composite is made in a page of its own.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ready, top, withExtension } from "../tests/e2e/browser.mjs";

const SIZE = { width: 1280, height: 800 };
const SAMPLE = "/www/sample/article.html";
const out = join(top, "store", "screenshots");
mkdirSync(out, { recursive: true });

const browser = await withExtension();
const id = await browser.extensionId();

async function tabIdOf(page) {
  await page.bringToFront();
  return browser.inWorker(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
}

// the article column clear of the popup, which stands over the page's right-hand part
const PAGE = { width: 940, height: 800 };

async function article(scheme, viewport = PAGE) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${browser.base}${SAMPLE}`);
  await ready(page);
  return page;
}

/// The popup for `page`'s tab as a PNG of its own size; `act` may use it first.
async function popupShot(page, scheme, act = async () => {}) {
  const tabId = await tabIdOf(page);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 320, height: 700 });
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => !document.getElementById("details").hidden);
  await act(popup);
  await popup.evaluate(() => document.activeElement?.blur());
  const png = await popup.locator("body").screenshot();
  await popup.close();
  return png;
}

/// A 1280×800 picture of `layers`: [png, x, y, width?, extra css] drawn in order.
async function compose(layers, scheme, file) {
  const page = await browser.context.newPage();
  await page.setViewportSize(SIZE);
  const imgs = layers.map(([png, x, y, w, css = ""]) =>
    `<img src="data:image/png;base64,${png.toString("base64")}" style="position:absolute;left:${x}px;top:${y}px;${w ? `width:${w}px;` : ""}${css}">`).join("");
  await page.setContent(`<!doctype html><body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative;background:${scheme === "dark" ? "#17181a" : "#fff"}">${imgs}</body>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  writeFileSync(file, await page.screenshot());
  await page.close();
  console.log(`screenshots: ${file.slice(top.length + 1)}`);
}

const POPUP_CSS = (scheme) => `border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,${scheme === "dark" ? 0.7 : 0.28});border:1px solid ${scheme === "dark" ? "#3a3f47" : "#d1d9e0"}`;

for (const scheme of ["light", "dark"]) {
  // 1: reading: the first quotations and, below them, where the second copy was folded away
  {
    const page = await article(scheme);
    await page.evaluate(() => document.querySelectorAll(".article-body p")[3].scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -40));
    const shot = await page.screenshot();
    const popup = await popupShot(page, scheme);
    await compose([[shot, 0, 0], [popup, 1280 - 320 - 24, 12, 0, POPUP_CSS(scheme)]], scheme, join(out, `1-reading-${scheme}.png`));
    await page.close();
  }
  // 2: quotes only, narrowed to one speaker (chosen in the popup)
  {
    const page = await article(scheme);
    const popup = await popupShot(page, scheme, async (p) => {
      await p.locator("#speakers button").first().click();
      await page.waitForFunction(() => document.documentElement.dataset.verbatimQuotesOnly === "speaker");
    });
    await page.evaluate(() => { window.scrollTo(0, 0); document.querySelectorAll(".article-body p")[1].scrollIntoView({ block: "start" }); window.scrollBy(0, -40); });
    await page.evaluate(() => document.activeElement?.blur());
    const shot = await page.screenshot();
    await compose([[shot, 0, 0], [popup, 1280 - 320 - 24, 12, 0, POPUP_CSS(scheme)]], scheme, join(out, `2-quotes-only-${scheme}.png`));
    await page.close();
  }
  // 3: the options page
  {
    const page = await browser.context.newPage();
    await page.setViewportSize(SIZE);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.waitForFunction(() => document.querySelectorAll("#shortcuts dd").length === 3);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)); // down to the shortcuts
    writeFileSync(join(out, `3-options-${scheme}.png`), await page.screenshot());
    console.log(`screenshots: store/screenshots/3-options-${scheme}.png`);
    await page.close();
  }
}

// The README's picture: the same place in the article, where its body ends and the copy begins,
// without Verbatim (off for the site) and with it, side by side, light. Both are scrolled so that
// the caption between body and copy stands at the same height: as far down as the shorter page
// (with Verbatim) allows.
{
  const half = { width: 640, height: 760 };
  const caption = (page) => page.evaluate(() => document.querySelector("figcaption").getBoundingClientRect().top + window.scrollY);
  const after = await article("light", half);
  await after.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const y = (await caption(after)) - (await after.evaluate(() => window.scrollY));
  const afterPng = await after.screenshot();
  await after.close();
  await browser.inWorker(() => chrome.storage.sync.set({ excluded: ["127.0.0.1"] }));
  const before = await article("light", half);
  await before.evaluate((top) => window.scrollTo(0, top), (await caption(before)) - y);
  const beforePng = await before.screenshot();
  await before.close();
  await browser.inWorker(() => chrome.storage.sync.remove("excluded"));
  const label = (text, x) => `<div style="position:absolute;left:${x}px;top:0;width:640px;height:40px;font:600 16px/40px system-ui,sans-serif;text-align:center;background:#f3f5f7;color:#1f2328;border-bottom:1px solid #d1d9e0">${text}</div>`;
  const page = await browser.context.newPage();
  await page.setViewportSize(SIZE);
  await page.setContent(`<!doctype html><body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative;background:#fff">
    <img src="data:image/png;base64,${beforePng.toString("base64")}" style="position:absolute;left:0;top:40px">
    <img src="data:image/png;base64,${afterPng.toString("base64")}" style="position:absolute;left:640px;top:40px">
    ${label("Without Verbatim: the body printed twice", 0)}${label("With Verbatim: the copy folded, quotations marked", 640)}
    <div style="position:absolute;left:639px;top:0;width:2px;height:800px;background:#8a8f98"></div></body>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  writeFileSync(join(top, "docs", "before-after.png"), await page.screenshot());
  console.log("screenshots: docs/before-after.png");
  await page.close();
}

await browser.close();
