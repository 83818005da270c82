import path from "node:path";
import ts from "../../typescript.cts";
import { readTsconfig } from "../types/compiler-settings.ts";

/**
 * Which decorators a TypeScript file is compiled with: "legacy" (`experimentalDecorators`), "standard"
 * (TC39 decorators, TypeScript 5's default), or "unknown" (no tsconfig.json, or one that does not
 * parse or extends a missing file). JavaScript files are "unknown": their decorators come from Babel.
 */
export type DecoratorMode = "legacy" | "standard" | "unknown";

const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/;

/** Config file → mode, and folder → config file, for the life of the process (one lookup per folder). */
const modeOfConfig = new Map<string, DecoratorMode>();
const configOfFolder = new Map<string, string | undefined>();

export function decoratorMode(file: string): DecoratorMode {
  if (!TYPESCRIPT_FILE.test(file) || !path.isAbsolute(file)) return "unknown";
  const folder = path.dirname(file);
  let config = configOfFolder.get(folder);
  if (!configOfFolder.has(folder)) {
    config = ts.findConfigFile(folder, ts.sys.fileExists, "tsconfig.json");
    configOfFolder.set(folder, config);
  }
  if (!config) return "unknown";
  let mode = modeOfConfig.get(config);
  if (!mode) {
    mode = readMode(config);
    modeOfConfig.set(config, mode);
  }
  return mode;
}

/** Read as the typed pass reads it (TypeScript's own parser, `extends` and comments included). */
function readMode(config: string): DecoratorMode {
  const read = readTsconfig(config);
  if (!("options" in read)) return "unknown";
  return read.options.experimentalDecorators ? "legacy" : "standard";
}
