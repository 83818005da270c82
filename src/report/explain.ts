import type pc from "picocolors";
import { CODES, type Code } from "../analysis/codes.ts";
import { explanationOf, type Level } from "./explanations.ts";

type Colors = ReturnType<typeof pc.createColors>;

const WRAP_COLUMNS = 88;

const LEVEL_MEANING: Record<Level, string> = {
  error: "an unbounded cache: reported as an error, fails `scan --check`",
  warning: "worth a reviewer's look: reported as a warning",
  note: "for information: reported as a note",
  none: "nothing to do: not reported in SARIF",
};

/** `mc201`, `MC201` → "MC201" when it is a known code. */
export function findCode(input: string): Code | undefined {
  const code = input.trim().toUpperCase();
  return Object.hasOwn(CODES, code) ? (code as Code) : undefined;
}

/** What `memocap explain <code>` prints. */
export function formatExplanation(code: Code, colors: Colors): string {
  const explanation = explanationOf(code);
  const lines = [`${colors.bold(code)}  ${CODES[code]}`, ""];
  if (!explanation) {
    lines.push("No longer explanation has been written for this code yet.");
    return lines.join("\n");
  }
  lines.push(`${colors.dim("level:")} ${explanation.level} (${LEVEL_MEANING[explanation.level]})`, "");
  lines.push(...wrap(explanation.details, WRAP_COLUMNS), "");
  lines.push(colors.bold("Before:"), ...indent(explanation.example.before), "");
  lines.push(colors.bold("After:"), ...indent(explanation.example.after));
  return lines.join("\n");
}

/** What `memocap explain` prints without a code: every code with its title. */
export function formatCodeList(colors: Colors): string {
  const lines = (Object.keys(CODES) as Code[]).map((code) => `${colors.bold(code)}  ${CODES[code]}`);
  lines.push("", "memocap explain <code> prints what a code means, with a before/after example.");
  return lines.join("\n");
}

function indent(text: string): string[] {
  return text.split("\n").map((line) => (line ? `    ${line}` : ""));
}

function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
