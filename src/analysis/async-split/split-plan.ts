import ts from "../../typescript.cts";
import { indentationAt } from "../../rewrite/source-layout.ts";
import type { RewritePlan } from "../site.ts";
import type { FunctionNode } from "./async-function.ts";
import type { Core, CoreOutput } from "./core.ts";
import { needsParentheses, type Placement } from "./placement.ts";
import { baseIndentation, reindented } from "./reindent.ts";

export interface CoreText {
  sourceFile: ts.SourceFile;
  /** The function the core comes from, and the node whose line its text is indented from (the call, the class member). */
  fn: FunctionNode;
  holder: ts.Node;
  core: Core;
  coreName: string;
  /** `callee(core, options)`: the site's library, unbounded as written. */
  memoizer: { callee: string; options?: string };
  placement: Placement;
  /** The site's `memocap-max` comment, carried over to the core so that its bound stays. */
  directiveMax: number | undefined;
}

/**
 * The text of a split at a memoizer call: the core's declaration, to go before the statement that
 * holds the call, and the function that takes the call's place: the memoized function itself, no
 * longer memoized, with its core replaced by a call of the core. All code is the source's own,
 * re-indented where it moves to another depth.
 */
export function splitPlan(split: CoreText & { call: ts.CallExpression }): RewritePlan {
  const { sourceFile, call, fn, core, placement } = split;
  const from = baseIndentation(sourceFile, fn, call);
  const to = indentationAt(sourceFile.text, call.getStart(sourceFile));
  const start = fn.getStart(sourceFile);
  const replacement = coreCallText(split);
  const wrapper = reindented(sourceFile, start, core.run.start, from, to) + replacement + reindented(sourceFile, core.run.end, fn.end, from, to);
  const parenthesize = needsParentheses(call, ts.isArrowFunction(fn) ? "arrow" : "function");
  return { kind: "split-async", insertAt: placement.insertAt, declaration: coreDeclaration(split), wrapper: parenthesize ? `(${wrapper})` : wrapper };
}

/** `const <coreName> = <memoizer>(<core function>);` and what follows it up to the statement it goes before. */
export function coreDeclaration(split: CoreText): string {
  const { coreName, memoizer, placement } = split;
  const semi = placement.semicolon ? ";" : "";
  const directive = split.directiveMax === undefined ? "" : `// memocap-max: ${split.directiveMax}${placement.eol}${placement.indent}`;
  const options = memoizer.options ? `, ${memoizer.options}` : "";
  return `${directive}const ${coreName} = ${memoizer.callee}(${coreFunction(split)}${options})${semi}${placement.after}`;
}

/** What the core's code becomes in the function: `return core(a)`, `const { x, y } = core(a)`, or `core(a)` for an expression. */
export function coreCallText({ core, coreName, placement }: CoreText): string {
  const semi = placement.semicolon ? ";" : "";
  const awaited = core.run.awaited;
  const args = core.inputs.map((input) => (input.declaration === awaited ? awaited.getText() : input.name));
  const coreCall = `${coreName}(${args.join(", ")})`;
  if (isExpressionRun(core)) return coreCall;
  if (core.run.tail) return `return ${coreCall}${semi}`;
  return `${declarationKeyword(core.outputs)} ${outputsText(core.outputs)} = ${coreCall}${semi}`;
}

function coreFunction({ sourceFile, holder, fn, core, placement }: CoreText): string {
  const parameters = core.inputs.map((input) => (placement.typed && input.typeText ? `${input.name}: ${input.typeText}` : input.name)).join(", ");
  const value = singleValue(core);
  if (value) {
    const from = indentationAt(sourceFile.text, core.run.start);
    const awaited = core.run.awaited;
    const input = awaited && core.inputs.find((candidate) => candidate.declaration === awaited);
    const text =
      awaited && input
        ? reindented(sourceFile, value.getStart(sourceFile), awaited.getStart(sourceFile), from, placement.indent) + input.name + reindented(sourceFile, awaited.end, value.end, from, placement.indent)
        : reindented(sourceFile, value.getStart(sourceFile), value.end, from, placement.indent);
    return `(${parameters}) => ${ts.isObjectLiteralExpression(value) ? `(${text})` : text}`;
  }
  const from = indentationAt(sourceFile.text, core.run.start);
  const fnIndent = baseIndentation(sourceFile, fn, holder);
  const unit = from.startsWith(fnIndent) && from.length > fnIndent.length ? from.slice(fnIndent.length) : "  ";
  const inner = placement.indent + unit;
  const body = reindented(sourceFile, core.run.start, core.run.end, from, inner);
  const result = core.outputs.length === 0 ? "" : `${placement.eol}${inner}return ${outputsText(core.outputs)}${placement.semicolon ? ";" : ""}`;
  return `(${parameters}) => {${placement.eol}${inner}${body}${result}${placement.eol}${placement.indent}}`;
}

/**
 * The one expression the core computes, when it is nothing more: an arrow's expression body, a lone
 * `return <expression>`, or a lone `const x = <expression>` whose `x` is the one output.
 */
function singleValue(core: Core): ts.Expression | undefined {
  if (core.run.nodes.length !== 1) return undefined;
  const node = core.run.nodes[0]!;
  if (ts.isExpression(node)) return node;
  if (ts.isReturnStatement(node) && core.run.tail) return node.expression;
  if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1 && core.outputs.length === 1) {
    const [declaration] = node.declarationList.declarations;
    if (declaration && ts.isIdentifier(declaration.name) && declaration.name.text === core.outputs[0]!.name && !declaration.type) return declaration.initializer;
  }
  return undefined;
}

function isExpressionRun(core: Core): boolean {
  const [first] = core.run.nodes;
  return core.run.nodes.length === 1 && first !== undefined && ts.isExpression(first);
}

function outputsText(outputs: CoreOutput[]): string {
  return outputs.length === 1 ? outputs[0]!.name : `{ ${outputs.map((output) => output.name).join(", ")} }`;
}

/** `const` when every output was a const, else what they were declared with (`var` wins, then `let`). */
function declarationKeyword(outputs: CoreOutput[]): string {
  const flags = outputs.map((output) => {
    let node: ts.Node = output.declaration;
    while (!ts.isVariableDeclarationList(node) && node.parent) node = node.parent;
    return node.flags;
  });
  if (flags.every((flag) => flag & ts.NodeFlags.Const)) return "const";
  return flags.some((flag) => !(flag & (ts.NodeFlags.Const | ts.NodeFlags.Let))) ? "var" : "let";
}
