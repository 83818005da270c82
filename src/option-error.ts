/**
 * An option whose value cannot be used, found once the run starts (a git ref that does not exist,
 * prettier not installed): the CLI prints `memocap: <message>` and exits 2 before anything is written.
 */
export class OptionError extends Error {}
