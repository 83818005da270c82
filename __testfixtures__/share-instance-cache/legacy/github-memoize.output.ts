import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const clientFetchUserCaches = new WeakMap<object, LRUCache<string, { value: ReturnType<Client["fetchUserUncached"]> }>>();
const clientRouteCache = new LRUCache<{}, { value: ReturnType<Client["routeUncached"]> }>({ max: 500 });

export class Client {
  constructor(readonly baseUrl: string) {}

  fetchUser(id: string): Promise<string> {
    let cache = clientFetchUserCaches.get(this);
    if (!cache) clientFetchUserCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const key = JSON.stringify([id], (_key, item) => (typeof item === "object" ? item : String(item)));
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = this.fetchUserUncached(id);
    cache.set(key, { value });
    void Promise.resolve(value).catch(() => {
      if (cache.peek(key)?.value === value) cache.delete(key);
    });
    return value;
  }

  private async fetchUserUncached(id: string): Promise<string> {
    computed.count++;
    if (id === "missing") throw new Error(`${this.baseUrl}/users/${id}: not found`);
    return `${this.baseUrl}/users/${id}`;
  }

  route(path: string): string {
    const key = ((path: string) => path.replace(/\/+$/, ""))(path);
    const hit = clientRouteCache.get(key);
    if (hit) return hit.value;
    const value = this.routeUncached(path);
    clientRouteCache.set(key, { value });
    return value;
  }

  private routeUncached(path: string): string {
    computed.count++;
    return `/api${path}`;
  }
}
