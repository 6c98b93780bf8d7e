/**
 * The browser the quality gates and `npm run pdf` use, driven by playwright-core. It is found
 * where it is, never downloaded (`playwright install` is never run by this project):
 *   1. CHROMIUM_PATH, when set (and then only there: a path given on purpose that is wrong
 *      is an error, not a reason to use some other browser);
 *   2. a browser Playwright installed on this machine, if any (`npx playwright install`);
 *   3. the usual system places: Debian's and Ubuntu's chromium (CI installs Debian's in
 *      .ci/run), Google Chrome on Linux, Chromium and Chrome on macOS and Windows.
 * A machine with none fails the tests, naming every place tried and how to install one,
 * rather than skipping them.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** The environment variable naming the browser to use. */
export const CHROMIUM_PATH_ENV = "CHROMIUM_PATH";

/** Where browsers are usually installed, in the order they are tried. */
export const SYSTEM_BROWSERS: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

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

/** Where Playwright would have installed its own chromium (it may not have). */
function playwrightBrowser(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export interface BrowserSearch {
  readonly env?: NodeJS.ProcessEnv;
  readonly exists?: (file: string) => boolean;
  readonly playwright?: () => string | undefined;
}

/** The browser to launch: the first place of the list above that holds one; an error naming every place tried otherwise. */
export function findChromium({ env = process.env, exists = existsSync, playwright = playwrightBrowser }: BrowserSearch = {}): string {
  const named = env[CHROMIUM_PATH_ENV];
  if (named) {
    if (exists(named)) return named;
    throw new Error(`${CHROMIUM_PATH_ENV} names ${named}, which does not exist. Set it to a Chromium or Chrome executable, or unset it to look in the usual places.`);
  }
  const installed = playwright();
  const tried = [...(installed ? [installed] : []), ...SYSTEM_BROWSERS];
  const found = tried.find((file) => exists(file));
  if (found) return found;
  throw new Error(
    `No Chromium or Chrome found for the browser tests and npm run pdf. Tried ${CHROMIUM_PATH_ENV} (not set), ${tried.join(", ")}. ` +
      `Install one (Debian: \`apt-get install -y chromium\`, as .ci/run does) or set ${CHROMIUM_PATH_ENV} to one. Nothing is downloaded.`,
  );
}

/**
 * Start the browser. Playwright gives every launch a fresh, temporary user-data-dir (and
 * removes it on close), so no profile, cache or cookie carries over between runs.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}
