import { join } from "node:path";
import { describe } from "vitest";
import { FIXTURES, fn, number, sideBySide, text, type Probe } from "./probe.ts";




const PROBES: Record<string, Probe> = {
  "lodash default import": { fixture: "lodash-default-import.input.ts", pick: (m) => fn(m.priceFor), args: text },
  "lodash/memoize.js, function declaration": { fixture: "lodash-deep-import-js.input.ts", pick: (m) => fn(m.slug), args: text },
  "_.memoize as an argument": { fixture: "lodash-default-member-argument.input.ts", pick: (m) => fn(m.normalise), args: text },
  "namespace import, object property": { fixture: "lodash-namespace-property.input.ts", pick: (m) => fn((m.formatters as Record<string, unknown>).currency), args: number },
  "lodash-es alias, class field": {
    fixture: "lodash-es-alias-class-field.input.ts",
    pick: (m) => fn(new (m.Geo as new () => { distanceTo: unknown })().distanceTo),
    args: text,
  },
  "lodash, assigned to a typed class field": {
    fixture: "lodash-typed-field-assignment.input.ts",
    pick: (m) => {
      const service = new (m.PriceService as new (table: { price(sku: string): number }) => { priceOf(sku: string): number })({ price: (sku) => sku.length });
      return (sku) => service.priceOf(sku as string);
    },
    args: text,
  },
  "lodash.memoize required": { fixture: "lodash-require.input.cjs", pick: (m) => fn(m.square), args: number },
  "require('lodash').memoize": { fixture: "lodash-require.input.cjs", pick: (m) => fn(m.cube), args: number },
  "_.memoize on module.exports": { fixture: "lodash-require.input.cjs", pick: (m) => fn(m.half), args: number },
  "lodash-es in a .js file": { fixture: "lodash-es-in-js.input.js", pick: (m) => fn(m.parse), args: (i) => [`${i},${i + 1}`] },
  "memocap-max comment": { fixture: "directives-and-existing-import.input.ts", pick: (m) => fn(m.tax), args: text, max: 50 },
  "memoizee without options": { fixture: "memoizee-esm.input.ts", pick: (m) => fn(m.plain), args: number },
  "memoizee with options": { fixture: "memoizee-esm.input.ts", pick: (m) => fn(m.primitive), args: number },
  "memoizee in a .js file, function declaration": { fixture: "memoizee-in-js.input.js", pick: (m) => fn(m.resolve), args: (i) => [`/srv/${i}/a`] },
  "memoizee required, length option": { fixture: "memoizee-cjs.input.cjs", pick: (m) => fn(m.lookup), args: text },
};

describe("bound-memoize behaviour: input and output side by side", () => sideBySide(PROBES, join(FIXTURES, "bound-memoize")));
