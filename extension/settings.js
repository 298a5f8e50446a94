// Verbatim's settings: defaults, reading them from chrome.storage.sync, and the per-site switch.
// Shared by the content script (build.mjs puts this file into it), the popup and the options page.
// The background also loads it, to keep the preset (below) in step with the settings.
/* exported VERBATIM_DEFAULTS, VERBATIM_PRESET, verbatimApi, verbatimLoadSettings, verbatimSettingsOf, verbatimSiteExcluded, verbatimExcludedWith, verbatimSiteOf, verbatimProcessOptions, verbatimCleanSite, verbatimPresetExclusions, verbatimSaveSettings */

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
  return verbatimSettingsOf(stored);
}

/// The settings that `stored` (what storage.sync holds) amounts to.
function verbatimSettingsOf(stored) {
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

/// The excluded sites with `site` turned on (it and its parent domains no longer listed) or off
/// (listed).
function verbatimExcludedWith(excluded, site, on) {
  const others = excluded.filter((e) => !verbatimSiteExcluded(site, [e]));
  return on ? others : [...others, site];
}

// ---- the preset -----------------------------------------------------------------------------------
// A page's content script starts at document_start and may decide nothing before it knows the
// settings, which chrome.storage gives it 13 to 15 ms later: after DOMContentLoaded on a page that
// arrives at once. So while every setting but `excluded` has its default, the background registers
// preset.js (scripting.registerContentScripts) to run beside the content script everywhere except
// on the excluded sites (excludeMatches): where it runs, the content script knows its settings at
// once. A page without it (settings changed, an excluded site, the background not yet done) reads
// them from storage as before. The content script still reads them, and a preset proven stale (a
// change the background had not followed yet) is undone as any change of settings is.
const VERBATIM_PRESET = "verbatim-preset";

/// The excludeMatches of the preset for settings `s`, or null when it must run nowhere: a setting
/// differs from its default, or an excluded site is not a plain host name (no pattern then would
/// surely cover every URL that verbatimSiteExcluded excludes). A pattern covers at least those:
/// `*://*.example.com/*` matches example.com, www.example.com and every subdomain, on any port.
function verbatimPresetExclusions(s) {
  for (const key of Object.keys(VERBATIM_DEFAULTS)) {
    if (key !== "excluded" && s[key] !== VERBATIM_DEFAULTS[key]) return null;
  }
  const patterns = [];
  for (const e of s.excluded) {
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(e)) patterns.push(`*://${e}/*`); // an address has no subdomains
    else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(e)) patterns.push(`*://*.${e}/*`);
    else return null;
  }
  return patterns;
}

/// Writes settings (a part of them) to storage.sync, the preset withdrawn first: no page that starts
/// meanwhile takes the old settings for its own (the background registers it again if it applies).
/// Extension pages only: content scripts have no `scripting`.
async function verbatimSaveSettings(values) {
  try {
    await verbatimApi.scripting?.unregisterContentScripts({ ids: [VERBATIM_PRESET] });
  } catch (_) {
    // not registered
  }
  await verbatimApi.storage.sync.set(values);
}
