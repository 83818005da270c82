import { checkFailures } from "../../src/report/check.ts";
import type { BaselineReport } from "../../src/report/json.ts";
import { baselineReport, prepareRunScope, type RunScope, type ScopeRequest } from "../../src/run-scope.ts";
import { scan, type ScanResult } from "../../src/scan.ts";

export interface ScopedScan {
  scope: RunScope;
  result: ScanResult;
  baseline: BaselineReport | undefined;
  /** What `scan --check` fails on. */
  failures: ScanResult["sites"];
}

/** `memocap scan` in this process, with the baseline and change options the CLI takes (`--baseline`, `--since`, `--staged`). */
export async function scopedScan(cwd: string, request: Omit<ScopeRequest, "cwd"> = {}): Promise<ScopedScan> {
  const scope = await prepareRunScope({ cwd, ...request });
  const paths = request.paths ? [...request.paths] : ["."];
  const result = await scan({ cwd, paths, typeFacts: false, ...scope.runOptions });
  return { scope, result, baseline: await baselineReport(scope, result, paths, cwd), failures: checkFailures(result.sites) };
}
