// Verbatim's background script: only the toolbar badge (repeats hidden on the tab). It runs as
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
