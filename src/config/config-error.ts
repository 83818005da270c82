/** A configuration file memocap cannot use: the run stops (exit 2) with `file: reason`. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
