// Checks the colours of the rules in src/dom/style.js (WCAG 2 contrast): for every mark tint, page text over
// the tint on a light page (black and #444 text on white) and on a dark page (white and #ccc text on
// #000 and #121212) must keep ≥ 4.5:1; every underline must stand ≥ 3:1 from white and from black
// (non-text contrast); the label must read ≥ 4.5:1. Prints a table; exits 1 if any check fails.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "src", "dom", "style.js"), "utf8");
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const over = ([r, g, b, a], bg) => [r, g, b].map((c, i) => c * a + bg[i] * (1 - a));

const LIGHT = [[255, 255, 255], [[0, 0, 0], hex("#444444")]];
const DARKS = [[[0, 0, 0], [[255, 255, 255], hex("#cccccc")]], [hex("#121212"), [[255, 255, 255], hex("#cccccc")]]];
let failed = 0;
const rows = [];
for (const m of css.matchAll(/mark\.(verbatim-[a-z0-9]+) \{ --verbatim-tint: rgba\(([^)]+)\); --verbatim-line: (#[0-9a-f]{6}); \}/g)) {
  const [, name, rgba, line] = m;
  const tint = rgba.split(",").map(Number);
  const checks = [];
  for (const [bg, texts] of [LIGHT, ...DARKS]) {
    const under = over(tint, bg);
    for (const t of texts) checks.push(["text", ratio(t, under), 4.5]);
  }
  checks.push(["line/white", ratio(hex(line), [255, 255, 255]), 3], ["line/black", ratio(hex(line), [0, 0, 0]), 3]);
  const bad = checks.filter(([, r, min]) => r < min);
  failed += bad.length;
  const minText = Math.min(...checks.filter(([k]) => k === "text").map(([, r]) => r));
  rows.push(`${name.padEnd(18)} text ≥ ${minText.toFixed(2)}  line ${checks.at(-2)[1].toFixed(2)} on white, ${checks.at(-1)[1].toFixed(2)} on black${bad.length ? "  FAIL " + bad.map(([k, r]) => `${k} ${r.toFixed(2)}`).join(", ") : ""}`);
}
const label = ratio([255, 255, 255], hex("#23262b"));
if (label < 4.5) failed++;
console.log(rows.join("\n"));
console.log(`label: white on #23262b ${label.toFixed(2)}`);
console.log(failed ? `contrast: ${failed} checks below WCAG AA` : "contrast: every palette entry meets WCAG AA on light and dark pages");
process.exit(failed ? 1 : 0);
