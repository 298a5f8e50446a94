// The built extension (dist/firefox) in Firefox ESR, installed as a temporary add-on through
// geckodriver's own HTTP API (plain fetch; no client that downloads drivers).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fixtureRoutes, withFirefox } from "./browser.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const skip = !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}`;

let firefox;
before(async () => { if (!skip) firefox = await withFirefox({ routes: fixtureRoutes({ slowMs: 200 }), systemAccess: true }); });
after(async () => { await firefox?.close(); });

async function openReady(path) {
  await firefox.call("POST", "/url", { url: `${firefox.base}${path}` });
  for (let i = 0; i < 150; i++) {
    if (await firefox.run("return document.documentElement.dataset.verbatim === 'ready'")) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready: ${path}`);
}

test("Firefox: the static article printed twice is collapsed and highlighted", { skip }, async () => {
  await openReady("/tests/e2e/fixtures/article.html");
  const state = await firefox.run(`
    const [story, copy] = document.querySelectorAll(".story");
    const ps = (el) => [...el.querySelectorAll(":scope > p")];
    return {
      storyHidden: ps(story).filter((p) => p.hasAttribute("data-verbatim-repeat")).length,
      copyHidden: ps(copy).filter((p) => p.hasAttribute("data-verbatim-repeat") && p.getClientRects().length === 0).length,
      paragraphs: ps(copy).length,
      speakers: [...story.querySelectorAll("mark[data-verbatim-quote]")].map((m) => m.dataset.verbatimSpeaker),
    };`);
  assert.equal(state.storyHidden, 0);
  assert.equal(state.copyHidden, state.paragraphs);
  assert.ok(state.speakers.includes("Paul Ostergaard"), state.speakers.join(", "));
});

test("Firefox: a page whose CSP forbids WebAssembly still works (Firefox lets content scripts compile it)", { skip }, async () => {
  await openReady("/tests/e2e/fixtures/csp/article.html");
  const state = await firefox.run(`return {
    hidden: document.querySelectorAll(".copy [data-verbatim-repeat]").length,
    marks: document.querySelectorAll("mark[data-verbatim-quote]").length,
  };`);
  assert.ok(state.hidden > 0);
  assert.ok(state.marks > 0);
});

/// Presses one of the extension's keyboard shortcuts as Firefox does: the browser window's <key>
/// element for it (in Verbatim's keyset) fires its "command" event, whose listener passes the
/// command to the background script.
async function shortcut(key) {
  await firefox.call("POST", "/moz/context", { context: "chrome" });
  try {
    return await firefox.run(`
      const keyset = document.querySelector('[id^="ext-keyset-id-verbatim"]');
      const el = [...keyset.children].find((k) => k.getAttribute("key").toUpperCase() === arguments[0] && k.getAttribute("modifiers") === "alt,shift");
      el.dispatchEvent(new Event("command"));
      return true;`, key);
  } finally {
    await firefox.call("POST", "/moz/context", { context: "content" });
  }
}

async function until(script, want) {
  let got;
  for (let i = 0; i < 50; i++) {
    got = await firefox.run(script);
    if (JSON.stringify(got) === JSON.stringify(want)) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  return got;
}

test("Firefox: quotes only (Alt+Shift+Q) dims all but the quotations and names; again gives the page back byte for byte", { skip }, async () => {
  await openReady("/tests/e2e/fixtures/article.html");
  const before = await firefox.run("return document.documentElement.outerHTML");
  const boxes = "return [...document.body.querySelectorAll('*')].map((el) => { const r = el.getBoundingClientRect(); return [el.tagName, r.x, r.y, r.width, r.height].join(' '); })";
  const boxesBefore = await firefox.run(boxes);
  await shortcut("Q");
  assert.equal(await until("return document.documentElement.dataset.verbatimQuotesOnly ?? null", "all"), "all");
  const state = await firefox.run(`
    const alpha = (c) => { const m = c.match(/\\/\\s*([\\d.]+)\\s*\\)$/) ?? c.match(/^rgba\\([^,]+,[^,]+,[^,]+,\\s*([\\d.]+)\\)$/); return m ? Number(m[1]) : 1; };
    const out = { quote: [], name: [], other: [] };
    const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!/\\S/.test(n.data) || !el.getClientRects().length || el.closest("script")) continue;
      const s = getComputedStyle(el);
      const kind = el.closest("mark.verbatim-q:not(.verbatim-scare)") ? "quote" : el.closest("span.verbatim-who") ? "name" : "other";
      out[kind].push(Math.round(alpha(s.webkitTextFillColor) / alpha(s.color) * 100) / 100);
    }
    return out;`);
  assert.ok(state.quote.length >= 6 && state.name.length >= 3, JSON.stringify(state));
  assert.deepEqual([...new Set([...state.quote, ...state.name])], [1]);
  assert.deepEqual([...new Set(state.other)], [0.3]);
  assert.deepEqual(await firefox.run(boxes), boxesBefore, "nothing moved");

  await shortcut("Q");
  assert.equal(await until("return document.documentElement.outerHTML", before), before);
});

test("Firefox: show all repeats (Alt+Shift+H) and off for this site (Alt+Shift+V)", { skip }, async () => {
  await openReady("/tests/e2e/fixtures/article.html");
  const shown = "return [...document.querySelectorAll('.copy p')].every((p) => p.getClientRects().length > 0)";
  assert.equal(await firefox.run(shown), false);
  await shortcut("H");
  assert.equal(await until(shown, true), true);
  await shortcut("H");
  assert.equal(await until(shown, false), false);
  await shortcut("V");
  const marks = "return document.querySelectorAll('mark[data-verbatim-quote], [data-verbatim-repeat]').length";
  assert.equal(await until(marks, 0), 0);
  await shortcut("V");
  assert.notEqual(await until(marks, -1), 0, "on again");
});
