import { CODES, type Code } from "./codes.ts";
import type { Site } from "./site.ts";

/** What a file's configuration (or the command line) lets `fix` do with its sites. */
export interface SitePolicy {
  /** The transforms that may run; undefined: all of them. */
  transforms?: ReadonlySet<string>;
  /** Libraries whose sites are reported but not rewritten (`libraries.<name>.rewrite: false`). */
  librariesLeft?: ReadonlySet<string>;
}

/** Whether split-async may run: without it, an async site keeps its plain bound (see analyse-async.ts). */
export function splitsAsync(policy: SitePolicy): boolean {
  return policy.transforms === undefined || policy.transforms.has("split-async");
}

/**
 * Leaves the sites the policy keeps from being rewritten: verdict `skip`, with MC911 (library turned
 * off) or MC910 (transform not selected) and its name before the analysis's own message. The
 * transform that would have rewritten the site stays named.
 */
export function applySitePolicy(sites: Site[], policy: SitePolicy): void {
  if (policy.transforms === undefined && (policy.librariesLeft === undefined || policy.librariesLeft.size === 0)) return;
  for (const site of sites) {
    if (site.verdict !== "rewrite") continue;
    if (policy.librariesLeft?.has(site.library)) leave(site, "MC911", site.library);
    else if (policy.transforms && site.transform !== undefined && !policy.transforms.has(site.transform)) leave(site, "MC910", site.transform);
  }
}

function leave(site: Site, code: Code, detail: string): void {
  site.verdict = "skip";
  site.message = `${CODES[code]}: ${detail}; ${site.message}`;
  site.code = code;
  delete site.plan;
  delete site.needsLruCache;
}
