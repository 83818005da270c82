import memoize from "memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

function compile(template: string): string[] {
  computed.count++;
  return template.split("{}");
}

const partsCore = memoize((template: string) => compile(template).length, { cache: new LRUCache({ max: 500 }) });

export class Templates {
  constructor(private readonly baseUrl: string) {}

  private async download(name: string): Promise<string> {
    upstream.calls++;
    if (upstream.failures > 0) {
      upstream.failures--;
      throw new Error(`no template ${name}`);
    }
    return `${this.baseUrl}/${name}: Hello {}!`;
  }

  // The I/O reads `this`; the compilation after it does not: it is split out of the method.
  async parts(name: string): Promise<number> {
    const template = await this.download(name);
    return partsCore(template);
  }
}
