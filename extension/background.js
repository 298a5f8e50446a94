// Verbatim's background script: the toolbar badge (repeats hidden on the tab) and the keyboard
// commands (manifest "commands"), which it passes to the active tab's content script. It runs as
// Chrome's service worker and as Firefox's event page (manifest.chrome.json / manifest.firefox.json);
// it keeps no state of its own, so either may be stopped at any time.
const api = globalThis.browser ?? globalThis.chrome;
// The reading memory's index builder (verbatimPackMemory): Firefox lists it before this script.
if (typeof verbatimPackMemory === "undefined" && typeof importScripts === "function") importScripts("memory-pack.js");
// The settings' defaults and the preset's rules (verbatimPresetExclusions): likewise.
if (typeof verbatimSettingsOf === "undefined" && typeof importScripts === "function") importScripts("settings.js");

api.runtime.onMessage.addListener((message, sender) => {
  if (message?.type !== "verbatim:badge" || !sender.tab || sender.frameId !== 0) return false;
  const tabId = sender.tab.id;
  const count = Number.isInteger(message.count) && message.count > 0 ? message.count : 0;
  const text = count === 0 ? "" : count > 999 ? "999+" : String(count);
  Promise.all([
    api.action.setBadgeText({ tabId, text }),
    api.action.setBadgeBackgroundColor({ tabId, color: "#4b5563" }),
    api.action.setTitle({ tabId, title: count ? api.i18n.getMessage("badgeTitle", [String(count)]) : api.i18n.getMessage("actionTitle") }),
  ]).catch(() => {}); // the tab may be gone
  return false;
});

const COMMANDS = new Set(["toggle-site", "show-repeats", "quotes-only"]);

/// Handles a keyboard command on `tab` (the active tab when absent): the page's content script does
/// it and answers with its status (null when no content script runs there, e.g. a browser page).
async function verbatimCommand(command, tab) {
  if (!COMMANDS.has(command)) return null;
  // the page writes the excluded sites itself: the preset goes first (verbatimSaveSettings)
  if (command === "toggle-site") await api.scripting?.unregisterContentScripts({ ids: [VERBATIM_PRESET] }).catch(() => {});
  const tabId = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  try {
    return (await api.tabs.sendMessage(tabId, { type: "verbatim:command", command }, { frameId: 0 })) ?? null;
  } catch (_) {
    return null;
  } finally {
    if (command === "toggle-site") followPreset(); // (a page that failed to write leaves it withdrawn otherwise)
  }
}
globalThis.verbatimCommand = verbatimCommand; // the end-to-end tests call it as the browser would

// ---- the preset (extension/settings.js) ----------------------------------------------------------
// preset.js is registered while the settings allow it, with the excluded sites left out, and
// withdrawn as soon as they do not; each change of settings is followed in turn (one at a time, each
// reading storage afresh, so the last one leaves the registration that the settings call for).

const PRESET_SCRIPT = {
  id: VERBATIM_PRESET,
  js: ["preset.js"],
  matches: ["http://*/*", "https://*/*"], // as the content script's (manifest.base.json)
  runAt: "document_start",
  persistAcrossSessions: true,
};
let presetChain = Promise.resolve();

function followPreset() {
  presetChain = presetChain.then(presetNow).catch((error) => console.warn("Verbatim: preset", error));
  return presetChain;
}

async function presetNow() {
  if (!api.scripting?.registerContentScripts) return;
  let exclusions = null;
  try {
    exclusions = verbatimPresetExclusions(verbatimSettingsOf((await api.storage.sync.get(null)) ?? {}));
  } catch (_) {
    // storage unreadable: the excluded sites are unknown, so no preset
  }
  const registered = (await api.scripting.getRegisteredContentScripts({ ids: [VERBATIM_PRESET] })).length > 0;
  if (!exclusions) {
    if (registered) await api.scripting.unregisterContentScripts({ ids: [VERBATIM_PRESET] });
    return;
  }
  const script = { ...PRESET_SCRIPT, excludeMatches: exclusions };
  try {
    // an update changes the registration at once: no page meanwhile goes without the preset
    if (registered) await api.scripting.updateContentScripts([script]);
    else await api.scripting.registerContentScripts([script]);
  } catch (error) {
    // a pattern the browser refuses: no preset rather than one that might run on an excluded site
    await api.scripting.unregisterContentScripts({ ids: [VERBATIM_PRESET] }).catch(() => {});
    throw error;
  }
}

api.runtime.onInstalled.addListener(followPreset);
api.runtime.onStartup.addListener(followPreset);
api.storage.onChanged.addListener((_changes, area) => {
  if (area === "sync") followPreset();
});
globalThis.verbatimFollowPreset = followPreset; // the end-to-end tests wait for it

api.commands.onCommand.addListener((command, tab) => {
  verbatimCommand(command, tab);
});

// ---- reading memory (the setting `memory`, off by default) ----------------------------------------
// What was read, as fingerprints only: the module computes them in the content script, which sends
// no page text. One record per page in storage.local, key "read:<page id>":
//   { s: site, t: time of the last read (ms), p: [page ids (hashes of URL and canonical URL)],
//     f: base64 of the fingerprints, 26 bytes each }.
// Records expire after MEMORY_DAYS; past MEMORY_MAX paragraphs the oldest go first. Nothing is
// recorded from private windows. "Forget everything" (the options page) removes every record.
// The store lives here; the background may be stopped at any time, so it is read back lazily.

const MEMORY_DAYS = 30;
const MEMORY_MAX = 100000;
const FP_BYTES = 26;
const READ_PREFIX = "read:";
let memoryRecords = null;  // a promise of Map key -> record
let memoryPacked = null;   // the load answer, cached until the store changes
let rebuild = 0;

/// The store changed: the index is built again a little later, while no page waits for it (a page
/// asks at its start and waits for the answer before its first pass).
function stale() {
  memoryPacked = null;
  clearTimeout(rebuild);
  rebuild = setTimeout(() => memoryLoad().catch(() => {}), 2000);
}

function bytesOf(base64) {
  try {
    const text = atob(base64);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  } catch (_) {
    return new Uint8Array(0);
  }
}

function base64Of(bytes) {
  if (bytes.toBase64) return bytes.toBase64();
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

const countOf = (record) => Math.floor((record.f.length * 3) / 4 / FP_BYTES);

async function memoryOn() {
  try {
    return (await api.storage.sync.get("memory")).memory === true;
  } catch (_) {
    return false;
  }
}

function records() {
  memoryRecords ??= (async () => {
    const all = await api.storage.local.get(null);
    const map = new Map();
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith(READ_PREFIX) && value && typeof value.f === "string" && typeof value.t === "number") map.set(key, value);
    }
    await trim(map);
    return map;
  })();
  return memoryRecords;
}

/// Drops expired records, then the oldest paragraphs past the bound.
async function trim(map) {
  const now = Date.now();
  const gone = [];
  for (const [key, r] of map) {
    if (r.t < now - MEMORY_DAYS * 86400000) gone.push(key);
  }
  for (const key of gone) map.delete(key);
  let total = 0;
  for (const r of map.values()) total += countOf(r);
  const changed = {};
  if (total > MEMORY_MAX) {
    const oldest = [...map.entries()].sort((a, b) => a[1].t - b[1].t);
    for (const [key, r] of oldest) {
      if (total <= MEMORY_MAX) break;
      const n = countOf(r);
      const drop = Math.min(n, total - MEMORY_MAX);
      total -= drop;
      if (drop === n) {
        map.delete(key);
        gone.push(key);
      } else {
        r.f = base64Of(bytesOf(r.f).subarray(drop * FP_BYTES));
        changed[key] = r;
      }
    }
  }
  if (gone.length) await api.storage.local.remove(gone);
  if (Object.keys(changed).length) await api.storage.local.set(changed);
  if (gone.length || Object.keys(changed).length) stale();
}

const cleanId = (x) => (typeof x === "string" && /^[0-9a-z]{1,24}$/.test(x) ? x : "");

/// Adds fingerprints read on one page (deduplicated against what that page already has).
async function memoryAdd(message, sender) {
  if (sender.tab?.incognito || !(await memoryOn())) return false;
  const pages = (Array.isArray(message.pages) ? message.pages : []).map(cleanId).filter(Boolean).slice(0, 2);
  const site = typeof message.site === "string" ? message.site.slice(0, 255) : "";
  const fresh = bytesOf(typeof message.f === "string" ? message.f : "");
  if (!pages.length || !fresh.length || fresh.length % FP_BYTES) return false;
  const map = await records();
  const key = READ_PREFIX + pages[0];
  const record = map.get(key) ?? { s: site, t: 0, p: pages, f: "" };
  const old = bytesOf(record.f);
  const known = new Set();
  for (let i = 0; i < old.length; i += FP_BYTES) known.add(old.subarray(i, i + FP_BYTES).join());
  const add = [];
  for (let i = 0; i < fresh.length; i += FP_BYTES) {
    const fp = fresh.subarray(i, i + FP_BYTES);
    if (!known.has(fp.join())) {
      known.add(fp.join());
      add.push(fp);
    }
  }
  const all = new Uint8Array(old.length + add.length * FP_BYTES);
  all.set(old);
  add.forEach((fp, n) => all.set(fp, old.length + n * FP_BYTES));
  Object.assign(record, { s: site, t: Date.now(), p: pages, f: base64Of(all) });
  map.set(key, record);
  await api.storage.local.set({ [key]: record });
  stale();
  await trim(map);
  return true;
}

/// Everything remembered, for a content script's matching: the index the module uses as it is
/// (memory-pack.js: built here once per change of the store, never by a page), in base64, and the
/// sources in order. The index goes in parts of MEMORY_PART characters, so that no task of the
/// page (receiving one message, decoding it) grows with the store: part 0 (`message.part` absent)
/// also carries the sources, the number of parts, the index's length in bytes and a version;
/// a later part is answered only for the same version (null once the store has changed).
const MEMORY_PART = 1 << 18;
let memoryVersion = 0;
async function memoryLoad(message) {
  if (!(await memoryOn())) return null;
  const map = await records();
  if (!memoryPacked) {
    const list = [...map.values()].sort((a, b) => a.t - b.t);
    const parts = list.map((r) => bytesOf(r.f));
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    const counts = parts.map((p) => Math.floor(p.length / FP_BYTES));
    const layout = verbatimPackMemory(all, counts);
    memoryPacked = {
      version: ++memoryVersion,
      length: layout.byteLength,
      index: base64Of(new Uint8Array(layout.buffer, layout.byteOffset, layout.byteLength)),
      sources: list.map((r, i) => ({ count: counts[i], site: r.s, t: r.t, pages: r.p })),
    };
  }
  const { version, length, index, sources } = memoryPacked;
  const part = Number.isInteger(message?.part) && message.part > 0 ? message.part : 0;
  const text = index.slice(part * MEMORY_PART, (part + 1) * MEMORY_PART);
  if (part) return message.version === version && text ? { version, index: text } : null;
  return { version, length, parts: Math.ceil(index.length / MEMORY_PART), index: text, sources };
}

async function memoryStats() {
  const map = await records();
  let paragraphs = 0;
  let bytes = 0;
  for (const [key, r] of map) {
    paragraphs += countOf(r);
    bytes += key.length + JSON.stringify(r).length; // what Chrome's getBytesInUse counts
  }
  try {
    if (map.size && api.storage.local.getBytesInUse) bytes = await api.storage.local.getBytesInUse([...map.keys()]);
  } catch (_) {
    // Firefox has no getBytesInUse for storage.local: the count above stands
  }
  return { paragraphs, pages: map.size, bytes, on: await memoryOn() };
}

async function memoryForget() {
  const map = await records();
  const keys = [...map.keys()];
  // anything of ours that a stopped background had not loaded yet goes too
  const all = await api.storage.local.get(null);
  for (const key of Object.keys(all)) if (key.startsWith(READ_PREFIX) && !keys.includes(key)) keys.push(key);
  map.clear();
  memoryPacked = null;
  if (keys.length) await api.storage.local.remove(keys);
  return true;
}

/// A change the popup makes (`site` turned `on` or off, or `memory`), saved here: the popup may
/// close at once after it (Escape right after the switch), which would cut its own save short.
async function remember({ site, on, memory }) {
  if (typeof memory === "boolean") await verbatimSaveSettings({ memory });
  if (typeof site !== "string" || !site) return true;
  const { excluded } = await verbatimLoadSettings();
  await verbatimSaveSettings({ excluded: verbatimExcludedWith(excluded, site, on) });
  return true;
}

const fromExtensionPage = (sender) => !sender.tab || String(sender.url ?? "").startsWith(api.runtime.getURL(""));

api.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== api.runtime.id) return false;
  const handlers = {
    "verbatim:memory-load": () => memoryLoad(message),
    "verbatim:memory-add": () => memoryAdd(message, sender),
    "verbatim:memory-stats": () => (fromExtensionPage(sender) ? memoryStats() : null),
    "verbatim:memory-forget": () => (fromExtensionPage(sender) ? memoryForget() : false),
    "verbatim:remember": () => (fromExtensionPage(sender) ? remember(message) : false),
  };
  const handler = handlers[message?.type];
  if (!handler) return false;
  Promise.resolve(handler()).then(reply, (error) => {
    console.warn("Verbatim:", error);
    reply(null);
  });
  return true;
});
