import pc from "picocolors";
import { shouldUseColor } from "../report/color.ts";
import { findCode, formatCodeList, formatExplanation } from "../report/explain.ts";
import { EXIT, UsageError } from "./exit.ts";

/** `memocap explain [code]`: what a reason code means (no code: the list of them all). */
export function runExplain(code: string | undefined): number {
  const colors = pc.createColors(shouldUseColor(process.stdout, process.env));
  if (code === undefined) {
    process.stdout.write(`${formatCodeList(colors)}\n`);
    return EXIT.ok;
  }
  const known = findCode(code);
  if (!known) throw new UsageError(`unknown code ${code}: memocap explain lists every code`);
  process.stdout.write(`${formatExplanation(known, colors)}\n`);
  return EXIT.ok;
}
