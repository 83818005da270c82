import mem from "mem";

export const computed = { count: 0 };

function slugify(title: string): string {
  computed.count++;
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

// async, but nothing is awaited: the whole body is the synchronous core.
export const slugOf = mem(async (title: string) => slugify(title));
