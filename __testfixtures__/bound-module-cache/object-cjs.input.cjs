"use strict";
const computed = { count: 0 };

const routes = Object.create(null);

/** @param {string} path */
function compile(path) {
  computed.count++;
  return path.split("/").filter(Boolean);
}

/** @param {string} path */
const route = (path) => routes[path] || (routes[path] = compile(path));

/** @param {string} path */
function isCompiled(path) {
  return path in routes;
}

const owners = {};

/** @param {number} id */
function owner(id) {
  if (!owners.hasOwnProperty(id)) {
    computed.count++;
    owners[id] = { id, name: "owner-" + id };
  }
  return owners[id];
}

module.exports = { computed, route, isCompiled, owner };
