const REASONS_BY_CODE: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  ELOOP: "symlink loop",
  ENAMETOOLONG: "file name too long",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EBUSY: "file is busy",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EIO: "input/output error",
};

/** One-line reason for a failed file-system call, for a FileProblem. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && code in REASONS_BY_CODE) return REASONS_BY_CODE[code]!;
  if (code !== undefined) return `file system error ${code}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0] ?? "unknown error";
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
