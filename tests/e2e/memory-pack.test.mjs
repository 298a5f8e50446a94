// The reading memory's index as the extension's background builds it (extension/memory-pack.js):
// word for word the layout of src/text/memory.rs's `pack` (the Rust unit test
// `the_layout_is_the_one_the_extension_builds` pins the same figures), and the module uses it as
// it is. No browser: Node loads pkg/ (npm run build first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const top = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pack = new Function(`${readFileSync(join(top, "extension", "memory-pack.js"), "utf8")}\nreturn verbatimPackMemory;`)();

/// The Rust test's `fixture_bytes`: pseudo-random fingerprints, every fifth with its sketch cut short.
function fixtureBytes(count) {
  let x = 0x12345678;
  const bytes = new Uint8Array(count * 26);
  for (let e = 0; e < count; e++) {
    for (let j = 0; j < 26; j++) {
      x = (x ^ (x << 13)) >>> 0;
      x = (x ^ (x >>> 17)) >>> 0;
      x = (x ^ (x << 5)) >>> 0;
      bytes[e * 26 + j] = (x >>> 8) & 0xff;
    }
    if (e % 5 === 0) bytes.fill(0xff, e * 26 + 8 + 3 * ((e / 5) % 7), (e + 1) * 26);
  }
  return bytes;
}

test("the background's index is the core's layout, word for word", () => {
  const words = pack(fixtureBytes(40), [3, 0, 10, 27, 5]);
  let checksum = 0;
  for (const w of words) checksum = (Math.imul(checksum, 31) + w) >>> 0;
  assert.deepEqual([words.length, checksum], [82303, 2538311812]);
  assert.deepEqual([...words.subarray(0, 8)], [0x314d5256, 40, 5, 3, 3, 13, 40, 40]);
  // counts past the fingerprints are cut; nothing at all is an empty index
  assert.deepEqual([...pack(fixtureBytes(2), [5]).subarray(0, 4)], [0x314d5256, 2, 1, 2]);
  assert.equal(pack(new Uint8Array(0), []).length, 3 + 0 + (1 << 14) + 1 + (1 << 16) + 1);
});

const pkg = join(top, "pkg", "verbatim.js");
test("the module uses the background's index as it is", { skip: !existsSync(pkg) && "npm run build first" }, async () => {
  const m = await import(pkg);
  m.initSync({ module: readFileSync(join(top, "pkg", "verbatim_bg.wasm")) });
  const read = [
    "The ferry to Quillon Island will run twice a day from Monday, the harbour office of Brackwater said, after a winter of single crossings.",
    "Tomas Elling, who has sailed the route for nineteen years, said the second boat had been repaired in the yard at Saltmere over the summer.",
    "Tickets bought for the old timetable remain valid until the end of the month, the office added. Passengers with bicycles must book a place a day ahead, and the café on the upper deck will open only on the morning crossing until the spring.",
  ];
  const fps = m.fingerprints(read);
  const counts = Uint32Array.of(1, 2);
  const page = [
    "A new paragraph about the lighthouse keepers of Brackwater and their annual regatta in the bay.",
    read[0],
    "Tomas Elling, who has sailed the route for nineteen years, said the second boat had been repaired in the yard at Saltmere over the long summer.",
    "Tickets bought for the old timetable remain valid until the end of the month, the office added.",
  ];
  const memory = new m.ReadMemory(pack(fps, counts), "a.example 2026-11-01\nb.example 2026-11-02", "on a\non b", Uint32Array.of(1));
  assert.equal(memory.length, 3);
  assert.deepEqual(m.matchRead(page, memory).map((r) => [r.index, r.kind, r.source, r.here]),
    [[1, "exact", 0, false], [2, "near", 1, true], [3, "contained", 1, true]]);
  memory.free();
  // anything but a whole index is an empty memory
  for (const broken of [new Uint32Array(0), pack(fps, counts).subarray(1), Uint32Array.of(0x314d5256, 1, 1)]) {
    const empty = new m.ReadMemory(broken, "", "", new Uint32Array(0));
    assert.equal(empty.length, 0);
    assert.deepEqual(m.matchRead(page, empty), []);
    empty.free();
  }
});
