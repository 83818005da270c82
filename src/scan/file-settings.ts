import type { SitePolicy } from "../analysis/site-policy.ts";
import type { ConfiguredFiles } from "../config/configured-files.ts";
import { CONFIGURABLE_LIBRARIES } from "../config/library-names.ts";

/** What a file's configuration sets for its analysis, as data a worker thread can receive. */
export interface FileSettings {
  /** The file's bound (undefined: the default). */
  max?: number;
  /** Libraries whose bound in this file is not `max` (config `libraries.<name>.max`). */
  maxByLibrary?: Record<string, number | undefined>;
  policy: SitePolicy;
}

/** The configuration's answers for `file`, asked of every library a site can be reported for. */
export function fileSettings(file: string, configured: Pick<ConfiguredFiles, "maxFor" | "policyFor">): FileSettings {
  const max = configured.maxFor(file);
  const maxByLibrary: Record<string, number | undefined> = {};
  for (const library of CONFIGURABLE_LIBRARIES) {
    const libraryMax = configured.maxFor(file, library);
    if (libraryMax !== max) maxByLibrary[library] = libraryMax;
  }
  return { max, ...(Object.keys(maxByLibrary).length > 0 && { maxByLibrary }), policy: configured.policyFor(file) };
}

/** The inverse of fileSettings, for the Analyser of a worker thread: `maxFor` and `policyFor` over the files sent. */
export function configuredAnswers(files: readonly string[], settings: readonly FileSettings[]): Pick<ConfiguredFiles, "maxFor" | "policyFor"> {
  const settingsOf = new Map<string, FileSettings>(files.map((file, index) => [file, settings[index]!]));
  return {
    maxFor(file, library) {
      const answers = settingsOf.get(file);
      return library !== undefined && answers?.maxByLibrary && library in answers.maxByLibrary ? answers.maxByLibrary[library] : answers?.max;
    },
    policyFor: (file) => settingsOf.get(file)?.policy ?? {},
  };
}
