import { isAbsolute, relative, sep } from "node:path";

/** True when `path` is `dir` itself or lies anywhere below it. */
export function isWithinDirectory(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}

/** True when `path` lies below `dir`, not `dir` itself. */
export function isStrictlyWithinDirectory(dir: string, path: string): boolean {
  return relative(dir, path) !== "" && isWithinDirectory(dir, path);
}

/** Glob and .gitignore matching want `/` separators whatever the platform. */
export function toPosixPath(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}
