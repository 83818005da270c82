import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const repositoryFindByIdCaches = new WeakMap<object, LRUCache<Parameters<Repository["findByIdUncached"]>[0], { value: ReturnType<Repository["findByIdUncached"]> }>>();
const repositoryCountBetweenCache = new LRUCache<{}, { value: ReturnType<Repository["countBetweenUncached"]> }>({ max: 500 });

export class Repository {
  constructor(readonly table: string) {}

  findById(id: number): Promise<string> {
    let cache = repositoryFindByIdCaches.get(this);
    if (!cache) repositoryFindByIdCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const hit = cache.get(id);
    if (hit) return hit.value;
    const value = this.findByIdUncached(id);
    cache.set(id, { value });
    void Promise.resolve(value).catch(() => {
      if (cache.peek(id)?.value === value) cache.delete(id);
    });
    return value;
  }

  private async findByIdUncached(id: number): Promise<string> {
    computed.count++;
    if (id < 0) throw new Error(`${this.table}: bad id ${id}`);
    return `${this.table}#${id}`;
  }

  countBetween(from: number, to: number): Promise<number> {
    const key = (([first, second]) => `${first}:${second}`)([from, to]);
    const hit = repositoryCountBetweenCache.get(key);
    if (hit) return hit.value;
    const value = this.countBetweenUncached(from, to);
    repositoryCountBetweenCache.set(key, { value });
    void Promise.resolve(value).catch(() => {
      if (repositoryCountBetweenCache.peek(key)?.value === value) repositoryCountBetweenCache.delete(key);
    });
    return value;
  }

  private async countBetweenUncached(from: number, to: number): Promise<number> {
    computed.count++;
    return to - from;
  }
}
