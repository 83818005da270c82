import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const shapeAreaCaches = new WeakMap<object, LRUCache<Parameters<Shape["areaUncached"]>[0], { value: ReturnType<Shape["areaUncached"]> }>>();
const shapePerimeterCache = new LRUCache<Parameters<Shape["perimeterUncached"]>[0], { value: ReturnType<Shape["perimeterUncached"]> }>({ max: 500 });

export class Shape {
  area(size: number): number {
    let cache = shapeAreaCaches.get(this);
    if (!cache) shapeAreaCaches.set(this, (cache = new LRUCache({ max: 500 })));
    const hit = cache.get(size);
    if (hit) return hit.value;
    const value = this.areaUncached(size);
    cache.set(size, { value });
    return value;
  }

  private areaUncached(size: number): number {
    computed.count++;
    return size * size;
  }

  perimeter(size: number): number {
    const hit = shapePerimeterCache.get(size);
    if (hit) return hit.value;
    const value = this.perimeterUncached(size);
    shapePerimeterCache.set(size, { value });
    return value;
  }

  private perimeterUncached(size: number): number {
    computed.count++;
    return 4 * size;
  }
}

export class Circle extends Shape {
  override area(size: number): number {
    return Math.round(Math.PI * size * size);
  }
}
