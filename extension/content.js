// Verbatim's content script: loads the module once, processes the page, says "ready".
// It decides nothing itself; everything is in the Rust module.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const html = document.documentElement;
  const ready = () => { html.dataset.verbatim = "ready"; };
  if (!document.body) { ready(); return; }
  (async () => {
    try {
      const mod = await import(api.runtime.getURL("pkg/verbatim.js"));
      await mod.default({ module_or_path: api.runtime.getURL("pkg/verbatim_bg.wasm") });
      mod.process(document.body);
    } catch (error) {
      console.warn("Verbatim stood down on this page:", error);
    } finally {
      ready();
    }
  })();
})();
