/**
 * A one-line progress bar on stderr for long runs: files done, sites found, elapsed time.
 *
 * Hand-written rather than a dependency: it is one line redrawn with `\r` and cleared at the end,
 * and the decision that matters (show it only on a TTY, only for big runs, never with --quiet)
 * is memocap's own either way.
 */

export interface Progress {
  filesDone: number;
  filesTotal: number;
  sites: number;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressBarOptions {
  stream: ProgressStream;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
  /** Runs with fewer files than this show no bar. */
  minFiles?: number;
  /** Least time between two redraws. */
  intervalMs?: number;
  /** Milliseconds, monotonic; injectable for tests. */
  now?: () => number;
}

/** "A few hundred files": below this a run is over before a bar would help. */
export const PROGRESS_MIN_FILES = 300;
const REDRAW_INTERVAL_MS = 100;
const BAR_WIDTH = 20;
const CLEAR_LINE = "\r\x1b[K";

export class ProgressBar {
  private readonly stream: ProgressStream;
  private readonly enabled: boolean;
  private readonly minFiles: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly startedAt: number;
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(options: ProgressBarOptions) {
    this.stream = options.stream;
    // A bar redrawn in place needs a terminal that understands \r and erase-line.
    this.enabled = options.stream.isTTY === true && !options.quiet && options.env.TERM !== "dumb";
    this.minFiles = options.minFiles ?? PROGRESS_MIN_FILES;
    this.intervalMs = options.intervalMs ?? REDRAW_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
    this.startedAt = this.now();
  }

  /** Call as often as you like: it redraws at most every `intervalMs`. */
  update(progress: Progress): void {
    if (!this.enabled || progress.filesTotal < this.minFiles) return;
    const now = this.now();
    if (now - this.lastDrawAt < this.intervalMs && progress.filesDone < progress.filesTotal) return;
    this.lastDrawAt = now;
    this.drawn = true;
    this.stream.write(`${CLEAR_LINE}${this.fit(progressLine(progress, now - this.startedAt))}`);
  }

  /** Clears the bar so that what follows starts on a clean line. */
  done(): void {
    if (!this.drawn) return;
    this.stream.write(CLEAR_LINE);
    this.drawn = false;
  }

  private fit(line: string): string {
    const columns = this.stream.columns;
    // Writing into the last column wraps on some terminals, and \r then no longer reaches the start.
    return columns && line.length >= columns ? line.slice(0, Math.max(0, columns - 1)) : line;
  }
}

export function progressLine(progress: Progress, elapsedMs: number): string {
  const ratio = progress.filesTotal === 0 ? 1 : Math.min(1, progress.filesDone / progress.filesTotal);
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
  const sites = `${progress.sites} ${progress.sites === 1 ? "site" : "sites"}`;
  return `memocap ${bar} ${progress.filesDone}/${progress.filesTotal} files · ${sites} · ${formatElapsed(elapsedMs)}`;
}

export function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s`;
}
