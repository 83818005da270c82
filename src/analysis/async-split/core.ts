import ts from "../../typescript.cts";
import { findDeclaration, findDeclarationFrom } from "../scope.ts";
import { hasAsyncModifier, type FunctionNode } from "./async-function.ts";
import { declaredAnywhere, isValueReference, runFacts, type Run, type RunFacts } from "./run-facts.ts";
import type { AsyncTypes } from "./type-view.ts";

/**
 * A value the core takes as a parameter: a parameter of the memoized function, a local computed
 * before the core, or the value of the one await of a returned expression (`declaration` is the await).
 */
export interface CoreInput {
  name: string;
  declaration: ts.Node;
  /** Its type as the core's parameter declares it (TypeScript files only). */
  typeText?: string;
}

/** A name the core declares and the rest of the function reads; the core returns it. */
export interface CoreOutput {
  name: string;
  declaration: ts.Node;
}

export interface Core {
  run: Run;
  inputs: CoreInput[];
  outputs: CoreOutput[];
  /** Which code it is, for the report: "the code after the last await"... */
  where: string;
}

export type CoreSearch = { found: true; core: Core } | { found: false; cause: string };

export interface CoreSearchOptions {
  types: AsyncTypes;
  /** The statement the core will be declared before: every outer name the core reads must be visible there. */
  insertionPoint: ts.Statement;
  /** The library keys a fresh memoized function on its first argument only: the core may take one input at most. */
  firstArgumentOnly: boolean;
  library: string;
  /** The core's parameters are written with types (TypeScript). */
  typed: boolean;
}

/** More than this many statements between two awaits are only tried as a whole and as suffixes/prefixes. */
const MAX_SEGMENT = 24;

/**
 * Looks for the synchronous core of an async (or promise-returning) function: a contiguous run of
 * its top-level statements, or its expression body, that can move into a memoized function of its
 * own. Preferred: the code after the last await (the work over fetched data), then the code before
 * the first await (work derived from the parameters), then code between awaits; in each, the longest
 * sound run. When none is sound, the cause given is that of the most preferred stretch of code.
 */
export function findCore(fn: FunctionNode, options: CoreSearchOptions): CoreSearch {
  const body = fn.body;
  if (!body) return { found: false, cause: "the function has no body" };
  const awaiting = hasAsyncModifier(fn);
  if (!ts.isBlock(body)) {
    if (!awaiting) return { found: false, cause: "it returns the promise directly: there is no synchronous code around the I/O" };
    if (containsOwnAwait(body)) {
      const where = "its expression after the await";
      const result = afterTheAwait(fn, body, options, where);
      return typeof result === "string" ? { found: false, cause: `${where}: ${result}` } : { found: true, core: result };
    }
    const run: Run = { nodes: [body], start: body.getStart(), end: body.end, tail: true };
    return judged(check(fn, run, options, "its whole body"));
  }
  return findCoreInStatements(fn, body, awaiting, options);
}

function findCoreInStatements(fn: FunctionNode, body: ts.Block, awaiting: boolean, options: CoreSearchOptions): CoreSearch {
  const statements = body.statements;
  const io = statements.map((statement) => (awaiting ? containsOwnAwait(statement) : isPromiseStatement(statement, options.types)));
  const segments = segmentsBetween(io);
  const crossing = statements.map((statement, i) => (io[i] ? crossesBoundary(statement) : undefined)).find(Boolean);
  const crossed = crossing ? `; an await inside ${crossing} cannot be split around` : "";
  const wrapperProblem = wrapperWrites(fn, body);

  // The cause of the longest run of each stretch, for the report: after the last await, before the first.
  const causes: string[] = [];
  const last = statements[statements.length - 1];
  if (awaiting && last && ts.isReturnStatement(last) && last.expression && containsOwnAwait(last.expression)) {
    const where = "the returned expression after its await";
    const expression = last.expression;
    const result = wrapperProblem({ nodes: [expression], start: expression.getStart(), end: expression.end, tail: true }) ?? afterTheAwait(fn, expression, options, where);
    if (typeof result !== "string") return { found: true, core: result };
    causes.push(`${where}: ${result}`);
  }
  if (segments.length === 0 && causes.length === 0) return { found: false, cause: `no synchronous statements around the awaits${crossed}` };
  for (const segment of segments) {
    let segmentCause: string | undefined;
    const tail = segment.end === statements.length;
    for (const [from, to] of subRuns(segment, tail)) {
      const nodes = statements.slice(from, to);
      const run: Run = { nodes, start: nodes[0]!.getStart(), end: nodes[nodes.length - 1]!.end, tail: tail && to === statements.length };
      const where = describeSegment(segment, statements.length, awaiting);
      const entire = from === segment.start && to === segment.end;
      const result = wrapperProblem(run) ?? check(fn, run, options, entire ? where : `part of ${where}`);
      if (typeof result !== "string") return { found: true, core: result };
      segmentCause ??= `${where}: ${result}`;
    }
    if (segmentCause && causes.length < 2) causes.push(segmentCause);
  }
  return { found: false, cause: `${causes.join("; ")}${crossed}` };
}

/**
 * State outside the function that its code changes, once per key while it was memoized: once the
 * code around a core runs unmemoized, it would change on every call. Gives the problem for a run.
 */
function wrapperWrites(fn: FunctionNode, body: ts.Block): (run: Run) => string | undefined {
  const whole: Run = { nodes: [body], start: body.getStart(), end: body.end, tail: true };
  const writes = runFacts(whole).outerWrites.filter((write) => !write.declaration || !within(write.declaration, fn));
  return (run) => {
    const write = writes.find((candidate) => candidate.at < run.start || candidate.at >= run.end);
    return write && `the code around it changes \`${write.name}\`, outside the function, which would then happen on every call`;
  };
}

/** A statement with blocks of its own: code in them runs in its control flow, which a core cannot leave. */
function crossesBoundary(statement: ts.Statement): string | undefined {
  if (ts.isTryStatement(statement)) return statement.finallyBlock ? "try/finally" : "try/catch";
  if (ts.isIterationStatement(statement, false)) return "a loop";
  if (ts.isIfStatement(statement) || ts.isSwitchStatement(statement) || ts.isBlock(statement) || ts.isLabeledStatement(statement)) return "a branch";
  return undefined;
}

/**
 * `compile(await read(path))`: the expression around its one await, with the awaited value as a
 * parameter. Nothing in it may run before the await (it would run after it in the core).
 */
function afterTheAwait(fn: FunctionNode, expression: ts.Expression, options: CoreSearchOptions, where: string): Core | string {
  const awaits: ts.AwaitExpression[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isAwaitExpression(node)) awaits.push(node);
    else if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) ts.forEachChild(node, collect);
  };
  collect(expression);
  const [awaited] = awaits;
  if (!awaited || awaits.length > 1 || containsOwnAwait(awaited.expression)) return "it awaits more than once";
  if (runsBefore(expression, awaited)) return "part of it runs before the await, and would run after it";
  const run: Run = { nodes: [expression], start: expression.getStart(), end: expression.end, tail: true, awaited };
  return check(fn, run, options, where);
}

/** A call, `new`, assignment or update in `expression` that runs before `awaited` does (left of it, not around it). */
function runsBefore(expression: ts.Expression, awaited: ts.AwaitExpression): boolean {
  const start = awaited.getStart();
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || node === awaited || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    const effect =
      ts.isCallExpression(node) ||
      ts.isNewExpression(node) ||
      ts.isTaggedTemplateExpression(node) ||
      ts.isDeleteExpression(node) ||
      ts.isPrefixUnaryExpression(node) ||
      ts.isPostfixUnaryExpression(node) ||
      (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment);
    if (effect && node.end <= start) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function judged(result: Core | string): CoreSearch {
  return typeof result === "string" ? { found: false, cause: result } : { found: true, core: result };
}

interface Segment {
  start: number;
  end: number;
  /** 0: after the last await, 1: before the first, 2: between two. */
  rank: number;
}

/** Stretches of statements without I/O, most preferred first. */
function segmentsBetween(io: boolean[]): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 0; i <= io.length; i++) {
    if (i === io.length || io[i]) {
      if (i > start) {
        const rank = i === io.length ? 0 : start === 0 ? 1 : 2;
        segments.push({ start, end: i, rank });
      }
      start = i + 1;
    }
  }
  return segments.sort((a, b) => a.rank - b.rank);
}

function describeSegment(segment: Segment, count: number, awaiting: boolean): string {
  const io = awaiting ? "await" : "promise";
  if (segment.rank === 0) return segment.start === 0 ? "its body" : `the code after the last ${io}`;
  if (segment.rank === 1) return `the code before the first ${io}`;
  return `the code between two ${io}s (statements ${segment.start + 1}-${segment.end} of ${count})`;
}

/** Contiguous runs of a segment, longest first; among equals, nearest the end for the tail, nearest the start otherwise. */
function subRuns(segment: Segment, tail: boolean): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const length = segment.end - segment.start;
  for (let size = length; size >= 1; size--) {
    const starts: number[] = [];
    for (let from = segment.start; from + size <= segment.end; from++) starts.push(from);
    if (tail) starts.reverse();
    const capped = length > MAX_SEGMENT ? starts.filter((from) => from === segment.start || from + size === segment.end) : starts;
    for (const from of capped) runs.push([from, from + size]);
  }
  return runs;
}

/** The core for this run, or why it cannot be one. */
function check(fn: FunctionNode, run: Run, options: CoreSearchOptions, where: string): Core | string {
  const facts = runFacts(run);
  if (facts.problems.length > 0) return `it ${facts.problems[0]}`;
  if (!run.tail && facts.returns > 0) return "it returns early, out of the middle of the function";
  if (!facts.computes) return "it does no work worth caching (no call)";

  const inputs = inputsOf(fn, run, facts, options);
  if (typeof inputs === "string") return inputs;
  if (options.firstArgumentOnly && inputs.length > 1) {
    return `it needs ${inputs.length} inputs (${inputs.map((input) => `\`${input.name}\``).join(", ")}), but ${options.library} keys on the first argument only`;
  }

  const outputs = outputsOf(fn, run, facts, options.types);
  if (typeof outputs === "string") return outputs;
  if (run.tail) {
    const result = resultProblem(run, options.types);
    if (result) return result;
  }
  return { run, inputs, outputs, where };
}

function inputsOf(fn: FunctionNode, run: Run, facts: RunFacts, options: CoreSearchOptions): CoreInput[] | string {
  const inputs = new Map<ts.Node, CoreInput>();
  let hoisted: Set<string> | undefined;
  for (const { identifier, declaration } of facts.reads) {
    const name = identifier.text;
    if (!declaration) {
      hoisted ??= declaredAnywhere(fn);
      if (hoisted.has(name)) return `it reads \`${name}\`, which memocap cannot place`;
      continue; // a global
    }
    if (declaration === fn) return `it calls the memoized function \`${name}\` itself`;
    if (within(declaration, fn)) {
      if (declaration.pos >= run.end) return `it reads \`${name}\` before it is declared`;
      if (!inputs.has(declaration)) inputs.set(declaration, { name, declaration });
      continue;
    }
    if (findDeclarationFrom(options.insertionPoint.parent, name) !== declaration) {
      return `it reads \`${name}\` of an enclosing function, which a module-level core cannot see`;
    }
  }
  if (run.awaited) inputs.set(run.awaited, { name: unusedName(run, awaitedName(run.awaited)), declaration: run.awaited });
  for (const input of inputs.values()) {
    const type = options.types.valueType(nameNode(input.declaration));
    const what = input.declaration === run.awaited ? "the awaited value" : `\`${input.name}\``;
    if (type.kind === "any") return `it reads ${what}, whose type is not known: it cannot be a cache key`;
    if (type.kind !== "primitive") return `it reads ${what} (${type.text}), not a primitive: it cannot be a cache key`;
    if (options.typed) {
      input.typeText = declaredType(input.declaration) ?? options.types.typeText(nameNode(input.declaration));
      if (!input.typeText) return `the type of \`${input.name}\` cannot be written out`;
    }
  }
  // In the order they are declared: the function's parameters first, as it takes them.
  return [...inputs.values()].sort((a, b) => a.declaration.pos - b.declaration.pos);
}

function outputsOf(fn: FunctionNode, run: Run, facts: RunFacts, types: AsyncTypes): CoreOutput[] | string {
  if (run.tail) return [];
  const after = fn.body && ts.isBlock(fn.body) ? fn.body.statements.filter((statement) => statement.pos >= run.end) : [];
  const used = new Set<string>();
  for (const statement of after) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && facts.declared.has(node.text) && isValueReference(node) && findDeclaration(node) === facts.declared.get(node.text)) used.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(statement);
  }
  const outputs = [...facts.declared].filter(([name]) => used.has(name)).map(([name, declaration]) => ({ name, declaration }));
  if (outputs.length === 0) return "its results are not used after it";
  for (const output of outputs) {
    if (!ts.isVariableDeclaration(output.declaration) && !ts.isBindingElement(output.declaration)) {
      return `it declares \`${output.name}\`, which the code after it uses`;
    }
    const type = types.valueType(nameNode(output.declaration));
    if (type.kind === "thenable") return `it starts I/O: \`${output.name}\` is a promise`;
    if (type.kind === "any") return `it gives \`${output.name}\`, whose type is not known: it could be a promise`;
  }
  if (after.length > 0) {
    const rest: Run = { nodes: after, start: after[0]!.getStart(), end: after[after.length - 1]!.end, tail: true };
    const changed = runFacts(rest).outerWrites.find((write) => write.property && outputs.some((output) => output.declaration === write.declaration));
    if (changed) return `\`${changed.name}\` is changed after it, but a cached result is shared by every call`;
  }
  return outputs;
}

/** A tail core's result is the function's result: it must be a value, not a promise. */
function resultProblem(run: Run, types: AsyncTypes): string | undefined {
  const results: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) results.push(node.expression);
    ts.forEachChild(node, visit);
  };
  for (const node of run.nodes) {
    if (ts.isExpression(node)) results.push(node);
    else visit(node);
  }
  for (const result of results) {
    const type = types.valueType(result);
    if (type.kind === "thenable") return "its result is a promise: that is the I/O, not a synchronous core";
    if (type.kind === "any") return "its result's type is not known: it could be a promise";
  }
  return undefined;
}

/** `await readText(p)` → `text`, `await fetchUser(id)` → `user`; else `awaited`. */
function awaitedName(awaited: ts.AwaitExpression): string {
  const operand = awaited.expression;
  const callee = ts.isCallExpression(operand) ? operand.expression : undefined;
  const name = callee && (ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined);
  const noun = name && /^(?:read|fetch|load|get|download|query|request)([A-Z][A-Za-z0-9]*)$/.exec(name)?.[1];
  return noun ? noun[0]!.toLowerCase() + noun.slice(1) : "awaited";
}

/** `base`, or `base2`... : a name no identifier of the run uses, for a parameter of the core. */
function unusedName(run: Run, base: string): string {
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  run.nodes.forEach(visit);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  return name;
}

/** The annotation of a parameter (not optional: its type inside the function is wider) or variable. */
function declaredType(declaration: ts.Node): string | undefined {
  if (ts.isParameter(declaration) && declaration.type && !declaration.questionToken) return declaration.type.getText();
  if (ts.isVariableDeclaration(declaration) && declaration.type) return declaration.type.getText();
  return undefined;
}

/** The identifier a parameter, variable or binding element declares. */
function nameNode(declaration: ts.Node): ts.Node {
  const name = (declaration as ts.Node & { name?: ts.Node }).name;
  return name ?? declaration;
}

function within(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** An `await` (or `for await`) of the function itself, not of a function nested in it. */
function containsOwnAwait(node: ts.Node): boolean {
  if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) return true;
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  return ts.forEachChild(node, containsOwnAwait) ?? false;
}

/** In a promise-returning function that is not async: a return, or a statement that makes a promise. */
function isPromiseStatement(statement: ts.Statement, types: AsyncTypes): boolean {
  if (ts.isReturnStatement(statement)) return true;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && types.valueType(node).kind === "thenable") found = true;
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}
