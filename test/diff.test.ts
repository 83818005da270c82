import { describe, expect, it } from "vitest";
import { shouldUseColor, unifiedDiff } from "../src/report/diff.ts";

const ESC = "\x1b[";
const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

describe("unifiedDiff", () => {
  it("is empty when nothing changed", () => {
    expect(unifiedDiff("src/a.ts", "same\n", "same\n")).toBe("");
    expect(unifiedDiff("src/a.ts", "same\n", "same\n", { color: true })).toBe("");
  });

  it("writes git-style headers, a hunk and the changed lines", () => {
    expect(unifiedDiff("src/a.ts", "a\nb\nc\n", "a\nB\nc\n")).toBe(
      ["--- a/src/a.ts", "+++ b/src/a.ts", "@@ -1,3 +1,3 @@", " a", "-b", "+B", " c", ""].join("\n"),
    );
  });

  it("shows 3 lines of context by default", () => {
    const after = lines(20).replace("line 10\n", "line ten\n");
    const patch = unifiedDiff("f.txt", lines(20), after);
    expect(patch).toContain("@@ -7,7 +7,7 @@");
    expect(patch).toContain(" line 7\n");
    expect(patch).not.toContain("line 6\n");
  });

  it("honours the context option", () => {
    const after = lines(20).replace("line 10\n", "line ten\n");
    const patch = unifiedDiff("f.txt", lines(20), after, { context: 1 });
    expect(patch).toContain("@@ -9,3 +9,3 @@\n line 9\n-line 10\n+line ten\n line 11\n");
    expect(patch).not.toContain("line 8");
  });

  it("has no colour codes unless color is true", () => {
    expect(unifiedDiff("a.ts", "x\n", "y\n")).not.toContain(ESC);
    expect(unifiedDiff("a.ts", "x\n", "y\n", { color: false })).not.toContain(ESC);
  });

  it("colours headers bold, hunk headers cyan, removals red and additions green", () => {
    const patch = unifiedDiff("a.ts", "keep\n-- old\n", "keep\n-- new\n", { color: true });
    expect(patch.split("\n")).toEqual([
      `${ESC}1m--- a/a.ts${ESC}22m`,
      `${ESC}1m+++ b/a.ts${ESC}22m`,
      `${ESC}36m@@ -1,2 +1,2 @@${ESC}39m`,
      " keep",
      // A removed line that starts with "--" is still a removal, not a header.
      `${ESC}31m--- old${ESC}39m`,
      `${ESC}32m+-- new${ESC}39m`,
      "",
    ]);
  });
});

describe("shouldUseColor", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };

  it("uses colour on a TTY", () => {
    expect(shouldUseColor(tty, {})).toBe(true);
    expect(shouldUseColor(tty, { NO_COLOR: "" })).toBe(true);
  });

  it("does not use colour when the stream is not a TTY", () => {
    expect(shouldUseColor(pipe, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });

  it("respects NO_COLOR and TERM=dumb", () => {
    expect(shouldUseColor(tty, { NO_COLOR: "1" })).toBe(false);
    expect(shouldUseColor(tty, { TERM: "dumb" })).toBe(false);
  });

  it("turns colour off with FORCE_COLOR=0", () => {
    expect(shouldUseColor(tty, { FORCE_COLOR: "0" })).toBe(false);
    expect(shouldUseColor(tty, { FORCE_COLOR: "false" })).toBe(false);
  });

  it("forces colour with any other FORCE_COLOR", () => {
    expect(shouldUseColor(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: "" })).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: "3", NO_COLOR: "1" })).toBe(true);
  });
});
