import { Memoize } from "typescript-memoize";

export const computed = { count: 0 };

export class Report {
  // memocap-ignore: measured, the instance count is tiny
  @Memoize()
  render(page: number): string {
    computed.count++;
    return `page ${page}`;
  }

  // memocap-max: 20
  @Memoize()
  summary(page: number): string {
    computed.count++;
    return `summary ${page}`;
  }
}
