import { constants } from "node:fs";
import { access, readFile, stat } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";
import { describeFsError, hasErrorCode } from "./fs-error.ts";
import type { FileProblem } from "./problem.ts";

/**
 * Replaces `file` with `content` through a temp file and a rename (keeping its mode and owner),
 * unless it no longer holds `expectedOriginal` or may not be written. Failures come back as a
 * problem, never thrown.
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

  const notWritable = await writePermissionProblem(file);
  if (notWritable) return { file, reason: notWritable };

  try {
    await writeFileAtomic(file, content);
  } catch (error) {
    return { file, reason: describeFsError(error) };
  }
  return undefined;
}

/**
 * A rename replaces a file whatever its own permissions, so they are checked first: a file nobody may
 * write (no write bit, even for root) or that this user may not write is left as it is.
 */
async function writePermissionProblem(file: string): Promise<string | undefined> {
  try {
    if (((await stat(file)).mode & 0o222) === 0) return "read-only file";
    await access(file, constants.W_OK);
    return undefined;
  } catch (error) {
    return describeFsError(error);
  }
}
