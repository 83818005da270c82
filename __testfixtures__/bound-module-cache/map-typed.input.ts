export const computed = { count: 0 };

interface Shape {
  name: string;
  sides: number;
}

const shapes = new Map<string, Shape>();

export function shapeOf(name: string): Shape {
  const cached = shapes.get(name);
  if (cached) return cached;
  computed.count++;
  const shape = { name, sides: name.length };
  shapes.set(name, shape);
  return shape;
}

// An annotated cache: the annotation becomes LRUCache too.
const slugs: Map<string, string> = new Map();

export function slug(title: string): string {
  let value = slugs.get(title);
  if (value === undefined) {
    computed.count++;
    value = title.toLowerCase().replace(/\s+/g, "-");
    slugs.set(title, value);
  }
  return value;
}

const triangles = new Map<number, number>();

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
