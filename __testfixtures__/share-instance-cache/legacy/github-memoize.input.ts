import memoize from "@github/memoize/decorator";

export const computed = { count: 0 };

export class Client {
  constructor(readonly baseUrl: string) {}

  @memoize()
  async fetchUser(id: string): Promise<string> {
    computed.count++;
    if (id === "missing") throw new Error(`${this.baseUrl}/users/${id}: not found`);
    return `${this.baseUrl}/users/${id}`;
  }

  @memoize({ hash: (path: string) => path.replace(/\/+$/, "") })
  route(path: string): string {
    computed.count++;
    return `/api${path}`;
  }
}
