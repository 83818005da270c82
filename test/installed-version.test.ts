import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createVersionLookup } from "../src/analysis/installed-version.ts";

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "memocap-versions-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: unknown): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
}

const installed = (name: string, version: string) => ({ name, version });
const lookUp = (library: string, file: string) => createVersionLookup()(library, join(root, file));

describe("the installed version of a library, for a file", () => {
  it("is the copy in node_modules that Node would load, walking up from the file", () => {
    write("package.json", { dependencies: { reselect: "^5.0.0" } });
    write("node_modules/reselect/package.json", installed("reselect", "5.3.0"));
    expect(lookUp("reselect", "src/deep/selectors.ts")).toEqual({ version: "5.3.0", major: 5, minor: 3, source: "node_modules" });
  });

  it("is the nearest copy: a package's own node_modules before the hoisted one", () => {
    write("node_modules/micro-memoize/package.json", installed("micro-memoize", "5.2.0"));
    write("packages/old/package.json", { dependencies: { "micro-memoize": "^4.0.0" } });
    write("packages/old/node_modules/micro-memoize/package.json", installed("micro-memoize", "4.2.0"));
    expect(lookUp("micro-memoize", "packages/old/src/a.ts")?.version).toBe("4.2.0");
    expect(lookUp("micro-memoize", "src/a.ts")?.version).toBe("5.2.0");
  });

  it("reads the package's lockfile when the hoisted copy does not satisfy the range its package.json declares", () => {
    write("package.json", { workspaces: ["packages/*"] });
    write("node_modules/micro-memoize/package.json", installed("micro-memoize", "5.2.0"));
    write("packages/old/package.json", { dependencies: { "micro-memoize": "^4.0.0" } });
    write("package-lock.json", {
      lockfileVersion: 3,
      packages: {
        "": {},
        "packages/old": { dependencies: { "micro-memoize": "^4.0.0" } },
        "packages/old/node_modules/micro-memoize": { version: "4.1.3" },
        "node_modules/micro-memoize": { version: "5.2.0" },
      },
    });
    expect(lookUp("micro-memoize", "packages/old/a.ts")).toEqual({ version: "4.1.3", major: 4, minor: 1, source: "lockfile" });
  });

  it("falls back to the lowest version of the declared range when nothing is installed or locked", () => {
    write("package.json", { devDependencies: { reselect: "~5.1.0" } });
    expect(lookUp("reselect", "a.ts")).toEqual({ version: "5.1.0", major: 5, minor: 1, source: "package.json" });
  });

  it("understands npm aliases and workspace ranges in package.json", () => {
    write("package.json", { dependencies: { "micro-memoize": "npm:micro-memoize@4.2.0", reselect: "workspace:^5.3.1" } });
    expect(lookUp("micro-memoize", "a.ts")?.version).toBe("4.2.0");
    expect(lookUp("reselect", "a.ts")?.version).toBe("5.3.1");
  });

  it("reads package-lock v1, yarn.lock (v1 and berry) and pnpm-lock.yaml, choosing the version that satisfies the range", () => {
    write("v1/package.json", { dependencies: { reselect: "^5.0.0" } });
    write("v1/package-lock.json", { lockfileVersion: 1, dependencies: { reselect: { version: "5.0.1" } } });
    expect(lookUp("reselect", "v1/a.ts")).toMatchObject({ version: "5.0.1", source: "lockfile" });

    write("yarn/package.json", { dependencies: { reselect: "^5.1.0" } });
    write("yarn/yarn.lock", `# yarn lockfile v1\n\nreselect@^4.0.0:\n  version "4.1.8"\n\n"reselect@^5.0.0", reselect@^5.1.0:\n  version "5.1.1"\n  resolved "x"\n`);
    expect(lookUp("reselect", "yarn/a.ts")).toMatchObject({ version: "5.1.1", source: "lockfile" });

    write("berry/package.json", { dependencies: { "@github/memoize": "^1.1.0" } });
    write("berry/yarn.lock", `__metadata:\n  version: 8\n\n"@github/memoize@npm:^1.1.0":\n  version: 1.1.5\n  resolution: "@github/memoize@npm:1.1.5"\n`);
    expect(lookUp("@github/memoize", "berry/a.ts")).toMatchObject({ version: "1.1.5", source: "lockfile" });

    write("pnpm/package.json", { dependencies: { "micro-memoize": "^4.0.0" } });
    write("pnpm/pnpm-lock.yaml", `lockfileVersion: '9.0'\n\npackages:\n\n  micro-memoize@4.2.0:\n    resolution: {integrity: sha512-x}\n\n  micro-memoize@5.2.0:\n    resolution: {integrity: sha512-y}\n`);
    expect(lookUp("micro-memoize", "pnpm/a.ts")).toMatchObject({ version: "4.2.0", source: "lockfile" });
  });

  it("is undefined when nothing on disk mentions the library", () => {
    write("package.json", { dependencies: { lodash: "^4.17.0" } });
    expect(lookUp("reselect", "src/a.ts")).toBeUndefined();
  });

  it("answers from its cache for a directory it has read, until a new lookup is made", () => {
    write("node_modules/reselect/package.json", installed("reselect", "5.3.0"));
    const lookup = createVersionLookup();
    expect(lookup("reselect", join(root, "a.ts"))?.version).toBe("5.3.0");
    write("node_modules/reselect/package.json", installed("reselect", "5.1.1"));
    expect(lookup("reselect", join(root, "b.ts"))?.version).toBe("5.3.0");
    expect(createVersionLookup()("reselect", join(root, "b.ts"))?.version).toBe("5.1.1");
  });
});
