// The interface's words live only in extension/_locales: every locale has the same keys and the
// same placeholders, every key the pages and scripts ask for exists, and no page or script of the
// extension writes words of its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { top } from "./browser.mjs";

const ext = join(top, "extension");
const LOCALES = ["en", "de", "fr", "es"];
const messages = Object.fromEntries(LOCALES.map((l) =>
  [l, JSON.parse(readFileSync(join(ext, "_locales", l, "messages.json"), "utf8"))]));
const placeholders = (m) => (m.message.match(/\$[A-Z_]+\$/g) ?? []).sort().join(" ");

test("locales: en, de, fr, es and no other, with the same keys and placeholders", () => {
  assert.deepEqual(readdirSync(join(ext, "_locales")).sort(), [...LOCALES].sort());
  const keys = Object.keys(messages.en).sort();
  for (const l of LOCALES) {
    assert.deepEqual(Object.keys(messages[l]).sort(), keys, `keys of ${l}`);
    for (const k of keys) {
      const m = messages[l][k];
      assert.ok(typeof m.message === "string" && m.message.trim(), `${l}/${k} has a message`);
      assert.equal(placeholders(m), placeholders(messages.en[k]), `${l}/${k} placeholders`);
      assert.deepEqual(Object.keys(m.placeholders ?? {}).sort(), Object.keys(messages.en[k].placeholders ?? {}).sort(), `${l}/${k}`);
    }
    assert.ok(messages[l].extDescription.message.length <= 132, `${l}: the stores allow 132 characters`);
  }
});

/// Source text without comments (// and /* */, outside strings, good enough for our own files).
function withoutComments(js) {
  return js.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const html = ["popup.html", "options.html"];
const scripts = ["popup.js", "options.js", "background.js", "settings.js", "content.js"];

test("no interface words outside _locales: the pages' text nodes and attributes, the scripts' strings", () => {
  for (const file of html) {
    const source = readFileSync(join(ext, file), "utf8").replace(/<!--[\s\S]*?-->/g, "");
    const body = source.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, "");
    const text = body.replace(/<[^>]*>/g, "\n").split("\n").map((s) => s.trim()).filter(Boolean);
    assert.deepEqual(text, [], `${file}: literal text`);
    for (const attr of ["title", "aria-label", "placeholder", "alt", "value"]) {
      for (const [, value] of body.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, "g"))) {
        assert.ok(!/\p{L}{2,}\s+\p{L}{2,}/u.test(value) || attr === "value", `${file}: ${attr}="${value}"`);
      }
    }
  }
  for (const file of scripts) {
    const js = withoutComments(readFileSync(join(ext, file), "utf8"));
    // a literal of two or more words written to the page or a label: a sentence of the interface
    for (const [literal] of js.matchAll(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g)) {
      const inner = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, " ");
      const uiLike = /\p{Lu}?\p{Ll}{2,}[ ,:]+\p{L}{2,}/u.test(inner) && !/^[\s\w.:#[\]="*(),>-]*$/.test(inner.replace(/[^\x00-\x7f]/g, "")) ;
      if (file === "content.js" && /^(Verbatim:|stood down|unknown error)/.test(inner)) continue; // console messages
      assert.ok(!uiLike, `${file}: ${literal}`);
    }
  }
});

test("every key the pages and scripts ask for exists, and every key is used", () => {
  const used = new Set();
  for (const file of html) {
    for (const [, key] of readFileSync(join(ext, file), "utf8").matchAll(/data-i18n="([^"]+)"/g)) used.add(key);
  }
  for (const file of [...scripts, "manifest.base.json", "manifest.chrome.json", "manifest.firefox.json"]) {
    const source = readFileSync(join(ext, file), "utf8");
    for (const [, key] of source.matchAll(/__MSG_(\w+)__/g)) used.add(key);
    for (const [, key] of source.matchAll(/\b(?:t|getMessage)\(\s*"(\w+)"/g)) used.add(key);
    for (const [, key] of source.matchAll(/\bi18nKey:\s*"(\w+)"/g)) used.add(key);
  }
  for (const key of used) assert.ok(key in messages.en, `${key} is in the locales`);
  const unused = Object.keys(messages.en).filter((k) => !used.has(k));
  assert.deepEqual(unused, [], "keys nobody asks for");
});

test("the store listing: one per locale, its short description the manifest's, a privacy statement, the screenshots", () => {
  for (const l of LOCALES) {
    const listing = readFileSync(join(top, "store", "listing", `${l}.md`), "utf8");
    const sections = listing.split(/^## .*$/m).map((s) => s.trim());
    assert.equal(sections.length, 3, `${l}: a short and a long description`);
    assert.equal(sections[1], messages[l].extDescription.message, `${l}: the short description is the manifest's`);
    assert.ok(sections[2].length > 400, `${l}: a long description`);
  }
  assert.match(readFileSync(join(top, "store", "PRIVACY.md"), "utf8"), /sends nothing/);
  const shots = readdirSync(join(top, "store", "screenshots")).sort();
  assert.deepEqual(shots.filter((f) => f.endsWith("-light.png")).length, shots.filter((f) => f.endsWith("-dark.png")).length);
  for (const f of shots) {
    const png = readFileSync(join(top, "store", "screenshots", f));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 800], `${f} is 1280×800`);
  }
});
