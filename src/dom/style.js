// Adds and removes the one stylesheet of the DOM layer.
//
// A constructed stylesheet (document.adoptedStyleSheets) leaves the page's markup untouched and is
// not blocked by a page's style-src policy; where it cannot be used (old engines, Firefox content
// script wrappers) a <style> element in <head> is the fallback. The extension also ships the same
// rules in its manifest, for pages whose CSP blocks both.

// The rules. Why each is so is said in src/dom/style.rs; they are carried here, beside the code
// that adds them, rather than inside the WebAssembly module, whose size is what a page downloads
// and compiles before its first pass. scripts/build.mjs writes them out as the extension's
// verbatim.css (its manifest's stylesheet), and scripts/contrast.mjs checks their colours.
export const CSS = `[data-verbatim-repeat]:not([data-verbatim-shown]) { display: none !important; }
[data-verbatim-repeat][data-verbatim-shown] {
  border-left: 3px dashed #8a8f98 !important;
  padding-left: 0.6em !important;
  background: rgba(128, 128, 128, 0.08) !important;
}
button.verbatim-toggle {
  all: revert;
  display: inline-block !important;
  margin: 0.4em 0 !important;
  padding: 0.15em 0.7em !important;
  font: 500 13px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif !important;
  color: inherit !important;
  background: rgba(128, 128, 128, 0.14) !important;
  border: 1px solid rgba(128, 128, 128, 0.7) !important;
  border-radius: 999px !important;
  cursor: pointer !important;
  text-decoration: none !important;
  text-transform: none !important;
  letter-spacing: normal !important;
}
button.verbatim-toggle:hover { background: rgba(128, 128, 128, 0.26) !important; }
button.verbatim-toggle:focus-visible { outline: 2px solid #2f6fde !important; outline-offset: 2px !important; }
mark.verbatim-q {
  color: inherit !important;
  background: var(--verbatim-tint) !important;
  border-bottom: 2px solid var(--verbatim-line) !important;
  border-radius: 2px;
  padding: 0 !important;
  position: relative;
}
mark.verbatim-q[tabindex]:focus-visible { outline: 2px solid var(--verbatim-line) !important; outline-offset: 1px; }
mark.verbatim-q:hover::after, mark.verbatim-q[tabindex]:focus::after {
  content: attr(data-verbatim-label);
  position: absolute; left: 0; top: 100%; z-index: 2147483647;
  margin-top: 4px; padding: 2px 8px; white-space: nowrap;
  font: 500 12px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  font-style: normal; font-weight: 500; text-transform: none; letter-spacing: normal;
  color: #ffffff; background: #23262b; border: 1px solid #8a8f98; border-radius: 4px;
  pointer-events: none;
}
mark.verbatim-s0 { --verbatim-tint: rgba(255, 196, 0, 0.30); --verbatim-line: #a67c00; }
mark.verbatim-s1 { --verbatim-tint: rgba(0, 150, 255, 0.24); --verbatim-line: #0a74c4; }
mark.verbatim-s2 { --verbatim-tint: rgba(40, 200, 90, 0.26); --verbatim-line: #1f8a45; }
mark.verbatim-s3 { --verbatim-tint: rgba(255, 80, 140, 0.24); --verbatim-line: #d0306e; }
mark.verbatim-s4 { --verbatim-tint: rgba(150, 100, 255, 0.26); --verbatim-line: #7c56d6; }
mark.verbatim-s5 { --verbatim-tint: rgba(255, 130, 40, 0.28); --verbatim-line: #c45c00; }
mark.verbatim-s6 { --verbatim-tint: rgba(0, 190, 180, 0.26); --verbatim-line: #00807a; }
mark.verbatim-s7 { --verbatim-tint: rgba(190, 120, 60, 0.26); --verbatim-line: #9a6431; }
mark.verbatim-unknown { --verbatim-tint: rgba(140, 140, 150, 0.20); --verbatim-line: #7d838c; }
mark.verbatim-q.verbatim-scare {
  background: transparent !important;
  border-bottom: 1px dotted #7d838c !important;
}
`;

// The constructed sheet of each document, kept after a restore: processing again (the extension's
// switch turned off and on) adopts it again without parsing the rules again.
const sheets = new WeakMap();

// The sheet of the document this module is loaded into, parsed now rather than inside the first
// pass that shows something: a parsed sheet that is not adopted changes nothing on the page (no
// restyle), and the module is loaded before that pass (the extension's content script at
// document_start, while the page is still being parsed; an embedder at init). 0.4 ms of a first
// `process` in Chromium (constructing and parsing, measured on corpus pages), paid at load instead,
// also on pages where nothing is shown. (No document in a worker or in Node: nothing to do.)
try {
  if (typeof document === "object" && document !== null && "adoptedStyleSheets" in document) {
    const Sheet = document.defaultView && document.defaultView.CSSStyleSheet;
    if (Sheet) {
      const sheet = new Sheet();
      sheet.replaceSync(CSS);
      sheets.set(document, sheet);
    }
  }
} catch (_) {
  // parsed on first use, as for any other document
}

export function verbatim_add_style(doc) {
  const css = CSS;
  try {
    const view = doc.defaultView;
    const Sheet = view && view.CSSStyleSheet;
    if (Sheet && "adoptedStyleSheets" in doc) {
      let sheet = sheets.get(doc);
      if (sheet === undefined) {
        sheet = new Sheet();
        sheet.replaceSync(css);
        sheets.set(doc, sheet);
      }
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return sheet;
    }
  } catch (_) {
    // fall through to a <style> element
  }
  const el = doc.createElement("style");
  el.setAttribute("data-verbatim-ui", "");
  el.textContent = css;
  (doc.head || doc.documentElement).appendChild(el);
  return el;
}

export function verbatim_remove_style(doc, handle) {
  if (!handle) return;
  try {
    if (handle.nodeType === 1) {
      handle.remove();
    } else {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== handle);
    }
  } catch (_) {
    // the page replaced its own sheets; nothing of ours is left to remove
  }
}
