// Verbatim's first content script, before content.js (manifest.base.json): it asks for the settings
// and nothing else, so that the request leaves before the browser parses and runs content.js (the
// module's bytes and its glue: 8 to 16 ms at document_start). content.js decides nothing before the
// settings are in hand, and a page that arrives at once reaches DOMContentLoaded 5 to 25 ms after
// the script starts: the earlier they come, the fewer pages wait for them.
try {
  globalThis.verbatimStored = (globalThis.browser ?? globalThis.chrome).storage.sync.get(null);
  globalThis.verbatimStored.catch(() => {}); // content.js reads the failure (defaults)
} catch (_) {
  // storage unavailable: content.js asks again and falls back to the defaults
}
