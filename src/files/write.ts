import { readFile } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";
import { describeFsError, hasErrorCode } from "./fs-error.ts";
import type { FileProblem } from "./problem.ts";

/**
 * Replaces `file` with `content` through a temp file and a rename (keeping its mode and owner),
 * unless it no longer holds `expectedOriginal`. Failures come back as a problem, never thrown.
 */
export async function writeFileAtomically(
  file: string,
  content: string,
  expectedOriginal: Buffer,
): Promise<FileProblem | undefined> {
  let current: Buffer;
  try {
    current = await readFile(file);
  } catch (error) {
    return { file, reason: hasErrorCode(error, "ENOENT") ? "deleted since it was read" : describeFsError(error) };
  }
  if (!current.equals(expectedOriginal)) return { file, reason: "changed since it was read" };

  try {
    await writeFileAtomic(file, content);
  } catch (error) {
    return { file, reason: describeFsError(error) };
  }
  return undefined;
}
