// A module cache keyed by a few values (a boolean, an enum) cannot grow: reported as bounded
// (MC126) and left byte for byte. The one keyed by a string is rewritten.
export enum Theme {
  Light,
  Dark,
}

const paletteByTheme = new Map<Theme, string[]>();

export function paletteOf(theme: Theme): string[] {
  let palette = paletteByTheme.get(theme);
  if (!palette) {
    palette = theme === Theme.Dark ? ["#000", "#333"] : ["#fff", "#eee"];
    paletteByTheme.set(theme, palette);
  }
  return palette;
}

const formatters: Record<string, Intl.NumberFormat> = {};

export function formatterFor(compact: boolean): Intl.NumberFormat {
  const key = compact ? "compact" : "standard";
  return (formatters[key] ??= new Intl.NumberFormat("en", { notation: key }));
}

const labels = new Map<string, string>();

export function labelOf(name: string): string {
  let label = labels.get(name);
  if (label === undefined) {
    label = name.toUpperCase();
    labels.set(name, label);
  }
  return label;
}
