import memoize from "memoize-decorator";

export const computed = { count: 0 };

export class Settings {
  constructor(private readonly raw: string) {}

  @memoize
  get parsed(): Record<string, string> {
    computed.count++;
    return Object.fromEntries(this.raw.split(";").map((pair) => pair.split("=") as [string, string]));
  }
}
