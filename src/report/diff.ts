import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import pc from "picocolors";

// In its own module so that reports can ask without loading the diff library.
export { shouldUseColor } from "./color.ts";

export interface UnifiedDiffOptions {
  /** Unchanged lines shown around each change. Default 3, as git. */
  context?: number;
  color?: boolean;
}

// Colours are forced on here: whether the terminal wants them is decided by the caller (shouldUseColor).
const colors = pc.createColors(true);

/** A git-style unified diff (`a/<file>`, `b/<file>` headers), or "" when nothing changed. */
export function unifiedDiff(file: string, before: string, after: string, options: UnifiedDiffOptions = {}): string {
  if (before === after) return "";
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: options.context ?? 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return options.color ? colorize(patch) : patch;
}

function colorize(patch: string): string {
  let inHunks = false;
  return patch
    .split("\n")
    .map((line) => {
      if (line.startsWith("@@")) {
        inHunks = true;
        return colors.cyan(line);
      }
      // Before the first hunk every line is a file header; after it, "---" is a removed line.
      if (!inHunks) return line === "" ? line : colors.bold(line);
      if (line.startsWith("-")) return colors.red(line);
      if (line.startsWith("+")) return colors.green(line);
      return line;
    })
    .join("\n");
}
