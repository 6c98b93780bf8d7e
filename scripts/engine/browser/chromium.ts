/**
 * The one browser the quality gates and `npm run pdf` use: Debian's chromium package at /usr/bin/chromium,
 * driven by playwright-core. No browser is ever downloaded (`playwright install` is never
 * run); CI installs the package in .ci/run. A missing browser fails the tests and says how
 * to install it, rather than skipping them.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Headless, sandbox off (CI runs as root), and no traffic of the browser's own (updates, sync, QUIC). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Start chromium. Playwright gives every launch a fresh, temporary user-data-dir (and
 * removes it on close), so no profile, cache or cookie carries over between runs.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Debian's chromium at ${CHROMIUM}, which is not installed. ` +
        "Install it with `apt-get update && apt-get install -y chromium` (as root; .ci/run does this on CI). " +
        "The tests never download a browser of their own.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
