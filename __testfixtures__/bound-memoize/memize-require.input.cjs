const memize = require("memize");

const computed = { count: 0 };

const toPath = memize(function toPath(key) {
  computed.count++;
  return key.split(".");
}, {});

module.exports = { computed, toPath };
