// Every speaker name analyze gives on the annotated articles: `npm run eval:names` (not part of
// `npm test`).
//
// The quotation evaluations (eval_quotes, eval_quotes_de) match a speaker by overlap with the gold
// span, so a name shown wrongly ("der Stadt" for "die Sprecherin der Stadt", "Amtsantritt von
// Angela Merkel" for "Angela Merkel") changes none of their counts. This script writes the articles
// of ../shared/corpus/quotes (PolNeAR's text files, German WikiNews' `originalText`; paragraphs are
// their non-blank lines) in the `## page` format of examples/page_speakers.rs, runs it, and writes
// the names (`article<TAB>name<TAB>count`, in order of first quotation) to
// /tmp/verbatim-names/<set>.txt. With `--against=DIR` it prints the lines that differ from the same
// files in DIR (an earlier run kept with `--out=DIR`): read them before and after a change.
// Skips cleanly when ../shared is absent.
//
// Options:
//   --out=DIR       where the names go (default /tmp/verbatim-names)
//   --against=DIR   print the differences from an earlier run's files
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFlags } from "./chromium.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const quotes = join(top, "..", "shared", "corpus", "quotes");
const flags = parseFlags();
const out = typeof flags.out === "string" ? flags.out : "/tmp/verbatim-names";

if (!existsSync(quotes)) {
  console.log(`eval:names: skipped (${quotes} is absent)`);
  process.exit(0);
}

const lines = (text) => text.split("\n").map((l) => l.trim()).filter(Boolean);
const sets = {
  polnear: () =>
    ["train", "dev"].flatMap((split) => {
      const dir = join(quotes, "polnear", split, "text");
      return existsSync(dir)
        ? readdirSync(dir).sort().map((f) => [f, lines(readFileSync(join(dir, f), "utf8"))])
        : [];
    }),
  german: () =>
    ["train", "dev"].flatMap((split) => {
      const dir = join(quotes, "german", split);
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith(".json"))
            .sort()
            .map((f) => [f, lines(JSON.parse(readFileSync(join(dir, f), "utf8")).originalText)])
        : [];
    }),
};

execFileSync("cargo", ["build", "--release", "--quiet", "--example", "page_speakers"], { cwd: top, stdio: "inherit" });
const binary = join(process.env.CARGO_TARGET_DIR || join(top, "target"), "release", "examples", "page_speakers");
mkdirSync(out, { recursive: true });
for (const [set, read] of Object.entries(sets)) {
  const articles = read();
  // (one article a `## ` line; a paragraph never starts with "## " in these sets, and a tab in a
  // file name would break the output's columns: both replaced)
  const text = articles
    .map(([name, paragraphs]) => `## ${name.replace(/\s+/g, " ")}\n${paragraphs.map((p) => p.replace(/^## /, "# ")).join("\n")}`)
    .join("\n");
  const input = join(out, `${set}.paragraphs.txt`);
  writeFileSync(input, text + "\n");
  const names = execFileSync(binary, [input], { encoding: "utf8", maxBuffer: 1 << 28 });
  writeFileSync(join(out, `${set}.txt`), names);
  const count = names.split("\n").filter(Boolean).length;
  console.log(`${set}: ${articles.length} articles, ${count} names listed (${join(out, `${set}.txt`)})`);
  if (typeof flags.against === "string") {
    const before = join(flags.against, `${set}.txt`);
    if (!existsSync(before)) {
      console.log(`  (no ${before} to compare with)`);
      continue;
    }
    const was = new Set(readFileSync(before, "utf8").split("\n").filter(Boolean));
    const now = new Set(names.split("\n").filter(Boolean));
    const gone = [...was].filter((l) => !now.has(l));
    const added = [...now].filter((l) => !was.has(l));
    console.log(`  ${gone.length} lines gone, ${added.length} new`);
    for (const l of gone) console.log(`  - ${l}`);
    for (const l of added) console.log(`  + ${l}`);
  }
}
