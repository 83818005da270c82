/**
 * The baseline (memocap-baseline.json): fingerprints that survive unrelated edits, the strict file
 * check, `memocap baseline` (reasons required, entries kept, stale ones pruned), and `scan --check`
 * / `fix` / JSON / SARIF with a baseline.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Baseline } from "../src/baseline/baseline.ts";
import { parseBaseline, serializeBaseline, type BaselineEntry } from "../src/baseline/baseline-file.ts";
import { normalizedCode, siteFingerprints } from "../src/baseline/fingerprint.ts";
import { ConfigError } from "../src/config/config-file.ts";
import { analyseText } from "../src/index.ts";
import { writeBaseline } from "../src/baseline/write-baseline.ts";
import { baselineReport, prepareRunScope } from "../src/run-scope.ts";
import { fix } from "../src/fix/fix.ts";
import { scanJson } from "../src/report/json.ts";
import { scanSarif } from "../src/report/sarif.ts";
import { scan } from "../src/scan.ts";
import { memocap } from "./helpers/cli.ts";
import { writeProject } from "./helpers/report-project.ts";
import { validateOutput, validateSarif } from "./helpers/schemas.ts";
import { scopedScan } from "./helpers/scoped-run.ts";

const LODASH = `import memoize from "lodash/memoize";\n`;
const PRICES = `${LODASH}\nexport const priceFor = memoize((sku: string) => sku.length);\nexport const nameFor = memoize((id: string) => id.toUpperCase());\n`;

function fingerprintsOf(text: string, file = "src/prices.ts"): Map<string, string> {
  const sites = analyseText(`/project/${file}`, text);
  const fingerprints = siteFingerprints(file, text, sites);
  return new Map(sites.map((site, index) => [`${site.name ?? "?"}#${site.line}`, fingerprints[index]!]));
}

/** Fingerprints by memoized name (the names are unique in these texts). */
function byName(text: string, file?: string): Record<string, string> {
  return Object.fromEntries([...fingerprintsOf(text, file)].map(([key, fingerprint]) => [key.split("#")[0], fingerprint]));
}

describe("site fingerprints", () => {
  it("leave out whitespace, comments, quote style, semicolons and trailing commas, and nothing else", () => {
    const plain = normalizedCode(`memoize((sku: string) => lookUp(sku, "eur"), { maxAge: 10 })`);
    const formatted = normalizedCode(`memoize(\n  // the price\n  (sku: string) => lookUp(sku, 'eur'),\n  { maxAge: 10, },\n)`);
    expect(formatted).toBe(plain);
    expect(normalizedCode(`memoize((sku: string) => lookUp(sku, "usd"))`)).not.toBe(normalizedCode(`memoize((sku: string) => lookUp(sku, "eur"))`));
    expect(normalizedCode(`memoize((a) => a + 1)`)).not.toBe(normalizedCode(`memoize((a) => a - 1)`));
    expect(normalizedCode("memoize(() => { x; y; })")).toBe(normalizedCode("memoize(() => {\n  x\n  y\n})"));
  });

  it("read regular expressions and template literals as single tokens", () => {
    // Inside a regular expression or a template, spaces and quotes are content, not formatting.
    expect(normalizedCode("f(/a b/g)")).not.toBe(normalizedCode("f(/ab/g)"));
    expect(normalizedCode("f(/'/)")).toBe("f ( /'/ )");
    expect(normalizedCode("f(`a ${x + `b ${ {y} }`} c`)")).not.toBe(normalizedCode("f(`a ${x + `b ${ {y} }`}  c`)"));
    expect(normalizedCode("f(a / b / c)")).toBe("f ( a / b / c )");
  });

  it("stay the same when lines are added above the site and when the site moves within its file", () => {
    const before = byName(PRICES);
    const edited = `${LODASH}import { other } from "./other";\n\n// a new comment\nexport const unrelated = 1;\n\nexport const priceFor = memoize((sku: string) => sku.length);\nexport const nameFor = memoize((id: string) => id.toUpperCase());\n`;
    expect(byName(edited)).toEqual(before);
    const moved = `${LODASH}\nexport const nameFor = memoize((id: string) => id.toUpperCase());\n\nfunction helper() {}\n\nexport const priceFor = memoize((sku: string) => sku.length);\n`;
    expect(byName(moved)).toEqual(before);
    const reformatted = `${LODASH.replace(/"/g, "'")}\nexport const priceFor = memoize(\n  (sku: string) => sku.length,\n)\nexport const nameFor = memoize((id: string) => id.toUpperCase())\n`;
    expect(byName(reformatted)).toEqual(before);
  });

  it("change when the call, the name or the file changes", () => {
    const before = byName(PRICES);
    expect(byName(PRICES.replace("sku.length", "sku.length * 2")).priceFor).not.toBe(before.priceFor);
    expect(byName(PRICES.replace("sku.length", "sku.length * 2")).nameFor).toBe(before.nameFor);
    expect(byName(PRICES.replace("priceFor", "costFor")).costFor).not.toBe(before.priceFor);
    expect(byName(PRICES, "src/renamed.ts").priceFor).not.toBe(before.priceFor);
  });

  it("tell identical calls in one file apart by their order", () => {
    const twice = `${LODASH}\nexport const caches = [memoize((k: string) => k), memoize((k: string) => k)];\n`;
    const fingerprints = (text: string) => siteFingerprints("src/a.ts", text, analyseText("/project/src/a.ts", text));
    expect(fingerprints(twice)).toHaveLength(2);
    expect(new Set(fingerprints(twice)).size).toBe(2);
    // An edit above keeps both.
    expect(fingerprints(`// header\n${twice}`)).toEqual(fingerprints(twice));
  });
});

const ENTRY: BaselineEntry = { file: "src/prices.ts", library: "lodash", code: "MC101", name: "priceFor", fingerprint: "0123456789abcdef0123", reason: "twelve currencies" };

describe("the baseline file is checked strictly", () => {
  const parse = (value: unknown) => () => parseBaseline("/p/memocap-baseline.json", typeof value === "string" ? value : JSON.stringify(value));
  const reasonOf = (value: unknown): string => {
    try {
      parse(value)();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).file).toBe("/p/memocap-baseline.json");
      return (error as ConfigError).reason;
    }
    throw new Error("parsed");
  };

  it("reads what serializeBaseline writes, sorted by file, code and name", () => {
    const other = { ...ENTRY, file: "src/a.ts", fingerprint: "ffffffffffffffffffff" };
    const text = serializeBaseline([ENTRY, other]);
    expect(parseBaseline("/p/memocap-baseline.json", text).entries).toEqual([other, ENTRY]);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("names the entry and the reason for each mistake, on one line", () => {
    const cases: Array<[unknown, RegExp]> = [
      ["{", /^not valid JSON/],
      [[], /must be an object with "version" and "entries"/],
      [{ version: 2, entries: [] }, /^"version" must be 1 \(got 2\)$/],
      [{ version: 1, entries: [], extra: 1 }, /^unknown key "extra"/],
      [{ version: 1 }, /^"entries" must be an array$/],
      [{ version: 1, entries: [{ ...ENTRY, reason: "" }] }, /^entries\[0\] \(src\/prices\.ts lodash MC101 priceFor\): "reason" must say why this cache may stay unbounded/],
      [{ version: 1, entries: [{ ...ENTRY, reason: "   " }] }, /"reason" must say why/],
      [{ version: 1, entries: [{ ...ENTRY, reason: undefined }] }, /"reason" must say why/],
      [{ version: 1, entries: [{ ...ENTRY, code: "E101" }] }, /"code" must be a reason code such as MC101 \(got "E101"\)/],
      [{ version: 1, entries: [{ ...ENTRY, fingerprint: "12" }] }, /"fingerprint" must be 20 hex digits/],
      [{ version: 1, entries: [{ ...ENTRY, line: 3 }] }, /^entries\[0\] \(.*\): unknown key "line"$/],
      [{ version: 1, entries: [ENTRY, { ...ENTRY, name: "other" }] }, /^entries\[1\] \(.*other\): the same fingerprint as entries\[0\]$/],
    ];
    for (const [value, expected] of cases) {
      const reason = reasonOf(value);
      expect(reason, JSON.stringify(value)).toMatch(expected);
      expect(reason).not.toContain("\n");
    }
  });
});

describe("memocap baseline and scan --check", () => {
  const project = (extra: Record<string, string> = {}) => writeProject({ "package.json": `{ "name": "p", "version": "1.0.0" }\n`, "src/prices.ts": PRICES, ...extra });
  const readEntries = (dir: string): BaselineEntry[] => JSON.parse(readFileSync(join(dir, "memocap-baseline.json"), "utf8")).entries;

  it("refuses to write entries without a reason, and writes nothing", () => {
    const dir = project();
    const run = memocap(["baseline"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^memocap: 2 unbounded caches need a reason to enter memocap-baseline\.json: memocap baseline --reason ".*" \(nothing written\)$/m);
    expect(run.stderr).toContain("src/prices.ts:3:25");
    expect(existsSync(join(dir, "memocap-baseline.json"))).toBe(false);
  });

  it("accepts today's unbounded caches, then fails only on a new one, whatever is edited around them", async () => {
    const dir = project();
    const written = memocap(["baseline", "--reason", "keys are the twelve currencies"], dir);
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toBe("memocap-baseline.json: 2 added, 0 kept, 0 removed (matched no site)\n");
    expect(readEntries(dir).map((entry) => [entry.name, entry.code, entry.reason])).toEqual([
      ["nameFor", "MC101", "keys are the twelve currencies"],
      ["priceFor", "MC101", "keys are the twelve currencies"],
    ]);

    const passing = memocap(["scan", "--check"], dir);
    expect(passing.status, passing.stderr).toBe(0);
    expect(passing.stderr).toContain("memocap: check: 2 accepted by the baseline");

    // Unrelated edits above the sites, and the two sites swapped: still accepted.
    writeFileSync(join(dir, "src/prices.ts"), `${LODASH}\nconst TAX = 0.2;\n\nexport const nameFor = memoize((id: string) => id.toUpperCase());\n\nexport const priceFor = memoize((sku: string) => sku.length);\n`);
    expect((await scopedScan(dir)).failures).toEqual([]);

    // A new unbounded cache fails the check, and only it is counted.
    writeFileSync(join(dir, "src/rates.ts"), `${LODASH}\nexport const rateOf = memoize((currency: string) => currency.length);\n`);
    const failing = memocap(["scan", "--check"], dir);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/^memocap: check failed: 1 unbounded cache /m);
    expect(failing.stdout).toMatch(/^src\/rates\.ts:3:23  lodash  unbounded  MC101/m);
  });

  it("keeps the reasons of existing entries when adding new ones, and prunes what matches no site", async () => {
    const dir = project();
    const update = async (options: { reason?: string; prune?: boolean; paths?: string[] } = {}) => {
      const outcome = await writeBaseline({ cwd: dir, ...options });
      if (!outcome.written) throw new Error("not written");
      return { added: outcome.added.length, kept: outcome.kept, removed: outcome.removed.map((entry) => entry.name), unchanged: outcome.unchanged };
    };
    expect(await update({ reason: "first reason" })).toEqual({ added: 2, kept: 0, removed: [], unchanged: false });
    writeFileSync(join(dir, "src/rates.ts"), `${LODASH}\nexport const rateOf = memoize((currency: string) => currency.length);\n`);
    expect(await update({ reason: "second reason" })).toEqual({ added: 1, kept: 2, removed: [], unchanged: false });
    expect(readEntries(dir).map((entry) => `${entry.name}: ${entry.reason}`)).toEqual(["nameFor: first reason", "priceFor: first reason", "rateOf: second reason"]);

    // nameFor is bounded by hand: its entry is stale, reported as a warning, and the check still passes.
    writeFileSync(join(dir, "src/prices.ts"), `${LODASH}\nexport const priceFor = memoize((sku: string) => sku.length);\n`);
    const stale = memocap(["scan", "--check"], dir);
    expect(stale.status).toBe(0);
    expect(stale.stderr).toMatch(/^warning: memocap-baseline\.json: stale entry src\/prices\.ts lodash MC101 nameFor matches no site \(memocap baseline --prune removes it\)$/m);

    // A run over another file does not call entries about files it did not look at stale.
    const scope = await prepareRunScope({ cwd: dir });
    const onlyRates = await scan({ cwd: dir, paths: ["src/rates.ts"], ...scope.runOptions });
    expect((await baselineReport(scope, onlyRates, ["src/rates.ts"], dir))?.stale).toEqual([]);

    // A new unbounded cache and a stale entry: --prune removes the entry and adds nothing.
    writeFileSync(join(dir, "src/more.ts"), `${LODASH}\nexport const moreOf = memoize((key: string) => key);\n`);
    expect(await update({ prune: true })).toEqual({ added: 0, kept: 2, removed: ["nameFor"], unchanged: false });
    expect(readEntries(dir).map((entry) => entry.name)).toEqual(["priceFor", "rateOf"]);
    expect(await update({ prune: true })).toEqual({ added: 0, kept: 2, removed: [], unchanged: true });
    // Without --prune, the new site needs a reason, and nothing is written.
    const refused = await writeBaseline({ cwd: dir });
    expect(refused.written ? [] : refused.needReason.map((site) => site.name)).toEqual(["moreOf"]);
  });

  it("treats the entries of a file that no longer exists as stale, and those of a file that does not parse as kept", async () => {
    const dir = project({ "src/rates.ts": `${LODASH}\nexport const rateOf = memoize((currency: string) => currency.length);\n` });
    expect((await writeBaseline({ cwd: dir, reason: "small key space" })).written).toBe(true);
    renameSync(join(dir, "src/prices.ts"), join(dir, "src/prices.ts.bak"));
    writeFileSync(join(dir, "src/rates.ts"), `${LODASH}\nexport const rateOf = memoize((currency: string) => {;\n`);
    const outcome = await writeBaseline({ cwd: dir, prune: true });
    expect(outcome.scan.problems.map((problem) => problem.reason)).toEqual([expect.stringMatching(/^syntax error/)]);
    expect(readEntries(dir).map((entry) => entry.name)).toEqual(["rateOf"]);
    // The CLI exits 3 for the file it could not read.
    expect(memocap(["baseline", "--prune"], dir).status).toBe(3);
  });

  it("stops with exit 2 and one line naming the file and entry when a reason is missing or the file is not a baseline", async () => {
    const dir = project();
    expect((await writeBaseline({ cwd: dir, reason: "ok" })).written).toBe(true);
    const entries = readEntries(dir);
    writeFileSync(join(dir, "memocap-baseline.json"), JSON.stringify({ version: 1, entries: [entries[0], { ...entries[1], reason: "" }] }));
    const reason = 'entries[1] (src/prices.ts lodash MC101 priceFor): "reason" must say why this cache may stay unbounded (a non-empty string)';
    const run = memocap(["scan", "--check"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`memocap: memocap-baseline.json: ${reason}\n`);
    // fix and memocap baseline read it the same way.
    await expect(prepareRunScope({ cwd: dir })).rejects.toMatchObject({ file: join(dir, "memocap-baseline.json"), reason });
    await expect(writeBaseline({ cwd: dir, reason: "x" })).rejects.toMatchObject({ reason });

    const missing = memocap(["fix", "--dry", "--baseline", "nope.json"], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("memocap: --baseline: nope.json does not exist (memocap baseline writes it)\n");
    // --no-baseline reads none, not even a broken one.
    expect(memocap(["scan", "--check", "--no-baseline"], dir).status).toBe(1);
  });

  it("is found from a subfolder up to the git top, and --baseline names another file", async () => {
    const dir = project();
    expect(memocap(["baseline", "--reason", "ok", "--baseline", "ci/accepted.json"], dir).status).toBe(0);
    expect(readFileSync(join(dir, "ci/accepted.json"), "utf8")).toContain('"file": "../src/prices.ts"');
    expect((await scopedScan(dir)).failures).toHaveLength(2);
    expect(memocap(["scan", "--check", "--baseline", "../ci/accepted.json", "."], join(dir, "src")).status).toBe(0);

    expect((await writeBaseline({ cwd: dir, reason: "ok" })).path).toBe(join(dir, "memocap-baseline.json"));
    // Not a git work tree: only the folder memocap runs in is searched.
    expect((await scopedScan(join(dir, "src"))).failures).toHaveLength(2);
    writeFileSync(join(dir, ".git"), "gitdir: elsewhere\n");
    expect((await scopedScan(join(dir, "src"))).failures).toEqual([]);
    expect((await writeBaseline({ cwd: join(dir, "src"), prune: true })).path).toBe(join(dir, "memocap-baseline.json"));
  });

  it("fix leaves the sites in the baseline and rewrites the others of the same file", async () => {
    const dir = project();
    expect((await writeBaseline({ cwd: dir, reason: "only twelve currencies" })).written).toBe(true);
    writeFileSync(join(dir, "memocap-baseline.json"), serializeBaseline(readEntries(dir).filter((entry) => entry.name === "nameFor")));
    const run = memocap(["fix"], dir);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(dir, "src/prices.ts"), "utf8");
    expect(text).toMatch(/^priceFor\.cache = new LRUCache\(\{ max: 500 \}\);$/m);
    expect(text).not.toMatch(/nameFor\.cache/);
    expect(run.stderr).toContain("nameFor: in the baseline: only twelve currencies");
    // The baseline still matches after the rewrite: the check passes and a second fix changes nothing.
    expect((await scopedScan(dir)).failures).toEqual([]);
    const scope = await prepareRunScope({ cwd: dir });
    expect((await fix({ cwd: dir, dry: true, verify: false, ...scope.runOptions })).changes).toEqual([]);
  });
});

describe("JSON and SARIF with a baseline", () => {
  it("mark accepted sites, give every site its fingerprint and list stale entries; both validate", async () => {
    const dir = writeProject({ "src/prices.ts": PRICES });
    const sites = analyseText(join(dir, "src/prices.ts"), PRICES);
    const fingerprints = siteFingerprints("src/prices.ts", PRICES, sites);
    const accepted: BaselineEntry = { file: "src/prices.ts", library: "lodash", code: "MC101", name: "priceFor", fingerprint: fingerprints[sites.findIndex((site) => site.name === "priceFor")]!, reason: "twelve currencies" };
    const stale: BaselineEntry = { ...accepted, name: "gone", fingerprint: "abcdefabcdefabcdefab", reason: "was small" };
    writeFileSync(join(dir, "memocap-baseline.json"), serializeBaseline([accepted, stale]));

    const { result, baseline } = await scopedScan(dir);
    const json = scanJson(result, dir, baseline);
    expect(validateOutput(json), JSON.stringify(validateOutput.errors)).toBe(true);
    const price = json.sites.find((site) => site.name === "priceFor");
    const name = json.sites.find((site) => site.name === "nameFor");
    expect(price).toMatchObject({ code: "MC101", level: "error", verdict: "skip", fingerprint: accepted.fingerprint, baseline: { reason: "twelve currencies" } });
    expect(name).toMatchObject({ code: "MC101", verdict: "rewrite", fingerprint: expect.stringMatching(/^[0-9a-f]{20}$/) });
    expect(name?.baseline).toBeUndefined();
    expect(json.baseline).toEqual({ file: "memocap-baseline.json", entries: 2, baselined: 1, stale: [stale] });
    expect(validateOutput({ ...json, baseline: { ...json.baseline, stale: [{ ...stale, reason: "" }] } })).toBe(false);

    const sarif = scanSarif(result, dir, baseline);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = sarif.runs[0]!.results;
    expect(results.find((result) => result.message.text.includes("(priceFor)"))?.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "twelve currencies" }]);
    expect(results.find((result) => result.message.text.includes("(nameFor)"))?.suppressions).toBeUndefined();
    expect(sarif.runs[0]!.invocations[0]!.toolConfigurationNotifications).toEqual([
      expect.objectContaining({ level: "warning", message: { text: "stale baseline entry (matches no site): src/prices.ts lodash MC101 gone" } }),
    ]);
  });

  it("the API: a Baseline annotates scan's sites", async () => {
    const dir = writeProject({ "src/prices.ts": PRICES });
    const baseline = new Baseline({ path: join(dir, "memocap-baseline.json"), entries: [] });
    const result = await scan({ cwd: dir, annotateSites: baseline.annotate });
    expect(result.sites.map((site) => site.fingerprint)).toEqual(siteFingerprints("src/prices.ts", PRICES, analyseText(join(dir, "src/prices.ts"), PRICES)));
  });
});
