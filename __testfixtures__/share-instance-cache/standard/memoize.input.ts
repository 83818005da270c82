import { memoizeDecorator } from "memoize";

export const computed = { count: 0 };

export class Translator {
  constructor(private readonly locale: string) {}

  @memoizeDecorator()
  translate(key: string): string {
    computed.count++;
    return `${this.locale}:${key}`;
  }

  @memoizeDecorator({ maxAge: 30_000 })
  plural(word: string): string {
    computed.count++;
    return `${word}s`;
  }

  @memoizeDecorator()
  get direction(): "ltr" | "rtl" {
    computed.count++;
    return this.locale.startsWith("ar") ? "rtl" : "ltr";
  }

  @memoizeDecorator()
  static parseLocale(tag: string): string[] {
    computed.count++;
    return tag.split("-");
  }
}
