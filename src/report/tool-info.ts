import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface ToolInfo {
  name: string;
  version: string;
}

let cached: ToolInfo | undefined;

/**
 * memocap's name and version from its package.json, found by walking up from this module: the
 * module runs both from src/ (tests) and from dist/src/ (the CLI), at different depths.
 */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Partial<ToolInfo>;
      if (manifest.name === "memocap" && manifest.version) return (cached = { name: manifest.name, version: manifest.version });
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = { name: "memocap", version: "0.0.0" });
    dir = parent;
  }
}
