// The built extension in a real Chromium, on pages served from 127.0.0.1.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ready, withExtension } from "./browser.mjs";

let browser;
before(async () => { browser = await withExtension(); });
after(async () => { await browser?.close(); });

test("an article printed twice: second copy hidden, first visible, quotes marked, ready set", async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.base}/www/sample/article.html`);
  await ready(page);
  const state = await page.evaluate(() => {
    const [first, second] = document.querySelectorAll(".article-body");
    const visible = (el) => el.getClientRects().length > 0;
    return {
      firstHidden: [...first.querySelectorAll(":scope > p")].filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
      firstVisible: [...first.querySelectorAll(":scope > p")].every(visible),
      secondHidden: [...second.querySelectorAll(":scope > p")].filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
      secondVisible: [...second.querySelectorAll(":scope > p")].filter(visible).length,
      paragraphs: second.querySelectorAll(":scope > p").length,
      toggles: [...document.querySelectorAll("button.verbatim-toggle")].map((b) => b.textContent),
      marks: [...first.querySelectorAll("mark[data-verbatim-quote]")].map((m) => m.textContent),
    };
  });
  assert.equal(state.firstHidden, 0);
  assert.equal(state.firstVisible, true);
  assert.equal(state.secondHidden, state.paragraphs);
  assert.equal(state.secondVisible, 0);
  assert.deepEqual(state.toggles, [`${state.paragraphs} repeated paragraphs · show`]);
  assert.ok(state.marks.includes("“We are choosing a place to meet,”"), state.marks.join(" | "));
  assert.ok(state.marks.includes("“managed calm”"));
  assert.deepEqual(errors, []);
  await page.close();
});
