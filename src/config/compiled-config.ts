import { relative } from "node:path";
import { Minimatch } from "minimatch";
import { toPosixPath } from "../files/paths.ts";
import type { MemocapConfig } from "./config-file.ts";
import type { SitePolicy } from "../analysis/site-policy.ts";

/** A configuration's bound for a file, and the setting it comes from (`libraries.lodash.max`, `overrides[1]`, `max`). */
export interface ConfiguredBound {
  max: number;
  setting: string;
}

/** A configuration ready to answer for files: their bound and what may be rewritten in them. */
export interface CompiledConfig {
  config: MemocapConfig;
  /** `libraries.<library>.max`, else the last override whose `files` match, else `max`; undefined when it sets none. */
  boundFor(file: string, library?: string): ConfiguredBound | undefined;
}

export function compileConfig(config: MemocapConfig): CompiledConfig {
  const overrides = config.overrides.map((override) => ({
    max: override.max,
    matchers: override.files.map((glob) => new Minimatch(glob, { dot: true })),
  }));
  return {
    config,
    boundFor(file, library) {
      const libraryMax = library === undefined ? undefined : config.libraries?.[library]?.max;
      if (libraryMax !== undefined) return { max: libraryMax, setting: `libraries.${library}.max` };
      const path = toPosixPath(relative(config.dir, file));
      for (let index = overrides.length - 1; index >= 0; index--) {
        const override = overrides[index]!;
        if (override.matchers.some((matcher) => matcher.match(path))) return { max: override.max, setting: `overrides[${index}]` };
      }
      return config.max === undefined ? undefined : { max: config.max, setting: "max" };
    },
  };
}

/**
 * What may be rewritten under a configuration: the command line's transforms replace the
 * configuration's (as `--include` replaces `include`); libraries with `rewrite: false` are left.
 */
export function sitePolicy(config: MemocapConfig | undefined, commandLineTransforms: readonly string[] | undefined): SitePolicy {
  const transforms = commandLineTransforms ?? config?.transforms;
  const librariesLeft = Object.entries(config?.libraries ?? {})
    .filter(([, options]) => options.rewrite === false)
    .map(([library]) => library);
  return {
    ...(transforms !== undefined && { transforms: new Set(transforms) }),
    ...(librariesLeft.length > 0 && { librariesLeft: new Set(librariesLeft) }),
  };
}
