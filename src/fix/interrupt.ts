import { constants } from "node:os";

export type StopSignal = "SIGINT" | "SIGTERM";

export interface SignalStop {
  /** Aborted by the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** The signal that stopped the run, if one did. */
  received(): StopSignal | undefined;
  /** Puts the default handling back. */
  dispose(): void;
}

/**
 * Turns SIGINT and SIGTERM into a stop between two files: `fix` checks `signal` before each file, so
 * every file ends either as it was or fully rewritten, and no temp file is left. The stop comes within
 * one file's work, so a second signal does not cut it shorter: quitting in the middle of a write
 * could leave a temp file behind (only SIGKILL can do that now).
 */
export function stopOnSignals(onSignal: (signal: StopSignal, first: boolean) => void): SignalStop {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const handle = (signal: StopSignal) => {
    const first = received === undefined;
    received ??= signal;
    controller.abort();
    onSignal(signal, first);
  };
  const onInterrupt = () => handle("SIGINT");
  const onTerminate = () => handle("SIGTERM");
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onTerminate);
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      process.off("SIGINT", onInterrupt);
      process.off("SIGTERM", onTerminate);
    },
  };
}

/** The shell's convention for a process ended by a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function exitCodeFor(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}
