/**
 * Where JSON that JSON.parse refused goes wrong, as line and column. Node 20's JSON.parse
 * gives a position for some errors ("… in JSON at position 8") and none for others
 * ("Unexpected token '}', … is not valid JSON"), so the text is read again by this small
 * recogniser of JSON's grammar (RFC 8259), which stops at the first character that cannot
 * continue a JSON text. It is only run on text JSON.parse has already refused.
 */

/** The 1-based line and column (in characters) of the first character of `text` that cannot continue a JSON text; the end of the text when it stops short. */
export function jsonErrorPosition(text: string): { line: number; column: number } {
  const offset = firstBadOffset(text);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: [...before[before.length - 1]].length + 1 };
}

class Stop {
  constructor(readonly offset: number) {}
}

function firstBadOffset(text: string): number {
  let at = 0;
  const stop = (): never => {
    throw new Stop(at);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at])) at += 1;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) stop();
      at += 1;
    }
  };
  const string = () => {
    at += 1; // the opening quote
    for (;;) {
      if (at >= text.length) stop();
      const char = text[at];
      if (char === '"') {
        at += 1;
        return;
      }
      if (char < " ") stop();
      if (char === "\\") {
        at += 1;
        if (text[at] === "u") {
          at += 1;
          for (let i = 0; i < 4; i += 1, at += 1) if (!/[0-9A-Fa-f]/.test(text[at] ?? "")) stop();
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[at] ?? "x")) stop();
      }
      at += 1;
    }
  };
  const digits = (atLeastOne: boolean) => {
    const start = at;
    while (at < text.length && text[at] >= "0" && text[at] <= "9") at += 1;
    if (atLeastOne && at === start) stop();
  };
  const number = () => {
    if (text[at] === "-") at += 1;
    if (text[at] === "0") at += 1;
    else digits(true);
    if (text[at] === ".") {
      at += 1;
      digits(true);
    }
    if (text[at] === "e" || text[at] === "E") {
      at += 1;
      if (text[at] === "+" || text[at] === "-") at += 1;
      digits(true);
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === "{") {
      at += 1;
      space();
      if (text[at] === "}") {
        at += 1;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') stop();
        string();
        space();
        if (text[at] !== ":") stop();
        at += 1;
        value();
        space();
        if (text[at] === ",") at += 1;
        else if (text[at] === "}") {
          at += 1;
          return;
        } else stop();
      }
    }
    if (char === "[") {
      at += 1;
      space();
      if (text[at] === "]") {
        at += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[at] === ",") at += 1;
        else if (text[at] === "]") {
          at += 1;
          return;
        } else stop();
      }
    }
    if (char === '"') return string();
    if (char === "t") return literal("true");
    if (char === "f") return literal("false");
    if (char === "n") return literal("null");
    if (char === "-" || (char >= "0" && char <= "9")) return number();
    stop();
  };
  try {
    value();
    space();
    // A whole value followed by more text: the error is where that text starts.
    return at;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
}
