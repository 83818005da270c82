import { LRUCache } from "lru-cache";
export const computed = { count: 0 };

const labels: LRUCache<string, string> = new LRUCache({ max: 500 });

export function label(id: string): string {
  if (labels.has(id)) return labels.get(id)!;
  computed.count++;
  labels.set(id, `label-${id}`);
  return labels.get(id)!;
}

export const labelCount = (): number => labels.size;

const areas: LRUCache<string, number> = new LRUCache({ max: 500 });

function square(size: number): number {
  computed.count++;
  return size * size;
}

export const area = (size: number): number => { if (!areas.has(`${size}`)) areas.set(`${size}`, square(size)); return areas.get(`${size}`)!; };

// Numbers used consistently stay numbers: in a Map, 1 and "1" would be two keys.
const cubes: LRUCache<number, number> = new LRUCache({ max: 500 });

export function cube(n: number): number {
  if (!cubes.has(n)) cubes.set(n, (computed.count++, n * n * n));
  return cubes.get(n)!;
}

interface Config {
  name: string;
  port: number;
}

const configs = new LRUCache<string, Config>({ max: 500 });

function validate(config: Config): void {
  if (config.port <= 0) throw new Error(`bad port for ${config.name}`);
}

export function config(name: string): Config {
  if (!configs.has(name)) {
    computed.count++;
    configs.set(name, { name, port: 8000 + name.length });
    try {
      validate(configs.get(name)!);
    } catch (error) {
      configs.delete(name);
      throw error;
    }
  }
  return configs.get(name)!;
}
