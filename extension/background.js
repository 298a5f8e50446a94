// Verbatim's background script: the toolbar badge (repeats hidden on the tab) and the keyboard
// commands (manifest "commands"), which it passes to the active tab's content script. It runs as
// Chrome's service worker and as Firefox's event page (manifest.chrome.json / manifest.firefox.json);
// it keeps no state of its own, so either may be stopped at any time.
const api = globalThis.browser ?? globalThis.chrome;

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
  const tabId = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  try {
    return (await api.tabs.sendMessage(tabId, { type: "verbatim:command", command }, { frameId: 0 })) ?? null;
  } catch (_) {
    return null;
  }
}
globalThis.verbatimCommand = verbatimCommand; // the end-to-end tests call it as the browser would

api.commands.onCommand.addListener((command, tab) => {
  verbatimCommand(command, tab);
});
