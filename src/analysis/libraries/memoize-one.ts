import { codeMessage } from "../codes.ts";
import { withoutDefault, type LibraryAdapter } from "./adapter.ts";

const MEMOIZE_ONE = "memoize-one";

/**
 * memoize-one (ESM default, CommonJS function): `memoizeOne(fn, isEqual?)` keeps the last arguments and
 * result only, so it is bounded as it stands; it is listed so that a scan shows it as such.
 */
export const memoizeOne: LibraryAdapter = {
  id: MEMOIZE_ONE,
  prefilter: /memoize-one/,
  isLibraryModule: (module) => module === MEMOIZE_ONE,
  isMemoizer: (ref) => ref.module === MEMOIZE_ONE && withoutDefault(ref.path).length === 0,
  analyse: ({ fn }) => ({
    bounded: true,
    max: 1,
    code: "MC112",
    detail: "memoize-one keeps the last call",
    verdict: "none",
    findings: fn?.async ? [{ code: "MC201", message: codeMessage("MC201", "until the arguments change") }] : [],
  }),
};
