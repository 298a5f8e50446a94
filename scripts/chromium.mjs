// What every script and test that drives Debian's Chromium shares: where it is, the flags it needs
// here (as root, on a machine whose network is closed: no sandbox, no background traffic), and the
// `--key=value` flags of the evaluation scripts.
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/// `--only=a,b --verbose` → { only: "a,b", verbose: true }.
export function parseFlags(argv = process.argv.slice(2)) {
  return Object.fromEntries(argv.map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? true];
  }));
}
