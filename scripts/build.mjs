// Builds everything: pkg/ (the --target web module of the public interface, optimised by npm
// binaryen's wasm-opt) and the unpacked extensions dist/chrome/ and dist/firefox/.
//
// One Rust build serves every use. It is built without reference types and stripped (of its target
// features before wasm-bindgen, of its names after dropPanics), so that the same .wasm also converts
// with wasm2js (the extension's fallback for pages whose CSP forbids WebAssembly: buildExtensions
// below) and so that wasm-opt validates it.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync, gzipSync } from "node:zlib";
import { createHash } from "node:crypto";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(top, "node_modules", ".bin");
const FEATURES = [
  "--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-sign-ext",
  "--enable-nontrapping-float-to-int", "--enable-mutable-globals",
];

function run(cmd, args, env = {}) {
  execFileSync(cmd, args, { cwd: top, stdio: "inherit", env: { ...process.env, ...env } });
}

export async function buildPkg() {
  // What `wasm-pack build --no-opt --no-pack` did (cargo, then wasm-bindgen), with one step between:
  // the linked module keeps its function names until dropPanics has found the panic machinery by
  // them; the last wasm-opt below drops the names. The target_features section is dropped before
  // wasm-bindgen (std is built with reference types, and wasm-bindgen reading that section would
  // turn to externref tables), as `strip = true` used to drop it with every other custom section.
  //
  // The LLVM options: loop and redundancy rewrites that pay on machines with few registers and
  // addressing modes, and in WebAssembly, which binaryen optimises again, only add code. Loop
  // strength reduction (-disable-lsr) turns a loop's indexing into more induction variables
  // (pointers stepped beside the counter); the exit test rewritten onto another variable
  // (-disable-lftr) and the values a loop leaves computed again after it (-replexitval=never) add
  // the code that keeps them; partial redundancy elimination (-enable-pre=false) copies a
  // computation or a load into the paths that lacked it.
  // Measured at af4c592 on wasm-opt's output (before the steps after it): 101,844 bytes; with
  // -disable-lsr 100,862, and -disable-lftr 100,607, and -replexitval=never 100,430, and
  // -enable-pre=false 100,126; the shipped module 99,965 -> 98,398. -enable-load-pre=false alone
  // gave 100,213, and with -enable-pre=false the very same module. Tried and dropped:
  // -enable-gvn-sink (+241), -enable-gvn-hoist (+87 to +125), -disable-cgp (+521),
  // -jump-threading-threshold=0 (+2.5 KB), -disable-tail-duplicate -disable-early-taildup (+148);
  // no change from -disable-loop-idiom-all, -indvars-widen-indvars=false,
  // -indvars-predicate-loops=false, -disable-block-placement, -rotation-max-header-size=0.
  // Options of the compiler change no result (docs/BENCHMARKS.md, seventeenth session, h10).
  const target = resolve(top, process.env.CARGO_TARGET_DIR || "target");
  run("cargo", ["build", "--lib", "--release", "--target", "wasm32-unknown-unknown"], {
    CARGO_PROFILE_RELEASE_STRIP: "debuginfo",
    RUSTFLAGS: ["-C target-feature=-reference-types", ...["-disable-lsr", "-disable-lftr",
      "-replexitval=never", "-enable-pre=false"].map((o) => `-C llvm-args=${o}`)].join(" "),
  });
  const work = join(target, "verbatim-bindgen");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const linked = join(work, "verbatim.wasm");
  run(join(bin, "wasm-opt"), [...FEATURES, "-g", "--strip-target-features", "--strip-dwarf",
    join(target, "wasm32-unknown-unknown", "release", "verbatim.wasm"), "-o", linked]);
  run("wasm-bindgen", [linked, "--out-dir", "pkg", "--typescript", "--target", "web"]);
  const wasm = join(top, "pkg", "verbatim_bg.wasm");
  await dropPanics(wasm);
  // --low-memory-unused: Rust's stack sits below the data, from 1 MiB down, so the first kilobyte
  // of memory is never touched and constant offsets fold into loads and stores (about 1 KiB).
  // --converge: repeat -Oz while it still shrinks the module.
  // --one-caller-inline-max-function-size 16: binaryen otherwise inlines every function called from
  // one place whatever its size, making bodies of 10-20 KB whose hundreds of locals take two-byte
  // indices and whose repeated code differs in them, which gzip cannot share: 3.6 KB of the gzipped
  // module (the raw module grows 2.4 KB), no measurable change in speed. --flatten --rereloop -Oz:
  // the control flow rebuilt by binaryen's relooper and optimised again, 0.55 KB more.
  // --merge-similar-functions -Oz: functions that differ only in constants become one, and a last
  // round: 98 bytes (measured at fb30c72: 98,867 -> 98,769). --strip-producers: the toolchains'
  // names and versions (rustc, wasm-bindgen, binaryen), which nothing reads: 100 bytes.
  // --generate-global-effects first (what each function may touch, so that calls to ones without
  // effects the result needs go) and the relooping twice: 186 bytes (measured at 42457fe: 99,994
  // -> 99,808; either alone 55 and 122; a third relooping or --gufa gave nothing). The limit of
  // 12 rather than 15: 29 bytes on a draft of 367ca49; the best limit moves with the code (on that
  // draft 13 and 14 were 4 and 22 bytes smaller than 12, on the final one 22 and 11 larger). At
  // 1ed1f71, 16 (and 17): 99,966 -> 99,932 bytes (10: 99,992, 14: 99,934, 15: 99,960, 18: 99,951,
  // 20: 99,947). At 1e1fbdf (the panicking functions dropped), 14: 99,363 -> 99,348 (12: 99,359,
  // 13: 99,363, 15: 99,376, 18: 99,398, 20: 99,394).
  // --always-inline-max-function-size 5 (binaryen's default is 2, "safe for -Os"): functions of up
  // to 5 expressions (binaryen's measure of size) are inlined wherever they are called; the raw
  // module grows, but the inlined bodies repeat, which gzip shares, and the calls go.
  // Measured at fc295e9: 99,991 -> 99,740 bytes (3: 99,923, 4: 99,776, 6: 99,744, 7: 100,780,
  // 8: 101,129, 10: 102,191).
  run(join(bin, "wasm-opt"), [
    ...FEATURES, "--always-inline-max-function-size", "5",
    "--generate-global-effects", "-Oz", "--low-memory-unused", "--converge",
    "--one-caller-inline-max-function-size", "14", "--flatten", "--rereloop", "-Oz", "--flatten", "--rereloop", "-Oz",
    "--merge-similar-functions", "-Oz", "--strip-producers", wasm, "-o", wasm,
  ]);
  dropPanicTexts(wasm);
  shortenNames(wasm);
  orderFunctions(wasm);
  addWarmUp();
  rmSync(join(top, "pkg", ".gitignore"), { force: true });
  const raw = statSync(wasm).size;
  const gz = gzipSync(readFileSync(wasm), { level: 9 }).length;
  console.log(`build: pkg/verbatim_bg.wasm ${(raw / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzip`);
}

/// A panic in the release module is a bug that traps whatever it says: `panic = "abort"`, and the
/// message hook is installed only in debug builds (src/lib.rs), so std's handler formats a message
/// that nobody reads and then executes `unreachable`. Its formatting (core::fmt, the payloads,
/// integer printing: 3 KB of the gzipped module) stays in the module because the messages' argument
/// tables put those functions in the function table, where no optimiser can tell them dead. Here
/// every panic's single way in, `core::panicking::panic_fmt`, becomes `unreachable` itself (the
/// same trap, without the message, as std's `panic_immediate_abort` builds it), and so does every
/// formatting function, which nothing but a panic message calls.
///
/// "Nothing calls them" is checked, not assumed: after the change, any function still reachable
/// from the exports or the table that calls one of them directly (a `format!`, a `to_string()` on a
/// `Display` type, a `write!` into a String) stops the build: formatting that the module really
/// uses must not trap. The check reads binaryen's call graph of the module with dead code removed.
///
/// The functions that raise a panic (`panic_bounds_check`, `slice_index_fail`, `assert_failed`,
/// `RefCell`'s and `Vec`'s, all `-> !` in Rust) then still build their message's arguments on the
/// stack before the trap, at every call site once inlined: binaryen may not drop a store before an
/// `unreachable` (that is what --traps-never-happen would allow everywhere, rejected for safety). They
/// become `unreachable` too, each only when binaryen proves that every path through it already
/// traps: on a throwaway copy with them exported, `--traps-never-happen --inlining-optimizing` must
/// leave each body a bare `unreachable`; one that may return stops the build (handle_alloc_error, which
/// calls the allocation error hook through a pointer, is why the list is not "everything that panics").
/// Measured at a0c59cc: 99,995 -> 99,363 bytes (632; with the inlining limit at 16).
async function dropPanics(wasm) {
  const { default: binaryen } = await import("binaryen");
  const dropped = [
    /^core(\[[0-9a-f]+\])?::panicking::panic_fmt(::h[0-9a-f]+)?$/, // every panic, bounds check, unwrap
    /::fmt::/, // core::fmt, and every impl of its traits (Display, Debug, Write)
    /::panicking::panic_handler::\w+Payload\b/, // the panic payloads' vtables
  ];
  const diverging = [ // each proven below to trap on every path
    /^core(\[[0-9a-f]+\])?::panicking::/, // panic, panic_bounds_check, assert_failed, …
    /^core(\[[0-9a-f]+\])?::slice::index::slice_index_fail$/,
    /^core(\[[0-9a-f]+\])?::slice::copy_from_slice_impl::len_mismatch_fail$/,
    /^core(\[[0-9a-f]+\])?::cell::panic_already_(mutably_)?borrowed$/,
    /^alloc(\[[0-9a-f]+\])?::raw_vec::capacity_overflow$/,
    /^<alloc(\[[0-9a-f]+\])?::vec::Vec<_, _>>::\w+::assert_failed$/,
    /^std(\[[0-9a-f]+\])?::thread::local::panic_access_error$/,
  ];
  const entry = dropped[0];
  const module = binaryen.readBinary(readFileSync(wasm));
  const F = binaryen.Features;
  module.setFeatures(F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.SignExt | F.NontrappingFPToInt | F.MutableGlobals);
  const names = new Set();
  const candidates = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const func = module.getFunctionByIndex(i);
    const info = binaryen.getFunctionInfo(func);
    if (info.module) continue;
    if (dropped.some((pattern) => pattern.test(info.name))) {
      binaryen.Function.setBody(func, module.unreachable());
      names.add(info.name);
    } else if (diverging.some((pattern) => pattern.test(info.name))) {
      candidates.push(func);
    }
  }
  if (![...names].some((name) => entry.test(name))) {
    throw new Error("build: core::panicking::panic_fmt is not in the module (no names?); cannot drop the panics");
  }
  if (candidates.length === 0) throw new Error("build: no panicking function found; dropPanics needs a look");
  binaryen.setDebugInfo(true); // keep the names for the check; the last wasm-opt drops them
  // the proof that each candidate traps on every path (see above), on a throwaway copy
  const check = `${wasm}.check.wasm`;
  candidates.forEach((func, i) => module.addFunctionExport(binaryen.getFunctionInfo(func).name, `__check${i}`));
  writeFileSync(check, module.emitBinary());
  candidates.forEach((_, i) => module.removeExport(`__check${i}`));
  const proof = execFileSync(join(bin, "wasm-opt"),
    [...FEATURES, check, "--traps-never-happen", "--inlining-optimizing", "--print"],
    { cwd: top, encoding: "utf8", maxBuffer: 1 << 30 });
  rmSync(check, { force: true });
  candidates.forEach((func, i) => {
    const name = binaryen.getFunctionInfo(func).name;
    const printed = (proof.match(new RegExp(`^ \\(export "__check${i}" \\(func (\\$(?:"(?:[^"\\\\]|\\\\.)*"|\\S+))\\)\\)$`, "m")) || [])[1];
    const at = printed === undefined ? -1 : proof.indexOf(`\n (func ${printed}`);
    const head = at < 0 ? "" : proof.slice(at + 8 + printed.length, at + 9 + printed.length);
    const body = at < 0 || !/[ \n]/.test(head) ? undefined : proof.slice(proof.indexOf("\n", at + 1) + 1, proof.indexOf("\n )", at + 1))
      .split("\n").filter((line) => !/^  \(local /.test(line)).join("\n");
    if (body !== "  (unreachable)") {
      throw new Error(`build: ${name} may not trap on every path (binaryen cannot prove it); dropPanics cannot drop it:\n${body}`);
    }
    binaryen.Function.setBody(func, module.unreachable());
    names.add(name);
  });
  writeFileSync(wasm, dropPanicLocations(Buffer.from(module.emitBinary())));
  binaryen.setDebugInfo(false);
  module.dispose();
  const graph = execFileSync(join(bin, "wasm-opt"),
    [...FEATURES, wasm, "--remove-unused-module-elements", "--print-call-graph", "-o", "/dev/null"],
    { cwd: top, encoding: "utf8", maxBuffer: 1 << 28 });
  const callers = [];
  let panics = 0; // calls of a panic read: a graph whose format changed must not pass unread
  for (const [, from, to] of graph.matchAll(/^\s*"((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)"; \/\/ call$/gm)) {
    if (!names.has(to) || names.has(from)) continue;
    if (entry.test(to) || diverging.some((pattern) => pattern.test(to))) panics++;
    else callers.push(`${from} -> ${to}`);
  }
  if (panics === 0) throw new Error("build: no call of a panic in binaryen's call graph; cannot check dropPanics");
  if (callers.length) {
    throw new Error(`build: the module formats text outside panics; dropPanics would make that trap:\n  ${callers.join("\n  ")}`);
  }
}

/// The other half of dropPanics: the data that only a panic message read. Every panic site passes a
/// `core::panic::Location` (file name, line, column: 16 bytes of constants) and the file names are
/// long paths (`/rustc/<hash>/library/core/src/…`); 114 locations and 24 paths, about 2.7 KB of
/// the module's data that gzip shrinks poorly. With panic_fmt gone nothing reads them: they are set
/// to zeros here, and wasm-opt's memory packing then leaves the zeros out of the module (memory
/// starts zeroed). A location is recognised by its layout: a file name's address and length that
/// point at a path ending in `.rs` in the data, then a line and a column of plausible size (a layout
/// that ever changed finds none, and that stops the build). Measured: 755 bytes of the gzipped
/// module.
function dropPanicLocations(bytes) {
  const segments = dataSegments(bytes);
  const dataAt = (address, length) => {
    const segment = segments.find((s) => address >= s.address && address + length <= s.address + s.length);
    return segment && segment.start + address - segment.address;
  };
  const names = [];
  let locations = 0;
  for (const { address, start, length } of segments) {
    for (let offset = (4 - (address % 4)) % 4; offset + 16 <= length; offset += 4) {
      const at = start + offset;
      const [file, size, line, column] = [0, 4, 8, 12].map((k) => bytes.readUInt32LE(at + k));
      if (size < 4 || size > 300 || line < 1 || line > 100000 || column < 1 || column > 1000) continue;
      const name = dataAt(file, size);
      if (name === undefined || !/^[\w\-.\/]+\.rs$/.test(bytes.toString("latin1", name, name + size))) continue;
      names.push([name, size]);
      bytes.fill(0, at, at + 16);
      locations++;
    }
  }
  if (locations === 0) throw new Error("build: no panic location found in the data; dropPanicLocations needs a look");
  for (const [name, size] of names) bytes.fill(0, name, name + size);
  return bytes;
}

/// Walks a module's sections: `visit(id, r)` with a reader at the section's contents (`r.at` its
/// position in `bytes`, `r.leb()` an unsigned LEB128 read there); the next section follows
/// whatever the visitor read.
function eachSection(bytes, visit) {
  const r = {
    at: 8,
    leb() {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const b = bytes[r.at++];
        value += (b & 0x7f) * 2 ** shift;
        if (!(b & 0x80)) return value;
      }
    },
  };
  while (r.at < bytes.length) {
    const id = bytes[r.at++];
    const size = r.leb();
    const end = r.at + size;
    visit(id, r);
    r.at = end;
  }
}

/// The active data segments of a module: address in memory, position and length in the file.
function dataSegments(bytes) {
  const segments = [];
  eachSection(bytes, (id, r) => {
    if (id !== 11) return;
    for (let n = r.leb(); n > 0; n--) {
      const flags = r.leb();
      if (flags !== 0 || bytes[r.at] !== 0x41) throw new Error("build: a data segment that is not `i32.const` active");
      r.at++;
      const address = r.leb(); // an i32.const is signed, but the data sits below 2^31 (low memory)
      if (bytes[r.at++] !== 0x0b) throw new Error("build: a data segment's offset is not one constant");
      const length = r.leb();
      segments.push({ address, start: r.at, length });
      r.at += length;
    }
  });
  return segments;
}

/// The last of dropPanics: the panic messages' own texts ("index out of bounds: the len is ",
/// "capacity overflow", "RefCell already borrowed", …, and core::fmt's table of digit pairs), which
/// stay in the data after the code that formatted them is gone, because no optimiser can tell a
/// byte of the data unread. They are set to zeros, which gzip all but drops. Only texts of core,
/// alloc and std listed here are touched, and each only where nothing in the final module points
/// into it (an `i32.const` or a load's offset in the code, a 32-bit word in the data): a text that
/// is still read (a literal of ours that the linker merged with one of these) stops the build.
/// wasm-bindgen's own messages ("null pointer passed to rust") are thrown to JavaScript and stay.
/// Measured at 7f27ace: 881 bytes of text, 439 bytes of the gzipped module.
const PANIC_TEXTS = [
  "assertion failed: self.is_char_boundary(new_len)", "slice index starts at ", " but ends at ",
  " index out of bounds: the len is ", " but the index is ", "range start index ", "range end index ",
  " out of range for slice of length ", "assertion `left ", " right` failed", "\n  left: ", "\n right: ",
  "cannot access a Thread Local Storage value during or after destruction: ",
  "copy_from_slice: source slice length (", ") does not match destination slice length (",
  "insertion index (is ", "removal index (is ", "swap_remove index (is ", ") should be <= len (is ",
  ") should be < len (is ", "capacity overflow", "Tried to shrink to a larger capacity", "mid > len",
  "RefCell already mutably borrowed", "RefCell already borrowed", "0x0123456789ABCDEF", "0123456789abcdef",
  "AccessError", "==!=matches",
  Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0")).join(""),
];

/// core::panicking's names of the assertions (`assert_failed_inner`: ==, !=, matches), as the
/// compiler lays out a `match` that picks a `&str`: the addresses of the texts, then their lengths.
const PANIC_TABLES = [["==", "!=", "matches"]];

function dropPanicTexts(wasm) {
  const bytes = readFileSync(wasm);
  const wat = execFileSync(join(bin, "wasm-dis"), [wasm], { cwd: top, encoding: "utf8", maxBuffer: 1 << 28 });
  const pointers = new Set();
  // the data's own declarations are no pointers, nor is the stack pointer's start (the stack lies
  // below it: it is the address of the first data, and nothing reads at it through the stack)
  const code = wat.replace(/^ \((?:data .*|global \$\S+ \(mut i32\) \(i32\.const \d+\)\))$/gm, "");
  for (const [, value] of code.matchAll(/(?:i32\.const |offset=)(\d+)/g)) {
    pointers.add(Number(value));
  }
  const segments = dataSegments(bytes);
  const dataPointers = () => {
    const found = new Set();
    for (const { address, start, length } of segments) {
      // a pointer in the data is aligned to 4 in memory, as every static that holds one
      for (let at = start + ((4 - (address % 4)) % 4); at + 4 <= start + length; at += 4) {
        found.add(bytes.readUInt32LE(at));
      }
    }
    return found;
  };
  let zeroed = 0;
  // first the tables of texts (`&[&str]`: address and length of each) that only a panic message
  // read, when nothing points into them; their texts are then in PANIC_TEXTS
  const textAt = (p, n) => {
    const s = segments.find((g) => p >= g.address && p + n <= g.address + g.length);
    return s && bytes.toString("latin1", s.start + p - s.address, s.start + p - s.address + n);
  };
  const inData = dataPointers();
  for (const table of PANIC_TABLES) {
    let found = 0;
    for (const { address, start, length } of segments) {
      // a segment leaves out its trailing zeros (memory starts zeroed): the table may end past it
      const word = (at) => at + 4 <= start + length ? bytes.readUInt32LE(at)
        : Buffer.concat([bytes.subarray(at, start + length), Buffer.alloc(4)]).readUInt32LE(0);
      for (let at = start + ((4 - (address % 4)) % 4); at + 4 * table.length <= start + length; at += 4) {
        if (!table.every((text, k) => word(at + 4 * (table.length + k)) === text.length &&
          textAt(word(at + 4 * k), text.length) === text)) continue;
        const from = address + at - start;
        if (segments.some((g) => g.address > address && g.address < from + 8 * table.length)) {
          throw new Error(`build: the table ${JSON.stringify(table)} at ${from} runs into other data; dropPanicTexts needs a look`);
        }
        for (const p of [...pointers, ...inData]) {
          if (p >= from && p < from + 8 * table.length) {
            throw new Error(`build: the table ${JSON.stringify(table)} at ${from} is still read (${p}); dropPanicTexts would break it`);
          }
        }
        bytes.fill(0, at, Math.min(at + 8 * table.length, start + length));
        zeroed += 8 * table.length;
        found++;
      }
    }
    if (found === 0) throw new Error(`build: the table ${JSON.stringify(table)} is not in the data; dropPanicTexts needs a look`);
  }
  for (const p of dataPointers()) pointers.add(p);
  for (const { address, start, length } of segments) {
    const data = bytes.subarray(start, start + length);
    for (const text of PANIC_TEXTS) {
      for (let i = data.indexOf(text, 0, "latin1"); i >= 0; i = data.indexOf(text, i + text.length, "latin1")) {
        const from = address + i;
        for (const p of pointers) {
          if (p >= from && p < from + text.length) {
            throw new Error(`build: ${JSON.stringify(text)} at ${from} is still read (${p}); dropPanicTexts would break it`);
          }
        }
        data.fill(0, i, i + text.length);
        zeroed += text.length;
      }
    }
  }
  if (zeroed === 0) throw new Error("build: no panic text found in the data; dropPanicTexts needs a look");
  writeFileSync(wasm, bytes);
}

/// wasm-bindgen names every import `__wbg_<name>_<16 hex digits>`: 63 imports, 3 KB of the module
/// that gzip cannot shrink (the digits are a hash). binaryen's wasm-opt gives every import, export
/// and import module a name of one or two characters and prints the mapping; the same mapping is
/// applied to the glue (pkg/verbatim.js: its import object's keys and its `wasm.<export>` uses) and
/// to the module's type declarations, so that every file of pkg/ agrees. Measured: 1.4 KB of the
/// gzipped module, 1.4% of its budget.
function shortenNames(wasm) {
  const out = execFileSync(join(bin, "wasm-opt"),
    [...FEATURES, "--minify-imports-and-exports-and-modules", wasm, "-o", wasm], { cwd: top, encoding: "utf8" });
  const map = JSON.parse(out.slice(out.indexOf("{")));
  const gluePath = join(top, "pkg", "verbatim.js");
  let glue = readFileSync(gluePath, "utf8");
  const replaceAll = (text, pattern, to, what) => {
    const n = (text.match(pattern) || []).length;
    if (n === 0) throw new Error(`build: ${what} is not in the glue; cannot shorten the module's names`);
    return text.replace(pattern, to);
  };
  const modules = new Set(map.imports.map(([module]) => module));
  if (modules.size !== 1) throw new Error("build: expected one import module from wasm-bindgen");
  const [module] = modules;
  for (const [, name, to] of map.imports) {
    const key = new RegExp(`^(\\s+)${name}(: function)`, "m");
    glue = replaceAll(glue, key, `$1${JSON.stringify(to)}$2`, `import ${name}`);
  }
  // the module name: binaryen names the one module too (its new name is in the wasm's import section)
  const short = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasm)))[0].module;
  glue = replaceAll(glue, new RegExp(`"${module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}": import0`), `${JSON.stringify(short)}: import0`, "the import module");
  for (const [name, to] of map.exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${name}\\b`, "g"), `wasm[${JSON.stringify(to)}]`);
  }
  if (/\bwasm\.\w/.test(glue)) throw new Error("build: the glue uses an export the module no longer names");
  writeFileSync(gluePath, glue);
  const types = join(top, "pkg", "verbatim_bg.wasm.d.ts");
  if (existsSync(types)) {
    let d = readFileSync(types, "utf8");
    for (const [name, to] of map.exports) {
      d = d.replace(new RegExp(`^export const ${name}:`, "m"), `export const ${to}:`);
    }
    writeFileSync(types, d);
  }
}

/// The functions of the module in an order that gzip shrinks better: each next to the one it
/// repeats most of. Order means nothing to WebAssembly (binaryen renumbers the calls, the table and
/// the exports), but deflate finds repeats only within 32 KB behind, and codes near ones in fewer
/// bits; the compiler's order keeps a function near the ones of its source file, not near the ones
/// that are alike (the same iterator adapters over other closures, the same checks of a list).
/// Greedy (greedyOrder), in each of a few windows of the code placed so far (ORDER_WINDOWS), the
/// smallest module kept; the order is the same on every build.
/// binaryen sorts the functions by names given for that purpose (a name
/// section written here, dropped again on output). Measured at af4c592 with the LLVM options
/// above: 98,398 -> 97,582 bytes (the last kilobyte of the one function before: 97,717; 4 KB of
/// the last 4: 97,562; 8 KB of the last 16: 97,677; on the module before the LLVM options,
/// 99,965 -> 99,160, and sorting by size alone 99,639). binaryen's --reorder-functions (by calls)
/// cost 1.8 KB, and the most called functions first (one-byte indices, 2.6 KB less raw) 700
/// bytes: which functions are neighbours matters more than the calls' bytes. 40-70 s of the build.
/// Taken into main in the eighteenth session, when the speaker rules needed the room: with them,
/// 100,097 -> 99,343 bytes (over the ceiling without it). No library does this: binaryen's own
/// orders cost bytes (above), and wasm-opt has no deflate-guided one.
function orderFunctions(wasm) {
  const bytes = readFileSync(wasm);
  let imported = 0;
  const bodies = [];
  eachSection(bytes, (id, r) => {
    const skipLimits = () => (bytes[r.at++] & 1 ? (r.leb(), r.leb()) : r.leb());
    if (id === 2) { // imports: functions imported come first in the index space
      for (let n = r.leb(); n > 0; n--) {
        for (const _ of ["module", "name"]) {
          const length = r.leb();
          r.at += length;
        }
        const kind = bytes[r.at++];
        if (kind === 0) { r.leb(); imported++; } else if (kind === 1) { r.at++; skipLimits(); } else if (kind === 2) skipLimits();
        else if (kind === 3) r.at += 2;
        else throw new Error("build: an import of an unknown kind; orderFunctions needs a look");
      }
    } else if (id === 10) {
      for (let n = r.leb(); n > 0; n--) {
        const length = r.leb();
        bodies.push(bytes.subarray(r.at, r.at + length));
        r.at += length;
      }
    } else if (id === 0) {
      throw new Error("build: a custom section before orderFunctions; it writes the names itself");
    }
  });
  if (bodies.length === 0) throw new Error("build: no code section; orderFunctions needs a look");
  const cost = (b) => deflateRawSync(b, { level: 9 }).length;
  const alone = bodies.map(cost);
  // the name section (subsection 1, function names): defined function k is named by its rank
  const uleb = (v) => {
    const out = [];
    do {
      out.push((v & 0x7f) | (v >= 0x80 ? 0x80 : 0));
      v = Math.floor(v / 128);
    } while (v > 0);
    return out;
  };
  let best = null;
  for (const [functions, window] of ORDER_WINDOWS) {
    const order = greedyOrder(bodies, alone, cost, functions, window);
    const rank = new Array(bodies.length);
    order.forEach((k, r) => { rank[k] = r; });
    const names = [...uleb(bodies.length)];
    rank.forEach((r, k) => {
      const name = Buffer.from(`f${String(r).padStart(6, "0")}`);
      names.push(...uleb(imported + k), ...uleb(name.length), ...name);
    });
    const payload = [...uleb(4), ...Buffer.from("name"), 1, ...uleb(names.length), ...names];
    const candidate = `${wasm}.order`;
    writeFileSync(candidate, Buffer.concat([bytes, Buffer.from([0, ...uleb(payload.length), ...payload])]));
    run(join(bin, "wasm-opt"), [...FEATURES, "--reorder-functions-by-name", candidate, "-o", candidate]);
    const ordered = readFileSync(candidate);
    const size = gzipSync(ordered, { level: 9 }).length;
    if (best === null || size < best.size) best = { size, ordered };
  }
  rmSync(`${wasm}.order`, { force: true });
  writeFileSync(wasm, best.ordered);
}

/// The windows orderFunctions tries, each (how many of the last functions placed, how many of
/// their last bytes): the greedy order moves with every change of code, by tens to hundreds of
/// bytes either way, and which window does best moves with it (at the nineteenth session's linear
/// split_incises: 8 and 8 KB 100,050 bytes, 8 and 4 KB 99,942, 16 and 8 KB 99,988, 4 and 4 KB
/// 100,014, 8 and 16 KB 99,994), so the build keeps the smallest of three (about 7 s each on our 2-core machine).
const ORDER_WINDOWS = [[8, 8192], [8, 4096], [16, 8192]];

/// The greedy order of orderFunctions: from the first function, the next is always the one that
/// deflate codes in the fewest bytes after the last `window` bytes of the last `functions` placed,
/// against what it costs alone (`alone`); ties go to the earlier one.
function greedyOrder(bodies, alone, cost, functions, window) {
  const left = new Set(bodies.keys());
  const order = [0];
  left.delete(0);
  while (left.size > 0) {
    const tail = Buffer.concat(order.slice(-functions).map((k) => bodies[k])).subarray(-window);
    let best = -1;
    let bestCost = Infinity;
    for (const k of left) { // (a Set iterates in insertion order: ties go to the earlier function)
      const c = cost(Buffer.concat([tail, bodies[k]])) - alone[k];
      if (c < bestCost) [best, bestCost] = [k, c];
    }
    order.push(best);
    left.delete(best);
  }
  return order;
}

/// Adds `warmUp()` to pkg/verbatim.js (src/warm.js says why): the glue remembers the module it was
/// initialised with, and `warmUp()` hands it to a worker that imports this same glue.
function addWarmUp() {
  const gluePath = join(top, "pkg", "verbatim.js");
  let glue = readFileSync(gluePath, "utf8");
  const finalize = /^function __wbg_finalize_init\(instance, module\) \{\n/m;
  if (!finalize.test(glue)) throw new Error("build: the wasm-bindgen glue changed; cannot find __wbg_finalize_init");
  glue = glue.replace(finalize, (head) => `${head}    __wbg_finalize_init.module = module;\n`);
  glue += [
    "",
    readFileSync(join(top, "src", "warm.js"), "utf8").trimEnd(),
    "// <verbatim:warm-export>",
    "/// Warms the module up in a worker (src/warm.js): after `init()` or `initSync()`, before the first",
    "/// `process`. Resolves with the worker's time in ms, or -1 when it could not run; never rejects.",
    "export function warmUp(rounds = 4) {",
    "    const module = __wbg_finalize_init.module;",
    "    if (module === undefined) return Promise.resolve(-1);",
    "    return verbatimWarm(module, import.meta.url, rounds);",
    "}",
    "// </verbatim:warm-export>",
    "",
  ].join("\n");
  writeFileSync(gluePath, glue);
  const types = join(top, "pkg", "verbatim.d.ts");
  writeFileSync(types, readFileSync(types, "utf8") + [
    "",
    "/**",
    " * Warms the module up off the main thread: a worker given the same compiled module runs the",
    " * analysis over invented text, so that the page's first `process` runs optimised code. Call it",
    " * after `init()`; it resolves with the worker's time in ms, or -1 when no worker could run.",
    " */",
    "export function warmUp(rounds?: number): Promise<number>;",
    "",
  ].join("\n"));
}

export function buildExtensions() {
  const base = JSON.parse(readFileSync(join(top, "extension", "manifest.base.json"), "utf8"));
  const wasm = join(top, "pkg", "verbatim_bg.wasm");
  for (const browser of ["chrome", "firefox"]) {
    const out = join(top, "dist", browser);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cpSync(join(top, "extension"), out, {
      recursive: true,
      filter: (src) => !/manifest\.[a-z]+\.json$/.test(src) && !src.endsWith("README.md") &&
        !src.endsWith(join("extension", "content.js")) && !src.endsWith(join("extension", "settings.js")),
    });
    cpSync(join(top, "extension", "settings.js"), join(out, "settings.js"));
    const overlay = JSON.parse(readFileSync(join(top, "extension", `manifest.${browser}.json`), "utf8"));
    writeFileSync(join(out, "manifest.json"), JSON.stringify(merge(base, overlay), null, 2) + "\n");
    // Only Chromium refuses WebAssembly in content scripts on pages whose CSP forbids it (Firefox
    // applies the extension's own policy there), so only the Chrome build carries the wasm2js copy.
    const fallback = browser === "chrome";
    if (fallback) {
      mkdirSync(join(out, "wasm"), { recursive: true });
      writeFileSync(join(out, "wasm", "verbatim_wasm2js.js"), wasm2jsModule(wasm));
    }
    writeFileSync(join(out, "content.js"), contentScript(browser, fallback));
    writeFileSync(join(out, "verbatim.css"), stylesheet());
  }
  console.log("build: dist/chrome and dist/firefox written");
}

/// The DOM layer's rules, as src/dom/style.js carries them (its `CSS`), for the extension's
/// manifest stylesheet.
function stylesheet() {
  const js = readFileSync(join(top, "src", "dom", "style.js"), "utf8");
  const rules = js.match(/^export const CSS = `([^`]*)`;$/m);
  if (!rules) throw new Error("build: src/dom/style.js holds no `export const CSS = `…`;`");
  return "/* Verbatim: why each rule is so, in src/dom/style.rs */\n" + rules[1];
}

/// The content script: one classic script (content scripts cannot be modules, and a dynamic
/// import() of a computed URL is what web-ext lint warns about). It holds extension/settings.js,
/// pkg/verbatim_bg.wasm as base64 (decoded and compiled only on pages that pass the pre-check, but
/// at hand synchronously: no fetch between the first frame of an article and its first pass), the
/// wasm-bindgen glue of pkg/ with its snippets turned into plain functions, and
/// extension/content.js, which finds the glue as `verbatimGlue`.
function contentScript(browser, fallback) {
  const pkg = join(top, "pkg");
  let glue = readFileSync(join(pkg, "verbatim.js"), "utf8");
  const snippets = [];
  glue = glue.replace(/^import \{[^}]*\} from '(\.\/snippets\/[^']+)';\n/gm, (_, path) => {
    snippets.push(readFileSync(join(pkg, path), "utf8").replace(/^export (function|const|class) /gm, "$1 "));
    return "";
  });
  const patch = (from, to, what) => {
    if (!from.test(glue)) throw new Error(`build: the wasm-bindgen glue changed; cannot patch ${what}`);
    glue = glue.replace(from, to);
  };
  patch(/^export \{ initSync, __wbg_init as default \};\n?/m, "", "its exports");
  // warmUp is not used by the extension (src/warm.js says why)
  patch(/^\/\/ <verbatim:warm>[\s\S]*^\/\/ <\/verbatim:warm-export>\n/m, "", "warmUp");
  glue = glue.replace(/^export (function|class) /gm, "$1 ");
  patch(/new URL\('verbatim_bg\.wasm', import\.meta\.url\)/, "undefined", "import.meta");
  // wasm2js grows memory by replacing the ArrayBuffer without detaching the old one: the cached
  // views must be compared with the current buffer, not tested for being detached or empty.
  // (the memory export's name is shortened by shortenNames: read it from the glue)
  const memory = (glue.match(/cachedDataViewMemory0\.buffer !== (wasm(?:\.memory|\["\w+"\]))\.buffer/) || [])[1];
  if (!memory) throw new Error("build: the wasm-bindgen glue changed; cannot find its memory");
  patch(/cachedUint8ArrayMemory0 === null \|\| cachedUint8ArrayMemory0\.byteLength === 0/,
    `cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.buffer !== ${memory}.buffer`, "the Uint8Array view");
  patch(/cachedDataViewMemory0 === null \|\| cachedDataViewMemory0\.buffer\.detached === true \|\| \(cachedDataViewMemory0\.buffer\.detached === undefined && cachedDataViewMemory0\.buffer !== wasm(?:\.memory|\["\w+"\])\.buffer\)/,
    `cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer !== ${memory}.buffer`, "the DataView");
  if (/\bimport\b[\s(*{]|\bexport\b /.test(glue.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, ""))) {
    throw new Error("build: the wasm-bindgen glue still has an import or export after bundling");
  }
  return [
    "// Verbatim's content script, generated by scripts/build.mjs: do not edit here.",
    "// Sources: extension/settings.js, the wasm-bindgen glue pkg/verbatim.js with its snippets",
    "// (src/dom/*.js), extension/content.js.",
    "(() => {",
    '"use strict";',
    `const VERBATIM_BUILD = ${JSON.stringify({ browser, fallback })};`,
    `const VERBATIM_WASM_BASE64 = "${readFileSync(join(pkg, "verbatim_bg.wasm")).toString("base64")}";`,
    readFileSync(join(top, "extension", "settings.js"), "utf8"),
    "const verbatimGlue = (() => {",
    ...snippets,
    glue,
    "return { init: __wbg_init, initSync, imports: __wbg_get_imports, finalize: __wbg_finalize_init, process, processStep, restore, showRepeats, ReadMemory, useReadMemory, readCandidates };",
    "})();",
    readFileSync(join(top, "extension", "content.js"), "utf8"),
    "})();",
    "",
  ].join("\n");
}

/// The same .wasm as plain JavaScript (npm binaryen's wasm2js), as a module exporting
/// `instantiate(imports)`. It takes about half a minute, so it is cached by the .wasm's hash.
function wasm2jsModule(wasm) {
  const hash = createHash("sha256").update(readFileSync(wasm)).digest("hex").slice(0, 16);
  const cacheDir = join(top, "target", "verbatim-wasm2js");
  const cached = join(cacheDir, `${hash}.js`);
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    const raw = join(cacheDir, `${hash}.raw.js`);
    run(join(bin, "wasm2js"), [...FEATURES, "-Os", wasm, "-o", raw]);
    let js = readFileSync(raw, "utf8");
    const head = /^import \* as ([$\w]+) from '[^']+';\n/;
    const tail = /\nvar retasmFunc = asmFunc\(\{[\s\S]*$/;
    if (!head.test(js) || !tail.test(js)) throw new Error("build: unexpected wasm2js output");
    js = js.replace(head, "").replace(tail, "\n");
    js = "// Generated by scripts/build.mjs: pkg/verbatim_bg.wasm turned into JavaScript by wasm2js.\n" +
      js + "export function instantiate(imports) {\n  return asmFunc(imports);\n}\n";
    rmSync(raw, { force: true });
    for (const old of readdirSync(cacheDir)) rmSync(join(cacheDir, old), { force: true }); // one entry kept
    writeFileSync(cached, js);
  }
  return readFileSync(cached, "utf8");
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
  // --extension: rebuild only dist/ from the pkg/ already built (for work on extension/).
  if (!process.argv.includes("--extension")) await buildPkg();
  buildExtensions();
}
