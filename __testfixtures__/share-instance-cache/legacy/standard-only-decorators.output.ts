import { memoizeDecorator } from "memoize";

export const computed = { count: 0 };

export class Parser {
  // With experimentalDecorators, memoize's decorator is silently a no-op: nothing is cached.
  // @ts-expect-error -- memoizeDecorator is written for standard decorators
  @memoizeDecorator()
  parse(text: string): string[] {
    computed.count++;
    return text.split(",");
  }
}
