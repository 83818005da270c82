import { pMemoizeDecorator } from "p-memoize";

export const computed = { count: 0 };

export class Repository {
  constructor(readonly table: string) {}

  @pMemoizeDecorator()
  async findById(id: number): Promise<string> {
    computed.count++;
    if (id < 0) throw new Error(`${this.table}: bad id ${id}`);
    return `${this.table}#${id}`;
  }

  @pMemoizeDecorator({ cacheKey: ([first, second]) => `${first}:${second}` })
  async countBetween(from: number, to: number): Promise<number> {
    computed.count++;
    return to - from;
  }
}
