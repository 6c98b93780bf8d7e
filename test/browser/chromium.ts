// The launcher lives in scripts/ since `npm run pdf` uses it too; the browser tests import it from here.
export { CHROMIUM, CHROMIUM_ARGS, launchChromium } from "../../scripts/engine/browser/chromium.ts";
