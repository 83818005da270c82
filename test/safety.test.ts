/**
 * `fix` through the CLI on bad input: each bad file gets one error line naming it and the reason,
 * the other files are still fixed, and the run ends with exit 3. Then what a rewrite keeps (line
 * endings, BOM, mode, a missing final newline) and the refusal to touch uncommitted work in git.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "./helpers/cli.ts";
import { asOrdinaryUser, giveToOrdinaryUser, ownedByAnotherUser } from "./helpers/unprivileged.ts";

const EDIT_DURING_RUN = join(import.meta.dirname, "helpers", "edit-during-run.mjs");

const PACKAGE_JSON = `{\n  "name": "app",\n  "version": "1.0.0",\n  "dependencies": {\n    "lodash": "^4.17.21"\n  }\n}\n`;
const SITE = (name: string) => `import memoize from "lodash/memoize";\n\nexport const ${name} = memoize((sku: string) => sku.length * 100);\n`;
const GOOD = SITE("priceOf");
const GOOD_FIXED = /^priceOf\.cache = new LRUCache\(\{ max: 500 \}\);$/m;

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix = "memocap-safety-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A small package: package.json and src/good.ts with one site, plus `files`. */
function tree(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries({ "package.json": PACKAGE_JSON, "src/good.ts": GOOD, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function memocap(args: string[], cwd: string, options: { env?: Record<string, string>; preload?: string; spawn?: SpawnSyncOptions } = {}): Run {
  const node = options.preload ? ["--import", options.preload] : [];
  const run = spawnSync(process.execPath, [...node, BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    ...options.spawn,
  });
  return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

const errorLines = (run: Run) => run.stderr.split("\n").filter((line) => line.startsWith("error:"));
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/** The one error line naming `file`, among the run's error lines. */
function expectProblem(run: Run, file: string, reason: string | RegExp): void {
  const prefix = `error: ${file}: `;
  const lines = errorLines(run).filter((line) => line.startsWith(prefix));
  expect(lines, `one error line for ${file} in:\n${run.stderr}`).toHaveLength(1);
  if (typeof reason === "string") expect(lines[0]!.slice(prefix.length)).toBe(reason);
  else expect(lines[0]!.slice(prefix.length)).toMatch(reason);
}

/** Every bad file had its line and no other line was printed; the good files were fixed; exit 3. */
function expectRunWentOn(run: Run, dir: string, badFiles: number): void {
  expect(errorLines(run), run.stderr).toHaveLength(badFiles);
  expect(run.stderr).toMatch(new RegExp(`${badFiles} ${badFiles === 1 ? "file" : "files"} could not be processed`));
  expect(read(dir, "src/good.ts")).toMatch(GOOD_FIXED);
  expect(JSON.parse(read(dir, "package.json")).dependencies["lru-cache"]).toBe("^11.0.0");
  expect(run.status).toBe(3);
}

describe("fix on bad input: one line per bad file, the others fixed, exit 3", () => {
  // All the bad inputs in one tree, run once: each test below checks its own line.
  const BROKEN = `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => {;\n`;
  const BROKEN_PACKAGE_JSON = `{ "name": "nested", oops }\n`;
  let dir: string;
  let outside: string;
  let run: Run;

  beforeAll(() => {
    outside = tempDir("memocap-outside-");
    writeFileSync(join(outside, "shared.ts"), SITE("shared"));
    dir = tree({
      "src/broken.ts": BROKEN,
      "src/blob.js": Buffer.from([0x63, 0x6f, 0x00, 0x6e, 0xff, 0x01]),
      "src/latin1.js": Buffer.from(`// caf\xe9\n${SITE("other")}`, "latin1"),
      "src/bundle.js": `${SITE("big")}//${"x".repeat(2 * 1024 * 1024)}\n`,
      "src/locked.ts": SITE("locked"),
      "src/busy-early.ts": SITE("busyEarly"),
      "src/busy-late.ts": SITE("busyLate"),
      "src/gone-early.ts": SITE("goneEarly"),
      "src/gone-late.ts": SITE("goneLate"),
      "nested/package.json": BROKEN_PACKAGE_JSON,
      "nested/src/cache.ts": SITE("nested"),
    });
    chmodSync(join(dir, "src/locked.ts"), 0o444);
    symlinkSync("loop.ts", join(dir, "src/loop.ts"));
    symlinkSync(join(outside, "shared.ts"), join(dir, "src/shared.ts"));
    const edits = [
      { file: "src/busy-early.ts", action: "edit", moment: "before-reread" },
      { file: "src/busy-late.ts", action: "edit", moment: "before-write" },
      { file: "src/gone-early.ts", action: "delete", moment: "before-reread" },
      { file: "src/gone-late.ts", action: "delete", moment: "before-write" },
    ].map((edit) => ({ ...edit, file: join(dir, edit.file) }));
    run = memocap(["fix", "."], dir, { env: { MEMOCAP_TEST_EDITS: JSON.stringify(edits) }, preload: EDIT_DURING_RUN });
  });

  it("the run goes on: one line per bad file, the good file fixed, exit 3", () => {
    expectRunWentOn(run, dir, 12);
  });

  it("a syntax error", () => {
    expectProblem(run, "src/broken.ts", /^syntax error at \d+:\d+: .+$/);
    expect(read(dir, "src/broken.ts")).toBe(BROKEN);
  });

  it("a binary file with a .js name", () => {
    expectProblem(run, "src/blob.js", "binary file");
  });

  it("a file that is not UTF-8", () => {
    expectProblem(run, "src/latin1.js", "not UTF-8 text");
  });

  it("a file over the default size limit of 2 MB", () => {
    expectProblem(run, "src/bundle.js", "larger than 2 MB (--max-file-size)");
  });

  it("a read-only file (no write bit) is left as it is, even for root", () => {
    expectProblem(run, "src/locked.ts", "read-only file");
    expect(read(dir, "src/locked.ts")).toBe(SITE("locked"));
    expect(statSync(join(dir, "src/locked.ts")).mode & 0o777).toBe(0o444);
  });

  it("a file changed between scan and write (after the scan, or just before the write)", () => {
    expectProblem(run, "src/busy-early.ts", "changed since it was read");
    expectProblem(run, "src/busy-late.ts", "changed since it was read");
    expect(read(dir, "src/busy-early.ts")).toBe(`${SITE("busyEarly")}// edited meanwhile\n`);
    expect(read(dir, "src/busy-late.ts")).toBe(`${SITE("busyLate")}// edited meanwhile\n`);
  });

  it("a file deleted between scan and write (after the scan, or just before the write)", () => {
    expectProblem(run, "src/gone-early.ts", "deleted since it was read");
    expectProblem(run, "src/gone-late.ts", "deleted since it was read");
    expect(existsSync(join(dir, "src/gone-early.ts"))).toBe(false);
    expect(existsSync(join(dir, "src/gone-late.ts"))).toBe(false);
  });

  it("a symlink loop (not followed)", () => {
    expectProblem(run, "src/loop.ts", "symlink loop (not followed)");
  });

  it("a symlink leaving the root (not followed, the file outside untouched)", () => {
    expectProblem(run, "src/shared.ts", "symlink leaves the root (not followed)");
    expect(readFileSync(join(outside, "shared.ts"), "utf8")).toBe(SITE("shared"));
  });

  it("a package.json that does not parse: no dependency added, the reason reported", () => {
    expectProblem(run, "nested/package.json", /^package\.json does not parse: .+; lru-cache not added$/);
    expect(read(dir, "nested/package.json")).toBe(BROKEN_PACKAGE_JSON);
    expect(read(dir, "nested/src/cache.ts")).toMatch(/^nested\.cache = new LRUCache/m);
  });

  it("a file over --max-file-size", () => {
    const small = tree({ "src/large.ts": `${SITE("large")}//${"x".repeat(400)}\n` });
    const limited = memocap(["fix", ".", "--max-file-size", "300"], small);
    expectProblem(limited, "src/large.ts", "larger than 300 bytes (--max-file-size)");
    expectRunWentOn(limited, small, 1);
  });

  it("a file the user may not write, and one in a read-only folder (run as an ordinary user)", () => {
    const owned = tree({ "src/theirs.ts": SITE("theirs"), "src/locked/cache.ts": SITE("cached") });
    giveToOrdinaryUser(owned);
    ownedByAnotherUser(join(owned, "src/theirs.ts"));
    chmodSync(join(owned, "src/locked"), 0o555);
    const asUser = memocap(["fix", "."], owned, { spawn: asOrdinaryUser() });
    // A rename in src/ would replace theirs.ts whatever its permissions: it must be refused first.
    expectProblem(asUser, "src/theirs.ts", /^(permission denied|read-only file)$/);
    expectProblem(asUser, "src/locked/cache.ts", "permission denied");
    expectRunWentOn(asUser, owned, 2);
    expect(read(owned, "src/theirs.ts")).toBe(SITE("theirs"));
    expect(read(owned, "src/locked/cache.ts")).toBe(SITE("cached"));
    expect(readdirSync(join(owned, "src/locked"))).toEqual(["cache.ts"]);
  });
});

describe("fix keeps what it does not rewrite", () => {
  const INSERTED = [`import { LRUCache } from "lru-cache";`, `priceOf.cache = new LRUCache({ max: 500 });`];
  const CRLF_BOM = `\uFEFF${GOOD.replaceAll("\n", "\r\n")}`;
  const CRLF_CJS = `const memoize = require("lodash/memoize");\r\n\r\nconst priceOf = memoize((sku) => sku.length);\r\n\r\nmodule.exports = { priceOf };\r\n`;
  const NO_FINAL_NEWLINE = `#!/usr/bin/env node\n${GOOD.trimEnd().replace("(sku: string)", "(sku)")}`;
  let dir: string;

  beforeAll(() => {
    dir = tree({ "src/good.ts": CRLF_BOM, "src/legacy.cjs": CRLF_CJS, "src/tool.mjs": NO_FINAL_NEWLINE });
    chmodSync(join(dir, "src/tool.mjs"), 0o750);
    expect(memocap(["fix", "."], dir).status).toBe(0);
  });

  it("CRLF stays CRLF, inserted lines included, and the BOM stays", () => {
    const bytes = readFileSync(join(dir, "src/good.ts"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.match(/\n/g)).toHaveLength(text.match(/\r\n/g)!.length);
    for (const line of INSERTED) expect(text).toContain(`${line}\r\n`);
    expect(INSERTED.reduce((rest, line) => rest.replace(`${line}\r\n`, ""), text)).toBe(CRLF_BOM);
  });

  it("CRLF in CommonJS: the inserted require is CRLF too", () => {
    const text = read(dir, "src/legacy.cjs");
    expect(text).toContain(`const { LRUCache } = require("lru-cache");\r\n`);
    expect(text).toContain(`priceOf.cache = new LRUCache({ max: 500 });\r\n`);
    expect(text.replace(/(?<!\r)\n/g, "")).toBe(text);
  });

  it("the file mode and a missing final newline", () => {
    const text = read(dir, "src/tool.mjs");
    expect(text.endsWith("priceOf.cache = new LRUCache({ max: 500 });")).toBe(true);
    expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(join(dir, "src/tool.mjs")).mode & 0o7777).toBe(0o750);
  });
});

describe("fix refuses to rewrite uncommitted work in git", () => {
  function git(dir: string, ...args: string[]): string {
    const run = spawnSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "init.defaultBranch=main", ...args], { cwd: dir, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
    return run.stdout;
  }

  function committedTree(files: Record<string, string> = {}): string {
    const dir = tree({ "README.md": "# app\n", "src/other.ts": SITE("other"), ...files });
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "initial");
    return dir;
  }

  /** The text of every file under src, and package.json: to show that a refused run wrote nothing. */
  const snapshot = (dir: string) => Object.fromEntries(["package.json", ...readdirSync(join(dir, "src")).map((name) => `src/${name}`)].map((path) => [path, read(dir, path)]));

  it("refuses when a file it would rewrite has uncommitted changes, and names it (exit 4)", () => {
    const dir = committedTree();
    writeFileSync(join(dir, "src/good.ts"), `${GOOD}// work in progress\n`);
    const run = memocap(["fix", "."], dir);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^memocap: refusing to fix: 1 file that fix would rewrite has uncommitted changes or is not tracked by git$/m);
    expect(run.stderr).toMatch(/^ {2} M src\/good\.ts$/m);
    expect(run.stderr).toMatch(/--allow-dirty/);
    expect(read(dir, "src/good.ts")).toBe(`${GOOD}// work in progress\n`);
    expect(read(dir, "src/other.ts")).toBe(SITE("other"));
    expect(read(dir, "package.json")).toBe(PACKAGE_JSON);
    expect(git(dir, "status", "--porcelain")).toBe(" M src/good.ts\n");
  });

  it("refuses for a staged change, an untracked file, and a package.json it would change", () => {
    const dir = committedTree();
    writeFileSync(join(dir, "src/other.ts"), `${SITE("other")}// staged\n`);
    git(dir, "add", "src/other.ts");
    writeFileSync(join(dir, "src/new.ts"), SITE("fresh"));
    writeFileSync(join(dir, "package.json"), PACKAGE_JSON.replace("1.0.0", "1.1.0"));
    const before = snapshot(dir);
    const run = memocap(["fix", "."], dir);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/3 files that fix would rewrite have uncommitted changes/);
    expect(run.stderr).toMatch(/^ {2} M package\.json$/m);
    expect(run.stderr).toMatch(/^ {2}\?\? src\/new\.ts$/m);
    expect(run.stderr).toMatch(/^ {2}M {2}src\/other\.ts$/m);
    expect(snapshot(dir)).toEqual(before);
  });

  it("does not mind uncommitted changes to files it would not touch", () => {
    const dir = committedTree({ "src/plain.ts": "export const a = 1;\n" });
    writeFileSync(join(dir, "README.md"), "# app, edited\n");
    writeFileSync(join(dir, "src/plain.ts"), "export const a = 2;\n");
    const run = memocap(["fix", "."], dir);
    expect(run.status).toBe(0);
    expect(read(dir, "src/good.ts")).toMatch(GOOD_FIXED);
  });

  it("--allow-dirty rewrites anyway; --dry and scan never refuse", () => {
    const dir = committedTree();
    writeFileSync(join(dir, "src/good.ts"), `${GOOD}// work in progress\n`);
    const before = snapshot(dir);
    const dry = memocap(["fix", "--dry", "."], dir);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^\+priceOf\.cache = new LRUCache/m);
    expect(memocap(["scan", "."], dir).status).toBe(0);
    expect(snapshot(dir)).toEqual(before);

    const allowed = memocap(["fix", "--allow-dirty", "."], dir);
    expect(allowed.status).toBe(0);
    expect(read(dir, "src/good.ts")).toMatch(GOOD_FIXED);
    expect(read(dir, "src/good.ts")).toMatch(/\/\/ work in progress/);
  });

  it("outside a git work tree there is nothing to check", () => {
    const dir = tree();
    expect(existsSync(join(dir, ".git"))).toBe(false);
    expect(memocap(["fix", "."], dir).status).toBe(0);
    expect(read(dir, "src/good.ts")).toMatch(GOOD_FIXED);
  });
});
