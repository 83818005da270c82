import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
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

/** A source file's bytes and their text, checked (a regular UTF-8 text file within the size limit); no layout facts yet. */
export interface DecodedFile {
  /** The decoded contents, without the BOM. */
  text: string;
  bytes: Buffer;
  mode: number;
}

export type ReadDecodedResult = { ok: true; decoded: DecodedFile } | { ok: false; problem: FileProblem };

export async function readSourceFile(file: string, options: { maxBytes?: number } = {}): Promise<ReadSourceResult> {
  const read = readDecodedFile(file, options);
  return read.ok ? { ok: true, source: sourceTextOf(read.decoded) } : read;
}

/**
 * Reads and checks a source file, leaving out what only a file to be rewritten needs (its line
 * endings): a scan decides on the text alone whether the file is worth more. Synchronous, as the
 * floor reads: files are small, and a scan reads thousands one after the other (awaiting open,
 * stat, read and close for each took 1.2 s over the perf tree's 7,003 files, against 0.09 s).
 */
export function readDecodedFile(file: string, options: { maxBytes?: number } = {}): ReadDecodedResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const fail = (reason: string): ReadDecodedResult => ({ ok: false, problem: { file, reason } });
  const tooLarge = `larger than ${formatSize(maxBytes)} (--max-file-size)`;

  let bytes: Buffer;
  let mode: number;
  try {
    // O_NONBLOCK so that a FIFO fails the regular-file check below instead of blocking the run.
    const descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = fstatSync(descriptor);
      if (stats.isDirectory()) return fail("is a directory");
      if (!stats.isFile()) return fail("not a regular file");
      if (stats.size > maxBytes) return fail(tooLarge);
      mode = stats.mode & 0o7777;
      bytes = readFileSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return fail(describeFsError(error));
  }

  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) return fail(tooLarge);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return fail("binary file");
  if (!isUtf8(bytes)) return fail("not UTF-8 text");
  const text = bytes.toString("utf8", hasBom(bytes) ? UTF8_BOM.length : 0);
  return { ok: true, decoded: { text, bytes, mode } };
}

/** The layout facts of a decoded file, for rewriting it. */
export function sourceTextOf({ text, bytes, mode }: DecodedFile): SourceText {
  return { text, bom: hasBom(bytes), eol: detectLineEnding(text), mode, originalBytes: bytes };
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= UTF8_BOM.length && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
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
