// Golden pages, in the style of Mozilla Readability's test pages: each folder of tests/pages/ holds
// a page written for the project (source.html) and what Verbatim makes of it in Chromium:
//   expected.html  document.body.innerHTML after process(document.body), byte for byte;
//   expected.json  the same, readable: the summary, each hidden paragraph with its kind of repeat,
//                  the toggles' labels and each quotation (its text, kind and speaker).
// `npm run golden:update` (this script with --update) rewrites the expected files from the current
// build; read the diff by eye before committing it. tests/e2e/golden.test.mjs compares against them
// in `npm test`, and checks that restore() gives the source body back byte for byte.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from "./chromium.mjs";
import { serveStatic } from "./static-server.mjs";

export const top = join(dirname(fileURLToPath(import.meta.url)), "..");
export const pagesDir = join(top, "tests", "pages");

/// The cases: every folder of tests/pages holding a source.html.
export function cases() {
  return readdirSync(pagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(pagesDir, d.name, "source.html")))
    .map((d) => d.name)
    .sort();
}

/// Chromium and a server for the project's folder; `render(name)` loads one case and returns
/// { html, json, before, restored }. Close with `close()`.
export async function goldenBrowser() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const { server, port } = await serveStatic(top);
  const page = await browser.newPage();
  page.on("pageerror", (e) => { throw e; });
  return {
    async render(name) {
      await page.goto(`http://127.0.0.1:${port}/tests/pages/${name}/source.html`, { waitUntil: "load" });
      return page.evaluate(async () => {
        const m = await import("/pkg/verbatim.js");
        await m.default();
        const body = document.body;
        const before = body.innerHTML;
        const summary = m.process(body);
        const html = body.innerHTML;
        const text = (e) => e.textContent.replace(/\s+/g, " ").trim();
        const hidden = [...body.querySelectorAll("[data-verbatim-repeat]")].map((e) => ({
          repeat: e.getAttribute("data-verbatim-repeat"),
          text: text(e),
        }));
        const toggles = [...body.querySelectorAll("[data-verbatim-toggle]")].map(text);
        const quotes = new Map();
        for (const mark of body.querySelectorAll("mark[data-verbatim-quote]")) {
          const id = mark.getAttribute("data-verbatim-quote");
          const q = quotes.get(id) ?? {
            text: "",
            kind: mark.getAttribute("data-verbatim-kind"),
            speaker: mark.getAttribute("data-verbatim-speaker"),
          };
          q.text = q.text ? `${q.text} / ${mark.textContent}` : mark.textContent;
          quotes.set(id, q);
        }
        m.restore(body);
        return {
          before,
          html,
          restored: body.innerHTML,
          json: { summary, hidden, toggles, quotes: [...quotes.values()] },
        };
      });
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/// What the expected files hold for a rendering.
export function expectedFiles(result) {
  return {
    html: `${result.html}\n`,
    json: `${JSON.stringify(result.json, null, 2)}\n`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes("--update")) {
    console.log("usage: node scripts/golden.mjs --update   (rewrites tests/pages/*/expected.*; review the diff)");
    process.exit(2);
  }
  const b = await goldenBrowser();
  try {
    for (const name of cases()) {
      const result = await b.render(name);
      if (result.restored !== result.before) throw new Error(`${name}: restore() did not give the source back`);
      const files = expectedFiles(result);
      writeFileSync(join(pagesDir, name, "expected.html"), files.html);
      writeFileSync(join(pagesDir, name, "expected.json"), files.json);
      const { summary } = result.json;
      console.log(`${name}: ${summary.repeats} repeats in ${summary.runs} runs, ${summary.quotes} quotations`);
    }
  } finally {
    await b.close();
  }
}
