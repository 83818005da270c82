import memize from "memize";

export const computed = { count: 0 };

export const className = memize((block: string, modifier: string) => {
  computed.count++;
  return `${block}--${modifier}`;
}, { maxSize: 500 });

export const unlimited = memize((id: number) => {
  computed.count++;
  return id * 2;
}, { maxSize: 500 });

export const bounded = memize((id: number) => id * 3, { maxSize: 50 });
