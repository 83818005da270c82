import type { Collection, JSCodeshift, Parser } from "jscodeshift";

/**
 * Parses `source` for text edits, whose node offsets must be offsets into `source` itself.
 * recast hands its parser a copy of the text with every line break made "\n" and leading tabs
 * expanded to spaces, so in a CRLF or tab-indented file every node would sit at a shifted offset.
 * Here the parser that jscodeshift picks (whatever --parser says) is given the text itself instead;
 * with one column per tab, recast's lines and the parser's line/column positions still agree.
 */
export function parseForTextEdits(j: JSCodeshift, source: string): Collection {
  let parser: Parser | undefined;
  const options = { tabWidth: 1 };
  // jscodeshift fills in `parser` when the options lack one: the setter catches it, the getter wraps it.
  Object.defineProperty(options, "parser", {
    enumerable: true,
    get: () => parser && { parse: (_copy: string, parseOptions?: object) => (parser!.parse as (code: string, options?: object) => unknown)(source, parseOptions) },
    set: (value: Parser) => {
      parser = value;
    },
  });
  return j(source, options);
}
