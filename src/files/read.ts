import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { describeFsError } from "./fs-error.ts";
import type { FileProblem } from "./problem.ts";

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

const BINARY_SNIFF_BYTES = 8 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface SourceText {
  /** The decoded contents, without the BOM. */
  text: string;
  bom: boolean;
  /** "\r\n" when every line break is CRLF; "\n" otherwise (mixed files are left as they are). */
  eol: "\n" | "\r\n";
  /** Permission bits of the file. */
  mode: number;
  /** The bytes as read, to detect a change before writing back. */
  originalBytes: Buffer;
}

export type ReadSourceResult = { ok: true; source: SourceText } | { ok: false; problem: FileProblem };

export async function readSourceFile(file: string, options: { maxBytes?: number } = {}): Promise<ReadSourceResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const fail = (reason: string): ReadSourceResult => ({ ok: false, problem: { file, reason } });
  const tooLarge = `larger than ${formatSize(maxBytes)} (--max-file-size)`;

  let bytes: Buffer;
  let mode: number;
  try {
    // O_NONBLOCK so that a FIFO fails the regular-file check below instead of blocking the run.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) return fail("is a directory");
      if (!stats.isFile()) return fail("not a regular file");
      if (stats.size > maxBytes) return fail(tooLarge);
      mode = stats.mode & 0o7777;
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fail(describeFsError(error));
  }

  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) return fail(tooLarge);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return fail("binary file");
  let text: string;
  try {
    // Drops a leading BOM (ignoreBOM defaults to false); `bom` below records it for writing back.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("not UTF-8 text");
  }
  const bom = bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM);
  return { ok: true, source: { text, bom, eol: detectLineEnding(text), mode, originalBytes: bytes } };
}

/**
 * Turns rewritten text back into file contents: the BOM re-added, and in a CRLF file every line break
 * CRLF, inserted lines included. A file with mixed line endings keeps them: converting would touch
 * lines memocap did not change.
 */
export function restoreSourceText(text: string, source: Pick<SourceText, "bom" | "eol">): string {
  const withLineEndings = source.eol === "\r\n" ? text.replace(/\r?\n/g, "\r\n") : text;
  return source.bom && !withLineEndings.startsWith("\uFEFF") ? `\uFEFF${withLineEndings}` : withLineEndings;
}

function detectLineEnding(text: string): "\n" | "\r\n" {
  let lineFeeds = 0;
  let carriageReturnLineFeeds = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    lineFeeds++;
    if (text.charCodeAt(index - 1) === 13) carriageReturnLineFeeds++;
  }
  return lineFeeds > 0 && carriageReturnLineFeeds === lineFeeds ? "\r\n" : "\n";
}

function formatSize(bytes: number): string {
  const mebibyte = 1024 * 1024;
  if (bytes >= mebibyte) return `${Number((bytes / mebibyte).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
