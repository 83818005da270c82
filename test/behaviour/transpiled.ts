import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import ts from "typescript";
import { FIXTURES, type FixtureModule } from "./probe.ts";

const require = createRequire(import.meta.url);
const ROOT = join(FIXTURES, "..");
/** Inside the repository, so that the modules resolve the libraries from its node_modules. */
export const TRANSPILED = join(ROOT, "node_modules", ".cache", "memocap-behaviour");

/**
 * A fixture as Node runs it, loaded through `require`. TypeScript and ESM JavaScript are compiled
 * by TypeScript itself to CommonJS, with the decorator mode of the fixture's folder (`legacy/` sets
 * `experimentalDecorators`; elsewhere TypeScript 5's standard decorators), so that each decorator
 * runs exactly as it does in a project compiled that way. Returns the module and the compiled file.
 */
export function loadTranspiled(path: string): { module: FixtureModule; file: string } {
  const file = transpiledPath(path);
  return { module: require(file) as FixtureModule, file };
}

export function transpiledPath(path: string): string {
  if (path.endsWith(".cjs")) return path;
  const legacy = path.includes(`${join("share-instance-cache", "legacy")}/`);
  const output = ts.transpileModule(readFileSync(path, "utf8"), {
    fileName: path,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      allowJs: true,
      experimentalDecorators: legacy,
    },
  });
  const file = join(TRANSPILED, relative(FIXTURES, path).replaceAll("/", "__").replace(/\.[cm]?[jt]sx?$/, ".cjs"));
  mkdirSync(TRANSPILED, { recursive: true });
  // Written aside and renamed: a test file in another worker, or a child node, may be reading it.
  if (!existsSync(file) || readFileSync(file, "utf8") !== output.outputText) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, output.outputText);
    renameSync(temporary, file);
  }
  return file;
}
