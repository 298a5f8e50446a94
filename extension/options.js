// The options page: every setting in chrome.storage.sync, saved as soon as it changes. Pages
// that are open follow the change at once (their content script listens to storage changes).

const t = (key, subs) => verbatimApi.i18n.getMessage(key, subs) || key;
const $ = (id) => document.getElementById(id);
document.documentElement.lang = t("htmlLang");
for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
document.title = t("optionsTitle");

function similarityHelp() {
  $("similarity-help").textContent = t("optSimilarityHelp", [String(Math.round(Number($("similarity").value) * 100))]);
}

function show(s) {
  $("collapse").checked = s.collapse;
  $("highlight").checked = s.highlight;
  for (const radio of document.querySelectorAll('input[name="colours"]')) radio.checked = radio.value === s.colours;
  $("minWords").value = String(s.minWords);
  $("similarity").value = String(s.similarity);
  $("excluded").value = s.excluded.join("\n");
  $("memory").checked = s.memory;
  similarityHelp();
}

let timer;
function saved(message) {
  $("saved").textContent = message;
  clearTimeout(timer);
  timer = setTimeout(() => { $("saved").textContent = ""; }, 2500);
}

async function save() {
  const lines = $("excluded").value.split(/[\n,]+/).map((l) => l.trim()).filter(Boolean);
  const excluded = [...new Set(lines.map(verbatimCleanSite).filter(Boolean))];
  const bad = lines.filter((l) => !verbatimCleanSite(l));
  const minWords = Math.round(Number($("minWords").value));
  const settings = {
    collapse: $("collapse").checked,
    highlight: $("highlight").checked,
    colours: document.querySelector('input[name="colours"]:checked')?.value ?? VERBATIM_DEFAULTS.colours,
    minWords: Number.isFinite(minWords) ? Math.min(200, Math.max(1, minWords)) : VERBATIM_DEFAULTS.minWords,
    similarity: Math.min(1, Math.max(0.5, Number($("similarity").value) || VERBATIM_DEFAULTS.similarity)),
    excluded,
    memory: $("memory").checked,
  };
  await verbatimSaveSettings(settings);
  saved(bad.length ? t("optInvalidSites", [bad.join(" ")]) : t("optSaved"));
}

$("form").addEventListener("change", (event) => {
  if (event.target.id === "excluded") {
    // normalise what was typed once it is saved
    save().then(async () => show(await verbatimLoadSettings()));
  } else {
    save();
  }
});
$("form").addEventListener("submit", (event) => event.preventDefault());
$("similarity").addEventListener("input", similarityHelp);
$("reset").addEventListener("click", async () => {
  const { excluded: _kept, ...defaults } = VERBATIM_DEFAULTS; // the list of sites stays
  await verbatimSaveSettings(defaults);
  show(await verbatimLoadSettings());
  saved(t("optSaved"));
});

/// The reading memory's size, as the background counts it.
async function memorySize(note) {
  let stats = null;
  try {
    stats = await verbatimApi.runtime.sendMessage({ type: "verbatim:memory-stats" });
  } catch (_) {
    // no background answer: leave the line empty
  }
  const size = stats ? t("optMemorySize", [String(stats.paragraphs), String(stats.pages), (stats.bytes / 1000).toFixed(1)]) : "";
  $("memory-size").textContent = note ? `${note} ${size}` : size;
}

$("forget").addEventListener("click", async () => {
  await verbatimApi.runtime.sendMessage({ type: "verbatim:memory-forget" });
  await memorySize(t("optForgotten"));
});

verbatimLoadSettings().then(show);

/// The keyboard commands as the browser has them now (changed in its own shortcut settings).
async function shortcuts() {
  const list = $("shortcuts");
  const commands = await verbatimApi.commands.getAll();
  list.replaceChildren();
  for (const command of commands) {
    if (!command.description) continue; // the browser's own entry for the toolbar button, if listed
    const dt = document.createElement("dt");
    dt.textContent = command.description;
    const dd = document.createElement("dd");
    const key = document.createElement("kbd");
    key.textContent = command.shortcut || t("optShortcutNone");
    dd.append(key);
    dd.dataset.command = command.name;
    list.append(dt, dd);
  }
}
shortcuts();
document.addEventListener("visibilitychange", () => { if (!document.hidden) shortcuts(); });
$("change-shortcuts").addEventListener("click", () => {
  // Firefox opens its shortcut settings itself; Chrome has a page for them
  if (verbatimApi.commands.openShortcutSettings) verbatimApi.commands.openShortcutSettings();
  else verbatimApi.tabs.create({ url: "chrome://extensions/shortcuts" });
});
memorySize();
