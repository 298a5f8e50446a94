// Shared set-up of the end-to-end tests: Debian's Chromium with the built extension, pages served
// from 127.0.0.1. Playwright only drives the browser; it downloads nothing.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "../../scripts/static-server.mjs";

export const top = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";

/// Chromium with dist/chrome loaded, and a server for `dir`. Close both with `close()`.
/// `language` (e.g. "de"): the browser's interface language, which the extension's _locales follow.
export async function withExtension({ dir = top, headers, routes, language } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "verbatim-profile-"));
  const extension = join(top, "dist", "chrome");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      ...(language ? [`--lang=${language}`] : [])],
    ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
  });
  const { server, port } = await serveStatic(dir, { headers, routes });
  // every request any page of the context makes, the extension's included
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  return {
    context,
    requests,
    base: `http://127.0.0.1:${port}`,
    /// The extension's id, from its service worker.
    async extensionId() {
      const worker = context.serviceWorkers()[0] ?? await context.waitForEvent("serviceworker");
      return new URL(worker.url()).host;
    },
    /// Runs `fn` in the extension's service worker (chrome.* available there).
    async inWorker(fn, arg) {
      const worker = context.serviceWorkers()[0] ?? await context.waitForEvent("serviceworker");
      return worker.evaluate(fn, arg);
    },
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/// Waits until the extension has made its first decision on the page.
export async function ready(page, timeout = 15000) {
  await page.waitForFunction(() => document.documentElement.dataset.verbatim === "ready", null, { timeout });
}

/// Firefox ESR driven through geckodriver's HTTP API with plain fetch, with dist/firefox installed
/// as a temporary add-on. `call(method, path, body)` speaks WebDriver for the session.
/// `prefs`: Firefox preferences for the session's profile.
/// `systemAccess`: Marionette may run scripts in the browser's own chrome (moz/context "chrome"), so
/// a test can deliver a keyboard command as the browser does.
/// `privateBrowsing`: the add-on may run in private windows (as a person may allow it to).
export async function withFirefox({ dir = top, routes, systemAccess = false, prefs, privateBrowsing = false } = {}) {
  const { spawn } = await import("node:child_process");
  const { createServer } = await import("node:net");
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const driver = spawn(process.env.GECKODRIVER ?? "geckodriver",
    ["--port", String(port), ...(systemAccess ? ["--allow-system-access"] : [])], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  async function raw(method, path, body) {
    const response = await fetch(url + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }
  for (let i = 0; ; i++) {
    try {
      await raw("GET", "/status");
      break;
    } catch (error) {
      if (i > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const binary = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
  const session = await raw("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": { binary, args: ["-headless"], ...(prefs ? { prefs } : {}) } } },
  });
  const id = session.sessionId;
  const call = (method, path, body) => raw(method, `/session/${id}${path}`, body);
  await call("POST", "/moz/addon/install", { path: join(top, "dist", "firefox"), temporary: true, ...(privateBrowsing ? { allowPrivateBrowsing: true } : {}) });
  const { server, port: webPort } = await serveStatic(dir, { routes });
  const run = (script, ...args) => call("POST", "/execute/sync", { script, args });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  /// Runs `script` in the browser's own chrome (the window WebDriver is on).
  const inChrome = async (script, ...args) => {
    await call("POST", "/moz/context", { context: "chrome" });
    try {
      return await run(script, ...args);
    } finally {
      await call("POST", "/moz/context", { context: "content" });
    }
  };
  return {
    call,
    base: `http://127.0.0.1:${webPort}`,
    /// Runs a function body in the page (main world) and returns its value.
    run,
    inChrome,
    /// Opens `url`: an add-on page through the browser's own chrome (WebDriver may not navigate
    /// to one), waiting until it has loaded; a web page by WebDriver, waiting (unless `ready` is
    /// false) until Verbatim says ready.
    async go(url, ready = true) {
      if (url.startsWith("moz-extension:")) {
        await inChrome("openTrustedLinkIn(arguments[0], 'current');", url);
        for (let i = 0; i < 100; i++) {
          if (await run("return location.href === arguments[0] && document.readyState === 'complete'", url).catch(() => false)) break;
          await sleep(100);
        }
        await sleep(300);
        return;
      }
      await call("POST", "/url", { url });
      if (!ready) return;
      for (let i = 0; i < 150; i++) {
        if (await run("return document.documentElement.dataset.verbatim === 'ready'")) return;
        await sleep(100);
      }
      throw new Error(`not ready: ${url}`);
    },
    async close() {
      await call("DELETE", "").catch(() => {});
      driver.kill();
      server.close();
    },
  };
}

/// Routes the fixtures need beyond static files: a script served late (the parser waits for it, and
/// the browser paints what it has meanwhile), the stylesheet served a little late (the first paint
/// waits for it, as on most sites, and the settings read at document_start has returned by then:
/// on a page with no render-blocking stylesheet, on a machine so loaded that the browser paints the
/// body before that read returns, one frame can show repeats), and the article under a CSP that
/// forbids WebAssembly.
export const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
export function fixtureRoutes({ slowMs = 600 } = {}) {
  const fixtures = join(top, "tests", "e2e", "fixtures");
  return {
    "/tests/e2e/fixtures/slow.js": (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" });
        res.end(readFileSync(join(fixtures, "slow.js")));
      }, slowMs);
    },
    // the article's stylesheet, render-blocking as most sites' are, arrives after 150 ms
    "/tests/e2e/fixtures/page.css": (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { "content-type": "text/css", "cache-control": "no-store" });
        res.end(readFileSync(join(fixtures, "page.css")));
      }, Math.min(150, slowMs));
    },
    // a huge article (1,500 paragraphs) printed twice: processed in steps, one task each
    "/tests/e2e/fixtures/huge.html": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(hugePage(1500));
    },
    // the article after 10,000 empty elements, with no script for the parser to wait for and its
    // stylesheet (150 ms) after the probe: parsed whole while rendering waits for the stylesheet,
    // so at DOMContentLoaded all of it waits for its style and nothing has been painted
    "/tests/e2e/fixtures/crowded.html": (_req, res) => {
      const css = '<link rel="stylesheet" href="/tests/e2e/fixtures/page.css">';
      const probe = '<script src="/tests/e2e/fixtures/probe.js"></script>';
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(readFileSync(join(fixtures, "article.html"), "utf8")
        .replace('<script src="/tests/e2e/fixtures/slow.js"></script>', "")
        .replace(css, "").replace(probe, probe + css)
        .replace("<body>", `<body><div class="filler">${"<i></i>".repeat(10000)}</div>`));
    },
    "/tests/e2e/fixtures/csp/article.html": (_req, res) => {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": NO_WASM_CSP,
        "cache-control": "no-store",
      });
      res.end(readFileSync(join(fixtures, "article.html")));
    },
  };
}

/// A fictional article of `n` distinct paragraphs printed twice (`.story` and `.copy`), made up
/// from word lists so that no two paragraphs are near copies of each other.
export function hugePage(n) {
  const who = ["The harbour master", "A ferry captain", "The council clerk", "An engineer", "A fisherman", "The mayor", "A teacher"];
  const did = ["inspected", "described", "photographed", "repaired", "counted", "measured", "painted", "mapped"];
  const what = ["the northern pier", "the old lighthouse", "the channel buoys", "the fish market", "the tide gauge", "the customs house"];
  const when = ["before dawn", "after the storm", "on market day", "at low tide", "during the festival", "late in the evening"];
  const extra = ["while gulls circled overhead", "and wrote a short report", "with two apprentices", "for the second time this year", "despite the cold wind"];
  const pick = (list, i, k) => list[Math.floor(i / k) % list.length];
  const paragraph = (i) => `${pick(who, i, 1)} ${pick(did, i, 7)} ${pick(what, i, 56)} ${pick(when, i, 3)} ${pick(extra, i, 5)}, entry ${i} of the harbour ledger, volume ${Math.floor(i / 40) + 1}.`;
  const body = Array.from({ length: n }, (_, i) => `<p>${paragraph(i)}</p>`).join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The harbour ledger</title></head>
<body><h1>The harbour ledger, printed twice</h1><div class="story">${body}</div><p>Advertisement</p><div class="copy">${body}</div></body></html>`;
}
