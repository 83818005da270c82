import mem from "mem";

export const computed = { count: 0 };

export const slugify = mem((title) => {
  computed.count++;
  return String(title).toLowerCase().replace(/\W+/g, "-");
});
