import { relative, sep } from "node:path";

/** A path as the user should read it: relative to the folder memocap was run from, with `/`. */
export function displayPath(cwd: string, file: string): string {
  const shown = relative(cwd, file) || file;
  return sep === "/" ? shown : shown.split(sep).join("/");
}
