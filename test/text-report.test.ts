import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/analysis/codes.ts";
import type { Site } from "../src/analysis/site.ts";
import { formatScan, skippedSection } from "../src/report/text.ts";

const plain = pc.createColors(false);
const cwd = "/repo";

function site(overrides: Partial<Site>): Site {
  return {
    file: "/repo/src/a.ts",
    start: 0,
    end: 10,
    line: 1,
    column: 1,
    kind: "memoize-call",
    library: "lodash",
    module: "lodash/memoize",
    callee: "memoize",
    async: false,
    bounded: false,
    code: "MC101",
    message: CODES.MC101,
    verdict: "rewrite",
    findings: [],
    ...overrides,
  };
}

describe("skipped sites grouped by reason", () => {
  it("is empty when nothing is skipped", () => {
    expect(skippedSection([site({}), site({ verdict: "none", bounded: true, code: "MC110", message: CODES.MC110 })], cwd, plain)).toBe("");
  });

  it("gives each reason its title and count, sorted by code, and each site with what its title does not say", () => {
    const sites = [
      site({ file: "/repo/src/b.ts", line: 9, column: 3, name: "rateOf", code: "MC902", verdict: "skip", message: `${CODES.MC902} (spread options may or may not set max)` }),
      site({ file: "/repo/src/a.ts", line: 4, column: 26, name: "monthName", code: "MC901", verdict: "skip", message: `${CODES.MC901}; ${CODES.MC101}` }),
      site({ file: "/repo/src/c.ts", line: 2, column: 1, code: "MC902", verdict: "skip", message: CODES.MC902 }),
      site({}),
    ];
    expect(skippedSection(sites, cwd, plain).split("\n")).toEqual([
      "Skipped, by reason:",
      `  MC901 ×1  ${CODES.MC901}`,
      `      src/a.ts:4:26  monthName: ${CODES.MC101}`,
      `  MC902 ×2  ${CODES.MC902}`,
      "      src/b.ts:9:3  rateOf: spread options may or may not set max",
      "      src/c.ts:2:1",
    ]);
  });

  it("shows ten sites per reason and counts the rest", () => {
    const many = Array.from({ length: 13 }, (_, i) => site({ line: i + 1, code: "MC902", verdict: "skip", message: CODES.MC902 }));
    const lines = skippedSection(many, cwd, plain).split("\n");
    expect(lines).toHaveLength(2 + 10 + 1);
    expect(lines.at(-1)).toBe("      … and 3 more (--format json lists every site)");
  });

  it("lists sites that were to be rewritten in a file that could not be", () => {
    const failed = site({ file: "/repo/src/d.ts", line: 5, column: 7 });
    expect(skippedSection([failed], cwd, plain, [failed]).split("\n")).toEqual([
      "Skipped, by reason:",
      "  not rewritten ×1  the file could not be rewritten (see the errors)",
      "      src/d.ts:5:7  MC101",
    ]);
  });

  it("comes before the summary line in the scan report", () => {
    const text = formatScan(
      { filesScanned: 1, filesParsed: 1, sites: [site({ code: "MC902", verdict: "skip", message: CODES.MC902 })], problems: [] },
      cwd,
      plain,
    );
    expect(text.split("\n").slice(-4)).toEqual([
      "Skipped, by reason:",
      `  MC902 ×1  ${CODES.MC902}`,
      "      src/a.ts:1:1",
      "1 file scanned, 1 site found (1 unbounded, 0 bounded), 1 left by reason: MC902 ×1",
    ]);
  });
});
