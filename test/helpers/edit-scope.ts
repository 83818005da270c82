import { diffArrays, structuredPatch } from "diff";
import ts from "typescript";
import type { Site } from "../../src/analysis/site.ts";

/**
 * Checks a rewrite against the sites it fixed, independently of the transforms: every changed
 * hunk of the file must be explained by a rewritten site (its range, or a place its plans name:
 * where a statement ends, where a declaration goes, a range to replace or remove), by the
 * lru-cache import or require, or by a helper written at the end of the file; and no code that is
 * kept may be reformatted (the whitespace and comments between two tokens that follow each other
 * before and after the rewrite stay as they were), so that a reprinted neighbour or an options
 * object spread over four lines fails. Returns what it cannot explain, one line each.
 */
export function unexplainedEdits(file: string, before: string, after: string, sites: Site[]): string[] {
  const problems: string[] = [];
  const lines = new LineIndex(before);
  const allowed = allowedLines(sites, lines);
  const helperAtEnd = sites.some((site) => site.plan?.some((plan) => plan.kind === "declare-helper" || ("keepUndefined" in plan && plan.keepUndefined === true)));
  const total = before.split("\n").length;
  const modules = new Set(sites.map((site) => site.module));

  for (const hunk of structuredPatch("a", "b", before, after, "", "", { context: 0 }).hunks) {
    const added = hunk.lines.filter((line) => line.startsWith("+")).map((line) => line.slice(1));
    const removed = hunk.lines.filter((line) => line.startsWith("-"));
    // An insertion before line L (jsdiff's oldStart) touches lines L - 1 and L; a replacement the lines it replaces.
    const first = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const last = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart + hunk.oldLines - 1;
    const touched = range(first, last);
    if (touched.some((line) => allowed.has(line))) continue;
    // Line diffs slide an insertion along lines that repeat (blank lines, a comment the rewrite moved).
    if (hunk.oldLines === 0 && range(first - INSERTION_SLACK, last + INSERTION_SLACK).some((line) => allowed.has(line))) continue;
    if (added.every((line) => line.trim() === "" || isLruCacheBinding(line) || isImportOf(line, modules)) && removed.every((line) => isImportOf(line.slice(1), modules))) continue;
    if (removed.length === 0 && helperAtEnd && last >= total - 1) continue;
    problems.push(`${file}:${hunk.oldStart}: a change no rewritten site explains: ${JSON.stringify([...removed, ...added.map((line) => `+${line}`)].join("\n").slice(0, 200))}`);
  }
  problems.push(...reformattedCode(file, before, after, rewrittenRanges(sites), inlineEditRanges(sites)));
  return problems;
}

const INSERTION_SLACK = 3;

/** An import or require of one of `modules` (a rewrite drops or changes the import of a library it no longer uses). */
function isImportOf(line: string, modules: ReadonlySet<string>): boolean {
  const match = /^\s*(?:import\b.*\bfrom\s*|(?:const|let|var)\b.*=\s*require\()(["'])([^"']+)\1/.exec(line);
  return match !== null && modules.has(match[2]!);
}

/** `import { LRUCache } from "lru-cache";` or `const { LRUCache } = require("lru-cache");` (also renamed). */
function isLruCacheBinding(line: string): boolean {
  return /^\s*(import \{ LRUCache( as \w+)? \} from (["'])lru-cache\3|const \{ LRUCache(: \w+)? \} = require\((["'])lru-cache\5\));?\s*$/.test(line);
}

/** Lines of the text before that a rewritten site's range or its plans' offsets fall on. */
function allowedLines(sites: Site[], lines: LineIndex): Set<number> {
  const allowed = new Set<number>();
  for (const site of sites) {
    for (const line of range(lines.lineOf(site.start), lines.lineOf(site.end))) allowed.add(line);
    for (const [start, end] of planOffsets(site.plan ?? [])) {
      for (const line of range(lines.lineOf(start), lines.lineOf(end))) allowed.add(line);
    }
  }
  return allowed;
}

/** Every offset a plan names (`statementEnd`, `insertAt`, `start`/`end`, `storeAt`, decorator ranges...), as ranges. */
function planOffsets(value: unknown): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record["start"] === "number" && typeof record["end"] === "number") found.push([record["start"], record["end"]]);
    for (const [key, field] of Object.entries(record)) {
      if (typeof field === "number" && /(Start|End|At)$/.test(key)) found.push([field, field]);
      else visit(field);
    }
  };
  visit(value);
  return found;
}

/**
 * Ranges whose code a rewrite replaces, moves or re-emits on purpose, where kept code may be spaced
 * anew: those a plan names (`start`/`end`: a module cache's use restated, a statement removed), and
 * whole sites whose code moves (split-async builds the wrapper and the core from the function's own
 * code, re-indented; share-instance-cache moves a class field's memoizer call before the class).
 */
function rewrittenRanges(sites: Site[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const site of sites) {
    if (site.transform === "split-async" || site.transform === "share-instance-cache") ranges.push([site.start, site.end]);
    for (const [start, end] of planOffsets(site.plan ?? [])) if (end > start) ranges.push([start, end]);
  }
  return ranges;
}

/** The plans that edit a site in place: an option, an argument or the callee set, or the call wrapped. */
const INLINE_PLANS = new Set(["set-option", "set-lru-option", "set-options", "set-argument", "replace-callee", "wrap-assign-cache"]);

/**
 * Sites edited only in place, where no line break may appear inside a line of the original; not
 * those within another site that moves code (share-instance-cache moving a memoized prototype method).
 */
function inlineEditRanges(sites: Site[]): Array<[number, number]> {
  const inline = (site: Site) => Boolean(site.plan?.length) && site.plan!.every((plan) => INLINE_PLANS.has(plan.kind));
  const moving = sites.filter((site) => !inline(site));
  return sites
    .filter((site) => inline(site) && !moving.some((other) => other.start < site.end && site.start < other.end))
    .map((site) => [site.start, site.end]);
}

interface Token {
  text: string;
  /** Whitespace and comments before it. */
  trivia: string;
  start: number;
  end: number;
}

/**
 * Kept code spaced anew. Tokens are compared with the whitespace and comments before them, so a
 * token whose spacing changed is one removed and one added. In a changed stretch, a removed token
 * and an added one of the same text, between the same tokens on both sides (the stretch's edges, or
 * other such pairs) and with the same comments before them, are kept code with new spacing:
 * reported, outside the ranges a rewrite replaces.
 * A token that now follows inserted code (`{}` becoming `{ max: 500 }`) has new spacing by right.
 */
function reformattedCode(file: string, before: string, after: string, rewritten: Array<[number, number]>, inline: Array<[number, number]>): string[] {
  const old = tokens(file, before);
  const now = tokens(file, after);
  const problems: string[] = [];
  const key = (token: Token) => `${token.trivia}\0${token.text}`;
  let oldIndex = 0;
  let newIndex = 0;
  let removed: Token[] = [];
  let added: Token[] = [];
  const endOfStretch = () => {
    // Pairs of a removed and an added token of the same text, as [removed index, added index].
    const pairs: Array<[number, number]> = [];
    let removedAt = 0;
    let addedAt = 0;
    for (const part of diffArrays(removed.map((token) => token.text), added.map((token) => token.text))) {
      const count = part.count ?? part.value.length;
      if (part.removed) removedAt += count;
      else if (part.added) addedAt += count;
      else {
        for (let i = 0; i < count; i++) pairs.push([removedAt + i, addedAt + i]);
        removedAt += count;
        addedAt += count;
      }
    }
    const paired = new Set(pairs.map(([r, a]) => `${r}:${a}`));
    // Between the same tokens before and after: the stretch's edges, or other pairs.
    const sameBefore = (r: number, a: number) => (r === 0 && a === 0) || paired.has(`${r - 1}:${a - 1}`);
    const sameAfter = (r: number, a: number) => (r === removed.length - 1 && a === added.length - 1) || paired.has(`${r + 1}:${a + 1}`);
    for (const [r, a] of pairs) {
      const was = removed[r]!;
      const is = added[a]!;
      const outside = !rewritten.some(([start, end]) => start <= was.start && was.start < end);
      const respaced = was.trivia.replace(/\s+/g, "") === is.trivia.replace(/\s+/g, "");
      if (outside && respaced && sameBefore(r, a) && sameAfter(r, a)) {
        problems.push(`${file}:${lineOf(before, was.start)}: kept code reformatted before \`${was.text}\`: ${JSON.stringify(was.trivia)} became ${JSON.stringify(is.trivia)}`);
      }
    }
    removed = [];
    added = [];
  };
  /**
   * An edit within one line of the original (between two kept tokens with no line break between
   * them), at a site edited in place, that breaks the line: `{ primitive: true }` printed over four
   * lines, or `{ max: 500 }` added that way.
   */
  const brokenLine = () => {
    if (removed.length === 0 && added.length === 0) return;
    const oldBefore = old[oldIndex - removed.length - 1];
    const oldAfter = old[oldIndex];
    const newBefore = now[newIndex - added.length - 1];
    const newAfter = now[newIndex];
    if (!oldBefore || !oldAfter || !newBefore || !newAfter) return;
    if (!inline.some(([start, end]) => start <= oldBefore.start && oldBefore.start < end)) return;
    if (before.slice(oldBefore.end, oldAfter.start).includes("\n") || !after.slice(newBefore.end, newAfter.start).includes("\n")) return;
    problems.push(`${file}:${lineOf(before, oldBefore.start)}: a one-line edit breaks the line: ${JSON.stringify(after.slice(newBefore.start, newAfter.end).slice(0, 120))}`);
  };
  for (const part of diffArrays(old.map(key), now.map(key))) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      removed.push(...old.slice(oldIndex, oldIndex + count));
      oldIndex += count;
    } else if (part.added) {
      added.push(...now.slice(newIndex, newIndex + count));
      newIndex += count;
    } else {
      brokenLine();
      endOfStretch();
      oldIndex += count;
      newIndex += count;
    }
  }
  brokenLine();
  endOfStretch();
  return problems;
}

/** The tokens of the parsed text, each with the whitespace and comments before it. */
function tokens(file: string, text: string): Token[] {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JSX;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const result: Token[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(sourceFile);
    if (children.length === 0 && node.end > node.pos) {
      const start = node.getStart(sourceFile);
      result.push({ text: text.slice(start, node.end), trivia: text.slice(node.pos, start), start, end: node.end });
    }
    children.forEach(visit);
  };
  visit(sourceFile);
  return result;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.starts.push(i + 1);
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}
