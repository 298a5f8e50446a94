// The built extension (dist/firefox) in Firefox ESR, installed as a temporary add-on through
// geckodriver's own HTTP API (plain fetch; no client that downloads drivers).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fixtureRoutes, withFirefox } from "./browser.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const skip = !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}`;

let firefox;
before(async () => { if (!skip) firefox = await withFirefox({ routes: fixtureRoutes({ slowMs: 200 }) }); });
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
