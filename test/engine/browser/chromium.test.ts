/**
 * The browser is found where it is: CHROMIUM_PATH, else Playwright's own install, else the usual
 * system places, in that order; with none, the error names every place tried.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM_PATH_ENV, SYSTEM_BROWSERS, findChromium } from "../../../scripts/engine/browser/chromium.ts";

const PLAYWRIGHT = "/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";
const only = (...present: string[]) => (file: string) => present.includes(file);

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first, over an installed browser", () => {
    expect(findChromium({ env: { [CHROMIUM_PATH_ENV]: "/opt/chrome/chrome" }, exists: only("/opt/chrome/chrome", "/usr/bin/chromium", PLAYWRIGHT), playwright: () => PLAYWRIGHT })).toBe("/opt/chrome/chrome");
  });

  it("refuses a CHROMIUM_PATH that does not exist rather than use another browser", () => {
    expect(() => findChromium({ env: { [CHROMIUM_PATH_ENV]: "/nowhere/chrome" }, exists: only("/usr/bin/chromium"), playwright: () => undefined })).toThrow(
      "CHROMIUM_PATH names /nowhere/chrome, which does not exist",
    );
  });

  it("takes Playwright's installed browser before the system's", () => {
    expect(findChromium({ env: {}, exists: only("/usr/bin/chromium", PLAYWRIGHT), playwright: () => PLAYWRIGHT })).toBe(PLAYWRIGHT);
  });

  it("falls back to the system places in order: Debian's chromium before Chrome", () => {
    expect(findChromium({ env: {}, exists: only("/usr/bin/google-chrome", "/usr/bin/chromium"), playwright: () => PLAYWRIGHT })).toBe("/usr/bin/chromium");
    expect(findChromium({ env: {}, exists: only("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"), playwright: () => undefined })).toBe(
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    );
  });

  it("with no browser anywhere, names every place it tried and how to install one", () => {
    let message = "";
    try {
      findChromium({ env: {}, exists: () => false, playwright: () => PLAYWRIGHT });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("CHROMIUM_PATH (not set)");
    for (const place of [PLAYWRIGHT, ...SYSTEM_BROWSERS]) expect(message).toContain(place);
    expect(message).toContain("apt-get install -y chromium");
  });
});
