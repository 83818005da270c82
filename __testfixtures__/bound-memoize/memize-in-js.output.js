import memize from "memize";

export const computed = { count: 0 };

export const escapeHtml = memize((text) => {
  computed.count++;
  return String(text).replace(/[&<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}, { maxSize: 500 });
