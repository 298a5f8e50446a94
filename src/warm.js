// <verbatim:warm> Warming the module up off the main thread (issue 12): appended to pkg/verbatim.js
// by scripts/build.mjs, which exports `warmUp()`.
//
// Why: V8 compiles a WebAssembly module's functions lazily with its baseline compiler on first
// call, and optimises one only after it has run for a while, in the background, for its next call:
// a page's first `process` runs the text core in baseline code and pays its compilation (measured:
// the first call about 2.5 times the warm one, most of the difference in the module). A worker
// that instantiates the same `WebAssembly.Module` shares its compiled code (V8 keeps one copy per
// module, whichever thread compiled or optimised it), so a worker running `analyze` over invented
// text leaves the page's instance optimised code. A module compiled again from the same bytes does
// not share it (measured: no gain), so the module itself is sent. The text is ours and fictional;
// it goes through repeats, quotations, speakers and both languages' cues so that the functions a
// real page needs are among those optimised. The walker's JavaScript (whose code a worker does not
// share) stays cold: warming it on the main thread (20 walks of an invented document) cost 26 to
// 52 ms there to save about 13 ms of the first call (measured), so it is not done.
//
// It pays where the page has time before its first `process` (the module loaded while the page
// still loads, or a pass on a user's action). The extension does not use it: its first pass comes
// at DOMContentLoaded, usually before a warm-up could end, and on a machine of two busy cores the
// worker slowed that pass (measured, docs/BENCHMARKS.md).

/// Invented paragraphs for the warm-up (runs in the worker).
function verbatimWarmText() {
  const words = ["harbour", "council", "ferry", "bridge", "morning", "residents", "budget", "river", "station",
    "plan", "weather", "market", "school", "tunnel", "season", "workers", "library", "festival", "road", "garden"];
  const names = ["Ana Ruiz", "Tomas Berg", "the mayor", "Lena Kovacs", "a spokesman for the Port Authority"];
  let seed = 7;
  const next = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const sentence = (n) => Array.from({ length: n }, () => words[next(words.length)]).join(" ");
  const out = [];
  for (let i = 0; i < 60; i++) {
    const who = names[next(names.length)];
    switch (i % 6) {
      case 0: out.push(`"The ${sentence(9)} will open in ${2020 + (i % 9)}," ${who} said on Tuesday. ${sentence(14)}.`); break;
      case 1: out.push(`${who} told reporters that the "${sentence(3)}" was ${sentence(6)}: "We ${sentence(8)}."`); break;
      case 2: out.push(`„Die ${sentence(7)} bleibt bis Montag geschlossen“, sagte ${who} am Mittwoch. Der ${sentence(10)}.`); break;
      case 3: out.push(`The ${sentence(12)}, according to ${who}. ${sentence(16)}.`); break;
      case 4: out.push(`‘${sentence(6)}’, he added, ‘and ${sentence(5)}.’ ${sentence(11)}.`); break;
      default: out.push(out[i - 5]);
    }
  }
  return out;
}

/// The worker's body: `glue` is the module's wasm-bindgen glue (initSync, analyze).
function verbatimWarmWorker(glue) {
  self.onmessage = (e) => {
    const t0 = performance.now();
    try {
      glue.initSync({ module: e.data.module });
      const text = verbatimWarmText();
      for (let r = 0; r < e.data.rounds; r++) glue.analyze(text);
      self.postMessage(performance.now() - t0);
    } catch (_) {
      self.postMessage(-1);
    }
  };
}

/// Runs the warm-up in a module worker that imports the glue at `glueUrl`; resolves with the
/// worker's time in ms, or -1 when it could not run (no workers, a page's CSP refusing a worker or
/// WebAssembly): never rejects.
function verbatimWarm(module, glueUrl, rounds) {
  return new Promise((resolve) => {
    let url = null;
    try {
      const source = `import * as glue from ${JSON.stringify(glueUrl)};\n${verbatimWarmText}\n(${verbatimWarmWorker})(glue);\n`;
      url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      const worker = new Worker(url, { type: "module" });
      let answered = false;
      const done = (ms) => {
        if (answered) return;
        answered = true;
        worker.terminate();
        URL.revokeObjectURL(url);
        resolve(ms);
      };
      worker.onmessage = (e) => done(e.data);
      worker.onerror = () => done(-1);
      // a worker that never answers (refused without an error event) is not waited for
      setTimeout(() => done(-1), 5000);
      worker.postMessage({ module, rounds });
    } catch (_) {
      if (url !== null) URL.revokeObjectURL(url);
      resolve(-1);
    }
  });
}
// </verbatim:warm>
