import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { OptionError } from "../option-error.ts";

/** Formats a rewritten file's text before it is written (and before the `--dry` diff is made). */
export type SourceFormatter = (file: string, text: string) => Promise<string>;

/** The part of prettier's API memocap uses; the same in prettier 2 (synchronous `format`) and 3. */
interface PrettierApi {
  version?: string;
  format(source: string, options: Record<string, unknown>): string | Promise<string>;
  resolveConfig(file: string, options?: { editorconfig?: boolean }): Promise<Record<string, unknown> | null>;
  getFileInfo(file: string, options?: { ignorePath?: string | string[]; resolveConfig?: boolean }): Promise<{ ignored: boolean; inferredParser: string | null }>;
}

/**
 * `fix --prettier`: formats each file memocap rewrites with the project's own prettier (resolved
 * from the file's folder, as the project's tools would; else from `cwd`) and configuration
 * (`.prettierrc` and the rest, `.editorconfig`), unless `.prettierignore` or `.gitignore` in `cwd`
 * ignore it, as prettier's CLI reads them, or prettier has no parser for it. Line endings stay as
 * they were: memocap keeps them. Throws an OptionError when `cwd` has no prettier to resolve.
 */
export async function projectPrettier(cwd: string): Promise<SourceFormatter> {
  const fallback = resolvePrettier(cwd);
  if (fallback === undefined) {
    throw new OptionError(`--prettier: prettier is not installed where memocap runs (${cwd}); install it in the project or leave out --prettier`);
  }
  const loaded = new Map<string, Promise<PrettierApi>>();
  const resolvedIn = new Map<string, string>();
  const prettierFor = (file: string): Promise<PrettierApi> => {
    const dir = dirname(file);
    let path = resolvedIn.get(dir);
    if (path === undefined) resolvedIn.set(dir, (path = resolvePrettier(dir) ?? fallback));
    let api = loaded.get(path);
    if (!api) loaded.set(path, (api = loadPrettier(path)));
    return api;
  };
  return async (file, text) => {
    const prettier = await prettierFor(file);
    const major = Number.parseInt(prettier.version ?? "3", 10);
    const ignoreFiles = [join(cwd, ".gitignore"), join(cwd, ".prettierignore")];
    // resolveConfig: a parser set in the configuration's overrides counts, as in prettier's CLI.
    const info = await prettier.getFileInfo(file, { ignorePath: major >= 3 ? ignoreFiles : ignoreFiles[1], resolveConfig: true });
    if (info.ignored || info.inferredParser === null) return text;
    const config = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
    return prettier.format(text, { ...config, filepath: file, endOfLine: "auto" });
  };
}

function resolvePrettier(dir: string): string | undefined {
  try {
    return createRequire(join(dir, "noop.js")).resolve("prettier");
  } catch {
    return undefined;
  }
}

async function loadPrettier(path: string): Promise<PrettierApi> {
  const module = (await import(pathToFileURL(path).href)) as PrettierApi & { default?: PrettierApi };
  return module.default && typeof module.default.format === "function" ? module.default : module;
}
