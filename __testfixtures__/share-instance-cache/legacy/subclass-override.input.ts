import { Memoize } from "typescript-memoize";

export const computed = { count: 0 };

export class Shape {
  @Memoize()
  area(size: number): number {
    computed.count++;
    return size * size;
  }

  @Memoize()
  perimeter(size: number): number {
    computed.count++;
    return 4 * size;
  }
}

export class Circle extends Shape {
  override area(size: number): number {
    return Math.round(Math.PI * size * size);
  }
}
