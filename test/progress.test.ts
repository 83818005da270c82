import { describe, expect, it } from "vitest";
import { scan } from "../src/index.ts";
import { formatElapsed, ProgressBar, progressLine, type ProgressStream } from "../src/report/progress.ts";
import { writeProject } from "./helpers/report-project.ts";

/** A stand-in for process.stderr: a terminal (or not) that records what is written. */
function fakeStream(isTTY: boolean, columns = 120): ProgressStream & { output: string } {
  const stream = {
    isTTY,
    columns,
    output: "",
    write(chunk: string) {
      stream.output += chunk;
      return true;
    },
  };
  return stream;
}

function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, advance: (ms) => (time += ms) };
}

const run = (filesTotal: number) => (filesDone: number, sites = 0) => ({ filesDone, filesTotal, sites });

describe("progress bar", () => {
  it("on a terminal, draws files done, sites found and elapsed time on one line, then clears it", () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const bar = new ProgressBar({ stream, env: {}, now: clock.now, minFiles: 300 });
    const at = run(400);
    bar.update(at(0));
    clock.advance(2500);
    bar.update(at(200, 7));
    bar.done();
    const frames = stream.output.split("\r\x1b[K");
    expect(frames).toEqual(["", expect.stringContaining(" 0/400 files · 0 sites · 0.0s"), `memocap ${"█".repeat(10)}${"░".repeat(10)} 200/400 files · 7 sites · 2.5s`, ""]);
  });

  it("redraws at most every 100 ms, but always draws the last file", () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const bar = new ProgressBar({ stream, env: {}, now: clock.now });
    const at = run(1000);
    for (let done = 0; done < 1000; done++) {
      bar.update(at(done));
      clock.advance(1);
    }
    bar.update(at(1000, 3));
    const frames = stream.output.split("\r\x1b[K").filter(Boolean);
    expect(frames).toHaveLength(11);
    expect(frames.at(-1)).toContain("1000/1000 files · 3 sites");
  });

  it("draws nothing when stderr is not a terminal", () => {
    const stream = fakeStream(false);
    const bar = new ProgressBar({ stream, env: {} });
    bar.update(run(5000)(10));
    bar.done();
    expect(stream.output).toBe("");
  });

  it("draws nothing with --quiet, on TERM=dumb, or for a run of a few files", () => {
    for (const options of [{ quiet: true, env: {} }, { env: { TERM: "dumb" } }]) {
      const stream = fakeStream(true);
      const bar = new ProgressBar({ stream, ...options });
      bar.update(run(5000)(10));
      bar.done();
      expect(stream.output).toBe("");
    }
    const small = fakeStream(true);
    const bar = new ProgressBar({ stream: small, env: {}, minFiles: 300 });
    bar.update(run(299)(10));
    bar.done();
    expect(small.output).toBe("");
  });

  it("keeps the line shorter than the terminal so that \\r still returns to its start", () => {
    const stream = fakeStream(true, 30);
    new ProgressBar({ stream, env: {} }).update(run(5000)(10));
    expect(stream.output).toBe(`\r\x1b[K${progressLine(run(5000)(10), 0).slice(0, 29)}`);
  });

  it("formats elapsed time in seconds, then minutes", () => {
    expect(formatElapsed(0)).toBe("0.0s");
    expect(formatElapsed(12_345)).toBe("12.3s");
    expect(formatElapsed(65_000)).toBe("1m05s");
  });

  it("is fed by the scan: once before each file and once at the end", async () => {
    const dir = writeProject({
      "a.ts": `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => k);\n`,
      "b.ts": `export const nothing = 1;\n`,
      "c.ts": `import memoize from "lodash/memoize";\nexport const g = memoize((k: string) => k);\n`,
    });
    const seen: Array<{ filesDone: number; filesTotal: number; sites: number }> = [];
    await scan({ paths: ["."], cwd: dir, onProgress: (progress) => seen.push(progress) });
    expect(seen).toEqual([
      { filesDone: 0, filesTotal: 3, sites: 0 },
      { filesDone: 1, filesTotal: 3, sites: 1 },
      { filesDone: 2, filesTotal: 3, sites: 1 },
      { filesDone: 3, filesTotal: 3, sites: 2 },
    ]);
  });
});
