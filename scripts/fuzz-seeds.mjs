// Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/, git-ignored) from the
// project's own fixtures: the paragraphs of www/sample/article.html and the string literals of
// tests/*.rs. `npm run fuzz` runs it before fuzzing; safe to run again (files are named by hash).
//
// Seed format (see fuzz/fuzz_targets/*.rs): `analyze` takes 3 option bytes, then paragraphs
// separated by U+001E (a paragraph starting with U+001D starts a new batch when byte 0 has bit 4);
// `options` takes (length, key, tag, value) records.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const RS = "\u001e";
const GS = "\u001d";

function write(target, bytes) {
  const dir = join(top, "fuzz", "corpus", target);
  mkdirSync(dir, { recursive: true });
  const name = createHash("sha1").update(bytes).digest("hex");
  writeFileSync(join(dir, name), bytes);
}

const entities = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", mdash: "—", ndash: "–",
  rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", hellip: "…" };
const decode = (s) => s
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
  .replace(/&([a-z]+);/gi, (m, n) => entities[n.toLowerCase()] ?? m);

// The sample article: every block's text, in order (a body printed twice: repeats and quotations).
const article = [];
const sample = join(top, "www", "sample", "article.html");
if (existsSync(sample)) {
  const body = readFileSync(sample, "utf8").replace(/^[\s\S]*?<body[^>]*>/i, "").replace(/<(script|style)[\s\S]*?<\/\1>/gi, "");
  for (const m of body.matchAll(/<(p|h[1-6]|li|figcaption|dt|dd|td)[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const text = decode(m[2].replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim();
    if (text) article.push(text);
  }
}

// String literals of the native and browser tests ("…" with escapes; raw strings skipped).
const literals = [];
for (const f of readdirSync(join(top, "tests")).filter((f) => f.endsWith(".rs"))) {
  const src = readFileSync(join(top, "tests", f), "utf8");
  for (const m of src.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
    let s;
    try {
      s = m[1]
        .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\"/g, '"').replace(/\\'/g, "'").replace(/\\\\/g, "\\");
    } catch {
      continue;
    }
    if (s.length >= 2 && !/^[\w:/.-]*$/.test(s)) literals.push(s);
  }
}

const analyzeSeed = (flags, minWords, similarity, paragraphs) =>
  Buffer.concat([Buffer.from([flags, minWords, similarity]), Buffer.from(paragraphs.join(RS), "utf8")]);

let n = 0;
const seed = (...args) => { write("analyze", analyzeSeed(...args)); n++; };
if (article.length) {
  seed(0, 7, 153, article);                    // defaults: minWords 8, similarity 0.8
  seed(4, 7, 153, article.map((p, i) => (i > 0 && i % 5 === 0 ? GS + p : p))); // in batches
  seed(1, 7, 153, article);                    // highlight only
  seed(0, 2, 0, article.slice(0, 12));         // minWords 3, similarity 0.5
}
// test literals: one seed per 6 consecutive literals (neighbours in a test often belong together)
for (let i = 0; i < literals.length; i += 6) seed(0, 7, 153, literals.slice(i, i + 6));
for (const s of literals.filter((s) => /[“”"«»„‘’']/.test(s)).slice(0, 200)) seed(0, 0, 255, [s, s]);

// options: each key with a good and a bad value of each type
const record = (key, tag, value) => Buffer.concat([Buffer.from([Buffer.byteLength(key)]), Buffer.from(key), Buffer.from([tag]), value]);
const f64 = (x) => { const b = Buffer.alloc(8); b.writeDoubleLE(x); return b; };
const values = [[0, Buffer.from([1])], [0, Buffer.from([0])], [1, f64(8)], [1, f64(0.8)], [1, f64(2.5)],
  [1, f64(NaN)], [1, f64(Infinity)], [1, f64(-0)], [1, f64(1e300)], [2, Buffer.from([64])], [3, Buffer.from([0])]];
let m = 0;
for (const key of ["collapse", "highlight", "minWords", "similarity", "colapse", "", "minwords", "x".repeat(47), "ключ"]) {
  for (const [tag, value] of values) { write("options", record(key, tag, value)); m++; }
}
write("options", Buffer.concat(values.map(([t, v], i) => record(["collapse", "highlight", "minWords", "similarity"][i % 4], t, v))));
console.log(`fuzz seeds: ${n} for analyze (${article.length} article paragraphs, ${literals.length} test strings), ${m + 1} for options, in fuzz/corpus/`);
