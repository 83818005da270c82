export const computed = { count: 0 };

const labels: Record<string, string> = {};

export function label(id: string): string {
  if (id in labels) return labels[id];
  computed.count++;
  return (labels[id] = `label-${id}`);
}

export const labelCount = (): number => Object.keys(labels).length;

const areas: { [size: string]: number } = {};

function square(size: number): number {
  computed.count++;
  return size * size;
}

export const area = (size: number): number => (areas[`${size}`] ??= square(size));

// Numbers used consistently stay numbers: in a Map, 1 and "1" would be two keys.
const cubes: Record<number, number> = {};

export function cube(n: number): number {
  cubes[n] ||= (computed.count++, n * n * n);
  return cubes[n];
}

interface Config {
  name: string;
  port: number;
}

const configs = Object.create(null) as Record<string, Config>;

function validate(config: Config): void {
  if (config.port <= 0) throw new Error(`bad port for ${config.name}`);
}

export function config(name: string): Config {
  if (!Object.prototype.hasOwnProperty.call(configs, name)) {
    computed.count++;
    configs[name] = { name, port: 8000 + name.length };
    try {
      validate(configs[name]);
    } catch (error) {
      delete configs[name];
      throw error;
    }
  }
  return configs[name];
}
