/** Exit codes, documented in the README. File problems (3) win over findings (1). */
export const EXIT = { ok: 0, findings: 1, usage: 2, fileProblems: 3, dirtyWorkTree: 4 } as const;

/** Bad usage, found by yargs or by a command: `memocap: <message>`, a pointer to --help, exit 2. */
export class UsageError extends Error {}
