// The preset (extension/settings.js): registered by the background only while every setting but
// the excluded sites has its default, and never on an excluded site. The content script, which runs
// before or after this file at document_start, takes the default settings at once instead of
// waiting for storage.
globalThis.verbatimPreset = true;
globalThis.verbatimOnPreset?.();
