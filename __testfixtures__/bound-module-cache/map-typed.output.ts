import { LRUCache } from "lru-cache";
export const computed = { count: 0 };

interface Shape {
  name: string;
  sides: number;
}

const shapes = new LRUCache<string, Shape>({ max: 500 });

export function shapeOf(name: string): Shape {
  const cached = shapes.get(name);
  if (cached) return cached;
  computed.count++;
  const shape = { name, sides: name.length };
  shapes.set(name, shape);
  return shape;
}

// An annotated cache: the annotation becomes LRUCache too.
const slugs: LRUCache<string, string> = new LRUCache({ max: 500 });

export function slug(title: string): string {
  let value = slugs.get(title);
  if (value === undefined) {
    computed.count++;
    value = title.toLowerCase().replace(/\s+/g, "-");
    slugs.set(title, value);
  }
  return value;
}

const triangles = new LRUCache<number, number>({ max: 500 });

export function triangle(n: number): number {
  if (!triangles.has(n)) {
    computed.count++;
    triangles.set(n, (n * (n + 1)) / 2);
  }
  return triangles.get(n)!;
}

/** Iterated: LRUCache iterates most recently used first (reported, rewritten anyway). */
export function knownTriangles(): number[] {
  return [...triangles.keys()];
}
