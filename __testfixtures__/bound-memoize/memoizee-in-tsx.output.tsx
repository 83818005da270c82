import memoizee from "memoizee";

declare global {
  namespace JSX {
    interface IntrinsicElements {
      b: { title?: string; children?: unknown };
    }
  }
}

export const computed = { count: 0 };

export const badge = memoizee((count: number) => {
  computed.count++;
  return <b title={`${count} unread`}>{count}</b>;
}, { max: 500 });
