import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { describeFsError } from "../files/fs-error.ts";

/**
 * Why `--output FILE` cannot be written, checked before the run so that a long scan does not end
 * in a lost report; undefined when it looks writable.
 */
export async function outputFileProblem(file: string, cwd: string): Promise<string | undefined> {
  const path = resolve(cwd, file);
  try {
    if ((await stat(path)).isDirectory()) return `${file} is a folder`;
  } catch {
    // does not exist yet: its folder must
  }
  try {
    await access(dirname(path), constants.W_OK);
  } catch (error) {
    return `cannot write ${file}: ${describeFsError(error)}`;
  }
  return undefined;
}

/** Writes the report whole or not at all (temp file and rename). */
export async function writeOutputFile(file: string, cwd: string, text: string): Promise<void> {
  // Loaded here: most runs write no report file.
  const { default: writeFileAtomic } = await import("write-file-atomic");
  await writeFileAtomic(resolve(cwd, file), text);
}
