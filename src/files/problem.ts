/** A file that could not be processed: reported as one line (`file: reason`), the run goes on. */
export interface FileProblem {
  file: string;
  reason: string;
}

export function formatProblem(problem: FileProblem): string {
  return `${problem.file}: ${problem.reason}`;
}
