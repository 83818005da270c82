/**
 * The TypeScript compiler API, as @ts-morph/common bundles it: `import ts from "./typescript.cts"`
 * gives both the value and the namespace of types. Every run that parses a file loads it, so two
 * start-up costs are cut here:
 * - This module is CommonJS: an ESM named import from a CommonJS package makes Node's ESM loader
 *   lex that package's whole source for its export names (ts-morph's bundles are megabytes).
 * - The compiler (9 MB of JavaScript) is compiled through a V8 code cache kept in the temporary
 *   folder, as Node 22's module.enableCompileCache would (Node 20 has none): about 0.1 s a run.
 */
import crypto = require("node:crypto");
import fs = require("node:fs");
import nodeModule = require("node:module");
import os = require("node:os");
import path = require("node:path");
import vm = require("node:vm");
import workerThreads = require("node:worker_threads");

/**
 * Runs a CommonJS file as require() would and leaves it in require's cache, where the require()
 * calls that follow find it. It is compiled with its code cache when there is one; when there is
 * none (or V8 rejects it), the cache is written at exit, with the functions this run compiled.
 * V8 compiles a function when it first runs, so a cache written by a short run (a scan of a few
 * files) lacks most of the parser and checker: a run that worked longer (WORTH_KEEPING_CPU) writes
 * a fuller cache beside it once, which later runs prefer (0.1 s sooner on the perf tree).
 * Trouble with the cache only means compiling from source, as require() does.
 */
function loadWithCodeCache(file: string): void {
  // Loaders that compile CommonJS themselves (tsx) may give no require cache: then require() as usual.
  if (!require.cache || require.cache[file]) return;
  const bytes = fs.readFileSync(file);
  const source = bytes.toString("utf8");
  const cacheBase = codeCacheBase(bytes);
  const fullCache = cacheBase === undefined ? undefined : readIfPresent(`${cacheBase}.full.bin`);
  const cachedData = fullCache ?? (cacheBase === undefined ? undefined : readIfPresent(`${cacheBase}.bin`));
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n});`, { filename: file, cachedData });
  const loaded = new nodeModule.Module(file);
  loaded.filename = file;
  require.cache[file] = loaded;
  try {
    script.runInThisContext()(loaded.exports, nodeModule.createRequire(file), loaded, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  loaded.loaded = true;
  if (cacheBase === undefined) return;
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  process.once("exit", () => {
    const worthKeeping = process.cpuUsage().user >= WORTH_KEEPING_CPU;
    if (!usable) writeCodeCache(`${cacheBase}${worthKeeping ? ".full" : ""}.bin`, script);
    else if (fullCache === undefined && worthKeeping) writeCodeCache(`${cacheBase}.full.bin`, script);
  });
}

/** Microseconds of CPU after which a run has compiled most of what runs of the parser and checker use. */
const WORTH_KEEPING_CPU = 1_000_000;

/**
 * Where the code cache of `source` is kept (without the extension): named by a hash of the source, of Node's version and of
 * its flags (V8 checks these again, and rejects a cache made under other V8 flags), so that no other
 * source or Node gets it and runs with other flags keep their own; in a folder of this user's that no
 * one else may write to, as a code cache is code this process runs. Undefined when there is no such folder.
 */
function codeCacheBase(source: Buffer): string | undefined {
  try {
    const uid = process.getuid?.();
    const dir = path.join(os.tmpdir(), `memocap-code-cache-${uid ?? "user"}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const folder = fs.lstatSync(dir);
    if (!folder.isDirectory()) return undefined;
    if (uid !== undefined && (folder.uid !== uid || (folder.mode & 0o022) !== 0)) return undefined;
    const node = [process.version, process.arch, ...process.execArgv, process.env.NODE_OPTIONS ?? ""].join("\n");
    const key = crypto.createHash("sha256").update(node).update("\n").update(source).digest("hex");
    return path.join(dir, key.slice(0, 32));
  } catch {
    return undefined;
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written under a name of its own, then renamed: a run reading it meanwhile gets the old file or this one, whole. */
function writeCodeCache(cacheFile: string, script: vm.Script): void {
  const temporary = `${cacheFile}.${process.pid}-${workerThreads.threadId}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cacheFile);
  } catch {
    // No cache this time; an exit handler must not throw.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {}
  }
}

loadWithCodeCache(require.resolve("@ts-morph/common/dist/typescript.js"));

import common = require("@ts-morph/common");
import ts = common.ts;
export = ts;
