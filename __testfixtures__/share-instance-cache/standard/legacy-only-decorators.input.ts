import { Memoize } from "typescript-memoize";

export const computed = { count: 0 };

export class Scorer {
  constructor(readonly weight: number) {}

  // Under standard decorators typescript-memoize throws when the class is defined.
  // @ts-expect-error -- typescript-memoize is written for experimentalDecorators
  @Memoize()
  score(points: number): number {
    computed.count++;
    return points * this.weight;
  }
}
