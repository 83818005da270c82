import ts from "../../typescript.cts";
import type { FileProblem } from "../../files/problem.ts";
import { CompilerSettingsLocator, type CompilerSettings } from "./compiler-settings.ts";
import { ImportSlice, leftOutFiles, typingPartsOf } from "./import-slice.ts";
import { auditFunction, auditValue, unsettledReferences, type TypeAudit } from "./type-audit.ts";
import { functionFacts, valueFacts, type FunctionTypeFacts, type TypeFacts, type ValueTypeFacts } from "./type-facts.ts";
import { TypedProject, type TypedFile } from "./typed-project.ts";

/**
 * The typed pass of one run: one TypedProject per tsconfig.json met (created when a file under it
 * first needs a type answer), and the warnings about tsconfig files that could not be used.
 */
export class TypedProjects {
  private readonly settings = new CompilerSettingsLocator();
  private readonly projects = new Map<string, TypedProject>();
  private readonly warned = new Set<string>();
  readonly warnings: FileProblem[] = [];
  /**
   * Asked before a file's program is built, with the settings it gets: false when another thread of
   * the scan builds the programs of that project, and the analysis of the file stops (TypesElsewhere).
   */
  claim: ((file: string, settings: CompilerSettings) => boolean) | undefined;

  /** Type facts for the analysis of `file` with the content `text`, whose syntax tree is `syntax`. */
  constructor(private readonly wholeProgramLimit = WHOLE_PROGRAM_LIMIT) {}

  factsFor(file: string, text: string, syntax: ts.SourceFile): TypeFacts {
    return new LazyFileTypeFacts(() => this.projectOf(file, text), file, text, syntax, this.wholeProgramLimit);
  }

  private projectOf(file: string, text: string): TypedProject {
    const settings = this.settings.settingsFor(file, text);
    if (this.claim && !this.claim(file, settings)) throw new TypesElsewhere(file);
    if (settings.warning && !this.warned.has(settings.warning.file)) {
      this.warned.add(settings.warning.file);
      this.warnings.push(settings.warning);
    }
    let project = this.projects.get(settings.key);
    if (!project) {
      project = new TypedProject(settings.options);
      this.projects.set(settings.key, project);
    }
    return project;
  }
}

/** The file's types are another thread's to find (TypedProjects.claim): its analysis goes there. */
export class TypesElsewhere extends Error {
  constructor(file: string) {
    super(`${file}: its types are found in another thread`);
  }
}

/**
 * How many partial programs a file's answers may grow through before the whole program is built.
 * Each round adds the imports that the declarations an answer rests on use.
 */
export const MAX_PARTIAL_ROUNDS = 6;

/**
 * Below this many characters of project files imported (directly or not), the whole program is
 * built at once: parsing and binding them costs less than growing partial programs (about 5 MB/s
 * against 0.1–0.3 s of rounds, measured on the perf tree).
 */
export const WHOLE_PROGRAM_LIMIT = 1_000_000;

/**
 * Answers about syntax nodes of the analysed tree, from the node at the same offsets in a typed
 * program's tree (both are parsed from the same text).
 *
 * The whole program of a file — it and all it imports, transitively — can take seconds to build
 * (effect's ShardId.ts: 199 files, 8.5 MB, 1.6 s), and an answer needs a handful of them (there:
 * 4 files, 41 KB). So when the file imports more than `wholeProgramLimit` characters of its
 * project, answers come from a partial program (TypedProject.open) that starts with the file alone
 * and grows: by the imports the top-level statement around the asked node uses, directly or
 * through the declarations it names (import-slice.ts), then by those the declarations of the
 * answer's types use (type-audit.ts), until nothing the answer rests on is left out. An answer the
 * audit cannot follow, or one still growing after a few rounds, comes from the whole program.
 * When no program can be built, or the checker fails on both, every answer is "unknown".
 */
class LazyFileTypeFacts implements TypeFacts {
  private project: TypedProject | undefined;
  /** The program answers come from now; it only grows. */
  private typed: TypedFile | null | undefined;
  /** The project files the partial program holds; undefined once it is the whole program. */
  private holds: Set<string> | undefined;
  private rounds = 0;
  /** The code the answers rest on, and the imports it uses. */
  private readonly slice = new ImportSlice();
  /** Of the current program: for each top-level statement asked about, the declarations behind the names it uses that are typed as errors. */
  private unsettledByStatement = new Map<ts.Node, ts.Node[]>();

  constructor(
    private readonly openProject: () => TypedProject,
    private readonly file: string,
    private readonly text: string,
    private readonly syntax: ts.SourceFile,
    private readonly wholeProgramLimit: number,
  ) {}

  functionOf(expression: ts.Expression): FunctionTypeFacts | undefined {
    return this.ask(expression, (node, checker, isProjectFile) => {
      const type = checker.getTypeAtLocation(node);
      return { answer: functionFacts(type, checker, node), audit: () => auditFunction(type, checker, node, isProjectFile) };
    });
  }

  valueOf(expression: ts.Expression): ValueTypeFacts | undefined {
    return this.ask(expression, (node, checker, isProjectFile) => {
      const type = checker.getTypeAtLocation(node);
      return { answer: valueFacts(type, checker), audit: () => auditValue(type, checker, isProjectFile) };
    });
  }

  private ask<T>(expression: ts.Expression, question: Question<T>): T | undefined {
    try {
      if (this.typed === undefined) {
        this.project = this.openProject();
        if (this.project.importsExceed(this.file, this.text, this.wholeProgramLimit)) {
          // The file itself, when what it imports imports it back.
          this.holds = new Set([this.file.replaceAll("\\", "/")]);
          this.typed = this.partialProgram() ?? null;
        } else this.wholeProgram();
      }
      for (;;) {
        if (!this.typed) return undefined;
        const node = nodeAt(this.typed.sourceFile, expression.getStart(this.syntax), expression.end, expression.kind);
        if (!node) return undefined;
        const { program, checker, partial } = this.typed;
        if (!partial) return question(node, checker, () => false).answer;
        const isProjectFile = (file: ts.SourceFile) => !program.isSourceFileDefaultLibrary(file) && !program.isSourceFileFromExternalLibrary(file);
        // The code around the node first: what it names from elsewhere decides how the node is typed.
        const container = outermostStatementOf(node);
        this.slice.add([container]);
        let needed = leftOutFiles(this.slice.importsWith(checker), partial, this.holds!);
        if (needed.length === 0) {
          const { answer, audit } = question(node, checker, isProjectFile);
          const audited = audit();
          const declarations = [...audited.declarations, ...this.unsettled(container, checker)];
          this.slice.add(declarations.flatMap((declaration) => typingPartsOf(declarationStatementOf(declaration))));
          needed = leftOutFiles(this.slice.importsWith(checker), partial, this.holds!);
          if (needed.length === 0) {
            if (!audited.open) return answer;
            this.wholeProgram();
            continue;
          }
        }
        this.grow(needed);
      }
    } catch (error) {
      if (error instanceof TypesElsewhere) throw error;
      // A checker crash on odd code must not cost the syntactic verdict: the whole program is
      // asked instead, and when it fails too the facts stay unknown.
      if (this.holds && this.project && this.openWholeProgram()) return this.ask(expression, question);
      this.typed = null;
      return undefined;
    }
  }

  private openWholeProgram(): boolean {
    try {
      this.wholeProgram();
      return true;
    } catch {
      return false;
    }
  }

  /** The declarations behind names a top-level statement uses that the current program types as errors. */
  private unsettled(container: ts.Node, checker: ts.TypeChecker): ts.Node[] {
    let found = this.unsettledByStatement.get(container);
    if (!found) {
      found = unsettledReferences(container, checker);
      this.unsettledByStatement.set(container, found);
    }
    return found;
  }

  private partialProgram(): TypedFile | undefined {
    this.rounds++;
    this.unsettledByStatement = new Map();
    return this.project!.open(this.file, this.text, this.holds);
  }

  /** The next partial program, with `files` added; or the whole program after a few rounds. */
  private grow(files: string[]): void {
    if (this.rounds >= MAX_PARTIAL_ROUNDS) return this.wholeProgram();
    for (const file of files) this.holds!.add(file);
    this.typed = this.partialProgram() ?? null;
  }

  private wholeProgram(): void {
    this.holds = undefined;
    this.unsettledByStatement = new Map();
    this.typed = this.project!.open(this.file, this.text) ?? null;
  }
}

type Question<T> = (node: ts.Node, checker: ts.TypeChecker, isProjectFile: (file: ts.SourceFile) => boolean) => { answer: T; audit: () => TypeAudit };

/** The statement at the top of the file that holds `node`. */
function outermostStatementOf(node: ts.Node): ts.Node {
  while (!ts.isSourceFile(node.parent)) node = node.parent;
  return node;
}

/** The declaration to read for a declared name: the variable statement of a variable, else the declaration itself. */
function declarationStatementOf(declaration: ts.Node): ts.Node {
  if (ts.isVariableDeclaration(declaration) && ts.isVariableStatement(declaration.parent.parent)) return declaration.parent.parent;
  return declaration;
}

/** The node of `kind` that spans [start, end) in `sourceFile`. */
function nodeAt(sourceFile: ts.SourceFile, start: number, end: number, kind: ts.SyntaxKind): ts.Node | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    if (node.kind === kind && node.end === end && node.getStart(sourceFile) === start) return node;
    const child: ts.Node | undefined = ts.forEachChild(node, (candidate) => (candidate.pos <= start && end <= candidate.end ? candidate : undefined));
    if (!child) return undefined;
    node = child;
  }
}
