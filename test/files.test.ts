import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discoverFiles } from "../src/files/discover.ts";
import { isDeclarationFile, isSourceFile } from "../src/files/extensions.ts";
import { readSourceFile, restoreSourceText } from "../src/files/read.ts";
import type { SourceText } from "../src/files/read.ts";
import { writeFileAtomically } from "../src/files/write.ts";
import type { FileProblem } from "../src/files/problem.ts";
import { asOrdinaryUser, giveToOrdinaryUser, ownedByAnotherUser } from "./helpers/unprivileged.ts";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "memocap-files-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Creates files (and their folders) under `root`; a path ending in "/" creates an empty folder. */
async function createTree(files: Record<string, string | Buffer>, base = root): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(base, path);
    if (path.endsWith("/")) {
      await mkdir(absolute, { recursive: true });
    } else {
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(absolute, content);
    }
  }
}

const inRoot = (...paths: string[]): string[] => paths.map((path) => join(root, path));

async function readOk(file: string, options?: { maxBytes?: number }): Promise<SourceText> {
  const result = await readSourceFile(file, options);
  if (!result.ok) throw new Error(`unexpected problem: ${result.problem.reason}`);
  return result.source;
}

describe("extensions", () => {
  it("tells source files from declaration files", () => {
    expect(isSourceFile("a/b.tsx")).toBe(true);
    expect(isSourceFile("a/b.cts")).toBe(true);
    expect(isSourceFile("a/b.json")).toBe(false);
    expect(isSourceFile("a/b.d.ts")).toBe(false);
    expect(isDeclarationFile("a/b.d.mts")).toBe(true);
    expect(isDeclarationFile("a/b.d.cts")).toBe(true);
    expect(isDeclarationFile("a/bd.ts")).toBe(false);
  });
});

describe("discoverFiles", () => {
  it("finds all eight source extensions, sorted and absolute; skips declarations, minified and others", async () => {
    await createTree({
      "a.js": "",
      "b.jsx": "",
      "c.mjs": "",
      "d.cjs": "",
      "e.ts": "",
      "f.tsx": "",
      "g.mts": "",
      "src/h.cts": "",
      "types.d.ts": "",
      "types.d.mts": "",
      "types.d.cts": "",
      "vendor.min.js": "",
      "package.json": "{}",
      "README.md": "",
      ".eslintrc.cjs": "",
    });

    const { files, problems } = await discoverFiles([], { cwd: root });

    expect(problems).toEqual([]);
    expect(files).toEqual(
      inRoot(".eslintrc.cjs", "a.js", "b.jsx", "c.mjs", "d.cjs", "e.ts", "f.tsx", "g.mts", "src/h.cts"),
    );
  });

  it("skips node_modules and build output folders at any depth", async () => {
    await createTree({
      "src/index.ts": "",
      "node_modules/lib/index.js": "",
      "dist/index.js": "",
      "packages/app/dist/index.js": "",
      "packages/app/node_modules/dep/index.js": "",
      "packages/app/src/main.ts": "",
      ".next/server.js": "",
      "coverage/lcov.js": "",
      "build/out.js": "",
    });

    const { files } = await discoverFiles(["."], { cwd: root });

    expect(files).toEqual(inRoot("packages/app/src/main.ts", "src/index.ts"));
  });

  it("finds the files of a folder above cwd (`memocap scan ..`), skipping build output there too", async () => {
    await createTree({
      "src/index.ts": "",
      "src/a.test.ts": "",
      "src/util/a.ts": "",
      "src/node_modules/dep/index.js": "",
      "lib/b.js": "",
      "dist/index.js": "",
    });
    const cwd = join(root, "src");

    expect((await discoverFiles([".."], { cwd })).files).toEqual(inRoot("lib/b.js", "src/a.test.ts", "src/index.ts", "src/util/a.ts"));
    // --include and --exclude stay relative to cwd.
    expect((await discoverFiles([".."], { cwd, exclude: ["**/*.test.ts", "util"] })).files).toEqual(inRoot("lib/b.js", "src/index.ts"));
    expect((await discoverFiles([".."], { cwd, include: ["../lib/**", "util/*.ts"] })).files).toEqual(inRoot("lib/b.js", "src/util/a.ts"));
    expect((await discoverFiles(["../lib"], { cwd })).files).toEqual(inRoot("lib/b.js"));
  });

  it("searches a folder named explicitly even inside a skipped one", async () => {
    await createTree({
      "node_modules/lib/index.js": "",
      "node_modules/lib/node_modules/dep/index.js": "",
      "src/index.ts": "",
    });

    const { files } = await discoverFiles(["node_modules/lib"], { cwd: root, include: ["**/*.js"] });

    expect(files).toEqual(inRoot("node_modules/lib/index.js"));
  });

  it("honours the root and nested .gitignore files of the work tree, each relative to its own folder", async () => {
    await createTree({
      ".git/": "",
      ".gitignore": "generated/\n*.gen.ts\n",
      "packages/a/.gitignore": "local.ts\n!keep.gen.ts\n",
      "packages/a/index.ts": "",
      "packages/a/local.ts": "",
      "packages/a/sub/local.ts": "",
      "packages/a/x.gen.ts": "",
      "packages/a/keep.gen.ts": "",
      "packages/b/local.ts": "",
      "packages/b/generated/out.ts": "",
      "generated/.gitignore": "!re-included.ts\n",
      "generated/re-included.ts": "",
    });

    // Searching below the work-tree top still applies the top's .gitignore.
    const fromPackages = await discoverFiles(["packages"], { cwd: root });
    expect(fromPackages.files).toEqual(
      inRoot("packages/a/index.ts", "packages/a/keep.gen.ts", "packages/b/local.ts"),
    );

    // Nothing can be re-included inside an ignored folder.
    const fromTop = await discoverFiles(["."], { cwd: root });
    expect(fromTop.files).toEqual(fromPackages.files);
  });

  it("stops at the search folder when there is no work tree", async () => {
    await createTree({
      ".gitignore": "*.ts\n",
      "project/.gitignore": "ignored.ts\n",
      "project/kept.ts": "",
      "project/ignored.ts": "",
    });

    const { files } = await discoverFiles([], { cwd: join(root, "project") });

    expect(files).toEqual(inRoot("project/kept.ts"));
  });

  it("keeps only --include matches and drops --exclude matches, relative to cwd", async () => {
    await createTree({
      "src/a.ts": "",
      "src/a.test.ts": "",
      "src/legacy/old.ts": "",
      "src/[id]/page.tsx": "",
      "scripts/build.js": "",
    });

    const included = await discoverFiles([], {
      cwd: root,
      include: ["src/**"],
      exclude: ["**/*.test.ts", "src/legacy"],
    });
    expect(included.files).toEqual(inRoot("src/[id]/page.tsx", "src/a.ts"));

    const excluded = await discoverFiles(["src"], { cwd: root, exclude: ["src/legacy/**"] });
    expect(excluded.files).toEqual(inRoot("src/[id]/page.tsx", "src/a.test.ts", "src/a.ts"));

    const fromSubfolder = await discoverFiles(["src/[id]"], { cwd: root, include: ["**/*.tsx"] });
    expect(fromSubfolder.files).toEqual(inRoot("src/[id]/page.tsx"));
  });

  it("takes an explicitly named source file even when gitignored, and de-duplicates", async () => {
    await createTree({
      ".git/": "",
      ".gitignore": "ignored.ts\n",
      "ignored.ts": "",
      "kept.ts": "",
      "notes.md": "",
    });

    const { files, problems } = await discoverFiles(["ignored.ts", join(root, "kept.ts"), ".", "notes.md"], {
      cwd: root,
    });

    expect(problems).toEqual([]);
    expect(files).toEqual(inRoot("ignored.ts", "kept.ts"));
  });

  it("applies --exclude to explicitly named files too", async () => {
    await createTree({ "a.test.ts": "", "b.ts": "" });

    const { files } = await discoverFiles(["a.test.ts", "b.ts"], { cwd: root, exclude: ["**/*.test.ts"] });

    expect(files).toEqual(inRoot("b.ts"));
  });

  it("reports a path that does not exist", async () => {
    await createTree({ "a.ts": "" });

    const { files, problems } = await discoverFiles(["a.ts", "missing.ts"], { cwd: root });

    expect(files).toEqual(inRoot("a.ts"));
    expect(problems).toEqual([{ file: join(root, "missing.ts"), reason: "no such file or directory" }]);
  });

  it("does not follow a symlink loop, and reports each one once, named or crawled", async () => {
    await createTree({ "src/a.ts": "", "src/b.ts": "" });
    await symlink("..", join(root, "src/parent"));
    await symlink(".", join(root, "src/self"));
    await symlink("loop-b.ts", join(root, "loop-a.ts"));
    await symlink("loop-a.ts", join(root, "loop-b.ts"));
    await symlink("b.ts", join(root, "src/alias.ts"));

    const { files, problems } = await discoverFiles([".", "loop-a.ts"], { cwd: root });

    expect(files).toEqual(inRoot("src/a.ts", "src/b.ts"));
    expect(problems).toEqual([
      { file: join(root, "loop-a.ts"), reason: "symlink loop" },
      { file: join(root, "loop-b.ts"), reason: "symlink loop (not followed)" },
      { file: join(root, "src/parent"), reason: "symlink loop (not followed)" },
      { file: join(root, "src/self"), reason: "symlink loop (not followed)" },
    ]);
  });

  it("does not follow a symlink out of the root, and reports it, crawled or named", async () => {
    const outside = await mkdtemp(join(tmpdir(), "memocap-outside-"));
    try {
      await createTree({ "secret.ts": "", "lib/other.ts": "", "notes.md": "" }, outside);
      await createTree({ "src/a.ts": "" });
      await symlink(join(outside, "lib"), join(root, "src/linked-dir"));
      await symlink(join(outside, "secret.ts"), join(root, "linked.ts"));
      await symlink(join(outside, "notes.md"), join(root, "notes.md"));

      const crawled = await discoverFiles([], { cwd: root });
      expect(crawled.files).toEqual(inRoot("src/a.ts"));
      expect(crawled.problems).toEqual([
        { file: join(root, "linked.ts"), reason: "symlink leaves the root (not followed)" },
        { file: join(root, "src/linked-dir"), reason: "symlink leaves the root (not followed)" },
      ]);

      const named = await discoverFiles(["linked.ts", "src/linked-dir/other.ts"], { cwd: root });
      expect(named.files).toEqual([]);
      expect(named.problems).toEqual([
        { file: join(root, "linked.ts"), reason: "symlink leaves the root" },
        { file: join(root, "src/linked-dir/other.ts"), reason: "symlink leaves the root" },
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("says nothing of links that are gitignored, excluded or outside --include", async () => {
    await createTree({ ".git/": "", ".gitignore": "vendor\n", "src/a.ts": "" });
    await symlink("/", join(root, "vendor"));
    await symlink("/", join(root, "src/outside"));
    await symlink("/etc/hostname", join(root, "src/host.ts"));

    expect((await discoverFiles([], { cwd: root, exclude: ["src/outside", "**/host.ts"] })).problems).toEqual([]);
    expect((await discoverFiles([], { cwd: root, include: ["src/a.ts"] })).problems).toEqual([]);
    expect((await discoverFiles([], { cwd: root })).problems.map((problem) => problem.file)).toEqual(inRoot("src/host.ts", "src/outside"));
  });
});

describe("readSourceFile and restoreSourceText", () => {
  it("strips the BOM and puts it back", async () => {
    const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("const a = 1;\n")]);
    await writeFile(join(root, "bom.ts"), original);

    const source = await readOk(join(root, "bom.ts"));

    expect(source).toMatchObject({ text: "const a = 1;\n", bom: true, eol: "\n" });
    expect(source.originalBytes.equals(original)).toBe(true);
    expect(Buffer.from(restoreSourceText(source.text, source)).equals(original)).toBe(true);
  });

  it("detects CRLF and turns inserted lines into CRLF without doubling", async () => {
    await writeFile(join(root, "crlf.ts"), "const a = 1;\r\nconst b = 2;\r\n");

    const source = await readOk(join(root, "crlf.ts"));
    expect(source).toMatchObject({ bom: false, eol: "\r\n" });

    const edited = source.text.replace("const b", "import x from 'x';\nconst c = 3;\nconst b");
    expect(restoreSourceText(edited, source)).toBe(
      "const a = 1;\r\nimport x from 'x';\r\nconst c = 3;\r\nconst b = 2;\r\n",
    );
  });

  it("leaves LF text alone", async () => {
    await writeFile(join(root, "lf.ts"), "a;\nb;\r\nc;\n");

    const source = await readOk(join(root, "lf.ts"));

    expect(source.eol).toBe("\n");
    expect(restoreSourceText(source.text, source)).toBe("a;\nb;\r\nc;\n");
  });

  it("leaves a file with mixed line endings as it is, even when most breaks are CRLF", async () => {
    await writeFile(join(root, "mixed.ts"), "a;\r\nb;\nc;\r\nd;\r\n");

    const source = await readOk(join(root, "mixed.ts"));

    expect(source.eol).toBe("\n");
    expect(restoreSourceText(source.text, source)).toBe("a;\r\nb;\nc;\r\nd;\r\n");
  });

  it("records the file mode", async () => {
    await writeFile(join(root, "run.js"), "x;\n");
    await chmod(join(root, "run.js"), 0o755);

    expect((await readOk(join(root, "run.js"))).mode).toBe(0o755);
  });

  it("refuses binary, non-UTF-8, too large and missing files", async () => {
    await createTree({
      "binary.js": Buffer.from([0x63, 0x6f, 0x00, 0x6e, 0x73, 0x74]),
      "latin1.js": Buffer.from("const caf\xe9 = 1;\n", "latin1"),
      "small.js": "const a = 'more than ten bytes';\n",
      "huge.js": Buffer.alloc(2 * 1024 * 1024 + 1, "a"),
    });
    const reasonFor = async (name: string, options?: { maxBytes?: number }) => {
      const result = await readSourceFile(join(root, name), options);
      return result.ok ? undefined : result.problem;
    };

    expect(await reasonFor("binary.js")).toEqual({ file: join(root, "binary.js"), reason: "binary file" });
    expect((await reasonFor("latin1.js"))?.reason).toBe("not UTF-8 text");
    expect((await reasonFor("huge.js"))?.reason).toBe("larger than 2 MB (--max-file-size)");
    expect((await reasonFor("small.js", { maxBytes: 10 }))?.reason).toBe("larger than 10 bytes (--max-file-size)");
    expect((await reasonFor("missing.js"))?.reason).toBe("no such file or directory");
    expect((await reasonFor("."))?.reason).toBe("is a directory");
  });
});

describe("writeFileAtomically", () => {
  it("replaces the contents and keeps the mode", async () => {
    const file = join(root, "cli.js");
    await writeFile(file, "old\n");
    await chmod(file, 0o755);
    const source = await readOk(file);

    expect(await writeFileAtomically(file, "new\n", source.originalBytes)).toBeUndefined();

    expect(await readFile(file, "utf8")).toBe("new\n");
    expect((await stat(file)).mode & 0o777).toBe(0o755);
  });

  it("refuses when the file changed since it was read", async () => {
    const file = join(root, "a.ts");
    await writeFile(file, "old\n");
    const source = await readOk(file);
    await writeFile(file, "edited meanwhile\n");

    expect(await writeFileAtomically(file, "new\n", source.originalBytes)).toEqual({
      file,
      reason: "changed since it was read",
    });
    expect(await readFile(file, "utf8")).toBe("edited meanwhile\n");
  });

  it("refuses when the file was deleted since it was read", async () => {
    const file = join(root, "a.ts");
    await writeFile(file, "old\n");
    const source = await readOk(file);
    await unlink(file);

    expect(await writeFileAtomically(file, "new\n", source.originalBytes)).toEqual({
      file,
      reason: "deleted since it was read",
    });
  });

  it("reports a path whose parent is a regular file", async () => {
    await writeFile(join(root, "not-a-dir"), "");
    const file = join(root, "not-a-dir", "a.ts");

    expect(await writeFileAtomically(file, "new\n", Buffer.from(""))).toEqual({ file, reason: "not a directory" });
  });

  it("reports a failing write, leaving the file as it was", async () => {
    // The temp file write-file-atomic creates next to it gets a longer name than the file system allows.
    const file = join(root, `${"a".repeat(251)}.ts`);
    await writeFile(file, "old\n");
    const source = await readOk(file);

    expect(await writeFileAtomically(file, "new\n", source.originalBytes)).toEqual({
      file,
      reason: "file name too long",
    });
    expect(await readFile(file, "utf8")).toBe("old\n");
  });

  it("refuses a read-only file (no write bit), even as root", async () => {
    const file = join(root, "a.ts");
    await writeFile(file, "old\n");
    await chmod(file, 0o444);
    const source = await readOk(file);

    expect(await writeFileAtomically(file, "new\n", source.originalBytes)).toEqual({ file, reason: "read-only file" });
    expect(await readFile(file, "utf8")).toBe("old\n");
  });

  it("reports a read-only folder (run as an ordinary user)", async () => {
    const file = join(root, "locked", "a.ts");
    await createTree({ "locked/a.ts": "old\n" });
    giveToOrdinaryUser(root);
    await chmod(join(root, "locked"), 0o555);

    expect(writeAsOrdinaryUser(file, "new\n")).toEqual({ file, reason: "permission denied" });
    expect(await readFile(file, "utf8")).toBe("old\n");
    expect(await readdir(join(root, "locked"))).toEqual(["a.ts"]);
  });

  it("refuses a file the user may not write, though a rename in its folder would replace it", async () => {
    const file = join(root, "a.ts");
    await writeFile(file, "old\n");
    giveToOrdinaryUser(root);
    ownedByAnotherUser(file);

    expect(writeAsOrdinaryUser(file, "new\n")?.reason).toMatch(/^(permission denied|read-only file)$/);
    expect(await readFile(file, "utf8")).toBe("old\n");
    expect(await readdir(root)).toEqual(["a.ts"]);
  });
});

const WRITE_MODULE = pathToFileURL(join(import.meta.dirname, "..", "dist", "src", "files", "write.js")).href;

/** Calls the built writeFileAtomically in a child process that runs as an ordinary user (`npm run build` first). */
function writeAsOrdinaryUser(file: string, content: string): FileProblem | undefined {
  const script = `
    import { readFileSync } from "node:fs";
    const { writeFileAtomically } = await import(${JSON.stringify(WRITE_MODULE)});
    const [file, content] = process.argv.slice(1);
    process.stdout.write(JSON.stringify((await writeFileAtomically(file, content, readFileSync(file))) ?? null));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script, file, content], { encoding: "utf8", ...asOrdinaryUser() });
  if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as FileProblem | null) ?? undefined;
}
