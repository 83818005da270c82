import { memoizeDecorator } from "memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const translatorTranslateCaches = new WeakMap<object, LRUCache<Parameters<Translator["translateUncached"]>[0], { value: ReturnType<Translator["translateUncached"]> }>>();
const translatorPluralCache = new LRUCache<Parameters<Translator["pluralUncached"]>[0], { value: ReturnType<Translator["pluralUncached"]> }>({ max: 500, ttl: 30_000 });
const translatorParseLocaleCache = new LRUCache<Parameters<(typeof Translator)["parseLocaleUncached"]>[0], { value: ReturnType<(typeof Translator)["parseLocaleUncached"]> }>({ max: 500 });

export class Translator {
  constructor(private readonly locale: string) {}

  translate(key: string): string {
    let cache = translatorTranslateCaches.get(this);
    if (!cache) translatorTranslateCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = this.translateUncached(key);
    cache.set(key, { value });
    return value;
  }

  private translateUncached(key: string): string {
    computed.count++;
    return `${this.locale}:${key}`;
  }

  plural(word: string): string {
    const hit = translatorPluralCache.get(word);
    if (hit) return hit.value;
    const value = this.pluralUncached(word);
    translatorPluralCache.set(word, { value });
    return value;
  }

  private pluralUncached(word: string): string {
    computed.count++;
    return `${word}s`;
  }

  @memoizeDecorator()
  get direction(): "ltr" | "rtl" {
    computed.count++;
    return this.locale.startsWith("ar") ? "rtl" : "ltr";
  }

  static parseLocale(tag: string): string[] {
    const hit = translatorParseLocaleCache.get(tag);
    if (hit) return hit.value;
    const value = this.parseLocaleUncached(tag);
    translatorParseLocaleCache.set(tag, { value });
    return value;
  }

  private static parseLocaleUncached(tag: string): string[] {
    computed.count++;
    return tag.split("-");
  }
}
