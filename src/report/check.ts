import type { Site } from "../analysis/site.ts";
import { siteLevel } from "./explanations.ts";

/**
 * The sites that make `scan --check` fail: the ones reported at level "error", that is an
 * unbounded cache that stays unless someone acts. The same sites are SARIF errors, so a CI job
 * and its code-scanning alerts agree. `memocap-ignore` (MC901) sites do not count, nor do sites in
 * the baseline, nor (with --since / --staged) sites whose code no changed line touches.
 */
export function checkFailures(sites: readonly Site[]): Site[] {
  return sites.filter((site) => siteLevel(site) === "error" && site.baseline === undefined && site.inChange !== false);
}
