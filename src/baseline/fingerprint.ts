import { createHash } from "node:crypto";
import ts from "../typescript.cts";
import type { Site } from "../analysis/site.ts";

/**
 * A site's fingerprint: stable across edits elsewhere in the file (no line numbers, no offsets) and
 * across formatting of the site itself, so that a baseline entry keeps matching its site when code
 * above it moves, when the site moves within its file, or when a formatter runs. It changes when the
 * file is renamed, when the memoized name, the library or the reason code changes, or when the call's
 * code changes (its arguments, its options, the memoized function written inline).
 *
 * Hashed: the path relative to the baseline's folder, the library, the reason code, the memoized name,
 * the call's tokens (see `normalizedCode`), and the site's index among the file's sites that agree on
 * all of these (two identical calls in one file are told apart by their order).
 */
export function siteFingerprints(relativeFile: string, text: string, sites: readonly Site[]): string[] {
  const seen = new Map<string, number>();
  const fingerprints = new Array<string>(sites.length);
  const inFileOrder = sites.map((site, index) => ({ site, index })).sort((a, b) => a.site.start - b.site.start || a.index - b.index);
  for (const { site, index } of inFileOrder) {
    const identity = [relativeFile, site.library, site.code, site.name ?? "", normalizedCode(text.slice(site.start, site.end))].join("\0");
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    fingerprints[index] = createHash("sha256").update(`${identity}\0${occurrence}`).digest("hex").slice(0, 20);
  }
  return fingerprints;
}

/**
 * The code's tokens joined by one space: whitespace, comments, semicolons and trailing commas left
 * out, and string literals written with double quotes, so that what a formatter changes (indentation,
 * line breaks, quotes, `semi`, `trailingComma`) does not change the result.
 */
export function normalizedCode(code: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const tokens: string[] = [];
  // Open braces inside each `${` of the templates being scanned: a `}` at depth 0 resumes the template.
  const templateBraces: number[] = [];
  let previous: ts.SyntaxKind | undefined;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !endsExpression(previous)) {
      kind = scanner.reScanSlashToken();
    }
    if (templateBraces.length > 0) {
      const depth = templateBraces.length - 1;
      if (kind === ts.SyntaxKind.OpenBraceToken) templateBraces[depth]!++;
      else if (kind === ts.SyntaxKind.CloseBraceToken) {
        if (templateBraces[depth] === 0) {
          kind = scanner.reScanTemplateToken(false);
          if (kind === ts.SyntaxKind.TemplateTail) templateBraces.pop();
        } else templateBraces[depth]!--;
      }
    }
    if (kind === ts.SyntaxKind.TemplateHead) templateBraces.push(0);
    previous = kind;
    if (kind === ts.SyntaxKind.SemicolonToken) continue;
    tokens.push(kind === ts.SyntaxKind.StringLiteral ? JSON.stringify(scanner.getTokenValue()) : scanner.getTokenText());
  }
  return tokens.filter((token, index) => !(token === "," && CLOSERS.has(tokens[index + 1] ?? ")"))).join(" ");
}

const CLOSERS = new Set([")", "]", "}"]);

/** After these a `/` divides; after anything else it starts a regular expression. */
const EXPRESSION_ENDS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.PrivateIdentifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.PlusPlusToken,
  ts.SyntaxKind.MinusMinusToken,
]);

function endsExpression(kind: ts.SyntaxKind | undefined): boolean {
  return kind !== undefined && EXPRESSION_ENDS.has(kind);
}
