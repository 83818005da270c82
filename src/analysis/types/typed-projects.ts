import { ts } from "ts-morph";
import type { FileProblem } from "../../files/problem.ts";
import { CompilerSettingsLocator, type CompilerSettings } from "./compiler-settings.ts";
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
  factsFor(file: string, text: string, syntax: ts.SourceFile): TypeFacts {
    return new LazyFileTypeFacts(() => this.open(file, text), syntax);
  }

  private open(file: string, text: string): TypedFile | undefined {
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
    return project.open(file, text);
  }
}

/** The file's types are another thread's to find (TypedProjects.claim): its analysis goes there. */
export class TypesElsewhere extends Error {
  constructor(file: string) {
    super(`${file}: its types are found in another thread`);
  }
}

/**
 * Answers about syntax nodes of the analysed tree, from the node at the same offsets in the typed
 * program's tree (both are parsed from the same text). The program is built on the first question;
 * when it cannot be built, or the checker fails, every answer is "unknown".
 */
class LazyFileTypeFacts implements TypeFacts {
  private typed: TypedFile | null | undefined;

  constructor(
    private readonly openFile: () => TypedFile | undefined,
    private readonly syntax: ts.SourceFile,
  ) {}

  functionOf(expression: ts.Expression): FunctionTypeFacts | undefined {
    return this.ask(expression, (node, checker) => functionFacts(checker.getTypeAtLocation(node), checker, node));
  }

  valueOf(expression: ts.Expression): ValueTypeFacts | undefined {
    return this.ask(expression, (node, checker) => valueFacts(checker.getTypeAtLocation(node), checker));
  }

  private ask<T>(expression: ts.Expression, answer: (node: ts.Node, checker: ts.TypeChecker) => T): T | undefined {
    try {
      if (this.typed === undefined) this.typed = this.openFile() ?? null;
      if (!this.typed) return undefined;
      const node = nodeAt(this.typed.sourceFile, expression.getStart(this.syntax), expression.end, expression.kind);
      return node && answer(node, this.typed.checker);
    } catch (error) {
      if (error instanceof TypesElsewhere) throw error;
      // A checker crash on odd code must not cost the syntactic verdict: the facts stay unknown.
      this.typed ??= null;
      return undefined;
    }
  }
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
