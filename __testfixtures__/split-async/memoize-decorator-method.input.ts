import { memoizeDecorator } from "memoize";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

function compile(template: string): string[] {
  computed.count++;
  return template.split("{}");
}

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
  @memoizeDecorator()
  async parts(name: string): Promise<number> {
    const template = await this.download(name);
    return compile(template).length;
  }
}
