import memize from "memize";

export const computed = { count: 0 };

export const className = memize((block: string, modifier: string) => {
  computed.count++;
  return `${block}--${modifier}`;
});

export const unlimited = memize((id: number) => {
  computed.count++;
  return id * 2;
}, { maxSize: Infinity });

export const bounded = memize((id: number) => id * 3, { maxSize: 50 });
