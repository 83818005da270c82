/** Lines of a file, 1-based and inclusive, on the new side of a diff. */
export interface LineRange {
  first: number;
  last: number;
}

/**
 * The changed lines per file of a `git diff -U0` patch (paths as git prints them after `+++ b/`,
 * relative to the work-tree top). A hunk that only deletes lines counts as touching the lines on
 * either side of the gap, so a site whose code lost a line is changed.
 */
export function changedLinesOfPatch(patch: string): Map<string, LineRange[]> {
  const changed = new Map<string, LineRange[]>();
  let ranges: LineRange[] | undefined;
  // Between `diff --git` and the first hunk: an added line `++ x` also starts with `+++ `.
  let inHeader = false;
  for (const line of patch.split("\n")) {
    if (line.startsWith("diff --git ")) {
      ranges = undefined;
      inHeader = true;
    } else if (inHeader && line.startsWith("+++ ")) {
      const path = newPath(line.slice(4));
      ranges = path === undefined ? undefined : (changed.get(path) ?? []);
      if (path !== undefined && ranges) changed.set(path, ranges);
    } else if (line.startsWith("@@ ")) {
      inHeader = false;
      if (!ranges) continue;
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      ranges.push(count === 0 ? { first: Math.max(1, start), last: start + 1 } : { first: start, last: start + count - 1 });
    }
  }
  return changed;
}

/** `b/src/a.ts`, `"b/src/\303\251t\303\251.ts"` (C-quoted), or `/dev/null` for a deleted file. */
function newPath(header: string): string | undefined {
  // git ends the name with a tab when it holds a space, for patch(1).
  const raw = header.endsWith("\t") ? header.slice(0, -1) : header;
  if (raw === "/dev/null") return undefined;
  const path = raw.startsWith('"') ? unquoteC(raw) : raw;
  return path.startsWith("b/") ? path.slice(2) : path;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** Undoes git's C-style quoting of a path: escapes, and octal escapes that spell UTF-8 bytes. */
export function unquoteC(quoted: string): string {
  const bytes: number[] = [];
  const body = quoted.slice(1, quoted.endsWith('"') ? -1 : undefined);
  for (let index = 0; index < body.length; index++) {
    if (body[index] !== "\\") {
      const backslash = body.indexOf("\\", index);
      const end = backslash === -1 ? body.length : backslash;
      bytes.push(...Buffer.from(body.slice(index, end), "utf8"));
      index = end - 1;
      continue;
    }
    const next = body[index + 1] ?? "";
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      index += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
