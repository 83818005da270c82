import { Memoize } from "typescript-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const reportSummaryCache = new LRUCache<Parameters<Report["summaryUncached"]>[0], { value: ReturnType<Report["summaryUncached"]> }>({ max: 20 });

export class Report {
  // memocap-ignore: measured, the instance count is tiny
  @Memoize()
  render(page: number): string {
    computed.count++;
    return `page ${page}`;
  }

  // memocap-max: 20
  summary(page: number): string {
    const hit = reportSummaryCache.get(page);
    if (hit) return hit.value;
    const value = this.summaryUncached(page);
    reportSummaryCache.set(page, { value });
    return value;
  }

  private summaryUncached(page: number): string {
    computed.count++;
    return `summary ${page}`;
  }
}
