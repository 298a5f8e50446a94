// Builds everything: pkg/ (the --target web module of the public interface, optimised by npm
// binaryen's wasm-opt) and the unpacked extensions dist/chrome/ and dist/firefox/.
//
// One Rust build serves every use. It is built without reference types and stripped, so that the
// same .wasm also converts with wasm2js (the extension's fallback for pages whose CSP forbids
// WebAssembly; see extension/README.md) and so that wasm-opt validates it.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(top, "node_modules", ".bin");
const FEATURES = [
  "--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-sign-ext",
  "--enable-nontrapping-float-to-int", "--enable-mutable-globals",
];

function run(cmd, args, env = {}) {
  execFileSync(cmd, args, { cwd: top, stdio: "inherit", env: { ...process.env, ...env } });
}

export function buildPkg() {
  run("wasm-pack", ["build", "--target", "web", "--release", "--no-opt", "--no-pack", "--out-dir", "pkg"], {
    CARGO_PROFILE_RELEASE_STRIP: "true",
    RUSTFLAGS: "-C target-feature=-reference-types",
  });
  const wasm = join(top, "pkg", "verbatim_bg.wasm");
  run(join(bin, "wasm-opt"), [...FEATURES, "-Oz", wasm, "-o", wasm]);
  rmSync(join(top, "pkg", ".gitignore"), { force: true });
  const raw = statSync(wasm).size;
  const gz = gzipSync(readFileSync(wasm), { level: 9 }).length;
  console.log(`build: pkg/verbatim_bg.wasm ${(raw / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzip`);
}

export function buildExtensions() {
  const base = JSON.parse(readFileSync(join(top, "extension", "manifest.base.json"), "utf8"));
  for (const browser of ["chrome", "firefox"]) {
    const out = join(top, "dist", browser);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cpSync(join(top, "extension"), out, {
      recursive: true,
      filter: (src) => !/manifest\.[a-z]+\.json$/.test(src) && !src.endsWith("README.md"),
    });
    const overlay = JSON.parse(readFileSync(join(top, "extension", `manifest.${browser}.json`), "utf8"));
    writeFileSync(join(out, "manifest.json"), JSON.stringify(merge(base, overlay), null, 2) + "\n");
    cpSync(join(top, "pkg"), join(out, "pkg"), {
      recursive: true,
      filter: (src) => !src.endsWith(".d.ts") && !src.endsWith("package.json") && !src.endsWith("README.md"),
    });
    cpSync(join(top, "src", "dom", "verbatim.css"), join(out, "verbatim.css"));
  }
  console.log("build: dist/chrome and dist/firefox written");
}

/// Deep merge: objects merge key by key, everything else in the overlay replaces the base.
function merge(base, overlay) {
  if (typeof base !== "object" || typeof overlay !== "object" || Array.isArray(base) || Array.isArray(overlay)) {
    return overlay;
  }
  const out = { ...base };
  for (const [k, v] of Object.entries(overlay)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(bin, "wasm-opt"))) {
    console.error("build: run `npm run setup` first (npm binaryen is missing)");
    process.exit(1);
  }
  buildPkg();
  buildExtensions();
}
