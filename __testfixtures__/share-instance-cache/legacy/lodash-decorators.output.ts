import { Memoize } from "lodash-decorators";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const shared = new LRUCache<string, string>({ max: 100 });

const greeterGreetCaches = new WeakMap<object, LRUCache<Parameters<Greeter["greetUncached"]>[0], { value: ReturnType<Greeter["greetUncached"]> }>>();
const greeterAddressCaches = new WeakMap<object, LRUCache<ReturnType<Greeter["keyOf"]>, { value: ReturnType<Greeter["addressUncached"]> }>>();

export class Greeter {
  constructor(private readonly greeting: string) {}

  greet(name: string): string {
    let cache = greeterGreetCaches.get(this);
    if (!cache) greeterGreetCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const hit = cache.get(name);
    if (hit) return hit.value;
    const value = this.greetUncached(name);
    cache.set(name, { value });
    return value;
  }

  private greetUncached(name: string): string {
    computed.count++;
    return `${this.greeting}, ${name}`;
  }

  address(street: string, city: string): string {
    let cache = greeterAddressCaches.get(this);
    if (!cache) greeterAddressCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const key = this.keyOf(street, city);
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = this.addressUncached(street, city);
    cache.set(key, { value });
    return value;
  }

  private addressUncached(street: string, city: string): string {
    computed.count++;
    return `${this.greeting} ${street}, ${city}`;
  }

  keyOf(street: string, city: string): string {
    return `${street}|${city}`;
  }

  @Memoize({ cache: shared })
  shout(name: string): string {
    return `${this.greeting.toUpperCase()} ${name}`;
  }
}
