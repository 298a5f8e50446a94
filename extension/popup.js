// The toolbar popup: asks the page's content script what Verbatim did there and sends the
// person's choices back. It runs no analysis and reads nothing of the page but the summary.
// `popup.html?tab=ID` targets a given tab (the end-to-end tests open the popup in a tab of its own).

const t = (key, subs) => verbatimApi.i18n.getMessage(key, subs) || key;
const $ = (id) => document.getElementById(id);

document.documentElement.lang = t("htmlLang");
for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);

let tabId;
let current = null;

async function targetTab() {
  const param = new URLSearchParams(location.search).get("tab");
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await verbatimApi.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/// Sends a message to the page's content script; null when none answers.
async function send(message) {
  if (tabId === undefined) return null;
  try {
    return (await verbatimApi.tabs.sendMessage(tabId, message, { frameId: 0 })) ?? null;
  } catch (_) {
    return null;
  }
}

function render(status) {
  current = status;
  const site = $("site");
  const details = $("details");
  $("engine").hidden = !(status?.engine === "wasm2js" && status.phase === "active");
  if (!status) {
    $("site-label").textContent = t("siteSwitchNoSite");
    site.disabled = true;
    site.checked = false;
    details.hidden = true;
    $("status").textContent = t("statusUnavailable");
    return;
  }
  $("site-label").textContent = status.site ? t("siteSwitch", [status.site]) : t("siteSwitchNoSite");
  site.disabled = !status.site || status.phase === "error";
  site.checked = status.phase !== "off";
  const messages = {
    active: t("statusActive"),
    loading: t("statusLoading"),
    starting: t("statusLoading"),
    skipped: t("statusSkipped"),
    off: t("statusOff"),
    error: t("statusError", [status.reason || "?"]),
  };
  $("status").textContent = messages[status.phase] ?? "";
  $("status").className = status.phase === "error" ? "warn" : "muted";

  renderMemory(status);
  const summary = status.summary;
  details.hidden = !(status.phase === "active" && summary);
  if (details.hidden) return;
  $("repeats").textContent = String(summary.repeats);
  $("quotes").textContent = String(summary.quotes);
  $("show").checked = !!status.shown;
  $("show").disabled = summary.repeats === 0;
  $("quotes-only").checked = !!status.quotesOnly;
  $("quotes-only").disabled = summary.quotes === 0;

  const list = $("speakers");
  list.replaceChildren();
  summary.speakers.forEach((speaker, i) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.quote = speaker.firstQuote;
    button.dataset.speaker = speaker.name;
    button.setAttribute("aria-pressed", String(status.quotesOnly && status.focus === speaker.name));
    button.setAttribute("aria-label", t("speakerButton", [speaker.name, String(speaker.count)]));
    // the speaker's colour as the page shows it: the mark's tint and underline
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.setAttribute("aria-hidden", "true");
    swatch.style.backgroundColor = status.colours?.[i]?.tint ?? "";
    swatch.style.borderBottomColor = status.colours?.[i]?.line ?? "";
    const name = document.createElement("span");
    name.className = "name";
    name.append(swatch, document.createTextNode(speaker.name)); // page text: always as text, never as markup
    const count = document.createElement("span");
    count.className = "count";
    count.textContent = String(speaker.count);
    button.append(name, count);
    li.append(button);
    list.append(li);
  });
  $("no-speakers").hidden = summary.speakers.length > 0;
  $("speakers-hint").hidden = summary.speakers.length === 0;
}

$("site").addEventListener("change", async (event) => {
  const on = event.target.checked;
  const site = current?.site;
  if (!site) return;
  // the page first (it restores at once), then the remembered choice, which the background saves:
  // a popup closed at once (Escape right after the switch) would cut a save of its own short
  const told = send({ type: "verbatim:enable", enabled: on });
  remember({ site, on });
  render(await told);
});

/// Has the background save a change of settings (see "verbatim:remember" there).
function remember(change) {
  verbatimApi.runtime.sendMessage({ type: "verbatim:remember", ...change }).catch(() => {});
}

/// The reading memory: its switch, and where paragraphs of this page were read before.
function renderMemory(status) {
  $("memory").checked = !!status?.memory;
  const title = $("read-title");
  const list = $("read-list");
  list.replaceChildren();
  const from = status?.summary?.readFrom ?? [];
  if (!status?.memory || status.phase !== "active") {
    title.textContent = "";
    return;
  }
  const total = from.reduce((n, f) => n + f.count, 0);
  title.textContent = total ? t("popupReadBefore", [String(total)]) : t("popupReadNone");
  for (const f of from) {
    const li = document.createElement("li");
    const here = f.count - f.hidden;
    li.textContent = here > 0 && f.hidden === 0
      ? t("popupReadHere", [String(here), f.where])
      : t("popupReadItem", [String(f.count), f.where]);
    list.append(li);
  }
}

$("memory").addEventListener("change", (event) => {
  remember({ memory: event.target.checked });
  // the page follows the change (its content script listens); then ask it again
  setTimeout(async () => render(await send({ type: "verbatim:status" })), 300);
});

$("show").addEventListener("change", async (event) => {
  render(await send({ type: "verbatim:show", shown: event.target.checked }));
});

$("quotes-only").addEventListener("change", async (event) => {
  render(await send({ type: "verbatim:quotes", on: event.target.checked }));
});

// Choosing a speaker narrows "quotes only" to their quotations (and goes to the first); choosing
// them again shows every speaker's quotations.
$("speakers").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-speaker]");
  if (!button) return;
  const chosen = current?.quotesOnly && current.focus === button.dataset.speaker;
  render(await send({ type: "verbatim:quotes", on: true, speaker: chosen ? null : button.dataset.speaker }));
  document.querySelector(`#speakers button[data-speaker="${CSS.escape(button.dataset.speaker)}"]`)?.focus();
});

$("options").addEventListener("click", (event) => {
  event.preventDefault();
  verbatimApi.runtime.openOptionsPage();
});

(async () => {
  tabId = await targetTab();
  render(await send({ type: "verbatim:status" }));
})();
