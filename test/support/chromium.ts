/**
 * How tests start Chromium: the system browser (Debian's `chromium`), never a downloaded one.
 * No sandbox because containers and CI runners usually lack the namespaces it needs; the rest keep
 * Chromium from reaching out to the network in the background, which slows and flakes tests.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
