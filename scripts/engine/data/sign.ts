/** `npm run data:sign`: record the current sha256 of every file listed in data/README.md. */
import { signProvenance } from "./provenance.ts";

const root = process.argv[2] ?? ".";
const changed = await signProvenance(root);
console.log(changed.length === 0 ? "All recorded hashes already match." : `Recorded new sha256 for:\n  ${changed.join("\n  ")}`);
