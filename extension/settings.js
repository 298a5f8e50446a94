// Verbatim's settings: defaults, reading them from chrome.storage.sync, and the per-site switch.
// Shared by the content script (build.mjs puts this file into it), the popup and the options page.
/* exported VERBATIM_DEFAULTS, verbatimApi, verbatimLoadSettings, verbatimSiteExcluded, verbatimSiteOf, verbatimProcessOptions, verbatimCleanSite */

const VERBATIM_DEFAULTS = Object.freeze({
  collapse: true,        // hide repeated paragraphs
  highlight: true,       // mark quotations
  colours: "speakers",   // "speakers": one hue per speaker; "one": a single hue for every quotation
  minWords: 8,           // a paragraph shorter than this is not hidden when it repeats alone (1-10000)
  similarity: 0.8,       // near copies: word similarity at or above which a paragraph is a copy (0.5-1)
  excluded: [],          // sites (host names) where Verbatim stays off; subdomains included
  memory: false,         // remember what was read (fingerprints only, on this device) and collapse it elsewhere
});

const verbatimApi = globalThis.browser ?? globalThis.chrome;

/// The settings, every key present and of the right type (a bad stored value gives the default).
/// `asked`: storage.sync.get(null) already asked for (extension/early.js), or null.
async function verbatimLoadSettings(asked = null) {
  let stored = {};
  try {
    stored = (await (asked ?? verbatimApi.storage.sync.get(null))) ?? {};
  } catch (_) {
    // storage unavailable (for example a private window without sync): defaults
  }
  const s = { ...VERBATIM_DEFAULTS };
  if (typeof stored.collapse === "boolean") s.collapse = stored.collapse;
  if (typeof stored.highlight === "boolean") s.highlight = stored.highlight;
  if (stored.colours === "one" || stored.colours === "speakers") s.colours = stored.colours;
  if (Number.isInteger(stored.minWords) && stored.minWords >= 1 && stored.minWords <= 10000) s.minWords = stored.minWords;
  if (typeof stored.similarity === "number" && stored.similarity >= 0.5 && stored.similarity <= 1) s.similarity = stored.similarity;
  if (typeof stored.memory === "boolean") s.memory = stored.memory;
  if (Array.isArray(stored.excluded)) s.excluded = stored.excluded.filter((h) => typeof h === "string" && h);
  return s;
}

/// The options object of the module's process().
function verbatimProcessOptions(s) {
  return { collapse: s.collapse, highlight: s.highlight, minWords: s.minWords, similarity: s.similarity };
}

/// The site of a URL as the per-site switch knows it: the host name without a leading "www.".
function verbatimSiteOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch (_) {
    return "";
  }
}

/// A site typed by a person ("https://www.Example.com/news", "example.com") as a host name, or "".
function verbatimCleanSite(text) {
  const t = String(text).trim().toLowerCase();
  if (!t) return "";
  const host = verbatimSiteOf(/^[a-z][a-z0-9+.-]*:\/\//.test(t) ? t : `http://${t}`);
  return /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(host) ? host : "";
}

/// Whether `site` is excluded: listed itself or as a parent domain.
function verbatimSiteExcluded(site, excluded) {
  return excluded.some((e) => site === e || site.endsWith(`.${e}`));
}
