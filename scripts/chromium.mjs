// What every script and test that drives Debian's Chromium shares: where it is, the flags it needs
// here (as root, on a machine whose network is closed: no sandbox, no background traffic), and the
// `--key=value` flags of the evaluation scripts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/// `--only=a,b --verbose` → { only: "a,b", verbose: true }.
export function parseFlags(argv = process.argv.slice(2)) {
  return Object.fromEntries(argv.map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? true];
  }));
}

/// Chromium with the unpacked `extension` loaded, in a fresh profile (under the system's temporary
/// directory, named after `prefix`), where only `base` (the local server) and the extension itself
/// answer: the pages' images, fonts and styles elsewhere are refused. Remove `profile` after
/// closing `context`.
export async function launchWithExtension(extension, base, prefix) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  await context.route(/^https?:/, (route) => (route.request().url().startsWith(`${base}/`) ? route.continue() : route.abort()));
  return { context, profile };
}

/// Every page of `context` records when DOMContentLoaded fired and when the extension set
/// `data-verbatim="ready"` (`window.__verbatimEval`: `dcl`, `ready`, and the long tasks as
/// `[start, duration]`), and the extension follows its settings preset as an extension installed
/// before would (extension/settings.js). Returns the extension's service worker.
export async function watchReady(context) {
  await context.addInitScript(() => {
    const v = { dcl: null, ready: null, longtasks: [] };
    window.__verbatimEval = v;
    document.addEventListener("DOMContentLoaded", () => { v.dcl = performance.now(); }, { once: true });
    new MutationObserver((_, observer) => {
      if (document.documentElement?.dataset.verbatim === "ready") {
        v.ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-verbatim"] });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) v.longtasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
    } catch (_) {
      // no long-task timing in this engine
    }
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent("serviceworker");
  await worker.evaluate(() => globalThis.verbatimFollowPreset?.());
  return worker;
}
