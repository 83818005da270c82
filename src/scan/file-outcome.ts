import { SourceSyntaxError, type Analyser } from "../analysis/analyser.ts";
import type { Site } from "../analysis/site.ts";
import type { CompilerSettings } from "../analysis/types/compiler-settings.ts";
import { TypesElsewhere } from "../analysis/types/typed-projects.ts";
import type { FileProblem } from "../files/problem.ts";

/** What the scan learnt of one file, as plain data (a worker thread sends it to the main thread). */
export interface FileOutcome {
  /** The file passed the prefilter and was parsed (also when its syntax was wrong). */
  parsed: boolean;
  sites: Site[];
  problem?: FileProblem;
  /** A tsconfig.json the file's typed program could not use (the run reports each once). */
  warnings?: FileProblem[];
}

/** A file the prefilter kept out of the parser. */
export const NOT_PARSED: FileOutcome = Object.freeze({ parsed: false, sites: [] }) as FileOutcome;

export interface CandidateOptions {
  /** Asked before the file's typed program is built (see Analyser.analyse); TypesElsewhere goes through. */
  claimTypes?: (file: string, settings: CompilerSettings) => boolean;
}

/** Analyses a file the prefilter let through, whose text was read by the prefilter pass. */
export function analyseCandidate(analyser: Analyser, file: string, text: string, options: CandidateOptions = {}): FileOutcome {
  // The settings of the file's typed program, if it was built: their warning is the file's.
  let typed: CompilerSettings | undefined;
  const claimTypes = (claimed: string, settings: CompilerSettings) => {
    typed = settings;
    return options.claimTypes?.(claimed, settings) ?? true;
  };
  const withWarning = (outcome: FileOutcome): FileOutcome => (typed?.warning ? { ...outcome, warnings: [typed.warning] } : outcome);
  try {
    return withWarning({ parsed: true, sites: analyser.analyse(file, text, claimTypes) });
  } catch (error) {
    if (error instanceof TypesElsewhere) throw error;
    const message = (error as Error).message.split("\n")[0] ?? "";
    const reason = error instanceof SourceSyntaxError ? message : `analysis failed: ${message}`;
    return withWarning({ parsed: true, sites: [], problem: { file, reason } });
  }
}
