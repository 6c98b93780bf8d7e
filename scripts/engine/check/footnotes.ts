/**
 * A page's footnotes, checked in its Markdown source before it is published. markdown-it-footnote
 * forgives three mistakes a reader would see: a reference to a note never written is printed
 * as "[^name]"; a second note of one name silently replaces the first; a note no reference points
 * to silently vanishes. Each is a fault here, at the line and column where it is written.
 * Fenced code is left out (a code sample may show the syntax).
 */
export interface FootnoteProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function footnoteProblems(source: string): FootnoteProblem[] {
  const lines = source.split("\n");
  const definitions = new Map<string, { line: number; column: number }>();
  const references: { label: string; line: number; column: number }[] = [];
  const problems: FootnoteProblem[] = [];
  let fenced = false;
  lines.forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) return;
    const line = index + 1;
    const definition = /^\[\^([^\]\s]+)\]:/.exec(text);
    if (definition) {
      const label = definition[1];
      const first = definitions.get(label);
      if (first) problems.push({ line, column: 1, message: `the note [^${label}] is written twice (first on line ${first.line}); the second would silently replace the first` });
      else definitions.set(label, { line, column: 1 });
    }
    for (const match of text.matchAll(/\[\^([^\]\s]+)\]/g)) {
      if (definition && match.index === 0) continue;
      references.push({ label: match[1], line, column: match.index + 1 });
    }
  });
  for (const ref of references) {
    if (!definitions.has(ref.label)) problems.push({ line: ref.line, column: ref.column, message: `the note [^${ref.label}] is referred to but never written; it would be printed as "[^${ref.label}]"` });
  }
  const referred = new Set(references.map((r) => r.label));
  for (const [label, at] of definitions) {
    if (!referred.has(label)) problems.push({ ...at, message: `the note [^${label}] is written but nothing refers to it; it would not be shown` });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
