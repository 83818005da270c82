export const SOURCE_EXTENSIONS = [".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts"] as const;

const DECLARATION_SUFFIXES = [".d.ts", ".d.mts", ".d.cts"] as const;

export function isDeclarationFile(path: string): boolean {
  return DECLARATION_SUFFIXES.some((suffix) => path.endsWith(suffix));
}

/** A JS/TS file memocap can rewrite: a source extension, and not a declaration file. */
export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension)) && !isDeclarationFile(path);
}

/** Bundler output checked in next to the sources (`*.min.js`, and its .mjs/.cjs variants). */
export function isMinifiedFile(path: string): boolean {
  return /\.min\.[cm]?js$/.test(path);
}
