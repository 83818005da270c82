import { Memoize } from "lodash-decorators";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const shared = new LRUCache<string, string>({ max: 100 });

export class Greeter {
  constructor(private readonly greeting: string) {}

  @Memoize()
  greet(name: string): string {
    computed.count++;
    return `${this.greeting}, ${name}`;
  }

  @Memoize("keyOf")
  address(street: string, city: string): string {
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
