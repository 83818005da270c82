/**
 * A WeakMap is a site only when it is used as a cache (MC124): some `set` of it writes a key that a
 * lookup of the same key finds, as the analysis compares them (their text, without spaces): a
 * `get(key)` or `has(key)`, another `set` whose result is used, or a call that is given the WeakMap
 * (`lookup(cache, key)`). One written only with keys it never looks up (a registry, a side table)
 * makes no site. The text holds every place the name is used; where it cannot tell what one is
 * (any use but `.get(`/`.has(`/`.set(`/`.delete(` besides the declaration, arguments it cannot read)
 * the WeakMap counts as a cache.
 */
export function mayBeWeakMapCache(text: string, name: string): boolean {
  const escaped = name.replaceAll("$", "\\$");
  const sets: string[][] = [];
  const lookedUp = new Set<string>();
  let otherUses = 0;
  for (const use of text.matchAll(new RegExp(String.raw`(?<![\w$#])${escaped}(?![\w$])`, "g"))) {
    METHOD_CALL.lastIndex = use.index + name.length;
    const call = METHOD_CALL.exec(text);
    if (!call) {
      // The declaration is one; any other may hand the WeakMap to a function that looks it up.
      if (++otherUses > 1) return true;
      continue;
    }
    if (call[1] === "delete") continue;
    const args = callArguments(text, METHOD_CALL.lastIndex);
    if (args === undefined) return true;
    if (call[1] === "set") sets.push(args);
    else if (args[0] !== undefined) lookedUp.add(args[0]);
  }
  return sets.some((args, index) => {
    const key = args[0];
    return key !== undefined && (lookedUp.has(key) || sets.some((other, at) => at !== index && other.includes(key)));
  });
}

/** After the name: a call of one of the methods the analysis tells apart, through `!`, `)` and `?.`. */
const METHOD_CALL = /[\s)!]*\??\.\s*(get|has|set|delete)\s*(?:\?\.\s*)?\(/y;

/**
 * The arguments of the call whose `(` ends before `from`, each without spaces, as the analysis
 * compares them; undefined where they cannot be told apart by counting brackets (a comment, regular
 * expression or template, a `<` that may open type arguments, a string left open).
 */
function callArguments(text: string, from: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      if (depth === 0) {
        const last = text.slice(start, i).replace(/\s+/g, "");
        return last === "" ? args : [...args, last];
      }
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push(text.slice(start, i).replace(/\s+/g, ""));
      start = i + 1;
    } else if (ch === '"' || ch === "'") {
      for (i++; i < text.length && text[i] !== ch; i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "\n") return undefined;
      }
    } else if (ch === "`" || ch === "/" || (ch === "<" && depth === 0)) {
      return undefined;
    }
  }
  return undefined;
}
