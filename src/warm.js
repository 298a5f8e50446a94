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
// it has the shapes of a page's walk (four languages' quotations and cues, long paragraphs of
// dialogue, headlines, short lines, the markup's indentation, repeats of every kind) so that the
// functions a real page needs are among those optimised: what is optimised depends on what the
// worker ran, not on how long (measured: this text in 4 rounds against the earlier 60 English and
// German paragraphs in 10 or 30 rounds, docs/BENCHMARKS.md). The walker's JavaScript (whose code a worker does not
// share) stays cold: warming it on the main thread (20 walks of an invented document) cost 26 to
// 52 ms there to save about 13 ms of the first call (measured), so it is not done.
//
// It pays where the page has time before its first `process` (the module loaded while the page
// still loads, or a pass on a user's action). The extension does not use it: its first pass comes
// at DOMContentLoaded, usually before a warm-up could end, and on a machine of two busy cores the
// worker slowed that pass (measured, docs/BENCHMARKS.md).

/// Invented pages for the warm-up (runs in the worker), in the shapes a page's walk gives the core:
/// an English, a German, a French and a Spanish page of quotations and speakers (straight, curly,
/// guillemets, low-high, corner brackets, dashes of dialogue), long paragraphs of dialogue full of
/// names, headlines, short lines of navigation and bylines, the markup's indentation inside
/// paragraphs, and repeats exact, near (a word or the quotation marks changed) and contained (a
/// paragraph inside a longer one). Each page is one `analyze` call.
function verbatimWarmText() {
  let seed = 7;
  const next = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed >>> 8) % n; };
  const pick = (xs) => xs[next(xs.length)];
  const nouns = ["harbour", "council", "ferry", "bridge", "morning", "budget", "river", "station", "market", "school",
    "tunnel", "library", "festival", "garden", "museum", "pier", "lighthouse", "orchard", "tram", "village"];
  const people = ["Ana Ruiz", "Tomas Berg", "Lena Kovacs", "Jane Okafor", "Rafael Ortiz", "Helen Marsh", "Jun Park"];
  const nav = ["Home", "World", "Sport", "Weather", "Share this article", "Sign in", "Comments (12)", "Advertisement",
    "Related stories", "5 min read", "Most read", "Next article"];
  // per language: function words, a cue, a quotation's marks, a description, a headline's words
  const langs = [
    { fw: ["the", "and", "of", "with", "for", "not", "on", "a"], said: "said", also: "added", q: ["“", "”"], q2: ['"', '"'],
      the: "the spokeswoman", title: "Port director", head: ["Plan", "Delayed", "After", "Vote", "Harbour"] },
    { fw: ["der", "die", "und", "nicht", "mit", "für", "auf", "ein"], said: "sagte", also: "erklärte", q: ["„", "“"], q2: ["»", "«"],
      the: "die Sprecherin", title: "Hafendirektorin", head: ["Plan", "verschoben", "nach", "Abstimmung", "Hafen"] },
    { fw: ["le", "la", "et", "pas", "avec", "pour", "sur", "une"], said: "a déclaré", also: "a ajouté", q: ["« ", " »"], q2: ["“", "”"],
      the: "la porte-parole", title: "La directrice du port", head: ["Projet", "reporté", "après", "vote", "Port"] },
    { fw: ["el", "la", "y", "no", "con", "para", "sobre", "una"], said: "dijo", also: "añadió", q: ["«", "»"], q2: ["“", "”"],
      the: "la portavoz", title: "La directora del puerto", head: ["Plan", "aplazado", "tras", "votación", "Puerto"] },
  ];
  const indent = (t) => t.replace(/ /g, (m) => (next(6) === 0 ? "\n" + " ".repeat(8 + next(24)) : m));
  return langs.map((l, n) => {
    const words = (k) => Array.from({ length: k }, (_, i) => (i % 2 ? pick(l.fw) : pick(nouns))).join(" ");
    const quote = (k, marks = l.q) => `${marks[0]}${words(k)}${marks[1]}`;
    const out = [];
    for (let i = 0; i < (n === 0 ? 120 : 45); i++) {
      const who = pick(people);
      switch (i % 12) {
        case 0: out.push(`${l.head[4]} ${pick(nouns)}: ${l.head.slice(0, 4).join(" ")} ${2010 + (i % 15)}`, `${who}`, pick(nav)); break;
        case 1: out.push(indent(`${quote(9)}, ${l.said} ${who}. ${words(14)}.`)); break;
        case 2: out.push(`${l.title} ${who} ${l.said}: ${quote(8)} ${quote(6, l.q2)}, ${l.also} ${l.the}. ${words(10)}.`); break;
        case 3: {
          const a = pick(people).split(" ")[0], b = pick(people).split(" ")[0];
          out.push(Array.from({ length: 5 }, () => `${quote(6 + next(8))} ${l.said} ${a}, ${words(5)} ${b}. ` +
            `${quote(4)}, ${l.also} ${b}. ${words(12)}.`).join(" "));
          break;
        }
        case 4: out.push(`${words(6)} „${words(2)}“ ${words(7)} ‘${words(3)}’ 「${words(3)}」 ${words(4)} ${who}.`); break;
        case 5: out.push(out[out.length - 4]); break;
        case 6: out.push((out[out.length - 4] || "").replace(/[“”„«»]/g, '"').replace(/ (\S+) /, " $1 $1 ")); break;
        case 7: out.push(`${out[out.length - 5]} ${words(10)}.`); break;
        case 8: out.push(`• ${words(3)}`, `• ${words(4)}`, `${words(2)} (${2010 + i})`, pick(nav), pick(nav)); break;
        case 9: out.push(indent(`${words(12)}, ${who}. ${words(3)} "${words(2)}" ${words(16)}. ${words(20)}, ${words(8)}; ${words(11)}.`)); break;
        case 10: out.push(`—${words(6)} —${l.said} ${who}—. ${words(9)}.`, `${who.split(" ")[1]} ${l.said}: '${words(5)}'`); break;
        default: out.push(`${l.the} ${l.also}: ‘${words(6)}’ ${words(11)}.`, ...nav.slice(0, 3));
      }
    }
    return out;
  });
}

/// The worker's body: `glue` is the module's wasm-bindgen glue (initSync, analyze, process, restore).
function verbatimWarmWorker(glue) {
  self.onmessage = (e) => {
    const t0 = performance.now();
    try {
      glue.initSync({ module: e.data.module });
      const pages = verbatimWarmText();
      for (let r = 0; r < e.data.rounds; r++) for (const page of pages) glue.analyze(page);
      // The DOM layer's functions (the walk's and the core's hand-over, hiding, marking, restore)
      // are compiled by their first call like any other, and `analyze` never calls them: without
      // this, the page's first `process` compiled them on the main thread. A worker has no DOM,
      // so they are called once on a stand-in element with no content (enough of an element for
      // the walk: a tag, no attributes, no children, a document without a window).
      const root = { nodeType: 1, tagName: "DIV", localName: "div", ownerDocument: { nodeType: 9, defaultView: null },
        firstChild: null, parentNode: null, parentElement: null, isConnected: false, hasAttributes: () => false };
      glue.process(root);
      glue.restore(root);
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
