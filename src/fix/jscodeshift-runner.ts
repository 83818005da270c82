import jscodeshift, { type API } from "jscodeshift";
import type { TransformFunction } from "./transforms.ts";

/** jscodeshift's parser for a file: TypeScript for .ts, TSX for .tsx, Babel (with JSX) for JS. */
export function parserFor(file: string): "ts" | "tsx" | "babylon" {
  if (/\.[cm]?ts$/.test(file)) return "ts";
  if (/\.tsx$/.test(file)) return "tsx";
  return "babylon";
}

/** Runs a transform in this process, as jscodeshift's runner would in a worker. */
export async function runTransform(transform: TransformFunction, file: string, source: string, options: Record<string, unknown>): Promise<string> {
  const j = jscodeshift.withParser(parserFor(file));
  const api: API = { j, jscodeshift: j, stats: () => {}, report: () => {} };
  const output = await transform({ path: file, source }, api, options);
  return output ?? source;
}

/** Parses `source` as the file's parser would; throws with the parser's message when it does not parse. */
export function assertParses(file: string, source: string): void {
  jscodeshift.withParser(parserFor(file))(source);
}
