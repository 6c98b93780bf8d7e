/**
 * A claim's note and caveat are reader text. They name a number of ours as `{stat.key}` and a
 * figure as `{figure:key}`, so the reader sees the value (or "Figure 2.4"), linked to the page
 * of the site that states it, and never an internal key; the key stays in the CSV.
 */

export type NotePart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "stat"; readonly key: string }
  | { readonly kind: "figure"; readonly key: string };

const TOKEN = /\{(figure:)?([A-Za-z0-9_.-]+)\}/g;

/** The note split into text and the stats and figures it names, in order. */
export function noteParts(note: string): NotePart[] {
  const parts: NotePart[] = [];
  let at = 0;
  for (const match of note.matchAll(TOKEN)) {
    if (match.index > at) parts.push({ kind: "text", text: note.slice(at, match.index) });
    parts.push(match[1] ? { kind: "figure", key: match[2] } : { kind: "stat", key: match[2] });
    at = match.index + match[0].length;
  }
  if (at < note.length) parts.push({ kind: "text", text: note.slice(at) });
  return parts;
}

/** The stat keys a note names. */
export const statsNamed = (note: string): string[] => noteParts(note).flatMap((p) => (p.kind === "stat" ? [p.key] : []));

/** The figure keys a note names. */
export const figuresNamed = (note: string): string[] => noteParts(note).flatMap((p) => (p.kind === "figure" ? [p.key] : []));

/**
 * A brace left in the text after the tokens are taken out: a token mistyped ("{stat key}",
 * an unclosed "{"), which would otherwise reach the reader as code.
 */
export const strayBrace = (note: string): boolean => noteParts(note).some((p) => p.kind === "text" && /[{}]/.test(p.text));
