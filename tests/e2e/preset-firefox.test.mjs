// The preset (extension/settings.js, preset.js) in Firefox ESR: the background registers it
// (scripting.registerContentScripts, Firefox 102+; persistAcrossSessions, 105+), a page with the
// default settings takes them from it, and it does not run on an excluded site. Driven from the
// add-on's options page (its internal UUID fixed by a pref), which may use the same APIs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fixtureRoutes, withFirefox } from "./browser.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const skip = !existsSync(FIREFOX) && `no Firefox at ${FIREFOX}`;
const UUID = "0d9e3a5c-7b41-4f6e-8c2a-3e5f1b7d9a20";
const OPTIONS = `moz-extension://${UUID}/options.html`;

let ff;
before(async () => {
  if (skip) return;
  ff = await withFirefox({ routes: fixtureRoutes(), systemAccess: true, prefs: { "extensions.webextensions.uuids": JSON.stringify({ "verbatim@verbatim.invalid": UUID }) } });
  await ff.go(OPTIONS, false);
});
after(async () => { await ff?.close(); });

/// Runs an async function body in the options page and returns its value.
function inOptions(body, ...args) {
  return ff.call("POST", "/execute/async", {
    script: `const done = arguments[arguments.length - 1]; (async (...args) => { ${body} })(...arguments).then(done, (e) => done("error: " + e));`,
    args,
  });
}

/// Waits until the preset's registration has `excludeMatches` (sorted), or is gone (null).
function registered(want) {
  return inOptions(`
    for (let i = 0; i < 100; i++) {
      const [s] = await browser.scripting.getRegisteredContentScripts({ ids: ["verbatim-preset"] });
      const got = s ? [...(s.excludeMatches ?? [])].sort() : null;
      if (JSON.stringify(got) === JSON.stringify(args[0])) return got;
      await new Promise((r) => setTimeout(r, 50));
    }
    return "not followed";`, want);
}

/// Opens `url` in a new tab and returns the content script's status once it has decided.
function statusOf(url) {
  return inOptions(`
    const tab = await browser.tabs.create({ url: args[0] });
    try {
      for (let i = 0; i < 100; i++) {
        const s = await browser.tabs.sendMessage(tab.id, { type: "verbatim:status" }).catch(() => null);
        if (s && !["starting", "loading"].includes(s.phase)) return s;
        await new Promise((r) => setTimeout(r, 100));
      }
      return "no decision";
    } finally {
      await browser.tabs.remove(tab.id);
    }`, url);
}

test("Firefox: the preset gives a page the default settings at once, and runs nowhere on an excluded site", { skip }, async () => {
  const article = `${ff.base}/tests/e2e/fixtures/article.html`;
  assert.deepEqual(await registered([]), []);
  let status = await statusOf(article);
  assert.equal(status.phase, "active");
  assert.equal(status.timing.preset, true);
  await inOptions("await browser.storage.sync.set({ excluded: ['127.0.0.1'] });");
  assert.deepEqual(await registered(["*://127.0.0.1/*"]), ["*://127.0.0.1/*"]);
  status = await statusOf(article);
  assert.equal(status.phase, "off");
  assert.equal(status.timing.preset, false);
  await inOptions("await browser.storage.sync.set({ excluded: [], collapse: false });");
  assert.equal(await registered(null), null);
  status = await statusOf(article);
  assert.equal(status.timing.preset, false);
  assert.equal(status.summary.repeats, 0);
  await inOptions("await browser.storage.sync.clear();");
  assert.deepEqual(await registered([]), []);
});
