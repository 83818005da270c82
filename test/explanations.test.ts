import { readFileSync } from "node:fs";
import { join } from "node:path";
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { CODES, type Code } from "../src/analysis/codes.ts";
import { findCode, formatCodeList, formatExplanation } from "../src/report/explain.ts";
import { EXPLANATIONS, siteLevel } from "../src/report/explanations.ts";
import { ROOT, memocap } from "./helpers/cli.ts";

const codes = Object.keys(CODES) as Code[];
const plain = pc.createColors(false);

describe("every reason code is explained", () => {
  it("has an explanation with a level, details and a before/after example", () => {
    const missing = codes.filter((code) => !EXPLANATIONS[code]);
    expect(missing, `add these codes to src/report/explanations.ts`).toEqual([]);
    for (const code of codes) {
      const explanation = EXPLANATIONS[code]!;
      expect(["error", "warning", "note", "none"], code).toContain(explanation.level);
      expect(explanation.details.length, code).toBeGreaterThan(CODES[code].length);
      expect(explanation.example.before.trim(), code).not.toBe("");
      expect(explanation.example.after.trim(), code).not.toBe("");
      expect(explanation.example.after, code).not.toBe(explanation.example.before);
    }
  });

  it("explains no code that no longer exists", () => {
    expect(Object.keys(EXPLANATIONS).filter((code) => !Object.hasOwn(CODES, code))).toEqual([]);
  });

  it("is listed in the README's reason code table", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const listed = new Set([...readme.matchAll(/^\| (MC\d{3}) \|/gm)].map((match) => match[1]));
    expect(codes.filter((code) => !listed.has(code)), "add these codes to the README's table").toEqual([]);
  });

  it("a code not explained yet still gets a level: error when unbounded", () => {
    expect(siteLevel({ code: "MC999", bounded: false })).toBe("error");
    expect(siteLevel({ code: "MC999", bounded: true })).toBe("none");
    expect(siteLevel({ code: "MC901", bounded: false })).toBe("note");
  });
});

describe("memocap explain", () => {
  it("prints the title, level, explanation and the example", () => {
    const text = formatExplanation("MC201", plain);
    expect(text.split("\n")[0]).toBe(`MC201  ${CODES.MC201}`);
    expect(text).toMatch(/^level: warning /m);
    expect(text).toContain("Before:\n    const loadRates = memoize(async");
    expect(text).toMatch(/After:\n {4}const loadRates = memoize\(async [^\n]+\n {4}loadRates\.cache = new LRUCache/);
    // The details are wrapped for a terminal.
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it("finds codes whatever their case, and nothing else", () => {
    expect(findCode("mc201")).toBe("MC201");
    expect(findCode(" MC101 ")).toBe("MC101");
    expect(findCode("MC999")).toBeUndefined();
    expect(findCode("toString")).toBeUndefined();
  });

  it("without a code lists every code with its title", () => {
    const list = formatCodeList(plain);
    for (const code of codes) expect(list).toContain(`${code}  ${CODES[code]}`);
  });

  it("from the command line, an unknown code is a usage error (exit 2)", () => {
    const unknown = memocap(["explain", "MC999"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^memocap: unknown code MC999/);
  });
});
