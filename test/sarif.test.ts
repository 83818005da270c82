import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { CODES } from "../src/analysis/codes.ts";
import { scanSites } from "../src/index.ts";
import { EXPLANATIONS } from "../src/report/explanations.ts";
import { scanSarif, type SarifLog } from "../src/report/sarif.ts";
import { ROOT } from "./helpers/cli.ts";
import { MIXED_PROJECT, writeProject } from "./helpers/report-project.ts";
import { validateSarif as validate } from "./helpers/schemas.ts";

describe("SARIF output", () => {
  let dir: string;
  let log: SarifLog;

  beforeAll(async () => {
    dir = writeProject(MIXED_PROJECT);
    log = scanSarif(await scanSites({ paths: ["."], cwd: dir }), dir);
  });

  it("validates against the official SARIF 2.1.0 schema", () => {
    const valid = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the validator rejects a broken log (so a pass means something)", () => {
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
    const run = log.runs[0]!;
    const badRegion = { ...run.results[0]!, locations: [{ physicalLocation: { artifactLocation: { uri: "a.ts" }, region: { startLine: 0 } } }] };
    expect(validate({ ...log, runs: [{ ...run, results: [badRegion] }] })).toBe(false);
  });

  it("the example service's SARIF validates too", async () => {
    const example = join(ROOT, "examples/pricing-service");
    expect(validate(scanSarif(await scanSites({ paths: ["."], cwd: example }), example))).toBe(true);
  });

  it("has one rule per reason code, in CODES order, with its title, explanation and before/after help", () => {
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(Object.keys(CODES));
    const mc201 = rules.find((rule) => rule.id === "MC201")!;
    expect(mc201.shortDescription.text).toBe(CODES.MC201);
    expect(mc201.fullDescription.text).toBe(EXPLANATIONS.MC201?.details);
    expect(mc201.help.text).toContain(EXPLANATIONS.MC201!.example.before);
    expect(mc201.help.markdown).toContain("```ts\n" + EXPLANATIONS.MC201!.example.after + "\n```");
    expect(mc201.defaultConfiguration.level).toBe("warning");
    expect(rules.find((rule) => rule.id === "MC101")!.defaultConfiguration.level).toBe("error");
  });

  it("names the tool and its version", () => {
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe("memocap");
    expect(driver.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("reports unbounded sites and findings as results with their rule, level and location", () => {
    const results = log.runs[0]!.results;
    const rules = log.runs[0]!.tool.driver.rules;
    for (const result of results) expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
    const unbounded = results.find((result) => result.ruleId === "MC101")!;
    expect(unbounded.level).toBe("error");
    expect(unbounded.message.text).toMatch(/^lodash: unbounded lodash memoize.*\(priceFor\)$/);
    expect(unbounded.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "src/prices.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 25 } } },
    ]);
    const keyBug = results.find((result) => result.ruleId === "MC402")!;
    expect(keyBug.level).toBe("warning");
    expect(keyBug.locations).toEqual(unbounded.locations);
    expect(results.find((result) => result.ruleId === "MC902")?.level).toBe("warning");
  });

  it("leaves bounded sites out and marks memocap-ignore sites as suppressed in source", () => {
    const results = log.runs[0]!.results;
    expect(results.some((result) => result.ruleId === "MC110")).toBe(false);
    const ignored = results.find((result) => result.ruleId === "MC901")!;
    expect(ignored.suppressions).toEqual([{ kind: "inSource", justification: "memocap-ignore comment" }]);
    expect(results.filter((result) => result.suppressions).map((result) => result.ruleId)).toEqual(["MC901"]);
  });

  it("resolves paths against %SRCROOT%, the folder memocap ran in", () => {
    expect(log.runs[0]!.originalUriBaseIds["%SRCROOT%"]!.uri).toBe(`${pathToFileURL(dir).href}/`);
    expect(log.runs[0]!.columnKind).toBe("utf16CodeUnits");
  });

  it("reports a file that does not parse as a tool notification, not as a result", () => {
    const invocation = log.runs[0]!.invocations[0]!;
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: "error",
        message: { text: expect.stringMatching(/^syntax error at \d+:\d+/) },
        locations: [{ physicalLocation: { artifactLocation: { uri: "src/broken.ts", uriBaseId: "%SRCROOT%" } } }],
      },
    ]);
  });

  it("reports a configuration warning (a tsconfig.json that could not be used) as a configuration notification", async () => {
    const result = await scanSites({ paths: ["."], cwd: dir });
    const warned = scanSarif({ ...result, warnings: [{ file: join(dir, "tsconfig.json"), reason: "tsconfig.json does not parse: types not used" }] }, dir);
    expect(validate(warned)).toBe(true);
    expect(warned.runs[0]!.invocations[0]!.toolConfigurationNotifications).toEqual([
      {
        level: "warning",
        message: { text: "tsconfig.json does not parse: types not used" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "tsconfig.json", uriBaseId: "%SRCROOT%" } } }],
      },
    ]);
  });

  it("encodes paths as URIs and points outside the folder with absolute file URIs", async () => {
    const spaced = writeProject({ "my dir/a#1.ts": `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => k);\n` });
    const inside = scanSarif(await scanSites({ paths: ["."], cwd: spaced }), spaced);
    expect(inside.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "my%20dir/a%231.ts", uriBaseId: "%SRCROOT%" });
    const outside = scanSarif(await scanSites({ paths: [spaced], cwd: ROOT }), join(ROOT, "src"));
    expect(outside.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(join(spaced, "my dir/a#1.ts")).href });
    expect(validate(inside) && validate(outside)).toBe(true);
  });
});
