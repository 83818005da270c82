/**
 * Follows the NO_COLOR / FORCE_COLOR conventions: FORCE_COLOR (other than "0" or "false") forces colour on,
 * otherwise colour needs a TTY that is not TERM=dumb and NO_COLOR unset or empty.
 */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== "dumb";
}
