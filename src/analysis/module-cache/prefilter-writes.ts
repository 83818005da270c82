/**
 * Whether the text writes through a name the way the analysis counts as filling a cache of its
 * kind: `name.set(key, value)` for a Map or WeakMap; `name[key] = value` (or `??=`, `+=`, `++`…)
 * for an object. Reads (`name[key]`, `name.get(key)`) alone make no site. Parentheses and `!`
 * around the name are allowed, as the analysis allows them.
 */
export function isWrittenThrough(text: string, name: string, kind: "map" | "object"): boolean {
  const escaped = name.replaceAll("$", "\\$");
  if (kind === "map") return new RegExp(String.raw`(?<![\w$#])${escaped}[\s)!]*\??\.\s*set\s*(?:\?\.\s*)?\(`).test(text);
  const access = new RegExp(String.raw`(?<![\w$#])${escaped}[\s)!]*(?:\?\.\s*)?\[`, "g");
  for (const match of text.matchAll(access)) {
    if (INCREMENTED.test(text.slice(Math.max(0, match.index - 40), match.index))) return true;
    const after = afterClosingBracket(text, match.index + match[0].length);
    if (after === -1) return true;
    ASSIGNED.lastIndex = after;
    if (ASSIGNED.test(text)) return true;
  }
  return false;
}

/** `++name[…]`, `--(name)[…]`. */
const INCREMENTED = /(?:\+\+|--)[\s(]*$/;
/** After `name[key]`: an assignment (not `==` or `=>`), a compound assignment, `++` or `--`. */
const ASSIGNED = /(?:[\s)]|!(?!=))*(?:=(?![=>])|\+\+|--|(?:\*\*|<<|>>>?|&&|\|\||\?\?|[-+*/%&|^])=)/y;
/** How far a key is followed before it counts as a write (the file is parsed). */
const MAX_KEY_LENGTH = 2000;

/**
 * The index after the `]` that closes the `[` before `from`, or -1 when the key holds what brackets
 * cannot be counted through (a template, a comment or regular expression, a string that does not close).
 */
function afterClosingBracket(text: string, from: number): number {
  let depth = 1;
  const end = Math.min(text.length, from + MAX_KEY_LENGTH);
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
    else if (ch === "`" || ch === "/") return -1;
    else if (ch === '"' || ch === "'") {
      for (i++; i < end && text[i] !== ch; i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "\n") return -1;
      }
    }
  }
  return -1;
}
