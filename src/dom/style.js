// Adds and removes the one stylesheet of the DOM layer.
//
// A constructed stylesheet (document.adoptedStyleSheets) leaves the page's markup untouched and is
// not blocked by a page's style-src policy; where it cannot be used (old engines, Firefox content
// script wrappers) a <style> element in <head> is the fallback. The extension also ships the same
// rules in its manifest, for pages whose CSP blocks both.

// The constructed sheet of each document, kept after a restore: processing again (the extension's
// switch turned off and on) adopts it again without parsing the rules again.
const sheets = new WeakMap();

export function verbatim_add_style(doc, css) {
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
