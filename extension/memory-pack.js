// The reading memory's index, built by the background once per change of its store, so that no page
// builds anything: the content script hands it to the module as it is (`new ReadMemory(layout, …)`).
// The layout is src/text/memory.rs's `Layout`, word for word the output of its `pack` (a Rust unit
// test and tests/memory-pack.test.mjs pin both to the same words), all little-endian u32:
//   "VRM1", n entries, s sources;
//   ends: s words (entries up to and including each source);
//   keys: 2n words (each entry's exact key, low word first);
//   meta: n words (largest sketch value | number of sketch values << 24);
//   key buckets: 2^14 + 1 starts, then n entries, by the key's top 14 bits;
//   value buckets: 2^16 + 1 starts, then one posting (top 8 bits << 24 | entry) per sketch value,
//   by the value's low 16 bits.
// A classic script (the Chrome service worker imports it; Firefox lists it before background.js).

/// The layout (Uint32Array) of `bytes` (fingerprints, 26 bytes each, source by source), `counts[i]`
/// of them read at source `i`. Linear: two counting sorts.
function verbatimPackMemory(bytes, counts) {
  const FP = 26, SKETCH = 6, EMPTY = 0xffffff, KEY_BITS = 14, VALUE_BITS = 16, MAX = 1 << 24;
  const KEY_BUCKETS = 1 << KEY_BITS, VALUE_BUCKETS = 1 << VALUE_BITS;
  const total = Math.min(Math.floor(bytes.length / FP), MAX);
  const s = Math.min(counts.length, MAX);
  const ends = new Uint32Array(s);
  let n = 0;
  for (let i = 0; i < s; i++) {
    n = Math.min(n + Math.max(0, counts[i] | 0), total);
    ends[i] = n;
  }
  const value = (e, i) => { const at = e * FP + 8 + 3 * i; return bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16; };
  const filled = new Uint8Array(n);
  let postings = 0;
  for (let e = 0; e < n; e++) {
    let f = 0;
    while (f < SKETCH && value(e, f) !== EMPTY) f++;
    filled[e] = f;
    postings += f;
  }
  const keys = 3 + s, meta = keys + 2 * n, keyStarts = meta + n;
  const keyItems = keyStarts + KEY_BUCKETS + 1, valueStarts = keyItems + n;
  const valueItems = valueStarts + VALUE_BUCKETS + 1;
  const out = new Uint32Array(valueItems + postings);
  out[0] = 0x314d5256; // "VRM1"
  out[1] = n;
  out[2] = s;
  out.set(ends, 3);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let e = 0; e < n; e++) {
    const at = e * FP;
    out[keys + 2 * e] = view.getUint32(at, true);
    out[keys + 2 * e + 1] = view.getUint32(at + 4, true);
    out[meta + e] = (filled[e] ? value(e, filled[e] - 1) : 0) + filled[e] * 0x1000000;
  }
  // key buckets: the key's top 14 bits are the high word's top 14
  const keyBucket = (e) => out[keys + 2 * e + 1] >>> (32 - KEY_BITS);
  for (let e = 0; e < n; e++) out[keyStarts + 1 + keyBucket(e)]++;
  for (let b = 1; b <= KEY_BUCKETS; b++) out[keyStarts + b] += out[keyStarts + b - 1];
  let fill = out.slice(keyStarts, keyStarts + KEY_BUCKETS);
  for (let e = 0; e < n; e++) out[keyItems + fill[keyBucket(e)]++] = e;
  // value buckets
  for (let e = 0; e < n; e++) {
    for (let i = 0; i < filled[e]; i++) out[valueStarts + 1 + (value(e, i) & (VALUE_BUCKETS - 1))]++;
  }
  for (let b = 1; b <= VALUE_BUCKETS; b++) out[valueStarts + b] += out[valueStarts + b - 1];
  fill = out.slice(valueStarts, valueStarts + VALUE_BUCKETS);
  for (let e = 0; e < n; e++) {
    for (let i = 0; i < filled[e]; i++) {
      const v = value(e, i);
      out[valueItems + fill[v & (VALUE_BUCKETS - 1)]++] = (v >>> VALUE_BITS) * 0x1000000 + e;
    }
  }
  return out;
}
