import ts from "../../typescript.cts";
import { indentationAt, lineEnding, startsAsiHazard } from "../../rewrite/source-layout.ts";

/** Where a declaration that the rewritten call needs goes, and how the file writes statements. */
export interface Placement {
  /** The statement (in a statement list) that holds the memoized call; the new declaration goes before it. */
  statement: ts.Statement;
  /** Start of that statement, or of the comments on the lines right above it (they stay with it). */
  insertAt: number;
  /** Indentation of the statement's line. */
  indent: string;
  eol: "\n" | "\r\n";
  /** End new statements with `;` (the file's style, or needed before the statement that follows). */
  semicolon: boolean;
  /** `insertAt` follows this text: line ending, blank line, indentation. */
  after: string;
  /** TypeScript, where new parameters are written with their types. */
  typed: boolean;
}

export function placementOf(sourceFile: ts.SourceFile, node: ts.Node): Placement | undefined {
  const statement = enclosingStatement(node);
  if (!statement) return undefined;
  const text = sourceFile.text;
  const insertAt = startWithAttachedComments(sourceFile, statement);
  const indent = indentationAt(text, insertAt);
  const eol = lineEnding(text);
  const semicolon = usesSemicolons(sourceFile, statement) || startsAsiHazard(text, statement.getStart(sourceFile));
  return { statement, insertAt, indent, eol, semicolon, after: `${eol}${eol}${indent}`, typed: /\.[cm]?tsx?$/i.test(sourceFile.fileName) };
}

/** The nearest ancestor that stands in a statement list. */
function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  for (let current = node; current.parent; current = current.parent) {
    const parent = current.parent;
    const inList = ts.isSourceFile(parent) || ts.isBlock(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent);
    if (inList && ts.isStatement(current)) return current;
  }
  return undefined;
}

/** A comment on its own line right above a statement (no blank line between) belongs to it. */
function startWithAttachedComments(sourceFile: ts.SourceFile, statement: ts.Statement): number {
  const text = sourceFile.text;
  let start = statement.getStart(sourceFile);
  const comments = ts.getLeadingCommentRanges(text, statement.pos) ?? [];
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    const lineBreaks = text.slice(comment.end, start).split("\n").length - 1;
    const lineStart = text.lastIndexOf("\n", comment.pos - 1) + 1;
    if (lineBreaks > 1 || text.slice(lineStart, comment.pos).trim() !== "") break;
    start = comment.pos;
  }
  return start;
}

function usesSemicolons(sourceFile: ts.SourceFile, statement: ts.Statement): boolean {
  const endsWithSemicolon = (node: ts.Node) => sourceFile.text[node.end - 1] === ";";
  const simple = (node: ts.Node) => ts.isVariableStatement(node) || ts.isExpressionStatement(node) || ts.isImportDeclaration(node) || ts.isReturnStatement(node);
  if (simple(statement)) return endsWithSemicolon(statement);
  const sample = sourceFile.statements.find(simple);
  return sample ? endsWithSemicolon(sample) : true;
}

/**
 * An arrow or function expression standing where the call stood needs parentheses unless the call
 * is in a position that takes any expression whole: an initializer, an argument, a return value...
 */
export function needsParentheses(call: ts.CallExpression, replacement: "arrow" | "function"): boolean {
  const parent = call.parent;
  if (ts.isExpressionStatement(parent)) return replacement === "function";
  const takesWhole =
    (ts.isVariableDeclaration(parent) && parent.initializer === call) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === call) ||
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== call) ||
    ts.isReturnStatement(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isParenthesizedExpression(parent) ||
    ts.isJsxExpression(parent) ||
    ts.isTemplateSpan(parent) ||
    (ts.isArrowFunction(parent) && parent.body === call) ||
    (ts.isConditionalExpression(parent) && parent.condition !== call) ||
    (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === call);
  return !takesWhole;
}

const namesInFile = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * A name no identifier of the file uses yet (nor a name given out earlier for the same file):
 * `<base><suffix>`, then `<base><suffix>2`...
 */
export function freshName(sourceFile: ts.SourceFile, base: string, suffix: string): string {
  let taken = namesInFile.get(sourceFile);
  if (!taken) {
    taken = new Set();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) taken!.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    namesInFile.set(sourceFile, taken);
  }
  const stem = `${identifierStem(base)}${suffix}`;
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}${n}`;
  taken.add(name);
  return name;
}

/** `module.exports.load` → `load`, `"user-name"` → `userName`; `memoized` when nothing usable is left. */
function identifierStem(name: string): string {
  const last = name.split(".").pop() ?? "";
  const words = last.replace(/^["'`]|["'`]$/g, "").split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const stem = words.map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
  return /^[A-Za-z_$]/.test(stem) ? stem : "memoized";
}
