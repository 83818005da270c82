import Memoize from "lodash-decorators/memoize";

export const computed = { count: 0 };

export class Slugger {
  @Memoize((title: string, separator: string) => `${separator}${title}`)
  slug(title: string, separator: string): string {
    computed.count++;
    return title.toLowerCase().split(" ").join(separator);
  }
}
