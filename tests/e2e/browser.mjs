// Shared set-up of the end-to-end tests: Debian's Chromium with the built extension, pages served
// from 127.0.0.1. Playwright only drives the browser; it downloads nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "../../scripts/static-server.mjs";

export const top = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// As root, and on a machine whose network is closed: no sandbox, no background traffic.
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/// Chromium with dist/chrome loaded, and a server for `dir`. Close both with `close()`.
export async function withExtension({ dir = top, headers, routes } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "verbatim-profile-"));
  const extension = join(top, "dist", "chrome");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  const { server, port } = await serveStatic(dir, { headers, routes });
  return {
    context,
    base: `http://127.0.0.1:${port}`,
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
