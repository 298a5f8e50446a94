// The golden pages of tests/pages (see scripts/golden.mjs): Verbatim's output on each, in Chromium,
// must match expected.html byte for byte (expected.json says the same, readably), and restore()
// must give the source body back byte for byte. After a deliberate change: `npm run golden:update`,
// then read the diff.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { cases, expectedFiles, goldenBrowser, pagesDir } from "../../scripts/golden.mjs";

let browser;
before(async () => {
  browser = await goldenBrowser();
});
after(async () => {
  await browser?.close();
});

for (const name of cases()) {
  test(`golden page: ${name}`, async () => {
    const result = await browser.render(name);
    const files = expectedFiles(result);
    const read = (file) => readFileSync(join(pagesDir, name, file), "utf8");
    assert.deepEqual(JSON.parse(files.json), JSON.parse(read("expected.json")), "expected.json");
    assert.equal(files.html, read("expected.html"), "expected.html");
    assert.equal(result.restored, result.before, "restore gives the source back");
  });
}
