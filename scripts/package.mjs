// `npm run package` (after `npm run build`): dist/verbatim-chrome.zip and dist/verbatim-firefox.zip,
// the unpacked extensions as the stores take them (manifest.json at the root of the archive),
// written by Mozilla's `web-ext build` (a devDependency, also our linter) instead of a zip writer
// of our own.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const webExt = join(top, "node_modules", ".bin", "web-ext");

for (const browser of ["chrome", "firefox"]) {
  const dir = join(top, "dist", browser);
  if (!existsSync(join(dir, "manifest.json"))) {
    console.error(`package: ${relative(top, dir)} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
  const name = `verbatim-${browser}.zip`;
  const r = spawnSync(webExt, ["build", "--source-dir", dir, "--artifacts-dir", join(top, "dist"), "--filename", name,
    "--overwrite-dest", "--no-input"], { cwd: top, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`package: web-ext build failed for ${browser}:\n${r.stderr || r.stdout}`);
    process.exit(1);
  }
  const out = join(top, "dist", name);
  console.log(`package: ${relative(top, out)} ${(statSync(out).size / 1024).toFixed(1)} KiB`);
}
