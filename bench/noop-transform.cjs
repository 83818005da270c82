// DESIGN §7 baseline: the least work any jscodeshift codemod does to find its sites — parse, change nothing.
module.exports = function noop(file, api) {
  api.jscodeshift(file.source);
  return undefined;
};
