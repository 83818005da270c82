"use strict";
const { LRUCache } = require("lru-cache");
const computed = { count: 0 };

const routes = new LRUCache({ max: 500 });

/** @param {string} path */
function compile(path) {
  computed.count++;
  return path.split("/").filter(Boolean);
}

/** @param {string} path */
const route = (path) => { if (!routes.has(path)) routes.set(path, compile(path)); return routes.get(path); };

/** @param {string} path */
function isCompiled(path) {
  return routes.has(path);
}

const owners = new LRUCache({ max: 500 });

/** @param {number} id */
function owner(id) {
  if (!owners.has(id)) {
    computed.count++;
    owners.set(id, { id, name: "owner-" + id });
  }
  return owners.get(id);
}

module.exports = { computed, route, isCompiled, owner };
