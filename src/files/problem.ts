/** A file that could not be processed: reported as one line (`file: reason`), the run goes on. */
export interface FileProblem {
  file: string;
  reason: string;
  /** Type errors a rewrite would have added (the file was left as it was), one line each under the reason. */
  diagnostics?: ProblemDiagnostic[];
}

/** A TypeScript error, at its place in the text that has it (for a rolled-back rewrite: the rewritten text). */
export interface ProblemDiagnostic {
  line: number;
  column: number;
  /** `TS2339`. */
  code: string;
  message: string;
}

export function formatProblem(problem: FileProblem): string {
  const lines = [`${problem.file}: ${problem.reason}`];
  for (const diagnostic of problem.diagnostics ?? []) lines.push(`    ${diagnostic.line}:${diagnostic.column}  ${diagnostic.code} ${diagnostic.message}`);
  return lines.join("\n");
}
