/**
 * Which names an empty store found in the text (`= new Map()`, `= {}`) may be declared to, for the
 * module-cache prefilter. The analysis takes a module-level `const|let|var` declarator or a
 * class-static member as a candidate, so a store inside brackets (a parameter or destructuring
 * default, an object, a function body) or after a statement boundary (`cache = {};`, an assignment)
 * declares nothing. This is a text test, never a parse: it looks at brackets only where the code
 * between holds no comment, regular expression or template (a `/` or a backquote), and answers
 * "unknown" (the file is parsed) or over-approximates the names when it cannot tell.
 */
export type DeclaredNames = readonly string[] | "unknown";

/** A module-level declaration's first line: the analysis' candidates start at column 0 (as bundlers and formatters write them). */
const DECLARATION_LINE = /^(?:export\s+)?(?:const|let|var)\s+/;
/**
 * A later declarator of a list on a line of its own, `    cache = {},`, perhaps typed
 * (`    cache: Record<string, T> = {};`) or after the list's comma (`  , cache = {}`).
 */
const LIST_ITEM_LINE = /^[ \t]*(,\s*)?([\w$]+)\s*[!?]?\s*(?::(?:[^=]|=>)*)?$/;
/**
 * The end of a type annotation that spans lines (`> = new Map();`, `} = {};`), or of a destructuring
 * or parameter list: the store's `=` is the first on the line (an earlier one is the initializer's).
 */
const CLOSING_LINE = /^[ \t]*[>)\]}](?:[^=]|=>)*$/;
const STATIC = /\bstatic\s+/g;
/** A line that is no code (a line comment, or text in a block comment or template). */
const LINE_COMMENT = /^\s*\/\//;
const STATIC_MODIFIERS = new Set(["readonly", "override", "declare", "accessor"]);
const IDENTIFIER = /[#\w$]+/y;
/** How far up a declaration list or a type annotation is followed before giving up (and parsing the file). */
const MAX_LINES = 200;
/** The longest line start read before a store: longer ones are minified code, whose line is not a statement. */
const MAX_PREFIX = 2000;

/**
 * For the stores of `text`, in order: the names the store whose `=` is at `eq` may be the
 * initializer of ([] when it cannot be a candidate).
 */
export function storeDeclarations(text: string): (eq: number) => DeclaredNames {
  // Minified code has lines of megabytes: each is measured once, not once per store on it.
  let longLine = { start: 0, end: -1, firstStatementEnd: -1 };
  return (eq) => {
    if (eq < longLine.end) return longLineStore(eq, longLine.firstStatementEnd);
    const newline = text.slice(Math.max(0, eq - MAX_PREFIX), eq).lastIndexOf("\n");
    if (newline === -1 && eq > MAX_PREFIX) {
      const start = text.lastIndexOf("\n", eq - 1) + 1;
      const end = text.indexOf("\n", eq);
      const semicolon = DECLARATION_LINE.test(text.slice(start, start + 80)) ? text.indexOf(";", start) : start;
      longLine = { start, end: end === -1 ? text.length : end, firstStatementEnd: semicolon === -1 ? text.length : semicolon };
      return longLineStore(eq, longLine.firstStatementEnd);
    }
    return declaredNamesOfStore(text, eq);
  };
}

/** Minified code: only a line's first statement starts at column 0, and any `;` ends it here. */
function longLineStore(eq: number, firstStatementEnd: number): DeclaredNames {
  return eq < firstStatementEnd ? "unknown" : [];
}

function declaredNamesOfStore(text: string, eq: number): DeclaredNames {
  const lineStart = text.lastIndexOf("\n", eq - 1) + 1;
  const prefix = text.slice(lineStart, eq);
  // A declaration line first: there `static ` can only be in a string or a class expression.
  const declaration = DECLARATION_LINE.exec(prefix);
  if (declaration) return declaratorNames(prefix, declaration[0].length);
  const statics = [...prefix.matchAll(STATIC)].at(-1);
  if (statics) return declaratorNames(prefix, statics.index + statics[0].length, STATIC_MODIFIERS);
  const item = LIST_ITEM_LINE.exec(prefix);
  if (item) {
    if (item[1] === undefined && !followsComma(text, lineStart)) return [];
    const owner = ownerOf(text, lineStart, eq);
    if (owner === "nested") return [];
    // Unknown: the item may be one, its own name is all it can declare.
    return owner === "unknown" ? [item[2]!] : owner;
  }
  if (CLOSING_LINE.test(prefix)) {
    const owner = ownerOf(text, lineStart, eq);
    return owner === "nested" ? [] : owner;
  }
  return [];
}

/**
 * The names a declaration starting on `code`'s first line declares up to the end of `code` (the
 * store's `=`): the first identifier after the keyword and after each comma outside brackets. A
 * comma inside a type's `<…>` adds a name too many, never one too few. [] when the `=` is inside
 * brackets (a default, not an initializer) or after the `;` that ends the declaration. Where a
 * template, comment or regular expression starts, brackets can no longer be counted: every
 * identifier from there on may be a name.
 */
function declaratorNames(code: string, from: number, modifiers?: ReadonlySet<string>): DeclaredNames {
  const names: string[] = [];
  let depth = 0;
  let expectName = true;
  for (let i = from; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"' || ch === "'") {
      const end = closingQuote(code, i);
      if (end === -1) return [...names, ...identifiersIn(code.slice(i))];
      i = end;
      expectName = false;
    } else if (ch === "`" || ch === "/") {
      return [...names, ...identifiersIn(code.slice(i))];
    } else if (ch === "(" || ch === "[" || ch === "{") {
      depth++;
      expectName = false;
    } else if (ch === ")" || ch === "]" || ch === "}") {
      if (--depth < 0) return [];
    } else if (ch === ";" && depth === 0) {
      return [];
    } else if (ch === "," && depth === 0) {
      expectName = true;
    } else if (/[#\w$]/.test(ch)) {
      IDENTIFIER.lastIndex = i;
      const name = IDENTIFIER.exec(code)![0];
      if (expectName && depth === 0 && !modifiers?.has(name)) {
        names.push(name);
        expectName = false;
      }
      i += name.length - 1;
    } else if (!/\s/.test(ch)) {
      expectName = false;
    }
  }
  return depth === 0 ? names : [];
}

/**
 * Follows the lines above `lineStart` (the store's line, up to `eq`) to the declaration that owns
 * it: a column-0 `const|let|var` line or a `static` member reached outside brackets gives the names
 * declared from there. "nested": a bracket opens around the store, or a `;` ends a statement first
 * (then it is an assignment or a default, not a declarator).
 */
function ownerOf(text: string, lineStart: number, eq: number): DeclaredNames | "nested" {
  let depth = 0;
  let start = lineStart;
  let end = eq;
  for (let lines = 0; lines < MAX_LINES; lines++, end = start - 1, start = text.lastIndexOf("\n", end - 1) + 1) {
    if (end - start > MAX_PREFIX) return "unknown";
    const line = text.slice(start, end);
    if (LINE_COMMENT.test(line)) {
      if (start === 0) return "unknown";
      continue;
    }
    const code = withoutStrings(line);
    if (code === undefined || /[`/]/.test(code)) return "unknown";
    for (let i = code.length - 1; i >= 0; i--) {
      const ch = code[i];
      if (ch === ")" || ch === "]" || ch === "}") depth++;
      else if (ch === "(" || ch === "[" || ch === "{") {
        if (depth === 0) return "nested";
        depth--;
      } else if (ch === ";" && depth === 0) return "nested";
    }
    if (depth === 0) {
      const declaration = DECLARATION_LINE.exec(line);
      if (declaration) return declaratorNames(text.slice(start, eq), declaration[0].length);
      const statics = [...line.matchAll(STATIC)].at(-1);
      if (statics) return declaratorNames(text.slice(start, eq), statics.index + statics[0].length, STATIC_MODIFIERS);
      // An indented declaration owns the store: a local one, as the column-0 rule has it.
      if (DECLARATION_LINE.test(line.trimStart())) return "nested";
    }
    if (start === 0) return "unknown";
  }
  return "unknown";
}

/**
 * Whether the line before `lineStart` (past blank lines and `//` comment lines) ends with a comma,
 * as the line before a later declarator of a list does; true when a comment or template on it hides its end.
 */
function followsComma(text: string, lineStart: number): boolean {
  for (let end = lineStart - 1; end > 0; ) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() !== "" && !LINE_COMMENT.test(line)) {
      const code = withoutStrings(line);
      return code === undefined || /[`/]/.test(code) || code.trimEnd().endsWith(",");
    }
    end = start - 1;
  }
  return false;
}

function identifiersIn(code: string): string[] {
  return code.match(/[#\w$]+/g) ?? [];
}

/** The index of the quote that closes the string opening at `open` on this line, or -1. */
function closingQuote(code: string, open: number): number {
  const quote = code[open];
  for (let i = open + 1; i < code.length; i++) {
    const ch = code[i];
    if (ch === "\\") i++;
    else if (ch === quote) return i;
    else if (ch === "\n") return -1;
  }
  return -1;
}

/** One line with the contents of its quoted strings left out (`"a(b"` → `""`); undefined when a string does not close on it. */
function withoutStrings(line: string): string | undefined {
  if (!line.includes('"') && !line.includes("'")) return line;
  let code = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") {
      const end = closingQuote(line, i);
      if (end === -1) return undefined;
      code += ch + ch;
      i = end;
    } else {
      code += ch;
    }
  }
  return code;
}
